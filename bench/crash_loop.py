"""Kill ingestion with SIGKILL at random points, again and again, and check the store after each kill.

    python bench/crash_loop.py --kills 500 --seed 1

Growing feeds are served on 127.0.0.1 (each new version adds items and has
a new ETag). A worker process imports kg once, then forks one ingestion per kill
(with a fake extractor), so a kill lands inside ingestion rather than in
Python's start-up; it is killed after a random delay between zero and a bit
more than a whole run takes. After every kill the store must pass
``PRAGMA integrity_check``, hold no article twice, and have no feed whose
stored ETag is ahead of its stored articles. A final run without a kill must
then complete and leave exactly the articles ever served. Prints its figures;
exits 1 on the first broken check.

tests/test_crash.py runs the same loop, 50 kills long.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PER_VERSION = 3  # items each new version of a feed adds
WINDOW = 30  # items a version shows: the newest, as real feeds do


class GrowingFeeds:
    """RSS feeds that publish new items as fast as they are read.

    A feed moves to its next version once a request shows (by its ETag) that
    the client stored the current one; until then it serves the current one
    again. So every item reaches a client that keeps up, however old items
    scroll out of the window, and a store missing one has lost it.
    """

    def __init__(self, names: list[str]):
        self.names = names
        self.versions = {name: 0 for name in names}
        self.lock = threading.Lock()

    def respond(self, name: str, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            if handler.headers.get("If-None-Match") == etag(name, self.versions[name]):
                self.versions[name] += 1
            version = self.versions[name]
        body = feed_xml(name, version)
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            handler.send_header("ETag", etag(name, version))
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except OSError:
            pass  # the client was killed mid-answer: the point of the exercise

    def served(self, name: str) -> set[str]:
        """Every guid this feed has published so far."""
        return {f"{name}-{i}" for i in range((self.versions[name] + 1) * PER_VERSION)}


def etag(name: str, version: int) -> str:
    return f'"{name}-v{version}"'


def guids(name: str, version: int) -> list[str]:
    """The items version ``version`` of feed ``name`` shows, newest first."""
    newest = (version + 1) * PER_VERSION - 1
    return [f"{name}-{i}" for i in range(newest, max(newest - WINDOW, -1), -1)]


def feed_xml(name: str, version: int) -> bytes:
    items = "".join(
        f"<item><guid>{g}</guid><title>Story {g}</title><link>https://crash.example/{g}</link>"
        f"<description>Body of story {g}.</description></item>" for g in guids(name, version))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title>'
            f"{items}</channel></rss>").encode()


def write_feeds_file(path: Path, urls: dict[str, str]) -> Path:
    path.write_text("feeds:\n" + "".join(f"  - name: {n}\n    url: {u}\n" for n, u in urls.items()))
    return path


def check(store: Path, feeds: GrowingFeeds, *, complete: bool = False) -> list[str]:
    """What is wrong with the store after a kill (nothing, one hopes); ``complete`` after the final run."""
    if not store.exists():
        return []
    problems = []
    conn = sqlite3.connect(store)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='feeds'").fetchone():
            return []  # killed before the schema was committed
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        for guid, n in conn.execute("SELECT guid, COUNT(*) FROM articles GROUP BY guid HAVING COUNT(*) > 1"):
            problems.append(f"{guid} stored {n} times")
        missing = conn.execute("SELECT COUNT(*) FROM articles a LEFT JOIN extractions x ON x.article_id = a.id "
                               "WHERE x.article_id IS NULL").fetchone()[0]
        if missing:
            problems.append(f"{missing} articles without an extraction")
        for name, stored_etag in conn.execute("SELECT name, etag FROM feeds"):
            stored = {g for (g,) in conn.execute("SELECT guid FROM articles WHERE feed=?", (name,))}
            if stored_etag:
                missing = set(guids(name, int(stored_etag.strip('"').rsplit("-v", 1)[1]))) - stored
                if missing:
                    problems.append(f"{name}: ETag {stored_etag} ahead of its articles ({len(missing)} missing)")
            if stored - feeds.served(name):
                problems.append(f"{name}: articles never served: {sorted(stored - feeds.served(name))[:3]}")
            if complete and stored != feeds.served(name):
                problems.append(f"{name}: {len(feeds.served(name) - stored)} served articles lost")
    finally:
        conn.close()
    return problems


class Worker:
    """A process with kg imported that forks one ingestion per ``run`` and kills it when asked."""

    def __init__(self, feeds_file: Path, store: Path):
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", str(feeds_file), str(store)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self.proc.stdout.readline().strip()
        if ready != "ready":
            raise RuntimeError(f"crash worker did not start: {ready!r}")

    def run(self, kill_after: float | None = None) -> tuple[str, float]:
        """("killed", delay) or ("exit N", seconds the run took)."""
        self.proc.stdin.write(("-" if kill_after is None else f"{kill_after:.6f}") + "\n")
        outcome, seconds = self.proc.stdout.readline().rsplit(" ", 1)
        return outcome, float(seconds)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def worker(feeds_file: str, store: str) -> None:
    """The worker's side of ``Worker``: one line in (a delay, or "-" for none), one line out."""
    from kg.config import load_config
    from kg.ingest import ingest
    from kg.models import Extraction
    from kg.store import Store

    class FakeExtractor:
        version = "fake/1"

        def extract(self, articles):
            return [Extraction(a.id) for a in articles]

    def ingest_once() -> int:
        with Store.open(store) as db, db.writer_lock(wait=10):
            report = ingest(load_config(feeds_file), db, extractor=FakeExtractor(), force=True)
        return 1 if report.failed else 0

    print("ready", flush=True)
    for line in sys.stdin:
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                code = ingest_once()
            finally:
                os._exit(code)
        if line.strip() != "-":
            time.sleep(float(line))
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        seconds = time.monotonic() - started
        if os.WIFSIGNALED(status):
            print(f"killed {seconds:.4f}", flush=True)
        else:
            print(f"exit {os.WEXITSTATUS(status)} {seconds:.4f}", flush=True)


def crash_loop(feeds: GrowingFeeds, feeds_file: Path, store: Path, *, kills: int, seed: int,
               log=lambda *a: None) -> dict:
    """Run ``kills`` killed ingestions and a final one, checking the store each time; the figures."""
    rng = random.Random(seed)
    landed, durations, started = 0, [], time.monotonic()
    with Worker(feeds_file, store) as w:
        outcome, seconds = w.run()
        if outcome != "exit 0":
            raise AssertionError(f"the first, uninterrupted run ended with {outcome}")
        durations.append(seconds)
        for i in range(1, kills + 1):
            # Up to a little more than a run takes, so most kills land inside one.
            outcome, seconds = w.run(kill_after=rng.uniform(0, 1.2 * statistics.median(durations[-5:])))
            if outcome == "killed":
                landed += 1
            else:
                durations.append(seconds)
            problems = check(store, feeds)
            if problems:
                raise AssertionError(f"after kill {i}: " + "; ".join(problems))
            log(i, outcome)
        final, seconds = w.run()
    problems = check(store, feeds, complete=True)
    if final != "exit 0" or problems:
        raise AssertionError(f"the final run ended with {final}: " + "; ".join(problems))
    conn = sqlite3.connect(store)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    return {"kills": kills, "landed_mid_run": landed, "finished_before_kill": kills - landed,
            "median_run_seconds": statistics.median(durations), "articles": articles,
            "seconds": time.monotonic() - started}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--feeds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", nargs=2, metavar=("FEEDS_FILE", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0
    feeds = GrowingFeeds([f"feed{i}" for i in range(args.feeds)])

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            feeds.respond(self.path.strip("/"), self)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        feeds_file = write_feeds_file(Path(tmp) / "feeds.yaml", {
            n: f"http://127.0.0.1:{httpd.server_port}/{n}" for n in feeds.names})
        progress = lambda i, outcome: print(f"\r{i}/{args.kills} kills", end="", file=sys.stderr)  # noqa: E731
        try:
            figures = crash_loop(feeds, feeds_file, Path(tmp) / "kg.sqlite", kills=args.kills, seed=args.seed,
                                 log=progress)
        except AssertionError as exc:
            print(f"\nFAILED: {exc}")
            return 1
        finally:
            httpd.shutdown()
    print(f"\n{figures['kills']} SIGKILLs: {figures['landed_mid_run']} mid-run, "
          f"{figures['finished_before_kill']} after the run had finished")
    print(f"a run takes {figures['median_run_seconds'] * 1000:.0f} ms (median); "
          f"{figures['articles']} articles stored, none lost or duplicated; "
          f"integrity ok after every kill; {figures['seconds']:.1f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
