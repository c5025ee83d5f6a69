"""The Neo4j export, loaded into a real Cypher engine (LadybugDB, embedded), answers as the Python API does:
the same neighbours, events, articles and paths."""

import json
from collections import Counter

import pytest

from cypher import load_neo4j_csv, query
from kg.export import export
from kg.query import KnowledgeGraph
from reports import BINANCE, report, small_reports

ladybug = pytest.importorskip("ladybug")

ODD = 'Quorvex "Prime", Exchange\nof Tallinn'  # a quote, a comma and a newline: CSV quoting, end to end


@pytest.fixture(scope="module")
def kg():
    reports = small_reports() + [
        report("x1", "2024-01-03T00:00:00Z", entities=[(ODD, "EXCHANGE"), BINANCE],
               events=[("PARTNERSHIP", [ODD, "Binance"], "2024-01-03")])]
    return KnowledgeGraph.from_extractions(reports)


@pytest.fixture(scope="module")
def db(kg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j")
    export(kg.to_networkx(), "neo4j", folder)
    conn = ladybug.Connection(ladybug.Database(str(folder / "graph.lbdb")))
    load_neo4j_csv(conn, folder)
    return conn


def entities(kg):
    return sorted(n for n, d in kg.graph.nodes(data=True) if d["kind"] == "entity")


def test_every_node_and_relationship_is_loaded_with_its_properties(kg, db):
    g = kg.graph
    assert query(db, "MATCH (n:Node) RETURN count(n)") == [[g.number_of_nodes()]]
    assert query(db, "MATCH ()-[r]->() RETURN count(r)") == [[g.number_of_edges()]]
    ((name, labels, aliases, mentions),) = query(
        db, "MATCH (n:Node {id: 'entity:sec-us'}) RETURN n.name, n.labels, n.aliases, n.mentions")
    assert (name, labels, mentions) == ("Securities and Exchange Commission", "Entity;Regulator", 3)
    assert "SEC" in json.loads(aliases)
    assert query(db, "MATCH (n:Node) WHERE n.kind = 'entity' AND n.name = $name RETURN n.type", {"name": ODD}) \
        == [["EXCHANGE"]]


NEIGHBOURS = """
MATCH (a:Node {id: $id})-[r]-(b:Node) WHERE b.kind = 'entity' RETURN b.id, label(r), ''
UNION ALL
MATCH (a:Node {id: $id})-[:PARTICIPANT]->(e:Node)<-[:PARTICIPANT]-(b:Node) WHERE b.id <> a.id RETURN b.id, e.type, e.id
"""


def test_each_entitys_neighbours_are_the_same(kg, db):
    assert len(entities(kg)) == 10
    for node in entities(kg):
        python = Counter((n["id"], via["relation"], via["event"]) for n in kg.neighbors(node) for via in n["via"])
        assert Counter(tuple(row) for row in query(db, NEIGHBOURS, {"id": node})) == python, node


EVENTS = """
MATCH (a:Node {id: $id})-[:PARTICIPANT]->(e:Node)
RETURN e.id, e.type, e.date, e.participants, e.sources ORDER BY coalesce(e.date, e.first_seen, ''), e.id
"""


def as_event(row):
    event_id, event_type, date, participants, sources = row
    return {"id": event_id, "type": event_type, "date": date or "", "participants": json.loads(participants),
            "sources": sources}


def test_each_entitys_events_are_the_same_in_the_same_order(kg, db):
    for node in entities(kg):
        python = [{k: e[k] for k in ("id", "type", "date", "participants", "sources")} for e in kg.events(node)]
        assert [as_event(row) for row in query(db, EVENTS, {"id": node})] == python, node


@pytest.mark.parametrize("event_type", ["LAWSUIT", "BANKRUPTCY", "PARTNERSHIP", "HACK"])
def test_events_of_a_type_and_their_articles_are_the_same(kg, db, event_type):
    python = kg.events(type=event_type)
    cypher = query(db, "MATCH (e:Node) WHERE e.kind = 'event' AND e.type = $type "
                       "RETURN e.id ORDER BY coalesce(e.date, e.first_seen, ''), e.id", {"type": event_type})
    assert [row[0] for row in cypher] == [e["id"] for e in python]
    for event in python:
        reporters = query(db, "MATCH (a:Node)-[:REPORTS]->(e:Node {id: $id}) RETURN a.id", {"id": event["id"]})
        assert sorted(row[0] for row in reporters) == sorted(f"article:{a['id']}" for a in kg.articles(event=event["id"]))


# A path hop is a relation, or an event both ends take part in (two PARTICIPANT edges). These pairs have
# a single shortest path, whether counted in hops (the Python API) or in edges (Cypher's SHORTEST).
PATHS = """
MATCH p = (a:Node {id: $a})-[:WORKS_FOR|BASED_IN|PARTICIPANT* ALL SHORTEST 1..8]-(b:Node {id: $b})
RETURN nodes(p)
"""


def python_path(kg, a, b):
    hops = kg.path(a, b)
    if not hops:
        return []
    ids = [kg.entity(hops[0]["from"])["id"]]
    for hop in hops:
        ids += [hop["event"]] if hop["event"] else []
        ids.append(kg.entity(hop["to"])["id"])
    return [ids]


@pytest.mark.parametrize("a, b", [
    ("entity:person-changpeng-zhao", "entity:person-brian-armstrong"),  # a suit, a suit, a job: 3 hops
    ("entity:person-sam-bankman-fried", "entity:sec-us"),  # a job, an acquisition, a suit
    ("entity:person-brian-armstrong", "entity:coinbase"),  # one relation
    ("entity:loc-bahamas", "entity:ftx"),  # one relation, followed backwards
    ("entity:kraken", "entity:binance"),  # none: Kraken is linked to nothing
])
def test_paths_are_the_same(kg, db, a, b):
    cypher = [[n["id"] for n in row[0]] for row in query(db, PATHS, {"a": a, "b": b})]
    assert cypher == python_path(kg, a, b)
