"""One graph across articles: entities resolved, events consolidated, evidence on every edge."""

import copy
import dataclasses

import pytest

from reports import BINANCE, CZ, report, small_reports
from kg.graph import EVIDENCE_PER_EDGE, GraphBuilder, build_graph
from kg.models import Article
from kg.query import KnowledgeGraph


def nodes_of(g, kind, type_=None):
    return {n: d for n, d in g.nodes(data=True) if d["kind"] == kind and (type_ is None or d["type"] == type_)}


def test_one_hack_told_by_three_outlets_is_one_event_with_three_sources(extractor):
    stories = [
        ("LedgerWire", "2024-09-02T08:00:00Z", "KuCoin hacked, hot wallets drained",
         "KuCoin said on Sunday that attackers had drained several of its hot wallets."),
        ("BlockPost", "2024-09-02T15:30:00Z", "Attackers steal crypto from KuCoin",
         "Hackers stole about $150 million in bitcoin and ether from KuCoin, the Seychelles-based exchange said."),
        ("AsiaDesk", "2024-09-03T22:10:00Z", "KuCoin restores deposits after breach",
         "KuCoin reopened deposits on Tuesday, two days after a breach of its hot wallets."),
    ]
    articles = [Article(id=f"h{i}", title=title, text=text, url=f"https://{feed.lower()}.example/h{i}",
                        published=published, feed=feed) for i, (feed, published, title, text) in enumerate(stories)]
    g = build_graph(zip(articles, extractor.extract(articles)))
    ((node, hack),) = nodes_of(g, "event", "HACK").items()
    assert hack["sources"] == 3 and hack["participants"] == ["KuCoin"]
    reporters = [u for u, _, k in g.in_edges(node, keys=True) if k == "REPORTS"]
    assert sorted(g.nodes[a]["feed"] for a in reporters) == ["AsiaDesk", "BlockPost", "LedgerWire"]


@pytest.mark.parametrize("first, second", [
    (BINANCE, ("Binance.US", "EXCHANGE", "binance-us")),
    (("FTX", "EXCHANGE", "ftx"), ("FTX US", "EXCHANGE", "ftx-us")),
    (("Bitcoin", "ASSET", "asset-bitcoin"), ("Bitcoin Cash", "ASSET", "asset-bitcoin-cash")),
    (("LUNA", "ASSET", "asset-terra"), ("TerraUSD", "ASSET", "asset-terrausd")),
    (("Binance", "EXCHANGE"), ("Binance.US", "EXCHANGE")),  # names the knowledge base does not link
    (("FTX", "EXCHANGE"), ("FTX US", "EXCHANGE")),
])
def test_similar_names_of_different_things_stay_two_nodes(first, second):
    g = build_graph([report("a1", "2023-01-01", entities=[first]), report("a2", "2023-01-02", entities=[second])])
    assert sorted(d["name"] for d in nodes_of(g, "entity").values()) == sorted([first[0], second[0]])


@pytest.mark.parametrize("old, new, kb_id", [("Huobi", "HTX", "htx"), ("OKEx", "OKX", "okx")])
def test_a_rebrand_is_one_entity_with_the_old_name_as_alias(old, new, kb_id):
    g = build_graph([report("a1", "2021-03-01T00:00:00Z", entities=[(old, "EXCHANGE", kb_id)]),
                     report("a2", "2024-03-01T00:00:00Z", entities=[(new, "EXCHANGE", kb_id)])])
    ((node, data),) = nodes_of(g, "entity").items()
    assert (node, data["name"], data["articles"], data["mentions"]) == (f"entity:{kb_id}", new, 2, 2)
    assert old in data["aliases"]
    assert (data["first_seen"], data["last_seen"]) == ("2021-03-01T00:00:00Z", "2024-03-01T00:00:00Z")


@pytest.mark.parametrize("first, second", [
    (("Zorvian Markets Authority", "REGULATOR", "", ["ZMA"]), ("ZMA", "REGULATOR")),  # an acronym the article defined
    (("Quorvex Exchange", "EXCHANGE"), ("Quorvex Exchange", "ORGANIZATION")),  # typed differently, one thing
    (("Quorvex", "EXCHANGE"), ("Quorvex's", "EXCHANGE")),  # normalised names
])
def test_unknown_names_merge_through_normalised_names_and_article_aliases(first, second):
    g = build_graph([report("a1", "2023-01-01", entities=[first]), report("a2", "2023-01-02", entities=[second])])
    ((_, data),) = nodes_of(g, "entity").items()
    assert data["name"] == first[0] and data["articles"] == 2


@pytest.mark.parametrize("names, expected", [
    (["Paolo Ardoino", "Paolo Ardoino"], 1),
    (["Paolo Ardoino", "Ardoino"], 2),  # a surname alone is not enough
    (["Paolo Ardoino", "Maria Ardoino"], 2),  # both articles call their person "Ardoino"
])
def test_people_merge_by_full_name_only(names, expected):
    people = [(name, "PERSON", "", [name.split()[-1]]) for name in names]
    g = build_graph([report(f"a{i}", "2023-01-01", entities=[p]) for i, p in enumerate(people)])
    assert len(nodes_of(g, "entity", "PERSON")) == expected


@pytest.mark.parametrize("type_, first, second, expected", [
    ("HACK", (["Bybit"], "2022-01-10"), (["Bybit"], "2025-02-21"), 2),  # two hacks years apart
    ("HACK", (["Bybit"], "2025-02-21"), (["Bybit", "Lazarus Group"], "2025-02-23"), 1),
    ("HACK", (["Bybit", "Ether"], "2025-02-21"), (["Bybit", "Lido Staked Ether"], "2025-02-22"), 1),
    ("LAWSUIT", (["SEC", "Binance"], "2023-06-05"), (["SEC", "Coinbase"], "2023-06-06"), 2),
    ("LAWSUIT", (["SEC", "Binance", "Changpeng Zhao"], "2023-06-05"), (["SEC", "Binance"], "2023-06-06"), 1),
    ("LISTING", (["Binance", "Ether"], "2023-03-01"), (["Binance", "Lido Staked Ether"], "2023-03-02"), 2),
    ("BANKRUPTCY", (["FTX"], "2022"), (["FTX"], "2022-11-11"), 1),  # a year agrees with a day in it
    ("BANKRUPTCY", (["FTX"], "2022-11-11"), (["FTX"], "2022-11-25"), 2),  # outside the window
])
def test_reports_become_one_event_only_when_type_parties_and_dates_agree(type_, first, second, expected):
    ents = [("Bybit", "EXCHANGE", "bybit"), ("Lazarus Group", "ORGANIZATION", "lazarus"),
            ("Ether", "ASSET", "asset-ether"), ("Lido Staked Ether", "ASSET", "asset-steth"),
            ("SEC", "REGULATOR", "sec-us"), BINANCE, ("Coinbase", "EXCHANGE", "coinbase"),
            ("Changpeng Zhao", "PERSON", "person-changpeng-zhao"), ("FTX", "EXCHANGE", "ftx")]
    g = build_graph([report(f"a{i}", f"{day[:4]}-12-31", entities=ents, events=[(type_, parts, day)])
                     for i, (parts, day) in enumerate([first, second])])
    assert len(nodes_of(g, "event", type_)) == expected


def test_daily_reports_do_not_chain_into_one_event_spanning_a_month():
    reports = [report(f"d{day}", f"2024-03-{day:02}T12:00:00Z", entities=[("Bitcoin", "ASSET", "asset-bitcoin")],
                      events=[("PRICE_MOVE", ["Bitcoin"])]) for day in range(1, 31)]
    events = nodes_of(build_graph(reports), "event").values()
    assert len(events) == 3
    assert all(int(max(e["dates"])[-2:]) - int(min(e["dates"])[-2:]) <= 10 for e in events)


def test_an_event_is_dated_by_its_earliest_most_precise_report_whatever_the_order():
    def date_of(order):
        reports = [report(f"r{day}", f"2022-11-{day}", entities=[("FTX", "EXCHANGE", "ftx")],
                          events=[("BANKRUPTCY", ["FTX"], f"2022-11-{day}" if day != "00" else "2022-11")])
                   for day in order]
        ((_, event),) = nodes_of(build_graph(reports), "event").items()
        return event["date"]

    assert date_of(["13", "11", "00", "12"]) == date_of(["00", "12", "13", "11"]) == "2022-11-11"


def test_every_edge_keeps_its_evidence_and_first_and_last_seen():
    g = build_graph(small_reports())
    assert {k for _, _, k in g.edges(keys=True)} == {"MENTIONS", "WORKS_FOR", "BASED_IN", "PARTICIPANT", "REPORTS"}
    for u, v, key, data in g.edges(keys=True, data=True):
        assert data["first_seen"] and data["last_seen"], (u, v, key)
        assert data["evidence"], (u, v, key)
        for ev in data["evidence"]:
            assert {"article_id", "url", "sentence", "start", "end", "published"} <= ev.keys()
            assert ev["sentence"] and ev["url"].endswith(ev["article_id"]) and ev["end"] > ev["start"]


def test_entity_nodes_carry_type_name_aliases_kb_id_counts_and_first_last_seen():
    g = build_graph(small_reports())
    sec = g.nodes["entity:sec-us"]
    assert sec["type"] == "REGULATOR" and sec["name"] == "Securities and Exchange Commission"
    assert "SEC" in sec["aliases"] and sec["kb_id"] == "sec-us" and sec["wikidata"] == "Q953944"
    assert (sec["mentions"], sec["articles"]) == (3, 3)
    assert (sec["first_seen"], sec["last_seen"]) == ("2023-06-05T14:00:00Z", "2023-06-06T11:00:00Z")


def test_two_records_of_one_article_for_one_entity_count_one_article():
    g = build_graph([report("a1", "2021-01-01", entities=[("Huobi", "EXCHANGE", "htx"), ("HTX", "EXCHANGE", "htx")],
                            events=[("HACK", ["Huobi", "HTX"])])])
    htx = g.nodes["entity:htx"]
    assert (htx["articles"], htx["mentions"]) == (1, 2)
    assert g.edges["article:a1", "entity:htx", "MENTIONS"]["count"] == 2
    ((_, event),) = nodes_of(g, "event").items()
    assert event["participant_ids"] == ["entity:htx"]


def graph_state(g):
    return ({n: d for n, d in g.nodes(data=True)}, {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)})


def test_adding_in_batches_gives_the_same_graph_as_a_rebuild():
    reports = small_reports() + [report("q8", "2023-06-07T08:00:00Z", "AsiaDesk", [("SEC", "REGULATOR", "sec-us"),
                                                                                     BINANCE],
                                        events=[("LAWSUIT", ["SEC", "Binance"], "2023-06-07")])]
    rebuilt = GraphBuilder().add_all(reports)
    kg = KnowledgeGraph.from_extractions(reports[:4])
    kg.add(reports[4:])
    assert graph_state(kg.to_networkx()) == graph_state(rebuilt.graph)
    loaded = GraphBuilder(copy.deepcopy(build_graph(reports[:4])))  # a graph read back from disk
    loaded.add_all(reports[2:])  # overlapping: articles already in the graph are skipped
    assert graph_state(loaded.graph) == graph_state(rebuilt.graph)
    assert {frozenset(e) for e in loaded.links.edges} == {frozenset(e) for e in rebuilt.links.edges}
    assert {k: sorted(v) for k, v in loaded.names.items()} == {k: sorted(v) for k, v in rebuilt.names.items()}


def test_a_hub_edge_keeps_its_first_evidence_and_counts_all_of_it():
    n = EVIDENCE_PER_EDGE + 5
    g = build_graph([report(f"w{i:02}", f"2023-06-{i + 1:02}T00:00:00Z", entities=[CZ, BINANCE],
                            relations=[("Changpeng Zhao", "WORKS_FOR", "Binance", "CEO")],
                            events=[("LAWSUIT", ["Binance"], "2023-06-05")]) for i in range(n)])
    (event,) = nodes_of(g, "event")
    works = ("entity:person-changpeng-zhao", "entity:binance", "WORKS_FOR")
    for edge in g.edges[works], g.edges["entity:binance", event, "PARTICIPANT"]:
        assert [e["article_id"] for e in edge["evidence"]] == [f"w{i:02}" for i in range(EVIDENCE_PER_EDGE)]
        assert (edge["evidence_count"], edge["sources"]) == (n, n)
        assert (edge["first_seen"], edge["last_seen"]) == ("2023-06-01T00:00:00Z", f"2023-06-{n}T00:00:00Z")


def test_an_article_giving_an_edge_the_same_evidence_twice_counts_it_once():
    works = ("Changpeng Zhao", "WORKS_FOR", "Binance", "CEO")
    g = build_graph([report("a1", "2023-01-01", entities=[CZ, BINANCE], relations=[works, works]),
                     report("a2", "2023-01-02", entities=[CZ, BINANCE], relations=[works])])
    edge = g.edges["entity:person-changpeng-zhao", "entity:binance", "WORKS_FOR"]
    assert [e["article_id"] for e in edge["evidence"]] == ["a1", "a2"]
    assert (edge["evidence_count"], edge["sources"]) == (2, 2)


def test_an_event_counts_its_sources_and_the_distinct_outlets_they_come_from():
    def told(article_id, url, feed):
        art, x = report(article_id, "2023-06-05T12:00:00Z", feed, [BINANCE],
                        events=[("HACK", ["Binance"], "2023-06-05")])
        return dataclasses.replace(art, url=url), x

    g = build_graph([told("o1", "https://www.ledgerwire.example/o1", "LedgerWire"),
                     told("o2", "https://ledgerwire.example/markets/o2", "LedgerWire Markets"),  # same outlet
                     told("o3", "https://blockpost.example/o3", "BlockPost"),
                     told("o4", "", "AsiaDesk")])  # no URL: the feed names the outlet
    ((_, hack),) = nodes_of(g, "event").items()
    assert (hack["sources"], hack["outlets"]) == (4, 3)
    assert hack["source_outlets"] == ["ledgerwire.example", "blockpost.example", "AsiaDesk"]
