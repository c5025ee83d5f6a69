"""``kg_entities``: find SCHEMA.md entities in a Doc and link their mentions.

Sources, strongest first:

1. the knowledge base, matched by spaCy's ``PhraseMatcher`` (exact case; the
   lowercase form too for entries such as "bitcoin");
2. names the article defines: "Commodity Futures Trading Commission (CFTC)",
   "Bitcoin (BTC)", short forms of people already named ("Hayes"), handles;
3. spaCy's NER, typed from the name's shape and its context ("crypto exchange
   X", "X, a derivatives exchange", "... Commission").

Mentions of one thing are grouped into one ``EntityRecord``. Generic mentions
("the exchange") are linked to the entity they most likely mean, so relations
and events can use them, but never create entities. The result is
``doc._.kg`` (a ``DocEntities``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.attrs import IS_TITLE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .dates import MONTHS
from .kb import KBEntry, KnowledgeBase, load_kb, norm
from .lexicon import Lexicon, load_lexicon

NER_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
HONORIFICS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir"}
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,9}$")
TICKER = re.compile(r"^[A-Z0-9]{2,6}$")
TICKER_WORD = re.compile(r"^\$?(?=[A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{1,11}$")
LEGAL_SUFFIXES = {"Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Limited", "Corp.", "Corporation", "GmbH", "AG", "PLC", "plc",
                  "Pte.", "S.A.", "N.V.", "B.V.", "Co.", "Holdings", "Global"}
NETWORK_WORDS = {"Chain", "Network", "Protocol", "Bridge", "Wallet", "Finance", "Swap", "DAO"}
ORG_KIND_NOUNS = {"platform", "company", "firm", "provider", "startup", "exchange", "lender", "bank", "group",
                  "developer", "website", "service", "app", "network", "protocol", "fund", "issuer", "operator",
                  "marketplace", "wallet", "processor", "retailer", "giant", "conglomerate", "outlet", "publisher",
                  "subsidiary", "unit", "arm", "affiliate", "consultancy", "partnership", "venture", "custodian",
                  "broker", "brokerage", "miner", "manager", "studio", "project", "foundation", "organization"}
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "KUALA LUMPUR, Dec. 11 (Straits Crypto) -", "BROOKLYN, N.Y., May 7 -", "BANGKOK, Jan. 16, 2024 /PRNewswire/ --":
# an upper-case place, perhaps its state or country, the date, the news outlet or wire, a dash.
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    rf"(?:, (?!{_MONTH}\s*\d)(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}}))?"
    rf"(?:,? (?P<date>{_MONTH}\s*\d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH} \d{{4}}))?"
    r"\s*(?:\((?P<outlet>[A-Z][^()\n]{1,40})\)|/(?P<wire>[A-Z][^/\n]{1,40})/)?"
    r"\s+[\u2014\u2013-]{1,2}\s")
ORG_SUFFIXES = {"inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "co.", "gmbh", "ag", "plc", "limited",
                "s.a.", "sa", "pte", "pte.", "bv", "b.v.", "n.v."}

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


@dataclass
class Mention:
    start: int  # token offsets in the Doc
    end: int
    key: str  # the EntityRecord it belongs to
    text: str
    generic: bool = False


@dataclass
class EntityRecord:
    key: str
    name: str
    type: str
    kb_id: str = ""
    surface: dict[str, int] = field(default_factory=dict)  # surface form -> count
    defined: list[str] = field(default_factory=list)  # aliases the article defines (acronyms, tickers)

    def add_surface(self, text: str) -> None:
        self.surface[text] = self.surface.get(text, 0) + 1

    @property
    def mentions(self) -> int:
        return sum(self.surface.values())

    def aliases(self) -> list[str]:
        seen = {norm(self.name)}
        out = []
        for text in [*self.surface, *self.defined]:
            n = norm(text)
            if n and n not in seen:
                seen.add(n)
                out.append(text)
        return out


@dataclass
class DocEntities:
    """Entities of one Doc and every mention linked to them, in text order."""

    records: dict[str, EntityRecord] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list, repr=False)  # mention starts, for in_span

    def index(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.starts = [m.start for m in self.mentions]

    def record(self, mention: Mention) -> EntityRecord:
        return self.records[mention.key]

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions inside tokens [start, end), in text order; a binary search once indexed."""
        if len(self.starts) != len(self.mentions):
            return [m for m in self.mentions if m.start >= start and m.end <= end]
        out = []
        for m in self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]:
            if m.end <= end:
                out.append(m)
        return out

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that begin inside tokens [start, end): a phrase's names even where the parser cut
        a name short ("SOL token" with "token" misparsed as a verb)."""
        if len(self.starts) != len(self.mentions):
            return [m for m in self.mentions if start <= m.start < end]
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]


@Language.factory("kg_entities", default_config={"kb_dir": None},
                  requires=["doc.ents", "token.dep", "token.pos"], assigns=["doc._.kg"])
def make_entity_linker(nlp: Language, name: str, *, kb_dir: str | None = None) -> "EntityLinker":
    return EntityLinker(nlp, load_kb(kb_dir), load_lexicon())


class EntityLinker:
    def __init__(self, nlp: Language, kb: KnowledgeBase, lexicon: Lexicon):
        self.kb = kb
        self.lex = lexicon
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.tokenizer.pipe
        for entry in kb.entries.values():
            names = sorted(set(entry.names))
            self.exact.add(entry.id, list(make(names)))
            if entry.shared_names:
                self.exact.add("shared:" + entry.id, list(make(sorted(set(entry.shared_names)))))
            if entry.lowercase:
                plain = sorted({n.lower() for n in (entry.name, *entry.aliases) if n not in entry.ambiguous})
                if plain:
                    self.lower.add(entry.id, list(make(plain)))
        self.location_names = {norm(n): e for e in kb.entries.values() if e.type == "LOCATION" for n in e.names}

    def __call__(self, doc: Doc) -> Doc:
        ents = DocEntities()
        builder = _Builder(doc, ents, self.kb, self.lex)
        kb_spans = self._kb_spans(doc)
        ner_spans = self._ner_spans(doc, kb_spans)
        builder.add_dateline()
        # a place inside a longer official name NER found ("Federal Court of Australia") is not its own,
        # unless the name it starts reads longer still ("North Carolina Department of the Secretary of State")
        around = {i: ner for ner, _ in ner_spans for i in range(ner.start, ner.end)}
        kb_spans = [(span, entry) for span, entry in kb_spans if entry.type != "LOCATION" or span.start not in around
                    or len(around[span.start]) <= len(span)
                    or around[span.start].start == span.start
                    and (builder._institution_name(span) or span).end >= around[span.start].end]
        for span, entry in kb_spans:
            builder.add_kb(span, entry)
        for span, type_ in ner_spans:
            builder.add_named(span, type_)
        builder.add_titled_people()
        builder.add_shaped_organisations()
        builder.apply_definitions()
        builder.add_tickers()
        builder.add_short_forms()
        builder.add_handles()
        builder.retype_from_context()
        builder.add_generic_mentions()
        ents.index()
        doc._.kg = ents
        return doc

    # knowledge base ---------------------------------------------------------

    def _kb_spans(self, doc: Doc) -> list[tuple[Span, KBEntry]]:
        strings = doc.vocab.strings
        matches = [(strings[m], s, e, True) for m, s, e in self.exact(doc)]
        matches += [(strings[m], s, e, False) for m, s, e in self.lower(doc)]
        countries = self._countries_mentioned(doc, matches)
        candidates = []
        for label, start, end, exact in matches:
            shared = label.startswith("shared:")
            entry = self.kb.get(label.removeprefix("shared:"))
            span = doc[start:end]
            if shared:
                if entry.country not in countries or _sentence_initial(span):
                    continue
            elif span.text in entry.ambiguous and not self._confirmed(doc, span, entry, matches):
                continue
            if not exact and not _lowercase_ok(span):
                continue
            # longer first, then shared (country-confirmed) over primary, then exact over lowercase
            candidates.append(((end - start), shared, exact, span, entry))
        candidates.sort(key=lambda c: (-c[0], not c[1], not c[2], c[3].start))
        taken: set[int] = set()
        chosen = []
        for _, _, _, span, entry in candidates:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            chosen.append((span, entry))
        return _official_names(sorted(chosen, key=lambda c: c[0].start))

    def _countries_mentioned(self, doc, matches) -> set[str]:
        out = set()
        for label, start, end, _ in matches:
            entry = self.kb.get(label.removeprefix("shared:"))
            if entry and entry.type == "LOCATION":
                out.add(entry.name)
                if entry.country:
                    out.add(entry.country)
        return out

    def _confirmed(self, doc: Doc, span: Span, entry: KBEntry, matches) -> bool:
        """An ambiguous name counts only away from a sentence start and with support."""
        if span.text.isupper() and len(span.text) <= 2:
            return _posted_on(span)  # "wrote on X": the social network
        for label, start, end, exact in matches:  # named unambiguously elsewhere in the article
            if label == entry.id and doc[start:end].text not in entry.ambiguous:
                return True
        if _sentence_initial(span):
            return False
        window = doc[max(span.start - 3, span.sent.start):min(span.end + 3, span.sent.end)]
        if any(t.lower_ in self.lex.confirming_words for t in window if t.i < span.start or t.i >= span.end):
            return True
        if span.text.isupper():
            return False  # an all-capitals ticker needs a crypto word beside it, whatever NER says
        return any(ent.label_ in ("ORG", "PRODUCT", "PERSON", "GPE", "LOC") and ent.start <= span.start and
                   ent.end >= span.end
                   for ent in doc.ents)

    # NER --------------------------------------------------------------------

    def _ner_spans(self, doc: Doc, kb_spans) -> list[tuple[Span, str]]:
        kb_at = {}
        for span, entry in kb_spans:
            for i in range(span.start, span.end):
                kb_at[i] = (span, entry)
        out = []
        for ent in doc.ents:
            type_ = NER_TYPES.get(ent.label_)
            if not type_:
                continue
            for span in _split_pair(_trim(ent), self.lex):
                self._add_ner_span(span, type_, kb_at, out)
        return out

    def _add_ner_span(self, span: Span | None, type_: str, kb_at: dict, out: list) -> None:
        if span is None or not _plausible_name(span, self.lex):
            return
        inside = {id(kb_at[i][0]): kb_at[i] for i in range(span.start, span.end) if i in kb_at}
        if inside and not self._ner_wins(span, type_, list(inside.values())):
            return
        out.append((span, type_))

    def _ner_wins(self, span: Span, type_: str, inside) -> bool:
        """Keep an NER name over the KB names inside it only when it is a longer official name.

        "U.S. Bankruptcy Court for the District of New Jersey" beats the
        location inside it; "Binance Chief Executive Changpeng Zhao" does not
        beat the two KB names inside it.
        """
        if len(inside) != 1 or type_ == "LOCATION":
            return False
        kb_span, entry = inside[0]
        if type_ == "PERSON" and entry.type == "LOCATION":
            return len(span) >= 2 and span.start < kb_span.start  # "Lisa Monaco" is a person
        if kb_span.start <= span.start and kb_span.end >= span.end:
            return False
        extra = [t for t in span if t.i < kb_span.start or t.i >= kb_span.end]
        if any(t.lower_ in {"ceo", "chief", "founder", "co", "chair", "executive", "'s", "’s"} for t in extra):
            return False
        if entry.type == "LOCATION":
            return type_ == "ORGANIZATION"
        if kb_span.start != span.start:
            return False
        # "Binance Labs" is not Binance, but "Binance Inc." is.
        return not all(t.lower_ in ORG_SUFFIXES or t.is_punct for t in extra)


class _Builder:
    """Accumulates records and mentions for one Doc."""

    def __init__(self, doc: Doc, ents: DocEntities, kb: KnowledgeBase, lex: Lexicon):
        self.doc = doc
        self.ents = ents
        self.kb = kb
        self.lex = lex
        self.taken: dict[int, Mention] = {}
        self.name_keys: dict[str, str] = {}  # normalised name -> record key
        self.exchange_context: set[str] = set()

    # records ------------------------------------------------------------------

    def _record_for(self, name: str, type_: str, kb_id: str = "") -> EntityRecord:
        key = kb_id or self.name_keys.get(norm(name)) or f"{type_}:{norm(name)}"
        record = self.ents.records.get(key)
        if record is None:
            record = EntityRecord(key=key, name=name, type=type_, kb_id=kb_id)
            self.ents.records[key] = record
        self.name_keys.setdefault(norm(name), key)
        return record

    def _mention(self, span: Span, record: EntityRecord, *, generic: bool = False, replace: bool = False) -> bool:
        if any(i in self.taken for i in range(span.start, span.end)):
            if not replace:
                return False
            for i in range(span.start, span.end):
                old = self.taken.pop(i, None)
                if old in self.ents.mentions:
                    self.ents.mentions.remove(old)
                    self.ents.records[old.key].surface[old.text] -= 1
        mention = Mention(span.start, span.end, record.key, span.text, generic)
        self.ents.mentions.append(mention)
        for i in range(span.start, span.end):
            self.taken[i] = mention
        if not generic:
            record.add_surface(span.text)
            self.name_keys.setdefault(norm(span.text), record.key)
        return True

    def add_dateline(self) -> None:
        """'KUALA LUMPUR, Dec. 11 (Straits Crypto) -': the upper-case place (and its state) are
        LOCATIONs, the outlet or wire service credited after the date an ORGANIZATION."""
        text = self.doc.text
        body = text.find("\n\n") + 2 if text.find("\n\n") > 0 else 0
        m = DATELINE.match(text) or (DATELINE.match(text, body) if body else None)
        if m is None or any(e.type != "LOCATION" for e in self.kb.lookup(m.group("place"))):
            return  # "BINANCE -" opens a headline, not a dateline
        if not (m.group("date") or m.group("outlet") or m.group("wire") or self.kb.lookup(m.group("place"))
                or m.group(0).rstrip()[-1] in "\u2014\u2013"):
            return  # "BREAKING -": an unknown word in capitals is a place only in a dateline's form
        for group in ("place", "region", "outlet", "wire"):
            name = m.group(group)
            span = self.doc.char_span(m.start(group), m.end(group), alignment_mode="expand") if name else None
            if span is None:
                continue
            known = [e for e in self.kb.lookup(name) if (e.type == "LOCATION") == (group in ("place", "region"))]
            if known:
                record = self._record_for(known[0].name, known[0].type, known[0].id)
            elif group == "place":
                record = self._record_for(name.title() if name.isupper() else name, "LOCATION")
            elif group == "region":
                continue  # "Calif.": only the states and countries the knowledge base knows
            else:
                record = self._record_for(name, "ORGANIZATION")
            self._mention(span, record)

    def add_kb(self, span: Span, entry: KBEntry) -> None:
        if entry.type == "LOCATION":
            longer = self._institution_name(span)
            if longer is not None:
                self._mention(longer, self._record_for(longer.text, self._org_type(longer)))
                return
            if self.doc[span.end:span.end + 1].text == "Attorney":
                return  # "U.S. Attorney Damian Williams": the country is part of the title
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
        if i >= len(doc) or doc[i].text not in self.lex.org_head_words or doc[i].is_sent_start:
            return None
        if doc[i].text == "Attorney" and (i + 1 == len(doc) or doc[i + 1].text not in ("'s", "’s", "General")):
            return None  # "U.S. Attorney Damian Williams": a title, the person's; "U.S. Attorney's Office" is not
        end = i + 1
        j = end
        while j < min(len(doc), place.start + 12):
            tok = doc[j]
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                break  # "New York Attorney General Letitia James": the name is not the office's
            if tok.is_title or tok.is_upper and tok.is_alpha or tok.text in self.lex.org_head_words:
                j += 1
                end = j
            elif tok.lower_ in ("of", "for", "the", "and", "&") and j + 1 < len(doc) and (
                    doc[j + 1].is_title or doc[j + 1].lower_ == "the"):
                j += 1
            else:
                break
        return doc[place.start:end]

    def _regional_unit(self, venue: Span) -> Span | None:
        """'Coinbase Europe Ltd.', 'Zipmex Thailand': an exchange's name and a place is its regional
        exchange, one name, not the parent and a LOCATION. The record is named without the legal suffix."""
        doc = self.doc
        i = venue.end
        if i >= len(doc) or not doc[i].is_title or doc[i].is_sent_start or \
                not any(e.type == "LOCATION" and not e.ambiguous for e in self.kb.lookup(doc[i].text)):
            return None
        return doc[venue.start:i + 1]

    def _free_or_place(self, i: int) -> bool:
        return i not in self.taken or self.ents.records[self.taken[i].key].type == "LOCATION"

    def add_titled_people(self) -> None:
        """'Chief Executive Luuk Strijers': capitalised names right after a title are people."""
        doc = self.doc
        texts, _, _ = self._strings
        by_first = _titles_by_first(self.lex.person_titles)
        for i in range(len(doc)):
            for title in by_first.get(texts[i], ()):
                n = len(title)
                if tuple(texts[i:i + n]) != title:
                    continue
                start = end = i + n
                while end < len(doc) and end - start < 4 and self._free_or_place(end) and (
                        doc[end].is_title and doc[end].pos_ == "PROPN" or
                        end > start and (len(doc[end].text) == 2 and doc[end].text.endswith(".")
                                         or doc[end].text in ("III", "II", "IV", "Jr."))):
                    end += 1
                if end - start >= 2 and not doc[end - 1].text.endswith(".") or end - start >= 3:
                    span = doc[start:end]
                    if not self.kb.lookup(span.text) and not any(t.lower_ in _title_words(self.lex.titles)
                                                                   for t in span):
                        self._mention(span, self._record_for(span.text, "PERSON"), replace=True)
                break

    def add_named(self, span: Span, type_: str) -> None:
        known = [e for e in self.kb.lookup(span.text) if _same_case(span.text, e)]
        if len(known) == 1 and not span.text in known[0].ambiguous:
            self.add_kb(span, known[0])
            return
        if span.text.startswith("@"):
            return  # handles are linked to the entity they belong to (add_handles), never entities alone
        after = [t for t in self.doc[span.end:span.end + 2] if t.is_lower]
        if after and after[0].i == span.end and any(t.text in PRODUCT_NOUNS for t in after) or \
                span[-1].text in ("Stack", "SDK"):
            return  # "its Earn program", "the OP Stack": products, not organisations
        if type_ in ("LOCATION", "PERSON") and len(span) > 1 and (
                span[-1].text in self.lex.org_suffix_words or span[-1].text in NETWORK_WORDS):
            type_ = "ORGANIZATION"  # "Heco Chain", "Atomic Wallet"
        if type_ == "LOCATION" and len(span) > 1 and self._conjunct_of_person(span):
            type_ = "PERSON"  # "developers Hannah Okafor and Lucas Brandt"
        elif type_ == "LOCATION" and len(span) == 1 and not self._place_context(span):
            # places the knowledge base does not know, said in one word and not where a place
            # stands ("in X", "X-based", a dateline), are mostly companies NER misread
            type_ = self._org_type(span)
        elif type_ == "ORGANIZATION" and len(span) == 1 and self._place_context(span) and \
                self.doc[span.end:span.end + 1].text == "-":
            type_ = "LOCATION"  # "Christchurch-based": whatever NER thought, a place
        elif type_ == "ORGANIZATION" and self._conjunct_of_person(span):
            if len(span) == 1:
                return  # "Cameron and Tyler Winklevoss": a given name sharing the surname that follows
            type_ = "PERSON"  # "Billy Markus and Jackson Palmer"
        elif type_ == "ORGANIZATION" and self._city_of_region(span):
            type_ = "LOCATION"  # "based in Tysons Corner, Virginia"
        elif type_ == "ORGANIZATION":
            type_ = self._org_type(span)
        elif type_ == "PERSON" and self._kind_appositive(span):
            type_ = self._org_type(span)  # "Certus One, the developer that built Wormhole"
        elif type_ == "PERSON" and len(span) == 1:
            type_ = self._org_type(span) if self._exchange_context(span) else ""
            if not type_:
                return  # a lone word tagged PERSON is a surname (linked later) or a misread name
        self._mention(span, self._record_for(span.text, type_))

    # typing -----------------------------------------------------------------

    def _place_context(self, span: Span) -> bool:
        doc = self.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end:span.end + 2]
        if span.text.isupper() and len(span.text) > 3 and span.start == span.sent.start and \
                doc[span.end:span.end + 1].text in ("—", "–", "-", ","):
            return True  # dateline: "CHRISTCHURCH —"
        if self._exchange_context(span) or self._kind_appositive(span):
            return False  # "at Shopify, the e-commerce platform"
        if prev is not None and prev.lower_ in ("in", "from", "at", "near", "to", "across", "outside", "of", "around"):
            return True
        if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in ("based", "headquartered", "registered"):
            return True
        if len(nxt) == 2 and nxt[0].text == "," and nxt[1].i in self.taken and \
                self.ents.records[self.taken[nxt[1].i].key].type == "LOCATION":
            return True  # "Christchurch, New Zealand"
        return self._city_of_region(span)

    def _city_of_region(self, span: Span) -> bool:
        doc = self.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end:span.end + 2]
        if prev is not None and prev.text in ("'s", "’s") and span.start >= 3 and \
                doc[span.start - 3].lower_ in ("in", "from", "near") and self._is_place(span.start - 2):
            return True  # "police in China's Changzhou"
        return prev is not None and prev.lower_ in ("in", "from", "near") and len(nxt) == 2 and \
            nxt[0].text == "," and self._is_place(nxt[1].i)

    def _is_place(self, i: int) -> bool:
        return i in self.taken and self.ents.records[self.taken[i].key].type == "LOCATION"

    def _conjunct_of_person(self, span: Span) -> bool:
        """'Billy Markus and Jackson Palmer', 'twins Cameron and Tyler Winklevoss': names coordinated
        with a person's name are people."""
        root = span.root
        if not 1 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span) or \
                any(t.text in self.lex.org_suffix_words or t.text in self.lex.org_head_words or t.lower_ in ORG_SUFFIXES
                    for t in span):
            return False
        return any(not (span.start <= t.i < span.end) and (t.ent_type_ == "PERSON" or t.i in self.taken and
                   self.ents.records[self.taken[t.i].key].type == "PERSON") for t in root.conjuncts)

    def _kind_appositive(self, span: Span) -> bool:
        doc = self.doc
        after = doc[span.end:min(span.end + 7, len(doc))]
        if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("the", "a", "an"):
            return False
        for tok in after[2:]:
            if tok.lower_ in ORG_KIND_NOUNS and doc[tok.i + 1:tok.i + 2].text not in ("'s", "’s"):
                return True  # "the company's president" is a person's appositive
            if tok.text in (",", ".", ";") or tok.pos_ == "VERB":
                break
        return False

    def add_shaped_organisations(self) -> None:
        """'Emergent Fidelity Technologies', 'Peken Global Ltd.': capitalised names ending in a
        company word are organisations even when NER misses them."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if i in self.taken or not (doc[i].is_title or doc[i].is_upper and doc[i].is_alpha) or doc[i].is_sent_start \
                    and doc[i].lower_ in ("the", "a", "an", "in", "on", "at", "its") or doc[i].text == "Chief":
                # "Chief Financial Officer" is a title, never a company
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 6 and j not in self.taken and (
                    doc[j].is_title or doc[j].text in ("&",) or doc[j].text in self.lex.org_suffix_words):
                j += 1
            end = j
            while end > i and doc[end - 1].text not in self.lex.org_suffix_words:
                end -= 1
            before = self.taken.get(i - 1)
            if end > i and before is not None and not before.generic and before.end == i and \
                    self.ents.records[before.key].type in ("EXCHANGE", "ORGANIZATION"):
                span = doc[before.start:end]
                if doc[end - 1].text in LEGAL_SUFFIXES:
                    # "Binance Markets Limited": a legal-entity name of the company just named
                    self._mention(span, self.ents.records[before.key], replace=True)
                else:
                    # "Coinbase Ventures", "Binance Labs": a unit of its own
                    self._mention(span, self._record_for(span.text, "ORGANIZATION"), replace=True)
            elif end - i >= 2 and doc[i].lower_ not in ("the", "a", "an"):
                span = doc[i:end]
                if not any(t.pos_ == "VERB" for t in span):
                    self._mention(span, self._record_for(span.text, self._org_type(span)))
            i = max(j, i + 1)

    def _org_type(self, span: Span) -> str:
        text = span.text
        if self.lex.regulator_words.search(text) and not self.lex.not_regulator_words.search(text):
            return "REGULATOR"
        if "Stock Exchange" in text or text.endswith("Exchange") and self.kb.lookup(span[0].text) and \
                self.kb.lookup(span[0].text)[0].type == "LOCATION":
            return "ORGANIZATION"  # stock exchanges ("Singapore Exchange") are not crypto venues
        if span[-1].lower_ == "exchange" or self._exchange_context(span):
            return "EXCHANGE"
        if any(t.text == "Exchange" for t in span[:-1]) and span[-1].text not in self.lex.org_head_words and \
                span[-1].text not in self.lex.org_suffix_words and span[-1].text not in ("Association", "Board"):
            return "EXCHANGE"  # "Sakura Exchange BitCoin"; not "... Exchange Association"
        return "ORGANIZATION"

    def _exchange_context(self, span: Span) -> bool:
        """'crypto exchange X', 'X exchange', 'X, a derivatives exchange', 'X, which runs a ... exchange'."""
        doc, sent = self.doc, span.sent
        nouns = self.lex.exchange_nouns
        after = span.end
        if after < sent.end and doc[after].lower_ in nouns:
            return True
        before = span.start - 1
        steps = 0
        while before >= sent.start and steps < 4 and (doc[before].pos_ in ("ADJ", "NOUN", "PROPN") or
                                                       doc[before].text in ("-",)):
            if doc[before].lower_ in nouns:
                return True
            before -= 1
            steps += 1
        if after + 1 < sent.end and doc[after].text == "," and doc[after + 1].lower_ in ("a", "an", "the"):
            for tok in doc[after + 2:min(after + 9, sent.end)]:
                if tok.lower_ in nouns:
                    return True
                if tok.text in (",", ".", ";") or tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound"):
                    break
        return False

    def retype_from_context(self) -> None:
        """A name typed EXCHANGE anywhere in the article is an exchange everywhere in it."""
        for record in self.ents.records.values():
            if record.kb_id or record.type != "ORGANIZATION":
                continue
            for m in self.ents.mentions:
                if m.key == record.key and self._exchange_context(self.doc[m.start:m.end]):
                    record.type = "EXCHANGE"
                    break

    # names the article defines ------------------------------------------------

    def apply_definitions(self) -> None:
        """'Long Name (ACR)' and 'Asset (TICKER)' make ACR/TICKER a name of that entity here."""
        doc = self.doc
        for m in list(self.ents.mentions):
            close = m.end + 2
            if close >= len(doc) or doc[m.end].text != "(" or doc[close].text != ")":
                continue
            token = doc[m.end + 1]
            if not ACRONYM.match(token.text):
                continue
            record = self.ents.records[m.key]
            if record.type in ("PERSON", "LOCATION"):
                continue
            if not record.kb_id and TICKER.match(token.text) and not _initials_match(m.text, token.text) and \
                    self._org_type(self.doc[m.start:m.end]) != "REGULATOR" and \
                    self.doc[m.end - 1].text not in self.lex.org_suffix_words:
                # "Anti-Corruption Office (OA)": an acronym in another language, not a ticker
                record.type = "ASSET"
            record.defined.append(token.text)
            self.name_keys[norm(token.text)] = record.key
            for other in doc:
                if other.text == token.text:
                    self._mention(doc[other.i:other.i + 1], record, replace=True)

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

    def _token_context(self, i: int) -> bool:
        doc = self.doc
        tok = doc[i]
        sent = tok.sent
        nouns = self.lex.token_nouns
        prev = doc[i - 1] if i > sent.start else None
        nxt = doc[i + 1] if i + 1 < sent.end else None
        if tok.text.startswith("$") or prev is not None and prev.text == "$" and not prev.whitespace_:
            return True  # "$MNGO"
        if nxt is not None and nxt.lower_ in nouns or prev is not None and prev.lower_ in nouns:
            return True  # "MNGO tokens", "the ticker SFM", "token EUL"
        if prev is not None and prev.text == "," and i - 2 >= sent.start and doc[i - 2].lower_ in nouns:
            return True  # "its governance token, EUL"
        if nxt is not None and nxt.text == "," and i + 2 < sent.end and doc[i + 2].lower_ in ("a", "an", "the"):
            for t in doc[i + 3:min(i + 8, sent.end)]:  # "BALD, a meme token", "OM, the token of ..."
                if t.lower_ in nouns:
                    return True
                if t.is_punct and t.text != "-" or t.pos_ == "VERB":
                    break
        if prev is not None and prev.lower_ in ("million", "billion", "thousand") or prev is not None and \
                prev.like_num and not re.fullmatch(r"(19|20)\d\d", prev.text):
            return True  # "43.6 million OM"
        if prev is not None and prev.lower_ == "of" and i - 2 >= sent.start and doc[i - 2].lower_ in ("price", "value"):
            return True  # "the price of CEL"
        if nxt is not None and nxt.text in ("'s", "’s") and i + 2 < sent.end and \
                doc[i + 2].lower_ in ("price", "value"):
            return True  # "JELLYJELLY's price"
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in ("list", "delist"):
            return True  # "listed PI for spot trading"
        if tok.dep_ == "nsubj" and head.lemma_.lower() in self.lex.price_verbs and any(
                t.text in ("%", "$") or t.lower_ == "percent" for t in doc[head.i:min(head.i + 8, sent.end)]):
            return True  # "OM fell 90%", "OM fell below $0.50"
        return any(j in self.taken and self.ents.records[self.taken[j].key].type == "ASSET"
                   for j in (c.i for c in tok.conjuncts))  # "stETH, USDC, DAI and WBTC"

    def add_short_forms(self) -> None:
        """Surnames of people named in full ("Hayes" after "Arthur Hayes"), and 'Mr. Hayes'."""
        doc = self.doc
        short: dict[str, EntityRecord] = {}
        for record in list(self.ents.records.values()):
            if record.type != "PERSON":
                continue
            for name in [record.name, *record.surface]:
                for form in _surname_forms(name):
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
                span = doc[i:i + n]
                key = "".join(texts[i:i + n]).strip()
                if key in short and (i + n == len(doc) or not doc[i + n].is_title or doc[i + n].is_sent_start):
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

    # generic mentions -------------------------------------------------------

    def add_generic_mentions(self) -> None:
        """'the exchange' -> the last exchange named before it (or the article's main one)."""
        doc = self.doc
        nouns = self.lex.generic_nouns
        named = sorted((m for m in self.ents.mentions if not m.generic), key=lambda m: m.start)
        for tok in (doc[i] for i, lower in enumerate(self._lowers) if lower in ("it", "they") or lower in nouns):
            if tok.lower_ in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in self.taken:
                # a subject pronoun: the organisation the text was just talking about
                record = self._referent(named, tok.i, ("EXCHANGE", "ORGANIZATION"))
                if record is not None:
                    self._mention(doc[tok.i:tok.i + 1], record, generic=True)
                continue
            if tok.lower_ not in nouns or tok.i in self.taken or tok.i == 0:
                continue
            det = doc[tok.i - 1]
            if det.lower_ not in ("the", "its", "that", "this") and not any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "that", "this") and c.i < tok.i
                    for c in tok.children) and tok.left_edge.lower_ != "the":
                continue  # "the Hoboken, New Jersey-based company" counts; "a company" does not
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ in ("PROPN", "NOUN") and nxt.text not in ("'s", "’s")):
                continue  # "the exchange Kraken", "the company statement": not a bare reference
            types = nouns[tok.lower_]
            record = None
            if tok.dep_ == "appos" and tok.head.i in self.taken and not self.taken[tok.head.i].generic:
                record = self.ents.records[self.taken[tok.head.i].key]  # "Alameda, the trading firm ..."
            record = record or self._referent(named, tok.i, types)
            if record is not None:
                self._mention(doc[tok.i:tok.i + 1], record, generic=True)

    def _salience(self, record: EntityRecord) -> int:
        """Mentions, and more for a name in the headline: what the article is about."""
        title = self._title_tokens
        in_title = any(m.key == record.key and m.start < title for m in self.ents.mentions)
        return record.mentions + (3 if in_title else 0)

    @functools.cached_property
    def _title_tokens(self) -> int:
        """How many tokens the headline (the text before the first blank line) has; 0 without one."""
        _, with_ws, _ = self._strings
        title_end = "".join(with_ws).find("\n\n")
        if title_end <= 0:
            return 0
        idx = 0
        for i, piece in enumerate(with_ws):
            if idx >= title_end:
                return i
            idx += len(piece)
        return len(with_ws)

    @functools.cached_property
    def _strings(self) -> tuple[list[str], list[str], list[bool]]:
        return _token_strings(self.doc)

    @functools.cached_property
    def _lowers(self) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array(LOWER).tolist()] if len(self.doc) else []

    def _referent(self, named: list[Mention], position: int, types) -> EntityRecord | None:
        for type_ in types:
            before = [m for m in named if m.end <= position and self.ents.records[m.key].type == type_]
            if before:
                # the most recent one, unless the article is plainly about another one of that type
                recent = self.ents.records[before[-1].key]
                dominant = max((self.ents.records[m.key] for m in before), key=self._salience)
                return dominant if self._salience(dominant) >= 2 * self._salience(recent) + 1 else recent
        for type_ in types:
            pool = [self.ents.records[m.key] for m in named if self.ents.records[m.key].type == type_]
            if pool:
                return max(pool, key=self._salience)
        return None


# helpers ------------------------------------------------------------------

def _official_names(chosen: list[tuple[Span, KBEntry]]) -> list[tuple[Span, KBEntry]]:
    """'U.S. Treasury Department', 'U.S. Federal Bureau of Investigation': a country right before a
    body's name is part of the official name (SCHEMA.md), not a LOCATION of its own."""
    out: list[tuple[Span, KBEntry]] = []
    for span, entry in chosen:
        if out and entry.type == "REGULATOR" and out[-1][1].type == "LOCATION" and out[-1][0].end == span.start \
                and not out[-1][1].country:
            place, _ = out.pop()
            span = span.doc[place.start:span.end]
        out.append((span, entry))
    return out


def _same_case(text: str, entry: KBEntry) -> bool:
    """'Trump' is not the TRUMP coin: a name matched through an all-capitals ticker must be in capitals."""
    return text.isupper() or any(norm(n) == norm(text) and not n.isupper() for n in entry.names)


PRODUCT_NOUNS = {"program", "programme", "product", "feature", "service", "card", "plan", "offering", "tool",
                 "software", "framework", "toolkit", "upgrade", "update", "mainnet", "testnet", "subscription"}
POSTING_WORDS = {"said", "says", "posted", "posts", "post", "wrote", "writes", "tweeted", "announced", "shared",
                 "replied", "commented", "statement", "account", "added", "message", "posting", "video", "thread"}


def _posted_on(span: Span) -> bool:
    """'said on X', 'in a post on X': a one-letter name is the social network only where people post."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "on":
        return False
    return any(t.lower_ in POSTING_WORDS for t in doc[max(span.sent.start, span.start - 5):span.start - 1])


def _sentence_initial(span: Span) -> bool:
    i = span.start
    doc = span.doc
    while i > span.sent.start and (doc[i - 1].is_punct or doc[i - 1].is_space):
        i -= 1
    return i == span.sent.start


def _lowercase_ok(span: Span) -> bool:
    """'bitcoin' in running text, but not the start of a sentence where case says nothing."""
    return span.text.islower() or span.text.istitle() or span.text.isupper()


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start + 1, end):
        if doc[i].is_sent_start or _ends_sentence(doc[i - 1]) and doc[i].is_title:
            end = i  # "WazirX. Investigators": NER ran over a sentence end
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i:end]):
            end = i  # "Crypto-Assets Regulation (MiCA": NER stopped inside the brackets
            break
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct and
                           doc[end - 1].text not in (".",)):
        end -= 1
    if end > start and doc[end - 1].text == "." and end - start == 1:
        return None
    return doc[start:end] if end > start else None


def _ends_sentence(tok) -> bool:
    """'WazirX.' glued to its full stop; not 'Inc.', 'Jr.', 'U.S.' or an initial."""
    word = tok.text[:-1]
    return tok.text.endswith(".") and len(word) > 3 and word.isalnum() and not word.isupper() and \
        tok.lower_ not in ORG_SUFFIXES and tok.lower_ not in NAME_SUFFIXES and tok.lower_ not in HONORIFICS


def _split_pair(span: Span | None, lex: Lexicon) -> list:
    """'the New York Stock Exchange and Cboe Global Markets': NER joined two names with 'and'."""
    if span is None:
        return [None]
    for tok in span:
        if tok.lower_ == "and" and tok.i - span.start >= 2 and span.end - tok.i - 1 >= 2:
            left, right = span.doc[span.start:tok.i], span.doc[tok.i + 1:span.end]
            if right[-1].text in lex.org_suffix_words and right[0].is_title and (
                    left[-1].text in lex.org_suffix_words or left[-1].text in lex.org_head_words):
                return [left, right]
    return [span]


def _plausible_name(span: Span, lex: Lexicon) -> bool:
    text = span.text
    if text.casefold() in lex.not_entities or not any(c.isalpha() for c in text):
        return False
    if not (span[0].is_title or span[0].is_upper or span[0].text[:1].isupper() or span[0].text.startswith("@")):
        return False
    if "\n" in text or len(span) > 12:
        return False
    if len(span) == 1 and span[0].is_sent_start and span[0].tag_ not in ("NNP", "NNPS", "") and \
            not span[0].is_upper:
        return False  # "Cardholders can ...", "Digital assets ...": a capital that only starts a sentence
    words = [t.text for t in span if t.is_alpha]
    if words and words[-1] in lex.law_words and len(words) > 1:
        return False  # "Prevention of Money Laundering Act": a law, not a body
    return True


def _initials_match(name: str, acronym: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    initials = "".join(w[0] for w in words)
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return bool(initials) and (letters == initials.upper() or letters in initials.upper() or
                               initials.upper().startswith(letters[:2]) and len(letters) >= 3)


def _token_strings(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Every token's text, text with whitespace and is_title, read from the Doc's arrays.

    The same as reading ``token.text`` etc., without making a Token object per word.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, IS_TITLE]).tolist() if len(doc) else []
    texts = [strings[orth] for orth, _, _ in rows]
    with_ws = [text + " " if space else text for text, (_, space, _) in zip(texts, rows)]
    return texts, with_ws, [bool(t) for _, _, t in rows]


@functools.lru_cache(maxsize=4)
def _titles_by_first(titles: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Titles by their first word, each list in the lexicon's order (so the first match still wins)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        if title:
            out.setdefault(title[0], []).append(title)
    return out


@functools.lru_cache(maxsize=4)
def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    """'officer', 'executive', 'director'...: words of job titles, never part of a person's name."""
    return frozenset(w.casefold() for t in titles for w in t.split() if w.isalpha() and w.islower())


def _surname_forms(name: str) -> list[str]:
    parts = name.split()
    if len(parts) < 2:
        return []
    while len(parts) > 2 and parts[-1].casefold() in NAME_SUFFIXES:
        parts = parts[:-1]
    forms = [parts[-1]]
    if len(parts) >= 3 and not parts[1].endswith("."):
        forms.append(" ".join(parts[1:]))
    return [f for f in forms if len(f) > 2 and f[0].isupper()]
