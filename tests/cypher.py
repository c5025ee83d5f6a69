"""Load kg's Neo4j bulk-import CSV into LadybugDB, an embedded Cypher engine, reading the headers as
``neo4j-admin database import`` does.

nodes.csv: ``name:ID`` is the node id (kept as property ``name``), ``:LABEL`` the labels
(``;``-separated), ``prop:long`` and the like typed properties, a bare ``prop`` a string; an
empty field is no value. relationships.csv: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the
relationship type) and properties alike. LadybugDB wants a schema: every node goes in one
node table ``Node`` (labels as the string property ``labels``), every relationship type gets
a relationship table of its own. The files are read by LadybugDB's own CSV reader, quotes,
commas and newlines in fields included.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

TYPES = {"string": "STRING", "long": "INT64", "int": "INT64", "short": "INT64", "byte": "INT64",
         "double": "DOUBLE", "float": "DOUBLE", "boolean": "BOOLEAN"}
CSV_OPTIONS = "(header=true, parallel=false)"  # parallel reading cannot split fields that hold newlines


def query(conn, cypher: str, params: dict | None = None) -> list[list]:
    result = conn.execute(cypher, params or {})
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def load_neo4j_csv(conn, folder: Path) -> None:
    nodes, rels = folder / "nodes.csv", folder / "relationships.csv"
    columns = [_column(field, "node") for field in _header(nodes)]
    query(conn, f"CREATE NODE TABLE Node({', '.join(f'{n} {t}' for n, t in columns)})")
    query(conn, f"COPY Node FROM '{nodes}' {CSV_OPTIONS}")
    fields = [_column(field, "relationship") for field in _header(rels)]
    load = (f"LOAD WITH HEADERS ({', '.join(f'{n} {t}' for n, t in fields)}) FROM '{rels}' {CSV_OPTIONS}")
    props = [(n, t) for n, t in fields if n not in ("start_id", "end_id", "type")]
    for (rel_type,) in query(conn, f"{load} RETURN DISTINCT type"):
        if not re.fullmatch(r"[A-Z][A-Z_]*", rel_type):
            raise ValueError(f"relationship type {rel_type!r} is not a plain upper-case name")
        query(conn, f"CREATE REL TABLE {rel_type}(FROM Node TO Node{''.join(f', {n} {t}' for n, t in props)})")
        query(conn, f"COPY {rel_type} FROM ({load} WHERE type = '{rel_type}' "
                    f"RETURN start_id, end_id{''.join(f', {n}' for n, _ in props)})")


def _header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f))


def _column(field: str, kind: str) -> tuple[str, str]:
    name, _, role = field.partition(":")
    if kind == "node" and role == "ID":
        return name or "id", "STRING PRIMARY KEY"
    if kind == "node" and role == "LABEL":
        return "labels", "STRING"
    if kind == "relationship" and role in ("START_ID", "END_ID", "TYPE"):
        return role.lower(), "STRING"
    if not name or (role and role.lower() not in TYPES):
        raise ValueError(f"{field!r} is not a {kind} header field neo4j-admin and this loader both read")
    return name, TYPES[role.lower() or "string"]
