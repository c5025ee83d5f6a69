"""Which type a name has, read from its context: "crypto exchange X", "in X", "X, a platform".

NER's label and the name's shape give a first guess; these rules correct it
from the words around the name, and make a name typed EXCHANGE once an
exchange everywhere in the article.
"""

from __future__ import annotations

from spacy.tokens import Span

import functools
import re

from .candidate_spans import (FIRM_ONLY_KINDS, FIRM_TITLES, LEGAL_FORMS, NAME_PARTICLES, ORG_KIND_NOUNS, ORG_SUFFIXES,
                              described_as_organisation)
from .doc_entities import EntityBuilder, doc_text
from .generic_mentions import REPORTING_VERBS


# who wins a licence and who grants one, for a company licensed to run an exchange
LICENCE_WINNING_VERBS = {"receive", "win", "obtain", "secure", "get", "gain", "hold", "award", "grant", "issue"}
LICENCE_GRANTING_VERBS = {"grant", "award", "issue", "give"}
LICENCE_NOUNS = {"licence", "license", "authorisation", "authorization", "permit"}
# what a venue does to the coins it trades: "will stop trading Monero", "suspended trading in PEPE"
VENUE_TRADING_VERBS = {"stop", "cease", "begin", "start", "resume", "suspend", "halt", "pause", "end"}
# what a crypto venue is said to trade, between its name and "exchange"
VENUE_MODIFIERS = {"crypto", "cryptocurrency", "bitcoin", "derivatives", "spot", "futures", "digital", "asset",
                   "virtual", "currency", "token"}
EXCHANGE_NOUN_WORDS = 4  # the most words a noun of exchanges has: "digital - asset broker" (the hyphen a token)
# what a trading venue that is no crypto exchange trades ("a retail futures trading platform"), and what makes it one
OTHER_MARKETS = {"futures", "stock", "stocks", "share", "shares", "equity", "equities", "forex", "options", "commodity",
                 "commodities"}
CRYPTO_MARKETS = {"crypto", "cryptocurrency", "cryptocurrencies", "bitcoin", "digital", "token", "tokens"}
# what a place is called in apposition to its name: "Quincy, the town where the exchange kept its offices"
PLACE_NOUNS = {"town", "city", "village", "county", "province", "region", "district", "island", "port", "capital",
               "suburb", "neighbourhood", "neighborhood", "municipality", "prefecture", "state"}
PLACE_PREPOSITIONS = {"in", "from", "at", "near", "to", "across", "outside", "of", "around"}
# words that can open an appositive before its description: "Koinex, once one of India's busiest exchanges"
APPOSITIVE_TIME_WORDS = {"once", "now", "still", "formerly", "then", "long"}
# titles only a company gives, so that the name after their "of" is no place ("co-founder and CEO of Ejara")
COMPANY_ONLY_TITLES = {"ceo", "cto", "cfo", "coo", "founder", "cofounder", "executive", "shareholder", "employee"}
PLACE_PARTS = {"area", "district", "region", "province", "neighbourhood", "neighborhood", "suburb", "borough"}
PLACE_PARTS_PLURAL = {"districts", "provinces", "regions", "states", "counties", "prefectures", "municipalities"}
CENTRAL_BANK_NAME = re.compile(r"^(?:National |Central |Reserve )?Bank of (?:the )?([A-Z][\w .'-]+)$")
CENTRAL_BANK_APPOSITIVE = re.compile(r"^\s*(?:\([A-Z]{2,6}\)\s*)?,\s*"
                                     r"(?:the\s+(?:country['’]s\s+|nation['’]s\s+|(?-i:[A-Z][a-z]+)\s+)?|"
                                     r"(?:[A-Z][\w.-]*\s+){0,2}?[A-Z][\w.-]*['’]s\s+)"
                                     r"central\s+bank(?!['’\w])")
CENTRAL_BANK_BEFORE = re.compile(r"central\s+bank\s*,\s*(?:the\s+)?$")
# the last word of a network's, protocol's or wallet's name: "Heco Chain", "Atomic Wallet" are no people or places
NETWORK_WORDS = {"Chain", "Network", "Protocol", "Bridge", "Wallet", "Finance", "Swap", "DAO"}
# a stock exchange in the languages that name one so ("Bolsa Boliviana de Valores", "Borsa Italiana")
STOCK_EXCHANGE_WORDS = {"Bolsa", "Borsa", "Bourse", "Börse", "Boerse", "Burza", "Bursa"}
# "Bank", and the word in the languages central banks are named in ("Latvijas Banka", "Banco de España")
BANK_WORDS = {"bank", "banka", "banco", "banque", "bankas", "banca", "banken"}
# a securities regulator's name, though "Capital" otherwise marks a fund: "Hellenic Capital Market Commission"
MARKET_REGULATOR = re.compile(r"\bCapital\s+Markets?\s+(?:Authority|Commission|Board|Agency|Council)\b")
# a government's council, though "Council" otherwise names an industry body ("Texas Blockchain Council")
GOVERNING_COUNCIL = re.compile(r"\b(?:City|Town|Common|County|State|Municipal|Village|Parish)\s+Council\b")
# "Block Earner co-founder and chief executive Charles Storry": a company's title between two names
COMPANY_TITLE_BETWEEN = re.compile(
    r"^\s+(?:(?:co-?founder|founder|chief\s+executive(?:\s+officer)?|CEO|COO|CFO|CTO|chairman|chairwoman|"
    # ("former Ouro Verde sales director Camila Prates Lopes", "Two other Zuma Hashpower directors, A and B")
    r"(?-i:[a-z]+\s+)?directors?|(?:managing\s+|general\s+)?partners?)"
    r"(?:\s+and\s+|\s*,\s*)?)+\s*$", re.I)


# what one holds "in" a company: "investors in Savedroid", "a stake in Tranglo"
STAKE_WORDS = {"investors", "investor", "stake", "stakes", "shares", "invested", "investing", "investment",
               "investments", "shareholders", "shareholder"}


# ", the reward token of", " (SLP), a dollar stablecoin": an appositive that says the name is a coin's
# (the coin word heads it: not "a peer-to-peer cryptocurrency trading app", "a token launchpad")
# (after the name spelled out too: "MIM, or Magic Internet Money, the dollar-pegged stablecoin issued by")
TOKEN_APPOSITIVE = re.compile(r"^\s*(?:\([A-Z0-9$]{2,8}\)\s*)?(?:,\s*or\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*\s*)?"
                              r",\s*(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:token|coin|stablecoin|memecoin|cryptocurrency)\s*(?:[,.;)]|(?:of|that|which|issued|"
                              r"backed|pegged|launched|used|created)\b)")
# ", a Melbourne woman who", ", a 52-year-old businessman", ", an independent security researcher": a
# description only a person takes
PERSON_RELATIVE = re.compile(r"\s*,\s*who\b")
FOUNDER_TITLES = {"founder", "co-founder", "cofounder", "co-founders", "founders"}
PEOPLE_BEFORE = {"billionaire", "tycoon", "businessman", "businesswoman", "entrepreneur"}  # "billionaire X said"
PERSON_DESCRIBED = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,3}?(?-i:man|woman|businessman|businesswoman|resident|national|"
    r"citizen|teenager|student|programmer|entrepreneur|pensioner|retiree|father|mother|grandmother|grandfather|"
    r"researcher|engineer|journalist|reporter|lawyer|attorney|economist|professor|scientist|hacker|consultant|"
    r"analyst|strategist|banker|lecturer|accountant|activist|influencer|blogger|farmer|teacher|doctor|pastor)\b"
    r"(?!['’]s)|"
    # (a partner at a named firm is one of its people: "Beatriz Saraiva, a partner at Atlântico Sul Ventures")
    r"\s*,\s*(?:a|an)\s+(?:(?-i:senior|managing|founding|general|former)\s+)?partner\s+at\s+(?-i:[A-Z])")


class EntityTyping(EntityBuilder):
    """The builder's typing rules; the name rules and defined names ask them too, hence a mixin the others extend."""

    def _place_context(self, span: Span) -> bool:
        doc = self.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end:span.end + 2]
        if span.text.isupper() and len(span.text) > 3 and span.start == span.sent.start and \
                doc[span.end:span.end + 1].text in ("—", "–", "-", ","):
            return True  # dateline: "CHRISTCHURCH —"
        if self._place_appositive(span):
            return True  # "in Quincy, the town where the exchange kept its offices": whatever else the clause names
        if self._exchange_context(span) or self._kind_appositive(span):
            return False  # "at Shopify, the e-commerce platform"
        if prev is not None and prev.lower_ == "of" and span.start > 1 and \
                doc[span.start - 2].lower_ in COMPANY_ONLY_TITLES:
            return False
        if prev is not None and prev.lower_ == "in" and span.start > 1 and doc[span.start - 2].lower_ in STAKE_WORDS:
            return False  # "investors in Savedroid", "a stake in Tranglo": what one invests in is a company
        if prev is not None and prev.lower_ in PLACE_PREPOSITIONS:
            return True
        if prev is not None and prev.lower_ == "the" and span.start > 1 and \
                doc[span.start - 2].lower_ in PLACE_PREPOSITIONS and span.label_ in ("LOC", ""):
            return True  # "firms in the Gulf", "across the Sahel": a region named with its article
        if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in ("based", "headquartered", "registered"):
            return True
        if len(nxt) == 2 and nxt[0].text == "," and nxt[1].i in self.taken and \
                self.ents.records[self.taken[nxt[1].i].key].type == "LOCATION":
            return True  # "Christchurch, New Zealand"
        return self._city_of_region(span)

    def _place_appositive(self, span: Span) -> bool:
        """'Quincy, the town where ...', 'Osu, a district of Accra': an appositive whose head is a kind of place."""
        doc = self.doc
        k = span.end
        if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("the", "a", "an"):
            return False
        k += 2
        while k < len(doc) and k - span.end < 5 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN"):
            if doc[k].lower_ in PLACE_NOUNS and (k + 1 == len(doc) or doc[k + 1].pos_ != "NOUN" and
                                                 doc[k + 1].text not in ("'s", "’s")):
                return True
            k += 1
        return False

    def _plainly_a_place(self, span: Span) -> bool:
        """Wording only places take, whatever NER made of the name: "based in Pangyo", "São Paulo and
        Curitiba" (coordinated with a known place), "the Thamel area of Kathmandu"."""
        doc = self.doc
        if span.start >= 2 and doc[span.start - 1].lower_ == "in" and \
                doc[span.start - 2].lower_ in ("based", "headquartered", "located", "registered"):
            return True
        # (not a place that only says where the next company is: "Kestrix and Dubai-based Veldra")
        if span.start >= 2 and doc[span.start - 1].lower_ in ("and", "or") and self._is_place(span.start - 2) or \
                span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "or") and self._is_place(span.end + 1) \
                and not (span.end + 2 < len(doc) and doc[span.end + 2].text == "-"):
            return True
        if span.end + 1 < len(doc) and doc[span.end].lower_ in PLACE_PARTS and doc[span.end + 1].lower_ == "of":
            return True
        # "in the Kurunegala and Gampaha districts": names before a plural kind of place
        end = span.end
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_title:
            end += 2
        return end < len(doc) and doc[end].lower_ in PLACE_PARTS_PLURAL

    def _city_of_region(self, span: Span) -> bool:
        doc = self.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end:span.end + 2]
        if prev is not None and prev.text in ("'s", "’s") and span.start >= 3 and \
                doc[span.start - 3].lower_ in ("in", "from", "near") and self._is_place(span.start - 2):
            return True  # "police in China's Changzhou"
        return prev is not None and prev.lower_ in ("in", "from", "near") and len(nxt) == 2 and \
            nxt[0].text == "," and self._is_place(nxt[1].i)

    def _person_from_a_town(self, span: Span) -> bool:
        """'Mason Clegg of Leeds, England, and ...': a name of two words followed by "of", a town and its
        country or state is a person's and their home town (a company's branch takes no ", England")."""
        doc = self.doc
        after = span.end + 1
        if len(span) != 2 or not all(t.is_title and t.pos_ == "PROPN" for t in span) or \
                after >= len(doc) or doc[span.end].lower_ != "of" or not self._is_place(after):
            return False
        place_end = self.taken[after].end
        return place_end + 1 < len(doc) and doc[place_end].text == "," and self._is_place(place_end + 1)

    def _is_place(self, i: int) -> bool:
        return i in self.taken and self.ents.records[self.taken[i].key].type == "LOCATION"

    def _conjunct_of_person(self, span: Span) -> bool:
        """'Billy Markus and Jackson Palmer', 'twins Cameron and Tyler Winklevoss': names coordinated
        with a person's name are people."""
        root = span.root
        if not 1 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span) or \
                any(t.text in self.lex.org_suffix_words or t.text in self.lex.org_head_words or t.lower_ in ORG_SUFFIXES
                    or t.text in NETWORK_WORDS for t in span):
            return False
        # NER's label counts only where nothing surer has typed the name ("BNY Mellon and Revolut": NER's
        # PERSON for "BNY Mellon" is the knowledge base's organisation)
        return any(not (span.start <= t.i < span.end) and (
            self.ents.records[self.taken[t.i].key].type == "PERSON" if t.i in self.taken else t.ent_type_ == "PERSON")
            for t in root.conjuncts)

    def _kind_appositive(self, span: Span) -> bool:
        doc = self.doc
        after = doc[span.end:min(span.end + 7, len(doc))]
        body = self._appositive_body(span.end, span.sent.end)
        if len(after) < 3 or after[0].text != "," or body is None:
            return False  # ", a ...", ", the ...", ", another ...", ", Latin America's ..."
        after = doc[body - 2:min(body + 5, len(doc))]
        if _person_title_after(self.lex.titles).match(doc_text(doc)[span.end_char:span.end_char + 90]):
            return False  # "a Kraken product manager": a person's job, whatever kind word it ends in
        for tok in after[2:]:
            # "the company's president" is a person's appositive, and so is "a software developer who ..."; "X, the
            # company said" is no appositive at all
            if tok.lower_ in ORG_KIND_NOUNS and doc[tok.i + 1:tok.i + 2].text not in ("'s", "’s", "who") and \
                    not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "VERB" and
                         doc[tok.i + 1].lemma_.lower() in REPORTING_VERBS) and \
                    not (tok.dep_ in ("compound", "amod") and tok.head.i > tok.i and tok.head.pos_ == "NOUN" and
                         tok.head.lower_ not in ORG_KIND_NOUNS):
                return True  # (not "a fintech analyst": the kind only says what the person analyses)
            if tok.text in (",", ".", ";") or tok.pos_ == "VERB" or tok.pos_ == "ADP":
                break  # "X, a lawyer at Prague firm Y": the firm is where X works, not what X is
        return False

    def _titled_appositive(self, span: Span) -> bool:
        """'Cuy Sheffield, Visa's head of crypto', 'Faruk Fatih Özer, the founder of failed exchange Thodex':
        a name shaped like a person's whose appositive is a title only people hold is a person's."""
        # (up to five words where particles join them: "María Fernanda Quispe Mamani", "Rodrigo de la Fuente")
        # (a hyphen joins given names: "Jean-Marie Delacroix")
        words = [t for k, t in enumerate(span) if not (t.text == "-" and 0 < k < len(span) - 1 and
                                                        span[k - 1].whitespace_ == "" and t.whitespace_ == "")]
        if not 2 <= len(words) <= 5 or not span[0].is_title or not span[-1].is_title or \
                len(words) > 3 and not all(t.is_title for t in words[:2]) or \
                not all(t.is_title and t.is_alpha or t.lower_ in NAME_PARTICLES for t in words) or any(
                t.text in self.lex.org_suffix_words or t.text in self.lex.org_head_words or t.lower_ in ORG_SUFFIXES
                for t in span):
            return False
        after = doc_text(self.doc)[span.end_char:span.end_char + 90]
        # (and "replacing Ajith Nivard Cabraal, who resigned", "co-founder Dimitar Georgiev said": only people
        # are a "who", and a founder's title before the name is a person's)
        # (not "a partner at law firm Locke Lord, who was convicted": the "who" is the partner's)
        before = self.doc[span.start - 1].lower_ if span.start > 0 else ""
        # (a lowercase title right before: '"We regret this," chief executive Elif Demirtaş said')
        titled = bool(_person_title_before(self.lex.titles).search(doc_text(self.doc)[max(0, span.start_char - 40):
                                                                                        span.start_char]))
        return bool(_person_title_after(self.lex.titles).match(after) or PERSON_DESCRIBED.match(after) or
                    PERSON_RELATIVE.match(after) and before not in ORG_KIND_NOUNS or
                    (before in FOUNDER_TITLES | PEOPLE_BEFORE or titled) and len(words) <= 3)

    def _org_type(self, span: Span) -> str:
        while len(span) > 1 and span[-1].text in LEGAL_FORMS:
            span = span[:-1]  # "Registon Exchange MChJ" is typed as "Registon Exchange"
        text = span.text
        if self.lex.regulator_words.search(text) and (not self.lex.not_regulator_words.search(text) or
                                                      MARKET_REGULATOR.search(text)) or GOVERNING_COUNCIL.search(text):
            return "REGULATOR"
        if self._central_bank(span):
            return "REGULATOR"
        if "Stock Exchange" in text or span[0].text in STOCK_EXCHANGE_WORDS or \
                text.endswith("Exchange") and self.kb.lookup(span[0].text) and \
                self.kb.lookup(span[0].text)[0].type == "LOCATION":
            return "ORGANIZATION"  # stock exchanges ("Singapore Exchange") are not crypto venues
        if span[-1].lower_ == "exchange" or span[-1].text == "OTC" or self._exchange_context(span) or \
                len(span[-1].text) > 8 and span[-1].text.endswith("Exchange") and span[-1].text[-9].islower():
            return "EXCHANGE"  # (and a name that glues the word on: "TeraExchange")
        if any(t.text == "Exchange" for t in span[:-1]) and span[-1].text not in self.lex.org_head_words and \
                span[-1].text not in self.lex.org_suffix_words and span[-1].text not in ("Association", "Board"):
            return "EXCHANGE"  # "Sakura Exchange BitCoin"; not "... Exchange Association"
        return "ORGANIZATION"

    def _central_bank(self, span: Span) -> bool:
        """'Bank of Ghana', 'National Bank of Georgia', 'Nepal Rastra Bank (NRB), Nepal's central bank': a
        country's central bank regulates, whatever its name."""
        country = CENTRAL_BANK_NAME.match(span.text)
        if country and any(e.type == "LOCATION" for e in self.kb.lookup(country.group(1))):
            return True
        if not any(t.lower_ in BANK_WORDS for t in span):
            return False
        text = doc_text(self.doc)
        after = text[span.end_char:span.end_char + 60]
        # "Latvijas Banka, Latvia's central bank", "Morocco's central bank, Bank Al-Maghrib,",
        # "Bank Al-Maghrib Governor Abdellatif Jouahri": only a central bank has a governor
        return bool(CENTRAL_BANK_APPOSITIVE.match(after) or CENTRAL_BANK_BEFORE.search(text[:span.start_char]) or
                    span.end < len(self.doc) and self.doc[span.end].text == "Governor")

    def _exchange_context(self, span: Span) -> bool:
        """'crypto exchange X', 'X exchange', 'X, a derivatives exchange', 'X, which runs a ... exchange'."""
        doc, sent = self.doc, span.sent
        nouns = self.lex.exchange_nouns
        after = span.end
        while after < sent.end - 1 and after - span.end < 2 and doc[after].lower_ in VENUE_MODIFIERS:
            after += 1  # "the Hokkai Coin cryptocurrency exchange"
        if after < sent.end and self._exchange_noun_from(after, sent.end):
            return True
        before = span.start - 1
        steps = 0
        while before >= sent.start and steps < 4 and (doc[before].pos_ in ("ADJ", "NOUN", "PROPN") or
                                                       doc[before].text in ("-",)):
            if self._exchange_noun_to(before, sent.start):
                return True
            before -= 1
            steps += 1
        return self._listed_after_exchanges(span) or self._described_as_exchange(span)

    def _called_the_exchange_next(self, span: Span) -> bool:
        """'The regulator fined Kestrel Coin on Monday. The exchange said ...': the next sentence opens on "the
        exchange", and this coin-shaped name is the only company its own sentence names, so it is that exchange
        (not a company of another shape: the exchange is then more often one named before)."""
        doc, sent = self.doc, span.sent
        if sent.end >= len(doc) - 2 or doc[sent.end].lower_ != "the" or \
                not self._exchange_noun_to(sent.end + 1, sent.end + 1) or doc[sent.end + 1].dep_ != "nsubj":
            return False
        companies = {self.taken[i].key for i in range(sent.start, sent.end) if i in self.taken and
                     not self.taken[i].generic and
                     self.ents.records[self.taken[i].key].type in ("EXCHANGE", "ORGANIZATION", "ASSET")}
        return companies == {self.taken[span.start].key} if span.start in self.taken else False

    def _trades_named_coins(self, span: Span) -> bool:
        """'X listed SOL and ADA', 'X will stop trading Monero', 'X suspended trading in PEPE': a company that
        lists, delists or trades coins the article names is a venue."""
        root = span.root
        if root.dep_ != "nsubj":
            return False
        verb = root.head
        lemma = verb.lemma_.lower()
        if lemma in ("list", "delist", "relist"):
            # (the coins listed themselves, not one a listed fund holds: "listed a product backed by ether")
            named = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
        elif lemma in VENUE_TRADING_VERBS:
            trading = [c for c in verb.children if c.lemma_.lower() in ("trade", "trading") and
                       c.dep_ in ("dobj", "xcomp")]
            named = [t for c in trading for o in c.children
                     if o.dep_ == "dobj" or o.dep_ == "prep" and o.lower_ in ("in", "of") for t in o.subtree]
        else:
            return False
        return any(t.i in self.taken and not self.taken[t.i].generic and
                   self.ents.records[self.taken[t.i].key].type == "ASSET" for t in named)

    def _licensed_as_exchange(self, span: Span) -> bool:
        """'gave X a licence to operate a crypto exchange', 'X won a licence from the regulator in March to run a
        bitcoin exchange', 'awards its first exchange licence to X': a company licensed to run an exchange is a
        venue."""
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in LICENCE_WINNING_VERBS:
            verb = root.head
        elif root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in LICENCE_GRANTING_VERBS:
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in \
                LICENCE_GRANTING_VERBS | LICENCE_NOUNS:
            verb = root.head.head
        else:
            return False
        licences = [t for t in verb.subtree if t.lemma_.lower() in LICENCE_NOUNS and t.pos_ == "NOUN"]
        if not licences:
            return False
        # (the parser may hang the purpose on the verb: "won a licence from the regulator in March to run ...")
        purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        words = [w for t in licences + purposes for w in t.subtree if w.i not in self.taken]  # (not in names)
        return any(self._exchange_noun_to(w.i, w.i) or w.lower_ == "exchange" for w in words) and \
            not any(w.lower_ == "stock" for w in words)

    def _described_as_exchange(self, span: Span) -> bool:
        """'X, a derivatives exchange', 'X, one of Mexico's first bitcoin exchanges'."""
        doc, sent = self.doc, span.sent
        body = self._appositive_body(span.end, sent.end)
        if body is None:
            return False
        for tok in doc[body:min(body + 7, sent.end)]:
            if self._exchange_noun_to(tok.i, body) and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("'s", "’s"):
                continue  # "X, the exchange's subsidiary in Ireland": the owner is the exchange
            if self._exchange_noun_to(tok.i, body):
                return doc[tok.i - 1].lower_ != "stock"  # "X, the country's stock exchange": no crypto venue
            if tok.text in (",", ".", ";") or tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") or \
                    tok.lower_ in ("of", "behind"):
                break  # "X, the local operator of crypto exchange Kraken": X runs an exchange, it is none
        return False

    def _exchange_noun_to(self, last: int, floor: int) -> bool:
        """Whether a noun of exchanges ends at token ``last``, its words from ``floor`` on: "exchange", and
        the phrases of several words ("trading platform", "bitcoin broker") that make a name a venue where
        their head word alone would not ("platform", "broker"); not "exchange-traded" (a fund's kind)."""
        if self.doc[last + 1:last + 3].text.lower().replace(" ", "") == "-traded":
            return False
        return any(self.doc[first:last + 1].text.lower() in self.lex.exchange_nouns and self._crypto_market(first)
                   for first in range(max(floor, last - EXCHANGE_NOUN_WORDS + 1), last + 1))

    def _exchange_noun_from(self, first: int, end: int) -> bool:
        """Whether a noun of exchanges starts at token ``first`` and ends before ``end``: "X trading platform"."""
        return any(self.doc[first:last + 1].text.lower() in self.lex.exchange_nouns and self._crypto_market(first)
                   for last in range(first, min(end, first + EXCHANGE_NOUN_WORDS)))

    def _crypto_market(self, first: int) -> bool:
        """Not a venue of other markets: "a retail futures trading platform", "a stock trading app" (but "a
        crypto futures trading platform" is one)."""
        if self.doc[first].lower_ != "trading":
            return True
        words = {t.lower_ for t in self.doc[max(0, first - 3):first]}
        return not words & OTHER_MARKETS or bool(words & CRYPTO_MARKETS)

    def _appositive_body(self, comma: int, end: int) -> int | None:
        """Where the description after a name's comma starts, past its opening: ', a ...', ', the ...',
        ', Zimbabwe's ...', ', one of (the) ...', ', one of Mexico's ...'; None for no such appositive."""
        doc = self.doc
        if comma + 1 >= end or doc[comma].text != ",":
            return None
        i = comma + 1
        if doc[i].lower_ in APPOSITIVE_TIME_WORDS and i + 1 < end:
            i += 1  # "Koinex, once one of India's busiest cryptocurrency exchanges"
        if doc[i].lower_ == "one" and i + 1 < end and doc[i + 1].lower_ == "of":
            i += 2
            if i < end and doc[i].lower_ == "the":
                return i + 1
        elif doc[i].lower_ in ("a", "an", "the", "another"):
            return i + 1
        k = i
        while k < end and k - i < 3 and doc[k].is_title and doc[k].pos_ == "PROPN":
            k += 1
        if i < k < end and doc[k].text in ("'s", "’s"):
            return k + 1  # "Golix, Zimbabwe's largest cryptocurrency exchange", "Nubank, Latin America's largest bank"
        return None

    def _listed_after_exchanges(self, span: Span) -> bool:
        """'domestic exchanges, including Bitkub and Satang Pro', 'the big bitcoin exchanges, BTCChina, Huobi
        and OKCoin': every name of a list that follows "exchanges" is an exchange."""
        doc, k = self.doc, span.start - 1
        if k <= span.sent.start:
            return False  # nothing before the name in its sentence
        while k > span.sent.start and (doc[k].text in (",", "and", "or") or doc[k].is_title and doc[k].pos_ == "PROPN"):
            k -= 1
        if doc[k].lower_ in ("including", "like") or doc[k].lower_ == "as" and doc[k - 1].lower_ == "such":
            k -= 2 if doc[k].lower_ == "as" else 1
            if doc[k].text == ",":
                k -= 1
        elif doc[k + 1].text == "," and k + 1 < span.start:
            pass  # "exchanges, BTCChina, Huobi and OKCoin"
        else:
            return False
        return k >= span.sent.start and doc[k].lower_ == "exchanges"

    def retype_from_context(self) -> bool:
        """A name the article calls an exchange, or a country's central bank, in one place ("Latvijas Banka,
        Latvia's central bank", "cryptocurrency exchange Tisza Digitális") is one everywhere in it (the
        headline's "Latvijas Banka grants ...", where NER may have read a person). True when a name was
        retyped, so that the short names can be linked again by the new types."""
        retyped = False
        named: dict[str, list] = {}
        for m in self.ents.mentions:  # each record's own mentions, read once, in the order they were found
            if not m.generic:
                named.setdefault(m.key, []).append(m)
        for record in self.ents.records.values():
            if record.kb_id or record.type not in ("ORGANIZATION", "PERSON") and not (
                    record.type == "ASSET" and record.name.split()[-1] in ("Coin", "Token") and " " in record.name):
                continue  # (a name the headline gave a coin's shape: "take control of Hokkai Coin")
            for m in named.get(record.key, ()):
                found = self._type_said_at(record.type, m)
                if found:
                    record.type = found
                    retyped = True
                    break
        return retyped

    def _type_said_at(self, type_: str, m) -> str:
        """What one mention's context says a name typed ``type_`` is: an exchange or a central bank, or ""."""
        if type_ == "ASSET":
            span = self.doc[m.start:m.end]
            return "EXCHANGE" if self._exchange_context(span) or self._called_the_exchange_next(span) else ""
        if type_ == "PERSON" and len(m.text.split()) > 1 and self._titled_appositive(self.doc[m.start:m.end]):
            return ""  # "Alexei Gorshkov, the founder of Neva Exchange, a St Petersburg exchange": the founder's name
        if type_ == "PERSON":
            # the headline's "Tisza Digitális" NER took for a person, after "cryptocurrency exchange"
            # (or described as one: "Cumbre Bit, one of Mexico's first bitcoin exchanges")
            if m.start > 0 and self._exchange_noun_to(m.start - 1, self.doc[m.start].sent.start) or \
                    self._listed_after_exchanges(self.doc[m.start:m.end]) or \
                    self._described_as_exchange(self.doc[m.start:m.end]):
                return "EXCHANGE"
            if self._titles_a_person_after(m) or described_as_organisation(self.doc[m.start:m.end], FIRM_ONLY_KINDS):
                return "ORGANIZATION"  # (or "Atlas Quantum, a bitcoin investment platform", after the headline's)
            return ""
        span = self.doc[m.start:m.end]
        if type_ == "ORGANIZATION" and self._person_from_a_town(span):
            return "PERSON"
        if self._exchange_context(span) or type_ == "ORGANIZATION" and (
                self._trades_named_coins(span) or self._licensed_as_exchange(span)):
            return "EXCHANGE"
        # (the name itself, not a company's short name: "JPYC, a yen token" issued by JPYC Inc.)
        if m.text == self.ents.records[m.key].name and span[-1].text not in LEGAL_FORMS and \
                TOKEN_APPOSITIVE.match(doc_text(self.doc)[span.end_char:span.end_char + 90]):
            return "ASSET"  # "Smooth Love Potion (SLP), the reward token of Axie Infinity"
        return "REGULATOR" if self._central_bank(span) else ""

    def _titles_a_person_after(self, m) -> bool:
        """'Block Earner co-founder and chief executive Charles Storry said': a name a company's title and
        then a person's name follow is the company's (a person's title would take "'s" first)."""
        after = min((o for o in self.ents.mentions if m.end < o.start <= m.end + 6 and not o.generic),
                    key=lambda o: o.start, default=None)
        if after is None or self.ents.records[after.key].type != "PERSON":
            return False
        doc = self.doc
        return bool(COMPANY_TITLE_BETWEEN.match(doc_text(doc)[doc[m.end - 1].idx + len(doc[m.end - 1]):
                                                              doc[after.start].idx]))


@functools.lru_cache(maxsize=4)
def _person_title_before(titles: tuple[str, ...]) -> re.Pattern:
    """'chief executive ', 'chief operating officer ': a lowercase title only people hold, right before a name."""
    people = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles
                      if t.lower() not in FIRM_TITLES and t == t.lower() and " " in t)
    return re.compile(rf"(?-i:\b(?:{people}))\s+$")


@functools.lru_cache(maxsize=4)
def _person_title_after(titles: tuple[str, ...]) -> re.Pattern:
    """', Visa's head of crypto', ', the founder of ...': an appositive opening with a title only people hold."""
    people = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles if t.lower() not in FIRM_TITLES)
    # "Visa's", "Bank of America's", "the Bank of Israel's", "the FCA's", "the exchange's"
    owner = r"(?:(?:the\s+)?(?:[A-Z][\w.&-]*\s+(?:of\s+)?){0,3}[A-Z][\w.&-]*|(?:the|its|their)\s+[a-z]+)['’]s"
    employer = r"(?-i:(?:[A-Z][\w.&-]*\s+){1,3}(?:[a-z]{3,}\s+){0,2})"  # "a Columbia University computer science"
    # (after "previously", "formerly", "until recently": ", previously Thonburi's head of compliance,")
    return re.compile(rf"\s*,\s*(?:(?:previously|formerly|until\s+recently|most\s+recently)\s+)?"
                      # ("a Citigroup executive", "the former Citigroup executive", not "the Glasgow fund manager", a
                      # firm)
                      rf"(?:(?:a|an)\s+(?:former\s+)?{employer}|the\s+former\s+{employer}|"
                      rf"(?:the|a|an|its|their|{owner})\s+)?"
                      rf"(?:(?:former|then|longtime|interim|acting|deputy|joint|senior|global|new|other|fellow|current|"
                      rf"outgoing|incoming|founding|onetime|one-time)\s+)*"
                      # (or a department's manager, which no firm is: "the platform's former finance manager")
                      rf"(?:(?:finance|compliance|operations|technology|marketing|risk|sales|communications|"
                      rf"engineering)\s+manager|{people})\b(?!['’]s)")
