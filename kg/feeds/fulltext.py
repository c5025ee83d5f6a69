"""Full article text for summary-only feeds: fetch the page with our limits, let trafilatura read it.

trafilatura only ever gets the HTML we fetched; it never fetches anything itself.
"""

from __future__ import annotations

import dataclasses
import logging

import httpx

from ..errors import FetchError
from ..models import Article
from .fetch import Limits, fetch

log = logging.getLogger(__name__)


def main_text(html: bytes | str) -> str:
    """The article body trafilatura finds in a page, or "" when it finds none."""
    import trafilatura

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""


def with_full_text(article: Article, *, limits: Limits, client: httpx.Client | None = None) -> Article:
    """The article with its page's main text when that is longer than what the feed gave."""
    if not article.url:
        return article
    try:
        page = fetch(article.url, limits=limits, client=client)
    except FetchError as exc:
        log.warning("full text of %s not fetched: %s", article.url, exc)
        return article
    text = main_text(page.body)
    if len(text) <= len(article.text):
        return article
    return dataclasses.replace(article, text=text)
