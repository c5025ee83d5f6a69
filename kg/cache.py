"""The graph cache: the graph built from a store, kept beside it (``kg.sqlite.graph``) for the next run.

Building the graph reads and parses every stored extraction (seconds at 10,000
articles, over a minute at 100,000); loading it back is several times faster.
The file holds a header (format version, kg version, a digest of the code and
knowledge base the graph was built with, the store's path and its
``Store.marks()``) and the pickled ``networkx.MultiDiGraph`` with its SHA-256.
``KnowledgeGraph.open`` uses the cache when the header matches and the store
has only gained articles since (``Store.only_added_since``), adds those, and
writes the cache again; anything else (a re-extraction, another kg or store, a
damaged file) means a rebuild from the store. A cache that cannot be used is
logged, never raised. A store that is not a file (a database server) has none.

Loading a pickle can run code, so the cache is guarded two ways. It is written
atomically (temporary file, rename) in the store's folder with the store's
permission bits, and read only when its owner is the store's owner, root or
the current user and it is writable by no one the store is not: whoever can
write it can write the store. And it is read by an unpickler that refuses every
class but networkx's graph and the views networkx caches on it (the header
needs none), so a tampered file can build data, never call a function. The
SHA-256 catches damage, not tampering.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import pickle
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from . import __version__
from .graph import paused_gc
from .nlp import kb
from .store import Store

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"kg graph cache\n"
SUFFIX = ".graph"
# What reading the graph may construct: the graph and the views networkx caches on it (g.nodes, g.succ,
# g.in_edges, ...), which hold nothing but references to its dicts. No other class, no function.
NETWORKX_CLASSES = {
    "networkx.classes.multidigraph": {"MultiDiGraph"},
    "networkx.classes.coreviews": {"MultiAdjacencyView"},
    "networkx.classes.reportviews": {"NodeView", "OutMultiEdgeView", "InMultiEdgeView", "DiMultiDegreeView",
                                     "InMultiDegreeView", "OutMultiDegreeView"},
}


class CacheError(Exception):
    """The cache file cannot be used (foreign, damaged or untrusted); the message says why."""


class StaleCache(CacheError):
    """The cache is sound but out of date: another kg or store, or the store changed other than by additions."""


@dataclass(frozen=True)
class Cached:
    graph: nx.MultiDiGraph
    marks: dict  # the store's marks when the graph was built


def cache_path(store_path: str | os.PathLike) -> str:
    """Where the cache of the store at ``store_path`` lives.

    >>> cache_path("output/kg.sqlite")
    'output/kg.sqlite.graph'
    """
    return os.fspath(store_path) + SUFFIX


def read(store: Store) -> Cached | None:
    """The cached graph of ``store`` if it is current but for articles added since; else None, and why is logged.

    Call it inside ``store.snapshot()``, with the reads that bring the graph up to date. A store
    that is not a file (a database server) has no cache.
    """
    if not os.path.isfile(store.path):
        return None
    path = cache_path(store.path)
    try:
        return _read(path, store)
    except FileNotFoundError:
        return None
    except StaleCache as exc:
        log.info("graph cache %s out of date, rebuilding: %s", path, exc)
    except (CacheError, OSError) as exc:
        log.warning("graph cache %s not used, rebuilding: %s", path, exc)
    except Exception as exc:  # a damaged pickle raises almost anything; none of it may stop a query
        log.warning("graph cache %s not used, rebuilding: unreadable (%s: %s)", path, type(exc).__name__, exc)
    return None


def write(store: Store, graph: nx.MultiDiGraph, marks: dict) -> None:
    """Write the cache of ``store`` atomically with the store's permissions; a failure is logged, never raised."""
    if not os.path.isfile(store.path):
        return
    path = cache_path(store.path)
    data = pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL)
    head = _header(store) | {"marks": marks, "sha256": hashlib.sha256(data).hexdigest()}
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        mode = stat.S_IMODE(os.stat(store.path).st_mode)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(MAGIC)
            pickle.dump(head, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("graph cache %s not written: %s", path, exc)
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def _read(path: str, store: Store) -> Cached:
    with open(path, "rb") as f:
        _check_trusted(os.fstat(f.fileno()), os.stat(store.path))
        if f.read(len(MAGIC)) != MAGIC:
            raise CacheError("not a kg graph cache")
        head = _RestrictedUnpickler(f, allowed={}).load()
        if not isinstance(head, dict):
            raise CacheError("not a kg graph cache")
        expected = _header(store)
        stale = [k for k in expected if head.get(k) != expected[k]]
        if stale:
            raise StaleCache(f"made for another {' and '.join(stale)}")
        if not store.only_added_since(head["marks"]):
            raise StaleCache("the store changed other than by new articles (a re-extraction?)")
        data = f.read()
    if hashlib.sha256(data).hexdigest() != head.get("sha256"):
        raise CacheError("damaged (checksum mismatch)")
    with paused_gc():
        graph = _RestrictedUnpickler(io.BytesIO(data), allowed=NETWORKX_CLASSES).load()
    if type(graph) is not nx.MultiDiGraph:
        raise CacheError("not a kg graph cache")
    return Cached(graph, head["marks"])


def _header(store: Store) -> dict:
    return {"format": FORMAT, "kg": __version__, "builder": _builder_digest(), "store": os.path.realpath(store.path)}


def _check_trusted(cache: os.stat_result, store: os.stat_result) -> None:
    """Only a file its store's owner (or root, or we) wrote, and no one else could have."""
    if cache.st_uid not in (store.st_uid, 0, os.geteuid()):
        raise CacheError(f"owned by uid {cache.st_uid}, not by the store's owner")
    extra = stat.S_IMODE(cache.st_mode) & ~stat.S_IMODE(store.st_mode) & (stat.S_IWGRP | stat.S_IWOTH)
    if extra:
        raise CacheError("writable by more users than the store")


@functools.lru_cache(maxsize=1)
def _builder_digest() -> str:
    """The code and knowledge base that decide the graph: a change in either means a rebuild."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in [here / "graph.py", here / "nlp" / "kb.py", *(kb.KB_DIR / name for name in kb.KB_FILES)]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:16]


class _RestrictedUnpickler(pickle.Unpickler):
    """Builds plain data and the ``allowed`` classes ({module: {names}}); any other global is refused."""

    def __init__(self, file, *, allowed: dict[str, set[str]]):
        super().__init__(file)
        self.allowed = allowed

    def find_class(self, module: str, name: str):
        if name in self.allowed.get(module, ()):
            return super().find_class(module, name)
        raise CacheError(f"refers to {module}.{name}, which a graph cache never holds")
