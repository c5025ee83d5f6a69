"""Shared fixtures: the spaCy pipeline loaded once, a real HTTP server on 127.0.0.1, fresh stores."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.extract import Extractor
from kg.store import Store

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = Path(__file__).resolve().parent.parent / "kg" / "data" / "sample"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def fresh_store(tmp_path) -> Store:
    store = Store.open(tmp_path / "kg.sqlite")
    yield store
    store.close()


class Route:
    """What the server answers on one path: status, headers, body (bytes or a callable writing chunks)."""

    def __init__(self, body=b"", status=200, headers=None, etag=None):
        self.body, self.status, self.headers, self.etag = body, status, dict(headers or {}), etag
        self.hits = 0
        self.request_headers = []


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route.hits += 1
                route.request_headers.append(dict(self.headers))
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if callable(route.body):
                    route.body(self)
                    return
                self.send_response(route.status)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def add(self, path: str, **kwargs) -> Route:
        self.routes[path] = Route(**kwargs)
        return self.routes[path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()


def wait_for(predicate, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False
