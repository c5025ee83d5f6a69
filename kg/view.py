"""The interactive HTML page: pyvis builds the network, our template makes the page right.

pyvis's own page loads scripts and styles from CDNs and turns any node title
containing "href" into HTML (a script-injection hole with feed text). So
pyvis is used for what it does well, holding nodes, edges and vis.js options,
and the page comes from ``kg/templates/graph.html``: vis-network's script and
style are inlined from the copy pyvis ships, the data travels as JSON with
``<``, ``>`` and ``&`` escaped, and every string reaches the DOM through
``textContent`` (links only for http/https URLs). Positions are computed in
Python so large graphs open without a physics simulation.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from .query import KnowledgeGraph

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
DEFAULT_MAX_NODES = 400
PHYSICS_LIMIT = 300  # above this, positions come from Python and physics stays off

COLORS = {
    "EXCHANGE": "#1f77b4", "REGULATOR": "#d62728", "PERSON": "#2ca02c", "ORGANIZATION": "#9467bd",
    "ASSET": "#ff7f0e", "LOCATION": "#8c564b", "EVENT": "#e377c2", "ARTICLE": "#7f7f7f",
}
SHAPES = {
    "EXCHANGE": "dot", "REGULATOR": "triangle", "PERSON": "dot", "ORGANIZATION": "square", "ASSET": "diamond",
    "LOCATION": "triangleDown", "EVENT": "star", "ARTICLE": "box",
}


@dataclass(frozen=True)
class ViewOptions:
    max_nodes: int = DEFAULT_MAX_NODES
    entity: str | None = None
    depth: int = 2
    since: str | None = None
    until: str | None = None
    show: str = "all"  # "all", "entities", "events"
    title: str = "Crypto news knowledge graph"


def select_graph(kg: KnowledgeGraph, options: ViewOptions) -> nx.MultiDiGraph:
    """The part of the graph a view shows: ego view or whole graph, time slice, kinds, top N."""
    g = kg.subgraph(options.entity, depth=options.depth) if options.entity else kg.to_networkx()
    keep = []
    for node, data in g.nodes(data=True):
        kind = data.get("kind")
        if kind == "article":
            continue
        if options.show == "entities" and kind != "entity":
            continue
        if options.show == "events" and kind != "event":
            continue
        if not _in_slice(data, options.since, options.until):
            continue
        keep.append(node)
    if options.show == "events":  # an events-only view still needs the parties to read
        keep += [p for n in list(keep) for p in g.nodes[n].get("participant_ids", []) if p in g]
        keep = list(dict.fromkeys(keep))
    if len(keep) > options.max_nodes:
        pinned = {kg._node(options.entity)} if options.entity else set()
        keep.sort(key=lambda n: (n not in pinned, -_importance(g, n), n))
        keep = keep[:options.max_nodes]
    return g.subgraph(keep).copy()


def render(kg: KnowledgeGraph, out: str | os.PathLike, options: ViewOptions = ViewOptions()) -> dict:
    """Write the page to ``out`` (atomically) and return what it holds."""
    g = select_graph(kg, options)
    net, vis_options = _network(g)
    data = _page_data(g, net, kg, vis_options)
    html = _template().render(
        title=options.title, vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        data_json=_script_json(data))
    write_atomic(out, html)
    return {"nodes": len(data["nodes"]), "edges": len(data["edges"]), "path": str(out)}


def _network(g: nx.MultiDiGraph) -> tuple[Network, dict]:
    net = Network(directed=True, cdn_resources="in_line", notebook=False)
    positions = _layout(g)
    big = g.number_of_nodes() > PHYSICS_LIMIT
    for node, data in g.nodes(data=True):
        group = data["type"] if data.get("kind") in ("entity",) else data.get("kind", "").upper()
        x, y = positions.get(node, (0.0, 0.0))
        net.add_node(node, label=data.get("name") or node, group=group if data.get("kind") == "entity" else "EVENT",
                     color=COLORS.get(group if data.get("kind") == "entity" else "EVENT", "#999"),
                     shape=SHAPES.get(group if data.get("kind") == "entity" else "EVENT", "dot"),
                     value=max(1, _importance(g, node)), x=x, y=y, physics=not big)
    for u, v, key, data in g.edges(keys=True, data=True):
        if key == "MENTIONS":
            continue
        net.add_edge(u, v, label=key if key != "PARTICIPANT" else (data.get("role") or ""), arrows="to")
    options = {
        "physics": {"enabled": not big, "stabilization": {"iterations": 150},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "navigationButtons": False},
        "nodes": {"scaling": {"min": 6, "max": 40}, "font": {"size": 13}},
        "edges": {"smooth": False, "font": {"size": 9, "align": "middle"}, "color": {"opacity": 0.6}},
        "layout": {"improvedLayout": False},
    }
    return net, options


def _page_data(g: nx.MultiDiGraph, net: Network, kg: KnowledgeGraph, vis_options: dict) -> dict:
    nodes = []
    for n in net.nodes:
        data = g.nodes[n["id"]]
        item = {k: n.get(k) for k in ("id", "label", "group", "shape", "value", "x", "y", "physics")}
        item["color"] = COLORS.get(item["group"], "#999")  # pyvis drops colour when a group is set
        item.update({
            "kind": data.get("kind"), "type": data.get("type", ""), "aliases": list(data.get("aliases", [])),
            "mentions": data.get("mentions"), "articles": data.get("articles"), "date": data.get("date", ""),
            "participants": list(data.get("participants", [])), "sources": data.get("sources"),
            "first_seen": data.get("first_seen", ""), "last_seen": data.get("last_seen", ""), "url": data.get("url", ""),
            "title": _tooltip(data),
        })
        nodes.append(item)
    edges = []
    for i, (u, v, key, data) in enumerate((e for e in g.edges(keys=True, data=True) if e[2] != "MENTIONS")):
        edges.append({"id": f"e{i}", "from": u, "to": v, "label": key if key != "PARTICIPANT" else "",
                      "kind": key, "role": data.get("role", ""), "arrows": "to",
                      "title": f"{key} {data.get('role', '')}".strip() + f" ({len(data['evidence'])} sources)",
                      "evidence": [{k: e[k] for k in ("article_id", "url", "published", "title", "sentence")}
                                   for e in data["evidence"][:5]]})
    counts: dict[str, int] = {}
    for n in nodes:
        key = n["group"] if n["kind"] == "entity" else n["type"]
        counts[key] = counts.get(key, 0) + 1
    groups = [{"id": t, "label": t.title(), "color": COLORS[t], "kind": "entity", "count": counts.get(t, 0)}
              for t in ("EXCHANGE", "REGULATOR", "PERSON", "ORGANIZATION", "ASSET", "LOCATION")]
    groups.append({"id": "EVENT", "label": "Events", "color": COLORS["EVENT"], "kind": "event",
                   "count": sum(1 for n in nodes if n["kind"] == "event")})
    stats = kg.stats()
    summary = (f"{stats['articles']} articles, {sum(stats['entities'].values())} entities, "
               f"{sum(stats['events'].values())} events; showing {len(nodes)} nodes")
    return {"nodes": nodes, "edges": edges, "groups": groups, "options": vis_options, "summary": summary}


def _tooltip(data: dict) -> str:
    """Plain text: vis-network shows string titles as text, never as HTML."""
    bits = [data.get("name", ""), data.get("type", "")]
    if data.get("kind") == "entity":
        bits.append(f"{data.get('mentions', 0)} mentions in {data.get('articles', 0)} articles")
    elif data.get("kind") == "event":
        bits.append(f"{data.get('date', '')} · {data.get('sources', 0)} sources")
    return "\n".join(b for b in bits if b)


def _importance(g: nx.MultiDiGraph, node: str) -> int:
    data = g.nodes[node]
    if data.get("kind") == "event":
        return 2 * int(data.get("sources", 1)) + len(data.get("participant_ids", []))
    return int(data.get("articles", 0) or 0) * 2 + int(data.get("mentions", 0) or 0) // 3 + g.degree(node)


def _layout(g: nx.MultiDiGraph) -> dict:
    """Readable positions in Python: force-directed for moderate graphs, scaled to vis.js units."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph(g.to_undirected())
    iterations = 50 if n <= 1000 else 25
    pos = nx.spring_layout(simple, seed=7, iterations=iterations, k=1.5 / math.sqrt(n))
    scale = 60 * math.sqrt(n) + 200
    return {k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()}


def _in_slice(data: dict, since: str | None, until: str | None) -> bool:
    first = (data.get("date") or data.get("first_seen") or "")[:10]
    last = (data.get("date") or data.get("last_seen") or "")[:10]
    if since and last and last < since:
        return False
    if until and first and first > until:
        return False
    return True


def _script_json(data: dict) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survive literally."""
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


def notebook(kg: KnowledgeGraph, options: ViewOptions = ViewOptions(), height: int = 650):
    """Display the page inline in Jupyter (an iframe with the page as srcdoc)."""
    import html as html_lib

    from IPython.display import HTML

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.html"
        render(kg, out, options)
        page = out.read_text(encoding="utf-8")
    return HTML(f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" style="width:100%;height:{height}px;'
                f'border:0" sandbox="allow-scripts"></iframe>')
