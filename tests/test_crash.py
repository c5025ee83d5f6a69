"""Ingestion killed with SIGKILL at random points, 50 times in a row, never corrupts, loses or duplicates.

The loop, the growing feeds and the checks are bench/crash_loop.py's, which
runs the same for hundreds of kills and prints its figures.
"""

import importlib.util
import sys
from functools import partial
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "crash_loop.py"
KILLS = 50


@pytest.fixture(scope="module")
def crash_loop():
    spec = importlib.util.spec_from_file_location("crash_loop", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_a_sound_store_that_a_rerun_completes(server, tmp_path, crash_loop):
    feeds = crash_loop.GrowingFeeds(["alpha", "beta", "gamma", "delta"])
    for name in feeds.names:
        server.add(f"/{name}", body=partial(feeds.respond, name))
    feeds_file = crash_loop.write_feeds_file(tmp_path / "feeds.yaml", {n: server.url(f"/{n}") for n in feeds.names})
    checked = []
    figures = crash_loop.crash_loop(feeds, feeds_file, tmp_path / "kg.sqlite", kills=KILLS, seed=5,
                                    log=lambda i, outcome: checked.append(outcome))
    assert len(checked) == KILLS, "the store was checked after every kill"
    # (about 30 of the 50 land mid-run on these machines, 23 once on a busy one: a third is the floor that still
    # says the kills hit runs, not the gaps between them)
    assert figures["landed_mid_run"] >= KILLS // 3, figures
    assert figures["articles"] == sum(len(feeds.served(n)) for n in feeds.names)
