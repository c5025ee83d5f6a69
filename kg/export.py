"""Graph exports: GraphML and GEXF (Gephi), node-link JSON, and Neo4j bulk-import CSV.

GraphML and GEXF hold only scalar attributes, so lists and dicts (aliases,
evidence) are written as JSON strings, and characters XML cannot hold are
dropped; node-link JSON keeps them as lists and objects. Every file is
written atomically (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import networkx as nx

from .view import write_atomic

FORMATS = ("graphml", "gexf", "json", "neo4j")
NODE_FIELDS = ("kind", "type", "name", "aliases", "kb_id", "wikidata", "mentions", "articles", "first_seen",
               "last_seen", "date", "participants", "sources", "outlets", "title", "url", "published", "feed")
EDGE_FIELDS = ("type", "role", "first_seen", "last_seen", "evidence", "evidence_count", "sources", "count")
NEO4J_LONGS = ("mentions", "articles", "sources", "outlets", "count", "evidence_count")
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export(g: nx.MultiDiGraph, fmt: str, out: str | os.PathLike) -> list[str]:
    """Write ``g`` in ``fmt`` to ``out`` (a file, or a folder for neo4j); returns the files written.

    >>> import networkx as nx, tempfile, os
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("entity:kraken", kind="entity", type="EXCHANGE", name="Kraken", aliases=["Payward"])
    >>> folder = tempfile.mkdtemp()
    >>> [os.path.basename(f) for f in export(g, "neo4j", folder)]
    ['nodes.csv', 'relationships.csv']
    """
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r} is not supported; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "json":
        data = nx.node_link_data(_export_graph(g, flat=False), edges="links")
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        return [str(out)]
    flat = _export_graph(g, flat=True)
    if fmt == "neo4j":
        return _neo4j(flat, out)
    buf = io.BytesIO()
    if fmt == "graphml":
        # GraphML wants edge ids unique in the file; networkx would use the keys (MENTIONS, ...), which repeat
        for i, (_, _, data) in enumerate(flat.edges(data=True)):
            data["id"] = f"e{i}"
        nx.write_graphml(flat, buf, edge_id_from_attribute="id")
    else:
        # in GEXF an edge's ``type`` is directed/undirected/mutual, so the relation travels as ``relation``
        for _, _, data in flat.edges(data=True):
            data["relation"] = data.pop("type", "")
        nx.write_gexf(flat, buf)
    write_atomic(out, buf.getvalue().decode("utf-8"))
    return [str(out)]


def _export_graph(g: nx.MultiDiGraph, *, flat: bool) -> nx.MultiDiGraph:
    """A copy with the exported attributes, plus ``label`` (the name) for Gephi; ``flat``: only str/int/float."""
    conv = _scalar if flat else (lambda v: v)
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        attrs = {k: conv(data[k]) for k in NODE_FIELDS if data.get(k) not in (None, "")}
        attrs["label"] = conv(data.get("name") or node)
        out.add_node(node, **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: conv(data[k]) for k in EDGE_FIELDS if data.get(k) not in (None, "")})
    return out


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float attributes (lists and dicts as JSON), which every writer accepts."""
    return _export_graph(g, flat=True)


def _scalar(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return XML_INVALID.sub("", value)


def _neo4j(flat: nx.MultiDiGraph, folder: Path) -> list[str]:
    """nodes.csv and relationships.csv for ``neo4j-admin database import full``.

    A node's kind and type are labels (``Entity;Exchange``, ``Event;WithdrawalHalt``) and
    properties too (``kind``, ``type``: ``WITHDRAWAL_HALT`` as in SCHEMA.md); an edge's
    relation is its type. Lists and objects are JSON strings; fields may hold newlines
    (``--multiline-fields=true``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    node_cols = [f for f in NODE_FIELDS if f != "kind"]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id:ID", *[f"{c}:long" if c in NEO4J_LONGS else c for c in node_cols], "kind", ":LABEL"])
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
    w.writerow([":START_ID", ":END_ID", ":TYPE", *[f"{c}:long" if c in NEO4J_LONGS else c for c in edge_cols]])
    for u, v, key, data in sorted(flat.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        w.writerow([u, v, key, *[data.get(c, "") for c in edge_cols]])
    rel_path = folder / "relationships.csv"
    write_atomic(rel_path, buf.getvalue())
    return [str(nodes_path), str(rel_path)]
