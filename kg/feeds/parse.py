"""Feed bytes -> ``Article``s, through feedparser.

feedparser always gets bytes (never a URL, never a str), so it cannot fetch
anything itself and it sniffs the encoding from the XML declaration and the
HTTP Content-Type we pass along. A body that is not a feed at all (an HTML
error page, say) raises ``FeedParseError``; a feed with small defects
(feedparser's ``bozo``) is still read. A feed that declares XML entities is
refused: that is where entity bombs and external entities (local files) live,
and no real feed needs one.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

import feedparser
from feedparser.encodings import convert_to_utf8

from ..errors import FeedParseError
from ..models import Article
from .html import html_to_text
from .urls import canonical_url

log = logging.getLogger(__name__)

FUTURE_TOLERANCE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class ParsedFeed:
    articles: list[Article]
    ttl_minutes: int | None = None
    title: str = ""


def parse_feed(body: bytes, *, feed_name: str, source: str = "", content_type: str = "",
               now: datetime | None = None) -> ParsedFeed:
    """Parse one fetched body into articles (feed order, items with neither title nor text skipped)."""
    if not isinstance(body, (bytes, bytearray)):
        raise TypeError(f"parse_feed needs bytes, got {type(body).__name__}")
    headers = {"content-type": content_type} if content_type else {}
    # Checked on the text as the XML parser will see it, so that no encoding (UTF-16, UTF-7...) hides one.
    if b"<!ENTITY" in convert_to_utf8(headers, bytes(body), {}):
        raise FeedParseError(f"{source or feed_name}: declares XML entities, which kg refuses "
                             "(entity expansion bombs and external entities)")
    parsed = feedparser.parse(bytes(body), response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:  # an empty body has no "version" at all
        reason = parsed.get("bozo_exception") or "no RSS or Atom feed found"
        raise FeedParseError(f"{source or feed_name}: not a feed ({reason})")
    if parsed.bozo:
        log.info("%s: feed has defects (%s); reading what parses", source or feed_name, parsed.get("bozo_exception"))
    now = now or datetime.now(timezone.utc)
    articles = [a for a in (_article(e, feed_name, now) for e in parsed.entries) if a is not None]
    ttl = str(parsed.feed.get("ttl", "")).strip()
    return ParsedFeed(articles, int(ttl) if ttl.isdigit() else None, html_to_text(parsed.feed.get("title", "")))


def _article(entry, feed_name: str, now: datetime) -> Article | None:
    # A title is one line of plain text: markup a feed escaped twice is stripped too, never kept as tags.
    title = html_to_text(html_to_text(entry.get("title", ""))).replace("\n", " ")
    summary = entry.get("summary", "") or ""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=len) if contents else summary
    text = html_to_text(body)
    if not title and not text:
        return None
    link = entry.get("link", "") or ""
    guid = entry.get("id", "") or ""
    url = canonical_url(link) if link.startswith(("http://", "https://")) else ""
    published = _published(entry, now)
    content_hash = hashlib.sha1(_fingerprint(title, text).encode("utf-8")).hexdigest()
    key = guid or url or content_hash
    article_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Article(id=article_id, title=title, text=text, url=url, published=published, feed=feed_name,
                   guid=guid, author=html_to_text(entry.get("author", "") or ""), content_hash=content_hash)


def _fingerprint(title: str, text: str) -> str:
    return " ".join((title + " " + text).casefold().split())


def _published(entry, now: datetime) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            when = datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
            if (when - now).total_seconds() > FUTURE_TOLERANCE_SECONDS:
                return now.strftime("%Y-%m-%dT%H:%M:%SZ")  # a date in the future is a feed bug
            return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return ""
