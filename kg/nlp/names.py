"""Records from names: knowledge-base and NER spans, titled people, names shaped like companies.

A place that starts an institution's name ("New York University") or follows an
exchange's ("Coinbase Europe") is part of that name; a capitalised name after a
job title is a person; capitalised words ending in a company word are an
organisation even where NER missed them.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from .candidate_spans import (BODY_KINDS, FIRM_ONLY_KINDS, FIRM_TITLES, FOREIGN_KIND_WORDS, FOUNDING_LEMMAS,
                              FUND_WORDS, INSTITUTION_WORDS, LEGAL_FORMS, LEGAL_PREFIXES, NAME_PARTICLES,
                              ORG_KIND_NOUNS, described_as_organisation, ends_start_up, glued_lowercase_half,
                              hired_as_a_title, job_words, kind_word, regional_company)
from .doc_entities import doc_text
from .entity_types import BANK_WORDS, NETWORK_WORDS, STOCK_EXCHANGE_WORDS, EntityTyping
from .kb import KBEntry, norm
from .tickers import NAME_WORD

LEGAL_SUFFIXES = LEGAL_FORMS | {"Holdings", "Global"}
# words after a company's name that say what kind of company it is, not which one (the legal forms, "Exchange",
# "crypto" in the languages that spell it so: "Avala Kripto", "Illimani Cripto"; not English "Crypto", an arm's
# name as often: "Jump Crypto" beside "Jump Trading")
KIND_TAILS = LEGAL_SUFFIXES | {"Exchange", "Digital", "Group", "Technologies", "Technology", "UAB", "SA", "Pty",
                               "Blockchain", "AS", "ASA", "AB", "Oy", "Oyj", "OÜ", "Kripto", "Cripto", "Krypto"}
PRODUCT_KINDS = {"game", "brand"}  # products no person is called: "the puzzle game Glass Orchard", "drinks brand X"
PLACEHOLDER_NAMES = {"John Doe", "Jane Doe", "John Does", "Jane Does", "John Doe's"}
# words an article drops when it goes on to use a company's short name ("Baobab" for "Baobab Markets"); an
# arm with one of them ("Kelvora Capital") is still its own company where the short name is one too
SHORTENED_TAILS = KIND_TAILS | {"Markets", "Labs", "Capital", "Finance", "Protocol", "Network", "Ventures", "Partners",
                                 "Wallet", "Pay", "OTC", "Lending", "Custody", "Mining", "Payments", "Investments",
                                 "Insolvency", "Management", "Advisory", "Cash", "Research", "Trust", "Market",
                                 "Futures", "Hash", "Financial", "Invest", "Platforms", "Money", "Remit", "Online",
                                 "Staking", "Indices", "Benchmarks", "Asset", "Securities", "Trading", "Prime",
                                 "Liquidity", "Guild", "Games", "Studios"}
# the words of officials' titles a country's short name opens: "U.S. District Judge", "Assistant U.S. Attorney"
TITLES_AFTER_A_COUNTRY = {"District", "Attorney", "Attorney's", "Attorneys", "attorney", "attorneys", "Bankruptcy",
                          "Magistrate", "Circuit", "Marshal", "Marshals", "marshal", "marshals"}
# "Slock.it", "Gate.io", "Earn.com": a company named as its website
WEB_NAME = re.compile(r"^[A-Z][A-Za-z0-9-]*\.(?:com|io|it|co|net|org|ai|xyz|us|de|fi|app|exchange|finance)$")
LAW_WORDS = {"Decree", "Act", "Law", "Regulation", "Ordinance", "Directive", "Bill", "Code"}
# what opens a surname a given name stands before: the particles, and "son of" in Arabic and Hebrew names
SURNAME_PARTICLES = NAME_PARTICLES | {"ben", "ibn", "abu"}
PRODUCT_NOUNS = {"program", "programme", "product", "feature", "service", "card", "plan", "offering", "tool",
                 "software", "framework", "toolkit", "upgrade", "update", "mainnet", "testnet", "subscription"}
# a name followed by one of these is a publication, not a person: "Tuoi Tre newspaper reported"
OUTLET_NOUNS = {"newspaper", "daily", "magazine", "broadcaster", "newswire", "tabloid", "weekly"}
# "his predecessor, Naci Ağbal": a person's relation to another is a person
RELATION_NOUNS = {"predecessor", "successor", "brother", "sister", "wife", "husband", "son", "daughter", "father",
                  "mother", "deputy", "colleague", "co-founder", "cofounder", "boss", "lawyer", "attorney", "aide"}
# what an appositive calls a name NER missed that makes it an organisation ("SCBX, the Bangkok-based parent of ...")
TEAM_NOUNS = (ORG_KIND_NOUNS - {"unit", "arm", "project", "manager", "developer", "operator", "miner", "giant"}) | \
    {"team", "club"}
# institutions whose name ends with the place they serve: "Central Bank of Trinidad and Tobago"
LOCAL_COURTS = {"Municipal", "Regional", "City", "Provincial", "County", "Cantonal", "Commercial"}
OWNED_ROLES = {"founder", "co-founder", "cofounder", "ceo", "chairman", "chairwoman", "chairperson", "president"}
DESCRIBED_KINDS = ORG_KIND_NOUNS | BODY_KINDS | {"parent"}
# where a name an appositive describes stands ("conj": a dateline's city the parser joined it to, "EDMONTON,
# Alberta — Flexcoin, a small firm ...")
DESCRIBED_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}
# two-letter country codes a regional exchange is named with: "Binance TR", "Bithumb KR"
COUNTRY_CODES = {"TR", "KR", "JP", "AU", "TH", "ID", "IN", "BR", "MX", "AR", "CO", "ZA", "NG", "AE", "SG", "HK", "PH",
                 "VN", "MY", "PK", "DE", "FR", "IT", "ES", "NL", "PL", "UA", "KZ", "UZ", "CA", "NZ", "IL"}
# the last words of authorities' names: "National Anti-Corruption Police", "Personal Data Protection Agency"
# officers whose office is an authority named after them: "the District Attorney's Office"
OFFICE_TITLES = {"Attorney", "Attorneys", "Prosecutor", "Prosecutors", "Sheriff", "Solicitor", "Procurator"}
LOCAL_OFFICE_WORDS = {"Regional", "District", "Local", "Circuit", "Provincial", "Municipal"}
AUTHORITY_HEADS = {"Police", "Agency", "Authority", "Commission", "Commissioner", "Directorate", "Inspectorate",
                   "Bureau", "Procuratorate", "Gendarmerie"}
# "police" in the languages whose forces' names crypto news keeps untranslated ("Polícia Judiciária")
POLICE_WORDS = {"Polícia", "Policía", "Polizia", "Polizei", "Politie", "Policja", "Policie", "Policija", "Poliisi",
                "Polisi", "Politi"}
# the kinds authorities' names open with in Spanish, Portuguese, French and Italian, and the words that join them
AUTHORITY_OPENERS = {"Autoridad", "Superintendencia", "Comisión", "Fiscalía", "Procuraduría", "Ministerio", "Unidad",
                     "Secretaría", "Dirección", "Superintendência", "Comissão", "Ministério", "Procuradoria",
                     "Autorité", "Commissione", "Autorità", "Direction", "Inspección", "Intendencia",
                     "Policía", "Polícia", "Polizia"}  # ("Policía Federal Argentina", "Policía Nacional Civil")
# what only a company has, after its possessive: "Yarra Yield's founder", "Kestrel's shareholders"
POSSESSED_BY_FIRMS = {"founder", "founders", "co", "cofounder", "ceo", "cfo", "cto", "coo", "shareholders",
                      "customers", "depositors", "headquarters", "subsidiary", "parent"}
FOUNDER_AND_CHIEF = re.compile(r"^(?:'s|’s)\s+co-?founder\s+and\s+(?:chief|CEO|president|chair)", re.I)
FIRM_OPENERS = FOREIGN_KIND_WORDS | {"Caixa", "Caja", "Compañía", "Companhia"}
ROMANCE_JOINS = {"de", "del", "la", "las", "los", "el", "y", "e", "des", "du", "da", "do", "dos", "das", "et", "di",
                 "della", "delle", "dei", "per", "para", "pour", "contra", "en"}
# a company's titles as they stand in lower case between its name and a person's ("Thodex founder Faruk Özer")
COMPANY_TITLES = (("chief", "executive", "officer"), ("chief", "executive"), ("co", "-", "founder"), ("founder",),
                  ("cofounder",), ("chairman",), ("chairwoman",), ("chief", "operating", "officer"),
                  ("chief", "financial", "officer"), ("chief", "technology", "officer"), ("managing", "director"),
                  ("general", "counsel"), ("spokesman",), ("spokeswoman",), ("spokesperson",), ("prosecutor",),
                  ("chief", "prosecutor"), ("attorney", "general"))
# kinds of company a name NER missed may follow: "exchange KarlinX", "advisory firm Interpath"
NAMED_KINDS = {"exchange", "firm", "company", "startup", "start-up", "lender", "broker", "brokerage", "consultancy",
               "custodian", "processor", "fintech", "bank", "miner", "group", "protocol", "platform", "venue",
               "provider", "issuer", "operator", "launchpad", "pool"}
# jobs after which "at" names the employer: "a security researcher at Ledgerlight"
WORKPLACE_TITLES = {"analyst", "researcher", "partner", "economist", "strategist", "engineer", "lawyer", "attorney",
                    "associate", "professor", "lecturer", "fellow", "director", "trader", "developer", "scientist",
                    "executive", "officer", "manager", "consultant", "adviser", "advisor", "counsel", "banker",
                    "employee", "official", "spokesperson", "spokesman", "spokeswoman", "investigator", "head",
                    "lead", "chief", "founder", "co-founder", "specialist", "expert"}
# kinds of company a person can be called too ("software developer Daniela Ochoa", "fund manager X")
PEOPLES_KINDS = {"developer", "manager", "broker", "miner", "publisher"}
# what an authority is called in apposition to its name ("the consumer protection agency", "the competition watchdog")
REGULATOR_KINDS = {"agency", "regulator", "watchdog", "authority", "supervisor", "ombudsman", "prosecutor"}
# what a round's investors are listed after: "participation from", "investors including", "money from"
INVESTOR_WORDS = {"participation", "investor", "backer", "investment", "money", "funding", "round"}
TOKEN_KINDS = {"stablecoin", "token", "memecoin", "coin", "cryptocurrency", "altcoin"}
# what a government's or an institution's name makes into a thing: "Treasury bills", "Social Security numbers"
INSTRUMENT_NOUNS = {"bill", "bills", "bond", "bonds", "yield", "yields", "note", "notes", "number", "numbers"}


class NameRules(EntityTyping):
    """The builder's rules that turn candidate spans and name shapes into records and mentions."""

    def add_kb(self, span: Span, entry: KBEntry) -> None:
        if entry.type != "LOCATION" and self.doc[span.end:span.end + 1].text in INSTRUMENT_NOUNS:
            return  # "short-term Treasury bills": a debt, not the department
        if entry.type == "LOCATION":
            longer = self._institution_name(span)
            if longer is not None:
                self._mention(longer, self._record_for(longer.text, self._org_type(longer)))
                return
            if self.doc[span.end:span.end + 1].text == "Attorney":
                return  # "U.S. Attorney Damian Williams": the country is part of the title
        if entry.type in ("EXCHANGE", "ORGANIZATION") and \
                self.doc[span.end:span.end + 1].text in ("Token", "Coin") and \
                not self.kb.lookup(self.doc[span.start:span.end + 1].text):
            token = self.doc[span.start:span.end + 1]  # "BitMart Token": a company's own token, not the company
            self._mention(token, self._record_for(token.text, "ASSET"))
            return
        if entry.type == "EXCHANGE":
            unit = self._regional_unit(span)
            if unit is not None:
                self._mention(unit, self._record_for(unit.text, "EXCHANGE"))
                return
        self._mention(span, self._record_for(entry.name, entry.type, entry.id))

    def _institution_name(self, place: Span) -> Span | None:
        """'New York University', 'U.S. Bankruptcy Court for the District of New Jersey': a place that
        starts an organisation's name is part of that name, not a LOCATION of its own."""
        doc = self.doc
        i = place.end
        if i >= len(doc) or doc[i].is_sent_start:
            return None
        k = i  # the head word may follow a few capitalised ones: "Istanbul Chief Public Prosecutor's Office"
        while k < min(len(doc), i + 3) and doc[k].is_title and doc[k].is_alpha and \
                doc[k].text not in self.lex.org_head_words:
            k += 1
        if k >= len(doc) or doc[k].text not in self.lex.org_head_words:
            return None
        if doc[k].text == "Attorney" and (k + 1 == len(doc) or doc[k + 1].text not in ("'s", "’s", "General")):
            return None  # "U.S. Attorney Damian Williams": a title, the person's; "U.S. Attorney's Office" is not
        end = k + 1
        j = end
        while j < min(len(doc), place.start + 12):
            tok = doc[j]
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                break  # "New York Attorney General Letitia James": the name is not the office's
            if tok.is_title or tok.is_upper and tok.is_alpha or tok.text in self.lex.org_head_words:
                j += 1
                end = j
            elif tok.lower_ in ("of", "for", "the", "and", "&") and j + 1 < len(doc) and (
                    doc[j + 1].is_title or doc[j + 1].lower_ == "the") and \
                    not (tok.lower_ in ("and", "&") and (doc[j + 1].lower_ == "the" or doc[j + 1].ent_iob_ == "B")):
                j += 1  # (not "the China Banking Regulatory Commission and the China Securities ...", nor "Phoenix
                # Group and Green Acorn Investments" NER read as two: two)
            elif tok.text in ("'s", "’s") and doc[j - 1].text in ("Prosecutor", "Attorney") and j + 1 < len(doc) and \
                    doc[j + 1].text == "Office":
                j += 1  # "Prosecutor's Office", "Attorney's Office"
            else:
                break
        return doc[place.start:end]

    def _regional_unit(self, venue: Span) -> Span | None:
        """'Coinbase Europe Ltd.', 'Zipmex Thailand': an exchange's name and a place is its regional
        exchange, one name, not the parent and a LOCATION. The record is named without the legal suffix."""
        doc = self.doc
        i = venue.end
        for end in (i + 2, i + 1):  # "OKX Middle East", "Zipmex Thailand"
            place = doc[i:end]
            # (a place whose name is also a word is the place here: "Binance Jersey"; so is "Bybit EU")
            if end <= len(doc) and len(place) and all(t.is_title or t.is_upper and t.is_alpha for t in place) and \
                    not doc[i].is_sent_start and (any(e.type == "LOCATION" for e in self.kb.lookup(place.text)) or
                                                  place.text in COUNTRY_CODES):
                return doc[venue.start:end]  # (or a country's code: "Binance TR", "Binance KR")
        return None

    def _open_to_a_name(self, i: int) -> bool:
        """Free, or only a place or an organisation NER guessed (not a known one): a title before a name
        outweighs NER's reading of it ("Chairperson Dalia Reyes", where NER read "Reyes" as a company)."""
        if i not in self.taken:
            return True
        record = self.ents.records[self.taken[i].key]
        return record.type == "LOCATION" or record.type == "ORGANIZATION" and not record.kb_id

    def _rest_of_a_name(self, i: int, start: int) -> bool:
        """'Chief prosecutor Mehmet' + 'Nadir Yağcı': a person NER found from token ``i`` on, whose given name
        it left out after a title."""
        m = self.taken[i]
        return start < m.start <= i and self.ents.records[m.key].type == "PERSON" and \
            not self.ents.records[m.key].kb_id

    def add_titled_people(self) -> None:
        """'Chief Executive Luuk Strijers': capitalised names right after a title are people; so are they after
        a company's title in lower case that a name or a possessive opens ('Thodex founder Faruk Fatih Özer',
        where NER read a company)."""
        doc = self.doc
        texts, _, _ = self._strings
        by_first = _titles_by_first(self.lex.person_titles + COMPANY_TITLES)
        for i in range(len(doc)):
            opening = doc[i].is_sent_start and texts[i][:1].isupper()
            # (a title in lower case may open a sentence: "Chief prosecutor Mehmet Nadir Yağcı said")
            lowered = [t for t in by_first.get(texts[i].lower(), ()) if len(t) > 1] if opening else []
            for title in [*lowered, *by_first.get(texts[i], ())]:
                n = len(title)
                if (texts[i].lower() if title in lowered else texts[i],) + tuple(texts[i + 1:i + n]) != title:
                    continue
                if title[0].islower() and title not in lowered and not (i > 0 and (
                        doc[i - 1].pos_ in ("PROPN", "NOUN") and doc[i - 1].is_title or i - 1 in self.taken or
                        doc[i - 1].text in ("'s", "’s", "and") or doc[i - 1].is_quote)):
                    continue  # ('"...," chief executive Han Ji-ho said', "Co-founder and chief executive X")
                start = end = i + n
                while end < len(doc) and end - start - doc[start:end].text.count("-") < 4 and \
                        (self._open_to_a_name(end) or end > start and self._rest_of_a_name(end, start)) and (
                        doc[end].is_title and doc[end].pos_ == "PROPN" or _initials_before_a_name(doc, end, start) or
                        end > start and (len(doc[end].text) == 2 and doc[end].text.endswith(".")
                                         or doc[end].text in ("III", "II", "IV", "Jr.")) or
                        _hyphen_in_name(doc, end) and end > start):
                    end += 1
                if end > start:
                    end = _with_hyphenated_given_name(doc, end)  # "Oh Kyung" + "-suk"
                if end - start >= 2:
                    end = self._with_particle_surname(doc[start:end]).end  # "Ahmed Yahia" + "Al Idrissi"
                if end - start >= 2 and not doc[end - 1].text.endswith(".") or end - start >= 3:
                    span = doc[start:end]
                    if not self.kb.lookup(span.text) and not any(t.lower_ in job_words(self.lex.titles)
                                                                   for t in span):
                        record = self._record_for(span.text, "PERSON")
                        if record.type in ("ORGANIZATION", "LOCATION") and not record.kb_id:
                            record.type = "PERSON"  # the very name NER read as a company or a place
                        self._mention(span, record, replace=True)
                break

    def add_coordinated_people(self) -> None:
        """'founded by Demuth, Paul Klanschek and Christian Trummer': a full name NER left out (it read
        "Christian" as a religion) coordinated with a person's name is a person."""
        doc = self.doc
        people = [m for m in self.ents.mentions if not m.generic and self.ents.records[m.key].type == "PERSON"]
        for m in people:
            for conj in doc[m.end - 1].conjuncts:
                if conj.pos_ != "PROPN" or conj.i in self.taken:
                    continue
                start = conj.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == conj.i:
                    start -= 1
                span = doc[start:conj.i + 1]
                if 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha and t.i not in self.taken for t in span) \
                        and not self.kb.lookup(span.text) and not any(
                            t.text in self.lex.org_head_words or t.text in self.lex.org_suffix_words for t in span):
                    self._mention(span, self._record_for(span.text, "PERSON"))

    def _without_leading_title(self, span: Span, type_: str) -> Span:
        """'Superintendent Akira' + 'Hamabe': a title NER put at the head of a person's name is left off, and the
        surname it cut off after the given name is taken in."""
        doc = self.doc
        # (a title as written: "Sen." is a senator's, "Sen" may open a name, as in "Sen Sokha")
        if type_ != "PERSON" or len(span) < 2 or span[0].lower_ not in self._titles_as_written:
            return span
        end = span.end
        while end < len(doc) and end - span.end < 2 and end not in self.taken and doc[end].is_title and \
                doc[end].is_alpha and doc[end].pos_ == "PROPN":
            end += 1
        return doc[span.start + 1:end]

    @functools.cached_property
    def _titles_as_written(self) -> set[str]:
        """Every word of a person's title, lower case ("superintendent", "mr.")."""
        return {w.lower() for t in self.lex.person_titles for w in t}

    @functools.cached_property
    def _title_words(self) -> set[str]:
        """The same without full stops ("mr"), for a title written without one."""
        return {w.rstrip(".") for w in self._titles_as_written}

    def add_relatives_by_surname(self) -> None:
        """'started by Amit Rathore and his brother Vikram Rathore': a capitalised given name NER left out,
        right before the surname of a person the article names in full, names another of that family."""
        doc = self.doc
        surnames = self._people_by_surname()
        if not surnames:
            return
        titles = self._title_words
        for i in range(1, len(doc)):
            people = surnames.get(doc[i].text)
            given = doc[i - 1]
            if people is None or i in self.taken or not self._given_name(given, titles) or \
                    any(given.text in r.name.split()[:-1] for r in people) or \
                    i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha:
                continue  # (not "Judge Rathore", nor a name that goes on)
            start = i - 1
            while start > 0 and i - start < 3 and self._given_name(doc[start - 1], titles):
                start -= 1  # "Anna Maria Rossi": every given name
            misread = self.taken.get(start - 1)
            if misread is not None and misread.end == start and misread.end - misread.start == 1 and \
                    not self.ents.records[misread.key].kb_id and doc[start - 1].is_title and \
                    self.ents.records[misread.key].type in ("ORGANIZATION", "LOCATION") and i - start < 3:
                start -= 1  # "Anna" + "Maria Rossi": a first given name NER read as a company's
            span = doc[start:i + 1]
            if not self.kb.lookup(span.text) and not any(
                    self.kb.lookup(t.text) or t.text in self.lex.org_head_words or t.text in self.lex.org_suffix_words
                    for t in span[:-1]):
                self._mention(span, self._record_for(span.text, "PERSON"), replace=misread is not None)

    def _given_name(self, token, titles: set[str]) -> bool:
        return token.i not in self.taken and token.is_title and token.is_alpha and token.lower_ not in titles and \
            (not token.is_sent_start or token.pos_ == "PROPN")

    def add_aged_people(self) -> None:
        """'charges against Minh Quoc Nguyen, 49, of Hanoi': a capitalised name NER missed, followed by an
        age between commas, is a person's."""
        doc = self.doc
        for i in range(2, len(doc) - 2):
            if doc[i].text != "," or not doc[i + 1].like_num or not doc[i + 1].text.isdigit() or \
                    not 16 <= int(doc[i + 1].text) <= 99 or doc[i + 2].text not in (",", ")"):
                continue
            span = self._name_ending_at(i, 4)
            named = self.taken.get(i - 1)
            if not span and named is not None and not named.generic and named.end == i and 2 <= i - named.start <= 4:
                # "Renata Albuquerque, 39, is ...": a name NER read as a company's or a place's is a person's
                record = self.ents.records[named.key]
                if record.type in ("ORGANIZATION", "LOCATION") and not record.kb_id and \
                        self._shaped_like_a_person(doc[named.start:i]):
                    record.type = "PERSON"
                continue
            if 2 <= len(span) <= 4 and not span[0].is_sent_start and not self.kb.lookup(span.text) and not any(
                    t.text in self.lex.org_head_words or t.text in self.lex.org_suffix_words for t in span):
                self._mention(span, self._record_for(span.text, "PERSON"))

    def _name_ending_at(self, end: int, most: int) -> Span:
        """The capitalised proper nouns no rule has taken right before token ``end``, at most ``most``."""
        doc = self.doc
        start = end
        while start > 0 and end - start < most and doc[start - 1].is_title and doc[start - 1].is_alpha and \
                doc[start - 1].pos_ == "PROPN" and start - 1 not in self.taken:
            start -= 1
        return doc[start:end]

    def add_described_people(self) -> None:
        """'Som Seif, the founder and chief executive of Purpose, said': a capitalised two- or three-word
        name NER missed, whose appositive is a title only people hold, is a person's."""
        doc = self.doc
        for i in range(1, len(doc) - 2):
            cut = i - 1 in self.taken and self._cut_surname(i - 1)
            if doc[i].text != "," or i - 1 in self.taken and not cut:
                continue
            span = doc[i - 2:i] if cut else self._name_ending_at(i, 3)
            if 2 <= len(span) <= 3 and (span.start == 0 or not doc[span.start - 1].is_title) and \
                    not self.kb.lookup(span.text) and self._titled_appositive(span):
                self._mention(span, self._record_for(span.text, "PERSON"), replace=True)

    def _cut_surname(self, i: int) -> bool:
        """'Leyla Huseynova, head of information security': NER took the surname alone for a company."""
        m = self.taken[i]
        given = self.doc[m.start - 1] if m.start > 0 else None
        return not m.generic and m.end - m.start == 1 and not self.ents.records[m.key].kb_id and \
            self.ents.records[m.key].type == "ORGANIZATION" and given is not None and given.is_title and \
            given.is_alpha and (not given.is_sent_start or given.pos_ == "PROPN") and given.i not in self.taken

    def _with_particle_surname(self, span: Span) -> Span:
        """'Glaidson Acácio' + 'dos Santos': a surname after a particle NER split off is part of the name."""
        doc = self.doc
        end = span.end
        while end + 1 < len(doc) and doc[end].text.lower() in NAME_PARTICLES and doc[end + 1].is_title and \
                doc[end + 1].is_alpha and (end + 1 not in self.taken or
                                           self.ents.records[self.taken[end + 1].key].type == "PERSON"):
            end += 2
        return doc[span.start:end] if end > span.end else span

    def _before_a_kind_word(self, span: Span) -> bool:
        """'signs up Ibadan lender': a place NER found right before a lowercase kind of company says where
        that company is (NER's own reading kept)."""
        nxt = self.doc[span.end:span.end + 1]
        return bool(len(nxt)) and nxt[0].is_lower and nxt[0].lower_ in ORG_KIND_NOUNS

    def _place_before_kind(self, span: Span) -> bool:
        """A name standing before a kind of company that another name follows: where that company is."""
        doc = self.doc
        i = span.end
        while i < len(doc) and i - span.end < 3 and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ"):
            i += 1
        for j in range(span.end, min(i + 1, len(doc) - 3)):
            if ends_start_up(doc, j + 2):  # "Heredia start-up Pura Vida Labs": the kind split in three
                return doc[j + 3].is_title and not doc[j + 3].is_sent_start
        return span.end < i < len(doc) and doc[i - 1].lower_ in ORG_KIND_NOUNS and doc[i].is_title and \
            not doc[i].is_sent_start

    def _described_as_regulator(self, span: Span) -> bool:
        """'Procon-PR, the consumer protection agency of Paraná', 'Cofece, Mexico's competition watchdog':
        an appositive whose head is a kind of authority (its name may say nothing of one)."""
        doc = self.doc
        after = doc[span.end:min(span.end + 8, len(doc))]
        if len(after) < 3 or after[0].text != ",":
            return False
        # (a lowercase kind: "Iceland's Data Protection Authority" is a name of its own, not a description; only
        # the first appositive: in "Rob Wainwright, director of Europol, the police agency" the second is Europol's)
        stop = next((t.i for t in after[1:] if t.text == ","), after.end)
        first = self.doc[after.start + 1:stop]
        # (not "Corinne Abadi, a prosecutor in the office's fraud unit" nor "X, the Ministério Público Federal
        # prosecutor on the case": a prosecutor someone is, of no office or of one named before the word, is a person)
        return any(t.is_lower and t.text in REGULATOR_KINDS and t.dep_ == "appos" and
                   span.start <= t.head.i < span.end and
                   not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children) and
                   not (t.text == "prosecutor" and any(c.lower_ in ("a", "an", "former") or
                                                       c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children))
                   for t in first)

    def _described_as_a_token(self, span: Span) -> bool:
        """A kind of token right before the name ("stablecoin Harbour Dollar", "a new coin, Harbour Dollar") or in
        its appositive ("Harbour Dollar, a stablecoin meant to ...", "HNZD, the token's ticker" does not count:
        only a kind opening it)."""
        doc = self.doc
        if span.start > 0 and doc[span.start - 1].is_lower and doc[span.start - 1].lower_ in TOKEN_KINDS:
            return True
        if span.start > 1 and doc[span.start - 1].text == "," and doc[span.start - 2].is_lower and \
                doc[span.start - 2].lower_ in TOKEN_KINDS and span.root.dep_ == "appos":
            return True  # "a little-known coin, Lucky7Coin, was used": the name the kind is given
        if span.text.isupper() and span.text.isalpha() and len(span.text) <= 6:
            kind = span.root  # "the TRIBE governance token slid": a ticker that names the kind of token it is
            while kind.dep_ in ("compound", "nmod") and span.start <= kind.i < kind.head.i <= span.end + 2:
                kind = kind.head
            if kind.i >= span.end and kind.lower_ in TOKEN_KINDS:
                return True
        after = doc[span.end:min(span.end + 9, len(doc))]
        if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("a", "an", "the", "its", "their"):
            return False
        for tok in after[2:]:
            if tok.lower_ in TOKEN_KINDS:
                # the kind is the description's head ("a stablecoin meant to"), not a modifier ("a token issuer")
                return tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")
            # ("Fei USD, the project's dollar-pegged stablecoin")
            if not (tok.is_lower and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")) and \
                    tok.text not in ("-", "'s", "’s"):
                return False
        return False

    def _given_name_before(self, span: Span) -> bool:
        """A capitalised proper noun NER left out, right before the one word it read as a person, away from a
        sentence start and not a title."""
        doc = self.doc
        i = span.start - 1
        return i > 0 and i not in self.taken and doc[i].is_title and doc[i].is_alpha and doc[i].pos_ == "PROPN" \
            and not doc[i].ent_type_ and not doc[i].is_sent_start and not doc[i - 1].is_title and \
            doc[i].lower_ not in job_words(self.lex.titles) and not self.kb.lookup(doc[i].text)

    def _with_given_name(self, span: Span) -> Span:
        """'Layla' + 'Al Mansouri', 'Hatem' + 'Ben Youssef': a given name before a surname that opens with a
        particle, which NER left out; and 'Lim' + 'Jia Hui', 'Lê' + 'Thị Mai': a family name written first."""
        doc = self.doc
        start = span.start
        family = doc[start - 1] if start > 0 else None
        if family is not None and (family.text in self.lex.family_names_vietnamese or
                                   family.text in self.lex.family_names_first and
                                   family.text not in self.lex.family_names_first_ambiguous) and \
                start - 1 not in self.taken and not any(t.text in self.lex.org_suffix_words for t in span):
            return doc[start - 1:span.end]
        if len(span) >= 2 and span[0].text.lower() in SURNAME_PARTICLES and start > 0 and doc[start - 1].is_title and \
                doc[start - 1].is_alpha and doc[start - 1].pos_ == "PROPN" and start - 1 not in self.taken and \
                doc[start - 1].lower_ not in job_words(self.lex.titles):
            return doc[start - 1:span.end]
        return span

    def _shaped_like_a_person(self, span: Span) -> bool:
        """Two or three capitalised words, none of them a company's or an institution's word."""
        return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) and not any(
            t.text in self.lex.org_suffix_words or t.text in self.lex.org_head_words for t in span)

    def _shaped_like_a_company(self, span: Span) -> bool:
        """'Rigi Privatbank', 'Kotani Pay', 'the Equipo Cafetero cycling team', 'The group, Predatory Sparrow,':
        a name NER read as a person's that ends in a company word, stands before a kind of organisation or
        in apposition to one is an organisation's."""
        doc = self.doc
        last = span[-1].text
        if len(span) > 1 and (last.lower().endswith("bank") or last in ("Pay", "Payments", "Wallet") or
                              any(t.lower_ in BANK_WORDS or t.text in STOCK_EXCHANGE_WORDS for t in span)):
            return True  # (and "Boerse Stuttgart", a stock exchange)
        after = [t for t in doc[span.end:span.end + 2] if t.is_alpha and t.is_lower]
        if after and after[0].i == span.end and (after[0].lower_ in TEAM_NOUNS or len(after) == 2 and
                                                 after[1].i == span.end + 1 and after[1].lower_ in TEAM_NOUNS):
            return True
        return span.start >= 3 and doc[span.start - 1].text == "," and \
            doc[span.start - 2].lower_ in ORG_KIND_NOUNS and doc[span.start - 3].lower_ == "the"

    def _says_he(self, span: Span) -> bool:
        """'Janez Novak, a software developer in Kranj, said he lost 0.8 bitcoin': the name is the subject of a saying
        verb whose clause opens with "he" or "she", as only a person's is (whatever kind of thing its appositive
        names)."""
        verb = span.root.head
        return span.root.dep_ == "nsubj" and verb.lemma_.lower() in ("say", "tell", "add", "explain") and any(
            c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("he", "she")
                                      for s in c.children) for c in verb.children)

    def _someones_relation(self, span: Span) -> bool:
        """'his predecessor, Naci Ağbal,', 'whose founder, Faruk Fatih Özer,': a relative or a company's
        founder or chief named after a possessive is a person."""
        doc = self.doc
        if span.start < 3 or doc[span.start - 1].text != ",":
            return False
        k = span.start - 2
        role = job_words(self.lex.titles)
        while k > span.start - 6 and k > 1 and (doc[k].lower_ in role or doc[k].lower_ in ("managing", "general")):
            k -= 1
        if k < span.start - 2 and (doc[k].lower_ in ("its", "whose") or doc[k].text in ("'s", "’s")) and \
                (doc[span.start - 2].lower_ not in FIRM_TITLES or doc[span.start - 3].lower_ == "managing"):
            # "its chief executive, Thabo Dlamini,", "the firm's managing member, Coy Blanchard,": a title only
            # people hold, after a possessive
            return True
        if k < span.start - 2 and doc[k].lower_ == "as":
            k -= 1  # "His successor as chief executive, Ingrida Valaitė,"
        else:
            k = span.start - 2
        if k < 1:
            return False
        noun, owner = doc[k].lower_, doc[k - 1]
        return noun in RELATION_NOUNS and (owner.lower_ in ("his", "her", "their") or owner.text in ("'s", "’s")) or \
            noun in OWNED_ROLES and (owner.lower_ in ("his", "her", "their", "its", "whose") or
                                     owner.text in ("'s", "’s"))

    def add_described_organisations(self) -> None:
        """'SCBX, the Bangkok-based parent of Siam Commercial Bank, said', 'Westpac, one of Australia's four major
        banks': a capitalised name NER missed, whose appositive is a kind of organisation, is that organisation."""
        doc = self.doc
        for tok in doc:
            # (a camel-cased name is one whatever the tagger made of it: "CommEX")
            named = tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) or _camel_case(tok)
            # (not the legal form or last word of a name already taken: "Sevan Exchange" + "CJSC, one of ...")
            coin = self._coin_ending_a_name(tok)
            if tok.i in self.taken and not coin or not named or tok.i - 1 in self.taken or \
                    tok.dep_ not in DESCRIBED_DEPS or tok.i + 1 >= len(doc) or \
                    doc[tok.i + 1].text != "," or not any(
                        c.dep_ == "appos" and (kind_word(doc, c.i) in DESCRIBED_KINDS or _one_of_a_kind(c))
                        for c in tok.children):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and \
                    doc[start - 1].pos_ == "PROPN" and start - 1 not in self.taken:
                start -= 1
            if start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and \
                    doc[start - 1].is_title:
                continue  # (the name runs on into words another rule took: not a part of it alone)
            span = doc[start:tok.i + 1]
            if span.text in LEGAL_FORMS:
                continue  # "Ethena (BVI) Limited, a company registered in ...": a legal form alone names no one
            if len(span) <= 4 and not self.kb.lookup(span.text) and span.text.casefold() not in self.lex.not_entities \
                    and (len(span) > 1 or not coin):
                self._mention(span, self._record_for(span.text, self._org_type(span)), replace=coin)

    def _coin_ending_a_name(self, tok) -> bool:
        """'Athena Bitcoin, the Chicago-based company': a known coin's name, taken alone, that ends a company's
        name a capitalised word opens."""
        m = self.taken.get(tok.i)
        return m is not None and m.start == m.end - 1 and self.ents.records[m.key].type == "ASSET" and \
            tok.i > 0 and tok.i - 1 not in self.taken and _capitalised_proper_noun(self.doc[tok.i - 1]) and \
            self.doc[tok.i - 1].head.i == tok.i

    def add_companies_after_their_kind(self) -> None:
        """'the defunct cryptocurrency exchange KarlinX', 'advisory firm Interpath': capitalised or mixed-case
        words NER missed, right after a kind of company, name a company of that kind."""
        doc = self.doc
        # ("start-up" is three tokens, the last its "up")
        for i in [i for i, lower in enumerate(self._lowers[:-1])
                  if lower in NAMED_KINDS or lower == "up" and ends_start_up(doc, i)]:
            tok = doc[i]
            if not tok.is_lower or tok.pos_ != "NOUN":
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 3 and end not in self.taken and \
                    NAME_WORD.match(doc[end].text) and not doc[end].is_stop and doc[end].ent_type_ != "DATE":
                end += 1
            span = doc[tok.i + 1:end]
            if len(span) and (end == len(doc) or not doc[end].is_title) and self._unknown_name(span):
                self._mention(span, self._record_for(span.text, self._org_type(span)))

    def add_workplaces_after_titles(self) -> None:
        """'Nkechi Obi, a security researcher at Ledgerlight', 'a partner at Keppel Lane Legal': capitalised words
        NER missed (or read as a work of art) after a job and "at" name where the person works, a company."""
        doc = self.doc
        for i in [i for i, lower in enumerate(self._lowers[:-2]) if lower == "at"]:
            job = doc[i - 1] if i else None
            if job is None or not job.is_lower or job.lower_ not in WORKPLACE_TITLES or job.pos_ != "NOUN":
                continue
            end = i + 1
            while end < len(doc) and end - i <= 4 and end not in self.taken and \
                    NAME_WORD.match(doc[end].text) and doc[end].is_title and not doc[end].is_stop:
                end += 1
            if i + 1 < end < len(doc) and doc[end].text in LEGAL_FORMS and end not in self.taken:
                end += 1  # "a partner at Holborn Reeve" + "LLP"
            span = doc[i + 1:end]
            if len(span) and (end == len(doc) or not doc[end].is_title) and self._unknown_name(span) and \
                    not self._plainly_a_place(span):
                self._mention(span, self._record_for(span.text, self._org_type(span)))

    def attach_legal_prefixes(self) -> None:
        """'PT Danau Toba Digital', 'UAB Vilnius Crypto': a legal form written before a company's name, which the
        rule that found the name left off, belongs to it."""
        doc = self.doc
        for m in [m for m in self.ents.mentions if not m.generic and m.start > 0]:
            before = m.start - 1
            if doc[before].text in LEGAL_PREFIXES and before not in self.taken and \
                    self.ents.records[m.key].type in ("ORGANIZATION", "EXCHANGE") and m in self.ents.mentions:
                self._mention(doc[before:m.end], self.ents.records[m.key], replace=True)

    def add_web_names(self) -> None:
        """'developers at Slock.it', 'Gate.io said': a capitalised name with a web domain's ending is a company's,
        whatever NER made of it (it reads "Slock.it" as a date)."""
        texts, _, _ = self._strings
        for i, text in enumerate(texts):
            if "." in text and i not in self.taken and WEB_NAME.match(text) and \
                    text.casefold() not in self.lex.not_entities:
                span = self.doc[i:i + 1]
                self._mention(span, self._record_for(text, self._org_type(span)))

    def drop_title_case_headline_names(self) -> None:
        """'Ejara Raises $8 Million Series A to Expand Crypto Savings': a headline that capitalises every word
        tells nothing of which words make names; a name of several words found only there, that neither the body
        nor the knowledge base knows, is no name ("Expand Crypto Savings", "New York Trust Charter"), or is the
        body's name it begins with ("Kuda Pay Secures")."""
        doc = self.doc
        end = next((t.i for t in doc if t.is_space and "\n" in t.text), None)
        words = [t for t in doc[:end] if t.is_alpha and len(t) > 3] if end else []
        if not words or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
            return
        body = doc_text(doc)[doc[end].idx:]
        named_after = {m.text: m.key for m in self.ents.mentions if m.start > end and not m.generic}
        for m in [m for m in self.ents.mentions if m.end <= end and not m.generic and m.end - m.start > 1]:
            record = self.ents.records[m.key]
            if record.kb_id or m.text in body:
                continue
            # "Kuda Pay Secures $12 Million": the body's name the headline's begins with, and a verb after it
            shorter = next((doc[m.start:k] for k in range(m.end - 1, m.start, -1)
                            if doc[m.start:k].text in named_after), None)
            if shorter is None and m.key in named_after.values():
                continue
            self._forget(m)
            if shorter is not None:
                if record.name == m.text:
                    record.name = shorter.text
                self._mention(shorter, self.ents.records[named_after[shorter.text]])

    def drop_places_named_only_in_titles(self) -> None:
        """'Assistant U.S. Attorney Mark Delaney', 'U.S. District Judge Rosa Inglehart', 'deputy U.S. marshals':
        a country named only inside officials' titles is no place the article speaks of (the gold sets never name
        it there); one "U.S. customers" or "in the United States" elsewhere keeps it."""
        doc = self.doc
        by_record: dict[str, list] = {}
        for m in self.ents.mentions:
            if not m.generic and self.ents.records[m.key].type == "LOCATION":
                by_record.setdefault(m.key, []).append(m)
        for mentions in by_record.values():
            if all(m.text in ("U.S.", "US") and m.end < len(doc) and doc[m.end].text in TITLES_AFTER_A_COUNTRY
                   for m in mentions):
                for m in mentions:
                    self._forget(m)

    def split_companies_from_surnames(self) -> None:
        """'against Tengri Trade and Ganbold': one name NER made of a company the article names elsewhere, "and",
        and the surname of a person it named in full is the company (the surname is linked later, to the
        person). (Not "&": "Kielar & Wrona" is a firm named after its partners.)"""
        records = self.ents.records
        surnames = self._people_by_surname()
        companies = {r.name: r for r in records.values() if r.type in ("EXCHANGE", "ORGANIZATION") and r.mentions}
        for m in [m for m in self.ents.mentions if not m.generic and " and " in m.text]:
            words = self.doc[m.start:m.end]
            joint = next(t.i for t in words if t.text == "and")
            company = self.doc[m.start:joint]
            if joint != m.end - 2 or joint == m.start or words[-1].text not in surnames or \
                    company.text not in companies or companies[company.text].key == m.key:
                continue
            self._forget(m)
            self._mention(company, companies[company.text])

    def add_listed_companies(self) -> None:
        """'Shares of Remixpoint fell by their daily limit': capitalised words NER missed after "shares of"
        (or "stock in") name a listed company."""
        doc = self.doc
        lowers = self._lowers
        for i in [i for i in range(len(doc) - 2) if lowers[i] in ("shares", "stock") and lowers[i + 1] in ("of", "in")]:
            end = i + 2
            while end < len(doc) and end - i <= 4 and end not in self.taken and NAME_WORD.match(doc[end].text) and \
                    doc[end].ent_type_ not in ("DATE", "GPE"):
                end += 1
            span = doc[i + 2:end]
            if len(span) and (end == len(doc) or not doc[end].is_title) and self._unknown_name(span):
                self._mention(span, self._record_for(span.text, self._org_type(span)))

    def add_listed_investors(self) -> None:
        """'with participation from Pantera Capital and Wamda', 'investors including Ribbit Capital and Bezos
        Expeditions': capitalised names NER missed, listed with a company among a round's investors, are
        investors too."""
        doc = self.doc
        for m in [m for m in self.ents.mentions if not m.generic and
                  self.ents.records[m.key].type in ("ORGANIZATION", "EXCHANGE")]:
            head = doc[m.end - 1]
            first = head
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ != "pobj" or first.head.lower_ not in ("from", "including") or \
                    first.head.head.lemma_.lower() not in INVESTOR_WORDS:
                continue
            for conj in head.conjuncts:
                if conj.i in self.taken or not _capitalised_proper_noun(conj):
                    continue
                start = conj.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == conj.i and \
                        _capitalised_proper_noun(doc[start - 1]) and start - 1 not in self.taken:
                    start -= 1
                span = doc[start:conj.i + 1]
                if len(span) <= 3 and self._unknown_name(span):
                    self._mention(span, self._record_for(span.text, "ORGANIZATION"))

    def add_based_companies(self) -> None:
        """'use technology from Geneva-based Taurus': capitalised words NER missed right after "X-based" name
        the company based there."""
        doc = self.doc
        lowers = self._lowers
        for i in [i for i in range(2, len(doc) - 1) if lowers[i] in ("based", "headquartered") and
                  lowers[i - 1] == "-"]:
            end = i + 1
            while end < len(doc) and end - i <= 3 and end not in self.taken and _capitalised_proper_noun(doc[end]):
                end += 1
            span = doc[i + 1:end]
            if len(span) and (end == len(doc) or not doc[end].is_title) and self._unknown_name(span):
                self._mention(span, self._record_for(span.text, self._org_type(span)))

    def _unknown_name(self, span: Span) -> bool:
        """Words no knowledge-base entry, stop list or nationality adjective claims: free for a rule to name."""
        return not self.kb.lookup(span.text) and span.text.casefold() not in self.lex.not_entities and \
            span.text not in self.lex.demonyms

    def add_based_places(self) -> None:
        """'Brno-based exchange Morava Coin': capitalised words NER missed before "-based" name a place."""
        doc = self.doc
        lowers = self._lowers
        for i in [i for i in range(1, len(doc) - 2) if lowers[i + 2] in ("based", "headquartered") and
                  lowers[i + 1] == "-"]:
            if i in self.taken or not doc[i].is_title or not doc[i].is_alpha or doc[i].is_sent_start:
                continue
            span = doc[self._name_ending_at(i, 2).start:i + 1]  # the tagger often reads the last word as a noun
            if self._unknown_name(span):
                self._mention(span, self._record_for(span.text, "LOCATION"))

    def _with_district(self, span: Span) -> Span:
        """'U.S. Bankruptcy Court' + 'for the Southern District of Texas': a court's or a prosecutor's
        office's district is part of its name."""
        doc = self.doc
        if span[-1].text == "Court" and span[0].text in LOCAL_COURTS and span.end + 1 < len(doc) and \
                doc[span.end].lower_ == "in" and doc[span.end + 1].is_title:
            # "the Municipal Court in Prague", "the Regional Court in Graz": a local court's seat is in its name
            end = span.end + 2 if span.end + 2 < len(doc) and not doc[span.end + 2].is_title else span.end + 3
            return doc[span.start:end] if self._is_place(span.end + 1) or doc[span.end + 1].ent_type_ == "GPE" \
                else span
        if span[-1].text in INSTITUTION_WORDS and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            return self._with_place_of(span, span.end + 1)
        if len(span) >= 3 and span[-2].lower_ == "of" and span[-3].text in INSTITUTION_WORDS:
            return self._with_place_of(span, span.end - 1)
        if span[-1].text in ("University", "College", "Institute") and span.end < len(doc):
            return self._with_place_of(span, span.end)  # "International Islamic University" + "Malaysia"
        if span[-1].text not in ("Court", "Office", "Attorney's") or span.end + 4 >= len(doc) or \
                doc[span.end].lower_ != "for":
            return span
        i = span.end + 1
        if doc[i].lower_ == "the":
            i += 1
        if doc[i].text in ("Northern", "Southern", "Eastern", "Western", "Middle", "Central"):
            i += 1
        if doc[i].text != "District" or i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
            return span
        end = i + 2
        while end < len(doc) and doc[end].is_title and end - i < 6:
            end += 1
        return doc[span.start:end] if end > i + 2 else span

    def _with_place_of(self, span: Span, start: int) -> Span:
        """'Federal Home Loan Bank' + 'of San Francisco', 'Central Bank of Trinidad' + 'and Tobago': NER cut an
        institution's name before or inside the place it is of (which starts at ``start``); the place is the
        known one, read whole. (A university's country may follow it bare: "International Islamic University
        Malaysia".)"""
        doc = self.doc
        for n in (4, 3, 2, 1):
            place = doc[start:start + n]
            if place.end > span.end and place.end <= len(doc) and all(t.is_title or t.lower_ in ("and", "&")
                                                                     for t in place) and \
                    any(e.type == "LOCATION" for e in self.kb.lookup(place.text)) and \
                    (place.end == len(doc) or not doc[place.end].is_title):
                return doc[span.start:place.end]
        return span

    def _registered_unit(self, span: Span, inside: list) -> bool:
        """'Foris DAX MT Ltd', 'Payward Ventures Inc.': a known company's name, more words and a legal suffix
        name another company (a unit registered elsewhere), not the known one; 'Binance Holdings Ltd.' adds
        only words that say what kind of company it is, so it is Binance."""
        return bool(inside) and span[-1].text in LEGAL_SUFFIXES and all(
            m.start == span.start and m.end < span.end - 1 and not m.generic for m in inside) and \
            not all(self.doc[i].text in KIND_TAILS or self.doc[i].is_punct for i in range(inside[0].end, span.end))

    def _named_after_a_place(self, span: Span, inside: list) -> bool:
        """'Samarkand Digital', 'Da Nang Pay': a known place and then only words that say what kind of company it
        is name a company (not the place)."""
        return len(inside) == 1 and inside[0].start == span.start and inside[0].end < span.end and \
            self.ents.records[inside[0].key].type == "LOCATION" and \
            self._company_words(self.doc[inside[0].end:span.end])

    def _company_words(self, words) -> bool:
        """'Digital', 'Pay', 'Capital Ltd': only words that say what kind of company a name is."""
        return all(t.text in SHORTENED_TAILS or t.text in self.lex.org_suffix_words for t in words)

    def _regional_company(self, span: Span, inside: list) -> bool:
        """'Payward Europe Solutions' over the known company and the place its mentions took."""
        if len(inside) != 2:
            return False
        company, place = sorted(inside, key=lambda m: m.start)
        return regional_company(span, (self.doc[company.start:company.end], self.ents.records[company.key].type),
                                (self.doc[place.start:place.end], self.ents.records[place.key].type),
                                self.lex.org_suffix_words)

    def add_named(self, span: Span, type_: str) -> None:
        span = self._without_leading_title(span, type_)
        place = self.taken.get(span.start - 1) if span.start > 0 else None
        if place is not None and not place.generic and self.ents.records[place.key].type == "LOCATION" and \
                type_ == "ORGANIZATION" and self._company_words(span):
            span = self.doc[place.start:span.end]  # "Samarkand" + "Digital": NER's company left out the place
        if type_ == "ORGANIZATION" and all(t.text in self.lex.org_suffix_words for t in span) and span.start > 0:
            first = self.doc[span.start - 1]
            if first.pos_ == "PROPN" and first.is_title and first.i not in self.taken and first.dep_ == "compound" \
                    and span.start <= first.head.i < span.end:
                span = self.doc[first.i:span.end]  # "Tolland" + "Digital Markets": NER left out the name's own word
        longer = self._with_district(span)
        if longer is not span:
            for i in range(span.end, longer.end):
                old = self.taken.get(i)
                if old is not None and self.ents.records[old.key].type == "LOCATION" and not old.generic:
                    # "Texas" was taken as a place: the court's full name takes it back
                    self._mention(longer, self._record_for(longer.text, self._org_type(longer)), replace=True)
                    return
            span = longer
        known = [e for e in self.kb.lookup(span.text) if _same_case(span.text, e)]
        if len(known) == 1 and not span.text in known[0].ambiguous:
            self.add_kb(span, known[0])
            return
        if span.text.startswith("@"):
            return  # handles are linked to the entity they belong to (add_handles), never entities alone
        if span.text in PLACEHOLDER_NAMES:
            return  # "a John Doe summons": the law's name for people not yet known, nobody named
        if type_ == "PERSON" and self.doc[span.end:span.end + 1].text in FUND_WORDS:
            # "Nordic Crypto Select" before "Index": the start of a fund's or an index's name (read by
            # add_shaped_organisations)
            return
        if self._surnames_of_people_named(span):
            return  # "barred Zhu and Davies": two people the article named in full, not a firm
        if span.start >= 2 and self.doc[span.start - 1].lower_ in ("on", "of") and \
                self.doc[span.start - 2].text in LAW_WORDS or self._inside_a_law_title(span):
            return  # "the Emergency Decree on Digital Asset Businesses": the subject of a law's title
        after = [t for t in self.doc[span.end:span.end + 2] if t.is_lower]
        if after and after[0].i == span.end and (any(t.text in PRODUCT_NOUNS for t in after) or
                                                 after[0].text in INSTRUMENT_NOUNS) or \
                span[-1].text in ("Stack", "SDK"):
            return  # "its Earn program", "the OP Stack": products, not organisations
        kind_before = self._kind_before(span)
        if len(span) > 1 and span[-1].text in ("Token", "Coin", "Stablecoin") and not kind_before and \
                not self._listed_after_exchanges(span) and not self._a_company_after_all(span):
            # "Kelvora Token", "Pi Coin": whatever NER made of the words before (not "exchange Morava Coin")
            type_ = "ASSET"
        elif self._described_as_a_token(span) and (type_ != "PERSON" or self.doc[span.end:span.end + 1].text == ","):
            type_ = "ASSET"  # "NZ stablecoin Harbour Dollar", "Harbour Dollar, a stablecoin meant to ..."
        elif type_ in ("LOCATION", "PERSON") and len(span) > 1 and (
                span[-1].text in self.lex.org_suffix_words or span[-1].text in NETWORK_WORDS):
            type_ = "ORGANIZATION"  # "Heco Chain", "Atomic Wallet"
        if type_ == "LOCATION" and len(span) > 1 and self.lex.regulator_words.search(span.text) or \
                type_ == "PERSON" and len(span) > 1 and any(t.text in POLICE_WORDS for t in span):
            # "West Yorkshire Police": a force, though named after its county; "Polícia Judiciária", whatever NER
            # made of it
            type_ = self._org_type(span)
        if type_ in ("PERSON", "LOCATION") and kind_before and not (
                type_ == "PERSON" and self.doc[span.start - 1].lower_ in PEOPLES_KINDS):
            # (a person's NER name after a kind people are too stays a person: "software developer Daniela Ochoa")
            type_ = "ORGANIZATION"  # "auditing firm Castellan Audits", "trading company Flow Traders"
        elif type_ == "PERSON" and self._shaped_like_a_company(span):
            type_ = "ORGANIZATION"
        if type_ == "PERSON" and all(t.is_title for t in span) and self.doc[span.end:span.end + 2].text.lower() in (
                "-based", "-headquartered"):
            type_ = "LOCATION"  # "Novi Sad-based": what stands before "-based" is a place, whatever NER read
        if type_ == "LOCATION" and described_as_organisation(span) or \
                type_ == "PERSON" and described_as_organisation(span, FIRM_ONLY_KINDS | PRODUCT_KINDS):
            type_ = "ORGANIZATION"  # "a stake in Tranglo, a Malaysia-based payments firm": NER's place is a firm
        if self._described_as_regulator(span):
            type_ = "REGULATOR"  # "Procon-PR, the consumer protection agency of the state of Paraná"
        if type_ in ("ORGANIZATION", "LOCATION") and len(span) <= 2 and self._plainly_a_place(span) and not any(
                t.text in self.lex.org_head_words or t.text in self.lex.org_suffix_words for t in span):
            self._mention(span, self._record_for(span.text, "LOCATION"))
            return
        if type_ == "LOCATION" and len(span) > 1 and self._conjunct_of_person(span):
            type_ = "PERSON"  # "developers Hannah Okafor and Lucas Brandt"
        elif type_ == "LOCATION" and len(span) == 1 and not self._place_context(span) and \
                not self._place_before_kind(span) and not self._before_a_kind_word(span):
            # places the knowledge base does not know, said in one word and not where a place
            # stands ("in X", "X-based", a dateline), are mostly companies NER misread
            type_ = self._org_type(span)
        elif type_ == "ORGANIZATION" and all(t.is_title or t.text == "-" for t in span) and \
                self._place_context(span) and self.doc[span.end:span.end + 1].text == "-":
            type_ = "LOCATION"  # "Christchurch-based", "Cluj-Napoca-based": whatever NER thought, a place
        elif type_ in ("ORGANIZATION", "LOCATION") and (len(span) == 1 or len(span) == 2 and all(
                t.is_title and t.is_alpha and t.text not in self.lex.org_head_words and
                t.text not in self.lex.org_suffix_words and not self.kb.lookup(t.text) for t in span)) and \
                self._place_before_kind(span):
            # (two words only where neither is a company's word or a name known otherwise: not "Bitcoin Fog")
            type_ = "LOCATION"  # "Cluj venture firm Someș Ventures", "the Coral Springs law firm Silver Miller"
        elif type_ == "ORGANIZATION" and self._conjunct_of_person(span):
            if len(span) == 1:
                return  # "Cameron and Tyler Winklevoss": a given name sharing the surname that follows
            type_ = "PERSON"  # "Billy Markus and Jackson Palmer"
        elif type_ in ("ORGANIZATION", "LOCATION") and self._titled_appositive(span):
            type_ = "PERSON"  # "Cuy Sheffield, Visa's head of crypto, said"
        elif type_ in ("ORGANIZATION", "LOCATION") and self._someones_relation(span):
            type_ = "PERSON"  # "dismissed his predecessor, Naci Ağbal,"
        elif type_ in ("ORGANIZATION", "LOCATION") and self._shaped_like_a_person(span) and (
                hired_as_a_title(span, self.lex.titles) or _cofounder(span)):
            type_ = "PERSON"  # "appointed Temitope Adeyemi, previously at Flowpay, as chief compliance officer"
        elif type_ == "PERSON" and (self.doc[span.end:span.end + 1].text in OUTLET_NOUNS or
                                    span.start > 0 and self.doc[span.start - 1].text in OUTLET_NOUNS):
            type_ = "ORGANIZATION"  # "Tuoi Tre newspaper reported", "the newspaper Tuoi Tre reported"
        elif type_ == "ORGANIZATION" and self._city_of_region(span) and self._org_type(span) == "ORGANIZATION" and \
                not any(t.text in self.lex.org_head_words or t.text in self.lex.org_suffix_words for t in span):
            type_ = "LOCATION"  # "based in Tysons Corner, Virginia"; not "from Austria's Financial Market Authority"
        elif type_ == "ORGANIZATION":
            type_ = self._org_type(span)
        elif type_ == "PERSON" and self._owned_by_a_title(span):
            type_ = self._org_type(span)  # "Alan Howard, co-founder of Brevan Howard": what a founder founds
        elif type_ == "PERSON" and len(span) > 1 and self._possessor_of_company_title(span):
            # (a lone word is linked later, as a surname or a company's short name: "Atlas's customers")
            type_ = self._org_type(span)  # "Yarra Yield's founder and sole director": only a firm has one
        elif type_ == "PERSON" and self._kind_appositive(span) and not self._says_he(span):
            type_ = self._org_type(span)  # "Certus One, the developer that built Wormhole"
        elif type_ == "PERSON" and len(span) == 1 and self._given_name_before(span):
            span = self.doc[span.start - 1:span.end]  # "His lawyer, Petter Moe,": NER read only the surname
            if self._kind_before(span):
                type_ = self._org_type(span)  # "gaming platform Amber" + "Forge": a company, not a given name
        elif type_ == "PERSON" and len(span) == 1:
            type_ = self._org_type(span) if self._exchange_context(span) or self._lone_company_word(span) else ""
            if not type_:
                return  # a lone word tagged PERSON is a surname (linked later) or a misread name
        longer = self._with_given_name(self._with_particle_surname(span)) if type_ == "PERSON" else span
        if longer is not span and (self._shaped_like_a_company(longer) or self._kind_before(longer)):
            type_ = self._org_type(longer)  # "Bank" + "Al-Maghrib": a bank, not a given name
        # the surname after the particle may be NER's person of its own ("Santos"): the full name replaces it;
        # so does a company's name NER found around a token's ("Flow Traders" around "Flow")
        inside = [self.taken[i] for i in range(span.start, span.end) if i in self.taken]
        beats = bool(inside) and type_ != "ASSET" and all(
            span.start <= m.start and m.end <= span.end and self.ents.records[m.key].type == "ASSET" for m in inside) \
            and all(t.is_title and t.is_alpha and t.text not in LEGAL_SUFFIXES for t in span if t.i not in self.taken) \
            or self._registered_unit(span, inside) or self._regional_company(span, inside) or \
            type_ in ("ORGANIZATION", "EXCHANGE") and self._named_after_a_place(span, inside) or \
            type_ == "ORGANIZATION" and self._known_names_inside(span, inside)
        record = self._record_for(longer.text, type_)
        if type_ == "PERSON" and record.type in ("ORGANIZATION", "LOCATION") and not record.kb_id and \
                len(longer) > 1 and self._titled_appositive(longer) and \
                self.doc[longer.end + 1:longer.end + 2].text.lower() not in ("its", "their"):
            # the headline's "Bybit hires Renata Albuquerque" NER took for a company; the body gives her a title
            # (not "Gilded Frame, its co-founder and chief executive Vanessa Quill": the company and its people)
            record.type = "PERSON"
        self._mention(longer, record, replace=longer is not span or beats)

    def _surnames_of_people_named(self, span: Span) -> bool:
        words = [t for t in span if t.text not in (",", "and", "&")]
        if len(words) < 2 or len(words) == len(span) or any(not t.is_title for t in words):
            return False
        surnames = self._people_by_surname()
        return all(t.text in surnames for t in words)

    def _inside_a_law_title(self, span: Span) -> bool:
        """'the Virtual Asset and Initial Token Offering Services Act': a name that runs on into a law's title."""
        doc, i = self.doc, span.end
        while i < len(doc) and i - span.end < 8 and (doc[i].is_title or doc[i].lower_ in ("and", "of", "on", "for")):
            if doc[i].text in LAW_WORDS:
                return True
            i += 1
        return False

    def _lone_company_word(self, span: Span) -> bool:
        """'a machine made by Las Vegas-based Robocoin', "Robocoin's founder and chief executive": one word NER
        took for a person's that only a company stands in, and no person the article names in full goes by."""
        doc = self.doc
        based = span.start >= 2 and doc[span.start - 1].lower_ in ("based", "headquartered") and \
            doc[span.start - 2].text == "-"
        # (not "Hayes's co-founders", a person's fellow founders; but "Zubarah's co-founder and chief executive")
        if not (based or self._possessor_of_company_title(span) and (
                doc[span.end + 1].lower_ not in ("co", "cofounder") or
                FOUNDER_AND_CHIEF.match(doc_text(doc)[span.end_char:span.end_char + 60]))):
            return False
        return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span.text for e in doc.ents)

    def _possessor_of_company_title(self, span: Span) -> bool:
        doc = self.doc
        return span.end + 1 < len(doc) and doc[span.end].text in ("'s", "’s") and \
            doc[span.end + 1].lower_ in POSSESSED_BY_FIRMS

    def _a_company_after_all(self, span: Span) -> bool:
        """'Dilijan Coin, a smaller Yerevan exchange', 'Vardar Coin founder X', "Umgeni Coin's founder", 'Aire Coin
        Ltd': a name ending in "Coin" that the words after it make a company's."""
        nxt = self.doc[span.end:span.end + 1]
        if len(nxt) and nxt[0].text in ("'s", "’s"):  # "Umgeni Coin's founder, Sipho Ndlovu"
            nxt = self.doc[span.end + 1:span.end + 2]
        return self._kind_appositive(span) or described_as_organisation(span, FIRM_ONLY_KINDS) or \
            self._exchange_context(span) or bool(len(nxt)) and (
            nxt[0].text in LEGAL_FORMS or nxt[0].lower_ in OWNED_ROLES | {"chief", "ceo"})

    def _owned_by_a_title(self, span: Span) -> bool:
        """A name right after "founder of", "chief executive of": an organisation, not a person."""
        before = self.doc[max(0, span.start - 4):span.start]
        return len(before) >= 2 and before[-1].lower_ == "of" and (
            before[-2].lower_ in OWNED_ROLES or
            len(before) >= 3 and before[-2].lower_ == "executive" and before[-3].lower_ == "chief")

    def _kind_before(self, span: Span) -> bool:
        """'auditing firm Castellan Audits', 'gaming platform Amber Forge': a kind of company right before."""
        # ("Tashkent start-up Chorsu Coin" too)
        # (and a game or a brand, which the article's annotations count with companies: "puzzle game Glass Orchard")
        return span.start > 0 and self.doc[span.start - 1].is_lower and \
            kind_word(self.doc, span.start - 1) in ORG_KIND_NOUNS - {"unit", "arm", "project"} | PRODUCT_KINDS

    def _known_names_inside(self, span: Span, inside: list) -> bool:
        """'Union Square Ventures', 'Mosaic Ledger Technologies': the known names after the first word of a
        company's name are words they share with it ("Square", an ambiguous name of Block), not those
        companies. (Not one the name opens with: "Ledger Connect Kit" is Ledger's product.)"""
        return bool(inside) and all(t.is_title or t.text in LEGAL_FORMS for t in span) and all(
            span.start < m.start and m.end <= span.end and self.ents.records[m.key].kb_id and
            self.ents.records[m.key].type != "PERSON" for m in inside)

    def add_shaped_organisations(self) -> None:
        """'Emergent Fidelity Technologies', 'Peken Global Ltd.': capitalised names ending in a
        company word are organisations even when NER misses them."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if i in self.taken or not (doc[i].is_title or doc[i].is_upper and doc[i].is_alpha or
                                       _ampersand_initials(doc[i]) or self._fund_number(i, i - 1 in self.taken)) or \
                    doc[i].is_sent_start \
                    and doc[i].lower_ in ("the", "a", "an", "in", "on", "at", "its", "about") or doc[i].text == "Chief":
                # "Chief Financial Officer" is a title, never a company; "About Seeland Custody AG" heads a
                # press release's boilerplate
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 6 and (j not in self.taken or self._a_lone_fund_word(j)) and (
                    doc[j].is_title or doc[j].text in ("&",) or doc[j].text in self.lex.org_suffix_words or
                    _ampersand_initials(doc[j]) or
                    self._fund_number(j, j > i or i - 1 in self.taken)):
                j += 1
            end = j
            while end > i and doc[end - 1].text not in self.lex.org_suffix_words:
                end -= 1
            if any(t.is_digit for t in doc[i:end]) and doc[end - 1].text not in FUND_WORDS:
                end = next(k for k in range(i, j) if doc[k].is_digit)  # a number only inside a fund's name
            before = self.taken.get(i - 1)
            fund = self._fund_name(before, i, min(j, i + 4))
            if fund is not None:
                self._mention(fund, self._record_for(fund.text, "ORGANIZATION"), replace=True)
            elif end > i and before is not None and not before.generic and before.end == i and \
                    self.ents.records[before.key].type == "ASSET" and all(t.text in LEGAL_FORMS for t in doc[i:end]):
                # "Bitcoin Co. Ltd.": a coin's name with only a legal form after it is a company's name
                span = doc[before.start:end]
                self._mention(span, self._record_for(span.text, self._org_type(span)), replace=True)
            elif end > i and before is not None and not before.generic and before.end == i and \
                    self.ents.records[before.key].type in ("EXCHANGE", "ORGANIZATION") and \
                    not (all(t.text in FUND_WORDS for t in doc[i:end]) and
                         (self.ents.records[before.key].kb_id or before.end - before.start < 2)):
                # (not "a Solana ETF", "the BlackRock ETF": a known name with a fund word after it is a
                # product described, no fund's name)
                span = doc[before.start:end]
                if doc[end - 1].text in LEGAL_SUFFIXES:
                    # "Binance Markets Limited": a legal-entity name of the company just named
                    self._mention(span, self.ents.records[before.key], replace=True)
                else:
                    # "Coinbase Ventures", "Binance Labs": a unit of its own
                    self._mention(span, self._record_for(span.text, "ORGANIZATION"), replace=True)
            elif end - i >= 2 and doc[i].lower_ not in ("the", "a", "an") and \
                    doc[end:end + 1].text not in self.lex.law_words and not self._inside_a_law_title(doc[i:end]):
                # (not "Foreign Exchange Management Act", "Financial Advisory and Intermediary Services Act")
                span = doc[i:end]
                # (a fund's name may hold a verb the parser reads as a modifier: "Alpbach Polkadot Staking ETP")
                if not any(t.pos_ == "VERB" and not (t.dep_ in ("compound", "amod") and span[-1].text in FUND_WORDS)
                           for t in span):
                    # (over "ETP" alone where a name of two words or more runs into it)
                    self._mention(span, self._record_for(span.text, self._org_type(span)), replace=end - i > 2)
            i = max(j, i + 1)

    def _a_lone_fund_word(self, j: int) -> bool:
        """"ETP" read alone as a name (NER's), which a fund's name running into it takes over."""
        mention = self.taken[j]
        return mention.end - mention.start == 1 and self.doc[j].text in FUND_WORDS and \
            not self.ents.records[mention.key].kb_id

    def _fund_number(self, i: int, named_before: bool) -> bool:
        """A small number inside a fund's or an index's name, after a name and before a capitalised word:
        "Aldgate 15 Crypto Index Fund", "Norland Digital 30 ETP" (not a year, not a sum)."""
        doc = self.doc
        return named_before and doc[i].is_digit and len(doc[i]) <= 3 and i + 1 < len(doc) and \
            (doc[i + 1].is_title or doc[i + 1].text in FUND_WORDS)

    def _fund_name(self, coin: Mention | None, i: int, j: int) -> Span | None:
        """'Harbourline Bitcoin ETF', 'Northgate Solana Staking ETF', 'iShares Bitcoin ETP': a fund named by its
        sponsor's name, the coin it holds and a word for a fund, the capitalised run doc[i:j] ending in the
        fund word. NER misses these for the coin's name in the middle; the coin alone would take the fund's
        place."""
        doc = self.doc
        if coin is None or coin.generic or coin.end != i or not self._a_coin(coin):
            return None
        end = next((k + 1 for k in range(j - 1, i - 1, -1) if doc[k].text in FUND_WORDS), None)
        if end is None:
            return None
        start = coin.start
        while start > coin.start - 3 and start > doc[coin.start].sent.start and _brand_word(doc[start - 1]):
            sponsor = self.taken.get(start - 1)
            if sponsor is not None and self.ents.records[sponsor.key].type not in ("EXCHANGE", "ORGANIZATION"):
                break
            start = sponsor.start if sponsor is not None else start - 1
        if start == coin.start:
            return None
        return doc[start:end]

    def _a_coin(self, mention: Mention) -> bool:
        """A coin's mention, whether the article names it as a coin or as its network ("Solana", "Cardano")."""
        record = self.ents.records[mention.key]
        return record.type == "ASSET" or any(entry.type == "ASSET" or entry.id.endswith("-network")
                                             for entry in self.kb.lookup(mention.text))

    def add_shaped_authorities(self) -> None:
        """'the National Anti-Corruption Police', 'Armenia's Personal Data Protection Agency', 'Slovenia's
        Information Commissioner': capitalised names (joined by "of", "for" or a hyphen) ending in a word only
        authorities end in are regulators even when NER misses them."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if i in self.taken or not doc[i].is_title or doc[i].is_sent_start and doc[i].lower_ in ("the", "a", "an"):
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 8 and j not in self.taken and (
                    doc[j].is_title or j > i and doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].is_title or
                    j > i and doc[j].lower_ in ("of", "for") and j + 1 < len(doc) and doc[j + 1].is_title):
                j += 1
            end = j
            while end > i and doc[end - 1].text not in AUTHORITY_HEADS:
                end -= 1
            span = doc[i:end]
            # (not a title before a person's name: "Assistant Commissioner Ramli Osman")
            titled = all(t.lower_ in self._title_words | {"assistant", "acting"} for t in span) and \
                end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"
            if end - i >= 2 and span[0].text not in AUTHORITY_HEADS and not self.kb.lookup(span.text) and \
                    not titled and not any(t.pos_ == "VERB" for t in span) and self._org_type(span) == "REGULATOR":
                self._mention(span, self._record_for(span.text, "REGULATOR"))
            i = max(j, i + 1)
        self._add_romance_authorities()

    def add_prosecutors_offices(self) -> None:
        """"the Marin County District Attorney's Office", "the District Prosecutor's Office in Gdynia": an office
        named after its officer's title in the possessive is an authority, whatever NER made of the capitalised
        words before it (often a place); a local office's town, after "in", is part of its name."""
        doc = self.doc
        for k in range(1, len(doc) - 1):
            if doc[k].text not in ("'s", "’s", "'", "’") or doc[k + 1].text != "Office" or \
                    doc[k - 1].text not in OFFICE_TITLES:
                continue
            start = k - 1
            while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start and \
                    doc[start - 1].lower_ not in ("the", "a", "an") and k - start < 8:
                start -= 1
            end = k + 2
            if all(t.text in LOCAL_OFFICE_WORDS for t in doc[start:k - 1]) and end + 1 < len(doc) and \
                    doc[end].lower_ == "in" and doc[end + 1].is_title and \
                    any(e.type == "LOCATION" for e in self.kb.lookup(doc[end + 1].text)):
                end += 2  # (a local office is named by its town: "the Regional Prosecutor's Office in Gdynia")
            span = doc[start:end]
            known = [self.taken[i] for i in range(start, end) if i in self.taken]
            if any(m.start < start or m.end > end or self.ents.records[m.key].type == "REGULATOR" and
                   self.ents.records[m.key].kb_id for m in known):
                continue  # (part of a longer name, or one the knowledge base knows)
            self._mention(span, self._record_for(span.text, "REGULATOR"), replace=True)

    def _add_romance_authorities(self) -> None:
        """'Autoridad de Supervisión del Sistema Financiero', 'Superintendencia de Compañías, Valores y Seguros':
        an authority named in Spanish, Portuguese, French or Italian opens with its kind and joins its words
        with "de", "del", "y"; NER cuts such names at the joins (and reads the rest as a person)."""
        doc = self.doc
        for i in [i for i in range(len(doc) - 2) if doc[i].text in AUTHORITY_OPENERS or doc[i].text in FIRM_OPENERS]:
            known = self.taken.get(i)
            if known is not None and self.ents.records[known.key].kb_id and doc[i].text not in POLICE_WORDS:
                continue
            end = k = i + 1
            while k < len(doc) and k - i < 14:
                tok = doc[k]
                if tok.is_title and tok.is_alpha:
                    end = k = k + 1
                elif tok.lower_ in ROMANCE_JOINS or tok.text == "," and doc[i].text in AUTHORITY_OPENERS and \
                        k + 1 < len(doc) and doc[k + 1].is_title and \
                        not any(e.type == "LOCATION" for e in self.kb.lookup(doc[k + 1].text)):
                    k += 1  # (not "Fiscalía General de la Nación, Colombia": the country after the name)
                else:
                    break
            span = doc[i:end]
            if end - i < 3 or self.kb.lookup(span.text) or any(
                    m.start < i or m.end > end for m in (self.taken.get(t) for t in range(i, end)) if m is not None):
                continue  # (nothing that overlaps a longer name around it)
            if known is not None and self.ents.records[known.key].kb_id and known.end >= end:
                continue  # (a force the knowledge base knows, named no longer: "Policía Nacional")
            # ("Banco do Brasil", "Caixa Geral de Depósitos": a firm's name opens with its kind the same way)
            type_ = "REGULATOR" if doc[i].text in AUTHORITY_OPENERS else self._org_type(span)
            self._mention(span, self._record_for(span.text, type_), replace=True)


def _one_of_a_kind(appositive) -> bool:
    """'Westpac, one of Australia's four major banks': "one of" a plural kind of organisation."""
    return appositive.lower_ == "one" and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ == "NNS" and
                                                      o.lemma_.lower() in DESCRIBED_KINDS for o in p.children)
        for p in appositive.children)


def _hyphen_in_name(doc, i: int) -> bool:
    """'Faustin-Archange Touadéra': a hyphen written without spaces between two capitalised halves of a name."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ and i + 1 < len(doc) and \
        doc[i + 1].is_title and doc[i - 1].is_title


def _capitalised_proper_noun(tok) -> bool:
    """'Taurus', 'Wamda': a proper noun of letters with a capital first (not "M12", not "the")."""
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha


def _initials_before_a_name(doc, i: int, start: int) -> bool:
    """'Commissioner KC Mohseni', 'Chair JB Pritzker': a given name written as two capital initials opens a
    titled name when a capitalised surname follows."""
    return i == start and len(doc[i].text) == 2 and doc[i].text.isalpha() and doc[i].text.isupper() and \
        i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN"


def _with_hyphenated_given_name(doc, end: int) -> int:
    """'Oh Kyung-suk', 'Lin Chia-hao': the lowercase half of a hyphenated given name, written without spaces,
    belongs to the name the capitalised half ends."""
    if glued_lowercase_half(doc, end) and doc[end + 1].is_alpha and doc[end - 1].is_title:
        return end + 2
    return end


def _camel_case(tok) -> bool:
    """'CommEX', 'BitMEX', 'OKCoin': capitals after the first letter of a word that is not all capitals."""
    text = tok.text
    return tok.is_alpha and len(text) > 2 and text[0].isupper() and not text.isupper() and \
        any(c.isupper() for c in text[1:])


def _cofounder(span: Span) -> bool:
    """'which Trenchev founded with Kosta Kantchev', 'founded in 2019 by Lukas Varga': whoever a company is
    founded with or by is a founder."""
    root = span.root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("with", "by") and prep.head.lemma_.lower() in FOUNDING_LEMMAS


def _same_case(text: str, entry: KBEntry) -> bool:
    """'Trump' is not the TRUMP coin: a name matched through an all-capitals ticker must be in capitals."""
    return text.isupper() or any(norm(n) == norm(text) and not n.isupper() for n in entry.names)


@functools.lru_cache(maxsize=4)
def _titles_by_first(titles: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Titles by their first word, each list in the lexicon's order (so the first match still wins)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        if title:
            out.setdefault(title[0], []).append(title)
    return out


def _brand_word(tok) -> bool:
    """A word of a fund sponsor's name: 'Harbourline', 'VanEck', 'iShares', '21Shares'."""
    text = tok.text
    if tok.is_stop or tok.lower_ == "spot":
        return False  # "The", "Its", "Spot": words before a fund that name no sponsor
    return text[:1].isupper() and text.isalnum() or \
        len(text) > 1 and text.isalnum() and any(c.isupper() for c in text[1:]) and not text.isupper()


def _ampersand_initials(tok) -> bool:
    """Initials joined by an ampersand, written as one word: "S&P", "AT&T", "M&G"."""
    letters = tok.text.replace("&", "")
    return "&" in tok.text and len(tok) <= 5 and letters.isalpha() and letters.isupper()
