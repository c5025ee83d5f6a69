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

This module registers the component and runs the steps in order; each step
lives in the module of its job:

* ``doc_entities``: ``Mention``, ``EntityRecord``, ``DocEntities`` and the
  builder's shared state;
* ``candidate_spans``: knowledge-base and NER candidate spans;
* ``datelines``: the place and outlet of a dateline;
* ``names``: records from those spans, titled people, company-shaped names;
* ``entity_types``: a name's type from its context;
* ``defined_names``: acronyms, tickers in brackets, surnames, handles;
* ``tickers``: all-capitals words used as crypto assets;
* ``generic_mentions``: "the exchange", "it".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .candidate_spans import (HONORIFICS, NAME_SUFFIXES, NER_TYPES, ORG_KIND_NOUNS, ORG_SUFFIXES, POSTING_WORDS,
                              CandidateSpans, half_of_hyphenated_word)
from .datelines import DATELINE, Datelines
from .defined_names import ACRONYM, TICKER, DefinedNames
from .doc_entities import DocEntities, EntityRecord, Mention
from .generic_mentions import GenericMentions
from .guard import guarded
from .kb import KnowledgeBase, load_kb
from .lexicon import Lexicon, load_lexicon
from .names import LEGAL_SUFFIXES, NETWORK_WORDS, PRODUCT_NOUNS, NameRules
from .tickers import TICKER_WORD, Tickers

__all__ = [
    "ACRONYM", "DATELINE", "HONORIFICS", "LEGAL_SUFFIXES", "NAME_SUFFIXES", "NER_TYPES", "NETWORK_WORDS",
    "ORG_KIND_NOUNS", "ORG_SUFFIXES", "POSTING_WORDS", "PRODUCT_NOUNS", "TICKER", "TICKER_WORD",
    "DocEntities", "EntityLinker", "EntityRecord", "Mention", "make_entity_linker",
]


# words that end a company's name: after a token's name or ticker, inside a name NER found, they make it the
# company's ("The Maker Foundation", "BTC Global", "Ether Capital")
TOKEN_ORG_TAILS = {"Foundation", "Labs", "Global", "Capital", "Group", "Holdings", "Ventures", "Investments",
                   "Technologies", "Trading", "Mining", "Partners", "Club"}


@Language.factory("kg_entities", default_config={"kb_dir": None},
                  requires=["doc.ents", "token.dep", "token.pos"], assigns=["doc._.kg"])
def make_entity_linker(nlp: Language, name: str, *, kb_dir: str | None = None) -> "EntityLinker":
    return EntityLinker(nlp, load_kb(kb_dir), load_lexicon())


class EntityLinker:
    def __init__(self, nlp: Language, kb: KnowledgeBase, lexicon: Lexicon):
        self.kb = kb
        self.lex = lexicon
        self.spans = CandidateSpans(nlp, kb, lexicon)

    @guarded(lambda doc: setattr(doc._, "kg", DocEntities()))
    def __call__(self, doc: Doc) -> Doc:
        ents = DocEntities()
        builder = _Builder(doc, ents, self.kb, self.lex)
        kb_spans = self.spans.kb_spans(doc)
        ner_spans = self.spans.ner_spans(doc, kb_spans)
        builder.add_dateline()
        # a place inside a longer official name NER found ("Federal Court of Australia") is not its own,
        # unless the name it starts reads longer still ("North Carolina Department of the Secretary of State")
        around = {i: ner for ner, _ in ner_spans for i in range(ner.start, ner.end)}
        kb_spans = [(span, entry) for span, entry in kb_spans if entry.type != "LOCATION" or span.start not in around
                    or len(around[span.start]) <= len(span)
                    or around[span.start].start == span.start
                    and (builder._institution_name(span) or span).end >= around[span.start].end]
        # "The Maker Foundation", "BTC Global": a token's name or ticker before an organisation's tail word,
        # inside the organisation NER found, names the organisation
        kb_spans = [(span, entry) for span, entry in kb_spans if not (
            entry.type == "ASSET" and span.end < len(doc) and doc[span.end].text in TOKEN_ORG_TAILS and
            span.start in around and around[span.start].end > span.end)]
        # "Lin Chia-hao": a known name that is only half of a hyphenated word of a person NER found
        people = {i: ner for ner, type_ in ner_spans if type_ == "PERSON" for i in range(ner.start, ner.end)}
        kb_spans = [(span, entry) for span, entry in kb_spans
                    if span.start not in people or not half_of_hyphenated_word(span, people[span.start])]
        for span, entry in kb_spans:
            builder.add_kb(span, entry)
        for span, type_ in ner_spans:
            builder.add_named(span, type_)
        builder.add_titled_people()
        builder.add_coordinated_people()
        builder.add_relatives_by_surname()
        builder.add_aged_people()
        builder.add_described_people()
        builder.add_shaped_organisations()
        builder.add_shaped_authorities()
        builder.add_prosecutors_offices()
        builder.add_described_organisations()
        builder.add_companies_after_their_kind()
        builder.add_workplaces_after_titles()
        builder.add_listed_companies()
        builder.add_listed_investors()
        builder.add_based_companies()
        builder.add_web_names()
        builder.add_based_places()
        builder.split_companies_from_surnames()
        builder.apply_definitions()
        builder.add_tickers()
        builder.add_derived_tokens()
        builder.add_named_tokens()
        builder.read_networks_as_coins()
        builder.add_short_forms()
        builder.relink_surnames_taken_for_places()
        builder.relink_short_names()
        builder.link_company_short_names()
        builder.link_authority_short_names()
        builder.link_repeated_names()
        builder.link_other_names()
        builder.add_handles()
        builder.drop_title_case_headline_names()
        if builder.retype_from_context():
            builder.link_company_short_names()  # again, by the new types ("Hokkai Coin" + "Co.")
        builder.link_stock_tickers()
        builder.attach_legal_prefixes()
        builder.drop_places_named_only_in_titles()
        builder.add_generic_mentions()
        ents.index()
        doc._.kg = ents
        return doc


class _Builder(NameRules, DefinedNames, Tickers, GenericMentions, Datelines):
    """Accumulates records and mentions for one Doc: every rule mixin over one ``EntityBuilder``."""
