"""Benchmark: kg against the speed of its own spaCy model, end to end, on corpora of 1k to 100k articles.

    .venv/bin/python bench/bench_pipeline.py                     # 1k and 10k articles (about an hour on 2 cores)
    .venv/bin/python bench/bench_pipeline.py --100k              # adds the 100k graph, queries and memory run
    .venv/bin/python bench/bench_pipeline.py --sizes 300 --graph-sizes 300,3000 --memory-sizes 300,1000  # a look
    .venv/bin/python bench/bench_pipeline.py --only-memory --memory-sizes 10000,100000   # step 6 alone

Corpora are made from the bundled sample feeds and ``tests/data/gold/*.jsonl``:
article ``i`` is base article ``i mod bases`` with its people renamed, half of
its knowledge-base names swapped for others of the same type, its other
organisations renamed, large numbers redrawn and years shifted, so names and
numbers keep changing as they do in news; a wire-style byline ("Reporting by
...; editing by ...") whose pair of names is unique to ``i`` makes every
article's text different (kg would otherwise skip a repeat as a duplicate). Measured side by side in one run:

1. raw spaCy: ``nlp.pipe`` over the article texts with the stock pipeline of
   the model kg uses (``spacy.load``, every component, default batch size);
   also at kg's batch size, and with the matrix products in numpy's BLAS as kg
   runs them (``kg.nlp.matmul``), so the table shows what each choice is worth;
2. kg end to end: the corpus written as RSS files, served with ETags on
   127.0.0.1, ingested (fetch, parse, deduplicate, extract, store) into a fresh
   SQLite store with one process, 3. with two;
4. ingesting the unchanged feed set again (every feed answers 304): time as a
   share of the first ingest, and how many articles were extracted again;
5. building the graph from the store, and query latency (entity lookup,
   neighbours, an entity's events, ego subgraph of depth 2, a path) with the
   CLI's defaults (``--limit``, ``--links``), p50 and p95 per query type and
   the p50 of all types together, for two draws of
   entities: uniformly at random (mostly rare names with a handful of links)
   and in proportion to their mentions (the exchanges, regulators and people
   users ask about, hubs included), plus the best-connected entity alone.
   Graphs come from the stores of step 2 ("real") and, for sizes where running
   spaCy would take hours, from extractions generated the same way as the
   corpus without spaCy: each base article's extraction renamed like its text
   ("synthetic", made at every graph size so ratios compare like with like);
6. peak memory of extraction in a fresh process streaming 100k articles with
   two extraction processes (``--memory-processes``), read when 10k and 100k
   articles are done: the peak resident memory (VmHWM) of the process and its
   workers, summed.

Raw spaCy (three ways) and the two ingests run interleaved, a quarter of the
corpus at a time, so a change in the machine's load during the run hits them
all alike.
Both wall-clock and CPU time are kept. The memory run goes on in the background
while the synthetic graphs are built and queried (``--only-memory`` runs it
alone). Prints a table, writes ``output/bench.json`` and exits 1 if a target is
missed.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from kg.cli import DEFAULT_LIMIT, DEFAULT_LINKS  # noqa: E402
from kg.config import Config  # noqa: E402
from kg.extract import BATCH_SIZE, Extractor, article_text  # noqa: E402
from kg.feeds.parse import parse_feed  # noqa: E402
from kg.ingest import ingest  # noqa: E402
from kg.models import Article, Entity, Event, Evidence, Extraction, FeedSource, Relation  # noqa: E402
from kg.nlp.kb import load_kb  # noqa: E402
from kg.nlp import matmul  # noqa: E402
from kg.nlp.matmul import one_thread, use_numpy_blas  # noqa: E402
from kg.nlp.pipeline import candidate_models  # noqa: E402
from kg.query import KnowledgeGraph  # noqa: E402
from kg.serve import connect  # noqa: E402
from kg.store import Store  # noqa: E402

SAMPLE = ROOT / "kg" / "data" / "sample"
GOLD = ROOT / "tests" / "data" / "gold"
FEED_ITEMS = 50  # articles per feed file, as news feeds carry
ROUNDS = 4  # raw spaCy and the ingests take turns, a quarter of the corpus each
QUERIES = 100  # entities per draw and query type
DRAWS = {"queries": "entities at random", "queries_popular": "entities by mentions"}
TARGETS = {
    "e2e_vs_raw": 1.0,  # end-to-end throughput >= 1.0x raw nlp.pipe
    "two_vs_one": 1.7,  # 2 processes >= 1.7x one
    "reingest_share": 0.02,  # re-ingest <= 2% of the first ingest, nothing re-extracted
    "query_p50_ms": 50.0,  # p50 at 100k <= 50 ms
    "query_growth": 3.0,  # and <= 3x the p50 at 1k
    "memory_growth": 1.3,  # peak memory at 100k <= 1.3x that at 10k
}

FIRST = ("Adaeze Aiko Alejandro Amara Anders Anya Arjun Astrid Beatriz Bogdan Camille Chen Chiara Dalia Dmitri Elif "
         "Emeka Esther Farid Freya Gabriel Hana Hiroshi Ines Ivan Jasper Jia Kai Kalinda Karim Leila Lorenzo Lucia "
         "Malik Marta Mateo Mei Mikhail Nadia Nikhil Noor Olga Omar Priya Rafael Rania Ravi Rosa Sanjay Sara Sergei "
         "Sofia Tariq Tomas Valentina Wei Yara Yusuf Zanele Zofia").split()
LAST = ("Abara Adeyemi Alvarez Andersen Bakshi Barros Becker Bianchi Castillo Chowdhury Costa Dahl Delgado Dubois "
        "Eriksen Farouk Ferreira Fischer Gallo Haddad Hansen Horvat Ibrahim Ivanova Jensen Kapoor Kato Kovacs Kruger "
        "Lindqvist Lopes Mahmoud Marin Mendes Moreau Mwangi Nakamura Nguyen Novak Okafor Olsen Ortiz Park Petrov "
        "Quispe Rahman Rossi Sato Schmidt Silva Sokolov Tanaka Torres Varga Vogel Wagner Yilmaz Zhou Zielinski").split()
STAFF = [f"{first} {last}" for first in FIRST for last in LAST]  # bylines
SYLLABLES = "ar bel cor dex fin gal hex ion jur kal lum mer nor ox pra qua ros sil tor ul ven wex xi yor zen".split()
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])\d{3,}(?:\.\d+)?(?![\w])")
YEAR = re.compile(r"^(19[89]\d|20[0-3]\d)$")


# corpus -------------------------------------------------------------------------------

def load_bases() -> list[Article]:
    """The articles corpora are varied from: the sample feeds, then the gold files' articles."""
    bases = []
    for path in sorted(SAMPLE.iterdir()):
        if path.suffix in (".xml", ".atom"):
            bases += parse_feed(path.read_bytes(), feed_name=path.stem).articles
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                bases.append(Article(id=row["id"], title=row.get("title", ""), text=row.get("text", ""),
                                     url=row.get("url", ""), published=row.get("published", "")))
    return bases


class Corpus:
    """Article ``i`` and its synthetic extraction, both made from base article ``i mod len(bases)``."""

    def __init__(self, bases: list[Article], base_extractions: list[Extraction], seed: int = 1):
        self.bases, self.extractions, self.seed = bases, base_extractions, seed
        kb = load_kb()
        self.kb_by_type: dict[str, list] = {}
        for entry in sorted(kb.entries.values(), key=lambda e: e.id):
            self.kb_by_type.setdefault(entry.type, []).append(entry)

    def __len__(self) -> int:
        return len(self.bases)

    def _variation(self, i: int):
        rng = random.Random(f"{self.seed}:{i}")
        base, extraction = self.bases[i % len(self.bases)], self.extractions[i % len(self.bases)]
        names: dict[str, str] = {}  # surface form -> replacement
        kb_ids: dict[str, str] = {}  # new entity name -> new kb id
        for ent in extraction.entities:
            if ent.type == "PERSON":
                first, last = rng.choice(FIRST), rng.choice(LAST)
                if rng.random() < 0.5:  # about 100,000 names in all, as new people keep appearing in news
                    first += f" {rng.choice('ABCDEFGHJKLMNPRSTVW')}."
                new = f"{first} {last}"
                old_last = ent.name.split()[-1]
                names.setdefault(ent.name, new)
                if old_last != ent.name:
                    names.setdefault(old_last, last)
                for alias in ent.aliases:
                    names.setdefault(alias, last if len(alias.split()) == 1 else new)
            elif ent.kb_id and ent.type in ("EXCHANGE", "REGULATOR", "ORGANIZATION", "ASSET") and rng.random() < 0.5:
                other = rng.choice(self.kb_by_type[ent.type])
                for name in (ent.name, *ent.aliases):
                    names.setdefault(name, other.name)
                kb_ids[other.name] = other.id
            elif not ent.kb_id and ent.type in ("EXCHANGE", "ORGANIZATION"):
                words = ent.name.split()
                coined = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                new = " ".join([coined, *words[1:]])
                names.setdefault(ent.name, new)
                for alias in ent.aliases:
                    names.setdefault(alias, new)
        names = {k: v for k, v in names.items() if k and k != v}
        pattern = (re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))
                              + r")(?![\w])") if names else None)
        shift = rng.randint(-3, 3)
        draws: dict[str, str] = {}

        def number(m: re.Match) -> str:
            text = m.group(0)
            if YEAR.match(text):
                return str(int(text) + shift)
            if text not in draws:
                draws[text] = "".join(str(rng.randint(1 if k == 0 else 0, 9)) if c.isdigit() else c
                                      for k, c in enumerate(text))
            return draws[text]

        def vary(text: str) -> str:
            if pattern is not None:
                text = pattern.sub(lambda m: names[m.group(0)], text)
            return NUMBER.sub(number, text)

        published = _published(base.published, shift, rng)
        return base, extraction, names, kb_ids, vary, shift, published

    def article(self, i: int) -> Article:
        base, _, _, _, vary, _, published = self._variation(i)
        guid = f"urn:kg-bench:{self.seed}:{i}"
        title, text = vary(base.title), vary(base.text) + "\n\n" + _byline(i)
        fingerprint = " ".join((title + " " + text).casefold().split())
        return Article(id=hashlib.sha1(guid.encode()).hexdigest()[:16], title=title, text=text,
                       url=f"https://bench.example/{self.seed}/{i}", published=published, feed="bench", guid=guid,
                       content_hash=hashlib.sha1(fingerprint.encode()).hexdigest())

    def synthetic(self, i: int) -> tuple[Article, Extraction]:
        """Article ``i`` and the extraction kg gives its base article, renamed the same way (no spaCy)."""
        article = self.article(i)
        _, extraction, names, kb_ids, vary, shift, _ = self._variation(i)

        def name(n: str) -> str:
            return names.get(n, n)

        def ev(e: Evidence | None) -> Evidence | None:
            return replace(e, sentence=vary(e.sentence)) if e else None

        entities, seen = [], set()
        for e in extraction.entities:
            new = name(e.name)
            if new in seen:
                continue
            seen.add(new)
            kb_id = kb_ids.get(new, e.kb_id if new == e.name else "")
            entities.append(Entity(new, e.type, tuple(dict.fromkeys(name(a) for a in e.aliases if name(a) != new)),
                                   kb_id, e.mentions, tuple(ev(x) for x in e.evidence)))
        byline = _byline(i)
        for person in _staff(i):
            if person not in seen:
                start = article.text.index(person)
                entities.append(Entity(person, "PERSON", (), "", 1,
                                       (Evidence(byline, start, start + len(person)),)))
        relations = [Relation(name(r.head), r.type, name(r.tail), r.role, ev(r.evidence)) for r in extraction.relations
                     if name(r.head) != name(r.tail)]
        events = [Event(e.type, tuple(dict.fromkeys(name(p) for p in e.participants)), _shift_date(e.date, shift),
                        e.trigger, ev(e.evidence)) for e in extraction.events]
        return article, Extraction(article.id, tuple(entities), tuple(relations), tuple(events))


def _staff(i: int) -> tuple[str, str]:
    """A reporter and an editor; no two articles below len(STAFF) ** 2 have the same pair."""
    n = len(STAFF)
    return STAFF[i % n], STAFF[(i // n + 37 * i) % n]


def _byline(i: int) -> str:
    reporter, editor = _staff(i)
    return f"(Reporting by {reporter}; editing by {editor})"


def _published(value: str, shift: int, rng: random.Random) -> str:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        when = datetime(2023, 6, 1, tzinfo=timezone.utc)
    when = when.replace(year=min(max(when.year + shift, 1990), 2030), day=min(when.day, 28))
    return (when + timedelta(days=rng.randint(-20, 20))).strftime("%Y-%m-%dT%H:%M:%SZ")


def _shift_date(value: str, shift: int) -> str:
    if len(value) >= 4 and value[:4].isdigit():
        return f"{int(value[:4]) + shift:04d}{value[4:]}"
    return value


# feeds on 127.0.0.1 ----------------------------------------------------------------------

def write_feeds(corpus: Corpus, n: int, folder: Path) -> list[Path]:
    """The first ``n`` articles as RSS files of FEED_ITEMS items each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f, start in enumerate(range(0, n, FEED_ITEMS)):
        items = []
        for i in range(start, min(start + FEED_ITEMS, n)):
            a = corpus.article(i)
            body = "".join(f"<p>{html.escape(p)}</p>" for p in a.text.split("\n\n"))
            when = format_datetime(datetime.fromisoformat(a.published.replace("Z", "+00:00")))
            items.append(f"<item><title>{html.escape(a.title)}</title><link>{a.url}</link>"
                         f"<guid isPermaLink=\"false\">{a.guid}</guid><pubDate>{when}</pubDate>"
                         f"<description>{html.escape(body)}</description></item>")
        path = folder / f"feed{f:04d}.xml"
        path.write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                        f"<title>Bench feed {f}</title><link>https://bench.example/</link>"
                        f"<description>kg benchmark</description>{''.join(items)}</channel></rss>", encoding="utf-8")
        paths.append(path)
    return paths


class FeedServer:
    """Serves a folder's files with strong ETags and answers 304 to a matching If-None-Match."""

    def __init__(self, folder: Path):
        self.folder, self.hits, self.not_modified = folder, 0, 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = server.folder / self.path.lstrip("/")
                body = path.read_bytes() if path.is_file() else None
                server.hits += 1
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
                if self.headers.get("If-None-Match") == etag:
                    server.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def config(self, paths: list[Path]) -> Config:
        port = self.httpd.server_address[1]
        return Config(feeds=tuple(FeedSource(p.stem, f"http://127.0.0.1:{port}/{p.name}") for p in paths))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# measuring -------------------------------------------------------------------------------

class Clock:
    """Wall and CPU seconds (this process and its finished children) over the ``with`` block."""

    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall0, _cpu() - self.cpu0


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load_stock(model: str | None):
    for name in candidate_models(model):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy model installed")


class CountingExtractor:
    """The real extractor, counting the articles it is given (and whether it was needed at all)."""

    def __init__(self, inner: Extractor):
        self.inner, self.version, self.articles = inner, inner.version, 0

    def extract(self, articles, **kwargs):
        for x in self.inner.extract(articles, **kwargs):
            self.articles += 1
            yield x


def speed_run(corpus: Corpus, n: int, workdir: Path, extractor: Extractor, stock, stock_blas, log) -> dict:
    """Steps 1 to 4 at one size; returns the figures and the path of the one-process store."""
    feeds = write_feeds(corpus, n, workdir / "feeds")
    server = FeedServer(workdir / "feeds")
    try:
        texts_by_feed = [[article_text(a) for a in parse_feed(p.read_bytes(), feed_name=p.stem).articles]
                         for p in feeds]
        words = sum(len(t.split()) for texts in texts_by_feed for t in texts)
        stores = {1: workdir / "one.sqlite", 2: workdir / "two.sqlite"}
        totals = {k: {"wall": 0.0, "cpu": 0.0} for k in ("raw", "raw_kg_batch", "raw_numpy_blas", "one", "two")}
        stored = {1: 0, 2: 0}
        parts = [feeds[r::ROUNDS] for r in range(ROUNDS)]
        for r, part in enumerate(parts):
            if not part:
                continue
            texts = [t for p in part for t in texts_by_feed[feeds.index(p)]]
            config = server.config(part)
            with Clock() as c:
                for _ in stock.pipe(texts):
                    pass
            _add(totals["raw"], c)
            for procs in (1, 2):
                with Store.open(stores[procs]) as db, Clock() as c:
                    report = ingest(config, db, extractor=extractor, force=True, n_process=procs)
                stored[procs] += report.new_articles
                _add(totals["one" if procs == 1 else "two"], c)
            with Clock() as c:
                for _ in stock.pipe(texts, batch_size=BATCH_SIZE):
                    pass
            _add(totals["raw_kg_batch"], c)
            with one_thread(), Clock() as c:
                for _ in stock_blas.pipe(texts):
                    pass
            _add(totals["raw_numpy_blas"], c)
            log(f"  round {r + 1}/{ROUNDS}: raw {totals['raw']['wall']:.1f}s, one process "
                f"{totals['one']['wall']:.1f}s, two {totals['two']['wall']:.1f}s (cumulative)")
        if stored[1] != n or stored[2] != n:
            log(f"  warning: stored {stored} articles, expected {n} each (repeated texts?)")
        counting = CountingExtractor(extractor)
        with Store.open(stores[1]) as db, Clock() as c:
            again = ingest(server.config(feeds), db, extractor=counting, force=True)
        reingest = {"wall": c.wall, "cpu": c.cpu, "new_articles": again.new_articles,
                    "articles_extracted": counting.articles,
                    "not_modified": sum(f.status == "not-modified" for f in again.feeds), "feeds": len(feeds)}
    finally:
        server.close()
    out = {"articles": n, "words": words, "feeds": len(feeds), "stored": stored[1], "stored_two": stored[2],
           "store": str(stores[1])}
    for key, t in totals.items():
        out[key] = {"wall_s": round(t["wall"], 3), "cpu_s": round(t["cpu"], 3),
                    "articles_per_s": round(n / t["wall"], 2), "words_per_s": round(words / t["wall"], 1)}
    out["e2e_vs_raw"] = {"wall": round(totals["raw"]["wall"] / totals["one"]["wall"], 3),
                         "cpu": round(totals["raw"]["cpu"] / totals["one"]["cpu"], 3)}
    out["e2e_vs_raw_kg_batch"] = {"wall": round(totals["raw_kg_batch"]["wall"] / totals["one"]["wall"], 3)}
    out["e2e_vs_raw_numpy_blas"] = {"wall": round(totals["raw_numpy_blas"]["wall"] / totals["one"]["wall"], 3)}
    out["two_vs_one"] = round(totals["one"]["wall"] / totals["two"]["wall"], 3)
    out["reingest"] = {**{k: round(v, 4) if isinstance(v, float) else v for k, v in reingest.items()},
                       "share_of_first": round(reingest["wall"] / totals["one"]["wall"], 5)}
    return out


def _add(total: dict, clock: Clock) -> None:
    total["wall"] += clock.wall
    total["cpu"] += clock.cpu


def synthetic_store(corpus: Corpus, n: int, path: Path) -> Path:
    with Store.open(path) as db:
        db.ensure_feed("bench", "https://bench.example/feed")
        for start in range(0, n, 2000):
            pairs = [corpus.synthetic(i) for i in range(start, min(start + 2000, n))]
            db.commit_feed("bench", articles=[a for a, _ in pairs], extractions=[x for _, x in pairs],
                           extractor="synthetic", etag="", last_modified="", status="200 ok", next_check=0, now=0)
    return path


def graph_run(store: Path, seed: int = 7) -> dict:
    """Graph build time and query latencies (ms): entities drawn at random, then by mentions."""
    with Clock() as c:
        kg = KnowledgeGraph.open(store)
    g = kg.graph
    entities = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "entity")
    rng = random.Random(seed)
    draws = {"queries": rng.sample(entities, min(QUERIES, len(entities))),
             "queries_popular": rng.choices(entities, weights=[g.nodes[n]["mentions"] for n in entities], k=QUERIES)}
    hub = g.nodes[max(entities, key=lambda n: (g.nodes[n]["mentions"], n))]["name"]
    ops = {  # with the CLI's defaults, as users ask them
        "entity": lambda a, b: kg.entity(a),
        "neighbors": lambda a, b: kg.neighbors(a, limit=DEFAULT_LIMIT, links=DEFAULT_LINKS),
        "events": lambda a, b: kg.events(entity=a, limit=DEFAULT_LIMIT),
        "subgraph2": lambda a, b: kg.subgraph(a, depth=2, limit=DEFAULT_LIMIT),
        "path": lambda a, b: kg.path(a, b),
    }
    size = {  # how much an answer holds: the time a query cannot avoid grows with it
        "entity": lambda r: 1,
        "neighbors": lambda r: len(r) + sum(len(n["via"]) for n in r),
        "events": len,
        "subgraph2": lambda r: r.number_of_nodes(),
        "path": lambda r: max(1, len(r)),
    }
    out = {"build_s": round(c.wall, 3), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
           "entities": len(entities), "hub": hub, "pooled_p50_ms": {}}
    for draw, picked in draws.items():
        names = [g.nodes[n]["name"] for n in picked]
        partners = names[1:] + names[:1]
        out[draw] = {}
        pooled = []  # every query of the draw, whatever its type: the p50 a user asking a mix of them sees
        for op, fn in ops.items():
            started = time.perf_counter()
            fn(names[0], partners[0])  # the first call builds what the method caches (name index, view)
            first = time.perf_counter() - started
            times, sizes = [], []
            for a, b in zip(names, partners):
                started = time.perf_counter()
                answer = fn(a, b)
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(size[op](answer))
            per_item = sorted(1000 * t / max(1, n) for t, n in zip(times, sizes))
            started = time.perf_counter()
            fn(hub, names[0])
            hub_ms = (time.perf_counter() - started) * 1000
            pooled += times
            times.sort()
            out[draw][op] = {"p50_ms": round(statistics.median(times), 3),
                             "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 3),
                             "first_call_ms": round(first * 1000, 2), "hub_ms": round(hub_ms, 3),
                             "answer_size_p50": statistics.median(sizes),
                             "us_per_item_p50": round(statistics.median(per_item), 2)}
        out["pooled_p50_ms"][draw] = round(statistics.median(pooled), 3)
    out["p50_ms"] = max(q["p50_ms"] for draw in draws for q in out[draw].values())
    asked = g.nodes[draws["queries_popular"][0]]["name"]
    kg.store.close()
    del kg, g  # freed (the graph is frozen out of the collector, but nothing refers to it): room for the server
    out["cli"] = cli_run(store, hub, asked)
    return out


CLI_RUNS = {"query": 5, "view": 3}  # served runs per command (a cold one opens the whole graph: once)


def cli_run(store: Path, hub: str, name: str) -> dict:
    """``kg query`` and ``kg view`` in a new process, as a user types them: wall seconds when the
    command opens the graph itself (from the cache, which is current) and when ``kg serve`` holds
    it open, and how long the server took to start (open the graph and listen)."""
    kg_cmd = [sys.executable, "-m", "kg"]
    page = store.with_suffix(".html")
    commands = {"query entity": ["query", "entity", name, "--json"],
                "query neighbors (top hub)": ["query", "neighbors", hub, "--json"],
                "view (whole graph)": ["view", "--out", str(page)],
                "view --entity (top hub)": ["view", "--entity", hub, "--out", str(page)]}

    def timed(args: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(kg_cmd + [*args, "--store", str(store)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return time.perf_counter() - started

    cold = {c: timed(args) for c, args in commands.items()}
    started = time.perf_counter()
    server = subprocess.Popen(kg_cmd + ["serve", "--store", str(store)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        while connect(store) is None:
            if server.poll() is not None:
                raise RuntimeError(f"kg serve ended: {server.stderr.read()}")
            time.sleep(0.05)
        start_s = time.perf_counter() - started
        served = {c: statistics.median(timed(args) for _ in range(CLI_RUNS[args[0]])) for c, args in commands.items()}
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=120)
    page.unlink(missing_ok=True)
    return {"cold_s": {c: round(t, 3) for c, t in cold.items()}, "served_s": {c: round(t, 3) for c, t in served.items()},
            "server_start_s": round(start_s, 2)}


def memory_run(sizes: list[int], seed: int, model: str | None, processes: int, log) -> dict:
    """Extraction of ``max(sizes)`` articles in a fresh process, with ``processes`` extraction
    processes; peak resident memory when each size in ``sizes`` is reached. One stream gives every
    checkpoint, so the 100k figure costs no more than the 100k run, and each checkpoint is logged as
    it comes (an interrupted run still tells what it measured)."""
    cmd = [sys.executable, __file__, "--child-memory", ",".join(map(str, sizes)), "--seed", str(seed),
           "--memory-processes", str(processes)]
    if model:
        cmd += ["--model", model]
    out = {}
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as child:
        for line in child.stdout:
            point = json.loads(line)
            out[str(point["articles"])] = point
            log(f"  memory at {point['articles']:,} articles: peak {point['peak_rss_mb']:,.0f} MB "
                f"({point['elapsed_s']:,.0f}s)")
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return out


def child_memory(sizes: list[int], seed: int, model: str | None, processes: int) -> None:
    extractor = Extractor(model)
    bases = load_bases()
    corpus = Corpus(bases, list(extractor.extract(bases)), seed)
    n = max(sizes)
    started = time.time()
    stream = extractor.extract((corpus.article(i) for i in range(n)), n_process=processes)
    entities = 0
    for k, x in enumerate(stream, 1):
        entities += len(x.entities)
        if k in sizes:
            print(json.dumps({"articles": k, "processes": processes, "peak_rss_mb": round(_peak_kb() / 1024, 1),
                              "rss_now_mb": round(_rss_kb() / 1024, 1),
                              "strings": len(extractor.nlp.vocab.strings), "entities": entities,
                              "elapsed_s": round(time.time() - started, 1)}), flush=True)


def _peak_kb() -> int:
    """Peak resident memory of this process plus its live extraction workers (forked: the model's
    pages are counted in each, so the sum overstates the machine's use, the same way at every size)."""
    total = _status_kb("self", "VmHWM:")
    for child in multiprocessing.active_children():
        total += _status_kb(str(child.pid), "VmHWM:")
    return total


def _status_kb(pid: str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb() -> int:
    total = _status_kb("self", "VmRSS:")
    for child in multiprocessing.active_children():
        total += _status_kb(str(child.pid), "VmRSS:")
    return total


# report --------------------------------------------------------------------------------

def targets(result: dict) -> list[dict]:
    checks = []
    speed = result["speed"]
    if speed:
        big = speed[max(speed, key=int)]
        checks.append(_check("end-to-end throughput / raw nlp.pipe", big["e2e_vs_raw"]["wall"], ">=",
                             TARGETS["e2e_vs_raw"], f"{big['articles']} articles, wall clock"))
        checks.append(_check("2 processes / 1 process", big["two_vs_one"], ">=", TARGETS["two_vs_one"],
                             f"{big['articles']} articles"))
        share = max(s["reingest"]["share_of_first"] for s in speed.values())
        again = sum(s["reingest"]["articles_extracted"] for s in speed.values())
        checks.append(_check("re-ingest time / first ingest", share, "<=", TARGETS["reingest_share"],
                             f"{again} articles re-extracted", ok=again == 0))
    graphs = result["graphs"]["synthetic"]
    if graphs:
        small, large = graphs[min(graphs, key=int)], graphs[max(graphs, key=int)]
        checks.append(_check(f"query p50 at {max(graphs, key=int)} articles (ms, slowest query type)",
                             large["p50_ms"], "<=", TARGETS["query_p50_ms"], "synthetic graph, both draws"))
        for draw, who in DRAWS.items():
            checks.append(_check(f"query p50 {max(graphs, key=int)} / {min(graphs, key=int)} articles, {who} "
                                 "(all query types together)",
                                 round(large["pooled_p50_ms"][draw] / max(small["pooled_p50_ms"][draw], 1e-3), 2),
                                 "<=", TARGETS["query_growth"],
                                 f"synthetic graphs; p50 {small['pooled_p50_ms'][draw]} -> "
                                 f"{large['pooled_p50_ms'][draw]} ms"))
            growth = {q: large[draw][q]["p50_ms"] / max(small[draw][q]["p50_ms"], 1e-3) for q in large[draw]}
            worst = max(growth, key=growth.get)
            checks.append(_check(f"query p50 {max(graphs, key=int)} / {min(graphs, key=int)} articles, {who} "
                                 "(worst query type)", round(growth[worst], 2), "<=", TARGETS["query_growth"],
                                 f"synthetic graphs; worst: {worst}"))
    memory = result["memory"]
    if len(memory) >= 2:
        small, large = memory[min(memory, key=int)], memory[max(memory, key=int)]
        checks.append(_check(f"peak memory {max(memory, key=int)} / {min(memory, key=int)} articles",
                             round(large["peak_rss_mb"] / small["peak_rss_mb"], 3), "<=", TARGETS["memory_growth"],
                             f"peak RSS, {large.get('processes', 1)} extraction processes, one run"))
    return checks


def _check(name, value, op, bound, note="", ok=True) -> dict:
    met = ok and (value >= bound if op == ">=" else value <= bound)
    return {"target": name, "value": value, "bound": f"{op} {bound}", "met": met, "note": note}


def print_table(result: dict) -> None:
    speed, graphs, memory = result["speed"], result["graphs"], result["memory"]
    sizes = sorted(speed, key=int)
    w = 14
    print()
    if sizes:
        print(f"{'articles':44}" + "".join(f"{int(s):>{w},}" for s in sizes))
        rows = [
            ("words", lambda s: f"{s['words']:,}"),
            ("raw spaCy, stock pipeline: words/s", lambda s: f"{s['raw']['words_per_s']:,.0f}"),
            (f"raw spaCy, batch size {BATCH_SIZE}: words/s", lambda s: f"{s['raw_kg_batch']['words_per_s']:,.0f}"),
            ("raw spaCy, numpy's BLAS: words/s", lambda s: f"{s['raw_numpy_blas']['words_per_s']:,.0f}"),
            ("kg end to end, 1 process: words/s", lambda s: f"{s['one']['words_per_s']:,.0f}"),
            ("  / raw (wall clock)", lambda s: f"{s['e2e_vs_raw']['wall']:.2f}x"),
            ("  / raw (CPU time)", lambda s: f"{s['e2e_vs_raw']['cpu']:.2f}x"),
            (f"  / raw at batch size {BATCH_SIZE}", lambda s: f"{s['e2e_vs_raw_kg_batch']['wall']:.2f}x"),
            ("  / raw with numpy's BLAS", lambda s: f"{s['e2e_vs_raw_numpy_blas']['wall']:.2f}x"),
            ("kg end to end, 2 processes: words/s", lambda s: f"{s['two']['words_per_s']:,.0f}"),
            ("  / 1 process", lambda s: f"{s['two_vs_one']:.2f}x"),
            ("first ingest (s)", lambda s: f"{s['one']['wall_s']:.1f}"),
            ("re-ingest unchanged feeds (s)", lambda s: f"{s['reingest']['wall']:.3f}"),
            ("  / first ingest", lambda s: f"{100 * s['reingest']['share_of_first']:.2f}%"),
            ("  articles re-extracted", lambda s: f"{s['reingest']['articles_extracted']}"),
        ]
        for label, fn in rows:
            print(f"{label:44}" + "".join(f"{fn(speed[s]):>{w}}" for s in sizes))
    for kind in ("real", "synthetic"):
        found = graphs[kind]
        if not found:
            continue
        gs = sorted(found, key=int)
        print(f"\n{'graph from ' + kind + ' extractions':44}" + "".join(f"{int(s):>{w},}" for s in gs))
        print(f"{'  nodes / edges':44}" + "".join(f"{found[s]['nodes']:>7,}/{found[s]['edges']:<6,}"[:w].rjust(w)
                                                for s in gs))
        print(f"{'  build from the store (s)':44}" + "".join(f"{found[s]['build_s']:>{w}.2f}" for s in gs))
        for draw, who in DRAWS.items():
            print(f"  queries, {who}")
            print(f"{'    all query types together: p50 (ms)':44}" + "".join(
                f"{found[s]['pooled_p50_ms'][draw]:>{w}.3f}" for s in gs))
            for op in found[gs[0]][draw]:
                print(f"{'    ' + op + ' p50 / p95 (ms)':44}" + "".join(
                    f"{found[s][draw][op]['p50_ms']:.2f} / {found[s][draw][op]['p95_ms']:.2f}".rjust(w)
                    for s in gs))
                print(f"{'      answer size p50, us per item p50':44}" + "".join(
                    f"{found[s][draw][op]['answer_size_p50']:g}, {found[s][draw][op]['us_per_item_p50']:.1f}".rjust(w)
                    for s in gs))
                if draw == "queries":
                    print(f"{'      best-connected entity (ms)':44}" + "".join(
                        f"{found[s][draw][op]['hub_ms']:>{w}.2f}" for s in gs))
        if "cli" in found[gs[0]]:
            print("  kg in a new process (s): opening the graph / asking `kg serve`")
            for q in found[gs[0]]["cli"]["cold_s"]:
                print(f"{'    ' + q:44}" + "".join(
                    f"{found[s]['cli']['cold_s'][q]:.2f} / {found[s]['cli']['served_s'][q]:.3f}".rjust(w) for s in gs))
            print(f"{'    kg serve: open and listen (s)':44}" + "".join(
                f"{found[s]['cli']['server_start_s']:>{w}.2f}" for s in gs))
    if memory:
        ms = sorted(memory, key=int)
        procs = memory[ms[-1]]["processes"]
        print(f"\n{f'extraction, {procs} processes, one stream':44}" + "".join(f"{int(s):>{w},}" for s in ms))
        print(f"{'  peak RSS so far (MB, all processes)':44}" + "".join(f"{memory[s]['peak_rss_mb']:>{w}.0f}"
                                                                       for s in ms))
        print(f"{'  RSS now (MB)':44}" + "".join(f"{memory[s]['rss_now_mb']:>{w}.0f}" for s in ms))
        print(f"{'  spaCy strings (main process)':44}" + "".join(f"{memory[s]['strings']:>{w},}" for s in ms))
    print("\ntargets")
    for t in result["targets"]:
        print(f"  {'met   ' if t['met'] else 'MISSED'} {t['target']}: {t['value']} ({t['bound']}; {t['note']})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for steps 1-4 (comma-separated)")
    ap.add_argument("--graph-sizes", default="1000,10000", help="synthetic graph sizes for step 5")
    ap.add_argument("--memory-sizes", default="10000", help="sizes for step 6")
    ap.add_argument("--100k", dest="hundred_k", action="store_true",
                    help="add 100,000 articles to the graph, query and memory sizes")
    ap.add_argument("--model", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "output" / "bench.json"))
    ap.add_argument("--memory-processes", type=int, default=2, help="extraction processes in step 6")
    ap.add_argument("--only-memory", action="store_true", help="run step 6 alone and print its figures")
    ap.add_argument("--child-memory", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_memory:
        child_memory([int(s) for s in args.child_memory.split(",")], args.seed, args.model, args.memory_processes)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    graph_sizes = [int(s) for s in args.graph_sizes.split(",") if s]
    memory_sizes = [int(s) for s in args.memory_sizes.split(",") if s]
    if args.hundred_k:
        graph_sizes = sorted(set(graph_sizes) | {100_000})
        memory_sizes = sorted(set(memory_sizes) | {100_000})

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if args.only_memory:
        memory = memory_run(memory_sizes, args.seed, args.model, args.memory_processes, log)
        check = targets({"speed": {}, "graphs": {"synthetic": {}}, "memory": memory})
        print(json.dumps({"memory": memory, "targets": check}, indent=1))
        return 0 if all(t["met"] for t in check) else 1

    started = time.time()
    with Clock() as load:
        extractor = Extractor(args.model)
    stock, stock_blas = load_stock(args.model), load_stock(args.model)
    numpy_blas = use_numpy_blas(stock_blas)
    bases = load_bases()
    corpus = Corpus(bases, list(extractor.extract(bases)), args.seed)
    for nlp in (stock, stock_blas):  # every pipeline has read the bases once
        for _ in nlp.pipe(article_text(a) for a in bases):
            pass
    result = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__,
                          "model": f"{stock.meta['lang']}_{stock.meta['name']}-{stock.meta['version']}",
                          "stock_pipeline": stock.pipe_names, "kg_pipeline": extractor.nlp.pipe_names,
                          "numpy_blas": numpy_blas and matmul.numpy_blas(),
                          "load_average_start": os.getloadavg()},
              "model_load_s": round(load.wall, 2), "base_articles": len(bases),
              "speed": {}, "graphs": {"real": {}, "synthetic": {}}, "memory": {}}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for n in sizes:
            log(f"{n} articles: raw spaCy and ingestion, interleaved")
            result["speed"][str(n)] = speed_run(corpus, n, Path(tmp) / str(n), extractor, stock, stock_blas, log)
            log(f"{n} articles: graph and queries (real extractions)")
            result["graphs"]["real"][str(n)] = graph_run(Path(result["speed"][str(n)].pop("store")))
        del stock, stock_blas, extractor

        def memory_runs():  # in the background, beside the graph work
            log(f"{max(memory_sizes)} articles: extraction memory in a fresh process (in the background)")
            result["memory"] = memory_run(memory_sizes, args.seed, args.model, args.memory_processes, log)

        memory = threading.Thread(target=memory_runs if memory_sizes else lambda: None)
        memory.start()
        for n in graph_sizes:
            log(f"{n} articles: graph and queries (synthetic extractions)")
            store = synthetic_store(corpus, n, Path(tmp) / f"synthetic{n}.sqlite")
            result["graphs"]["synthetic"][str(n)] = graph_run(store)
            store.unlink()
        memory.join()
    result["machine"]["load_average_end"] = os.getloadavg()
    result["duration_s"] = round(time.time() - started, 1)
    result["targets"] = targets(result)
    print_table(result)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({result['duration_s']:.0f}s)")
    return 0 if all(t["met"] for t in result["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
