"""The store: feed state, articles and extractions, in SQLite (a file, the default) or PostgreSQL (a URL).

One feed's new articles, their extractions and the feed's new validators
(ETag, Last-Modified) are written in one transaction (``Store.commit_feed``),
so a crash at any point leaves either all of it or none of it: a feed is never
advanced past articles that were not stored. Readers never block the writer
(SQLite's WAL, PostgreSQL's MVCC), and a second writer is kept out by the
writer lock (``Store.writer_lock``: a lock file, or an advisory lock on the
server). Both databases get the same schema, written once; ``kg.dialects``
holds the little that differs.
"""

from __future__ import annotations

import json
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, Iterator

from .dialects import Dialect, dialect_for, redact
from .errors import StoreError
from .models import Article, Extraction

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

# Written for both dialects: {real} and {serial_key} are the dialect's types, and {extractions_rowid}
# gives PostgreSQL the write-order ``rowid`` that SQLite has implicitly.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    configured_url TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    next_check {real} NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    last_status TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    last_checked {real} NOT NULL DEFAULT 0,
    last_success {real} NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    seq {serial_key},
    id TEXT NOT NULL UNIQUE,
    feed TEXT NOT NULL,
    guid TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    stored_at {real} NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_guid ON articles(guid) WHERE guid != '';
CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url != '';
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    extractor TEXT NOT NULL,
    data TEXT NOT NULL,
    extracted_at {real} NOT NULL{extractions_rowid}
);
"""

# Upgrades from the previous version, by target version: an older store is backed up, then
# upgraded in place.
MIGRATIONS = {
    2: """
ALTER TABLE feeds ADD COLUMN configured_url TEXT NOT NULL DEFAULT '';
UPDATE feeds SET configured_url = url;
""",
}


ARTICLE_COLUMNS = ("id", "feed", "guid", "url", "title", "text", "published", "author", "content_hash")


@dataclass(frozen=True)
class FeedState:
    name: str
    url: str  # where the feed is fetched now (moved by permanent redirects)
    configured_url: str = ""  # what feeds.yaml said; a change there starts the feed afresh
    etag: str = ""
    last_modified: str = ""
    next_check: float = 0.0
    errors: int = 0
    last_status: str = ""
    last_error: str = ""
    last_checked: float = 0.0
    last_success: float = 0.0
    articles: int = 0


class Store:
    """The project's database. Open with ``Store.open(path_or_url)``.

    >>> with Store.open(":memory:") as store:
    ...     store.counts()
    {'articles': 0, 'extractions': 0, 'feeds': 0}
    """

    def __init__(self, path: str, conn, dialect: Dialect):
        self.path = path  # a file path or a server URL, as given
        self.conn = conn
        self.dialect = dialect

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = True) -> "Store":
        """The store at ``path``: a SQLite file, or a ``postgresql://user@host:port/db`` URL.

        ``create=False`` refuses to make a store where there is none (for readers).
        """
        path = str(path)
        dialect = dialect_for(path)
        conn = None
        try:
            conn = dialect.connect(path, create=create)
            store = cls(path, conn, dialect)
            store._migrate(create=create)
        except StoreError:  # first: without psycopg, ``dialect.errors`` cannot even be named
            if conn is not None:
                conn.close()
            raise
        except dialect.errors as exc:
            if conn is not None:
                conn.close()
            raise StoreError(f"{redact(path)}: not a usable kg store ({exc})") from None
        return store

    @property
    def label(self) -> str:
        """The store's path or URL for messages (without a URL's password)."""
        return redact(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # schema -----------------------------------------------------------------

    def _migrate(self, *, create: bool = True) -> None:
        version = 0
        if self.dialect.table_exists(self.conn, "meta"):
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.label}: store schema version {version} is newer than this kg supports "
                f"({SCHEMA_VERSION}); upgrade kg")
        if version == SCHEMA_VERSION:
            return
        if not version and not create and self.dialect.name != "sqlite":
            # (a SQLite file that exists is a store: perhaps one whose writer is creating its schema now)
            raise StoreError(f"{self.label}: no store here; run `kg ingest` first")
        if version:
            backup = self.dialect.backup(self.conn, self.path, version)
            log.warning("upgrading %s from schema %d to %d; backup at %s", self.label, version, SCHEMA_VERSION, backup)
        with self.transaction():
            if version == 0:
                for stmt in self.dialect.statements(SCHEMA):
                    self.conn.execute(stmt)
            for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1) if version else ():
                for stmt in self.dialect.statements(MIGRATIONS[step]):
                    self.conn.execute(stmt)
            self.conn.execute(self.dialect.upsert("meta", ("key", "value"), key="key"),
                              ("schema_version", str(SCHEMA_VERSION)))

    @contextmanager
    def transaction(self) -> Iterator[object]:
        self.conn.execute(self.dialect.begin)
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read in one transaction: every read inside sees the store as the first one did."""
        self.conn.execute(self.dialect.begin_snapshot)
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    @contextmanager
    def writer_lock(self, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the store's writer lock; raise ``StoreLockedError`` if busy after ``wait`` seconds."""
        with self.dialect.writer_lock(self.conn, self.path, wait=wait):
            yield

    # feeds ------------------------------------------------------------------

    def feed_state(self, name: str) -> FeedState | None:
        row = self.conn.execute("SELECT * FROM feeds WHERE name=?", (name,)).fetchone()
        return FeedState(**dict(row)) if row else None

    def feed_states(self) -> list[FeedState]:
        return [FeedState(**dict(r)) for r in self.conn.execute("SELECT * FROM feeds ORDER BY name")]

    def ensure_feed(self, name: str, url: str) -> FeedState:
        """The feed's state; a feed whose configured URL changed starts again from that URL."""
        with self.transaction():
            self.conn.execute(self.dialect.insert_ignore("feeds", ("name", "url", "configured_url")),
                              (name, url, url))
            self.conn.execute(
                "UPDATE feeds SET url=?, configured_url=?, etag='', last_modified='', next_check=0 "
                "WHERE name=? AND configured_url != ?", (url, url, name, url))
        return self.feed_state(name)

    def record_feed_error(self, name: str, *, status: str, error: str, next_check: float, now: float) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE feeds SET errors=errors+1, last_status=?, last_error=?, next_check=?, last_checked=? "
                "WHERE name=?", (status, error, next_check, now, name))

    def commit_feed(self, name: str, *, articles: Iterable[Article], extractions: Iterable[Extraction],
                    extractor: str, etag: str, last_modified: str, status: str, next_check: float,
                    now: float, url: str | None = None) -> int:
        """Store one feed's new articles and extractions and advance the feed, atomically."""
        articles = list(articles)
        with self.transaction():
            stored = self._insert_articles(articles, now)
            self._insert_extractions(extractions, extractor, now)
            self.conn.execute(
                "UPDATE feeds SET etag=?, last_modified=?, errors=0, last_status=?, last_error='', "
                "next_check=?, last_checked=?, last_success=?, articles=articles+?, url=COALESCE(?, url) "
                "WHERE name=?",
                (etag, last_modified, status, next_check, now, now, stored, url, name))
        return stored

    # articles ---------------------------------------------------------------

    def known(self, article: Article) -> bool:
        """Is this article (by id, guid, canonical URL or content hash) stored already?"""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id=? OR (guid != '' AND guid=?) OR (url != '' AND url=?) "
            "OR content_hash=? LIMIT 1",
            (article.id, article.guid, article.url, article.content_hash)).fetchone()
        return row is not None

    def _insert_articles(self, articles: list[Article], now: float) -> int:
        if not articles:
            return 0
        cursor = self.conn.executemany(
            self.dialect.insert_ignore("articles", ARTICLE_COLUMNS + ("stored_at",)),
            [(a.id, a.feed, a.guid, a.url, a.title, a.text, a.published, a.author, a.content_hash, now)
             for a in articles])
        return cursor.rowcount

    def _insert_extractions(self, extractions: Iterable[Extraction], extractor: str, now: float) -> None:
        self.conn.executemany(
            self.dialect.upsert("extractions", ("article_id", "extractor", "data", "extracted_at"), key="article_id"),
            [(x.article_id, extractor, json.dumps(x.to_dict(), separators=(",", ":")), now) for x in extractions])

    def save_extractions(self, extractions: Iterable[Extraction], extractor: str) -> None:
        with self.transaction():
            self._insert_extractions(extractions, extractor, time.time())

    def articles(self, *, ids: Iterable[str] | None = None) -> Iterator[Article]:
        fields = "id, title, text, url, published, feed, guid, author, content_hash"
        if ids is None:
            rows = self.conn.execute(f"SELECT {fields} FROM articles ORDER BY seq")
        else:
            ids = list(ids)
            rows = self.conn.execute(
                f"SELECT {fields} FROM articles WHERE {self.dialect.in_list('id')} ORDER BY seq",
                (self.dialect.list_param(ids),))
        for row in rows:
            yield Article(**dict(row))

    def article_ids(self) -> list[str]:
        """Every stored article's id, in storage order (no text read)."""
        return [row[0] for row in self.conn.execute("SELECT id FROM articles ORDER BY seq")]

    def extractions(self, *, ids: Iterable[str] | None = None,
                    after: dict | None = None) -> Iterator[tuple[Article, Extraction]]:
        """Stored articles with their extractions, in storage order; ``after``: only those written since ``marks()``."""
        query = ("SELECT a.id, a.title, a.text, a.url, a.published, a.feed, a.guid, a.author, a.content_hash, "
                 "x.data FROM articles a JOIN extractions x ON x.article_id = a.id")
        if after is not None:
            rows = self.conn.execute(query + " WHERE x.rowid > ? ORDER BY a.seq", (after["extraction_row"],))
        elif ids is None:
            rows = self.conn.execute(query + " ORDER BY a.seq")
        else:
            rows = self.conn.execute(query + f" WHERE {self.dialect.in_list('a.id')} ORDER BY a.seq",
                                     (self.dialect.list_param(list(ids)),))
        for row in rows:
            row = dict(row)
            data = json.loads(row.pop("data"))
            yield Article(**row), Extraction.from_dict(data)

    def unextracted(self, extractor: str) -> list[Article]:
        """Articles with no extraction, or one made by another extractor version."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.text, a.url, a.published, a.feed, a.guid, a.author, a.content_hash "
            "FROM articles a LEFT JOIN extractions x ON x.article_id = a.id "
            "WHERE x.article_id IS NULL OR x.extractor != ? ORDER BY a.seq", (extractor,))
        return [Article(**dict(r)) for r in rows]

    def unextracted_ids(self, extractor: str) -> list[str]:
        """The ids of ``unextracted(extractor)``, in storage order, without reading any text."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN extractions x ON x.article_id = a.id "
            "WHERE x.article_id IS NULL OR x.extractor != ? ORDER BY a.seq", (extractor,))
        return [r[0] for r in rows]

    def counts(self) -> dict:
        one = lambda q: self.conn.execute(q).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"),
                "extractions": one("SELECT COUNT(*) FROM extractions"),
                "feeds": one("SELECT COUNT(*) FROM feeds")}

    def marks(self) -> dict:
        """Where the store stands, read without scanning a table (for caches of what was built from it).

        The number of articles and of extractions; the last article (``article_seq``, with its id and
        content hash) and the last extraction row written (``extraction_row``, with its article and
        time). Writing an extraction, a re-extraction too (it replaces the row), makes it the last row.
        """
        one = lambda q: self.conn.execute(q).fetchone()  # noqa: E731
        article = one("SELECT seq, id, content_hash FROM articles ORDER BY seq DESC LIMIT 1")
        extraction = one("SELECT rowid, article_id, extracted_at FROM extractions ORDER BY rowid DESC LIMIT 1")
        return {"articles": one("SELECT COUNT(*) FROM articles")[0],
                "extractions": one("SELECT COUNT(*) FROM extractions")[0],
                "article_seq": article[0] if article else 0, "article": list(article[1:]) if article else [],
                "extraction_row": extraction[0] if extraction else 0,
                "extraction": list(extraction[1:]) if extraction else []}

    def change_counter(self) -> int | None:
        """A number that changes when another connection writes to the store (SQLite's data_version),
        cheap enough to read before every query; None for PostgreSQL, where ``marks`` must tell."""
        return self.dialect.change_counter(self.conn)

    def only_added_since(self, marks: dict) -> bool:
        """Has the store only gained articles, and extractions of those, since ``marks``?

        False after a re-extraction (the old rows are gone), an extraction of an older article, or
        in another store; ``extractions(after=marks)`` then reads what was added.
        """
        one = lambda q, *args: self.conn.execute(q, args).fetchone()  # noqa: E731
        seq, row = marks["article_seq"], marks["extraction_row"]
        article = one("SELECT id, content_hash FROM articles WHERE seq=?", seq)
        extraction = one("SELECT article_id, extracted_at FROM extractions WHERE rowid=?", row)
        return (list(article or []) == marks["article"] and list(extraction or []) == marks["extraction"]
                and one("SELECT COUNT(*) FROM articles")[0] - one("SELECT COUNT(*) FROM articles WHERE seq > ?", seq)[0]
                == marks["articles"]
                and one("SELECT COUNT(*) FROM extractions")[0]
                - one("SELECT COUNT(*) FROM extractions WHERE rowid > ?", row)[0] == marks["extractions"]
                and one("SELECT 1 FROM extractions x JOIN articles a ON a.id = x.article_id "
                        "WHERE x.rowid > ? AND a.seq <= ? LIMIT 1", row, seq) is None)

    def integrity_ok(self) -> bool:
        return self.dialect.integrity_ok(self.conn)
