"""What ``kg_entities`` leaves on a Doc: ``doc._.kg``, a ``DocEntities``.

``EntityRecord`` is one entity, ``Mention`` one stretch of tokens linked to it.
``EntityBuilder`` holds what every rule of the component shares while it fills
one ``DocEntities``: the records, which tokens are taken, and the Doc's token
strings read once. The rules themselves are mixins over it, one module a job
(``datelines``, ``names``, ``entity_types``, ``defined_names``, ``tickers``,
``generic_mentions``), put together in ``kg.nlp.entities``.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.attrs import IS_TITLE, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span

from .candidate_spans import ORG_SUFFIXES
from .kb import KnowledgeBase, norm
from .lexicon import Lexicon

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
        for text in [*(t for t, n in self.surface.items() if n > 0), *self.defined]:
            n = norm(text)
            if n and n not in seen:
                seen.add(n)
                out.append(text)
        for text in [self.name, *out]:
            # "The Wall Street Journal" is also written without its article; not "The Block" (a word alone)
            bare = text[4:] if text.startswith("The ") and len(text.split()) >= 3 else ""
            if bare and norm(bare) not in seen:
                seen.add(norm(bare))
                out.append(bare)
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

    def leading_company(self, mentions, types: tuple[str, ...] = ("EXCHANGE", "ORGANIZATION")) -> str | None:
        """The key of the exchange or organisation (or entity of ``types``) named most among ``mentions`` ("the
        company" included): the one an article is about where it names no other; none on a tie."""
        counts: dict[str, int] = {}
        for m in mentions:
            if self.records[m.key].type in types:
                counts[m.key] = counts.get(m.key, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that begin inside tokens [start, end): a phrase's names even where the parser cut
        a name short ("SOL token" with "token" misparsed as a verb)."""
        if len(self.starts) != len(self.mentions):
            return [m for m in self.mentions if start <= m.start < end]
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class EntityBuilder:
    """Accumulates records and mentions for one Doc."""

    def __init__(self, doc: Doc, ents: DocEntities, kb: KnowledgeBase, lex: Lexicon):
        self.doc = doc
        self.ents = ents
        self.kb = kb
        self.lex = lex
        self.taken: dict[int, Mention] = {}
        self.name_keys: dict[str, str] = {}  # normalised name -> record key

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
            legal = self._legal_name(span)
            if legal and legal not in record.defined:
                record.defined.append(legal)
        return True

    def _forget(self, mention: Mention) -> None:
        """Take back a mention a rule has found to be no name (or another's): its tokens are free again."""
        self.ents.mentions.remove(mention)
        self.ents.records[mention.key].surface[mention.text] -= 1
        for i in range(mention.start, mention.end):
            if self.taken.get(i) is mention:
                del self.taken[i]

    def _people_by_surname(self) -> dict[str, list[EntityRecord]]:
        """The people the article names in full, by surname ("Dorj Batbayar" under "Batbayar")."""
        out: dict[str, list[EntityRecord]] = {}
        for r in self.ents.records.values():
            if r.type == "PERSON" and " " in r.name:
                out.setdefault(r.name.split()[-1], []).append(r)
        return out

    def _legal_name(self, span: Span) -> str:
        """'Binance Markets Ltd' where the name is 'Binance Markets': the full legal name the text
        wrote, kept as an alias (the suffix is left off the name so that 'Binance Markets' and
        'Binance Markets Ltd' are one entity)."""
        doc = self.doc
        if span.end >= len(doc) or doc[span.end].lower_ not in ORG_SUFFIXES or doc[span.end - 1].whitespace_ == "" \
                or span[-1].lower_ in ORG_SUFFIXES:
            return ""
        return f"{span.text} {doc[span.end].text}"

    @functools.cached_property
    def _strings(self) -> tuple[list[str], list[str], list[bool]]:
        return _token_strings(self.doc)

    @functools.cached_property
    def _lowers(self) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array(LOWER).tolist()] if len(self.doc) else []


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: the property joins every token again on each call (a millisecond
    for a long article), and the entity, relation and event rules all read the text."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def _token_strings(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Every token's text, text with whitespace and is_title, read from the Doc's arrays.

    The same as reading ``token.text`` etc., without making a Token object per word.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, IS_TITLE]).tolist() if len(doc) else []
    texts = [strings[orth] for orth, _, _ in rows]
    with_ws = [text + " " if space else text for text, (_, space, _) in zip(texts, rows)]
    return texts, with_ws, [bool(t) for _, _, t in rows]
