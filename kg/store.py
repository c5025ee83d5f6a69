"""SQLite store: feed state, articles and extractions, in WAL mode.

One feed's new articles, their extractions and the feed's new validators
(ETag, Last-Modified) are written in one transaction (``Store.commit_feed``),
so a crash at any point leaves either all of it or none of it: a feed is never
advanced past articles that were not stored. Readers never block the writer
(WAL), and a second writer is kept out by a lock file (``Store.writer_lock``).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import StoreError, StoreLockedError
from .models import Article, Extraction

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    configured_url TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    next_check REAL NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    last_status TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    last_checked REAL NOT NULL DEFAULT 0,
    last_success REAL NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    feed TEXT NOT NULL,
    guid TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    stored_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_guid ON articles(guid) WHERE guid != '';
CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url != '';
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    extractor TEXT NOT NULL,
    data TEXT NOT NULL,
    extracted_at REAL NOT NULL
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
    """The project's SQLite database. Open with ``Store.open(path)``."""

    def __init__(self, path: str, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = True) -> "Store":
        path = str(path)
        if path != ":memory:":
            if not create and not os.path.exists(path):
                raise StoreError(f"{path}: no store here; run `kg ingest` first")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(path, conn)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable kg store ({exc})") from None
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # schema -----------------------------------------------------------------

    def _statements(self, script: str) -> list[str]:
        return [stmt.strip() for stmt in script.split(";") if stmt.strip()]

    def _migrate(self) -> None:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        version = 0
        if has_meta:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this kg supports "
                f"({SCHEMA_VERSION}); upgrade kg")
        if version == SCHEMA_VERSION:
            return
        if version and self.path != ":memory:":
            backup = f"{self.path}.v{version}.bak"
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy2(self.path, backup)
            log.warning("upgrading %s from schema %d to %d; backup at %s", self.path, version, SCHEMA_VERSION, backup)
        with self.transaction():
            if version == 0:
                for stmt in self._statements(SCHEMA):
                    self.conn.execute(stmt)
            for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1) if version else ():
                for stmt in self._statements(MIGRATIONS[step]):
                    self.conn.execute(stmt)
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                              (str(SCHEMA_VERSION),))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def writer_lock(self, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the store's writer lock; raise ``StoreLockedError`` if busy after ``wait`` seconds."""
        if self.path == ":memory:":
            yield
            return
        lock_path = self.path + ".lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreLockedError(
                            f"{self.path}: another kg ingestion is running (lock {lock_path})") from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    # feeds ------------------------------------------------------------------

    def feed_state(self, name: str) -> FeedState | None:
        row = self.conn.execute("SELECT * FROM feeds WHERE name=?", (name,)).fetchone()
        return FeedState(**dict(row)) if row else None

    def feed_states(self) -> list[FeedState]:
        return [FeedState(**dict(r)) for r in self.conn.execute("SELECT * FROM feeds ORDER BY name")]

    def ensure_feed(self, name: str, url: str) -> FeedState:
        """The feed's state; a feed whose configured URL changed starts again from that URL."""
        with self.transaction():
            self.conn.execute("INSERT OR IGNORE INTO feeds(name, url, configured_url) VALUES (?, ?, ?)",
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
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO articles(id, feed, guid, url, title, text, published, author, content_hash, "
            "stored_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(a.id, a.feed, a.guid, a.url, a.title, a.text, a.published, a.author, a.content_hash, now)
             for a in articles])
        return self.conn.total_changes - before

    def _insert_extractions(self, extractions: Iterable[Extraction], extractor: str, now: float) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO extractions(article_id, extractor, data, extracted_at) VALUES (?,?,?,?)",
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
                f"SELECT {fields} FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq",
                (json.dumps(ids),))
        for row in rows:
            yield Article(**dict(row))

    def article_ids(self) -> list[str]:
        """Every stored article's id, in storage order (no text read)."""
        return [row[0] for row in self.conn.execute("SELECT id FROM articles ORDER BY seq")]

    def extractions(self, *, ids: Iterable[str] | None = None) -> Iterator[tuple[Article, Extraction]]:
        """Stored articles with their extractions, in storage order."""
        query = ("SELECT a.id, a.title, a.text, a.url, a.published, a.feed, a.guid, a.author, a.content_hash, "
                 "x.data FROM articles a JOIN extractions x ON x.article_id = a.id")
        if ids is None:
            rows = self.conn.execute(query + " ORDER BY a.seq")
        else:
            rows = self.conn.execute(query + " WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.seq",
                                     (json.dumps(list(ids)),))
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

    def counts(self) -> dict:
        one = lambda q: self.conn.execute(q).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"),
                "extractions": one("SELECT COUNT(*) FROM extractions"),
                "feeds": one("SELECT COUNT(*) FROM feeds")}

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
