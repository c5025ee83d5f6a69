"""Each documented exit code, with its one-line message (README "Exit codes", kg/errors.py)."""

import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import FakeExtractor, item, rss
from kg.cli import main
from kg.errors import EXIT_FEEDS_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_STORE, EXIT_USAGE
from kg.store import Store


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    monkeypatch.setattr("kg.ingest.Extractor", lambda model=None: FakeExtractor())


def feeds_file(tmp_path, server, *routes):
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n" + "".join(f"  - name: {r.strip('/')}\n    url: {server.url(r)}\n" for r in routes))
    return path


@pytest.fixture
def feeds(server, tmp_path):
    """A feeds file with one good feed."""
    server.add("/good", body=rss(item("good", 1)))
    return feeds_file(tmp_path, server, "/good")


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_0_when_every_feed_was_ingested(feeds, tmp_path):
    result = kg("ingest", "--feeds", feeds, "--store", tmp_path / "kg.sqlite")
    assert result.exit_code == EXIT_OK == 0, result.output
    assert "1 new articles; 0 feeds failed" in result.output


def test_1_when_some_feeds_failed_and_the_others_were_ingested(server, tmp_path):
    server.add("/good", body=rss(item("good", 1)))
    result = kg("ingest", "--feeds", feeds_file(tmp_path, server, "/good", "/missing"),
                "--store", tmp_path / "kg.sqlite")
    assert result.exit_code == EXIT_FEEDS_FAILED == 1
    assert "missing: failed (" in result.output and "HTTP 404" in result.output
    assert "1 new articles; 1 feeds failed" in result.output


@pytest.mark.parametrize("feeds_text, message", [
    ("feeds:\n  - name: A\n    url: https://a.example/rss\n    colour: red\n", ":4: unknown key 'colour'"),
    ("feeds: [\n", "not valid YAML"),
])
def test_2_for_a_bad_feeds_file_naming_the_line(tmp_path, feeds_text, message):
    path = tmp_path / "feeds.yaml"
    path.write_text(feeds_text)
    result = kg("ingest", "--feeds", path, "--store", tmp_path / "kg.sqlite")
    assert result.exit_code == EXIT_USAGE == 2
    assert result.output.startswith(f"kg: error: {path}") and message in result.output
    assert not (tmp_path / "kg.sqlite").exists(), "nothing is created for a bad feeds file"


@pytest.mark.parametrize("args, message", [
    (["ingest", "--no-such-option"], "No such option"),
    (["ingest", "--feeds", "/nonexistent/feeds.yaml"], "feeds file not found"),
    (["frobnicate"], "No such command"),
])
def test_2_for_usage_errors(tmp_path, args, message):
    result = kg(*args)
    assert result.exit_code == EXIT_USAGE and message in result.output


def test_2_for_an_unknown_entity(feeds, tmp_path):
    store = tmp_path / "kg.sqlite"
    kg("ingest", "--feeds", feeds, "--store", store)
    result = kg("query", "entity", "Nobody At All", "--store", store)
    assert result.exit_code == EXIT_USAGE
    assert "kg: error: no entity named 'Nobody At All'" in result.output


def test_3_when_another_ingestion_holds_the_lock(feeds, tmp_path):
    store = tmp_path / "kg.sqlite"
    with Store.open(store) as other, other.writer_lock():
        result = kg("ingest", "--feeds", feeds, "--store", store)
    assert result.exit_code == EXIT_LOCKED == 3
    assert "another kg ingestion is running" in result.output


def test_4_for_a_file_that_is_not_a_kg_store(feeds, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 200)
    result = kg("ingest", "--feeds", feeds, "--store", junk)
    assert result.exit_code == EXIT_STORE == 4
    assert "not a usable kg store" in result.output


def test_4_for_a_store_made_by_a_newer_kg(feeds, tmp_path):
    store = tmp_path / "kg.sqlite"
    Store.open(store).close()
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    for args in (["ingest", "--feeds", feeds], ["query", "stats"]):
        result = kg(*args, "--store", store)
        assert result.exit_code == EXIT_STORE and "newer than this kg supports" in result.output


def test_4_when_querying_a_store_that_does_not_exist(tmp_path):
    result = kg("query", "stats", "--store", tmp_path / "none.sqlite")
    assert result.exit_code == EXIT_STORE and "run `kg ingest` first" in result.output


@pytest.mark.parametrize("args, code, message", [
    (["ingest", "--feeds", "/nonexistent/feeds.yaml"], EXIT_USAGE, "feeds file not found"),
    (["query", "stats", "--store", "/nonexistent/kg.sqlite"], EXIT_STORE, "run `kg ingest` first"),
])
def test_a_real_process_exits_with_the_code_and_prints_one_line_to_stderr(args, code, message):
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == code
    assert proc.stderr.startswith("kg: error: ") and message in proc.stderr and proc.stderr.count("\n") == 1
    assert proc.stdout == ""
