"""The whole product path on the bundled sample, served by a real HTTP server on 127.0.0.1."""

import json

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from kg.cli import main
from kg.query import KnowledgeGraph
from kg.store import Store

SAMPLE_FILES = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".xml", ".atom"))


@pytest.fixture
def served_sample(server, tmp_path):
    lines = ["feeds:"]
    for i, path in enumerate(SAMPLE_FILES):
        server.add(f"/{path.name}", body=path.read_bytes(), etag=f'"v{i}"',
                   headers={"Content-Type": "application/rss+xml; charset=utf-8"})
        lines += [f"  - name: {path.stem}", f"    url: {server.url('/' + path.name)}"]
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("\n".join(lines) + "\n")
    return feeds


def test_ingest_twice_then_view_and_query(served_sample, tmp_path, extractor, monkeypatch):
    monkeypatch.setattr("kg.ingest.Extractor", lambda model=None: extractor)
    store = tmp_path / "kg.sqlite"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "--feeds", str(served_sample), "--store", str(store)])
    assert first.exit_code == 0, first.output
    with Store.open(store) as db:
        counts = db.counts()
    assert counts["articles"] >= 40 and counts["extractions"] == counts["articles"]

    second = runner.invoke(main, ["ingest", "--feeds", str(served_sample), "--store", str(store), "--force"])
    assert second.exit_code == 0, second.output
    assert "0 new articles" in second.output and "not-modified" in second.output
    with Store.open(store) as db:
        assert db.counts() == counts

    kg = KnowledgeGraph.open(store)
    stats = kg.stats()
    assert set(stats["entities"]) == {"EXCHANGE", "REGULATOR", "PERSON", "ORGANIZATION", "ASSET", "LOCATION"}
    assert len(stats["events"]) >= 12
    assert kg.entity("Binance")["type"] == "EXCHANGE"
    assert kg.neighbors("Binance")

    html = tmp_path / "graph.html"
    shown = runner.invoke(main, ["view", "--store", str(store), "--out", str(html)])
    assert shown.exit_code == 0, shown.output
    page = html.read_text()
    assert "vis.Network" in page and 'src="http' not in page

    queried = runner.invoke(main, ["query", "stats", "--store", str(store), "--json"])
    assert json.loads(queried.output)["articles"] == counts["articles"]


def test_a_broken_feed_does_not_stop_the_others(served_sample, server, tmp_path, extractor, monkeypatch):
    monkeypatch.setattr("kg.ingest.Extractor", lambda model=None: extractor)
    server.add("/broken", body=b"<rss><channel><item><title>oops", status=500)
    text = served_sample.read_text() + f"  - name: broken\n    url: {server.url('/broken')}\n"
    served_sample.write_text(text)
    result = CliRunner().invoke(main, ["ingest", "--feeds", str(served_sample), "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 1
    assert "broken: failed (" in result.output and "HTTP 500" in result.output
    with Store.open(tmp_path / "s.sqlite") as db:
        assert db.counts()["articles"] >= 40
        assert db.feed_state("broken").errors == 1
