"""HTTP(S) and local fetching with hard limits.

Every limit is enforced here so that nothing downstream sees an unbounded
body: connect and read timeouts, one overall deadline, a cap on the
*decompressed* size (we inflate gzip/deflate ourselves, chunk by chunk, so a
compressed bomb stops at the cap), and a redirect limit with loop detection.
Conditional GET validators are sent back verbatim.

httpx bounds each read, not a whole exchange, so a server dripping a byte at a
time (even inside the headers) would outlast any read timeout; a watchdog
shuts the fetch's sockets down at the deadline, which ends the blocked read.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import httpx

from .. import __version__
from ..errors import FetchError

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"kg-crypto-news/{__version__} (+https://github.com/; feed reader)"
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 20.0
DEFAULT_DEADLINE = 60.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
PERMANENT = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    deadline: float = DEFAULT_DEADLINE
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    """What came back: ``status`` 304 means unchanged and ``body`` is empty."""

    url: str
    status: int
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    permanent_url: str = ""  # set when a 301/308 moved the resource
    cache_control: str = ""
    retry_after: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_local(url: str) -> bool:
    return urlparse(url).scheme not in ("http", "https")


def fetch(url: str, *, etag: str = "", last_modified: str = "", limits: Limits = Limits(),
          client: httpx.Client | None = None) -> FetchResult:
    """Fetch ``url`` (http, https, file:// or a path) within ``limits``.

    Raises ``FetchError`` naming the URL and what went wrong; 4xx/5xx answers
    raise too, carrying ``status`` and ``retry_after`` for the scheduler.
    """
    if is_local(url):
        return _fetch_local(url, limits)
    own = client is None
    client = client or make_client(limits)
    try:
        return _fetch_http(client, url, etag, last_modified, limits)
    finally:
        if own:
            client.close()


def make_client(limits: Limits = Limits()) -> httpx.Client:
    timeout = httpx.Timeout(connect=limits.connect_timeout, read=limits.read_timeout,
                            write=limits.read_timeout, pool=limits.connect_timeout)
    # No keep-alive: every fetch opens its own connection, so its watchdog sees every socket it reads.
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                        limits=httpx.Limits(max_keepalive_connections=0),
                        headers={"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate"})


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int, retry_after: str = ""):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def _fetch_local(url: str, limits: Limits) -> FetchResult:
    parsed = urlparse(url)
    path = Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(url)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise FetchError(f"{url}: file is {size} bytes, over the {limits.max_bytes}-byte cap")
        return FetchResult(url=url, status=200, body=path.read_bytes())
    except FileNotFoundError:
        raise FetchError(f"{url}: no such file") from None
    except IsADirectoryError:
        raise FetchError(f"{url}: is a directory, not a feed file") from None
    except OSError as exc:
        raise FetchError(f"{url}: cannot read ({exc.strerror or exc})") from None


def _fetch_http(client, url, etag, last_modified, limits) -> FetchResult:
    start = time.monotonic()
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen, current, permanent_url, all_permanent = {url}, url, "", True
    with _Watchdog(limits.deadline) as watchdog:
        for _ in range(limits.max_redirects + 1):
            try:
                with client.stream("GET", current, headers=headers,
                                   extensions={"trace": watchdog.trace}) as response:
                    if response.status_code in REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{url}: redirect {response.status_code} without a Location header")
                        target = urljoin(current, location)
                        if target in seen:
                            raise FetchError(f"{url}: redirect loop at {target}")
                        seen.add(target)
                        all_permanent = all_permanent and response.status_code in PERMANENT
                        if all_permanent:
                            permanent_url = target
                        current = target
                        continue
                    result = _read(response, url, current, permanent_url, start, limits)
            except httpx.HTTPError as exc:
                if watchdog.expired:
                    raise FetchError(_over_deadline(url, limits)) from None
                if isinstance(exc, httpx.TimeoutException):
                    raise FetchError(f"{url}: timed out ({type(exc).__name__})") from None
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
            if watchdog.expired:  # a body framed by the connection's end looks complete once cut
                raise FetchError(_over_deadline(url, limits))
            return result
    raise FetchError(f"{url}: more than {limits.max_redirects} redirects")


def _over_deadline(url: str, limits: Limits) -> str:
    return f"{url}: over the {limits.deadline:g}s deadline"


class _Watchdog:
    """Shuts down, at ``seconds`` from now, every socket the fetch opened (httpx's "trace" reports them)."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            sock = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for TLS sockets: it wakes a blocked read in the fetching
    # thread without touching the SSL object that thread is using.
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # closed already, or a TCP socket since wrapped by TLS


def _read(response, url, final_url, permanent_url, start, limits) -> FetchResult:
    status = response.status_code
    h = response.headers
    if status == 304:
        return FetchResult(url=final_url, status=304, etag=h.get("etag", ""),
                           last_modified=h.get("last-modified", ""), permanent_url=permanent_url,
                           cache_control=h.get("cache-control", ""))
    if status >= 400 or status < 200:
        raise HTTPStatusError(f"{url}: HTTP {status} {response.reason_phrase}".rstrip(), status,
                              h.get("retry-after", ""))
    declared = h.get("content-length")
    encoding = h.get("content-encoding", "").strip().lower()
    if declared and declared.isdigit() and not encoding and int(declared) > limits.max_bytes:
        raise FetchError(f"{url}: body of {declared} bytes is over the {limits.max_bytes}-byte cap")
    body = _bounded_body(response, url, encoding, start, limits)
    return FetchResult(url=final_url, status=status, body=body, etag=h.get("etag", ""),
                       last_modified=h.get("last-modified", ""), content_type=h.get("content-type", ""),
                       permanent_url=permanent_url, cache_control=h.get("cache-control", ""),
                       retry_after=h.get("retry-after", ""))


def _bounded_body(response, url, encoding, start, limits) -> bytes:
    decoder = _decoder(encoding, url)
    chunks, size = [], 0
    for raw in response.iter_raw():
        if time.monotonic() - start > limits.deadline:
            raise FetchError(_over_deadline(url, limits))
        pieces = _inflate(decoder, raw, limits.max_bytes - size + 1) if decoder else [raw]
        for piece in pieces:
            size += len(piece)
            if size > limits.max_bytes:
                raise FetchError(f"{url}: body over the {limits.max_bytes}-byte cap")
            chunks.append(piece)
    if decoder:
        tail = decoder.flush()
        size += len(tail)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: body over the {limits.max_bytes}-byte cap")
        chunks.append(tail)
    return b"".join(chunks)


def _decoder(encoding: str, url: str):
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")


def _inflate(decoder, data: bytes, budget: int):
    """Inflate ``data`` in bounded steps so a bomb never allocates past the cap."""
    out = []
    try:
        while data:
            piece = decoder.decompress(data, max(budget, 1))
            out.append(piece)
            budget -= len(piece)
            if budget <= 0:
                break
            data = decoder.unconsumed_tail
    except zlib.error as exc:
        raise FetchError(f"corrupt compressed body ({exc})") from None
    return out
