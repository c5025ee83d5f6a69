"""`kg watch` in a real process stops cleanly on SIGTERM and SIGINT, idle or in the middle of a run."""

import signal
import subprocess
import sys
import time

import pytest

from conftest import rss, wait_for
from kg.store import Store

EMPTY_FEED = rss()  # no items: no spaCy model is ever loaded


def start_watch(server, tmp_path, every):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: F\n    url: {server.url('/feed')}\n")
    store = tmp_path / "kg.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "watch", "--feeds", str(feeds), "--store", str(store),
                             "--every", str(every)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, store


def stop(proc, sig):
    started = time.monotonic()
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    return out, err, time.monotonic() - started


def last_status(store):
    with Store.open(store, create=False) as db:
        state = db.feed_state("F")
    return state.last_status if state else ""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_watch_stops_at_once_while_waiting_for_the_next_round(server, tmp_path, sig):
    server.add("/feed", body=EMPTY_FEED)
    proc, store = start_watch(server, tmp_path, every=60)
    assert wait_for(lambda: store.exists() and last_status(store) == "200 ok", timeout=20), proc.stderr
    out, err, took = stop(proc, sig)
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped") and "Traceback" not in err
    assert took < 5, "it does not sit out the 60 s wait"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_watch_finishes_the_feed_in_hand_then_stops(server, tmp_path, sig):
    def slow(h):
        time.sleep(1)
        h.send_response(200)
        h.send_header("Content-Length", str(len(EMPTY_FEED)))
        h.end_headers()
        h.wfile.write(EMPTY_FEED)

    route = server.add("/feed", body=slow)
    proc, store = start_watch(server, tmp_path, every=60)
    assert wait_for(lambda: route.hits == 1, timeout=20)
    out, err, took = stop(proc, sig)
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped") and "Traceback" not in err
    assert last_status(store) == "200 ok", "the run in progress was completed and recorded"
    with Store.open(store) as db:
        assert db.integrity_ok()
    assert route.hits == 1
