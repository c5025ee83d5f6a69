"""Shared fixtures: the spaCy pipeline loaded once, a real HTTP server on 127.0.0.1, fresh stores
(each test that takes one runs twice: on SQLite and on a throwaway PostgreSQL server).

Also a ``FakeExtractor`` and an ``rss`` builder for tests about feeds rather than language.
"""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.extract import Extractor
from kg.models import Extraction
from kg.store import Store
from pgserver import PostgresServer, find_bin, user_exists

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = Path(__file__).resolve().parent.parent / "kg" / "data" / "sample"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server on 127.0.0.1 for the whole session (skipped only where none is installed)."""
    bindir = find_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
                    "(apt-get install postgresql; .ci/run does)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
    if os.geteuid() == 0 and not user_exists("postgres"):
        pytest.skip("running as root, and there is no 'postgres' user to run the PostgreSQL server as")
    server = PostgresServer(bindir)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_path(request, tmp_path) -> str:
    """Where a new store goes: a SQLite file, then (the same test again) a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "kg.sqlite")
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def fresh_store(store_path) -> Store:
    store = Store.open(store_path)
    yield store
    store.close()


class FakeExtractor:
    """Stands in for spaCy where a test is about feeds: one empty ``Extraction`` per article."""

    version = "fake/1"

    def __init__(self):
        self.seen = []

    def extract(self, articles):
        articles = list(articles)
        self.seen += articles
        return [Extraction(a.id) for a in articles]


def item(feed: str, n: int, **fields) -> dict:
    """One RSS item's elements (raw XML values), unique per ``feed`` and ``n``."""
    base = {"title": f"{feed} story {n}", "guid": f"{feed}-{n}", "link": f"https://news.example/{feed}/{n}",
            "description": f"Body of {feed} story {n}."}
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def rss(*items: dict, channel: str = "", declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    """An RSS 2.0 feed of ``items`` (dicts of element -> raw XML), ``channel`` extra channel elements."""
    body = "".join("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in i.items()) + "</item>" for i in items)
    return f'{declaration}<rss version="2.0"><channel><title>Feed</title>{channel}{body}</channel></rss>'.encode()


class Route:
    """What the server answers on one path: status, headers, body (bytes or a callable writing chunks)."""

    def __init__(self, body=b"", status=200, headers=None, etag=None):
        self.body, self.status, self.headers, self.etag = body, status, dict(headers or {}), etag
        self.hits = 0
        self.request_headers = []


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route.hits += 1
                route.request_headers.append(dict(self.headers))
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if callable(route.body):
                    route.body(self)
                    return
                self.send_response(route.status)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def add(self, path: str, **kwargs) -> Route:
        self.routes[path] = Route(**kwargs)
        return self.routes[path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()


def wait_for(predicate, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False



# crafted graphs (no spaCy model) -------------------------------------------------

XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>")
HOSTILE_NAME = XSS[1]


def crafted_pairs():
    """Hand-made extractions: exchanges, regulators, a person, an asset, places, five events, and one
    article whose title, text, URL, names and sentences are script-injection payloads."""
    from kg.models import Article, Entity, Event, Evidence, Extraction, Relation

    def ev(sentence):
        return Evidence(sentence, 0, len(sentence))

    def article(aid, title, day, url=None):
        return Article(id=aid, title=title, text=title, url=url or f"https://news.example/{aid}",
                       published=f"{day}T10:00:00+00:00", feed="crafted")

    binance = Entity("Binance", "EXCHANGE", aliases=("Binance.com",), mentions=4)
    sec = Entity("Securities and Exchange Commission", "REGULATOR", aliases=("SEC",), mentions=2)
    cftc = Entity("Commodity Futures Trading Commission", "REGULATOR", aliases=("CFTC",))
    cz = Entity("Changpeng Zhao", "PERSON", aliases=("CZ",), mentions=2)
    kraken = Entity("Kraken", "EXCHANGE")
    sf = Entity("San Francisco", "LOCATION")
    bitcoin = Entity("Bitcoin", "ASSET", aliases=("BTC",))
    tether = Entity("Tether", "ORGANIZATION")
    evil = Entity(HOSTILE_NAME, "ORGANIZATION", aliases=(XSS[2],))
    evil_place = Entity(XSS[0], "LOCATION")
    payload = " ".join(XSS)
    return [
        (article("a1", "SEC investigates Binance", "2022-06-01"),
         Extraction("a1", (binance, sec), events=(
             Event("INVESTIGATION", (sec.name, "Binance"), "2022-06-01", "",
                   ev("The SEC opened an investigation into Binance.")),))),
        (article("a2", "CFTC sues Binance and its chief executive", "2023-03-27"),
         Extraction("a2", (cftc, binance, cz),
                    relations=(Relation("Changpeng Zhao", "WORKS_FOR", "Binance", "CEO",
                                        ev("Changpeng Zhao, Binance's chief executive.")),),
                    events=(Event("LAWSUIT", (cftc.name, "Binance", "Changpeng Zhao"), "2023-03-27", "",
                                  ev("The CFTC sued Binance and Changpeng Zhao on Monday.")),))),
        (article("a3", "Kraken lists bitcoin futures", "2021-02-01"),
         Extraction("a3", (kraken, sf, bitcoin),
                    relations=(Relation("Kraken", "BASED_IN", "San Francisco", "", ev("San Francisco-based Kraken.")),),
                    events=(Event("LISTING", ("Kraken", "Bitcoin"), "2021-02-01", "",
                                  ev("Kraken listed bitcoin futures.")),))),
        (article("a4", "Binance hacked", "2019-05-07"),
         Extraction("a4", (binance, bitcoin), events=(
             Event("HACK", ("Binance", "Bitcoin"), "2019-05-07", "",
                   ev("Hackers stole 7,000 bitcoin from Binance.")),))),
        (article("a5", "Tether publishes attestation", "2020-01-15"), Extraction("a5", (tether,))),
        (article("a6", f"{payload} Evil exchange", "2024-02-02", url="javascript:alert(1)"),
         Extraction("a6", (evil, binance, evil_place),
                    relations=(Relation(HOSTILE_NAME, "BASED_IN", XSS[0], XSS[1], ev(payload)),),
                    events=(Event("HACK", (HOSTILE_NAME, "Binance"), "2024-02-02", "",
                                  ev(f"{payload} was hacked.")),))),
    ]


CRAFTED_NODES = 15  # 10 entities and 5 events
CRAFTED_LINKS = 14  # 11 event participations and 3 relations


@pytest.fixture
def crafted_kg():
    from kg.query import KnowledgeGraph

    return KnowledgeGraph.from_extractions(crafted_pairs())
