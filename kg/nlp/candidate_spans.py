"""Candidate entity spans of a Doc: knowledge-base names and spaCy's NER names.

``CandidateSpans.kb_spans`` matches the knowledge base with spaCy's
``PhraseMatcher`` (exact case; the lowercase form too for entries such as
"bitcoin"), keeping an ambiguous name only with support and a shared name only
where its country is mentioned. ``CandidateSpans.ner_spans`` cleans up NER's
names (trimmed, split where NER joined two, implausible ones dropped) and keeps
one over the knowledge-base names inside it only when it is a longer official
name. Turning the spans into records is the builder's job (``kg.nlp.names``).
"""

from __future__ import annotations

import collections
import functools
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .kb import KBEntry, KnowledgeBase
from .lexicon import Lexicon

# "Mantra co-founder John Mullin", "Curve CEO Michael Egorov": a title after a name that opens a sentence
# what an institution's name can end in before "for" or "of" ("Agency for Financial Monitoring")
INSTITUTION_WORDS = {"Agency", "Authority", "Bank", "Board", "Bureau", "Commission", "Committee", "Council", "Court",
                     "Department", "Directorate", "Inspectorate", "Administration", "Ministry", "Office", "Police",
                     "Service"}
# words a fund's name ends in: "Harbourline Bitcoin ETF"; an index is named like one ("Harbourline Crypto 10 Index")
FUND_WORDS = {"ETF", "ETP", "ETN", "Fund", "Trust", "Index"}
# the words before a land's name that make a region's: "Upper Austria", "Lower Saxony", "Inner Mongolia"
REGION_QUALIFIERS = {"Upper", "Lower", "Inner", "Outer"}
# letters written after a person's name for a rank or an honour: "Fiona Hartley QC", "Jane Doe MP"
PEOPLES_HONOURS = {"QC", "KC", "OBE", "CBE", "MBE", "KBE", "DBE"}  # (only a person holds these)
POST_NOMINALS = PEOPLES_HONOURS | {"SC", "MP", "MEP", "Esq."}
TITLE_STARTS = {"co", "co-founder", "cofounder", "founder", "ceo", "chief", "president", "chairman", "spokesperson",
                "spokesman", "spokeswoman", "executive", "head", "cto", "cfo", "coo", "governor"}
NER_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION"}
COURT_WORDS = {"Court", "Bench", "Tribunal"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
HONORIFICS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir"}
ORG_KIND_NOUNS = {"platform", "company", "firm", "provider", "startup", "fintech", "exchange", "lender", "bank",
                  "group", "developer", "website", "service", "app", "network", "protocol", "fund", "issuer",
                  "operator", "marketplace", "wallet", "processor", "retailer", "giant", "conglomerate", "outlet",
                  "publisher", "subsidiary", "unit", "arm", "affiliate", "consultancy", "partnership", "venture",
                  "custodian", "broker", "brokerage", "miner", "manager", "studio", "project", "foundation",
                  "organization", "launchpad", "pool", "maker", "institution", "tank"}
# a sum written with its currency's sign: "R$1.5", "$40", "US$2", "€350,000"
CURRENCY_SIGN = r"^(?:[A-Z]{1,3})?[$€£¥₦₹]"
SUM_OF_MONEY = re.compile(CURRENCY_SIGN)
SUM_WITH_FIGURES = re.compile(CURRENCY_SIGN + r"\d")  # (not a ticker written with a dollar sign: "$KELP")
# lowercase particles inside people's names: "Glaidson Acácio dos Santos", "Ursula von der Leyen"
NAME_PARTICLES = {"dos", "da", "das", "do", "de", "van", "von", "der", "den", "del", "della", "di", "du", "bin", "binti",
                  "al", "el", "la", "le", "ter"}
ORG_SUFFIXES = {"inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "co.", "gmbh", "ag", "plc", "limited",
                "s.a.", "sa", "pte", "pte.", "bv", "b.v.", "n.v."}


# verbs that give someone a job, said "X as <title>": "appointed X as chief compliance officer"
HIRE_LEMMAS = {"hire", "appoint", "name", "tap", "promote", "recruit", "install"}
FOUNDING_LEMMAS = {"found", "co-found", "cofound"}  # whoever a company is founded with or by is a founder
# titles a company can hold as well as a person ("developer", "partner", "investor": "named Coinbase as its
# partner"); the other titles only people hold
FIRM_TITLES = ORG_KIND_NOUNS | {"partner", "member", "investor", "trader", "shareholder", "owner", "official",
                                "representative", "receiver", "liquidator", "trustee", "administrator", "adviser",
                                "advisor", "principal", "employee", "controlling owner", "majority owner"}


# legal forms written after a company's name
LEGAL_FORMS = {"Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Limited", "Corp.", "Corporation", "GmbH", "AG", "PLC", "plc",
               "Plc", "Pte.", "S.A.", "N.V.", "B.V.", "Co.", "Srl", "SRL", "S.r.l.", "S.R.L.", "SpA", "S.p.A.",
               "d.o.o.", "s.r.o.", "SAOC", "SARL", "S.A.S.", "MChJ", "Ltda", "Ltda.", "ehf.", "hf.", "ApS", "A/S",
               "K.K.", "S.A.C.", "SAC", "S.L.", "S.A.P.I.", "CJSC", "JSC", "OJSC", "PJSC", "LLP", "a.s.", "SAS"}
# legal forms written before a company's name: Latvian, Lithuanian, Indonesian, Russian
LEGAL_PREFIXES = {"SIA", "UAB", "PT", "OOO"}


def hired_as_a_title(span: Span, titles: tuple[str, ...]) -> bool:
    """'hired Sofia Lindqvist, previously head of digital assets at Nordea, as chief operating officer':
    the one hired or appointed as a job title only people hold is a person, whatever NER made of the name."""
    doc = span.doc
    if span.start > 0 and span.end < len(doc) and doc[span.start - 1].lemma_.lower() in HIRE_LEMMAS and \
            doc[span.end].text in ("CEO", "CFO", "COO", "CTO", "chief", "Chief", "chairman", "Chairman"):
        return True  # "names Layla Haddad CEO": a headline, which the parser reads badly
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in HIRE_LEMMAS:
        return False
    as_phrase = next((c for c in root.head.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    return as_phrase is not None and any(
        t.lower_ in job_words(titles) and t.lower_ not in FIRM_TITLES for t in as_phrase.subtree)


@functools.lru_cache(maxsize=4)
def job_words(titles: tuple[str, ...]) -> frozenset[str]:
    """'officer', 'executive', 'director'...: words of job titles, never part of a person's name."""
    return frozenset(w.casefold() for t in titles for w in t.split() if w.isalpha() and w.islower())


class CandidateSpans:
    """The knowledge base's phrase matchers, and the span rules that read them and NER."""

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

    # knowledge base ---------------------------------------------------------

    def kb_spans(self, doc: Doc) -> list[tuple[Span, KBEntry]]:
        strings = doc.vocab.strings
        matches = [(strings[m], s, e, True) for m, s, e in self.exact(doc)]
        matches += [(strings[m], s, e, False) for m, s, e in self.lower(doc)]
        countries = self._countries_mentioned(doc, matches)
        candidates = []
        doubtful = []  # ambiguous names without support of their own
        confirmed: set[str] = set()  # entries whose ambiguous name had support somewhere in the article
        # (an acronym two bodies share stands for the one the article names in full, whatever the places it
        # names: "AFP" after "Australian Federal Police" is the police, not the news agency)
        named_in_full = {label for label, start, end, _ in matches
                         if (e := self.kb.get(label)) is not None and doc[start:end].text == e.name}
        for label, start, end, exact in matches:
            shared = label.startswith("shared:")
            entry = self.kb.get(label.removeprefix("shared:"))
            span = doc[start:end]
            if start > 0 and doc[start - 1].text == "Operation":
                continue  # "Operation Cronos": a police operation's name, not the coin's
            if shared:
                if entry.country not in countries and entry.id not in named_in_full or sentence_initial(span) or \
                        _of_a_place_after(span):
                    continue
            elif span.text in entry.ambiguous:
                if not self._confirmed(doc, span, entry, matches):
                    doubtful.append((span, entry, exact))
                    continue
                confirmed.add(entry.id)
            if not exact and not _lowercase_ok(span):
                continue
            # longer first, then shared (country-confirmed) over primary, then exact over lowercase, then the
            # body of the country named nearest ("Nigeria's Securities and Exchange Commission" in an article
            # that names Ghana too)
            near = min((abs(start - i) for i in countries[entry.country]), default=0) if shared else 0
            candidates.append(((end - start), shared, exact, near, span, entry))
        # "the Liquid exchange" early in an article makes "Liquid's co-founder" later on the exchange too
        for span, entry, exact in doubtful:
            if entry.id in confirmed and exact and _named_like_before(span):
                candidates.append((len(span), False, exact, 0, span, entry))
        candidates.sort(key=lambda c: (-c[0], not c[1], not c[2], c[3], c[4].start))
        taken: set[int] = set()
        chosen = []
        for _, _, _, _, span, entry in candidates:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            chosen.append((span, entry))
        return _official_names(sorted(chosen, key=lambda c: c[0].start))

    def _countries_mentioned(self, doc, matches) -> dict[str, list[int]]:
        """The places the article names without doubt, and their countries, each with where it is named: a
        name two places share ("Georgia") names no country of its own ("Armenia and neighbouring Georgia" is
        no U.S. state)."""
        out: dict[str, list[int]] = collections.defaultdict(list)
        for label, start, end, _ in matches:
            entry = self.kb.get(label.removeprefix("shared:"))
            if label.startswith("shared:") or entry is not None and doc[start:end].text in entry.ambiguous:
                continue
            if entry and entry.type == "LOCATION":
                out[entry.name].append(start)
                if entry.country:
                    out[entry.country].append(start)
        return out

    def _confirmed(self, doc: Doc, span: Span, entry: KBEntry, matches) -> bool:
        """An ambiguous name counts only away from a sentence start and with support."""
        if span.text.isupper() and len(span.text) <= 2:
            return _posted_on(span)  # "wrote on X": the social network
        if _inside_a_longer_name(span):
            return False  # "SK Square", "Block Earner": another company's name, not Block's
        for label, start, end, exact in matches:  # named unambiguously elsewhere in the article
            if label == entry.id and doc[start:end].text not in entry.ambiguous:
                return True
        if described_as_organisation(span):
            return True  # "Ripple, a leading provider of payment software, said": even at a sentence start
        if _after_a_kind_or_base(span):
            return True  # "fintech firm Square", "Zug-based Kelp"
        if _subject_of_a_deal(span):
            return True  # "Square bought a stake ...": a company's act, even at a sentence start
        if sentence_initial(span):
            return False
        window = doc[max(span.start - 3, span.sent.start):min(span.end + 3, span.sent.end)]
        if any(t.lower_ in self.lex.confirming_words for t in window if t.i < span.start or t.i >= span.end):
            return True
        if self._listed_with_companies(span, matches):
            return True  # "teamed up with Coinbase and Stripe"
        if span.text.isupper():
            return False  # an all-capitals ticker needs a crypto word beside it, whatever NER says
        return any(ent.label_ in ("ORG", "PRODUCT", "PERSON", "GPE", "LOC") and ent.start <= span.start and
                   ent.end >= span.end
                   for ent in doc.ents)

    def _listed_with_companies(self, span: Span, matches) -> bool:
        """Coordinated with a name the knowledge base knows as a company without doubt: a company too."""
        root = span.root
        others = {t.i for t in root.conjuncts}
        if not others:
            return False
        for label, start, end, exact in matches:
            entry = self.kb.get(label.removeprefix("shared:"))
            if entry is not None and entry.type in ("EXCHANGE", "ORGANIZATION") and \
                    span.doc[start:end].text not in entry.ambiguous and any(start <= i < end for i in others):
                return True
        return False

    # NER --------------------------------------------------------------------

    def ner_spans(self, doc: Doc, kb_spans) -> list[tuple[Span, str]]:
        kb_at = {}
        for span, entry in kb_spans:
            for i in range(span.start, span.end):
                kb_at[i] = (span, entry)
        out = []
        for ent in _joined_institutions(doc):
            type_ = NER_TYPES.get(ent.label_)
            if not type_:
                continue
            trimmed = _trim(ent)
            if type_ in ("PERSON", "ORGANIZATION") and trimmed is not None:
                trimmed = _before_title(trimmed, type_)
            if type_ == "ORGANIZATION" and trimmed is not None:
                trimmed = _with_office_word(trimmed)
            if type_ == "LOCATION" and trimmed is not None and len(trimmed) > 1 and \
                    trimmed[-1].text in INSTITUTION_WORDS:
                type_ = "ORGANIZATION"  # "the City of London Police": a body named after its place, not the place
            if trimmed is not None:
                trimmed, type_ = _without_honours(trimmed, type_)
                if trimmed is None:
                    continue
            if type_ == "ORGANIZATION" and trimmed is not None and self._titled_person(trimmed):
                type_ = "PERSON"  # "Acting Comptroller Dana Holt": NER read the title as an office's name
            if type_ == "PERSON" and trimmed is not None:
                trimmed = self._after_leading_title(trimmed)
                if len(trimmed) > 1 and (trimmed[-1].text in self.lex.org_suffix_words or
                                         trimmed[-1].text in LEGAL_FORMS):
                    type_ = "ORGANIZATION"  # "Mosaic Ledger Technologies Pte. Ltd.": no person's name
            founders = _founders_listed(trimmed, self.lex) if type_ == "ORGANIZATION" else None
            if founders:
                for span in founders:
                    self._add_ner_span(span, "PERSON", kb_at, out)
                continue
            for span in _split_pair(trimmed, self.lex):
                self._add_ner_span(self._whole_name(span, kb_at), type_, kb_at, out)
        return out

    def _titled_person(self, span: Span) -> bool:
        """A person's title and then two or three plain capitalised words: a person's name, titled."""
        rest = self._after_leading_title(span)
        return len(rest) < len(span) and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) and \
            not self.lex.regulator_words.search(rest.text) and not any(
                t.text in self.lex.org_suffix_words or t.text in self.lex.org_head_words or t.text in INSTITUTION_WORDS
                for t in rest)

    def _after_leading_title(self, span: Span) -> Span:
        """'Superintendent Benjamin Lawsky', 'Acting Comptroller Dana Holt': NER took the title before a person's
        name (and the word that makes it temporary) into the name."""
        words = tuple(t.text for t in span)
        skip = 1 if words[0].lower() in ("acting", "interim") else 0
        title = next((t for t in self.lex.person_titles
                      if len(t) <= len(words) - 2 - skip and words[skip:skip + len(t)] == t), None)
        return span[skip + len(title):] if title else span

    def _whole_name(self, span: Span | None, kb_at: dict) -> Span | None:
        """'Dilmun Digital', 'Argo Blockchain': NER found only the company word; the capitalised words
        right before it are the name it ends. 'SG-FORGE': nor does a name stop at its hyphen, nor 'SIA
        Daugava Digital' at the legal form that opens it, nor a court's before the place it sits for."""
        if span is None:
            return span
        doc = span.doc
        end = span.end
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                not doc[end].whitespace_ and (doc[end + 1].is_title or doc[end + 1].is_upper) and doc[end + 1].is_alpha:
            end += 2  # "SG" + "-FORGE": NER stopped at the hyphen of a name
        if end < len(doc) and doc[end].text in LEGAL_FORMS and all(t.is_title or t.is_upper for t in span):
            end += 1  # "Avala Kripto" + "d.o.o.": the legal form NER left off is part of the name
        if len(span) == 1 and span[0].text in LEGAL_PREFIXES:
            while end < len(doc) and end - span.end < 4 and doc[end].is_title and not doc[end].is_sent_start:
                end += 1  # "SIA" + "Daugava Digital": a legal form written before the company's name
        if span[-1].text in COURT_WORDS and end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in kb_at and \
                kb_at[end + 1][1].type == "LOCATION" and kb_at[end + 1][0].start == end + 1:
            end = kb_at[end + 1][0].end  # "Court of King's Bench" + "of Alberta": the court's place ends its name
        start = span.start
        if start > 0 and doc[start - 1].text in LEGAL_PREFIXES and span[0].text not in LEGAL_PREFIXES and \
                all(t.is_title or t.is_upper for t in span):
            start -= 1  # "PT" + "Merapi Aset Digital": the legal form NER left off before the name
        if end > span.end or start < span.start:
            return doc[start:end]
        if not (len(span) == 1 and span[0].text in self.lex.org_suffix_words or
                len(span) == 2 and span[-1].text in LEGAL_FORMS):  # "Andino" + "Cripto SpA"
            return span
        start = span.start
        while start > span.sent.start and span.start - start < 2 and start - 1 not in kb_at and \
                doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].ent_type_ not in ("GPE", "DATE", "PERSON"):
            start -= 1
        return doc[start:span.end]

    def _add_ner_span(self, span: Span | None, type_: str, kb_at: dict, out: list) -> None:
        if span is None or not _plausible_name(span, self.lex):
            return
        inside = {id(kb_at[i][0]): kb_at[i] for i in range(span.start, span.end) if i in kb_at}
        if inside and not self._ner_wins(span, type_, list(inside.values())):
            return
        out.append((span, type_))

    def _city_as_given_name(self, span: Span, place: Span, entry: KBEntry) -> bool:
        """'singer Austin Mahone': a city's name (not a country's) opening a two-word name NER read as a
        person's, with a word for what the person does before it, is a given name."""
        return len(span) == 2 and len(place) == 1 and place.start == span.start and bool(entry.country) and \
            span[1].is_title and span[1].is_alpha and span[1].text not in self.lex.org_suffix_words and \
            span[1].text not in self.lex.org_head_words and _job_before(span)

    def _ner_wins(self, span: Span, type_: str, inside) -> bool:
        """Keep an NER name over the KB names inside it only when it is a longer official name.

        "U.S. Bankruptcy Court for the District of New Jersey" beats the
        location inside it; "Binance Chief Executive Changpeng Zhao" does not
        beat the two KB names inside it.
        """
        if len(inside) == 2 and type_ == "ORGANIZATION":
            (first, first_entry), (second, second_entry) = sorted(inside, key=lambda pair: pair[0].start)
            return regional_company(span, (first, first_entry.type), (second, second_entry.type),
                                    self.lex.org_suffix_words)
        if len(inside) != 1:
            return False
        kb_span, entry = inside[0]
        if type_ == "LOCATION":
            # "Guatemala City", "Kuwait City": the capital named after its country; "Upper Austria", "Inner
            # Mongolia": a region named after the land it is part of
            return entry.type == "LOCATION" and (
                span[-1].text == "City" and kb_span.start == span.start and kb_span.end == span.end - 1 or
                span[0].text in REGION_QUALIFIERS and kb_span.start == span.start + 1 and kb_span.end == span.end)
        if type_ == "PERSON" and half_of_hyphenated_word(kb_span, span):
            return True  # "Lin Chia-hao" is a person; "Chia" is only half of a word of the name
        if type_ == "PERSON" and entry.type == "LOCATION":
            # "Lisa Monaco" is a person, and so is "Sofia Lindqvist" where someone hires her as a chief, and
            # "Jordan Fish" (a place's name that is also a given name)
            return len(span) >= 2 and (span.start < kb_span.start or hired_as_a_title(span, self.lex.titles) or
                                       self._city_as_given_name(span, kb_span, entry) or
                                       kb_span.text in entry.ambiguous and len(span) == 2 and
                                       span[1].is_title and span[1].is_alpha and
                                       span[1].text not in self.lex.org_suffix_words and
                                       span[1].text not in self.lex.org_head_words)
        if kb_span.start <= span.start and kb_span.end >= span.end:
            return False
        extra = [t for t in span if t.i < kb_span.start or t.i >= kb_span.end]
        # ("Binance's Changpeng Zhao" is two names; "the Prosecutor's Office of Bulgaria" is one, and so is
        # "the Court of King's Bench of Alberta")
        if any(t.lower_ in {"ceo", "chief", "founder", "co", "chair", "executive"} or
               t.lower_ in ("'s", "’s") and t.doc[t.i + 1:t.i + 2].text != "Office" and
               t.doc[t.i - 1].text not in ("King", "Queen") for t in extra):
            return False
        if entry.type == "LOCATION":
            return type_ == "ORGANIZATION"
        if type_ == "ORGANIZATION" and (kb_span.text in entry.ambiguous or span.start < kb_span.start) and \
                entry.type != "PERSON" and all(t.is_title or t.text in LEGAL_FORMS for t in span):
            # "Union Square Ventures", "Mosaic Ledger Technologies": a company's name with another known
            # name after its first word (or an ambiguous one anywhere) is its own
            return True
        if kb_span.start != span.start:
            return False
        # "Binance Labs" is not Binance, but "Binance Inc." is.
        return not all(t.lower_ in ORG_SUFFIXES or t.is_punct for t in extra)


def _joined_institutions(doc: Doc) -> list[Span]:
    """NER's names, with an institution it cut at "for" or "of" joined again: "Agency" + "for" +
    "Financial Monitoring" is Kazakhstan's "Agency for Financial Monitoring"."""
    ents = list(doc.ents)
    out = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if nxt is not None and ent.label_ == nxt.label_ == "ORG" and nxt.start == ent.end + 1 and \
                doc[ent.end].lower_ in ("for", "of", "on") and ent[-1].text in INSTITUTION_WORDS and \
                all(t.is_title or t.lower_ in ("and", "of", "the") for t in nxt):
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            k += 2
            continue
        out.append(ent)
        k += 1
    return out


def regional_company(span: Span, company: tuple, place: tuple, company_words) -> bool:
    """'Payward Europe Solutions': a known company's name (``company``, a span and its type), a place right
    after it (``place`` likewise) and capitalised words ending in a company word name one company, the known
    one's regional unit, not the two names."""
    (name, name_type), (where, where_type) = company, place
    return span[-1].text in company_words and name.start == span.start and where.start == name.end and \
        where.end < span.end and name_type in ("EXCHANGE", "ORGANIZATION") and where_type == "LOCATION" and \
        all(t.is_title for t in span.doc[where.end:span.end])


def glued_lowercase_half(doc, i: int) -> bool:
    """Token ``i`` is a hyphen written without spaces between a word and a lowercase one: "Chia-hao"."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and \
        not doc[i].whitespace_ and doc[i + 1].is_lower


def half_of_hyphenated_word(part: Span, whole: Span) -> bool:
    """The known name is glued by a hyphen to a lowercase word that the longer name also holds."""
    return part.end + 1 < whole.end and glued_lowercase_half(part.doc, part.end)


def _job_before(span: Span) -> bool:
    """'singer Austin Mahone', 'investor Sofia Lind', 'the trustee, Sofia Brandt': a lowercase noun for what
    someone does, right before (or before the comma of an appositive)."""
    doc = span.doc
    before = span.start - 2 if span.start > 1 and doc[span.start - 1].text == "," else span.start - 1
    return before >= 0 and doc[before].is_lower and doc[before].pos_ == "NOUN" and \
        doc[before].lower_ not in ORG_KIND_NOUNS


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


POSTING_WORDS = {"said", "says", "posted", "posts", "post", "wrote", "writes", "tweeted", "announced", "shared",
                 "replied", "commented", "statement", "account", "added", "message", "posting", "video", "thread",
                 "warned", "confirmed", "urged", "cautioned", "noted", "argued", "denied", "claimed", "responded",
                 "explained", "promised", "acknowledged", "link", "criticised", "criticized", "disclosed"}


# words of posting that place a thing rather than a statement: "the data was posted on RaidForums", "the SEC's
# account on X was compromised"
PLACES_OF_THINGS = {"posted", "posts", "posting", "account", "shared", "link"}


def said_on(doc: Doc, start: int) -> bool:
    """The name at ``start`` is where something was said, not a party to it: "warned on X", "in a post on X"."""
    return start > 0 and doc[start - 1].lower_ == "on" and \
        doc[start - 1].head.lower_ in POSTING_WORDS - PLACES_OF_THINGS


def _posted_on(span: Span) -> bool:
    """'said on X', 'in a post on X': a one-letter name is the social network only where people post."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "on":
        return False
    return any(t.lower_ in POSTING_WORDS for t in doc[max(span.sent.start, span.start - 8):span.start - 1])


def described_as_organisation(span: Span, kinds: frozenset[str] | set[str] = ORG_KIND_NOUNS) -> bool:
    """The name has an appositive whose head is a kind of organisation: ', a payments company'. Read
    from the parse, so a description the typing rules' word scan stops early in ('Anchor, a Terra-based
    lending protocol') still counts."""
    doc = span.doc
    after = doc[span.end:min(span.end + 12, len(doc))]
    if len(after) < 4 or after[0].text != ",":
        return False
    if after[1].lower_ in ("the", "a", "an"):
        start = 2
    elif after[1].is_title and after[2].text in ("'s", "’s"):
        start = 3  # ', Colombia's largest financial group'
    else:
        return False
    # (the tokenizer splits "start-up" in three, the parse making its "up" the head)
    # (a kind in lower case, "start-up" too: "the Bank of Israel's governor" opens with a name, not a kind)
    return any(t.is_lower and kind_word(doc, t.i) in kinds and t.dep_ == "appos" and span.start <= t.head.i < span.end
               for t in after[start:])


# kinds of organisation no person is called ("a software developer", "a fund manager" are people)
# other kinds of organisation an appositive may call a name: "Sarawak Energy, the Kuching-based state utility"
BODY_KINDS = {"utility", "insurer", "guild", "association", "cooperative", "consortium", "incubator", "accelerator",
              "charity", "nonprofit"}
# kinds only a firm is ("a Brno electronics chain"), not a person too ("developer", "broker")
FIRM_ONLY_KINDS = ORG_KIND_NOUNS - {"developer", "operator", "manager", "miner", "provider", "issuer", "lender",
                                    "giant", "broker", "publisher"} | {"chain"} | BODY_KINDS


def ends_start_up(doc: Doc, i: int) -> bool:
    """Token ``i`` is the "up" of "start-up", which the tokenizer splits in three ("start", "-", "up")."""
    return i >= 2 and doc[i].lower_ == "up" and doc[i - 1].text == "-" and doc[i - 2].lower_ == "start"


def kind_word(doc: Doc, i: int) -> str:
    """Token ``i`` in lower case as a kind of company may be: "startup" for the "up" of a split "start-up"."""
    return "startup" if ends_start_up(doc, i) else doc[i].lower_


def sentence_initial(span: Span) -> bool:
    i = span.start
    doc = span.doc
    while i > span.sent.start and (doc[i - 1].is_punct or doc[i - 1].is_space):
        i -= 1
    return i == span.sent.start


def _after_a_kind_or_base(span: Span) -> bool:
    """The name follows a lower-case kind of firm ("custody firm Kelp") or a "-based" place ("Lisbon-based
    Kelp"): words no common noun of the same spelling comes after."""
    doc = span.doc
    i = span.start
    if i >= 3 and doc[i - 1].lower_ == "based" and doc[i - 2].text == "-" and doc[i - 3].is_title:
        return True
    # (right before the name, however the parser hangs the two: "at fintech firm Square")
    return i >= 2 and doc[i - 1].is_lower and kind_word(doc, i - 1) in ORG_KIND_NOUNS and \
        doc[i - 1].tag_ in ("NN", "NNS")


DEAL_VERBS = {"acquire", "buy", "purchase", "raise", "hire", "appoint", "partner", "invest", "sue", "announce"}


def _subject_of_a_deal(span: Span) -> bool:
    """The name is the subject of a verb of company business, or of "agree"/"plan"/"move" to one: "Square
    bought a stake", "Ripple moved to acquire a wallet maker"."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_ in DEAL_VERBS:
        return True
    return verb.lemma_ in ("agree", "plan", "move", "seek") and \
        any(c.dep_ == "xcomp" and c.lemma_ in DEAL_VERBS for c in verb.children)


def _named_like_before(span: Span) -> bool:
    """A name the article already used with support, written as a name again: capitalised and not
    an all-capitals ticker; at a sentence start (where any word is capitalised) only as the subject
    of a finite verb (next to it or parsed so: "Bullish, which runs an exchange, scrapped"), with
    "'s" or before a title ("Liquid suffered", "Liquid's business", "Mantra co-founder"), not as an
    adjective ("Liquid staking tokens")."""
    if not span[0].is_title or span.text.isupper():
        return False
    if not sentence_initial(span):
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and (after.text in ("'s", "’s") or after.tag_ in ("VBD", "VBZ", "VBP", "MD") or
                                  after.lower_ in TITLE_STARTS) or span[-1].dep_ in ("nsubj", "nsubjpass")


def _lowercase_ok(span: Span) -> bool:
    """'bitcoin' in running text, but not the start of a sentence where case says nothing."""
    return span.text.islower() or span.text.istitle() or span.text.isupper()


# people of a company, a capitalised first word NER may run into its name
PEOPLE_OF = {"customers", "users", "clients", "investors", "shareholders", "creditors", "depositors", "employees",
             "staff", "holders", "owners", "founders", "executives", "lawyers"}


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start + 1, end):
        if doc[i].is_sent_start or _ends_sentence(doc[i - 1]) and doc[i].is_title:
            end = i  # "WazirX. Investigators": NER ran over a sentence end
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    if end - start > 2 and doc[start].lower_ in PEOPLE_OF and doc[start + 1].lower_ == "of" and \
            doc[start + 2].text[:1].isupper():
        start += 2  # "Customers of Kelvora Exchange said": a sentence's capitalised first word ran into the name
    for i in range(start, end - 1):
        if doc[i].is_lower and doc[i].lower_ in ORG_KIND_NOUNS and doc[i + 1].text[:1].isupper():
            start = i + 1  # "Argentine exchange Pampa", "Dutch exchange CleverCoin": the name follows its kind
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i:end]):
            end = i  # "Crypto-Assets Regulation (MiCA": NER stopped inside the brackets
            break
        if SUM_OF_MONEY.match(doc[i].text):
            end = i  # "Paulista Tokens R$1.5 million": NER ran a name into the sum after it
            break
        if doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in SUM_WORDS:
            end = i  # "fined Kestrel Coin 3.5 million rand": the sum in a currency written out after the name
            break
    if end - start >= 3 and doc[end - 2].text == "-" and doc[end - 1].lower_ in ("based", "headquartered"):
        end -= 2  # "Novi Sad-based": the place NER ran into its modifier
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct and
                           doc[end - 1].text not in (".",)):
        end -= 1
    if end - start > 2 and doc[end - 1].lower_ in ("and", "&") and end < len(doc) and doc[end].is_title and \
            doc[end].pos_ == "PROPN" and not doc[end].is_sent_start and \
            any(t.lower_ in ("for", "of") for t in doc[start + 1:end - 1]):  # (an institution's name, no list)
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end - ent.end < 3:
            end += 1  # "Directorate for Investigating Organized Crime and" + "Terrorism": NER stopped at the "and"
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and \
            doc[end - 1].lower_ not in NAME_PARTICLES and not glued_lowercase_half(doc, end - 2):
        end -= 1  # "Santiago exchange", "naira pairs": a name does not end in a lowercase word
    if end > start and doc[end - 1].text == "." and end - start == 1:
        return None
    if end - start == 1 and SUM_WITH_FIGURES.match(doc[start].text):
        return None  # "S$500,000": a sum NER took for a place
    return doc[start:end] if end > start else None


def _without_honours(span: Span, type_: str) -> tuple[Span | None, str]:
    """'Fiona Hartley QC': the honour after a name is no part of it, and only a person holds a QC or a KC (NER may
    read the name as a company's); 'Priya Lakhani' + 'KC': the honour NER took for a name of its own is none."""
    doc = span.doc
    if len(span) == 1 and span[0].text in PEOPLES_HONOURS and span.start > 0 and \
            doc[span.start - 1].ent_type_ == "PERSON":
        return None, type_
    if type_ in ("PERSON", "ORGANIZATION") and len(span) > 2 and \
            span[-1].text in (POST_NOMINALS if type_ == "PERSON" else PEOPLES_HONOURS) and \
            all(t.is_title for t in span[:-1]):
        return span[:-1], "PERSON"
    return span, type_


def _before_title(span: Span, type_: str) -> Span:
    """'Welwitschia Chief' (+ 'Executive Tuyeni Shikongo'), 'Bank Al-Tadamun Governor' (+ 'Karim Haddad'):
    NER ran a name into the title after it; the name is the words before the title. (An organisation's
    name holds a title word only inside it: "Chief Public Prosecutor's Office".)"""
    doc = span.doc
    for tok in span[1:]:
        if (tok.is_title or tok.text in ("CEO", "CFO", "COO", "CTO")) and tok.lower_ in TITLE_STARTS:
            if type_ == "PERSON" or tok.i == span.end - 1 and span.end < len(doc) and doc[span.end].is_title and \
                    doc[span.end].pos_ == "PROPN":
                return doc[span.start:tok.i]
    return span


# the word naming an office whose holder is the authority, which NER leaves off: "the Saxon Data Protection"
# + "Commissioner", "the Banking" + "Ombudsman"
OFFICE_WORDS = {"Commissioner", "Ombudsman", "Ombudsperson", "Registrar", "Inspectorate"}


def _with_office_word(span: Span) -> Span:
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in OFFICE_WORDS and \
            not (span.end + 1 < len(doc) and doc[span.end + 1].is_title and doc[span.end + 1].pos_ == "PROPN"):
        return doc[span.start:span.end + 1]  # (not a title before a name: "the SEC Commissioner Hester Peirce")
    return span


def _ends_sentence(tok) -> bool:
    """'WazirX.' glued to its full stop; not 'Inc.', 'Jr.', 'U.S.' or an initial."""
    word = tok.text[:-1]
    return tok.text.endswith(".") and len(word) > 3 and word.isalnum() and not word.isupper() and \
        tok.lower_ not in ORG_SUFFIXES and tok.lower_ not in NAME_SUFFIXES and tok.lower_ not in HONORIFICS


def _split_pair(span: Span | None, lex: Lexicon) -> list:
    """'the New York Stock Exchange and Cboe Global Markets', 'Lipisha, Safaricom': NER joined two names."""
    if span is None:
        return [None]
    commas = [t.i for t in span if t.text == ","]
    if len(commas) == 1 and commas[0] > span.start and commas[0] + 1 < span.end:
        # "Lipisha, Safaricom": two names NER read as one, unless a legal form follows ("Block, Inc.") or the
        # name lists its fields ("Ministry of Industry, Mine and Trade")
        left, right = span.doc[span.start:commas[0]], span.doc[commas[0] + 1:span.end]
        if right[0].text not in LEGAL_FORMS and right.text not in LEGAL_FORMS and \
                not any(t.lower_ in ("of", "for", "and", "&") for t in span) and \
                all(t.is_title or t.is_upper for t in (left[0], right[0])):
            return [left, right]
    for tok in span:
        if tok.lower_ == "and" and tok.i - span.start >= 2 and span.end - tok.i - 1 >= 2:
            left, right = span.doc[span.start:tok.i], span.doc[tok.i + 1:span.end]
            if right[-1].text in lex.org_suffix_words and right[0].is_title and (
                    left[-1].text in lex.org_suffix_words or left[-1].text in lex.org_head_words):
                return [left, right]
    return [span]


def _founders_listed(span: Span | None, lex: Lexicon) -> list[Span] | None:
    """'started in 2017 by Raj, Aditya Naik and Rakesh Yadav', 'co-founded by Lamb and Sudhu Arumugam': the
    names of people who founded a company, which NER read as one organisation's; None for any other span."""
    if span is None or span.start == 0 or span.doc[span.start - 1].lower_ != "by" or \
            span.doc[span.start - 1].head.lemma_.lower() not in FOUNDING_LEMMAS | {"start", "create", "establish"}:
        return None
    parts, part = [], []
    for tok in span:
        if tok.text in (",", "and"):
            if part:
                parts.append(part)
            part = []
        elif tok.is_title and tok.pos_ == "PROPN" and tok.text not in lex.org_suffix_words and \
                tok.text not in lex.org_head_words and tok.text not in LEGAL_FORMS:
            part.append(tok)
        else:
            return None  # "the Bank of Georgia and TBC": no list of people's names
    if part:
        parts.append(part)
    if len(parts) < 2 or any(len(p) > 3 for p in parts):
        return None
    return [span.doc[p[0].i:p[-1].i + 1] for p in parts]


# "Banco" cut by NER from "Banco do Brasil": a kind of firm in another language is a name only with one
FOREIGN_KIND_WORDS = {"Banco", "Banque", "Banca", "Grupo", "Groupe", "Gruppo"}


def _of_a_place_after(span: Span) -> bool:
    """'the Supreme Court of British Columbia': a shared name that goes on with "of" and a name is a
    longer name, whichever country the article also names."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].is_title


def _inside_a_longer_name(span: Span) -> bool:
    """A capitalised word of a name right before or after the span: the span is part of that longer name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < span.sent.end else None
    # (a sentence's first word only where NER reads it into a name with the span: "Mbegu Ledger has signed")
    return any(t is not None and t.is_alpha and (t.is_title or t.is_upper) and len(t) > 1 and
               (not t.is_sent_start or t.ent_iob_ == "B" and doc[t.i + 1].ent_iob_ == "I")
               and t.ent_type_ in ("ORG", "PERSON", "FAC", "PRODUCT", "") for t in (before, after))


def _nationality_noun(text: str, lex: Lexicon) -> bool:
    """'the 30-year-old Frenchman', 'two Dutchmen', 'an Irishwoman': a person of a nationality, no one's name."""
    stem = re.sub(r"(?:wo)?m[ae]n$", "", text)
    return stem != text and stem in lex.demonyms


LOCAL_CURRENCY_SUM = re.compile(r"(?:R|Rs|Rp|KSh|N|K|P)\d[\d.,]*")
SUM_WORDS = {"million", "billion", "trillion", "bn", "m", "crore", "lakh"}


def _plausible_name(span: Span, lex: Lexicon) -> bool:
    text = span.text
    if text.casefold() in lex.not_entities or not any(c.isalpha() for c in text) or text in lex.demonyms or \
            _nationality_noun(text, lex) or text in FOREIGN_KIND_WORDS:
        return False
    if not (span[0].is_title or span[0].is_upper or span[0].text[:1].isupper() or span[0].text.startswith("@")):
        return False
    if "\n" in text or len(span) > 12:
        return False
    if LOCAL_CURRENCY_SUM.fullmatch(text) and span.end < len(span.doc) and span.doc[span.end].lower_ in SUM_WORDS:
        return False  # "R6.2 million", "Rs500 crore": a sum in rand or rupees (not the bank N26)
    if len(span) == 1 and sentence_initial(span) and span[0].tag_ not in ("NNP", "NNPS", "") and \
            not span[0].is_upper:
        # "Cardholders can ...", '"Digital assets ...': a capital that only starts a sentence (or a quote opening it)
        return False
    words = [t.text for t in span if t.is_alpha]
    if words and words[-1] in lex.law_words and len(words) > 1:
        return False  # "Prevention of Money Laundering Act": a law, not a body
    if len(words) > 1 and words[0] == "Operation":
        return False  # "Operation Cronos", "Operation Endgame": a police operation, no body (the gold sets name none)
    return True
