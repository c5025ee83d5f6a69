"""Every export format reads back with the same nodes and edges; files are written atomically."""

import csv
import json
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export import FORMATS, export
from kg.query import KnowledgeGraph
from reports import report, small_reports, write_store


@pytest.fixture
def graph():
    reports = small_reports()
    # a control character from a feed must not make the XML formats unreadable
    reports.append(report("x1", "2024-01-03T00:00:00Z", entities=[("Quorvex\x0b Exchange", "EXCHANGE")]))
    return KnowledgeGraph.from_extractions(reports).to_networkx()


def read_graphml(path):
    return nx.read_graphml(path, force_multigraph=True)


def read_gexf(path):
    return nx.read_gexf(path)


def read_json(path):
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")


@pytest.mark.parametrize("fmt, read", [("graphml", read_graphml), ("gexf", read_gexf), ("json", read_json)])
def test_graph_files_read_back_with_the_same_nodes_and_edges(graph, tmp_path, fmt, read):
    out = tmp_path / f"kg.{fmt}"
    assert export(graph, fmt, out) == [str(out)]
    back = read(out)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["entity:sec-us"]["name"] == "Securities and Exchange Commission"


@pytest.mark.parametrize("fmt, read", [("graphml", read_graphml), ("gexf", read_gexf)])
def test_lists_and_dicts_become_json_strings_in_xml_formats(graph, tmp_path, fmt, read):
    export(graph, fmt, tmp_path / "kg.xml")
    back = read(tmp_path / "kg.xml")
    assert "SEC" in json.loads(back.nodes["entity:sec-us"]["aliases"])
    (_, _, data), *_ = back.edges("entity:person-changpeng-zhao", data=True)
    assert json.loads(data["evidence"])[0]["article_id"] == "q1"


def test_gexf_edges_keep_their_relation_and_a_valid_gexf_type(graph, tmp_path):
    export(graph, "gexf", tmp_path / "kg.gexf")
    text = (tmp_path / "kg.gexf").read_text(encoding="utf-8")
    assert 'type="WORKS_FOR"' not in text  # GEXF's edge type is directed/undirected/mutual
    relations = {d["relation"] for _, _, d in read_gexf(tmp_path / "kg.gexf").edges(data=True)}
    assert relations == {"MENTIONS", "WORKS_FOR", "BASED_IN", "PARTICIPANT", "REPORTS"}


def test_graphml_edge_ids_are_unique(graph, tmp_path):
    export(graph, "graphml", tmp_path / "kg.graphml")
    edges = ElementTree.parse(tmp_path / "kg.graphml").getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids)) == graph.number_of_edges()


def test_json_keeps_lists_and_evidence_as_json(graph, tmp_path):
    export(graph, "json", tmp_path / "kg.json")
    back = read_json(tmp_path / "kg.json")
    assert "SEC" in back.nodes["entity:sec-us"]["aliases"]
    evidence = back.edges["entity:person-sam-bankman-fried", "entity:ftx", "WORKS_FOR"]["evidence"]
    assert evidence[0]["url"] == "https://ledgerwire.example/q4"


def test_neo4j_csv_has_import_headers_and_every_node_and_edge(graph, tmp_path):
    files = export(graph, "neo4j", tmp_path / "neo4j")
    assert [f.rsplit("/", 1)[1] for f in files] == ["nodes.csv", "relationships.csv"]
    with open(files[0], newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(files[1], newline="", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    assert {"id:ID", ":LABEL"} <= nodes[0].keys() and {":START_ID", ":END_ID", ":TYPE"} <= rels[0].keys()
    assert len(nodes) == graph.number_of_nodes() and len(rels) == graph.number_of_edges()
    ids = {n["id:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {n[":LABEL"] for n in nodes if n["id:ID"] == "entity:sec-us"} == {"Entity;Regulator"}
    assert {r[":TYPE"] for r in rels} == {"MENTIONS", "WORKS_FOR", "BASED_IN", "PARTICIPANT", "REPORTS"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_leave_no_temporary_files_and_replace_old_ones(graph, tmp_path, fmt):
    out = tmp_path / "out" / ("neo4j" if fmt == "neo4j" else f"kg.{fmt}")
    export(graph, fmt, out)
    export(graph, fmt, out)
    written = sorted(p.name for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == (["nodes.csv", "relationships.csv"] if fmt == "neo4j" else [f"kg.{fmt}"])


def test_an_unknown_format_is_refused(graph, tmp_path):
    with pytest.raises(ValueError, match="choose one of graphml, gexf, json, neo4j"):
        export(graph, "dot", tmp_path / "kg.dot")


def test_kg_export_writes_from_the_store(tmp_path):
    store = write_store(tmp_path / "kg.sqlite", small_reports())
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--format", "graphml",
                                       "--out", str(tmp_path / "kg.graphml")])
    assert result.exit_code == 0, result.output
    assert read_graphml(tmp_path / "kg.graphml").number_of_nodes() == KnowledgeGraph.open(store).graph.number_of_nodes()
