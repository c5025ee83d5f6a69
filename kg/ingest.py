"""One ingestion run: every due feed fetched, parsed, deduplicated, extracted and stored.

A feed that fails is recorded with its error and backed off; the others go
on. The spaCy model is loaded only when some feed brings a new article, so an
unchanged feed set is checked in a fraction of a second.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from .config import Config
from .errors import FeedParseError, FetchError
from .extract import Extractor
from .feeds import schedule
from .feeds.fetch import HTTPStatusError, Limits, fetch, make_client
from .feeds.fulltext import with_full_text
from .feeds.parse import parse_feed
from .models import Article, FeedSource
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
           now: Callable[[], float] = time.time, progress: Callable[[FeedReport], None] | None = None
           ) -> IngestReport:
    """Ingest every enabled feed of ``config`` that is due (all of them with ``force``)."""
    limits = limits or _limits(config)
    lazy = _LazyExtractor(extractor, model or config.settings.model or None)
    report = IngestReport()
    with make_client(limits) as client:
        for feed in config.feeds:
            result = _one_feed(feed, store, lazy, client, limits, force, now)
            report.feeds.append(result)
            if progress:
                progress(result)
    return report


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


def _one_feed(feed: FeedSource, store: Store, lazy: _LazyExtractor, client, limits, force, now) -> FeedReport:
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
    fresh = _new_articles(parsed.articles, store)
    if feed.full_text and fresh:
        fresh = [with_full_text(a, limits=limits, client=client) for a in fresh]
    extractor = lazy.get() if fresh else None
    extractions = list(extractor.extract(fresh)) if extractor else []
    stored = store.commit_feed(
        feed.name, articles=fresh, extractions=extractions, extractor=extractor.version if extractor else "",
        etag=fetched.etag, last_modified=fetched.last_modified, status=f"{fetched.status} ok",
        next_check=schedule.next_check_after_success(started, interval_minutes=feed.interval_minutes,
                                                     cache_control=fetched.cache_control,
                                                     ttl_minutes=parsed.ttl_minutes),
        now=started, url=fetched.permanent_url or None)
    return FeedReport(feed.name, "new" if stored else "unchanged", new_articles=stored)


def _new_articles(articles: list[Article], store: Store) -> list[Article]:
    """Articles not stored yet, and not repeated within this batch (by id, guid, URL or content)."""
    seen: set[str] = set()
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
