"""The store on SQLite and on PostgreSQL: every test taking ``fresh_store`` or ``store_path`` runs on both."""

import sqlite3
import threading

import pytest

from kg.dialects import dialect_for
from kg.errors import StoreError, StoreLockedError
from kg.models import Article, Entity, Extraction
from kg.query import KnowledgeGraph
from kg.store import SCHEMA_VERSION, Store
from reports import small_reports, write_store


def article(i, **kw):
    base = dict(id=f"a{i}", title=f"Title {i}", text=f"Text {i}", url=f"https://n.example/{i}", feed="F",
                guid=f"g{i}", content_hash=f"h{i}")
    base.update(kw)
    return Article(**base)


def commit(store, articles, extractions=(), extractor="v1", etag=""):
    return store.commit_feed("F", articles=articles, extractions=extractions, extractor=extractor, etag=etag,
                             last_modified="", status="200 ok", next_check=0, now=1.0)


def test_the_store_records_its_schema_version(fresh_store):
    row = fresh_store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert int(row[0]) == SCHEMA_VERSION


def test_a_sqlite_store_uses_wal(tmp_path):
    with Store.open(tmp_path / "kg.sqlite") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_commit_feed_stores_articles_extractions_and_validators_together(fresh_store):
    fresh_store.ensure_feed("F", "https://f.example/rss")
    x = Extraction("a1", entities=(Entity("Kraken", "EXCHANGE"),))
    assert commit(fresh_store, [article(1)], [x], etag='"e1"') == 1
    assert fresh_store.feed_state("F").etag == '"e1"'
    ((a, got),) = list(fresh_store.extractions())
    assert a == article(1) and got == x


def test_commit_feed_counts_only_articles_not_stored_yet(fresh_store):
    fresh_store.ensure_feed("F", "u")
    assert commit(fresh_store, [article(1), article(2)]) == 2
    assert commit(fresh_store, [article(2), article(3)]) == 1
    assert fresh_store.feed_state("F").articles == 3
    assert fresh_store.article_ids() == ["a1", "a2", "a3"]


def test_a_failure_inside_the_transaction_leaves_feed_and_articles_untouched(fresh_store):
    fresh_store.ensure_feed("F", "https://f.example/rss")

    class Boom(Exception):
        pass

    def exploding():
        yield Extraction("a1")
        raise Boom

    with pytest.raises(Boom):
        commit(fresh_store, [article(1)], exploding(), etag='"e2"')
    assert fresh_store.feed_state("F").etag == ""
    assert fresh_store.counts()["articles"] == 0


def test_known_articles_are_found_by_guid_url_or_content(fresh_store):
    fresh_store.ensure_feed("F", "u")
    commit(fresh_store, [article(1)])
    assert fresh_store.known(article(9, guid="g1"))
    assert fresh_store.known(article(9, url="https://n.example/1"))
    assert fresh_store.known(article(9, content_hash="h1"))
    assert not fresh_store.known(article(9))


def test_a_feed_whose_configured_url_changes_starts_afresh(fresh_store):
    fresh_store.ensure_feed("F", "https://old.example/rss")
    commit(fresh_store, [], etag='"old"')
    state = fresh_store.ensure_feed("F", "https://new.example/rss")
    assert (state.url, state.configured_url, state.etag) == ("https://new.example/rss",) * 2 + ("",)


def test_saving_an_extraction_again_replaces_it(fresh_store):
    fresh_store.ensure_feed("F", "u")
    commit(fresh_store, [article(1), article(2)], [Extraction("a1"), Extraction("a2")], extractor="v1")
    assert fresh_store.unextracted_ids("v2") == ["a1", "a2"]
    newer = Extraction("a1", entities=(Entity("Kraken", "EXCHANGE"),))
    fresh_store.save_extractions([newer], "v2")
    fresh_store.save_extractions([newer], "v2")
    assert fresh_store.counts() == {"articles": 2, "extractions": 2, "feeds": 1}
    assert [a.id for a in fresh_store.unextracted("v2")] == fresh_store.unextracted_ids("v2") == ["a2"]
    assert dict((a.id, x) for a, x in fresh_store.extractions(ids=["a1"])) == {"a1": newer}


def test_articles_are_read_by_id_in_storage_order(fresh_store):
    fresh_store.ensure_feed("F", "u")
    commit(fresh_store, [article(i) for i in range(1, 5)])
    assert [a.id for a in fresh_store.articles(ids=["a4", "a2", "missing"])] == ["a2", "a4"]
    assert [a.id for a in fresh_store.articles()] == ["a1", "a2", "a3", "a4"]


def test_text_with_nul_characters_is_stored_at_its_length(fresh_store):
    fresh_store.ensure_feed("F", "u")
    nul = article(1, title="Kraken\x00 hacked", text="It said\x00 so.", guid="g\x00")
    assert commit(fresh_store, [nul]) == 1
    (got,) = fresh_store.articles()
    # SQLite keeps NUL; PostgreSQL's text cannot hold it and gets U+FFFD, one character for one
    assert got.text.replace("\x00", "\ufffd") == "It said\ufffd so." and len(got.title) == len(nul.title)
    assert fresh_store.known(nul)


def test_a_reader_is_never_blocked_by_an_open_write(store_path):
    with Store.open(store_path) as writer, Store.open(store_path) as reader:
        writer.ensure_feed("F", "u")
        with writer.transaction():  # open, not committed, while the reader reads
            writer.conn.execute("INSERT INTO articles(id, feed, title, text, content_hash, stored_at) "
                                "VALUES (?, ?, ?, ?, ?, ?)", ("a1", "F", "t", "x", "h", 1.0))
            seen = []
            reading = threading.Thread(target=lambda: seen.append(reader.counts()["articles"]))
            reading.start()
            reading.join(5)
            assert seen == [0], "the reader answered at once, from before the write"
        assert reader.counts()["articles"] == 1


def test_a_second_writer_is_refused_with_a_clear_error(store_path):
    a, b = Store.open(store_path), Store.open(store_path)
    with a.writer_lock():
        with pytest.raises(StoreLockedError, match="another kg ingestion is running"):
            with b.writer_lock(wait=0.2):
                pass
    with b.writer_lock():  # released with the first writer
        pass
    a.close()
    b.close()


def test_a_store_from_a_newer_kg_is_refused(store_path):
    with Store.open(store_path) as store:
        store.conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="newer than this kg supports"):
        Store.open(store_path)


V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE TABLE feeds (name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '', next_check {real} NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0, last_status TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '', last_checked {real} NOT NULL DEFAULT 0,
    last_success {real} NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0);
INSERT INTO feeds(name, url, etag) VALUES ('F', 'https://f.example/rss', '"kept"');
"""


def backed_up_etag(store_path):
    """The feed's ETag in the backup the upgrade made: a file beside a SQLite store, a schema on the server."""
    if dialect_for(store_path).name == "sqlite":
        with sqlite3.connect(store_path + ".v1.bak") as conn:
            return conn.execute("SELECT etag FROM feeds").fetchone()[0]
    with Store.open(store_path) as store:
        return store.conn.execute("SELECT etag FROM public_v1_bak.feeds").fetchone()[0]


def test_a_version_1_store_is_backed_up_then_upgraded_in_place(store_path):
    dialect = dialect_for(store_path)
    conn = dialect.connect(store_path, create=True)
    for stmt in dialect.statements(V1):
        conn.execute(stmt)
    conn.close()
    with Store.open(store_path) as store:
        state = store.feed_state("F")
        version = store.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert (state.etag, state.configured_url, int(version)) == ('"kept"', "https://f.example/rss", SCHEMA_VERSION)
    assert backed_up_etag(store_path) == '"kept"'


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a usable kg store"):
        Store.open(path)


def test_opening_a_missing_store_for_reading_says_how_to_make_one(store_path):
    with pytest.raises(StoreError, match="run `kg ingest` first"):
        Store.open(store_path, create=False)


def test_a_server_that_cannot_be_reached_is_a_store_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        Store.open("postgresql://kg:s3cret@127.0.0.1:1/kg")
    assert "s3cret" not in str(info.value) and "kg:***@127.0.0.1:1/kg" in str(info.value)


def test_an_unknown_url_scheme_is_refused():
    with pytest.raises(StoreError, match="unsupported store URL scheme 'mysql'"):
        Store.open("mysql://kg@127.0.0.1/kg")


def test_the_graph_of_a_store_is_the_same_on_both_databases(store_path):
    write_store(store_path, small_reports())
    from_store = KnowledgeGraph.open(store_path)
    expected = KnowledgeGraph.from_extractions(small_reports())
    assert from_store.stats() == expected.stats()
    assert from_store.neighbors("Binance") == expected.neighbors("Binance")
