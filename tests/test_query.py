"""The query API against a small graph with known answers (see ``reports.small_reports``), and its CLI."""

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import neighbours
from kg.cli import main
from kg.errors import NotFoundError
from kg.query import KnowledgeGraph
from reports import BINANCE, COINBASE, KRAKEN, SEC, report, small_reports, write_store


@pytest.fixture
def kg():
    return KnowledgeGraph.from_extractions(small_reports())


@pytest.fixture
def store(tmp_path):
    return write_store(tmp_path / "kg.sqlite", small_reports())


def names(items):
    return [i["name"] for i in items]


@pytest.mark.parametrize("ref, expected", [
    ("CZ", "Changpeng Zhao"),  # an alias
    ("sec", "Securities and Exchange Commission"),  # case-insensitive
    ("Binance's", "Binance"),  # normalised
    ("Huobi", None),  # a known name with nothing in the graph
    ("article:q1", None),  # node ids of articles and events are not entities
])
def test_entity_finds_names_and_aliases_and_raises_for_unknown_ones(kg, ref, expected):
    if expected is None:
        with pytest.raises(NotFoundError):
            kg.entity(ref)
    else:
        assert kg.entity(ref)["name"] == expected


def test_entity_returns_the_documented_fields(kg):
    sbf = kg.entity("SBF")
    assert "SBF" in sbf.pop("aliases")
    assert sbf == {"id": "entity:person-sam-bankman-fried", "type": "PERSON", "name": "Sam Bankman-Fried",
                   "kb_id": "person-sam-bankman-fried", "wikidata": "", "mentions": 1, "articles": 1,
                   "first_seen": "2022-11-11T10:00:00Z", "last_seen": "2022-11-11T10:00:00Z"}


def test_results_are_the_callers_to_change(kg):
    kg.entity("SBF")["aliases"].append("changed")
    kg.events(entity="Binance")[0]["participants"].clear()
    assert "changed" not in kg.entity("SBF")["aliases"]
    assert kg.events(entity="Binance")[0]["participants"]


@pytest.mark.parametrize("text, type_, expected", [
    ("coin", None, ["Coinbase"]),
    ("exchange", None, ["Securities and Exchange Commission", "Coinbase", "Kraken"]),  # most mentioned first
    ("a", "PERSON", ["Brian Armstrong", "Changpeng Zhao", "Sam Bankman-Fried"]),
    ("sbf_ftx", None, ["Sam Bankman-Fried"]),  # an alias ("@SBF_FTX")
    ("ftx", None, ["FTX", "Sam Bankman-Fried"]),  # the exact name before names that contain it
    ("nothing-like-this", None, []),
])
def test_search_matches_parts_of_names_and_aliases(kg, text, type_, expected):
    assert names(kg.search(text, type=type_)) == expected


@pytest.mark.parametrize("kwargs, expected", [
    ({}, ["Changpeng Zhao", "FTX", "Securities and Exchange Commission"]),  # 2 links, then 1 each by name
    ({"types": ["REGULATOR"]}, ["Securities and Exchange Commission"]),
    ({"relations": ["WORKS_FOR"]}, ["Changpeng Zhao"]),
    ({"relations": ["ACQUISITION", "HACK"]}, ["FTX"]),
    ({"since": "2023-01-01"}, ["Changpeng Zhao", "Securities and Exchange Commission"]),
    ({"until": "2022-12-31"}, ["FTX"]),
    ({"since": "2023-06-05", "until": "2023-06-05"}, ["Changpeng Zhao", "Securities and Exchange Commission"]),
    ({"relations": ["WORKS_FOR"], "until": "2023-06-05"}, ["Changpeng Zhao"]),  # seen at 14:00 that day
])
def test_neighbors_through_relations_and_shared_events(kg, kwargs, expected):
    assert names(kg.neighbors("Binance", **kwargs)) == expected


@pytest.mark.parametrize("types", [["REGULATOR"], ["PERSON", "EXCHANGE"], ["ASSET"]])
def test_neighbors_of_some_types_are_the_ranking_with_the_others_left_out(kg, types):
    kg.add([report("q8", "2024-02-01T00:00:00Z", "BlockPost", [SEC, BINANCE, COINBASE],
                   events=[("INVESTIGATION", ["SEC", "Binance", "Coinbase"], "2024-02-01")])])
    for name in ("Binance", "SEC", "Coinbase", "FTX"):
        everyone = kg.neighbors(name)
        assert kg.neighbors(name, types=types) == [n for n in everyone if n["type"] in types]
        assert kg.neighbors(name, types=types, limit=1) == [n for n in everyone if n["type"] in types][:1]


def test_neighbors_say_how_they_are_linked(kg):
    (cz,) = kg.neighbors("Binance", types=["PERSON"])
    via = {(v["relation"], v["direction"]) for v in cz["via"]}
    assert via == {("WORKS_FOR", "in"), ("LAWSUIT", "event")}
    assert all(v["evidence"] for v in cz["via"])


@pytest.mark.parametrize("kwargs", [{"limit": 1}, {}, {"types": ["PERSON"]}])  # read pair by pair, in one pass, filtered
def test_links_keeps_the_first_links_of_each_neighbour_and_counts_them_all(kg, kwargs):
    cz = kg.neighbors("Binance", links=1, **kwargs)[0]
    assert cz["name"] == "Changpeng Zhao" and cz["links"] == 2
    assert [v["relation"] for v in cz["via"]] == ["WORKS_FOR"]  # relations come before events
    assert [v["relation"] for v in kg.neighbors("Binance", **kwargs)[0]["via"]] == ["WORKS_FOR", "LAWSUIT"]


def test_kg_query_neighbors_shows_ten_links_each_and_says_how_many_there_are(store):
    shown = CliRunner().invoke(main, ["query", "neighbors", "Binance", "--store", str(store)]).output
    assert "Changpeng Zhao [PERSON] 1 mentions  via LAWSUIT, WORKS_FOR\n" in shown
    cut = CliRunner().invoke(main, ["query", "neighbors", "Binance", "--links", "1", "--store", str(store)]).output
    assert "Changpeng Zhao [PERSON] 1 mentions  via WORKS_FOR, ... (2 links)\n" in cut


@pytest.mark.parametrize("kwargs, expected", [
    ({"entity": "Binance"}, [("HACK", "2019-05-07"), ("ACQUISITION", "2022-11-08"), ("LAWSUIT", "2023-06-05")]),
    ({"type": "LAWSUIT"}, [("LAWSUIT", "2023-06-05"), ("LAWSUIT", "2023-06-06")]),
    ({"entity": "SEC", "until": "2023-06-05"}, [("LAWSUIT", "2023-06-05")]),
    ({"since": "2022-11-09", "until": "2022-12-31"}, [("BANKRUPTCY", "2022-11-11")]),
    ({"entity": "Kraken"}, []),
])
def test_events_filter_by_entity_type_and_dates_oldest_first(kg, kwargs, expected):
    assert [(e["type"], e["date"]) for e in kg.events(**kwargs)] == expected


def test_a_consolidated_event_counts_its_sources(kg):
    (suit,) = kg.events(entity="Binance", type="LAWSUIT")
    assert suit["sources"] == 2
    assert suit["participants"] == ["Securities and Exchange Commission", "Binance", "Changpeng Zhao"]


def test_timeline_gives_each_event_with_its_articles(kg):
    timeline = kg.timeline("Binance")
    assert [(e["type"], [a["id"] for a in e["articles"]]) for e in timeline] == [
        ("HACK", ["q6"]), ("ACQUISITION", ["q5"]), ("LAWSUIT", ["q3", "q1"])]


def test_path_gives_each_hop_with_its_evidence(kg):
    hops = kg.path("Sam Bankman-Fried", "Binance")
    assert [(h["from"], h["relation"], h["to"]) for h in hops] == [
        ("Sam Bankman-Fried", "WORKS_FOR", "FTX"), ("FTX", "ACQUISITION", "Binance")]
    assert hops[1]["event"] == kg.events(type="ACQUISITION")[0]["id"]
    assert [[e["article_id"] for e in h["evidence"]] for h in hops] == [["q4"], ["q5"]]


@pytest.mark.parametrize("a, b, max_hops, length", [
    ("SBF", "Coinbase", 4, 4),  # SBF - FTX - Binance - SEC - Coinbase
    ("SBF", "Coinbase", 3, 0),  # too far
    ("Kraken", "Binance", 4, 0),  # not connected
    ("Binance", "Binance", 4, 0),
    ("Brian Armstrong", "SEC", 4, 2),
])
def test_path_stays_within_max_hops(kg, a, b, max_hops, length):
    assert len(kg.path(a, b, max_hops=max_hops)) == length


@pytest.mark.parametrize("depth, expected", [
    (1, {"FTX", "Sam Bankman-Fried", "Bahamas", "Binance", "Bankruptcy", "Acquisition"}),
    (2, {"FTX", "Sam Bankman-Fried", "Bahamas", "Binance", "Bankruptcy", "Acquisition",
         "Changpeng Zhao", "Securities and Exchange Commission", "Lawsuit", "Hack"}),
])
def test_subgraph_holds_entities_within_depth_hops_and_their_events(kg, depth, expected):
    sub = kg.subgraph("FTX", depth=depth)
    assert {d["name"].split(":")[0] for _, d in sub.nodes(data=True)} == expected
    assert sub.has_edge("entity:person-sam-bankman-fried", "entity:ftx", "WORKS_FOR")
    assert kg.ego_nodes("FTX", depth) == set(sub)  # the same nodes, without the copy


def test_a_limited_subgraph_keeps_the_most_linked_entities_breadth_first(kg):
    full = kg.subgraph("FTX", depth=2)
    small = kg.subgraph("FTX", depth=2, limit=2)
    entities = [n for n, d in small.nodes(data=True) if d["kind"] == "entity"]
    assert len(entities) == 3 and "entity:ftx" in entities
    ranked = [n["id"] for n in kg.neighbors("FTX", limit=2)]
    assert set(ranked) <= set(entities)  # the root's most linked neighbours come first
    assert set(small.nodes) <= set(full.nodes)
    assert kg.subgraph("FTX", depth=2, limit=100).nodes.keys() <= full.nodes.keys()
    with pytest.raises(ValueError):
        kg.subgraph("FTX", limit=-1)


def test_neighbour_rankings_follow_the_graph_as_it_grows(kg):
    before = {n["name"] for n in kg.neighbors("Coinbase")}
    kg.add([report("q99", "2024-05-01T00:00:00Z", entities=[COINBASE, KRAKEN],
                   events=[("PARTNERSHIP", ["Coinbase", "Kraken"])])])
    assert {n["name"] for n in kg.neighbors("Coinbase")} == before | {"Kraken"}


@pytest.mark.parametrize("eager_links", [0, 64])  # every entity worked out on update, or when first asked
def test_a_graph_grown_report_by_report_ranks_and_dates_as_one_built_at_once(monkeypatch, eager_links):
    monkeypatch.setattr(neighbours, "EAGER_LINKS", eager_links)
    reports = small_reports() + [
        report("q8", "2024-02-01T00:00:00Z", "BlockPost", [COINBASE, BINANCE],
               events=[("PARTNERSHIP", ["Coinbase", "Binance"], "2024-02-01")]),
        report("q9", "2024-02-02T00:00:00Z", "AsiaDesk", [SEC, BINANCE],  # an older date for the June suit
               events=[("LAWSUIT", ["SEC", "Binance"], "2023-06-04")])]
    whole = KnowledgeGraph.from_extractions(reports)
    grown = KnowledgeGraph()
    for one in reports:
        grown.add([one])
    from_cache = KnowledgeGraph(KnowledgeGraph.from_extractions(reports[:5]).graph.copy())  # as kg.cache loads it
    from_cache.add(reports[5:])

    def answers(kg):
        return {name: ([(n["name"], n["links"], [(v["relation"], v["event"]) for v in n["via"]])
                        for links in (None, 1) for n in kg.neighbors(name, links=links)],
                       [e["id"] for e in kg.events(entity=name)],
                       sorted(kg.subgraph(name, depth=2, limit=2).nodes))
                for name in ("Binance", "SEC", "Coinbase", "FTX", "CZ", "Kraken")}

    assert answers(grown) == answers(whole) == answers(from_cache)
    (cz, *_) = whole.neighbors("Binance")
    assert [v["relation"] for v in cz["via"]] == ["WORKS_FOR", "LAWSUIT"]  # relations, then events oldest first
    assert [e["type"] for e in whole.events(entity="Binance")] == ["HACK", "ACQUISITION", "LAWSUIT", "PARTNERSHIP"]


@pytest.mark.parametrize("read", ["walk", "intersect"])
def test_shared_events_are_the_same_whichever_way_they_are_read(kg, monkeypatch, read):
    monkeypatch.setattr(neighbours, "_sort_cost" if read == "intersect" else "_walk_cost", lambda *a: -1)
    kg.add([report("q8", "2024-02-01T00:00:00Z", "BlockPost", [SEC, BINANCE],
                   events=[("INVESTIGATION", ["SEC", "Binance"], "2024-02-01")])])
    binance, sec = kg.entity("Binance")["id"], kg.entity("SEC")["id"]
    both = kg.index.shared_events(binance, sec)
    assert [kg.graph.nodes[e]["type"] for e in both] == ["LAWSUIT", "INVESTIGATION"]  # oldest first
    for limit in (1, 2, 5):
        assert kg.index.shared_events(binance, sec, limit, shared=2) == both[:limit]
        assert kg.index.shared_events(sec, binance, limit, shared=2) == both[:limit]
    assert kg.index.shared_events(binance, sec, 5, shared=0) == []


def test_articles_of_an_entity_or_an_event_newest_first(kg):
    assert [a["id"] for a in kg.articles(entity="FTX")] == ["q4", "q5"]
    (suit,) = kg.events(entity="Coinbase")
    assert [a["id"] for a in kg.articles(event=suit["id"])] == ["q2"]
    assert len(kg.articles()) == 7
    with pytest.raises(NotFoundError):
        kg.articles(event="event:nope")


def test_stats_count_articles_entities_and_events_by_type(kg):
    assert kg.stats() == {"articles": 7, "entities": {"EXCHANGE": 4, "LOCATION": 1, "PERSON": 3, "REGULATOR": 1},
                          "events": {"ACQUISITION": 1, "BANKRUPTCY": 1, "HACK": 1, "LAWSUIT": 2}, "edges": 34}


def test_to_networkx_is_the_graph_itself(kg):
    g = kg.to_networkx()
    assert isinstance(g, nx.MultiDiGraph) and g is kg.graph
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"entity", "event", "article"}


def test_lookups_follow_additions_without_rebuilding_whole_graph_structures(kg):
    links = kg.builder.links
    kg.path("SBF", "Binance"), kg.stats()
    kg.add([report("n1", "2024-02-01T00:00:00Z", entities=[("Kraken", "EXCHANGE", "kraken", ["Payward"]), BINANCE],
                   events=[("PARTNERSHIP", ["Kraken", "Binance"], "2024-02-01")])])
    assert kg.builder.links is links
    assert [h["relation"] for h in kg.path("Payward", "Binance")] == ["PARTNERSHIP"]
    assert kg.stats()["articles"] == 8


def test_refresh_adds_what_the_store_gained(store):
    kg = KnowledgeGraph.open(store)
    extra = [report("n1", "2024-02-01T00:00:00Z", "BlockPost", entities=[KRAKEN])]
    write_store(store, extra)
    assert kg.refresh() == 1 and kg.refresh() == 0
    rebuilt = KnowledgeGraph.open(store).graph
    assert dict(kg.graph.nodes(data=True)) == dict(rebuilt.nodes(data=True))


@pytest.mark.parametrize("args, check", [
    (["entity", "CZ"], lambda out: out["name"] == "Changpeng Zhao"),
    (["search", "coin", "--type", "EXCHANGE"], lambda out: [e["name"] for e in out] == ["Coinbase"]),
    (["neighbors", "Binance", "--type", "REGULATOR"], lambda out: out[0]["via"][0]["relation"] == "LAWSUIT"),
    (["events", "--entity", "FTX", "--type", "BANKRUPTCY"], lambda out: out[0]["date"] == "2022-11-11"),
    (["timeline", "Binance"], lambda out: [e["type"] for e in out] == ["HACK", "ACQUISITION", "LAWSUIT"]),
    (["path", "SBF", "Binance"], lambda out: [h["to"] for h in out] == ["FTX", "Binance"]),
    (["articles", "--entity", "FTX"], lambda out: [a["id"] for a in out] == ["q4", "q5"]),
    (["stats"], lambda out: out["articles"] == 7),
])
def test_kg_query_json_mirrors_the_api(store, args, check):
    result = CliRunner().invoke(main, ["query", *args, "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    assert check(json.loads(result.stdout))


@pytest.mark.parametrize("args", [["entity", "Nobody"], ["path", "Binance", "Nobody"],
                                  ["articles", "--event", "event:nope"]])
def test_kg_query_on_an_unknown_name_exits_2_with_one_line(store, args):
    result = CliRunner().invoke(main, ["query", *args, "--store", str(store)])
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("query", [
    lambda kg, **kw: kg.search("e", **kw),
    lambda kg, **kw: kg.neighbors("Binance", **kw),
    lambda kg, **kw: kg.events(**kw),
    lambda kg, **kw: kg.events(entity="Binance", **kw),
    lambda kg, **kw: kg.timeline("Binance", **kw),
    lambda kg, **kw: kg.articles(**kw),
    lambda kg, **kw: kg.articles(entity="Binance", **kw),
], ids=["search", "neighbors", "events", "events of", "timeline", "articles", "articles of"])
def test_limit_keeps_the_first_results_in_order(kg, query):
    everything = query(kg)
    assert len(everything) > 2
    assert query(kg, limit=2) == everything[:2]
    assert query(kg, limit=len(everything) + 5) == everything == query(kg, limit=None)


@pytest.mark.parametrize("limit", [0, -1, "5", 2.0, True])
def test_a_bad_limit_is_refused(kg, limit):
    with pytest.raises(ValueError, match=f"limit = {limit!r} is invalid"):
        kg.neighbors("Binance", limit=limit)


def test_neighbors_give_the_evidence_kept_and_the_count_of_all(kg):
    (sec,) = kg.neighbors("Binance", types=["REGULATOR"])
    (via,) = sec["via"]
    assert (len(via["evidence"]), via["evidence_count"]) == (2, 2)  # SEC v. Binance, told twice


def test_events_count_outlets_beside_sources(kg):
    (suit,) = kg.events(entity="Binance", type="LAWSUIT")
    assert (suit["sources"], suit["outlets"]) == (2, 2)


@pytest.mark.parametrize("limit, shown, notice", [("2", 2, True), ("7", 7, False), ("0", 7, False)])
def test_kg_query_limit_says_on_stderr_when_results_were_cut(store, limit, shown, notice):
    result = CliRunner().invoke(main, ["query", "articles", "--store", str(store), "--json", "--limit", limit])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == shown
    assert ("showing the first 2 results" in result.stderr) == notice


def test_kg_query_limit_defaults_to_50(store):
    write_store(store, [report(f"m{i:02}", "2024-03-01T00:00:00Z", "BlockPost", [KRAKEN]) for i in range(50)])
    result = CliRunner().invoke(main, ["query", "articles", "--entity", "Kraken", "--store", str(store), "--json"])
    assert len(json.loads(result.stdout)) == 50 and "--limit 0 all" in result.stderr
