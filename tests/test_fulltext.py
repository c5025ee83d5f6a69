"""Full article text for summary-only feeds: pages fetched by kg, read by trafilatura, served on 127.0.0.1."""

import pytest

from conftest import FakeExtractor, item, rss
from kg.config import Config
from kg.feeds.fetch import Limits
from kg.feeds.fulltext import main_text
from kg.ingest import ingest
from kg.models import FeedSource

BODY = ("Kraken said on Tuesday that it had halted withdrawals of ether after a fault in its wallet software. "
        "The exchange said customer funds were safe and that deposits would resume within a day. ")
PAGE = f"""<!doctype html><html><head><title>Kraken halts withdrawals</title>
<script>var tracking = "SCRIPT-NOISE";</script></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> NAVIGATION-NOISE</nav>
<article><h1>Kraken halts withdrawals</h1>
<p>{BODY}</p><p>{BODY.replace("Kraken", "A spokesperson")}</p>
<p>Analysts said the pause was unlikely to last long, pointing to similar incidents at other exchanges.</p>
</article><footer>Copyright FOOTER-NOISE. All rights reserved.</footer></body></html>"""


@pytest.fixture(autouse=True)
def trafilatura_never_fetches(monkeypatch):
    import trafilatura
    import trafilatura.downloads

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura tried to fetch a page itself")

    monkeypatch.setattr(trafilatura, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_response", refuse)


def summary_feed(server, *pages):
    """A feed whose items carry a one-line summary and link to ``pages`` (paths on the server)."""
    server.add("/feed", body=rss(*[item("s", n, link=server.url(p), description="Short summary.")
                                   for n, p in enumerate(pages, 1)]))
    return Config(feeds=(FeedSource("S", server.url("/feed"), full_text=True),))


def stored_texts(store):
    return {a.guid: a.text for a in store.articles()}


def test_main_text_keeps_the_article_and_drops_navigation_scripts_and_footer():
    text = main_text(PAGE.encode())
    assert "halted withdrawals of ether" in text and "Analysts said" in text
    assert not any(noise in text for noise in ("NAVIGATION-NOISE", "SCRIPT-NOISE", "FOOTER-NOISE"))


@pytest.mark.parametrize("html", [b"", b"<html></html>", b"\xff\xfe\x00garbage", "<p>unicode é</p>"])
def test_main_text_of_a_page_without_an_article_is_empty(html):
    assert main_text(html) == ""


def test_items_get_their_pages_main_text_fetched_by_kg(server, fresh_store):
    page = server.add("/story", body=PAGE.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    extractor = FakeExtractor()
    report = ingest(summary_feed(server, "/story"), fresh_store, extractor=extractor, force=True)
    assert report.new_articles == 1
    text = stored_texts(fresh_store)["s-1"]
    assert "halted withdrawals of ether" in text and "NAVIGATION-NOISE" not in text
    assert extractor.seen[0].text == text, "the extractor read the full text"
    assert page.hits == 1 and page.request_headers[0]["User-Agent"].startswith("kg-crypto-news/")


@pytest.mark.parametrize("page", [
    {"status": 404},
    {"body": b"<html><body><p>Tiny.</p></body></html>"},  # shorter than the summary
    {"body": ("<html><body><article><p>" + BODY * 200 + "</p></article></body></html>").encode()},  # over the cap
    {"body": b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF", "headers": {"Content-Type": "application/pdf"}},
])
def test_an_unusable_page_leaves_the_feeds_summary(server, fresh_store, page):
    server.add("/story", **page)
    limits = Limits(max_bytes=16 * 1024)
    report = ingest(summary_feed(server, "/story"), fresh_store, extractor=FakeExtractor(), force=True,
                    limits=limits)
    assert report.feeds[0].status == "new"
    assert stored_texts(fresh_store) == {"s-1": "Short summary."}


def test_pages_are_fetched_only_for_new_items(server, fresh_store):
    page = server.add("/story", body=PAGE.encode())
    other = server.add("/other", body=PAGE.replace("Kraken", "Bitstamp").encode())
    ingest(summary_feed(server, "/story"), fresh_store, extractor=FakeExtractor(), force=True)
    ingest(summary_feed(server, "/story", "/other"), fresh_store, extractor=FakeExtractor(), force=True)
    assert (page.hits, other.hits) == (1, 1)
    assert "Bitstamp said" in stored_texts(fresh_store)["s-2"]


def test_a_feed_without_full_text_never_fetches_pages(server, fresh_store):
    page = server.add("/story", body=PAGE.encode())
    server.add("/feed", body=rss(item("s", 1, link=server.url("/story"), description="Short summary.")))
    ingest(Config(feeds=(FeedSource("S", server.url("/feed")),)), fresh_store, extractor=FakeExtractor(), force=True)
    assert page.hits == 0 and stored_texts(fresh_store) == {"s-1": "Short summary."}
