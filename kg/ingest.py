"""One ingestion run: every due feed fetched, parsed, deduplicated, extracted and stored.

A feed that fails is recorded with its error and backed off; the others go
on. The spaCy model is loaded only when some feed brings a new article, so an
unchanged feed set is checked in a fraction of a second.

Feeds are fetched and parsed first; then the new articles of all of them are
extracted as one stream (so ``n_process`` workers stay busy however small
each feed is), and each feed is committed, articles, extractions and
validators in one transaction, as soon as its last article is extracted.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable

from .config import Config
from .errors import FeedParseError, FetchError
from .extract import Extractor
from .feeds import schedule
from .feeds.fetch import FetchResult, HTTPStatusError, Limits, fetch, make_client
from .feeds.fulltext import with_full_text
from .feeds.parse import ParsedFeed, parse_feed
from .models import Article, Extraction, FeedSource
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class FeedReport:
    name: str
    status: str  # "new", "unchanged", "not-modified", "failed", "not-due", "disabled"
    new_articles: int = 0
    error: str = ""


@dataclass
class IngestReport:
    feeds: list[FeedReport] = field(default_factory=list)

    @property
    def new_articles(self) -> int:
        return sum(f.new_articles for f in self.feeds)

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.status == "failed"]


def ingest(config: Config, store: Store, *, extractor: Extractor | Callable[[], Extractor] | None = None,
           model: str | None = None, force: bool = False, limits: Limits | None = None,
           now: Callable[[], float] = time.time, progress: Callable[[FeedReport], None] | None = None,
           n_process: int | None = None) -> IngestReport:
    """Ingest every enabled feed of ``config`` that is due (all of them with ``force``).

    ``n_process`` extraction processes (default: ``settings: workers:``, else 1).
    """
    limits = limits or _limits(config)
    lazy = _LazyExtractor(extractor, model or config.settings.model or None)
    n_process = n_process or config.settings.workers or 1
    if n_process < 1:
        raise ValueError(f"n_process={n_process!r} is invalid; use an integer >= 1")
    results: list[FeedReport | None] = []
    pending: list[tuple[int, _Fetched]] = []
    seen: set[str] = set()

    def done(slot: int, result: FeedReport) -> None:
        results[slot] = result
        if progress:
            progress(result)

    with make_client(limits) as client:
        for feed in config.feeds:
            results.append(None)
            outcome = _fetch_feed(feed, store, client, limits, force, now, seen)
            if isinstance(outcome, FeedReport):
                done(len(results) - 1, outcome)
            elif outcome.articles:
                pending.append((len(results) - 1, outcome))
            else:
                done(len(results) - 1, _commit(store, outcome, [], ""))
    if pending:
        extractor = lazy.get()
        articles = chain.from_iterable(f.articles for _, f in pending)
        stream = iter(extractor.extract(articles, n_process=n_process) if n_process > 1
                      else extractor.extract(articles))
        try:
            for slot, fetched in pending:
                extractions = [next(stream) for _ in fetched.articles]
                done(slot, _commit(store, fetched, extractions, extractor.version))
        finally:
            if hasattr(stream, "close"):
                stream.close()  # ends the worker processes now, not when garbage collected
    return IngestReport(feeds=list(results))


def _limits(config: Config) -> Limits:
    s = config.settings
    kwargs = {}
    if s.user_agent:
        kwargs["user_agent"] = s.user_agent
    if s.timeout_seconds:
        kwargs["read_timeout"] = s.timeout_seconds
    if s.max_bytes:
        kwargs["max_bytes"] = s.max_bytes
    return Limits(**kwargs)


class _LazyExtractor:
    def __init__(self, given, model):
        self.given, self.model, self.instance = given, model, None

    def get(self) -> Extractor:
        if self.instance is None:
            if hasattr(self.given, "extract"):
                self.instance = self.given
            elif callable(self.given):
                self.instance = self.given()
            else:
                self.instance = Extractor(self.model)
        return self.instance


@dataclass
class _Fetched:
    """A feed fetched and parsed, waiting for its new articles' extractions to be committed."""

    feed: FeedSource
    fetched: FetchResult
    parsed: ParsedFeed
    articles: list[Article]
    started: float


def _fetch_feed(feed: FeedSource, store: Store, client, limits, force, now, seen: set[str]
                ) -> FeedReport | _Fetched:
    """A finished report (not due, not modified, failed), or the feed's new articles to extract."""
    if not feed.enabled:
        return FeedReport(feed.name, "disabled")
    state = store.ensure_feed(feed.name, feed.url)
    started = now()
    if not force and state.next_check > started:
        return FeedReport(feed.name, "not-due")
    url, etag, last_modified = state.url, state.etag, state.last_modified
    try:
        fetched = fetch(url, etag=etag, last_modified=last_modified, limits=limits, client=client)
        if fetched.not_modified:
            store.commit_feed(feed.name, articles=[], extractions=[], extractor="", etag=fetched.etag or etag,
                              last_modified=fetched.last_modified or last_modified, status="304 not modified",
                              next_check=schedule.next_check_after_success(
                                  started, interval_minutes=feed.interval_minutes,
                                  cache_control=fetched.cache_control), now=started,
                              url=fetched.permanent_url or None)
            return FeedReport(feed.name, "not-modified")
        parsed = parse_feed(fetched.body, feed_name=feed.name, source=url, content_type=fetched.content_type)
    except (FetchError, FeedParseError) as exc:
        errors = state.errors + 1
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else ""
        status = f"HTTP {exc.status}" if isinstance(exc, HTTPStatusError) else type(exc).__name__
        store.record_feed_error(feed.name, status=status, error=str(exc), now=started,
                                next_check=schedule.next_check_after_error(
                                    started, errors=errors, interval_minutes=feed.interval_minutes,
                                    retry_after=retry_after))
        log.warning("feed %s failed: %s", feed.name, exc)
        return FeedReport(feed.name, "failed", error=str(exc))
    fresh = _new_articles(parsed.articles, store, seen)
    if feed.full_text and fresh:
        fresh = [with_full_text(a, limits=limits, client=client) for a in fresh]
    return _Fetched(feed, fetched, parsed, fresh, started)


def _commit(store: Store, f: _Fetched, extractions: list[Extraction], extractor: str) -> FeedReport:
    feed, fetched = f.feed, f.fetched
    stored = store.commit_feed(
        feed.name, articles=f.articles, extractions=extractions, extractor=extractor,
        etag=fetched.etag, last_modified=fetched.last_modified, status=f"{fetched.status} ok",
        next_check=schedule.next_check_after_success(f.started, interval_minutes=feed.interval_minutes,
                                                     cache_control=fetched.cache_control,
                                                     ttl_minutes=f.parsed.ttl_minutes),
        now=f.started, url=fetched.permanent_url or None)
    return FeedReport(feed.name, "new" if stored else "unchanged", new_articles=stored)


def _new_articles(articles: list[Article], store: Store, seen: set[str]) -> list[Article]:
    """Articles not stored yet, and not repeated within this run (by id, guid, URL or content)."""
    fresh = []
    for a in articles:
        keys = {k for k in (a.id, a.guid and "g:" + a.guid, a.url and "u:" + a.url, "h:" + a.content_hash) if k}
        if keys & seen or store.known(a):
            continue
        seen |= keys
        fresh.append(a)
    return fresh


def extract_pending(store: Store, extractor: Extractor) -> int:
    """(Re-)extract stored articles that have no extraction from this extractor version."""
    pending = store.unextracted(extractor.version)
    if pending:
        store.save_extractions(extractor.extract(pending), extractor.version)
    return len(pending)
