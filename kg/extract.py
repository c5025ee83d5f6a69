"""Articles -> ``Extraction``s, in SCHEMA.md's vocabulary, through one spaCy pipeline.

This is the only module that turns spaCy objects into our records: the
components in ``kg.nlp`` leave their findings on the Doc, and
``doc_to_extraction`` reads them into frozen dataclasses with evidence
(sentence and character offsets into ``article_text(article)``).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from contextlib import ExitStack
from itertools import chain, islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .models import Article, Entity, Event, Evidence, Extraction, Relation
from .nlp import dates
from .nlp.guard import failures
from .nlp.matmul import one_thread
from .nlp.pipeline import build_pipeline, model_name
from .nlp.relations import implied_by_events

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "4"
MAX_CHARS = 200_000  # longer bodies are cut: no news article is longer, and spaCy's cost is linear
BATCH_SIZE = 64
# Docs per memory zone: spaCy forgets the strings (names, numbers) of each block of this many, so
# a long stream runs in constant memory. One zone around a whole stream would keep them all.
ZONE_DOCS = 1000
TASK_DOCS = 64  # articles per task sent to a worker process
EVIDENCE_PER_ENTITY = 5


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
        """One Extraction per article, in input order, read by ``n_process`` processes.

        Worker processes are forked from this one (the loaded pipeline is
        shared, not reloaded) and each runs the whole extraction, so only
        articles and extractions cross process boundaries, never Docs.
        """
        if not isinstance(n_process, int) or n_process < 1:
            raise ValueError(f"n_process={n_process!r} is invalid; use an integer >= 1")
        if batch_size < 1:
            raise ValueError(f"batch_size={batch_size!r} is invalid; use an integer >= 1")
        tasks = _blocks(articles, TASK_DOCS)
        head = list(islice(tasks, 2))
        if n_process == 1 or len(head) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            yield from self._extract_here(chain.from_iterable(chain(head, tasks)), batch_size)
            return
        global _worker
        _worker = self, batch_size
        try:
            with multiprocessing.get_context("fork").Pool(n_process) as pool:
                pending: deque = deque()
                for task in chain(head, tasks):
                    pending.append(pool.apply_async(_extract_task, (task,)))
                    if len(pending) >= 2 * n_process:  # a bounded look-ahead keeps memory flat
                        yield from pending.popleft().get()
                while pending:
                    yield from pending.popleft().get()
        finally:
            _worker = None

    def _extract_here(self, articles: Iterable[Article], batch_size: int) -> Iterator[Extraction]:
        for block in _blocks(articles, ZONE_DOCS):
            with self.nlp.memory_zone():
                yield from self._read(block, batch_size)

    def _read(self, articles: Iterable[Article], batch_size: int) -> Iterator[Extraction]:
        pairs = ((self._doc(a), a) for a in articles)
        with one_thread():
            for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield doc_to_extraction(doc, article)

    def _doc(self, article: Article) -> Doc:
        """The article's tokens, carrying its publication time for the rules that need its year."""
        doc = self.nlp.make_doc(article_text(article))
        doc.user_data[dates.PUBLISHED_KEY] = article.published
        return doc

    def extract_one(self, article: Article) -> Extraction:
        (extraction,) = self.extract([article])
        return extraction


_worker: tuple[Extractor, int] | None = None  # what forked workers inherit
_zone: ExitStack | None = None  # a worker's open memory zone, spanning tasks up to ZONE_DOCS articles
_zone_docs = 0


def _extract_task(articles: list[Article]) -> list[Extraction]:
    global _zone, _zone_docs
    extractor, batch_size = _worker
    if _zone is None:
        _zone, _zone_docs = ExitStack(), 0
        _zone.enter_context(extractor.nlp.memory_zone())
    extractions = list(extractor._read(articles, batch_size))
    _zone_docs += len(articles)
    if _zone_docs >= ZONE_DOCS:
        _zone.close()
        _zone = None
    return extractions


def _blocks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while block := list(islice(it, size)):
        yield block


def doc_to_extraction(doc: Doc, article: Article) -> Extraction:
    for failure in failures(doc):
        log.warning("article %s (%s): a rule failed, so its extraction is partial: %s",
                    article.id, article.url or "no url", failure)
    ents = doc._.kg
    ref_day = dates.reference_day(article.published, article.text)
    default_date = ref_day.isoformat() if ref_day else ""
    sentences: dict[tuple[int, int], str] = {}
    evidence: dict[str, list[Evidence]] = {}
    for m in ents.mentions:
        if not m.generic:
            found = evidence.setdefault(m.key, [])
            if len(found) < EVIDENCE_PER_ENTITY:
                found.append(_evidence(doc, m.start, m.end, sentences))
    entities = []
    for key, record in ents.records.items():
        if not record.surface or record.mentions <= 0:
            continue
        entities.append(Entity(name=record.name, type=record.type, aliases=tuple(record.aliases()),
                               kb_id=record.kb_id, mentions=record.mentions,
                               evidence=tuple(evidence.get(key, ()))))
    present = {e.name for e in entities}
    names = {key: r.name for key, r in ents.records.items()}
    relations = []
    for r in chain(doc._.kg_relations, implied_by_events(ents, doc._.kg_relations, doc._.kg_events)):
        head, tail = names[r.head], names[r.tail]
        if head in present and tail in present and head != tail:
            relations.append(Relation(head, r.type, tail, r.role, _evidence(doc, r.start, r.end, sentences)))
    events = []
    for e in doc._.kg_events:
        participants = tuple(names[k] for k in e.participants if names[k] in present)
        if not participants:
            continue
        when = dates.resolve(e.date_text, ref_day) if e.date_text else ""
        events.append(Event(e.type, participants, when or default_date, e.trigger, _evidence(doc, e.start, e.end, sentences)))
    return Extraction(article_id=article.id, entities=tuple(entities), relations=tuple(relations),
                      events=tuple(events))


def _evidence(doc: Doc, start: int, end: int, sentences: dict[tuple[int, int], str]) -> Evidence:
    """The sentence around tokens [start, end) (its text read once per Doc) and their character offsets."""
    span = doc[start:end]
    sent = span.sent if end - start else doc[start:start + 1].sent
    text = sentences.get((sent.start, sent.end))
    if text is None:
        text = sentences[sent.start, sent.end] = sent.text.strip()
    return Evidence(sentence=text, start=span.start_char, end=span.end_char)
