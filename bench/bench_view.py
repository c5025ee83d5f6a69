"""Benchmark: the graph page with 5,000 nodes and 8,000 edges, opened in headless Chromium.

Builds a synthetic knowledge graph through ``kg.graph.GraphBuilder`` from
fabricated articles and extractions (no spaCy model), renders it with
``kg.view.render``, loads the file in Debian's Chromium through Playwright and
prints: the Python render time, the file size, the time from navigation to the
first drawn frame (``document.body.dataset.ready``), and the time a ``fit()``
and a ``focus()`` on a node take to reach the screen.

    .venv/bin/python bench/bench_view.py
    .venv/bin/python bench/bench_view.py --entities 2000 --events 3000 --relations 800 --out output/bench-graph.html

The page's file size must stay within ``SIZE_BOUND`` (stated in the README);
the script exits 1 when it does not.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from kg.models import ENTITY_TYPES, EVENT_TYPES, Article, Entity, Event, Evidence, Extraction, Relation
from kg.query import KnowledgeGraph

SIZE_BOUND = 8_000_000  # bytes, for 5,000 nodes and 8,000 edges
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHARES = {"EXCHANGE": 0.12, "REGULATOR": 0.05, "PERSON": 0.3, "ORGANIZATION": 0.3, "ASSET": 0.13, "LOCATION": 0.1}
WORDS = ("Nova Apex Orbit Ledger Vault Prism Harbor Summit Quartz Cobalt Delta Falcon Granite Helix Ion Juniper "
         "Krypton Lumen Meridian Nimbus Onyx Pioneer Quantum Raven Sierra Titan Umbra Vector Willow Zenith").split()


def synthetic_pairs(entities: int = 2000, events: int = 3000, relations: int = 800,
                    seed: int = 1) -> list[tuple[Article, Extraction]]:
    """Articles and extractions that build a graph of ``entities + events`` nodes.

    Each event has two or three participants chosen with a long-tailed
    popularity (a few entities are in many events, as exchanges are in news)
    and one or two reporting articles; no two events of one type fall within
    the event window, so none merge.
    Relations link people to organisations and organisations to places.
    """
    rng = random.Random(seed)
    ents = []
    for t in ENTITY_TYPES:
        for i in range(round(entities * SHARES[t])):
            name = f"{rng.choice(WORDS)} {t.title()} {len(ents):04d}"
            ents.append(Entity(name=name, type=t, aliases=(f"{t[:2]}{len(ents):04d}",)))
    ents = ents[:entities]
    weights = [1 / (rank + 3) ** 0.9 for rank in range(len(ents))]
    order = list(range(len(ents)))
    rng.shuffle(order)
    slots = [(t, s) for t in EVENT_TYPES for s in range(events // len(EVENT_TYPES) + 1)]
    rng.shuffle(slots)
    pairs, used = [], set()
    for i in range(events):
        type_, slot = slots[i]
        date = _day(slot * 11)
        size = 3 if rng.random() < 0.4 else 2
        chosen: list[int] = []
        while len(chosen) < size:
            e = order[rng.choices(range(len(ents)), weights)[0]]
            if e not in chosen:
                chosen.append(e)
        used.update(chosen)
        names = [ents[e].name for e in chosen]
        sentence = (f"{names[0]} was named in a {type_.lower().replace('_', ' ')} on {date}, according to people "
                    f"familiar with the matter, alongside {', '.join(names[1:])}, in a case that drew attention "
                    f"across the market.")
        title = f"{names[0]}: {type_.replace('_', ' ').title()} reported"
        pairs.append(_pair(f"ev{i:05d}", title, date, [ents[e] for e in chosen],
                           events=[Event(type_, tuple(names), date, "", _evidence(sentence))], text=sentence))
        if rng.random() < 0.3:  # a second outlet reports it: the same event, one more source
            again = (f"Reports say {names[-1]} and {names[0]} are part of the "
                     f"{type_.lower().replace('_', ' ')} disclosed on {date}.")
            pairs.append(_pair(f"ev{i:05d}b", f"Update: {title}", date, [ents[e] for e in chosen],
                               events=[Event(type_, tuple(names), date, "", _evidence(again))], text=again))
    people = [e for e in ents if e.type == "PERSON"]
    orgs = [e for e in ents if e.type in ("EXCHANGE", "REGULATOR", "ORGANIZATION")]
    places = [e for e in ents if e.type == "LOCATION"]
    links = set()
    while len(links) < relations:
        if rng.random() < 0.6:
            links.add((rng.choice(people).name, "WORKS_FOR", rng.choice(orgs).name))
        else:
            links.add((rng.choice(orgs).name, "BASED_IN", rng.choice(places).name))
    by_name = {e.name: e for e in ents}
    for i, (head, rel, tail) in enumerate(sorted(links)):
        sentence = f"{head} {'works for' if rel == 'WORKS_FOR' else 'is based in'} {tail}, the filing showed."
        pairs.append(_pair(f"rel{i:05d}", f"{head} and {tail}", _day(rng.randrange(2000)),
                           [by_name[head], by_name[tail]], relations=[Relation(head, rel, tail, "",
                                                                               _evidence(sentence))], text=sentence))
    for i, e in enumerate(x for j, x in enumerate(ents) if j not in used):  # in no event: a node without links
        pairs.append(_pair(f"men{i:05d}", f"{e.name} in the news", _day(rng.randrange(2000)), [e],
                           text=f"{e.name} was mentioned."))
    return pairs


def synthetic_kg(entities: int = 2000, events: int = 3000, relations: int = 800, seed: int = 1) -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions(synthetic_pairs(entities, events, relations, seed))


def _day(offset: int) -> str:
    from datetime import date, timedelta

    return (date(2017, 1, 1) + timedelta(days=offset)).isoformat()


def _evidence(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def _pair(aid: str, title: str, date: str, ents: list[Entity], events=(), relations=(), text="") -> tuple:
    article = Article(id=aid, title=title, text=text, url=f"https://news.example/{date[:4]}/{aid}-{title[:30]}",
                      published=f"{date}T09:00:00+00:00", feed="synthetic")
    return article, Extraction(article_id=aid, entities=tuple(ents), relations=tuple(relations), events=tuple(events))


def measure_page(path: Path, screenshot: Path | None = None) -> dict:
    """Open ``path`` in headless Chromium; times in milliseconds."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        started = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
        wall = (time.perf_counter() - started) * 1000
        in_page = page.evaluate("window.kgReadyMs")
        fit = page.evaluate("""() => new Promise(done => {
            const t = performance.now();
            kgNetwork.once("afterDrawing", () => done(performance.now() - t));
            kgNetwork.fit({ animation: false });
        })""")
        focus = page.evaluate("""() => new Promise(done => {
            const id = kgNetwork.body.nodeIndices[0], t = performance.now();
            kgNetwork.once("afterDrawing", () => done(performance.now() - t));
            kgNetwork.focus(id, { scale: 1.5, animation: false });
        })""")
        shown = page.evaluate("kgVisibleNodeCount()")
        if screenshot:
            page.evaluate("kgNetwork.fit({ animation: false })")
            page.wait_for_timeout(200)
            page.screenshot(path=str(screenshot))
        browser.close()
    return {"wall_ms": wall, "ready_ms": in_page, "fit_ms": fit, "focus_ms": focus, "shown": shown, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    from kg.view import ViewOptions, render

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entities", type=int, default=2000)
    ap.add_argument("--events", type=int, default=3000)
    ap.add_argument("--relations", type=int, default=800)
    ap.add_argument("--out", default="output/bench-graph.html")
    ap.add_argument("--screenshot", default="output/bench-graph.png")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    kg = synthetic_kg(args.entities, args.events, args.relations)
    built = time.perf_counter() - started
    out = Path(args.out)
    started = time.perf_counter()
    info = render(kg, out, ViewOptions(max_nodes=args.entities + args.events))
    rendered = time.perf_counter() - started
    size = out.stat().st_size
    print(f"graph:            {info['nodes']} nodes, {info['edges']} edges (built in {built:.2f} s)")
    print(f"render (Python):  {rendered:.2f} s")
    print(f"file size:        {size / 1e6:.2f} MB (bound {SIZE_BOUND / 1e6:.0f} MB)")
    if not Path(CHROMIUM).exists():
        print(f"browser:          skipped ({CHROMIUM} not found)")
    else:
        m = measure_page(out, Path(args.screenshot) if args.screenshot else None)
        print(f"first frame:      {m['ready_ms'] / 1000:.2f} s after navigation ({m['wall_ms'] / 1000:.2f} s wall, "
              f"goto to ready)")
        print(f"fit() round trip: {m['fit_ms']:.0f} ms")
        print(f"focus() on node:  {m['focus_ms']:.0f} ms")
        print(f"nodes in page:    {m['shown']}; console errors: {len(m['errors'])}")
        for e in m["errors"][:5]:
            print("  ", e)
    return 0 if size <= SIZE_BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
