"""The store's two databases, SQLite (a file) and PostgreSQL (a URL): only what differs between them.

``Store`` writes its SQL once, with ``?`` placeholders and ``ON CONFLICT``
(which both speak), and asks its dialect for the rest: how to connect, the
column types of the schema, whether a table exists, how a list of ids is
matched, how a transaction starts, how a backup before a migration is made,
and the writer lock (a lock file beside a SQLite store, an advisory lock on a
PostgreSQL server).

>>> dialect_for("output/kg.sqlite").name, dialect_for("postgresql://kg@127.0.0.1/kg").name
('sqlite', 'postgresql')
>>> redact("postgresql://kg:secret@db.example:5432/kg")
'postgresql://kg:***@db.example:5432/kg'
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import sqlite3
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import StoreError, StoreLockedError

log = logging.getLogger(__name__)

POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_url(target: str | os.PathLike) -> bool:
    """Does ``target`` name a database server (``scheme://...``) rather than a file?"""
    return "://" in str(target)


def redact(target: str) -> str:
    """``target`` fit for messages and logs: a URL's password replaced by ``***``."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", target)


def dialect_for(target: str | os.PathLike) -> "Dialect":
    """The dialect of a store path (SQLite) or URL (``postgresql://``)."""
    target = str(target)
    if not is_url(target):
        return SQLite()
    scheme = target.split("://", 1)[0].lower()
    if scheme in POSTGRES_SCHEMES:
        return PostgreSQL()
    raise StoreError(f"{redact(target)}: unsupported store URL scheme {scheme!r}; "
                     f"use a file path or a postgresql:// URL")


class Dialect:
    name = ""
    begin = "BEGIN"  # a write transaction
    begin_snapshot = "BEGIN"  # a read transaction that sees one state of the store throughout
    # what the schema's {placeholders} become: {real} seconds since the epoch, {serial_key} an integer key
    # the database counts up, {extractions_rowid} a column that orders extractions by their last write
    types: dict[str, str] = {}
    errors: tuple[type[Exception], ...] = ()

    def connect(self, target: str, *, create: bool):
        """A connection with sqlite3's conventions: ``execute``/``executemany`` with ``?``, rows by index or name."""
        raise NotImplementedError

    def statements(self, script: str) -> list[str]:
        """A schema script (with ``{real}``/``{serial_key}`` types) as this dialect's statements."""
        for placeholder, sql in self.types.items():  # not str.format: a script may hold braces ('{}')
            script = script.replace("{" + placeholder + "}", sql)
        return [s.strip() for s in script.split(";") if s.strip()]

    def table_exists(self, conn, table: str) -> bool:
        raise NotImplementedError

    def insert_ignore(self, table: str, columns: tuple[str, ...]) -> str:
        """INSERT of one row that does nothing when the row's key or a unique column is taken."""
        raise NotImplementedError

    def upsert(self, table: str, columns: tuple[str, ...], *, key: str) -> str:
        """INSERT of one row that replaces the row with the same ``key``, as a new write."""
        raise NotImplementedError

    def in_list(self, column: str) -> str:
        """SQL true when ``column`` is one of the values of a parameter made by ``list_param``."""
        raise NotImplementedError

    def list_param(self, values: list[str]):
        raise NotImplementedError

    def backup(self, conn, target: str, version: int) -> str:
        """Keep a copy of a store of schema ``version`` before it is upgraded; returns where."""
        raise NotImplementedError

    def integrity_ok(self, conn) -> bool:
        raise NotImplementedError

    def change_counter(self, conn) -> int | None:
        """A number that changes whenever another connection commits, read without touching a table;
        None where the database has no such thing (then ``Store.marks`` tells)."""
        return None

    @contextmanager
    def writer_lock(self, conn, target: str, *, wait: float) -> Iterator[None]:
        raise NotImplementedError


class SQLite(Dialect):
    """A file in WAL mode: readers never block the writer; a lock file keeps a second writer out."""

    name = "sqlite"
    begin = "BEGIN IMMEDIATE"
    types = {"real": "REAL", "serial_key": "INTEGER PRIMARY KEY AUTOINCREMENT", "extractions_rowid": ""}
    errors = (sqlite3.DatabaseError,)

    def connect(self, target: str, *, create: bool):
        if target != ":memory:":
            if not create and not os.path.exists(target):
                raise StoreError(f"{target}: no store here; run `kg ingest` first")
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def table_exists(self, conn, table: str) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone() is not None

    def change_counter(self, conn) -> int | None:
        return conn.execute("PRAGMA data_version").fetchone()[0]

    def insert_ignore(self, table: str, columns: tuple[str, ...]) -> str:
        return f"INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def upsert(self, table: str, columns: tuple[str, ...], *, key: str) -> str:
        # REPLACE deletes the old row and inserts a new one, with a new rowid: the last written has the highest
        return f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def in_list(self, column: str) -> str:
        return f"{column} IN (SELECT value FROM json_each(?))"

    def list_param(self, values: list[str]):
        return json.dumps(values)

    def backup(self, conn, target: str, version: int) -> str:
        if target == ":memory:":
            return ""
        backup = f"{target}.v{version}.bak"
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(target, backup)
        return backup

    def integrity_ok(self, conn) -> bool:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    @contextmanager
    def writer_lock(self, conn, target: str, *, wait: float) -> Iterator[None]:
        if target == ":memory:":
            yield
            return
        lock_path = target + ".lock"
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
                            f"{target}: another kg ingestion is running (lock {lock_path})") from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


class PostgreSQL(Dialect):
    """A server shared by a team: MVCC means readers never block; the writer lock is an advisory lock.

    The store lives in the connection's current schema (``public`` unless the
    URL sets ``options=-csearch_path=...``), so one database can hold several.
    """

    name = "postgresql"
    begin_snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    types = {"real": "DOUBLE PRECISION", "serial_key": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
             "extractions_rowid": ",\n    rowid BIGSERIAL UNIQUE"}
    ROWID_TABLES = ("extractions",)  # tables given SQLite's implicit rowid as a column

    @property
    def errors(self):
        import psycopg

        return (psycopg.Error,)

    def connect(self, target: str, *, create: bool):
        try:
            import psycopg
        except ImportError:
            raise StoreError(f"{redact(target)}: PostgreSQL stores need psycopg; "
                             f"pip install 'kg-crypto-news[postgres]'") from None
        try:
            conn = psycopg.connect(target, autocommit=True, row_factory=_row_factory, connect_timeout=30)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{redact(target)}: cannot connect to PostgreSQL ({reason})") from None
        return _Connection(conn)

    def table_exists(self, conn, table: str) -> bool:
        return conn.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                            "AND table_name = ?", (table,)).fetchone() is not None

    def insert_ignore(self, table: str, columns: tuple[str, ...]) -> str:
        return (f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT DO NOTHING")

    def upsert(self, table: str, columns: tuple[str, ...], *, key: str) -> str:
        updates = [f"{c} = EXCLUDED.{c}" for c in columns if c != key]
        if table in self.ROWID_TABLES:
            updates.append("rowid = EXCLUDED.rowid")  # a fresh number from the column's sequence, as REPLACE gives
        return (f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT ({key}) DO UPDATE SET {', '.join(updates)}")

    def in_list(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def list_param(self, values: list[str]):
        return list(values)

    def backup(self, conn, target: str, version: int) -> str:
        """Copies of the store's tables in a schema of their own, made in the upgrade's transaction."""
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        backup = _quote(f"{schema}_v{version}_bak")
        conn.execute(f"DROP SCHEMA IF EXISTS {backup} CASCADE")
        conn.execute(f"CREATE SCHEMA {backup}")
        for table in ("meta", "feeds", "articles", "extractions"):
            if self.table_exists(conn, table):
                conn.execute(f"CREATE TABLE {backup}.{table} AS TABLE {_quote(schema)}.{table}")
        return f"schema {backup}"

    def integrity_ok(self, conn) -> bool:
        # the server checks its own pages (WAL, checksums); what is left to check is that it answers
        return conn.execute("SELECT 1").fetchone()[0] == 1

    @contextmanager
    def writer_lock(self, conn, target: str, *, wait: float) -> Iterator[None]:
        # a session lock: the server drops it when the holder's connection ends, however it ends
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        key = zlib.crc32(f"kg writer {schema}".encode())
        deadline = time.monotonic() + wait
        while not conn.execute("SELECT pg_try_advisory_lock(?::bigint)", (key,)).fetchone()[0]:
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"{redact(target)}: another kg ingestion is running (advisory lock {key})")
            time.sleep(0.2)
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(?::bigint)", (key,))


class _Row(tuple):
    """A row readable by position or by column name, and by ``dict(row)``, as ``sqlite3.Row`` is."""

    def __new__(cls, values, names: tuple[str, ...], index: dict[str, int]):
        row = super().__new__(cls, values)
        row._names, row._index = names, index
        return row

    def keys(self) -> tuple[str, ...]:
        return self._names

    def __getitem__(self, key):
        if isinstance(key, str):
            key = self._index[key]
        return super().__getitem__(key)


def _row_factory(cursor):
    names = tuple(c.name for c in cursor.description or ())
    index = {n: i for i, n in enumerate(names)}
    return lambda values: _Row(values, names, index)


class _Connection:
    """A psycopg connection (autocommit: the store sends BEGIN and COMMIT) that takes ``?`` placeholders.

    PostgreSQL's text cannot hold NUL, which feeds do carry: it is stored as U+FFFD, one
    character for one, so offsets into a text (evidence) still hold.
    """

    def __init__(self, conn):
        self.raw = conn

    def execute(self, sql: str, params=()):
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(_placeholders(sql), _no_nul(params))

    def executemany(self, sql: str, rows):
        cursor = self.raw.cursor()
        cursor.executemany(_placeholders(sql), [_no_nul(row) for row in rows])
        return cursor

    def close(self) -> None:
        self.raw.close()


def _no_nul(params) -> tuple:
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in params)


def _placeholders(sql: str) -> str:
    """``?`` -> ``%s``, a literal ``%`` -> ``%%`` (the store's SQL has no ``?`` that is not a placeholder)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
