"""Articles -> ``Extraction``s, in SCHEMA.md's vocabulary, through one spaCy pipeline.

This is the only module that turns spaCy objects into our records: the
components in ``kg.nlp`` leave their findings on the Doc, and
``doc_to_extraction`` reads them into frozen dataclasses with evidence
(sentence and character offsets into ``article_text(article)``).
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .models import Article, Entity, Event, Evidence, Extraction, Relation
from .nlp import dates
from .nlp.pipeline import build_pipeline, model_name

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "4"
MAX_CHARS = 200_000  # longer bodies are cut: no news article is longer, and spaCy's cost is linear
BATCH_SIZE = 64


def article_text(article: Article) -> str:
    """The text extraction reads, and evidence offsets point into: title, blank line, body."""
    title = (article.title or "").strip()
    body = (article.text or "").strip()
    text = f"{title}\n\n{body}" if title and body else title or body
    return text[:MAX_CHARS]


class Extractor:
    """Loads the pipeline once; ``extract`` streams extractions for many articles.

    >>> ex = Extractor()  # doctest: +SKIP
    >>> ex.extract_one(Article(id="a", title="Kraken hacked", text="Kraken said it was hacked.")).events[0].type  # doctest: +SKIP
    'HACK'
    """

    def __init__(self, model: str | None = None, nlp: Language | None = None):
        self.nlp = nlp or build_pipeline(model)
        self.version = f"kg{EXTRACTOR_VERSION}/{model_name(self.nlp)}"

    def extract(self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE,
                n_process: int = 1) -> Iterator[Extraction]:
        """One Extraction per article, in input order."""
        pairs = ((article_text(a), a) for a in articles)
        with self.nlp.memory_zone():
            for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
                yield doc_to_extraction(doc, article)

    def extract_one(self, article: Article) -> Extraction:
        return next(self.extract([article]))


def doc_to_extraction(doc: Doc, article: Article) -> Extraction:
    ents = doc._.kg
    ref_day = dates.reference_day(article.published, article.text)
    default_date = ref_day.isoformat() if ref_day else ""
    evidence: dict[str, list[Evidence]] = {}
    for m in ents.mentions:
        if not m.generic:
            evidence.setdefault(m.key, []).append(_evidence(doc, m.start, m.end))
    entities = []
    for key, record in ents.records.items():
        if not record.surface or record.mentions <= 0:
            continue
        entities.append(Entity(name=record.name, type=record.type, aliases=tuple(record.aliases()),
                               kb_id=record.kb_id, mentions=record.mentions,
                               evidence=tuple(evidence.get(key, ())[:5])))
    present = {e.name for e in entities}
    names = {key: r.name for key, r in ents.records.items()}
    relations = []
    for r in doc._.kg_relations:
        head, tail = names[r.head], names[r.tail]
        if head in present and tail in present and head != tail:
            relations.append(Relation(head, r.type, tail, r.role, _evidence(doc, r.start, r.end)))
    events = []
    for e in doc._.kg_events:
        participants = tuple(names[k] for k in e.participants if names[k] in present)
        if not participants:
            continue
        when = dates.resolve(e.date_text, ref_day) if e.date_text else ""
        events.append(Event(e.type, participants, when or default_date, e.trigger, _evidence(doc, e.start, e.end)))
    return Extraction(article_id=article.id, entities=tuple(entities), relations=tuple(relations),
                      events=tuple(events))


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    span = doc[start:end]
    sent = span.sent if end - start else doc[start:start + 1].sent
    return Evidence(sentence=sent.text.strip(), start=span.start_char, end=span.end_char)
