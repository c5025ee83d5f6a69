"""Graph exports: GraphML and GEXF (Gephi), node-link JSON, and Neo4j bulk-import CSV.

GraphML and GEXF hold only scalar attributes, so lists and dicts (aliases,
evidence) are written as JSON strings; every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import networkx as nx

from .view import write_atomic

FORMATS = ("graphml", "gexf", "json", "neo4j")
NODE_FIELDS = ("kind", "type", "name", "aliases", "kb_id", "wikidata", "mentions", "articles", "first_seen",
               "last_seen", "date", "participants", "sources", "title", "url", "published", "feed")
EDGE_FIELDS = ("type", "role", "first_seen", "last_seen", "evidence", "count")


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float attributes (lists and dicts as JSON), which every writer accepts."""
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: _scalar(data.get(k)) for k in NODE_FIELDS if data.get(k) not in (None, "")})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _scalar(data.get(k)) for k in EDGE_FIELDS if data.get(k) not in (None, "")})
    return out


def _scalar(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, str)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def export(g: nx.MultiDiGraph, fmt: str, out: str | os.PathLike) -> list[str]:
    """Write ``g`` in ``fmt`` to ``out`` (a file, or a folder for neo4j); returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r} is not supported; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    flat = flat_graph(g)
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(flat, buf)
        write_atomic(out, buf.getvalue().decode("utf-8"))
        return [str(out)]
    if fmt == "gexf":
        buf = io.BytesIO()
        nx.write_gexf(flat, buf)
        write_atomic(out, buf.getvalue().decode("utf-8"))
        return [str(out)]
    if fmt == "json":
        data = nx.node_link_data(flat, edges="links")
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        return [str(out)]
    return _neo4j(flat, out)


def _neo4j(flat: nx.MultiDiGraph, folder: Path) -> list[str]:
    """nodes.csv and relationships.csv for ``neo4j-admin database import full``."""
    folder.mkdir(parents=True, exist_ok=True)
    node_cols = [f for f in NODE_FIELDS if f not in ("kind", "type")]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id:ID", *[f"{c}:long" if c in ("mentions", "articles", "sources") else c for c in node_cols],
                "kind", ":LABEL"])
    for node, data in sorted(flat.nodes(data=True)):
        labels = [data.get("kind", "node").title()]
        if data.get("type"):
            labels.append(data["type"].title().replace("_", ""))
        w.writerow([node, *[data.get(c, "") for c in node_cols], data.get("kind", ""), ";".join(labels)])
    nodes_path = folder / "nodes.csv"
    write_atomic(nodes_path, buf.getvalue())
    buf = io.StringIO()
    w = csv.writer(buf)
    edge_cols = [c for c in EDGE_FIELDS if c != "type"]
    w.writerow([":START_ID", ":END_ID", ":TYPE", *[f"{c}:long" if c == "count" else c for c in edge_cols]])
    for u, v, key, data in sorted(flat.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        w.writerow([u, v, key, *[data.get(c, "") for c in edge_cols]])
    rel_path = folder / "relationships.csv"
    write_atomic(rel_path, buf.getvalue())
    return [str(nodes_path), str(rel_path)]
