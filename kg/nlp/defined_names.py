"""Names the article defines: "Commodity Futures Trading Commission (CFTC)", "Bitcoin (BTC)",
"Hayes" after "Arthur Hayes", and handles such as "@BitMEXdotcom"."""

from __future__ import annotations

import re

from .candidate_spans import LEGAL_FORMS, NAME_PARTICLES, NAME_SUFFIXES, TITLE_STARTS, sentence_initial
from .doc_entities import EntityRecord
from .entity_types import BANK_WORDS, EntityTyping
from .kb import norm
from .names import KIND_TAILS, LEGAL_SUFFIXES, SHORTENED_TAILS

# the small words inside an institution's name: "Autorité Marocaine du Marché des Capitaux"
NAME_LINKS = {"of", "the", "for", "and", "&", "de", "du", "des", "la", "le", "di", "del", "della", "y", "für", "der",
              "para", "el", "los", "las", "en", "do", "da", "dos", "das"}
ACRONYM = re.compile(r"^[^\W\d_][\w&.\-]{1,9}$")  # a letter first (of any alphabet: "ČNB", "FAÚ"), a capital


def is_acronym(text: str) -> bool:
    """'FCA', 'ČNB', 'FAÚ', 'BaFin': a short word that opens with a capital, as an acronym of a name does."""
    return text[:1].isupper() and ACRONYM.match(text) is not None


TICKER = re.compile(r"^[A-Z0-9]{2,6}$")
UNIT_WORDS = {"unit", "arm", "subsidiary", "affiliate", "division", "branch", "offshoot", "spin-off", "spinoff"}
# what opens a description set after a name: "Pellucid, which launched last year", "Amber, now headquartered in"
DESCRIBED_OPENERS = {"which", "who", "whose", "now", "once", "still", "based", "headquartered", "founded", "itself"}
# what a body set up around a project adds to the project's name: "Libra Association" is not "Libra"
GOVERNING_BODIES = {"Association", "Foundation", "Council", "Alliance", "Institute", "Society", "Union", "Trust"}
DOMAIN_ENDING = re.compile(r"\.[a-z]{2,8}")  # ".pl", ".com": what a web name adds to a company's name


class DefinedNames(EntityTyping):
    """The builder's rules for names the article itself gives an entity: acronyms, surnames, handles."""

    def apply_definitions(self) -> None:
        """'Long Name (ACR)' and 'Asset (TICKER)' make ACR/TICKER a name of that entity here."""
        doc = self.doc
        self._add_spelled_out_names()
        for m in list(self.ents.mentions):
            close = m.end + 2
            if close >= len(doc) or doc[m.end].text != "(" or doc[close].text != ")":
                continue
            token = doc[m.end + 1]
            if not is_acronym(token.text):
                continue
            record = self.ents.records[m.key]
            if record.type in ("PERSON", "LOCATION"):
                continue
            coin = self._network_coin(m, record, token.text)
            if coin is not None:
                # "Solana (SOL)": the network's name with its coin's ticker is the coin, there and
                # wherever else the article names the network ("Solana fell about 4%")
                coin_record = self._record_for(coin.name, "ASSET", coin.id)
                for other in [o for o in self.ents.mentions if o.key == record.key and not o.generic]:
                    self._mention(doc[other.start:other.end], coin_record, replace=True)
                continue
            longer = None if record.kb_id or _initials_match(m.text, token.text) else \
                self._spelled_out(m.start, m.end, token.text)
            if longer is not None:
                # "the Internet and Mobile Association of India (IAMAI)": NER stopped at "and"; the
                # acronym spells out the whole name
                record = self._record_for(longer.text, self._org_type(longer))
                self._mention(longer, record, replace=True)
            named = longer or doc[m.start:m.end]
            if not record.kb_id and TICKER.match(token.text) and longer is None and \
                    not _initials_match(named.text, token.text) and self._org_type(named) != "REGULATOR" and \
                    doc[m.end - 1].text not in self.lex.org_suffix_words and \
                    doc[m.end - 1].text not in LEGAL_FORMS and " of " not in named.text and " for " not in named.text \
                    and not any(t.text in self.lex.org_head_words for t in named):
                # "Anti-Corruption Office (OA)", "Security Service of Ukraine (SBU)", "Swiss Federal Railways
                # (SBB)": an acronym in another language, not a ticker ("Redwater Ether Strategy ETF (RETH)": a
                # fund's, whose ticker names the fund: ETF is a company word)
                record.type = "ASSET"
            record.defined.append(token.text)
            self.name_keys[norm(token.text)] = record.key
            for other in doc:
                if other.text == token.text:
                    self._mention(doc[other.i:other.i + 1], record, replace=True)

    def _network_coin(self, m, record, ticker: str):
        """The known coin with this ticker that also goes by the name of the known network mentioned."""
        if not record.kb_id or record.type != "ORGANIZATION":
            return None
        return next((e for e in self.kb.lookup(ticker) if e.type == "ASSET" and ticker in e.tickers and
                     m.text.casefold() in {n.casefold() for n in e.names}), None)

    def _add_spelled_out_names(self) -> None:
        """'the Autorité Marocaine du Marché des Capitaux (AMMC)': a run of capitalised words NER missed, whose
        initials are exactly the acronym in brackets after it, is an organisation's name."""
        doc = self.doc
        for i in range(2, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text) or \
                    i - 1 in self.taken and self._known_company(i - 1) or len(doc[i + 1].text) < 3:
                continue
            letters = re.sub(r"[^A-Za-z]", "", doc[i + 1].text).upper()
            start = i
            # (through names NER guessed, or places, it cut the name into: "Superintendencia" + "del Mercado
            # de Valores (SMV)", "Autoriti" + "Monetari Brunei Darussalam (AMBD)")
            while start > doc[i].sent.start and i - start < 10 and (
                    doc[start - 1].is_title and doc[start - 1].is_alpha or doc[start - 1].lower_ in NAME_LINKS or
                    doc[start - 1].lower_ in BANK_WORDS) and \
                    (start - 1 not in self.taken or not self._known_company(start - 1)):
                start -= 1
            while start < i and not doc[start].is_title:
                start += 1
            for s in range(start, i):
                span = doc[s:i]
                if s in self.taken and self.taken[s].start < s:
                    continue  # not a name cut out of one found already ("Ministry of Digital Economy and Society")
                # (a bank word counts in any case: "Národná banka Slovenska (NBS)")
                # (a sentence may open with it, the bracket being the acronym's own: "Smooth Love Potion (SLP), the
                # reward token of Axie Infinity, has lost")
                if span[0].is_title and (not span[0].is_sent_start or len(span) >= 2) and \
                        "".join(t.text[0] for t in span if t.is_title or t.lower_ in BANK_WORDS).upper() == letters:
                    record = self._record_for(span.text, self._org_type(span))
                    self._mention(span, record, replace=True)
                    self._mention_again(span, record)
                    break

    def _mention_again(self, name: Span, record: EntityRecord) -> None:
        """The same words elsewhere in the article (the headline's, where NER cut them up) name it too, unless
        they open a longer name found there ("Qatar Financial Centre" in "... Regulatory Authority")."""
        doc, words = self.doc, [t.text for t in name]
        for k in range(len(doc) - len(words) + 1):
            if k != name.start and doc[k].text == words[0] and [t.text for t in doc[k:k + len(words)]] == words and \
                    not any(i in self.taken and (self.taken[i].start < k or self.taken[i].end > k + len(words))
                            for i in range(k, k + len(words))):
                self._mention(doc[k:k + len(words)], record, replace=True)

    def _known_company(self, i: int) -> bool:
        record = self.ents.records[self.taken[i].key]
        return bool(record.kb_id) and record.type != "LOCATION"

    def _spelled_out(self, start: int, end: int, acronym: str):
        """The span ending at ``end`` and starting up to five words before ``start`` whose initials,
        counting "and", are exactly the acronym's letters ("Internet and Mobile Association of India")."""
        doc = self.doc
        letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
        for s in range(start - 1, max(start - 6, -1), -1):
            if not (doc[s].is_title or doc[s].lower_ in ("and", "&")) or doc[s].is_punct:
                break
            words = [t.text for t in doc[s:end] if t.is_title or t.lower_ in ("and", "&")]
            if doc[s].is_title and "".join(w[0] for w in words).upper().replace("&", "A") == letters:
                return doc[s:end]
        return None

    def add_short_forms(self) -> None:
        """Surnames of people named in full ("Hayes" after "Arthur Hayes"), and 'Mr. Hayes'."""
        doc = self.doc
        short: dict[str, EntityRecord] = {}
        for record in list(self.ents.records.values()):
            if record.type != "PERSON":
                continue
            for name in [record.name, *record.surface]:
                for form in _surname_forms(name) + _family_name_first(name, self.lex):
                    short.setdefault(form, record)
        if not short:
            return
        longest = 6  # tokens: "Bankman-Fried" is three
        _, texts, titled = self._strings
        i = 0
        while i < len(doc):
            for n in range(longest, 0, -1):
                if not titled[i]:
                    break  # a short form starts with a capital
                if i + n > len(doc):
                    continue
                key = "".join(texts[i:i + n]).strip()
                if key in short and (i + n == len(doc) or not doc[i + n].is_title or doc[i + n].is_sent_start):
                    span = doc[i:i + n]
                    record = short[key]
                    occupied = {self.taken[j].key for j in range(span.start, span.end) if j in self.taken}
                    if occupied == {record.key}:
                        break  # part of the full name itself
                    if occupied - {record.key}:
                        other = self.ents.records[next(iter(occupied - {record.key}))]
                        if other.kb_id or len(other.name.split()) > n:
                            break
                    self._mention(span, record, replace=True)
                    i += n - 1
                    break
            i += 1

    def relink_surnames_taken_for_places(self) -> None:
        """'Lucy Houston runs the exchange. Houston said ...': a known place's name that is the surname of one
        person the article names in full, written where no place stands, is that person."""
        records = self.ents.records
        surnames = {name: [r for r in people if r.mentions > 0] for name, people in self._people_by_surname().items()}
        if not surnames:
            return
        for m in [m for m in self.ents.mentions if not m.generic and m.end - m.start == 1 and
                  records[m.key].type == "LOCATION" and len(surnames.get(m.text, ())) == 1]:
            span = self.doc[m.start:m.end]
            if not self._place_context(span):
                self._mention(span, surnames[m.text][0], replace=True)

    def relink_short_names(self) -> None:
        """'Genesis' after 'Genesis Global Holdco': a short name the knowledge base finds ambiguous is the
        first entity of the article whose name it begins, not the one the knowledge base would pick."""
        records = self.ents.records

        def short_form(m) -> bool:
            entry = self.kb.get(records[m.key].kb_id) if records[m.key].kb_id else None
            return entry is not None and m.text in entry.ambiguous

        short = [m for m in self.ents.mentions if not m.generic and short_form(m)]
        if not short:
            return  # most articles: nothing to relink
        first_seen: dict[str, tuple[int, EntityRecord]] = {}  # organisations: where the article first names them
        for m in sorted(self.ents.mentions, key=lambda m: m.start):  # in full
            record = records[m.key]
            if not m.generic and record.type in ("EXCHANGE", "ORGANIZATION", "REGULATOR") and not short_form(m):
                first_seen.setdefault(record.key, (m.start, record))
        # a headline names the short form before the article names the long one ("Crypto lender Genesis
        # files for bankruptcy" over "Genesis Global Holdco ... filed"): read it as if it came after
        title_end = next((t.i for t in self.doc if t.is_space and "\n\n" in t.text), 0)
        for m in short:
            record = records[m.key]
            entry = self.kb.get(record.kb_id)
            named_in_full = entry.name == m.text or any(
                n > 0 and t not in entry.ambiguous for t, n in record.surface.items())
            # the knowledge base's pick never named in full here: the short name is the article's own
            # "Genesis ..." wherever the article names it ("the FTX, BlockFi and Genesis cases ... Genesis
            # Global Capital")
            at = len(self.doc) if m.start < title_end or not named_in_full else m.start
            longer = next((r for start, r in first_seen.values() if start < at and
                           any(n.startswith(m.text + " ") for n in (r.name, *r.surface))), None)
            # (a coin's ambiguous name too, where the article never names the coin in full: "Mina" after "Mina
            # Liquidity, a crypto market maker" is the firm, not the Mina Protocol token)
            if longer is not None and longer is not record and (
                    longer.type == record.type or record.type == "ASSET" and not named_in_full):
                self._mention(self.doc[m.start:m.end], longer, replace=True)

    def link_company_short_names(self) -> None:
        """'Tucano' after 'Tucano Exchange', 'Coralreef' after 'Coralreef Digital Ltd.', 'Bitomat' after
        'Bitomat.pl': a name the knowledge base does not know, followed in another of the article's names only by
        words that say what kind of company it is (or by a web domain's ending), is that company's short name."""
        companies = [r for r in self.ents.records.values() if r.type in ("EXCHANGE", "ORGANIZATION") and r.mentions > 0]
        records = [r for r in companies if not r.kb_id]
        if not records:
            return
        # (and a name NER read as a place's or a person's, where the article's company is that name and a kind:
        # "Cobalt Harbor, based in Hoboken" after "Cobalt Harbor Finance")
        misread = [r for r in self.ents.records.values() if r.type in ("LOCATION", "PERSON") and not r.kb_id and
                   r.mentions > 0 and " " in r.name]
        if len(companies) + len(misread) < 2:
            return
        first = {}
        for m in sorted(self.ents.mentions, key=lambda m: m.start):
            first.setdefault(m.key, m.start)
        # longest first, so that a chain ends in one record: "Tonle Digital" joins "Tonle Digital Plc" before
        # "Tonle" looks for its longer name (and finds only the one still named)
        for short in sorted(records + misread, key=lambda r: -len(r.name)):
            # (an exchange's "Labs" or "Capital" is its arm, as Binance Labs is; a firm's is itself: "Harbourline
            # Labs ... Harbourline said")
            tails = KIND_TAILS if short.type == "EXCHANGE" else SHORTENED_TAILS
            company = short.type in ("EXCHANGE", "ORGANIZATION")
            # (a known company's too: "Radiant" after "Radiant Capital")
            # (and a web name's: "Bitomat" after "Bitomat.pl")
            longer = [r for r in companies if r is not short and r.mentions > 0 and (
                r.name.startswith(short.name + " ") and (all(w in tails for w in r.name[len(short.name):].split()) or
                                                         company and self._only_longer_name(short, r, companies)) or
                company and DOMAIN_ENDING.fullmatch(r.name[len(short.name):]) and r.name.startswith(short.name))]
            # (not a unit the article tells apart: "Nubank Cripto, the bank's crypto unit")
            longer = [r for r in longer if not self._described_as_unit(r)]
            if not longer:
                continue
            target = min(longer, key=lambda r: first.get(r.key, len(self.doc)))
            if company and not target.kb_id and "Exchange" not in target.name.split() and \
                    short.mentions > target.mentions and \
                    all(w in tails for w in target.name[len(short.name):].split()):
                target.type = short.type  # the name the article goes on using was typed from more context
            self._move_mentions(short, target)

    def link_authority_short_names(self) -> None:
        """'the Reserve Bank' after 'the South African Reserve Bank' or 'the Reserve Bank of Australia', 'the
        Monetary Authority' after 'the Cayman Islands Monetary Authority': an authority's name of two words or
        more that begins or ends the name of the one authority the article named in full before it is that
        authority's short name."""
        authorities = [r for r in self.ents.records.values() if r.type == "REGULATOR" and r.mentions > 0]
        if len(authorities) < 2:
            return
        first: dict[str, int] = {}
        for m in sorted(self.ents.mentions, key=lambda m: m.start):
            if not m.generic:
                first.setdefault(m.key, m.start)
        for short in [r for r in authorities if not r.kb_id and len(r.name.split()) >= 2]:
            words = short.name.split()
            longer = [r for r in authorities if r is not short and first.get(r.key, -1) < first.get(short.key, -1)
                      and len(r.name.split()) > len(words) and
                      (r.name.split()[:len(words)] == words or r.name.split()[-len(words):] == words)]
            if len(longer) != 1:
                continue
            for m in [m for m in self.ents.mentions if m.key == short.key]:
                if m.generic:
                    m.key = longer[0].key
                else:
                    self._mention(self.doc[m.start:m.end], longer[0], replace=True)

    @staticmethod
    def _only_longer_name(short: EntityRecord, longer: EntityRecord, companies: list[EntityRecord]) -> bool:
        """'Kronos' after 'Kronos Research', 'Seef' after 'Seef Card': a name no other company of the article
        begins with, both unknown to the knowledge base, is the longer one's short name whatever its last
        words (but for a body set up around a project, or a firm named after its partners: "Chanda & Banda")."""
        return not longer.kb_id and short.type == "ORGANIZATION" and \
            not set(longer.name[len(short.name):].split()) & (GOVERNING_BODIES | {"&", "and"}) and \
            sum(r.name.startswith(short.name + " ") for r in companies if r.mentions > 0) == 1  # (once merged, gone)

    def _described_as_unit(self, record: EntityRecord) -> bool:
        """'Nubank Cripto, the bank's crypto unit', 'X, a subsidiary of Y': a name the article calls a unit of
        another company."""
        doc = self.doc
        for m in self.ents.mentions:
            if m.key != record.key or m.generic or m.end >= len(doc) or doc[m.end].text != ",":
                continue
            for tok in doc[m.end + 1:min(m.end + 8, len(doc))]:
                if tok.lower_ in UNIT_WORDS:
                    return True
                if tok.text in (",", ".", ";") or tok.pos_ == "VERB":
                    break
        return False

    def link_repeated_names(self) -> None:
        """'Zlotex, a Warsaw-based exchange, ... Zlotex urged customers': NER reads a name differently each
        time (the second Zlotex as a person's given name, dropped). An organisation's name, written again
        exactly where nothing else was found, is that organisation."""
        doc = self.doc
        texts, _, _ = self._strings
        by_first: dict[str, dict[tuple[str, ...], EntityRecord]] = {}
        shorts: dict[tuple[str, ...], EntityRecord | None] = {}
        for m in self.ents.mentions:
            record = self.ents.records[m.key]
            words = tuple(texts[m.start:m.end])
            if m.generic or record.type not in ("EXCHANGE", "ORGANIZATION", "REGULATOR") or \
                    not words[0][:1].isupper() or len("".join(words)) <= 2:
                continue
            # (the knowledge base's names are matched wherever they are written, its ambiguous ones on purpose
            # not; its short forms are: "Radiant" for "Radiant Capital")
            if not record.kb_id:
                by_first.setdefault(words[0], {}).setdefault(words, record)
            short = _short_name(words)
            if short and not (record.kb_id and self.kb.lookup(" ".join(short))):
                shorts[short] = _owner_of_short_name(shorts.get(short, record), record)
        for short, record in list(shorts.items()):
            if short in by_first.get(short[0], {}):
                del shorts[short]  # a name of its own in the article ("Terraform" beside "Terraform Labs")
            elif record is not None:
                by_first.setdefault(short[0], {})[short] = record
            else:
                del shorts[short]
        for i, text in enumerate(texts):
            for words, record in by_first.get(text, {}).items():
                end = i + len(words)
                if tuple(texts[i:end]) == words and not any(j in self.taken for j in range(i, end)) and \
                        (end == len(doc) or not doc[end].is_title or doc[end].is_sent_start or
                         doc[end].lower_ in TITLE_STARTS) and \
                        (words not in shorts or self._used_as_a_name(doc[i:end])):
                    self._mention(doc[i:end], record)
                    break
        self._relink_places_written_for_a_company(shorts)

    def _relink_places_written_for_a_company(self, shorts: dict) -> None:
        """'Caldera, based in Tulsa, ...' after 'Caldera Mining Corp.' and 'Caldera said': a short name NER read
        as a place (or a person) where the article also writes it, untagged, for the company is the company's
        everywhere."""
        for record in list(self.ents.records.values()):
            if record.type not in ("LOCATION", "PERSON") or record.kb_id or not record.mentions:
                continue
            company = shorts.get(tuple(record.name.split()))
            if company is not None and company.surface.get(record.name):
                self._move_mentions(record, company)

    def _move_mentions(self, record: EntityRecord, target: EntityRecord) -> None:
        """Every mention of ``record`` becomes ``target``'s, its generic ones too ("the exchange" that meant it)."""
        for m in [m for m in self.ents.mentions if m.key == record.key and not m.generic]:
            self._mention(self.doc[m.start:m.end], target, replace=True)
        for m in self.ents.mentions:
            if m.key == record.key:
                m.key = target.key

    def _used_as_a_name(self, span) -> bool:
        """'Argo' for 'Argo Blockchain': away from a sentence start a capitalised word is a name; at one, only
        before "'s", a verb or a title ("Argo said", "Argo's shares", "WonderFi Chief Executive Dean Skurka")."""
        doc = self.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.text == "," and span.end + 1 < len(doc) and \
                doc[span.end + 1].lower_ in DESCRIBED_OPENERS:
            return True  # "Pellucid, which launched last year, ...", "Amber, now headquartered in Singapore,"
        return not sentence_initial(span) or after is not None and (
            after.text in ("'s", "’s") or after.tag_ in ("VBD", "VBZ", "VBP", "MD") or after.lower_ in TITLE_STARTS)

    def link_other_names(self) -> None:
        """'Bank ABC, the Manama-headquartered lender formally known as Arab Banking Corporation', 'X, formerly
        known as Y', 'X, better known as Y', 'Ripio, founded in 2013 under the name BitPagos,', 'the Directorate
        General of Population and Civil Registration, known as Dukcapil,': the name given after "known as" (or
        "under the name") is another name of the company the appositive is about; so is an acronym standing
        alone as the appositive ("Brazil's National Data Protection Authority, the ANPD, said")."""
        doc = self.doc
        lowers = self._lowers
        for tok in [doc[i] for i, lower in enumerate(lowers) if lower in ("known", "name", "the") and
                    1 < i < len(doc) - 2]:
            if tok.lower_ == "known" and (lowers[tok.i + 1] != "as" or lowers[tok.i - 1] not in (
                    "formally", "formerly", "officially", "also", "previously", "better", "commonly", ",")) or \
                    tok.lower_ == "name" and (lowers[tok.i - 1] != "the" or lowers[tok.i - 2] != "under") or \
                    tok.lower_ == "the" and not self._acronym_appositive(tok):
                continue
            other = self.taken.get(tok.i + 2 if tok.lower_ == "known" else tok.i + 1)
            if other is None or other.generic:
                continue
            sent = tok.sent
            named = next((m for m in reversed(self.ents.in_span(sent.start, tok.i)) if not m.generic and
                          self.ents.records[m.key].type != "LOCATION"), None)
            if named is None or named.key == other.key or named.end >= len(doc) or doc[named.end].text != "," or \
                    any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[named.end:tok.i]):
                continue  # only an appositive of the name, not another clause
            record, alias = self.ents.records[named.key], self.ents.records[other.key]
            if record.type not in ("EXCHANGE", "ORGANIZATION", "REGULATOR") or \
                    alias.type not in ("EXCHANGE", "ORGANIZATION", "REGULATOR") or alias.kb_id:
                continue  # (two companies the knowledge base knows stay two)
            for m in [m for m in self.ents.mentions if m.key == alias.key and not m.generic]:
                self._mention(doc[m.start:m.end], record, replace=True)
            for m in self.ents.mentions:
                if m.key == alias.key:
                    m.key = record.key  # "the lender" that meant the other name

    def _acronym_appositive(self, the) -> bool:
        """', the ANPD,': "the" after a comma, then one capitalised acronym the knowledge base does not know, then
        the appositive's end."""
        doc = self.doc
        acronym = doc[the.i + 1]
        return doc[the.i - 1].text == "," and acronym.is_upper and acronym.is_alpha and len(acronym) >= 3 and \
            doc[the.i + 2].text in (",", ".", ";") and not self.kb.lookup(acronym.text)

    def add_handles(self) -> None:
        """'@BitMEXdotcom' belongs to BitMEX: a handle that starts with an entity's name."""
        texts, _, _ = self._strings
        for tok in (self.doc[i] for i, text in enumerate(texts) if text.startswith("@")):
            if not tok.text.startswith("@") or len(tok.text) < 4 or tok.i in self.taken:
                continue
            handle = tok.text[1:].casefold()
            best = None
            for record in self.ents.records.values():
                if record.type in ("LOCATION", "ASSET"):
                    continue
                squashed = re.sub(r"[^a-z0-9]", "", record.name.casefold())
                if len(squashed) >= 3 and handle.startswith(squashed):
                    if best is None or len(squashed) > len(re.sub(r"[^a-z0-9]", "", best.name.casefold())):
                        best = record
            if best is not None:
                self._mention(self.doc[tok.i:tok.i + 1], best)


def _owner_of_short_name(first: EntityRecord | None, other: EntityRecord) -> EntityRecord | None:
    """Two companies sharing a short name ("Maplewave Digital Inc." runs "Maplewave Exchange"): the article's
    "Maplewave" is the exchange; between two of a kind it names neither."""
    if first is None or first is other:
        return first
    exchanges = [r for r in (first, other) if r.type == "EXCHANGE"]
    return exchanges[0] if len(exchanges) == 1 else None


def _short_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """'Argo Blockchain' -> 'Argo', 'Sika Exchange' -> 'Sika': the words before those that only say what kind
    of company it is, when they are a name of their own (capitalised, not a kind word themselves)."""
    end = len(words)
    while end > 1 and words[end - 1] in SHORTENED_TAILS:
        end -= 1
    short = words[:end]
    if end == len(words) or not all(w[:1].isupper() and w.isalpha() and w not in SHORTENED_TAILS for w in short):
        return ()
    return short


def _initials_match(name: str, acronym: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", name) if w and (w[0].isupper() or w.lower() in BANK_WORDS)]
    initials = "".join(w[0] for w in words)
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return bool(initials) and (letters == initials.upper() or letters in initials.upper() or
                               initials.upper().startswith(letters[:2]) and len(letters) >= 3)


def _family_name_first(name: str, lex) -> list[str]:
    """'Kim' of 'Kim Byung-gun', 'Goh' of 'Goh Wei Liang': a family name written first, which the article goes
    on with ("Kim said"); a first word that is an English given name too only before a hyphenated given name
    or two more words ("Lee Jae-myung", not "Lee Reiners")."""
    parts = name.split()
    if len(parts) < 2 or parts[0] not in lex.family_names_first or parts[1][0].islower():
        return []
    korean = "-" in parts[1] and parts[1].split("-")[1][:1].islower()
    if parts[0] in lex.family_names_first_ambiguous and not (korean or len(parts) == 3):
        return []
    return [parts[0]]


def _surname_forms(name: str) -> list[str]:
    parts = name.split()
    if len(parts) < 2:
        return []
    while len(parts) > 2 and parts[-1].casefold() in NAME_SUFFIXES:
        parts = parts[:-1]
    forms = [parts[-1]]
    if len(parts) >= 3 and not parts[1].endswith("."):
        forms.append(" ".join(parts[1:]))
    if len(parts) >= 4 and parts[-2][:1].isupper():
        forms.append(" ".join(parts[-2:]))  # "Ocampo Rendón" of "Jhon Fredy Ocampo Rendón": two family names
    if len(parts) >= 3 and parts[-2] in NAME_PARTICLES:  # "Dos Santos" opening a sentence, for "... dos Santos"
        forms.append(f"{parts[-2].capitalize()} {parts[-1]}")
    return [f for f in forms if len(f) > 2 and f[0].isupper()]
