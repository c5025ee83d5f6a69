import gzip
import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from kg.errors import FetchError
from kg.feeds.fetch import HTTPStatusError, Limits, fetch

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def test_fetch_sends_a_user_agent_and_returns_the_validators(server):
    route = server.add("/feed", body=RSS, headers={"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"}, etag='W/"v1"')
    result = fetch(server.url("/feed"))
    assert result.status == 200 and result.body == RSS
    assert result.etag == 'W/"v1"' and result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert route.request_headers[0]["User-Agent"].startswith("kg-crypto-news/")


def test_conditional_get_sends_the_etag_back_verbatim_and_304_means_unchanged(server):
    route = server.add("/feed", body=RSS, etag='"abc"')
    result = fetch(server.url("/feed"), etag='"abc"')
    assert result.not_modified and result.body == b""
    assert route.request_headers[0]["If-None-Match"] == '"abc"'


def test_a_permanent_redirect_reports_the_new_url(server):
    server.add("/old", status=301, headers={"Location": "/new"})
    server.add("/new", body=RSS)
    result = fetch(server.url("/old"))
    assert result.body == RSS and result.permanent_url == server.url("/new")


def test_a_temporary_redirect_does_not_move_the_feed(server):
    server.add("/old", status=302, headers={"Location": "/new"})
    server.add("/new", body=RSS)
    assert fetch(server.url("/old")).permanent_url == ""


def test_redirect_loops_and_long_chains_stop_with_a_clear_error(server):
    server.add("/a", status=302, headers={"Location": "/b"})
    server.add("/b", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(server.url("/a"))
    for i in range(10):
        server.add(f"/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(server.url("/r0"), limits=Limits(max_redirects=3))


def test_a_body_over_the_cap_is_refused(server):
    server.add("/big", body=b"x" * 5000)
    with pytest.raises(FetchError, match="over the 1000-byte cap"):
        fetch(server.url("/big"), limits=Limits(max_bytes=1000))


def test_a_gzip_bomb_stops_at_the_decompressed_cap(server):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    server.add("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    started = time.monotonic()
    with pytest.raises(FetchError, match="cap"):
        fetch(server.url("/bomb"), limits=Limits(max_bytes=1024 * 1024))
    assert time.monotonic() - started < 10


def test_gzip_bodies_under_the_cap_are_inflated(server):
    server.add("/gz", body=gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    assert fetch(server.url("/gz")).body == RSS


def test_error_statuses_carry_retry_after(server):
    server.add("/busy", status=429, headers={"Retry-After": "120"})
    with pytest.raises(HTTPStatusError) as err:
        fetch(server.url("/busy"))
    assert err.value.status == 429 and err.value.retry_after == "120"
    with pytest.raises(HTTPStatusError, match="HTTP 404"):
        fetch(server.url("/missing"))


def test_a_server_that_never_answers_times_out(server):
    def hang(handler):
        time.sleep(3)

    server.add("/hang", body=hang)
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/hang"), limits=Limits(read_timeout=0.5))


def test_local_paths_and_file_urls_are_read(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    assert fetch(str(path)).body == RSS
    assert fetch(path.as_uri()).body == RSS
    with pytest.raises(FetchError, match="no such file"):
        fetch(str(tmp_path / "missing.xml"))


def drip(h, head: bytes, body: bytes, every: float):
    try:
        h.wfile.write(head)
        for i in range(len(body)):
            h.wfile.write(body[i:i + 1])
            time.sleep(every)
    except OSError:
        pass  # the client hung up


@pytest.mark.parametrize("head, body", [
    (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 100),  # inside the headers
    (b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", RSS * 10),  # inside a body of known length
    (b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", RSS * 10),  # a body that ends with the connection
], ids=["headers", "body", "body-until-close"])
def test_the_deadline_bounds_the_whole_fetch_however_slowly_bytes_drip(server, head, body):
    server.add("/drip", body=lambda h: drip(h, head, body, every=0.3))
    started = time.monotonic()
    with pytest.raises(FetchError, match="over the 1s deadline"):
        fetch(server.url("/drip"), limits=Limits(read_timeout=5, deadline=1))
    assert time.monotonic() - started < 2


def test_the_deadline_bounds_a_drip_over_tls(tmp_path):
    """The watchdog shuts a TLS socket down too, without disturbing the SSL object being read."""
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)

    class Dripping(BaseHTTPRequestHandler):
        def do_GET(self):
            drip(self, b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 100, every=0.3)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Dripping)
    httpd.daemon_threads = True
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    limits = Limits(read_timeout=5, deadline=1)
    client = httpx.Client(verify=ssl.create_default_context(cafile=str(cert)), timeout=5,
                          limits=httpx.Limits(max_keepalive_connections=0))
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="over the 1s deadline"):
            fetch(f"https://127.0.0.1:{httpd.server_port}/feed", limits=limits, client=client)
    finally:
        client.close()
        httpd.shutdown()
        httpd.server_close()
    assert time.monotonic() - started < 2
