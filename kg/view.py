"""The interactive HTML page: pyvis builds the network, our template makes the page right.

pyvis's own page loads scripts and styles from CDNs and turns any node title
containing "href" into HTML (a script-injection hole with feed text). So
pyvis is used for what it does well, holding nodes, edges and their vis.js
attributes, and the page comes from ``kg/templates/graph.html``: vis-network's
script and style are inlined from the copy pyvis ships, the data travels as
JSON with ``<``, ``>`` and ``&`` escaped, and every string reaches the DOM
through ``textContent`` (links only for http/https URLs). Positions come from
``kg.layout`` and physics starts off, so a page of thousands of nodes opens
at once with the same picture every time.

>>> from kg.graph import GraphBuilder
>>> kg = KnowledgeGraph(GraphBuilder().graph)
>>> select_graph(kg, ViewOptions()).number_of_nodes()
0
"""

from __future__ import annotations

import heapq
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from .layout import layout
from .models import ENTITY_TYPES, EVENT_TYPES
from .query import KnowledgeGraph

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
DEFAULT_MAX_NODES = 400
SHOW_CHOICES = ("all", "entities", "events")
UNIT = 80  # screen pixels per ideal edge length at zoom 1
MIN_SIZE, MAX_SIZE = 7, 40  # node radius in pixels: square root of importance, from least to most important
BIG = 1000  # nodes; above this the page trades effects for speed
EVIDENCE_PER_ITEM = 5  # sentences kept per edge, event or entity; the page says how many there are in all

COLORS = {
    "EXCHANGE": "#1f77b4", "REGULATOR": "#d62728", "PERSON": "#2ca02c", "ORGANIZATION": "#9467bd",
    "ASSET": "#ff7f0e", "LOCATION": "#8c564b",
}
SHAPES = {
    "EXCHANGE": "dot", "REGULATOR": "triangle", "PERSON": "dot", "ORGANIZATION": "square", "ASSET": "diamond",
    "LOCATION": "triangleDown", "EVENT": "star",
}
# Events are stars; their colour says the family: incidents, legal action, distress, business, people, market.
EVENT_COLORS = {
    "HACK": "#b2182b", "DATA_LEAK": "#d6604d",
    "INVESTIGATION": "#e08214", "LAWSUIT": "#f1a340", "CRIMINAL_CASE": "#b35806", "FINE": "#fdb863",
    "BAN": "#8c510a", "WARNING": "#dfc27d",
    "BANKRUPTCY": "#542788", "WITHDRAWAL_HALT": "#8073ac",
    "LISTING": "#1b7837", "ACQUISITION": "#5aae61", "FUNDING": "#a6dba0", "PARTNERSHIP": "#01665e",
    "LICENSE": "#35978f", "LAUNCH": "#80cdc1",
    "LEADERSHIP_CHANGE": "#c51b7d", "PRICE_MOVE": "#de77ae",
}


@dataclass(frozen=True)
class ViewOptions:
    """What the page shows; ``since``/``until`` are ISO dates (YYYY, YYYY-MM or YYYY-MM-DD)."""

    max_nodes: int = DEFAULT_MAX_NODES
    entity: str | None = None
    depth: int = 2
    since: str | None = None
    until: str | None = None
    show: str = "all"  # "all", "entities", "events"
    title: str = "Crypto news knowledge graph"

    def __post_init__(self):
        if self.max_nodes < 1:
            raise ValueError(f"max_nodes = {self.max_nodes} is invalid; value must be >= 1")
        if self.depth < 0:
            raise ValueError(f"depth = {self.depth} is invalid; value must be >= 0")
        if self.show not in SHOW_CHOICES:
            raise ValueError(f"show = {self.show!r} is invalid; allowed: {', '.join(SHOW_CHOICES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _is_date(value):
                raise ValueError(f"{name} = {value!r} is invalid; use YYYY-MM-DD (or YYYY-MM, YYYY)")


def select_graph(kg: KnowledgeGraph, options: ViewOptions) -> nx.MultiDiGraph:
    """The part of the graph a view shows: ego view or whole graph, time slice, kinds, top N.

    Articles are never nodes of the page (they are the evidence behind the
    links). An events-only view keeps the events' participants; an
    entities-only view links two entities that share an event by an edge
    named after the event type. The ego view's entity is always kept. Nodes
    come in sorted order so a view is the same page every time.
    """
    g = kg.to_networkx()
    nodes = g._node  # networkx's own dicts: a view of 100,000 articles reads millions of entries
    if options.entity:  # the ego graph, read in place: copying it (kg.subgraph) took seconds around a hub
        pinned = kg._node(options.entity)
        within = kg.ego_nodes(pinned, options.depth)
        universe = [n for n in nodes if n in within]  # in the graph's order, as a copy would hold them
    else:
        pinned, within, universe = None, None, nodes
    keep = []
    for node in universe:
        data = nodes[node]
        kind = data.get("kind")
        if kind == "article" or (options.show == "entities" and kind != "entity"):
            continue
        if options.show == "events" and kind != "event":
            continue
        if node == pinned or _in_slice(data, options.since, options.until):
            keep.append(node)
    if options.show == "events":  # an events-only view still needs the parties to read
        keep += [p for n in list(keep) for p in nodes[n].get("participant_ids", [])
                 if within is None or p in within]
        keep = list(dict.fromkeys(keep))
    if len(keep) > options.max_nodes:  # the first N of them sorted, without sorting them all
        keep = heapq.nsmallest(options.max_nodes, keep, key=lambda n: (n != pinned, -_importance(g, n, within), n))
    kept = set(keep)
    view = nx.MultiDiGraph()
    view.add_nodes_from((n, nodes[n]) for n in sorted(kept))
    succ = g._succ
    view.add_edges_from((u, v, k, d) for u in nodes if u in kept
                        for v, keys in succ[u].items() if v in kept for k, d in keys.items())
    if options.show == "entities":
        _link_through_events(g, universe, view, options)
    return view


def _link_through_events(g: nx.MultiDiGraph, universe, view: nx.MultiDiGraph, options: ViewOptions) -> None:
    """Entities that share an event (among the nodes ``universe``) get an edge keyed by the event type, with
    the event's evidence."""
    for node in universe:
        data = g.nodes[node]
        if data.get("kind") != "event" or not _in_slice(data, options.since, options.until):
            continue
        parts = [p for p in data.get("participant_ids", []) if p in view]
        for i, u in enumerate(parts):
            for v in parts[i + 1:]:
                evidence = [e for p in (u, v) if g.has_edge(p, node, "PARTICIPANT")
                            for e in g.edges[p, node, "PARTICIPANT"]["evidence"]]
                if view.has_edge(u, v, data["type"]):
                    edge = view.edges[u, v, data["type"]]
                    edge["evidence"] = _unique(edge["evidence"] + evidence)
                    edge["events"].append(data["name"])
                else:
                    view.add_edge(u, v, key=data["type"], type=data["type"], role="", evidence=_unique(evidence),
                                  events=[data["name"]], first_seen=data.get("first_seen", ""),
                                  last_seen=data.get("last_seen", ""))


def render(kg: KnowledgeGraph, out: str | os.PathLike, options: ViewOptions = ViewOptions()) -> dict:
    """Write the page to ``out`` (atomically) and return what it holds."""
    return write_page(page(kg, options), out)


def write_page(built: dict, out: str | os.PathLike) -> dict:
    """Write a page made by ``page`` (here or by ``kg serve``) to ``out`` atomically; what it holds."""
    write_atomic(out, built["html"])
    return {"nodes": built["nodes"], "edges": built["edges"], "path": str(out), "bytes": len(built["html"].encode())}


def page(kg: KnowledgeGraph, options: ViewOptions = ViewOptions()) -> dict:
    """The page as a string (``html``) with its numbers of ``nodes`` and ``edges``."""
    g = select_graph(kg, options)
    net = _network(g)
    data = _page_data(g, net, kg)
    html = _template().render(
        title=options.title, vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        data_json=_script_json(data))
    return {"html": html, "nodes": len(data["nodes"]), "edges": len(data["edges"])}


def _network(g: nx.MultiDiGraph) -> Network:
    """pyvis holds what vis.js draws: id, label, group (the type), size, position; edges with their label."""
    net = Network(directed=True, cdn_resources="in_line", notebook=False)
    positions = layout(g)
    importance = {node: _importance(g, node) for node in g}
    low, high = min(importance.values(), default=0), max(importance.values(), default=0)
    for node, data in g.nodes(data=True):
        x, y = positions[node]
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((importance[node] - low) / (high - low or 1))
        net.add_node(node, label=_node_label(node, data), group=data["type"], size=round(size, 1),
                     x=round(x * UNIT), y=round(y * UNIT))
    for u, v, key, data in g.edges(keys=True, data=True):
        net.add_edge(u, v, label=_edge_label(key, data))
    return net


def _node_label(node: str, data: dict) -> str:
    """Entities by name; events by type and date (their full name, with the parties, is in the details)."""
    if data.get("kind") == "event":
        return " ".join(x for x in (data["type"].replace("_", " ").capitalize(), data.get("date", "")) if x)
    return data.get("name") or node


def _edge_label(key: str, data: dict) -> str:
    """Relation (lower case, role in brackets) or, on an event's edge, the participant's role."""
    role = data.get("role") or ""
    if key == "PARTICIPANT":
        return role
    label = key.lower().replace("_", " ")
    return f"{label} ({role})" if role else label


def _page_data(g: nx.MultiDiGraph, net: Network, kg: KnowledgeGraph) -> dict:
    """Everything the page needs, with articles and sentences stored once and referred to by number."""
    refs = _Refs()
    full = kg.to_networkx()
    nodes = []
    for item in net.nodes:
        data = g.nodes[item["id"]]
        out = {k: item[k] for k in ("id", "label", "group", "size", "x", "y")}
        out["kind"] = data.get("kind", "")
        if data.get("name") and data["name"] != out["label"]:
            out["name"] = data["name"]
        for key in ("aliases", "participants"):
            if data.get(key):
                out[key] = list(data[key])
        for key in ("mentions", "articles", "sources", "outlets", "date"):
            if data.get(key) not in (None, ""):
                out[key] = data[key]
        for key in ("first_seen", "last_seen"):
            if data.get(key):
                out[key] = data[key][:10]
        # read on networkx's own dicts: a hub of a large graph is mentioned in tens of thousands of articles
        if out["kind"] == "event":
            reports = [e for keys in full._pred[item["id"]].values() if "REPORTS" in keys
                       for e in keys["REPORTS"]["evidence"]]
            out["evidence"] = refs.evidence(_newest_first(reports))
        elif out["kind"] == "entity":
            mentions = [keys["MENTIONS"]["evidence"][0] for keys in full._pred[item["id"]].values()
                        if "MENTIONS" in keys and keys["MENTIONS"]["evidence"]]
            out["evidence"] = refs.evidence(_newest_first(mentions))
        nodes.append(out)
    edges = []
    for i, (item, (u, v, key, data)) in enumerate(zip(net.edges, g.edges(keys=True, data=True))):
        out = {"id": f"e{i}", "from": u, "to": v, "label": item["label"], "kind": key,
               "sources": data.get("sources") or len({e["article_id"] for e in data["evidence"]}),
               "evidence": refs.evidence(data["evidence"])}
        if data.get("role") and data["role"] != item["label"]:
            out["role"] = data["role"]
        for k in ("first_seen", "last_seen"):
            if data.get(k):
                out[k] = data[k][:10]
        if data.get("events"):
            out["events"] = data["events"][:EVIDENCE_PER_ITEM]
        edges.append(out)
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["group"]] = counts.get(n["group"], 0) + 1
    groups = [{"id": t, "label": t.replace("_", " ").capitalize(), "color": COLORS[t], "shape": SHAPES[t],
               "kind": "entity", "count": counts[t]} for t in ENTITY_TYPES if t in counts]
    groups += [{"id": t, "label": t.replace("_", " ").capitalize(), "color": EVENT_COLORS[t], "shape": SHAPES["EVENT"],
                "kind": "event", "count": counts[t]} for t in EVENT_TYPES if t in counts]
    dates = sorted(d[:10] for n in nodes for d in (n.get("date"), n.get("first_seen"), n.get("last_seen"))
                   if d and len(d) >= 10)  # the bounds of the page's date inputs, which take whole days
    stats = kg.stats()
    summary = (f"{stats['articles']} articles, {sum(stats['entities'].values())} entities, "
               f"{sum(stats['events'].values())} events; showing {len(nodes)} nodes, {len(edges)} links")
    return {"nodes": nodes, "edges": edges, "groups": groups, "articles": refs.articles, "sentences": refs.sentences,
            "options": _vis_options(groups, len(nodes)), "summary": summary,
            "dates": {"min": dates[0] if dates else "", "max": dates[-1] if dates else ""}}


class _Refs:
    """Articles and sentences numbered once each: evidence is [article, sentence] pairs of numbers."""

    def __init__(self):
        self.articles: list[list[str]] = []
        self.sentences: list[str] = []
        self._articles: dict[str, int] = {}
        self._sentences: dict[str, int] = {}

    def evidence(self, items: list[dict]) -> list[list[int]]:
        out, seen = [], set()
        for e in items:
            key = (e["article_id"], e["sentence"])
            if key in seen:
                continue
            seen.add(key)
            if e["article_id"] not in self._articles:
                self._articles[e["article_id"]] = len(self.articles)
                self.articles.append([e.get("url") or "", e.get("title") or "", (e.get("published") or "")[:10]])
            if e["sentence"] not in self._sentences:
                self._sentences[e["sentence"]] = len(self.sentences)
                self.sentences.append(e["sentence"])
            out.append([self._articles[e["article_id"]], self._sentences[e["sentence"]]])
            if len(out) == EVIDENCE_PER_ITEM:
                break
        return out


def _vis_options(groups: list[dict], n: int) -> dict:
    big = n > BIG  # translucent edges and hover effects cost a redraw of thousands of items at every move
    return {
        "groups": {g["id"]: {"color": g["color"], "shape": g["shape"]} for g in groups},
        "physics": {"enabled": False, "barnesHut": {"gravitationalConstant": -6000, "springLength": 120},
                    "stabilization": {"enabled": False}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"font": {"size": 13}, "scaling": {"label": {"enabled": False, "min": 13, "max": 30, "maxVisible": 30,
                                                                    "drawThreshold": 6}}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 9, "align": "middle", "color": "#56606b"},
                  "color": {"opacity": 1.0 if big else 0.55}},
        "layout": {"improvedLayout": False},
    }


def _importance(g: nx.MultiDiGraph, node: str, within: set | None = None) -> int:
    """An event's sources and parties; an entity's articles, mentions and links (those with nodes
    ``within`` only, if given: the links an ego graph would hold)."""
    data = g.nodes[node]
    if data.get("kind") == "event":
        return 2 * int(data.get("sources", 1)) + len(data.get("participant_ids", []))
    succ, pred = g._succ[node], g._pred[node]  # networkx's own dicts: the degree view costs a call per link
    if within is None:
        degree = sum(map(len, succ.values())) + sum(map(len, pred.values()))
    else:
        degree = (sum(len(keys) for v, keys in succ.items() if v in within)
                  + sum(len(keys) for v, keys in pred.items() if v in within))
    return int(data.get("articles", 0) or 0) * 2 + int(data.get("mentions", 0) or 0) // 3 + degree


def _in_slice(data: dict, since: str | None, until: str | None) -> bool:
    """Seen within [since, until], comparing at the precision both sides give ('2022' is in 2022-06)."""
    first = (data.get("date") or data.get("first_seen") or "")[:10]
    last = (data.get("date") or data.get("last_seen") or "")[:10]
    if since and last and last < since[:len(last)]:
        return False
    if until and first and first[:len(until)] > until:
        return False
    return True


def _is_date(text: str) -> bool:
    """A date at year, month or day precision: '2022', '2022-06', '2022-06-30'."""
    if len(text) not in (4, 7, 10):
        return False
    try:
        date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
    except ValueError:
        return False
    return text[:4].isdigit()


def _newest_first(evidence: list[dict], enough: int = EVIDENCE_PER_ITEM) -> list[dict]:
    """The newest items first: as many as it takes to hold ``enough`` distinct (article, sentence) pairs,
    which is all a page keeps (``_Refs.evidence``). A hub's thousands of mentions are not all sorted."""
    key = lambda e: (e.get("published") or "", e["article_id"])  # noqa: E731
    wanted = enough
    while wanted < len(evidence):
        newest = heapq.nlargest(wanted, evidence, key=key)  # = sorted(..., reverse=True)[:wanted], ties too
        if len({(e["article_id"], e["sentence"]) for e in newest}) >= enough:
            return newest
        wanted *= 4
    return sorted(evidence, key=key, reverse=True)


def _unique(evidence: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in evidence:
        if (e["article_id"], e["sentence"]) not in seen:
            seen.add((e["article_id"], e["sentence"]))
            out.append(e)
    return out


def _script_json(data: dict) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survive literally.

    >>> _script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    return env.get_template("graph.html")


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write via a temporary file in the same folder, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@dataclass(frozen=True)
class NotebookPage:
    """The page for Jupyter: displayed inline as a sandboxed iframe (``_repr_html_``), no IPython needed."""

    html: str = field(repr=False)
    height: int = 650

    def _repr_html_(self) -> str:
        # Not starting with "<iframe": IPython warns "Consider using IPython.display.IFrame" on bare iframes.
        return (f'<div class="kg-graph"><iframe srcdoc="{escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:0" '
                f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>')


def notebook(kg: KnowledgeGraph, options: ViewOptions = ViewOptions(), height: int = 650) -> NotebookPage:
    """The graph inline in a Jupyter notebook: make it a cell's last expression, or pass it to ``display()``.

    The page runs in an iframe whose sandbox allows scripts but not the
    notebook's origin, so nothing on the page can touch the notebook.

    >>> from kg.graph import GraphBuilder
    >>> notebook(KnowledgeGraph(GraphBuilder().graph))._repr_html_()[:35]
    '<div class="kg-graph"><iframe srcdo'
    """
    return NotebookPage(page(kg, options)["html"], height)
