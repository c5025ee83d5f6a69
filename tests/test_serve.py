"""``kg serve``: the graph kept open answers ``kg query`` as the graph opened here would, and keeps up with the store."""

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from kg import serve
from kg.cli import main
from kg.errors import NotFoundError, StaleGraphError
from kg.models import Entity, Extraction
from kg.query import KnowledgeGraph
from kg.serve import GraphService, QueryServer, ServeError, connect, socket_path
from kg.store import Store
from kg.view import ViewOptions, page
from reports import KRAKEN, SEC, report, small_reports, write_store


@pytest.fixture
def store(tmp_path):
    return write_store(tmp_path / "kg.sqlite", small_reports())


@pytest.fixture
def served(store):
    """A server of ``store`` answering from a thread while the test runs; yields its service."""
    service = GraphService(store)
    server = QueryServer(service, socket_path(store))
    stop = threading.Event()
    thread = threading.Thread(target=server.serve, args=(stop,), daemon=True)
    thread.start()
    yield service
    stop.set()
    thread.join(5)
    service.close()


def raw(store, line: bytes) -> dict:
    """What the server answers to one request line, as sent."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(socket_path(store))
        sock.sendall(line)
        with sock.makefile("rb") as answer:
            return json.loads(answer.readline())


QUESTIONS = [
    ("entity", ["CZ"], {}),
    ("search", ["bin"], {"limit": 5}),
    ("neighbors", ["Binance"], {"limit": 3, "links": 1}),
    ("neighbors", ["Binance"], {"types": ["PERSON", "REGULATOR"], "since": "2023-01-01"}),
    ("events", [], {"entity": "Binance"}),
    ("timeline", ["SEC"], {}),
    ("path", ["Changpeng Zhao", "Coinbase"], {}),
    ("articles", [], {"entity": "SEC", "limit": 2}),
    ("stats", [], {}),
]


@pytest.mark.parametrize("method, args, kwargs", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_a_served_answer_is_the_answer_of_the_graph_opened_here(store, served, method, args, kwargs):
    here = getattr(KnowledgeGraph.open(store, cache=False), method)(*args, **kwargs)
    assert getattr(connect(store), method)(*args, **kwargs) == json.loads(json.dumps(here))


def test_errors_come_back_as_the_exceptions_of_the_query_api(store, served):
    remote = connect(store)
    with pytest.raises(NotFoundError, match="Bnance"):
        remote.neighbors("Bnance")
    with pytest.raises(ValueError, match="limit = 0 is invalid"):
        remote.events(limit=0)
    with pytest.raises(TypeError, match="unexpected keyword argument 'depth'"):
        remote.neighbors("Binance", depth=2)
    assert remote.entity("Binance")["name"] == "Binance"  # and the server answers on


def test_articles_stored_while_serving_are_in_the_next_answer(store, served):
    remote = connect(store)
    assert remote.neighbors("Kraken") == []
    write_store(store, [report("n1", "2024-02-01T00:00:00Z", "BlockPost", [KRAKEN, SEC],
                               events=[("INVESTIGATION", [SEC[0], "Kraken"], "2024-01-30")])])
    assert [n["name"] for n in remote.neighbors("Kraken")] == ["Securities and Exchange Commission"]
    assert remote.stats()["articles"] == 8


def test_while_the_store_is_unchanged_a_served_query_reads_none_of_its_tables(store, served, monkeypatch):
    remote = connect(store)
    remote.stats()  # the first request compares the store's marks once
    marks_read = []
    real = Store.marks
    monkeypatch.setattr(Store, "marks", lambda self: marks_read.append(1) or real(self))
    remote.stats()
    remote.neighbors("Binance")
    assert marks_read == []
    write_store(store, [report("n1", "2024-02-01T00:00:00Z", "BlockPost", [KRAKEN])])
    assert remote.stats()["articles"] == 8 and len(marks_read) == 1


def test_a_re_extraction_while_serving_opens_the_graph_again(store, served):
    with Store.open(store) as db:
        db.save_extractions([Extraction("q7", (Entity("Bitstamp", "EXCHANGE", kb_id="bitstamp"),))], "test/2")
    remote = connect(store)
    assert remote.entity("Bitstamp")["articles"] == 1
    with pytest.raises(NotFoundError):
        remote.entity("Kraken")  # q7 named Kraken before it was extracted again
    assert served.kg.refresh() == 0


def test_refresh_adds_new_articles_and_refuses_a_store_changed_otherwise(store):
    kg = KnowledgeGraph.open(store)
    write_store(store, [report("n1", "2024-02-01T00:00:00Z", "BlockPost", [KRAKEN])])
    assert kg.refresh() == 1 and kg.refresh() == 0
    with Store.open(store) as db:
        db.save_extractions([Extraction("q1", (Entity("Bitstamp", "EXCHANGE", kb_id="bitstamp"),))], "test/2")
    with pytest.raises(StaleGraphError, match="other than by new articles"):
        kg.refresh()


@pytest.mark.parametrize("line, error, says", [
    (b'{"kg": "%s", "method": "__init__"}\n', "ValueError", "unknown query '__init__'"),
    (b'{"kg": "%s", "method": "to_networkx"}\n', "ValueError", "unknown query 'to_networkx'"),
    (b'{"kg": "%s", "method": "entity", "args": {"name": "x"}}\n', "ValueError", "args must be a list"),
    (b'not json\n', "JSONDecodeError", "Expecting value"),
    (b'["a list"]\n', "ValueError", "a request is a JSON object"),
    (b'{"kg": "0.0.1", "method": "stats"}\n', "ServeError", "the client kg 0.0.1"),
])
def test_a_request_for_anything_but_a_query_is_refused_and_the_server_answers_on(store, served, line, error, says):
    if b"%s" in line:
        line = line % serve.__version__.encode()
    reply = raw(store, line)
    assert reply["ok"] is False and reply["error"] == error and says in reply["message"]
    assert connect(store).stats()["articles"] == 7


def test_clients_that_hang_up_before_their_answer_are_no_error(store, served, caplog):
    for _ in range(20):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(socket_path(store))
            sock.sendall(b'{"kg": "%s", "method": "articles"}\n' % serve.__version__.encode())
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(socket_path(store))  # and one that says nothing
    assert connect(store).stats()["articles"] == 7
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "WARNING")]


def test_a_burst_of_clients_beyond_the_servers_queue_waits_its_turn(store, monkeypatch):
    monkeypatch.setattr(serve._UnixServer, "request_queue_size", 1)  # as if 128 others were waiting
    service = GraphService(store)
    server, stop = QueryServer(service, socket_path(store)), threading.Event()
    answers = []

    def ask():
        remote = connect(store)  # None: the client would have opened the graph itself
        answers.append(remote.stats()["articles"] if remote else None)

    clients = [threading.Thread(target=ask) for _ in range(30)]
    for client in clients:
        client.start()
    thread = threading.Thread(target=server.serve, args=(stop,), daemon=True)
    thread.start()  # the clients knock before the server answers anyone
    for client in clients:
        client.join(30)
    stop.set()
    thread.join(5)
    service.close()
    assert answers == [7] * 30


def test_only_the_owner_can_connect(store, served):
    assert stat.S_IMODE(os.stat(socket_path(store)).st_mode) == 0o600


def test_a_second_server_of_the_same_store_is_refused(store, served):
    with pytest.raises(ServeError, match="a server already answers"):
        QueryServer(served, socket_path(store))


def test_without_a_server_connect_says_none_even_over_a_dead_servers_socket(store):
    assert connect(store) is None
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(socket_path(store))  # a socket file nobody listens on, as a killed server leaves
    dead.close()
    assert connect(store) is None
    service = GraphService(store)
    QueryServer(service, socket_path(store)).close()  # a new server takes the dead one's place
    service.close()
    assert not os.path.exists(socket_path(store))


def test_something_else_listening_on_the_socket_is_not_taken_for_a_server(store):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as other:
        other.bind(socket_path(store))
        other.listen()

        def answer_nonsense():
            conn, _ = other.accept()
            with conn:
                conn.recv(1000)
                conn.sendall(b"220 hello\n")
        thread = threading.Thread(target=answer_nonsense, daemon=True)
        thread.start()
        assert connect(store) is None
        thread.join(5)


def test_a_server_that_stops_between_hello_and_answer_is_a_clear_error(store, served, monkeypatch):
    remote = connect(store)

    def gone(*args, **kwargs):
        raise ConnectionResetError(104, "Connection reset by peer")

    monkeypatch.setattr(socket.socket, "connect", gone)
    with pytest.raises(ServeError, match="the server stopped answering"):
        remote.stats()


def test_a_store_on_a_database_server_has_no_socket():
    assert connect("postgresql://kg@localhost/kg") is None
    with pytest.raises(ServeError, match="store file"):
        socket_path("postgresql://kg@localhost/kg")


@pytest.mark.parametrize("where, says", [
    ("postgresql://kg@127.0.0.1:9/kg", "a database server's store has no file"),
    ("served", "a server already answers for this store"),
])
def test_kg_serve_refuses_before_opening_the_graph(store, served, monkeypatch, where, says):
    def no_opening(*args, **kwargs):
        raise AssertionError("kg serve opened the graph before finding it cannot serve")

    monkeypatch.setattr(KnowledgeGraph, "open", no_opening)
    result = CliRunner().invoke(main, ["serve", "--store", str(store) if where == "served" else where])
    assert result.exit_code == 2 and says in result.output


def test_kg_query_asks_the_server_when_one_answers(store, served, monkeypatch):
    expected = CliRunner().invoke(main, ["query", "neighbors", "Binance", "--json", "--store", str(store)]).output

    def no_opening(*args, **kwargs):
        raise AssertionError("kg query opened the graph although a server answers")

    monkeypatch.setattr(KnowledgeGraph, "open", no_opening)
    result = CliRunner().invoke(main, ["query", "neighbors", "Binance", "--json", "--store", str(store)])
    assert result.exit_code == 0 and result.output == expected
    missing = CliRunner().invoke(main, ["query", "entity", "Bnance", "--store", str(store)])
    assert missing.exit_code == 2 and "no entity named 'Bnance'" in missing.output


@pytest.mark.parametrize("args, options", [
    ([], ViewOptions()),
    (["--entity", "Binance", "--depth", "1", "--show", "entities"], ViewOptions(entity="Binance", depth=1, show="entities")),
])
def test_kg_view_has_the_server_build_the_page(store, served, monkeypatch, tmp_path, args, options):
    here = page(KnowledgeGraph.open(store), options)["html"]

    def no_opening(*args, **kwargs):
        raise AssertionError("kg view opened the graph although a server answers")

    monkeypatch.setattr(KnowledgeGraph, "open", no_opening)
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["view", "--store", str(store), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == here
    missing = CliRunner().invoke(main, ["view", "--store", str(store), "--out", str(out), "--entity", "Bnance"])
    assert missing.exit_code == 2 and "no entity named 'Bnance'" in missing.output


def test_kg_query_suggests_kg_serve_when_opening_the_graph_is_slow(store, monkeypatch):
    quick = CliRunner().invoke(main, ["query", "stats", "--store", str(store)])
    assert quick.exit_code == 0 and "kg serve" not in quick.output
    monkeypatch.setattr("kg.cli.SERVE_HINT_S", -1.0)  # as if the store were large
    slow = CliRunner().invoke(main, ["query", "stats", "--store", str(store)])
    assert slow.exit_code == 0 and f"`kg serve --store {store}` keeps it open" in slow.output


def test_kg_serve_answers_until_sigterm_and_removes_its_socket(store):
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while connect(store) is None:
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
            time.sleep(0.1)
        assert connect(store).entity("CZ")["name"] == "Changpeng Zhao"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "serving" in out and "7 articles" in out and out.rstrip().endswith("stopped")
    assert not os.path.exists(socket_path(store))
