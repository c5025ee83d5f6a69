"""Tickers: an all-capitals word the text treats as a crypto asset ("the EUL token", "$MNGO") is an ASSET."""

from __future__ import annotations

import re

from .doc_entities import EntityBuilder, EntityRecord, doc_text
from .kb import norm

TICKER_WORD = re.compile(r"^\$?(?=[A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{1,11}$")
NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+[A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)$")  # "Velora", "cNGN"


# "stETH", "aBNBc", "ankrBNB", "crvUSD": a lower-case prefix (and maybe a letter after) around a coin's ticker or a
# currency's code names a token derived from it: staked, wrapped or a stablecoin (22 of 23 such words in the gold
# sets are coins; "xAI" is the one that is not, and its "AI" is neither a ticker nor a currency)
DERIVED_TOKEN = re.compile(r"^[a-z]{1,5}(?P<core>[A-Z]{2,5})[a-z]?$")
CURRENCY_CODES = {"USD", "EUR", "GBP", "JPY", "AUD", "CAD", "CHF", "SGD", "HKD", "KRW", "NGN", "BRL", "TRY", "ZAR",
                  "INR", "IDR", "PHP", "THB", "MXN", "ARS", "CNY", "CNH", "AED", "KES"}


# how a price ends or starts a session, told with a figure: "Solana closed at $141, down 4%"
SESSION_VERBS = {"close", "open", "end", "finish"}
# what a venue does with coins: a capitalised name with a ticker in brackets beside them names a coin
TRADED_WORDS = {"trade", "trading", "list", "delist", "listing", "delisting", "pair", "deposit", "withdrawal"}


YEAR = re.compile(r"(?:19|20)\d\d")
STOCK_TICKER = re.compile(r"^[A-Z]{2,5}$")
# what a stock ticker follows: "under the ticker CORZ", "(NASDAQ: COIN)"
STOCK_TICKER_BEFORE = re.compile(r"(?:\bticker(?:\s+symbol)?|\bsymbol|\b(?:NASDAQ|Nasdaq|NYSE|TSX|ASX|LSE)\s*:)"
                                 r"\s*[\"“]?$")
STOCK_WORDS = {"shares", "share", "stock", "stocks", "etf", "fund", "units", "nasdaq", "nyse", "ipo"}
SHARES = {"shares", "share", "stock"}
OWNER_WORDS = {"'s", "’s", "its", "their"}  # "Moonfield's Velora token": the name is not the owner's
STOCK_MARKET = re.compile(r"\b(?:Nasdaq|NYSE|Stock Exchange|Stock Market|TSX|ASX|Cboe|Bourse|Börse|Borsa|Bolsa)\b")


class Tickers(EntityBuilder):
    """The builder's ticker rule: an all-capitals word in a crypto context is an ASSET."""

    def add_tickers(self) -> None:
        """'the EUL token', '$MNGO', 'OM fell 90%', 'BALD, a meme token', 'listed PI': an all-capitals
        word the text treats as a crypto asset is an ASSET, whatever NER made of it."""
        doc = self.doc
        texts, _, _ = self._strings
        by_text: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            if TICKER_WORD.match(text):
                by_text.setdefault(text.lstrip("$"), []).append(i)
        for text, positions in by_text.items():
            if text.casefold() in self.lex.not_entities or not any(self._token_context(i) for i in positions):
                continue
            known = self.kb.lookup(text)
            if any(e.type != "ASSET" and text not in e.ambiguous for e in known):
                continue  # "FTX tokens": the exchange's, not a coin called FTX
            key = self.name_keys.get(norm(text))
            record = self.ents.records.get(key) if key else None
            if record is not None and record.type != "ASSET":
                if record.kb_id or record.defined and norm(record.name) != norm(text):
                    continue  # "Digital Currency Group (DCG)": an acronym of a name, not a ticker
                record.type = "ASSET"
            if record is None:
                assets = [e for e in known if e.type == "ASSET"]
                record = self._record_for(assets[0].name if assets else text, "ASSET", assets[0].id if assets else "")
            for i in positions:
                old = self.taken.get(i)
                if old is None or old.start == i and old.end == i + 1:
                    self._mention(doc[i:i + 1], record, replace=True)
                    self._name_before_the_ticker(i, record)

    def _name_before_the_ticker(self, i: int, record) -> None:
        """'Byeol (BYL)', 'Maru Protocol (MARU)': the capitalised name right before a ticker in brackets, one the
        knowledge base and the other rules left unnamed, is the same coin's."""
        doc = self.doc
        start = self._bracketed_after_a_name(i, past_names=False)
        if start is not None and doc[start].is_alpha and not doc[start].is_sent_start:
            self._mention(doc[start:i - 1], record)

    def _bracketed_after_a_name(self, i: int, *, past_names: bool) -> int | None:
        """Where the capitalised name of up to three words before a ticker in brackets at ``i`` begins ("Maru
        Protocol (MARU)"), reading back over names other rules found too only with ``past_names``; None if no
        such name stands there."""
        doc = self.doc
        if not (i >= 2 and doc[i - 1].text == "(" and i + 1 < len(doc) and doc[i + 1].text == ")"):
            return None
        start = i - 1
        while start - 1 >= 0 and i - 1 - start < 3 and doc[start - 1].is_title and not doc[start - 1].is_stop and \
                (past_names or start - 1 not in self.taken):
            start -= 1
        return start if start < i - 1 else None

    def add_derived_tokens(self) -> None:
        """'stETH', 'aBNBc', 'crvUSD': a word made of a lower-case prefix and a known coin's ticker or a
        currency's code is a token (staked, wrapped, a stablecoin), which NER rarely finds."""
        doc = self.doc
        records: dict[str, EntityRecord] = {}
        for i, tok in enumerate(doc):
            shape = DERIVED_TOKEN.match(tok.text)
            old = self.taken.get(i)
            if not shape or old is not None and (old.start, old.end) != (i, i + 1) or \
                    old is not None and self.ents.records[old.key].kb_id:
                continue  # (a word inside a longer name, or one the knowledge base knows, keeps its reading)
            core = shape.group("core")
            if core not in CURRENCY_CODES and not any(e.type == "ASSET" for e in self.kb.lookup(core)):
                continue
            if tok.text not in records:
                known = [e for e in self.kb.lookup(tok.text) if e.type == "ASSET"]
                records[tok.text] = self._record_for(known[0].name if known else tok.text, "ASSET",
                                                     known[0].id if known else "")
            self._mention(doc[i:i + 1], records[tok.text], replace=old is not None)

    def link_stock_tickers(self) -> None:
        """'Core Scientific's shares, which trade on the Nasdaq under the ticker CORZ', 'its shares trade on the
        Nasdaq as BTM', 'The stock, trading under the ticker CRCL, opened at $69', 'Coinbase shares (COIN)
        rose': a stock ticker is another
        name of the company (or fund) whose shares trade under it, not a company of its own."""
        doc = self.doc
        text = doc_text(doc)
        for i, tok in enumerate(doc):
            if not STOCK_TICKER.match(tok.text) or not (
                    STOCK_TICKER_BEFORE.search(text[max(0, tok.idx - 30):tok.idx]) or
                    i >= 2 and doc[i - 1].lower_ == "as" and doc[i - 1].head.lemma_.lower() == "trade" or
                    i >= 2 and doc[i - 1].text == "(" and doc[i - 2].lower_ in ("shares", "stock")):
                continue
            sent = tok.sent
            if not any(t.lower_ in STOCK_WORDS for t in sent):
                continue  # "the token, trading under the ticker TRUMP": a coin's ticker, the ticker rule's
            owner = self._whose_shares(sent, i)
            if owner is None:
                continue
            old = self.taken.get(i)
            if old is not None and old.key != owner.key and not self.ents.records[old.key].kb_id:
                for m in [m for m in self.ents.mentions if m.key == old.key and m.text == tok.text]:
                    self._mention(doc[m.start:m.end], owner, replace=True)
            elif old is None:
                self._mention(doc[i:i + 1], owner)

    def _whose_shares(self, sent, ticker: int):
        """The company whose stock a sentence names a ticker for: its subject's (or the owner of its subject,
        "Core Scientific's shares", "Coinbase shares"), else the last company named before the ticker, else (for "its
        shares", "the stock") the company the article has named most before the sentence."""
        # (not a name that only qualifies another noun: "The VanEck Bitcoin ETF, which trades under ...")
        companies = [m for m in self.ents.mentions if not m.generic and sent.start <= m.start < ticker and
                     self.ents.records[m.key].type in ("EXCHANGE", "ORGANIZATION") and
                     not STOCK_MARKET.search(self.ents.records[m.key].name) and (
                         self.doc[m.end - 1].dep_ != "compound" or self.doc[m.end - 1].head.lower_ in SHARES)]
        for m in companies:
            head = self.doc[m.end - 1]
            if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ in ("poss", "compound") and head.head.lower_ in SHARES:
                return self.ents.records[m.key]
        if companies:
            return self.ents.records[companies[-1].key]
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in ("share", "stock", "it", "they"):
            return None  # the stock of something the sentence names otherwise: "The VanEck Bitcoin ETF"
        key = self.ents.leading_company([m for m in self.ents.mentions if m.start < sent.start and
                                         not STOCK_MARKET.search(self.ents.records[m.key].name)])
        return self.ents.records[key] if key else None

    def add_named_tokens(self) -> None:
        """'Moonfield's Velora token', 'the naira stablecoin cNGN': a capitalised or mixed-case name that
        the knowledge base does not know, right before "token" or right after "stablecoin", is an ASSET
        wherever the article writes it, unless it also names a company there (then "the Kelvora token"
        is the company's token, named after it)."""
        doc = self.doc
        texts, _, _ = self._strings
        by_text: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            if NAME_WORD.match(text) and not TICKER_WORD.match(text) and not doc[i].is_stop:
                by_text.setdefault(text, []).append(i)
        for text, positions in by_text.items():
            if not any(self._named_token_at(i) for i in positions) or self.kb.lookup(text) or \
                    text.casefold() in self.lex.not_entities or any(doc[i].ent_type_ == "NORP" for i in positions):
                continue  # (not "a Jordanian token": what a people calls its own)
            olds = [self.taken[i] for i in positions if i in self.taken]
            owned = any(self._named_token_at(i) and i > 0 and doc[i - 1].lower_ in OWNER_WORDS for i in positions)
            if any(m.end - m.start > 1 or self.ents.records[m.key].kb_id or not owned and
                   self.ents.records[m.key].type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") for m in olds):
                continue  # part of a longer name, one the knowledge base knows, or a company's (unless the
                # token has another owner: "Moonfield's Velora token", "its Velora token")
            record = self._record_for(text, "ASSET")
            record.type = "ASSET"  # (an owned token's name NER read as a company's)
            for i in positions:
                self._mention(doc[i:i + 1], record, replace=True)

    def read_networks_as_coins(self) -> None:
        """'2.5 million Cardano', 'trade bitcoin, ether, Solana and EURC', 'Arbitrum fell 10%', 'Chainlink (LINK)':
        a network's name counted in coins, listed among coins, moving in price or followed by its coin's ticker is
        its coin there (the knowledge base's coin that goes by "Cardano token")."""
        doc = self.doc
        for m in [m for m in self.ents.mentions if not m.generic]:
            record = self.ents.records[m.key]
            if record.type not in ("ORGANIZATION", "EXCHANGE") or not record.kb_id or m.end - m.start != 1:
                continue
            coin = next((e for e in self.kb.lookup(f"{m.text} token") if e.type == "ASSET"), None)
            if coin is None or not (self._counted(m.start) or self._listed_with_coins(m.start) or
                                    self._moves_in_price(m.start) or self._coins_ticker_after(m.end, coin)):
                continue
            coin_record = self._record_for(coin.name, "ASSET", coin.id)
            self._mention(doc[m.start:m.end], coin_record, replace=True)
            for other in [o for o in self.ents.mentions if o.key == record.key and o.text in record.defined]:
                self._mention(doc[other.start:other.end], coin_record, replace=True)  # "Cardano (ADA)": ADA too

    def _coins_ticker_after(self, end: int, coin) -> bool:
        """'Chainlink (LINK)', 'Celestia (TIA)': the network's name with its coin's ticker in brackets names the
        coin."""
        doc = self.doc
        return end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text in coin.tickers and \
            doc[end + 2].text == ")"

    def _counted(self, i: int) -> bool:
        """'2.5 million Cardano', '40,000 Solana': an amount right before the name."""
        prev = self.doc[i - 1] if i > 0 else None
        # (not a year: "in July 2021 FTX co-founder Sam Bankman-Fried")
        return prev is not None and (prev.like_num and not YEAR.fullmatch(prev.text) or
                                     prev.lower_ in ("million", "billion", "thousand"))

    def _moves_in_price(self, i: int) -> bool:
        """'Arbitrum fell 10% on Monday', 'Lido jumped to $2.10': the subject of a price move told in figures."""
        tok = self.doc[i]
        verb = tok.head.lemma_.lower()
        return tok.dep_ == "nsubj" and (verb in self.lex.price_verbs or verb in SESSION_VERBS) and any(
            t.text == "%" or t.tag_ == "$" for t in tok.head.subtree)

    def _listed_with_coins(self, i: int) -> bool:
        """'bitcoin, ether, Solana and the EURC stablecoin': coordinated with a coin the article names."""
        tok = self.doc[i]
        others = {t.i for t in tok.conjuncts}
        return any(m.start <= k < m.end and self.ents.records[m.key].type == "ASSET"
                   for m in self.ents.mentions for k in others)

    def _appositive_opener(self, i: int, end: int) -> int | None:
        """Where an appositive starting at token i begins its description: after an article or an owner
        ("its", "the protocol's", "Zephyr's"), else None."""
        doc = self.doc
        if i < end and doc[i].lower_ in ("a", "an", "the", "its", "their"):
            return i + 1
        for k in range(i, min(i + 3, end - 1)):  # an owner's name of up to three words, then "'s"
            if not doc[k].is_title and not doc[k].is_upper:
                return None
            if doc[k + 1].text in ("'s", "’s"):
                return k + 2
        return None

    def _named_token_at(self, i: int) -> bool:
        doc = self.doc
        # (lowercase: "Payment Token Services Regulation" names a rule)
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        prev = doc[i - 1].text if i > 0 else ""
        return nxt in ("token", "coin", "stablecoin", "memecoin") or prev in ("stablecoin", "token", "memecoin") or \
            self._called_a_token(i)

    def _called_a_token(self, i: int) -> bool:
        """'a token called TAL', 'a stablecoin dubbed Velora': the name a token noun is given."""
        doc = self.doc
        return i >= 2 and doc[i - 1].lower_ in ("called", "named", "dubbed") and \
            doc[i - 2].lower_ in self.lex.token_nouns

    def _coin_name_before(self, i: int) -> bool:
        """A ticker in brackets right after a capitalised name of its own (not the acronym of an organisation's
        name: "the Association of Cryptocurrencies and Blockchain (ABCB)")."""
        doc = self.doc
        start = self._bracketed_after_a_name(i, past_names=True)
        if start is None or any(k in self.taken and self.ents.records[self.taken[k].key].type != "ASSET"
                                for k in range(start, i - 1)):
            return False
        before = doc[start - 1].lower_ if start else ""
        if before in ("and", "&") and start >= 2 and start - 2 in self.taken:
            return self.ents.records[self.taken[start - 2].key].type == "ASSET"  # "..., Maru Protocol (MARU) and"
        return before not in ("of", "for", "&", "de", "the")

    def _token_context(self, i: int) -> bool:
        doc = self.doc
        tok = doc[i]
        sent = tok.sent
        nouns = self.lex.token_nouns
        prev = doc[i - 1] if i > sent.start else None
        nxt = doc[i + 1] if i + 1 < sent.end else None
        if tok.text.startswith("$") or prev is not None and prev.text == "$" and not prev.whitespace_:
            return True  # "$MNGO"
        if nxt is not None and nxt.lower_ in nouns or prev is not None and prev.lower_ in nouns or \
                self._called_a_token(i):
            return True  # "MNGO tokens", "the ticker SFM", "token EUL", "a token called TAL"
        if prev is not None and prev.text == "," and i - 2 >= sent.start and doc[i - 2].lower_ in nouns:
            return True  # "its governance token, EUL"
        opener = self._appositive_opener(i + 2, sent.end) if nxt is not None and nxt.text == "," else None
        if opener is not None:  # "BALD, a meme token", "OM, the token of ...", "ZEPH, Zephyr's governance token"
            for t in doc[opener:min(opener + 5, sent.end)]:
                if t.lower_ in nouns:
                    return True
                if t.is_punct and t.text != "-" or t.pos_ == "VERB":
                    break
        if prev is not None and prev.lower_ in ("million", "billion", "thousand") or prev is not None and \
                prev.like_num and not re.fullmatch(r"(19|20)\d\d", prev.text):
            return True  # "43.6 million OM"
        if prev is not None and prev.lower_ == "of" and i - 2 >= sent.start and doc[i - 2].lower_ in ("price", "value"):
            return True  # "the price of CEL"
        for k in (i - 2, i + 2):
            # "ZARM/USDT", "XRP/ZAR": one half of a trading pair whose other half is a coin the text names
            # (a currency's code, such as ZAR, is no entity itself)
            if sent.start <= k < sent.end and doc[(i + k) // 2].text == "/" and k in self.taken and \
                    self.ents.records[self.taken[k].key].type == "ASSET":
                return True
        if nxt is not None and nxt.text in ("'s", "’s") and i + 2 < sent.end and \
                doc[i + 2].lower_ in ("price", "value"):
            return True  # "JELLYJELLY's price"
        if self._coin_name_before(i) and any(t.lemma_.lower() in TRADED_WORDS or t.lower_ in nouns for t in sent):
            return True  # "began trading Astar (ASTR) and Polkadot (DOT)", "three tokens — Byeol (BYL), ..."
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in ("list", "delist"):
            return True  # "listed PI for spot trading"
        if tok.dep_ == "nsubj" and head.lemma_.lower() in self.lex.price_verbs and any(
                t.text in ("%", "$") or t.lower_ == "percent" for t in doc[head.i:min(head.i + 8, sent.end)]):
            return True  # "OM fell 90%", "OM fell below $0.50"
        return any(j in self.taken and self.ents.records[self.taken[j].key].type == "ASSET"
                   for j in (c.i for c in tok.conjuncts))  # "stETH, USDC, DAI and WBTC"
