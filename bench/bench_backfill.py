"""Benchmark: ``kg backfill`` throughput on a local Dask cluster of 1 and 2 worker processes.

    .venv/bin/python bench/bench_backfill.py                 # 300 articles
    .venv/bin/python bench/bench_backfill.py --articles 1000 --workers 1,2

The articles are ``bench_pipeline``'s corpus (the sample feeds and gold articles, with names
and numbers varied), stored without extractions as after a bulk import. The bench starts one
``LocalCluster`` per size (one thread per worker) and loads the model on every worker (both
timed apart), then times ``kg.backfill.backfill`` alone: partitioning, shipping articles,
extraction, and writing each partition's extractions in one transaction. For reference, the
same articles are extracted in this process without Dask (``kg.ingest.extract_pending``). The
runs take turns, a share of the articles each round, so a change in the machine's load hits
all alike; the CPU seconds of the worker processes are counted too (articles per CPU second
show Dask's cost apart from the machine's load). Every run must store the same extractions as the reference. Prints a table,
writes ``output/bench-backfill.json``, exits 1 if the extractions differ.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pipeline import Corpus, load_bases  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from kg.backfill import backfill, set_dask_log_level  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.ingest import extract_pending  # noqa: E402
from kg.store import Store  # noqa: E402


def make_store(path: Path, articles: list) -> Path:
    with Store.open(path) as store:
        store.ensure_feed("bench", "https://bench.example/feed")
        store.commit_feed("bench", articles=articles, extractions=[], extractor="", etag="", last_modified="",
                          status="200 ok", next_check=0, now=0)
    return path


def workers_cpu(client) -> float:
    """CPU seconds the cluster's worker processes have used so far."""
    usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF))
    return sum(u.ru_utime + u.ru_stime for u in usage.values())


def stored(path: Path) -> dict:
    with Store.open(path) as store:
        return {a.id: x for a, x in store.extractions()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--workers", default="1,2", help="cluster sizes (comma-separated)")
    ap.add_argument("--rounds", type=int, default=3, help="the runs take turns, a share of the articles each")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=str(ROOT / "output" / "bench-backfill.json"))
    args = ap.parse_args(argv)
    set_dask_log_level(logging.WARNING)
    sizes = [int(w) for w in args.workers.split(",") if w]
    extractor = Extractor(args.model)
    bases = load_bases()
    corpus = Corpus(bases, list(extractor.extract(bases)))
    articles = [corpus.article(i) for i in range(args.articles)]
    result = {"articles": args.articles, "rounds": args.rounds, "cpus": os.cpu_count(),
              "extractor": extractor.version, "load_average_start": os.getloadavg()}
    runs = {"no Dask": {"wall_s": 0.0, "cpu_s": 0.0, "articles": 0, "partitions": 0}}
    runs.update({f"{n} workers": {"workers": n, "wall_s": 0.0, "cpu_s": 0.0, "articles": 0, "partitions": 0}
                 for n in sizes})
    same = True
    with tempfile.TemporaryDirectory(prefix="kg-bench-backfill-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        clients = {}
        for n in sizes:
            started = time.perf_counter()
            cluster = stack.enter_context(LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0", silence_logs=logging.ERROR))
            client = clients[n] = stack.enter_context(Client(cluster))
            client.wait_for_workers(n)
            runs[f"{n} workers"]["cluster_start_s"] = round(time.perf_counter() - started, 2)
            started = time.perf_counter()
            with Store.open(workdir / f"empty{n}.sqlite") as empty:
                backfill(empty, client, model=args.model)  # nothing to extract: loads the model on every worker
            runs[f"{n} workers"]["model_load_s"] = round(time.perf_counter() - started, 2)
        for r in range(args.rounds):
            share = articles[r::args.rounds]
            template = make_store(workdir / f"round{r}.sqlite", share)
            reference = workdir / f"round{r}-reference.sqlite"
            shutil.copy(template, reference)
            with Store.open(reference) as store:
                started, cpu = time.perf_counter(), time.process_time()
                extract_pending(store, extractor)
                runs["no Dask"]["wall_s"] += time.perf_counter() - started
                runs["no Dask"]["cpu_s"] += time.process_time() - cpu
                runs["no Dask"]["articles"] += len(share)
            expected = stored(reference)
            for n, client in clients.items():
                path = workdir / f"round{r}-{n}.sqlite"
                shutil.copy(template, path)
                cpu = workers_cpu(client)
                with Store.open(path) as store:
                    report = backfill(store, client, model=args.model)
                runs[f"{n} workers"]["cpu_s"] += workers_cpu(client) - cpu
                if report.failed:
                    raise SystemExit(f"{n} workers: {len(report.failed)} partitions failed: {report.failed}")
                run = runs[f"{n} workers"]
                run["wall_s"] += report.seconds
                run["articles"] += report.extracted
                run["partitions"] += report.partitions
                run["same_extractions"] = run.get("same_extractions", True) and stored(path) == expected
                same &= run["same_extractions"]
            print(f"round {r + 1}/{args.rounds}: " + ", ".join(f"{k} {v['wall_s']:.1f}s" for k, v in runs.items()),
                  file=sys.stderr, flush=True)
    for run in runs.values():
        run["articles_per_s"] = round(run["articles"] / run["wall_s"], 2)
        run["articles_per_cpu_s"] = round(run["articles"] / run["cpu_s"], 2)
        run["wall_s"], run["cpu_s"] = round(run["wall_s"], 2), round(run["cpu_s"], 2)
    result["runs"] = runs
    result["load_average_end"] = os.getloadavg()
    base = runs[f"{sizes[0]} workers"]["articles_per_s"] if sizes else 0
    print(f"backfill of {args.articles} articles in {args.rounds} rounds ({result['extractor']}, "
          f"{result['cpus']} CPUs, load average {result['load_average_start'][0]:.1f} -> "
          f"{result['load_average_end'][0]:.1f})")
    print(f"{'':12} {'articles/s':>10} {'wall s':>7} {'speed-up':>8} {'per CPU s':>9} {'partitions':>10} "
          f"{'start s':>7} {'model s':>7}  same extractions")
    for name, r in runs.items():
        head = f"{name:12} {r['articles_per_s']:>10} {r['wall_s']:>7}"
        if "workers" not in r:
            print(f"{head} {'':>8} {r['articles_per_cpu_s']:>9}")
            continue
        print(f"{head} {r['articles_per_s'] / base:>7.2f}x {r['articles_per_cpu_s']:>9} {r['partitions']:>10} "
              f"{r['cluster_start_s']:>7} {r['model_load_s']:>7}  {r['same_extractions']}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
