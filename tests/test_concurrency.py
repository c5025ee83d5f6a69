"""Two ingestions at once, and readers during ingestion."""

import itertools
import threading

import pytest
from click.testing import CliRunner

from conftest import FakeExtractor, item, rss, wait_for
from kg.cli import main
from kg.config import Config
from kg.errors import EXIT_LOCKED, EXIT_OK
from kg.ingest import ingest
from kg.models import FeedSource
from kg.query import KnowledgeGraph
from kg.store import Store


@pytest.fixture
def fake_extractor(monkeypatch):
    """The CLI's ingestion with the fake extractor, so no spaCy model loads."""
    monkeypatch.setattr("kg.ingest.Extractor", lambda model=None: FakeExtractor())


@pytest.fixture
def held_feed(server):
    """/slow answers only once ``release`` is set: an ingestion fetching it holds the store's lock till then."""
    release = threading.Event()

    def slow(h):
        release.wait(10)
        body = rss(item("slow", 1))
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    route = server.add("/slow", body=slow)
    route.release = release
    yield route
    release.set()


def first_ingestion(server, store_path, route):
    """An ingestion (holding the writer lock as `kg ingest` does) stuck on /slow, in a thread."""
    result = {}

    def run():
        with Store.open(store_path) as db, db.writer_lock():
            config = Config(feeds=(FeedSource("slow", server.url("/slow")),))
            result["report"] = ingest(config, db, extractor=FakeExtractor(), force=True)

    thread = threading.Thread(target=run)
    thread.start()
    assert wait_for(lambda: route.hits == 1)
    return thread, result


def test_a_second_ingestion_exits_3_with_a_clear_message(server, tmp_path, held_feed, fake_extractor):
    server.add("/quick", body=rss(item("quick", 1)))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: quick\n    url: {server.url('/quick')}\n")
    store = tmp_path / "kg.sqlite"
    thread, first = first_ingestion(server, store, held_feed)

    second = CliRunner().invoke(main, ["ingest", "--feeds", str(feeds), "--store", str(store)])
    assert second.exit_code == EXIT_LOCKED
    assert f"kg: error: {store}: another kg ingestion is running (lock {store}.lock)" in second.output
    assert server.routes["/quick"].hits == 0, "the second ingestion fetched nothing"

    held_feed.release.set()
    thread.join(10)
    assert first["report"].new_articles == 1
    third = CliRunner().invoke(main, ["ingest", "--feeds", str(feeds), "--store", str(store)])
    assert third.exit_code == EXIT_OK, third.output
    with Store.open(store) as db:
        assert db.integrity_ok() and db.counts()["articles"] == 2


def test_a_second_ingestion_with_wait_runs_once_the_first_is_done(server, tmp_path, held_feed, fake_extractor):
    server.add("/quick", body=rss(item("quick", 1)))
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: quick\n    url: {server.url('/quick')}\n")
    store = tmp_path / "kg.sqlite"
    thread, _ = first_ingestion(server, store, held_feed)
    threading.Timer(0.5, held_feed.release.set).start()
    second = CliRunner().invoke(main, ["ingest", "--feeds", str(feeds), "--store", str(store), "--wait", "10"])
    thread.join(10)
    assert second.exit_code == EXIT_OK, second.output
    assert "quick: new, 1 new articles" in second.output


RUNS = 30


def test_readers_never_error_while_ingestion_writes(server, tmp_path):
    counter = itertools.count()

    def growing(h):
        body = rss(*[item("grow", next(counter)) for _ in range(20)])
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    server.add("/grow", body=growing)
    path = tmp_path / "kg.sqlite"
    Store.open(path).close()
    config = Config(feeds=(FeedSource("grow", server.url("/grow")),))
    done = threading.Event()

    def write():
        try:
            with Store.open(path) as db, db.writer_lock():
                for _ in range(RUNS):
                    ingest(config, db, extractor=FakeExtractor(), force=True)
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()
    seen = []
    while not done.is_set() or len(seen) < 3:
        with Store.open(path, create=False) as reader:
            # One statement, one snapshot: an article is never visible without its extraction.
            articles, extractions = reader.conn.execute(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM extractions)").fetchone()
            assert articles == extractions
            assert len(list(reader.extractions())) >= articles
        assert KnowledgeGraph.open(path).stats()["articles"] >= articles
        seen.append(articles)
    writer.join()
    assert seen == sorted(seen) and len(set(seen)) > 3, "the reads saw the store grow"
    with Store.open(path) as db:
        assert db.counts()["articles"] == 20 * RUNS and db.integrity_ok()
