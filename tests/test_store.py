import sqlite3

import pytest

from kg.errors import StoreError, StoreLockedError
from kg.models import Article, Entity, Extraction
from kg.store import SCHEMA_VERSION, Store


def article(i, **kw):
    base = dict(id=f"a{i}", title=f"Title {i}", text=f"Text {i}", url=f"https://n.example/{i}", feed="F",
                guid=f"g{i}", content_hash=f"h{i}")
    base.update(kw)
    return Article(**base)


def test_the_store_uses_wal_and_records_its_schema_version(fresh_store):
    assert fresh_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = fresh_store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert int(row[0]) == SCHEMA_VERSION


def test_commit_feed_stores_articles_extractions_and_validators_together(fresh_store):
    fresh_store.ensure_feed("F", "https://f.example/rss")
    x = Extraction("a1", entities=(Entity("Kraken", "EXCHANGE"),))
    stored = fresh_store.commit_feed("F", articles=[article(1)], extractions=[x], extractor="v1", etag='"e1"',
                                     last_modified="", status="200 ok", next_check=0, now=1.0)
    assert stored == 1
    assert fresh_store.feed_state("F").etag == '"e1"'
    ((a, got),) = list(fresh_store.extractions())
    assert a.id == "a1" and got.entities[0].name == "Kraken"


def test_a_failure_inside_the_transaction_leaves_feed_and_articles_untouched(fresh_store):
    fresh_store.ensure_feed("F", "https://f.example/rss")

    class Boom(Exception):
        pass

    def exploding():
        yield Extraction("a1")
        raise Boom

    with pytest.raises(Boom):
        fresh_store.commit_feed("F", articles=[article(1)], extractions=exploding(), extractor="v1", etag='"e2"',
                                last_modified="", status="200 ok", next_check=0, now=1.0)
    assert fresh_store.feed_state("F").etag == ""
    assert fresh_store.counts()["articles"] == 0


def test_known_articles_are_found_by_guid_url_or_content(fresh_store):
    fresh_store.ensure_feed("F", "u")
    fresh_store.commit_feed("F", articles=[article(1)], extractions=[], extractor="", etag="", last_modified="",
                            status="", next_check=0, now=1.0)
    assert fresh_store.known(article(9, guid="g1"))
    assert fresh_store.known(article(9, url="https://n.example/1"))
    assert fresh_store.known(article(9, content_hash="h1"))
    assert not fresh_store.known(article(9))


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path):
    a, b = Store.open(tmp_path / "s.sqlite"), Store.open(tmp_path / "s.sqlite")
    with a.writer_lock():
        with pytest.raises(StoreLockedError, match="another kg ingestion is running"):
            with b.writer_lock(wait=0.2):
                pass


def test_a_store_from_a_newer_kg_is_refused(tmp_path):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this kg supports"):
        Store.open(path)


def test_a_version_1_store_is_backed_up_then_upgraded_in_place(tmp_path):
    path = tmp_path / "s.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE feeds (name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '',
            last_modified TEXT NOT NULL DEFAULT '', next_check REAL NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0, last_status TEXT NOT NULL DEFAULT '',
            last_error TEXT NOT NULL DEFAULT '', last_checked REAL NOT NULL DEFAULT 0,
            last_success REAL NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0);
        INSERT INTO feeds(name, url, etag) VALUES ('F', 'https://f.example/rss', '"kept"');
    """)
    conn.close()
    with Store.open(path) as store:
        state = store.feed_state("F")
    assert (state.etag, state.configured_url) == ('"kept"', "https://f.example/rss")
    assert (tmp_path / "s.sqlite.v1.bak").exists()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a usable kg store"):
        Store.open(path)


def test_opening_a_missing_store_for_reading_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="run `kg ingest` first"):
        Store.open(tmp_path / "none.sqlite", create=False)
