"""The query server: one process keeps a store's graph in memory and answers ``kg query`` at once.

Opening a graph costs time in proportion to the store (about 2 s at 10,000
articles and 25 s at 100,000, read from the cache), while the query after it
takes a millisecond. ``kg serve`` opens the graph once and listens on a Unix
socket beside the store (``kg.sqlite.sock``); ``kg query`` asks it when one
answers there and opens the graph itself when none does. Before each answer
the server looks whether the store changed (SQLite's ``data_version``, a read
of no table) and adds the new articles as ``KnowledgeGraph.refresh`` does, or
opens the graph again after a re-extraction, so a served answer is the one a
fresh ``KnowledgeGraph.open`` would give.

Only the store's owner may ask: the socket is made with mode 0600, and a
client talks only to a socket its own user (or root) owns, so no one else can
answer in the server's place. A request names one of the read-only query
methods (``QUERIES``) or ``page`` (the graph page ``kg view`` writes) and its
arguments as JSON; nothing else can be called.

The protocol is one JSON line each way per connection::

    -> {"kg": "0.1.0", "method": "neighbors", "args": ["Binance"], "kwargs": {"limit": 5}}
    <- {"ok": true, "result": [...]}
    <- {"ok": false, "error": "NotFoundError", "message": "no entity 'Bnance' in the graph"}
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
import socketserver
import stat
import threading
import time

from . import __version__
from .dialects import is_url
from .errors import KGError, NotFoundError, StaleGraphError, StoreError

log = logging.getLogger(__name__)

QUERIES = ("entity", "search", "neighbors", "events", "timeline", "path", "articles", "stats")
SERVED = (*QUERIES, "page")  # what a request may ask: the queries and the graph page (``kg.view.page``)
SUFFIX = ".sock"
MAX_REQUEST = 1 << 20  # bytes of one request line; a query's arguments are a few names
ANSWER_TIMEOUT = None  # a client waits for its answer: after a large ingest the server adds the new articles first
CONNECT_TIMEOUT = 10.0  # seconds a client waits for a busy server to say hello before opening the graph itself


class ServeError(KGError):
    """The server cannot start (a server already answers, the socket path is unusable), or it failed a request."""


# what a failed request raises in the client, by the name the server gives its error
ERRORS = {cls.__name__: cls for cls in (NotFoundError, StaleGraphError, StoreError, ServeError, KGError,
                                        ValueError, TypeError)}


def socket_path(store: str | os.PathLike) -> str:
    """Where the server of the store at ``store`` listens.

    >>> socket_path("output/kg.sqlite")
    'output/kg.sqlite.sock'
    """
    if is_url(os.fspath(store)):
        raise ServeError("kg serve keeps its socket beside a store file; a database server's store has no file")
    return os.fspath(store) + SUFFIX


# the client ---------------------------------------------------------------------------

class RemoteGraph:
    """A ``KnowledgeGraph`` in a server: the query methods (``QUERIES``) with the same arguments and answers.

    Errors come back as the exceptions the methods raise (``NotFoundError``, ``ValueError``, ...).
    """

    def __init__(self, socket_path: str, hello: dict):
        self._socket = socket_path
        self._hello = hello  # the server's version, store and number of articles when connected

    def __getattr__(self, name: str):
        if name not in QUERIES:
            raise AttributeError(name)

        def call(*args, **kwargs):
            return self._request(name, list(args), kwargs)
        call.__name__ = name
        return call

    def page(self, options) -> dict:
        """``kg.view.page`` of the served graph: the graph page for ``options`` (a ``ViewOptions``) as
        ``html``, with its numbers of ``nodes`` and ``edges``."""
        return self._request("page", [], dataclasses.asdict(options))

    def _request(self, method: str, args: list, kwargs: dict):
        try:
            return _ask(self._socket, {"method": method, "args": args, "kwargs": kwargs}, ANSWER_TIMEOUT)
        except OSError as exc:  # it answered hello, then stopped: killed, or the machine is out of memory
            raise ServeError(f"{self._socket}: the server stopped answering ({exc}); ask again, and with "
                             "no server there kg query opens the graph itself") from exc

    def __repr__(self) -> str:
        return f"RemoteGraph({self._hello['store']!r} at {self._socket!r}, {self._hello['articles']} articles)"


def connect(store: str | os.PathLike) -> RemoteGraph | None:
    """The server of ``store`` if one answers and runs this version of kg; None otherwise (open the graph then)."""
    if is_url(os.fspath(store)):
        return None
    path = socket_path(store)
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid not in (os.getuid(), 0):
        log.warning("%s: not a socket of this user; opening the graph without the server", path)
        return None
    try:
        hello = _ask(path, {"method": "hello"}, CONNECT_TIMEOUT)
    except (OSError, KGError) as exc:  # a server that died and left its socket, a busy or other server
        log.info("%s: no server answers (%s); opening the graph", path, exc)
        return None
    return RemoteGraph(path, hello)


def _ask(path: str, request: dict, timeout: float | None):
    request = {"kg": __version__, **request}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        _connect(sock, path, timeout)
        sock.sendall(json.dumps(request, ensure_ascii=False).encode() + b"\n")
        with sock.makefile("rb") as answer:
            line = answer.readline()
    try:
        reply = json.loads(line)
        if not isinstance(reply, dict):
            raise ValueError("not an object")
    except ValueError:
        raise ServeError(f"{path}: no kg server answers there ({line[:80]!r})") from None
    if reply.get("ok"):
        return reply["result"]
    raise ERRORS.get(reply.get("error"), ServeError)(reply.get("message", "the server failed"))


def _connect(sock: socket.socket, path: str, timeout: float | None) -> None:
    """Connect, waiting while the server's queue of connections is full: with a timeout the socket
    does not block, and Linux then refuses a Unix socket's connection at once (EAGAIN) instead of
    queueing it, which would send a burst of clients off to open the graph themselves."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        try:
            return sock.connect(path)
        except BlockingIOError:
            if deadline is not None and time.monotonic() >= deadline:
                raise
            time.sleep(0.005)


# the server ---------------------------------------------------------------------------

class GraphService:
    """The graph of one store, kept up to date, answering requests (one JSON line in, one out)."""

    def __init__(self, store: str | os.PathLike):
        from .query import KnowledgeGraph  # networkx and the graph code load in the server, not in every client

        self._open = KnowledgeGraph.open
        self.store_path = os.fspath(store)
        started = time.monotonic()
        self.kg = self._open(self.store_path)
        self.opened_s = time.monotonic() - started
        # the store's change counter when the graph last caught up; None: compare marks at the next request
        # (a counter read after opening could already count a commit the graph does not hold)
        self._seen: int | None = None

    def answer(self, line: bytes) -> bytes:
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("a request is a JSON object")
            result = self._call(request)
            reply = {"ok": True, "result": result}
        except (KGError, ValueError, TypeError) as exc:
            reply = {"ok": False, "error": type(exc).__name__, "message": str(exc)}
        except Exception as exc:  # a bug in a query must not end the server: say it, log it, go on
            log.exception("request failed: %r", line[:200])
            reply = {"ok": False, "error": "ServeError", "message": f"the server failed: {exc!r}"}
        return json.dumps(reply, ensure_ascii=False, default=str).encode() + b"\n"

    def _call(self, request: dict):
        if request.get("kg") != __version__:
            raise ServeError(f"the server runs kg {__version__}, the client kg {request.get('kg')}")
        method = request.get("method")
        if method == "hello":
            return {"kg": __version__, "store": self.store_path, "articles": len(self.kg.builder.articles_seen)}
        if method not in SERVED:
            raise ValueError(f"unknown query {method!r}; one of {', '.join(SERVED)}")
        args, kwargs = request.get("args", []), request.get("kwargs", {})
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise ValueError("args must be a list and kwargs an object")
        started = time.perf_counter()
        self.catch_up()
        if method == "page":  # the graph page, built here; the client writes it
            from .view import ViewOptions, page

            result = page(self.kg, ViewOptions(*args, **kwargs))
        else:
            result = getattr(self.kg, method)(*args, **kwargs)
        log.debug("%s %s %s: %.2f ms", method, args, kwargs, (time.perf_counter() - started) * 1000)
        return result

    def catch_up(self) -> int:
        """Bring the graph up to date with the store; the number of articles added (all of them after a re-open)."""
        seen = self.kg.store.change_counter()
        if seen is not None and seen == self._seen:
            return 0
        try:
            added = self.kg.refresh()
            self._seen = seen  # read before the refresh: a commit during it shows as a change next time
        except StaleGraphError:
            log.warning("%s changed other than by new articles; opening the graph again", self.store_path)
            old, self.kg = self.kg, self._open(self.store_path)
            old.store.close()
            added = len(self.kg.builder.articles_seen)
            self._seen = None  # a new connection, whose counter starts afresh
        return added

    def close(self) -> None:
        self.kg.store.close()


class _Handler(socketserver.StreamRequestHandler):
    timeout = 5  # seconds a connection may take to send its request (kg sends it as it connects); others wait

    def handle(self):
        try:
            line = self.rfile.readline(MAX_REQUEST)
        except OSError:
            return
        if not line:
            return
        answer = self.server.service.answer(line)
        try:
            self.wfile.write(answer)
        except OSError as exc:  # the client went away first (Ctrl-C on kg query): nothing to tell anyone
            log.debug("client gone before its answer: %s", exc)


class _UnixServer(socketserver.UnixStreamServer):
    request_queue_size = 128  # clients waiting while one is answered (a script may send a burst)

    def handle_error(self, request, client_address):
        log.exception("connection failed")


class QueryServer:
    """``service`` answering on the Unix socket ``path`` (mode 0600), one request at a time, until ``stop`` is set.

    Requests are answered in turn: each takes milliseconds, and one at a time no query
    sees the graph while new articles are added to it.
    """

    def __init__(self, service: GraphService, path: str):
        self.service, self.path = service, path
        claim_socket(path)
        umask = os.umask(0o177)  # the socket is born 0600: no moment when others may connect
        try:
            self._server = _UnixServer(path, _Handler)
        except OSError as exc:
            raise ServeError(f"{path}: cannot listen here ({exc.strerror or exc})") from exc
        finally:
            os.umask(umask)
        self._server.service = service
        self._server.timeout = 0.5  # how often ``serve`` looks at ``stop``

    def serve(self, stop: threading.Event) -> None:
        try:
            while not stop.is_set():
                self._server.handle_request()
        finally:
            self.close()

    def close(self) -> None:
        self._server.server_close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def claim_socket(path: str) -> None:
    """Make way for a server at ``path``: refuse if one answers there, remove a dead one's socket.

    ``kg serve`` asks before it opens the graph, so a second server is refused at once, not after
    the minute a large graph takes to open."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(info.st_mode):
        raise ServeError(f"{path}: exists and is not a socket; move it away to serve this store")
    try:
        _ask(path, {"method": "hello"}, CONNECT_TIMEOUT)
    except OSError:
        os.unlink(path)  # nobody listens: a server that died without cleaning up
        return
    except KGError:
        pass  # a server of another kg version: it answers all the same
    raise ServeError(f"{path}: a server already answers for this store")
