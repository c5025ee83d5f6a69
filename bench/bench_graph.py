"""Benchmark: opening the graph of a store, cold and through its cache, and query latency on it.

Writes a store of synthetic articles and extractions (no spaCy model: entities with long-tailed
popularity, people working for organisations, organisations based in places, events reported by
one to a dozen outlets), then prints:

* ``KnowledgeGraph.open`` without the cache (build from the store), cold (no cache file: build
  and write it), warm (cache current), and warm after new articles (cache plus the new ones);
* a whole ``kg query entity`` command (a new process: start, imports, open, answer), cold and warm;
* the median (p50) and 90th percentile of each query over names picked across popularity, hubs
  included, with the CLI's default ``limit=50``.

    .venv/bin/python bench/bench_graph.py
    .venv/bin/python bench/bench_graph.py --articles 100000 --store output/bench.sqlite
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.cache import cache_path
from kg.models import Article, Entity, Event, Evidence, Extraction, Relation
from kg.query import KnowledgeGraph
from kg.store import Store

TYPES = {"EXCHANGE": 0.1, "REGULATOR": 0.04, "PERSON": 0.32, "ORGANIZATION": 0.3, "ASSET": 0.14, "LOCATION": 0.1}
OUTLETS = ("ledgerwire", "blockpost", "asiadesk", "chainherald", "tokentimes", "defidaily", "coinmonitor",
           "marketbeat")
EVENT_TYPES = ("HACK", "LAWSUIT", "INVESTIGATION", "FINE", "LISTING", "FUNDING", "PARTNERSHIP", "PRICE_MOVE",
               "LEADERSHIP_CHANGE", "BANKRUPTCY")
WORDS = ("Nova Apex Orbit Ledger Vault Prism Harbor Summit Quartz Cobalt Delta Falcon Granite Helix Ion Juniper "
         "Krypton Lumen Meridian Nimbus Onyx Pioneer Quantum Raven Sierra Titan Umbra Vector Willow Zenith").split()
FEED_BATCH = 200  # articles per commit, as a feed's new items are


def synthetic_reports(articles: int, seed: int = 1) -> list[tuple[Article, Extraction]]:
    """``articles`` (article, extraction) pairs over about ``articles // 3`` entities, in date order."""
    rng = random.Random(seed)
    ents: list[Entity] = []
    for type_, share in TYPES.items():
        for _ in range(max(1, round(articles / 3 * share))):
            n = len(ents)
            name = f"{WORDS[n % len(WORDS)]} {type_.title()} {n:05d}"
            ents.append(Entity(name, type_, (f"{type_[:2]}{n:05d}",), kb_id=f"bench-{n}" if n % 3 == 0 else ""))
    rng.shuffle(ents)
    weights = [1 / (rank + 2) ** 1.1 for rank in range(len(ents))]  # a few hubs, a long tail
    people = [e for e in ents if e.type == "PERSON"]
    orgs = [e for e in ents if e.type in ("EXCHANGE", "REGULATOR", "ORGANIZATION")]
    places = [e for e in ents if e.type == "LOCATION"]
    stories: list[tuple[str, tuple[Entity, ...], str, int]] = []  # type, parties, date, reports left
    start = date(2022, 1, 1)
    pairs = []
    for i in range(articles):
        day = (start + timedelta(days=i * 1000 // articles)).isoformat()
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        chosen = {e.name: e for e in rng.choices(ents, weights, k=rng.randint(2, 6))}
        events, relations = [], []
        live = [s for s in stories[-40:] if s[3] > 0 and s[2] >= (date.fromisoformat(day) - timedelta(days=5)).isoformat()]
        if live and rng.random() < 0.5:  # another outlet reports a story already told
            k = stories.index(rng.choice(live))
            type_, parties, when, left = stories[k]
            stories[k] = (type_, parties, when, left - 1)
        elif rng.random() < 0.6:
            parties = tuple(list(chosen.values())[:rng.randint(1, 3)])
            type_, when = rng.choice(EVENT_TYPES), day
            stories.append((type_, parties, when, rng.randint(0, 11)))
        else:
            parties = ()
        if parties:
            chosen.update((e.name, e) for e in parties)
            names = [e.name for e in parties]
            events.append(Event(type_, tuple(names), when, "", _evidence(f"{names[0]}: {type_.lower()} on {when}.")))
        if rng.random() < 0.3:
            if rng.random() < 0.6:
                head, rel, tail = rng.choices(people, weights[:len(people)])[0], "WORKS_FOR", rng.choice(orgs[:50])
            else:
                head, rel, tail = rng.choices(orgs, weights[:len(orgs)])[0], "BASED_IN", rng.choice(places[:30])
            chosen.update({head.name: head, tail.name: tail})
            relations.append(Relation(head.name, rel, tail.name, "", _evidence(f"{head.name} {rel} {tail.name}.")))
        entities = tuple(Entity(e.name, e.type, e.aliases, e.kb_id, rng.randint(1, 4),
                                (_evidence(f"{e.name} said on {day} that it was in the news."),))
                         for e in chosen.values())
        aid = f"b{i:06d}"
        article = Article(aid, f"Story {i}", f"Body {i}.", f"https://{outlet}.example/{day}/{aid}",
                          f"{day}T{rng.randrange(24):02}:00:00Z", outlet, aid, "", f"hash-{aid}")
        pairs.append((article, Extraction(aid, entities, tuple(relations), tuple(events))))
    return pairs


def write_store(path: Path, pairs) -> None:
    with Store.open(path) as store:
        store.ensure_feed("bench", "https://bench.example/rss")
        for k in range(0, len(pairs), FEED_BATCH):
            batch = pairs[k:k + FEED_BATCH]
            store.commit_feed("bench", articles=[a for a, _ in batch], extractions=[x for _, x in batch],
                              extractor="bench/1", etag="", last_modified="", status="200 ok", next_check=0,
                              now=time.time())


def timed(fn, *args, **kwargs):
    gc.collect()  # the graphs of earlier rounds are garbage in cycles: not this round's time to collect them
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - started, value


def build_collected(store: Path) -> KnowledgeGraph:
    """The graph built from the store as ``open`` did before the cache: the collector on throughout."""
    kg = KnowledgeGraph(store=Store.open(store, create=False))
    kg.add(kg.store.extractions())
    return kg


def command(store: Path, *args: str) -> float:
    """Seconds for ``kg query ARGS --store STORE`` in a new process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "query", *args, "--store", str(store)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def query_latencies(kg: KnowledgeGraph, rounds: int, rng: random.Random) -> dict[str, list[float]]:
    """Seconds per call of each query, over entities picked at every rank of popularity."""
    ranked = sorted(kg.to_networkx().nodes(data=True), key=lambda nd: -nd[1].get("mentions", -1))
    entities = [d["name"] for _, d in ranked if d.get("kind") == "entity"]
    picks = entities[:10] + rng.sample(entities, min(rounds, len(entities)))  # the ten biggest hubs, then any
    event_ids = [e["id"] for e in kg.events(limit=None)]
    calls = {
        "entity": lambda name: kg.entity(name),
        "search": lambda name: kg.search(name.split()[0], limit=50),
        "neighbors": lambda name: kg.neighbors(name, limit=50),
        "events": lambda name: kg.events(entity=name, limit=50),
        "timeline": lambda name: kg.timeline(name, limit=50),
        "articles": lambda name: kg.articles(entity=name, limit=50),
        "articles of an event": lambda _: kg.articles(event=rng.choice(event_ids), limit=50),
        "path": lambda name: kg.path(name, rng.choice(entities)),
        "subgraph": lambda name: kg.subgraph(name, depth=1),
    }
    out: dict[str, list[float]] = {}
    for what, call in calls.items():
        out[what] = []
        for name in picks:
            started = time.perf_counter()
            call(name)
            out[what].append(time.perf_counter() - started)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--added", type=int, default=100, help="Articles added between two warm opens.")
    ap.add_argument("--rounds", type=int, default=200, help="Entities each query is timed on.")
    ap.add_argument("--repeat", type=int, default=3, help="Runs of each open; the best is printed.")
    ap.add_argument("--store", default=None, help="Store to write (default: a temporary folder).")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store or Path(tmp) / "kg.sqlite")
        cache = Path(cache_path(store))
        for p in (store, cache):
            p.unlink(missing_ok=True)
        pairs = synthetic_reports(args.articles + args.added * args.repeat)
        written, _ = timed(write_store, store, pairs[:args.articles])
        print(f"store:              {args.articles} articles, {store.stat().st_size / 1e6:.1f} MB "
              f"(written in {written:.1f} s); best of {args.repeat} runs below")

        def best(fn, *fn_args, before=lambda: None, **kwargs):
            runs = []
            for _ in range(args.repeat):
                before()
                runs.append(timed(fn, *fn_args, **kwargs)[0])
            return min(runs)

        collected = best(build_collected, store)
        no_cache = best(KnowledgeGraph.open, store, cache=False)
        cold = best(KnowledgeGraph.open, store, before=lambda: cache.unlink(missing_ok=True))
        warm = best(KnowledgeGraph.open, store)
        batches = iter(range(args.articles, len(pairs), args.added))
        added = best(KnowledgeGraph.open, store,
                     before=lambda: write_store(store, pairs[(k := next(batches)):k + args.added]))
        g = KnowledgeGraph.open(store).to_networkx()
        print(f"graph:              {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
              f"cache {cache.stat().st_size / 1e6:.1f} MB")
        print(f"open, no cache:     {no_cache:.2f} s (build from the store; {collected:.2f} s with the garbage "
              f"collector on, as before the cache)")
        print(f"open, cold:         {cold:.2f} s (build, then write the cache)")
        print(f"open, warm:         {warm:.2f} s (cache current)")
        print(f"open, +{args.added} articles: {added:.2f} s (cache, the new articles, cache written again)")

        hub = KnowledgeGraph.open(store).search("", limit=1)[0]["name"]
        cli_cold = best(command, store, "entity", hub, before=lambda: cache.unlink(missing_ok=True))
        cli_warm = best(command, store, "entity", hub)
        print(f"kg query entity:    {cli_cold:.2f} s cold, {cli_warm:.2f} s warm (a new process: start, imports, "
              f"open, answer)")

        kg = KnowledgeGraph.open(store)
        gc.collect()
        latencies = query_latencies(kg, args.rounds, random.Random(7))
        print(f"\nquery latency over {len(next(iter(latencies.values())))} entities (ms)   p50     p90     max")
        for what, times in latencies.items():
            ms = sorted(t * 1000 for t in times)
            p90 = ms[int(0.9 * (len(ms) - 1))]
            print(f"  {what:24}             {statistics.median(ms):7.3f} {p90:7.3f} {ms[-1]:7.1f}")
    return 0


def _evidence(sentence: str) -> Evidence:
    return Evidence(sentence, 0, len(sentence))


if __name__ == "__main__":
    sys.exit(main())
