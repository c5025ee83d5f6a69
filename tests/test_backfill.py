"""Backfill on a real local Dask cluster of two worker processes: the same extractions as one process,
exactly once, whatever happens to a worker or a partition on the way."""

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE, FakeExtractor, wait_for
from kg.backfill import backfill, connect
from kg.cli import main
from kg.feeds.parse import parse_feed
from kg.models import Article, Extraction
from kg.store import Store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=60)
        yield client


def sample_articles():
    articles = []
    for path in sorted(SAMPLE.iterdir()):
        if path.suffix in (".xml", ".atom"):
            articles += parse_feed(path.read_bytes(), feed_name=path.stem).articles
    return articles


def stored(path, articles) -> Path:
    """A store holding ``articles`` and no extractions, as after a bulk import of archives."""
    with Store.open(path) as store:
        for feed in sorted({a.feed for a in articles}):
            store.ensure_feed(feed, f"https://{feed}.example/rss")
            store.commit_feed(feed, articles=[a for a in articles if a.feed == feed], extractions=[], extractor="",
                              etag="", last_modified="", status="200 ok", next_check=0, now=1.0)
    return path


def written(path) -> int:
    with Store.open(path) as store:
        return store.counts()["extractions"]


def extractions(path) -> dict:
    with Store.open(path) as store:
        return {a.id: x for a, x in store.extractions()}


def test_a_backfill_on_two_workers_gives_the_extractions_of_one_process(tmp_path, client, extractor):
    path = stored(tmp_path / "kg.sqlite", sample_articles())
    with Store.open(path) as store:
        articles = list(store.articles())
        report = backfill(store, client, partition_size=7)
        assert store.unextracted_ids(extractor.version) == []
    assert (report.pending, report.extracted, report.failed, report.workers) == (len(articles), len(articles), [], 2)
    assert report.extractor == extractor.version
    assert extractions(path) == {x.article_id: x for x in extractor.extract(articles)}
    with Store.open(path) as store:
        again = backfill(store, client)
    assert (again.pending, again.extracted) == (0, 0)


class Sabotage(FakeExtractor):
    """An empty extraction per article, except an article titled ``kill`` or ``fail``: the first time it
    is met (a marker file named in its text says whether it was), its worker process is killed with
    SIGKILL, or the extraction raises."""

    version = "sabotage/1"

    def __init__(self, model=None):
        super().__init__()

    def extract(self, articles):
        articles = list(articles)
        for a in articles:
            marker = Path(a.text)
            if a.title in ("kill", "fail") and not marker.exists():
                marker.touch()
                if a.title == "kill":
                    os.kill(os.getpid(), signal.SIGKILL)
                raise RuntimeError(f"sabotaged at {a.id}")
        return [Extraction(a.id) for a in articles]


def corpus(tmp_path, n, bad: dict[int, str]):
    """``n`` articles; article ``i`` in ``bad`` is titled ``bad[i]`` (kill or fail)."""
    return [Article(f"a{i:03}", bad.get(i, f"story {i}"), str(tmp_path / f"marker-{i}"), feed="F",
                    content_hash=f"h{i}") for i in range(n)]


def test_a_worker_killed_mid_partition_is_replaced_and_every_article_lands_once(tmp_path, client):
    path = stored(tmp_path / "kg.sqlite", corpus(tmp_path, 60, {25: "kill"}))
    with Store.open(path) as store:
        report = backfill(store, client, partition_size=10, extractor_factory=Sabotage)
        assert (tmp_path / "marker-25").exists(), "a worker was killed"
        assert (report.extracted, report.failed) == (60, [])
        assert store.counts() == {"articles": 60, "extractions": 60, "feeds": 1}
        assert store.unextracted_ids(Sabotage.version) == []


def test_a_failed_partition_leaves_no_rows_and_a_rerun_finishes_it(tmp_path, client, cluster, store_path):
    path = stored(store_path, corpus(tmp_path, 60, {25: "fail", 47: "kill"}))
    cluster.scheduler.allowed_failures = 0  # a killed worker fails its partition at once
    try:
        with Store.open(path) as store:
            first = backfill(store, client, partition_size=10, extractor_factory=Sabotage)
            failed = sorted(f.index for f in first.failed)  # 2 and 4, and any partition queued on the killed worker
            assert {2, 4} <= set(failed)
            assert "sabotaged at a025" in str(first.failed) and "KilledWorker" in str(first.failed)
            assert first.extracted == store.counts()["extractions"] == 60 - 10 * len(failed)
            missing = store.unextracted_ids(Sabotage.version)
            assert missing == [f"a{i:03}" for p in failed for i in range(10 * p, 10 * p + 10)], "no partial partition"
            client.wait_for_workers(2, timeout=60)
            second = backfill(store, client, partition_size=10, extractor_factory=Sabotage)
            assert (second.pending, second.extracted, second.failed) == (len(missing), len(missing), [])
            assert store.counts() == {"articles": 60, "extractions": 60, "feeds": 1}
            assert store.unextracted_ids(Sabotage.version) == []
    finally:
        cluster.scheduler.allowed_failures = 3


def test_kg_backfill_runs_on_a_given_scheduler(tmp_path, client, cluster, extractor):
    articles = sample_articles()[:12]
    path = stored(tmp_path / "kg.sqlite", articles)
    result = CliRunner().invoke(main, ["backfill", "--store", str(path), "--scheduler", cluster.scheduler_address,
                                       "--partition-size", "5"])
    assert result.exit_code == 0, result.output
    assert f"12 articles extracted by {extractor.version} on 2 workers" in result.output
    assert extractions(path) == {x.article_id: x for x in extractor.extract(articles)}


def test_a_backfill_killed_midway_leaves_whole_partitions_and_a_rerun_completes_it(tmp_path, client, cluster,
                                                                                   extractor):
    path = stored(tmp_path / "kg.sqlite", sample_articles()[:40])
    command = [sys.executable, "-m", "kg", "backfill", "--store", str(path), "--scheduler", cluster.scheduler_address,
               "--partition-size", "4", "--quiet"]
    backfilling = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: written(path) > 0, timeout=60)
    finally:
        backfilling.kill()
        backfilling.wait()
    assert written(path) % 4 == 0, "whole partitions only"
    with Store.open(path) as store:
        assert subprocess.run(command, timeout=120).returncode == 0
        assert len(store.unextracted_ids(extractor.version)) == 0
        articles = list(store.articles())
    assert extractions(path) == {x.article_id: x for x in extractor.extract(articles)}


def test_connect_starts_a_local_cluster_of_single_threaded_workers(tmp_path):
    path = stored(tmp_path / "kg.sqlite", corpus(tmp_path, 5, {}))
    with connect(workers=2) as client, Store.open(path) as store:
        assert list(client.nthreads().values()) == [1, 1]
        report = backfill(store, client, extractor_factory=Sabotage)
    assert (report.extracted, report.workers, report.partitions) == (5, 2, 5)  # 4 partitions a thread, at least


def test_kg_backfill_refuses_a_scheduler_and_local_workers_together(tmp_path):
    result = CliRunner().invoke(main, ["backfill", "--store", str(tmp_path / "kg.sqlite"), "--scheduler",
                                       "tcp://127.0.0.1:1", "--workers", "2"])
    assert result.exit_code == 2 and "exclude each other" in result.output
