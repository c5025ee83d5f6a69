"""The graph cache beside the store: reused while current, brought up to date with new articles, rebuilt otherwise."""

import hashlib
import json
import logging
import os
import pickle

import pytest
from click.testing import CliRunner

from kg import cache
from kg.cli import main
from kg.models import Entity, Extraction
from kg.query import KnowledgeGraph
from kg.store import Store
from reports import BINANCE, KRAKEN, SEC, report, small_reports, write_store


@pytest.fixture
def store(tmp_path):
    return write_store(tmp_path / "kg.sqlite", small_reports())


@pytest.fixture
def reads(monkeypatch):
    """The ids of the articles each call of ``Store.extractions`` read, one list per call."""
    calls = []
    real = Store.extractions

    def counting(self, **kwargs):
        calls.append([])
        for article, extraction in real(self, **kwargs):
            calls[-1].append(article.id)
            yield article, extraction

    monkeypatch.setattr(Store, "extractions", counting)
    return calls


def state(kg):
    g = kg.to_networkx()
    return dict(g.nodes(data=True)), {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


def rebuilt(store):
    return KnowledgeGraph.open(store, cache=False)


ALL = ["q1", "q4", "q7", "q2", "q5", "q3", "q6"]  # storage order: write_store commits feed by feed


def test_the_first_open_writes_the_cache_and_the_next_reads_no_extraction(store, reads):
    first = KnowledgeGraph.open(store)
    path = cache.cache_path(store)
    written = os.stat(path)
    second = KnowledgeGraph.open(store)
    assert reads == [ALL, []]
    assert state(second) == state(first)
    assert second.neighbors("Binance", limit=1)[0]["name"] == "Changpeng Zhao"  # the name index came back
    assert (os.stat(path).st_ino, os.stat(path).st_mtime_ns) == (written.st_ino, written.st_mtime_ns)  # not rewritten


def test_articles_stored_since_are_added_to_the_cached_graph(store, reads):
    KnowledgeGraph.open(store)
    write_store(store, [report("n1", "2023-06-07T08:00:00Z", "AsiaDesk", [SEC, BINANCE],
                               events=[("LAWSUIT", ["SEC", "Binance"], "2023-06-06")]),  # joins SEC v. Binance
                        report("n2", "2024-02-01T00:00:00Z", "BlockPost", [KRAKEN])])
    kg = KnowledgeGraph.open(store)
    KnowledgeGraph.open(store)
    assert reads[1:] == [["n1", "n2"], []]  # and the cache was written again with them
    assert state(kg) == state(rebuilt(store))
    (suit,) = kg.events(entity="Binance", type="LAWSUIT")
    assert suit["sources"] == 3


@pytest.mark.parametrize("article_id", ["q1", "q7"])  # an early article, and the last (whose row number comes back)
def test_a_re_extraction_rebuilds_the_graph(store, reads, article_id):
    KnowledgeGraph.open(store)
    with Store.open(store) as db:
        db.save_extractions([Extraction(article_id, (Entity("Bitstamp", "EXCHANGE", kb_id="bitstamp"),))], "test/2")
    kg = KnowledgeGraph.open(store)
    assert reads[1] == ALL
    assert kg.entity("Bitstamp")["articles"] == 1
    assert state(kg) == state(rebuilt(store))


def test_an_older_article_extracted_late_rebuilds_the_graph_in_store_order(store, reads):
    late, _ = report("late", "2023-01-01T00:00:00Z", "BlockPost", [BINANCE])
    with Store.open(store) as db:  # stored without an extraction, as when extraction failed
        db.commit_feed("BlockPost", articles=[late], extractions=[], extractor="test", etag="", last_modified="",
                       status="200 ok", next_check=0, now=2.0)
    KnowledgeGraph.open(store)
    write_store(store, [report("n1", "2024-02-01T00:00:00Z", "BlockPost", [KRAKEN])])
    with Store.open(store) as db:
        db.save_extractions([report("late", "", entities=[BINANCE])[1]], "test")
    kg = KnowledgeGraph.open(store)
    assert reads[1] == ALL + ["late", "n1"]
    assert state(kg) == state(rebuilt(store))


def damage(path, data):
    with open(path, "wb") as f:
        f.write(data)


def forged(store, payload, *, header=None):
    """A cache file with a valid header for ``store`` (checksum included) around ``payload``."""
    with Store.open(store) as db:
        head = header or cache._header(db) | {"marks": db.marks(), "sha256": hashlib.sha256(payload).hexdigest()}
        return cache.MAGIC + pickle.dumps(head) + payload


def with_header(path, **changes):
    with open(path, "rb") as f:
        f.read(len(cache.MAGIC))
        head = pickle.load(f)
        rest = f.read()
    return cache.MAGIC + pickle.dumps(head | changes) + rest


class Boom:
    """What a tampered cache would hold: unpickling it runs a command."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("how", ["garbage", "truncated", "flipped byte", "code in the graph", "code in the header",
                                 "another store", "another kg"])
def test_a_damaged_foreign_or_tampered_cache_is_logged_and_rebuilt(store, reads, caplog, tmp_path, how):
    expected = state(KnowledgeGraph.open(store))
    path = cache.cache_path(store)
    good = open(path, "rb").read()
    marker = tmp_path / "ran"
    if how == "garbage":
        damage(path, b"\x80\x05not a pickle at all")
    elif how == "truncated":
        damage(path, good[: len(good) // 2])
    elif how == "flipped byte":
        damage(path, good[:-100] + bytes([good[-100] ^ 1]) + good[-99:])
    elif how == "code in the graph":
        damage(path, forged(store, pickle.dumps(Boom(marker))))
    elif how == "code in the header":
        damage(path, forged(store, b"", header=Boom(marker)))
    elif how == "another store":
        other = write_store(tmp_path / "other.sqlite", small_reports()[:2])
        KnowledgeGraph.open(other)
        os.replace(cache.cache_path(other), path)
    elif how == "another kg":
        damage(path, with_header(path, kg="0.0.1"))
    reads.clear()
    caplog.set_level(logging.INFO, logger="kg.cache")
    kg = KnowledgeGraph.open(store)
    assert state(kg) == expected and reads == [ALL]
    assert not marker.exists()
    assert any("graph cache" in r.getMessage() and "rebuilding" in r.getMessage() for r in caplog.records)
    KnowledgeGraph.open(store)
    assert reads == [ALL, []]  # and written again, sound


def test_the_cache_has_the_store_permissions_and_a_cache_others_can_write_is_not_read(store, reads, caplog):
    os.chmod(store, 0o640)
    KnowledgeGraph.open(store)
    path = cache.cache_path(store)
    assert os.stat(path).st_mode & 0o777 == 0o640
    os.chmod(path, 0o666)
    KnowledgeGraph.open(store)
    assert reads[1] == ALL and "writable by more users than the store" in caplog.text
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_a_cache_that_cannot_be_written_does_not_stop_a_query(store, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache.tempfile, "mkstemp", refuse)
    assert KnowledgeGraph.open(store).entity("CZ")["name"] == "Changpeng Zhao"
    assert "not written" in caplog.text and not os.path.exists(cache.cache_path(store))


def test_views_networkx_caches_on_the_graph_come_back_from_the_cache(store):
    kg = KnowledgeGraph.open(store)
    g = kg.to_networkx()
    for name in ("nodes", "edges", "adj", "succ", "pred", "in_edges", "out_edges", "degree", "in_degree",
                 "out_degree"):
        getattr(g, name)
    with Store.open(store) as db:
        cache.write(db, g, db.marks())
        with db.snapshot():
            back = cache.read(db)
    assert back is not None and dict(back.graph.in_degree) == dict(g.in_degree)


def test_kg_query_answers_when_the_cache_is_damaged(store, caplog):
    runner = CliRunner()
    runner.invoke(main, ["query", "stats", "--store", str(store)])
    damage(cache.cache_path(store), b"junk")
    result = runner.invoke(main, ["query", "entity", "CZ", "--store", str(store), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["name"] == "Changpeng Zhao"
    assert "not a kg graph cache" in caplog.text


def test_kg_query_uses_the_cache_after_kg_ingest_style_commits(store, reads):
    """Feeds committed one after another (as ``kg ingest`` does) are each read once."""
    runner = CliRunner()
    for i in range(3):
        write_store(store, [report(f"n{i}", f"2024-02-0{i + 1}T00:00:00Z", "BlockPost", [KRAKEN])])
        assert runner.invoke(main, ["query", "stats", "--store", str(store)]).exit_code == 0
    assert reads == [ALL + ["n0"], ["n1"], ["n2"]]


@pytest.mark.parametrize("use_cache", [False, True, True])  # built, then written to the cache, then read from it
def test_a_graph_out_of_the_collectors_reach_is_still_freed_when_dropped(store, use_cache):
    """Opening freezes the graph out of the cyclic collector; without reference cycles it is freed all the same."""
    import gc
    import weakref

    kg = KnowledgeGraph.open(store, cache=use_cache)
    graph, index = weakref.ref(kg.graph), weakref.ref(kg.index)
    assert gc.get_freeze_count() > 0
    kg.store.close()
    del kg
    assert graph() is None and index() is None  # reference counting alone, no gc.collect()
