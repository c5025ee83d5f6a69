import pytest

from kg.errors import FeedParseError
from kg.feeds.parse import parse_feed
from kg.feeds.urls import canonical_url

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire</title><ttl>45</ttl>
<item><title><![CDATA[Kraken <b>adds</b> SOL]]></title><link>https://wire.example/a?utm_source=rss</link>
<guid isPermaLink="false">wire-1</guid><pubDate>Tue, 08 Nov 2022 10:00:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator>
<description>Short.</description><content:encoded><![CDATA[<p>First paragraph.</p><p>Second &amp; last.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>No date</title><link>https://wire.example/b</link><description>Body only.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>tag:a</id><updated>2024-01-01T00:00:00Z</updated>
<entry><id>tag:a,2024:1</id><title>Atom item</title><link rel="alternate" href="https://atom.example/1"/>
<published>2024-01-01T00:00:00Z</published><content type="html">&lt;p&gt;Full text.&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_become_articles_with_full_text_and_clean_titles():
    feed = parse_feed(RSS, feed_name="Wire")
    first, second = feed.articles
    assert first.title == "Kraken adds SOL"
    assert first.text == "First paragraph.\n\nSecond & last."
    assert first.url == "https://wire.example/a" and first.guid == "wire-1"
    assert first.published == "2022-11-08T10:00:00Z" and first.author == "Ann Lee"
    assert second.published == "" and second.text == "Body only."
    assert feed.ttl_minutes == 45


def test_atom_entries_are_read():
    (entry,) = parse_feed(ATOM, feed_name="Atom").articles
    assert (entry.title, entry.text, entry.url) == ("Atom item", "Full text.", "https://atom.example/1")


def test_an_html_page_is_not_a_feed():
    with pytest.raises(FeedParseError, match="not a feed"):
        parse_feed(b"<html><body><h1>Hello</h1></body></html>", feed_name="x", source="http://x/")


def test_parse_feed_refuses_strings_so_feedparser_never_fetches():
    with pytest.raises(TypeError):
        parse_feed("https://example.com/rss", feed_name="x")


def test_a_date_in_the_future_is_clamped_to_now():
    future = RSS.replace(b"Tue, 08 Nov 2022", b"Tue, 08 Nov 2089")
    from datetime import datetime, timezone

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert parse_feed(future, feed_name="Wire", now=now).articles[0].published == "2026-01-01T00:00:00Z"


@pytest.mark.parametrize("url, canonical", [
    ("https://a.example/x?utm_source=rss&utm_medium=feed", "https://a.example/x"),
    ("HTTPS://A.Example:443/x#frag", "https://a.example/x"),
    ("https://a.example/x?b=2&a=1&fbclid=z", "https://a.example/x?a=1&b=2"),
    ("http://a.example:8080/x", "http://a.example:8080/x"),
])
def test_canonical_urls_drop_tracking_and_noise(url, canonical):
    assert canonical_url(url) == canonical
