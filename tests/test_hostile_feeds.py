"""Hostile feeds, each served on 127.0.0.1 between two good feeds.

Every case ends with either a clear error recorded for that feed alone or the
items handled; the good feeds are ingested all the same, time and memory stay
bounded by the fetch limits, and nothing stored is corrupt, marked up, or read
from the local disk.
"""

import calendar
import gzip
import re
import socket
import time
import tracemalloc
from dataclasses import dataclass
from typing import Callable

import pytest

from conftest import FakeExtractor, item, rss
from kg.config import Config
from kg.feeds.fetch import Limits
from kg.ingest import ingest
from kg.models import FeedSource

LIMITS = Limits(connect_timeout=1, read_timeout=1, deadline=2, max_bytes=64 * 1024, max_redirects=3)
TIME_BOUND = LIMITS.deadline + 2  # seconds for the whole run; the good feeds take milliseconds
MEMORY_BOUND = 8 * 1024 * 1024  # peak bytes allocated by the run, against bodies of 20 MB and more
SECRET = "TOP-SECRET-7d1f"  # in tmp_path/secret.txt and at /secret: must never reach the store
FEED_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


@dataclass
class Hostile:
    """What the server does for the hostile feed, and what ingestion must make of it."""

    name: str
    serve: Callable  # (server, tmp_path) -> the hostile feed's URL
    error: str = ""  # a regex the feed's error must match; "" when its items are handled
    check: Callable = lambda articles: None  # asserts on the hostile feed's stored articles


def answer(body=b"", status=200, headers=FEED_TYPE):
    def serve(server, tmp_path):
        server.add("/hostile", body=body, status=status, headers=headers)
        return server.url("/hostile")
    return serve


def handler(write):
    """Serve /hostile with ``write(request_handler)``; the client hanging up ends it quietly."""
    def body(h):
        try:
            write(h)
        except OSError:
            pass

    def serve(server, tmp_path):
        server.add("/hostile", body=body)
        return server.url("/hostile")
    return serve


def streamed_forever(h):
    """16 MB in chunks, no Content-Length to refuse up front."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b"<!-- " + b"x" * 16_000 + b" -->"
    for _ in range(1000):
        h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def gzip_bomb(server, tmp_path):
    """20 MB of zeros in 20 kB of gzip."""
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    return answer(bomb, headers={**FEED_TYPE, "Content-Encoding": "gzip"})(server, tmp_path)


def never_answers(server, tmp_path):
    """A listening socket: the kernel accepts the connection, nobody ever reads or answers."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    server.silent = silent
    return f"http://127.0.0.1:{silent.getsockname()[1]}/feed"


def drip_body(h):
    """Headers at once, then a byte every 50 ms: each read is quick, the whole is not."""
    body = rss(*[item("drip", n) for n in range(20)])
    h.send_response(200)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    for i in range(200):
        h.wfile.write(body[i:i + 1])
        time.sleep(0.05)


def drip_headers(h):
    """The status line, then header bytes every 50 ms, never reaching the body."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for byte in b"X-Padding: " + b"a" * 200:
        h.wfile.write(bytes([byte]))
        time.sleep(0.05)


def redirects(chain: list[str]):
    def serve(server, tmp_path):
        for here, there in zip(chain, chain[1:]):
            server.add(here, status=302, headers={"Location": there})
        return server.url(chain[0])
    return serve


def billion_laughs(encoding="utf-8") -> bytes:
    """Ten entities, each ten of the one before: three billion "lol"s from under 1 kB."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE rss [{"".join(entities)}]>'
            + rss(item("bomb", 1, title="Laughs &lol9;"), declaration="").decode()).encode(encoding)


def external_entities(server, tmp_path):
    """Entities that would read the secret from the local file, and fetch it from the web."""
    secret = (tmp_path / "secret.txt").as_uri()
    doctype = (f'<!DOCTYPE rss [<!ENTITY file SYSTEM "{secret}"><!ENTITY web SYSTEM "{server.url("/secret")}">'
               f'<!ENTITY % param SYSTEM "{secret}"> %param;]>')
    body = f'<?xml version="1.0"?>{doctype}'.encode() + rss(item("xxe", 1, title="Leak &file; &web;"), declaration="")
    return answer(body)(server, tmp_path)


def external_dtd(server, tmp_path):
    """No entity declared, but a DOCTYPE naming an external DTD, which must not be fetched."""
    body = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server.url("/secret")}">'.encode()
            + rss(item("dtd", 1), declaration=""))
    return answer(body)(server, tmp_path)


def only(expected_titles):
    def check(articles):
        assert sorted(a.title for a in articles) == sorted(expected_titles)
    return check


def check_dates(articles):
    published = {a.guid: a.published for a in articles}
    assert published["dates-1"] == ""
    clamped = calendar.timegm(time.strptime(published["dates-2"], "%Y-%m-%dT%H:%M:%SZ"))
    assert abs(clamped - time.time()) < 60, "a date in 2099 becomes the time the item was read"
    assert published["dates-3"] == "2024-03-05T10:00:00Z"


CAFE = "Café “quoted” – ok"

FAILING = [
    Hostile("not-xml-at-all", answer(b'\x00\xff{"json": true}'), r"not a feed"),
    Hostile("empty-body", answer(b""), r"not a feed"),
    Hostile("html-page-instead-of-a-feed", answer(b"<!doctype html><html><head><title>Shop</title></head>"
                                                  b"<body><h1>Welcome</h1><p>Buy now</p></body></html>",
                                                  headers={"Content-Type": "text/html"}), r"not a feed"),
    Hostile("billion-laughs", answer(billion_laughs()), r"declares XML entities"),
    Hostile("billion-laughs-in-utf-16", answer(billion_laughs("utf-16"), headers={}), r"declares XML entities"),
    Hostile("external-entities", external_entities, r"declares XML entities"),
    Hostile("streamed-body-over-the-cap", handler(streamed_forever), r"over the 65536-byte cap"),
    Hostile("gzip-zeros-inflating-past-the-cap", gzip_bomb, r"over the 65536-byte cap"),
    Hostile("accepts-and-never-answers", never_answers, r"timed out \(ReadTimeout\)"),
    Hostile("slow-drip-body", handler(drip_body), r"over the 2s deadline"),
    Hostile("slow-drip-headers", handler(drip_headers), r"over the 2s deadline"),
    Hostile("redirect-loop", redirects(["/hostile", "/b", "/c", "/hostile"]), r"redirect loop at .*/hostile$"),
    Hostile("redirect-chain-too-long", redirects(["/hostile"] + [f"/r{i}" for i in range(10)]),
            r"more than 3 redirects"),
    Hostile("http-404", answer(status=404), r"HTTP 404 Not Found"),
    Hostile("http-410", answer(status=410), r"HTTP 410 Gone"),
    Hostile("http-429", answer(status=429, headers={"Retry-After": "120"}), r"HTTP 429 Too Many Requests"),
    Hostile("http-500", answer(status=500), r"HTTP 500 Internal Server Error"),
]

HANDLED = [
    Hostile("truncated-xml", answer(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                                    b'<item><guid>t-1</guid><title>Half a story</title><description>cut <b>off'),
            check=only(["Half a story"])),
    Hostile("external-dtd", external_dtd, check=only(["dtd story 1"])),
    Hostile("windows-1252-declared-utf-8", answer(rss(item("cs", 1, title="@")).replace(b"@", CAFE.encode("cp1252"))),
            check=only([CAFE])),
    Hostile("windows-1252-undeclared", answer(rss(item("cs", 1, title="@"), declaration="")
                                              .replace(b"@", CAFE.encode("cp1252")), headers={}),
            check=only([CAFE])),
    Hostile("utf-8-undeclared", answer(rss(item("cs", 1, title=CAFE), declaration=""),
                                       headers={"Content-Type": "text/xml"}),
            check=only([CAFE])),
    Hostile("duplicate-guids", answer(rss(item("dup", 1), item("dup", 1, title="Same guid, new title"),
                                          item("dup", 2), item("dup", 2, link="https://other.example/2"))),
            check=only(["dup story 1", "dup story 2"])),
    Hostile("missing-and-future-dates", answer(rss(
        item("dates", 1), item("dates", 2, pubDate="Thu, 01 Jan 2099 00:00:00 GMT"),
        item("dates", 3, pubDate="Tue, 05 Mar 2024 10:00:00 GMT"))), check=check_dates),
    Hostile("markup-and-scripts-in-titles", answer(rss(
        item("x", 1, title="<![CDATA[<script>alert(1)</script>Kraken <b>halts</b> withdrawals]]>"),
        item("x", 2, title="&lt;img src=x onerror=alert(2)&gt;Binance &lt;i&gt;lists&lt;/i&gt; SOL"),
        item("x", 3, title="<![CDATA[&lt;script&gt;alert(3)&lt;/script&gt;Bybit &lt;em&gt;fined&lt;/em&gt;]]>"))),
            check=only(["Binance lists SOL", "Bybit fined", "Kraken halts withdrawals"])),
]


def run_beside_good_feeds(case, server, tmp_path, store):
    """Ingest good-a, the hostile feed, good-b; check what must hold whatever the case."""
    (tmp_path / "secret.txt").write_text(SECRET)
    secret = server.add("/secret", body=SECRET.encode())
    for name in ("good-a", "good-b"):
        server.add(f"/{name}", body=rss(item(name, 1), item(name, 2)), headers=FEED_TYPE)
    config = Config(feeds=(FeedSource("good-a", server.url("/good-a")),
                           FeedSource("hostile", case.serve(server, tmp_path)),
                           FeedSource("good-b", server.url("/good-b"))))
    tracemalloc.start()
    started = time.monotonic()
    try:
        report = ingest(config, store, extractor=FakeExtractor(), limits=LIMITS, force=True)
    finally:
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if hasattr(server, "silent"):
            server.silent.close()
    assert elapsed < TIME_BOUND, f"took {elapsed:.1f}s"
    assert peak < MEMORY_BOUND, f"allocated {peak} bytes"
    feeds = {r.name: r for r in report.feeds}
    assert (feeds["good-a"].new_articles, feeds["good-b"].new_articles) == (2, 2)
    assert store.integrity_ok()
    assert secret.hits == 0, "the parser fetched an external entity or DTD"
    stored = list(store.articles())
    for a in stored:
        assert SECRET not in a.title + a.text + a.author
        assert not re.search(r"<\s*/?\s*[a-z]", a.title, re.I), f"markup kept in {a.title!r}"
    return feeds["hostile"], [a for a in stored if a.feed == "hostile"]


@pytest.mark.parametrize("case", FAILING, ids=lambda c: c.name)
def test_a_hostile_feed_fails_alone_with_a_clear_error(case, server, tmp_path, fresh_store):
    report, articles = run_beside_good_feeds(case, server, tmp_path, fresh_store)
    assert report.status == "failed" and re.search(case.error, report.error), report
    assert report.error.startswith("http://127.0.0.1:"), "the error names the feed's URL"
    state = fresh_store.feed_state("hostile")
    assert (state.errors, state.last_error, state.etag) == (1, report.error, "")
    assert articles == []


@pytest.mark.parametrize("case", HANDLED, ids=lambda c: c.name)
def test_a_hostile_feed_is_read_for_what_it_is_worth(case, server, tmp_path, fresh_store):
    report, articles = run_beside_good_feeds(case, server, tmp_path, fresh_store)
    assert report.status == "new", report
    case.check(articles)
