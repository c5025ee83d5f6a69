"""The graph page without a browser: what it embeds, how it escapes, which view it shows, the CLI views."""

import html
import json
import re
import time
import warnings
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from conftest import CRAFTED_LINKS, CRAFTED_NODES, XSS, crafted_pairs
from kg.cli import main
from kg.query import KnowledgeGraph
from kg.store import Store
from kg.view import ViewOptions, _in_slice, _script_json, notebook, page, render, select_graph

DATA_SCRIPT = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def embedded_data(text: str) -> dict:
    return json.loads(DATA_SCRIPT.search(text).group(1))


def tags(text: str) -> list[str]:
    """The elements an HTML parser sees (script content is text to it, as to a browser)."""
    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append(tag)

    Parser().feed(text)
    return found


# escaping ---------------------------------------------------------------------

@pytest.mark.parametrize("value", [*XSS, "a & b", "<!-- x", "line\u2028separator\u2029", "</SCRIPT >"])
def test_script_json_leaves_no_markup_and_reads_back(value):
    text = _script_json({"t": value})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"t": value}


def test_feed_text_reaches_the_page_only_inside_the_escaped_json(crafted_kg):
    text = page(crafted_kg)["html"]
    for payload in XSS:
        assert payload not in text
    assert tags(text).count("script") == 3  # the data, vis-network, the page's own script
    assert "img" not in tags(text)
    names = {n.get("name", n["label"]) for n in embedded_data(text)["nodes"]}
    assert XSS[1] in names and XSS[0] in names  # shown as text, unchanged


def test_page_title_is_escaped(crafted_kg):
    text = page(crafted_kg, ViewOptions(title="<b>Mine</b>"))["html"]
    assert "<title>&lt;b&gt;Mine&lt;/b&gt;</title>" in text


def test_page_loads_nothing_from_outside(crafted_kg):
    text = page(crafted_kg)["html"]
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert not re.search(r"<link\b|@import|url\(\s*['\"]?https?:", text, re.I)
    assert "default-src 'none'" in text  # and the page's CSP forbids it anyway


def test_unsafe_article_urls_stay_data_and_links_are_built_only_for_http(crafted_kg):
    text = page(crafted_kg)["html"]
    assert ["javascript:alert(1)"] == [a[0] for a in embedded_data(text)["articles"] if a[0][:8] != "https://"]
    script = text.rsplit("<script>", 1)[1]
    assert 'u.protocol === "http:" || u.protocol === "https:"' in script
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


# what the page holds ----------------------------------------------------------------

def test_page_data_has_every_node_and_link_with_details(crafted_kg):
    data = embedded_data(page(crafted_kg)["html"])
    assert len(data["nodes"]) == CRAFTED_NODES and len(data["edges"]) == CRAFTED_LINKS
    cz = next(n for n in data["nodes"] if n["label"] == "Changpeng Zhao")
    assert cz["aliases"] == ["CZ"] and cz["first_seen"] == "2023-03-27" and cz["kind"] == "entity"
    works = next(e for e in data["edges"] if e["kind"] == "WORKS_FOR")
    assert works["label"] == "works for (CEO)"
    assert data["sentences"][works["evidence"][0][1]] == "Changpeng Zhao, Binance's chief executive."
    assert {e["label"] for e in data["edges"] if e["kind"] == "PARTICIPANT"} == {"actor", "participant"}


def test_each_event_type_is_its_own_filter_group(crafted_kg):
    data = embedded_data(page(crafted_kg)["html"])
    events = {g["id"]: g["count"] for g in data["groups"] if g["kind"] == "event"}
    assert events == {"HACK": 2, "INVESTIGATION": 1, "LAWSUIT": 1, "LISTING": 1}
    assert {n["group"] for n in data["nodes"] if n["kind"] == "event"} == set(events)


def test_node_size_follows_importance(crafted_kg):
    nodes = {n["label"]: n for n in embedded_data(page(crafted_kg)["html"])["nodes"]}
    assert nodes["Binance"]["size"] == max(n["size"] for n in nodes.values())
    assert nodes["Binance"]["size"] > nodes["Tether"]["size"]


def test_the_same_graph_gives_the_same_page():
    first = page(KnowledgeGraph.from_extractions(crafted_pairs()))["html"]
    assert page(KnowledgeGraph.from_extractions(crafted_pairs()))["html"] == first


def test_render_writes_the_page_atomically(crafted_kg, tmp_path):
    info = render(crafted_kg, tmp_path / "deep" / "graph.html")
    assert info["nodes"] == CRAFTED_NODES and info["edges"] == CRAFTED_LINKS
    assert (tmp_path / "deep" / "graph.html").stat().st_size == info["bytes"]
    assert [p.name for p in (tmp_path / "deep").iterdir()] == ["graph.html"]


# views ------------------------------------------------------------------------------

def names(g):
    return {d["name"] if d["kind"] == "entity" else d["type"] for _, d in g.nodes(data=True)}


def test_whole_graph_view_leaves_articles_out(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions())
    assert g.number_of_nodes() == CRAFTED_NODES
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"entity", "event"}


def test_max_nodes_keeps_the_most_important(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions(max_nodes=2))
    assert names(g) == {"Binance", "Bitcoin"}


def test_ego_view_reaches_depth_links_away(crafted_kg):
    assert names(select_graph(crafted_kg, ViewOptions(entity="Kraken", depth=1))) == {
        "Kraken", "San Francisco", "Bitcoin", "LISTING"}


def test_ego_view_always_keeps_its_entity(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions(entity="Kraken", depth=1, max_nodes=1, since="2024-01-01"))
    assert names(g) == {"Kraken"}


def test_time_slice_keeps_what_was_seen_in_it(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions(since="2023-01-01", until="2023-12-31"))
    assert names(g) == {"LAWSUIT", "Binance", "Changpeng Zhao", "Commodity Futures Trading Commission"}


def test_events_view_keeps_the_parties(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions(show="events"))
    assert "Tether" not in names(g)
    assert {"HACK", "LISTING", "Kraken", "Bitcoin", "Binance"} <= names(g)


def test_entities_view_links_entities_that_share_an_event(crafted_kg):
    g = select_graph(crafted_kg, ViewOptions(show="entities"))
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"entity"}
    lawsuit = g.edges["entity:regulator:commodity futures trading commission", "entity:exchange:binance", "LAWSUIT"]
    assert lawsuit["evidence"][0]["sentence"] == "The CFTC sued Binance and Changpeng Zhao on Monday."
    assert g.has_edge("entity:person:changpeng zhao", "entity:exchange:binance", "WORKS_FOR")


def test_an_ego_view_of_entities_lists_the_first_reported_of_many_shared_events():
    from reports import report

    hacks = [report(f"h{i}", f"20{10 + i}-03-01T00:00:00Z", entities=[("AAX", "EXCHANGE"), ("Lazarus", "ORGANIZATION")],
                    events=[("HACK", ["AAX", "Lazarus"], f"20{10 + i}-03-01")]) for i in range(8)]
    others = [report(f"o{i}", "2020-01-01T00:00:00Z", entities=[(f"Exchange {i}", "EXCHANGE")]) for i in range(20)]
    kg = KnowledgeGraph.from_extractions(hacks + others)  # the ego graph is a small part of the graph
    shown = select_graph(kg, ViewOptions(entity="AAX", depth=1, show="entities"))
    listed = embedded_data(page(kg, ViewOptions(entity="AAX", depth=1, show="entities"))["html"])["edges"]
    # the same whatever the order of Python's sets in this process (it was not: the ego graph was a copy
    # whose nodes came in set order when it was small beside the graph)
    assert [e["events"] for e in listed] == [[f"Hack: AAX, Lazarus (20{10 + i}-03-01)" for i in range(5)]]
    assert len(shown.edges["entity:exchange:aax", "entity:organization:lazarus", "HACK"]["events"]) == 8


@pytest.mark.parametrize("data, since, until, shown", [
    ({"date": "2022"}, "2022-06-01", None, True),  # a year-precision date is in any slice of that year
    ({"date": "2022-05"}, "2022-06-01", None, False),
    ({"date": "2022-05-31"}, None, "2022-05", True),
    ({"first_seen": "2021-01-01T00:00:00+00:00", "last_seen": "2023-01-01T00:00:00+00:00"}, "2022-01-01", "2022-02-01",
     True),
    ({"first_seen": "2023-01-02T00:00:00+00:00", "last_seen": "2023-01-02T00:00:00+00:00"}, None, "2023-01-01", False),
    ({}, "2022-01-01", "2022-12-31", True),  # undated things are never sliced away
])
def test_time_slice_compares_at_the_precision_given(data, since, until, shown):
    assert _in_slice(data, since, until) is shown


@pytest.mark.parametrize("options, message", [
    ({"max_nodes": 0}, "max_nodes = 0 is invalid"),
    ({"depth": -1}, "depth = -1 is invalid"),
    ({"show": "people"}, "allowed: all, entities, events"),
    ({"since": "2022-13-01"}, "since = '2022-13-01' is invalid"),
    ({"until": "yesterday"}, "until = 'yesterday' is invalid"),
])
def test_view_options_are_checked(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        ViewOptions(**options)


# the CLI -----------------------------------------------------------------------------

@pytest.fixture
def crafted_store(tmp_path):
    pairs = crafted_pairs()
    with Store.open(tmp_path / "kg.sqlite") as store:
        store.ensure_feed("crafted", "https://news.example/feed")
        store.commit_feed("crafted", articles=[a for a, _ in pairs], extractions=[x for _, x in pairs],
                          extractor="crafted", etag="", last_modified="", status="ok", next_check=0, now=time.time())
    return tmp_path / "kg.sqlite"


@pytest.mark.parametrize("args, nodes", [
    ([], CRAFTED_NODES),
    (["--max-nodes", "3"], 3),
    (["--entity", "Kraken", "--depth", "1"], 4),
    (["--since", "2023-01-01", "--until", "2023-12-31"], 4),
    (["--show", "events"], 12),  # 5 events, 7 parties
    (["--show", "entities"], 10),  # all entities
])
def test_cli_view_writes_the_view_asked_for(crafted_store, tmp_path, args, nodes):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["view", "--store", str(crafted_store), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    assert f"({nodes} nodes," in result.output
    assert len(embedded_data(out.read_text())["nodes"]) == nodes


@pytest.mark.parametrize("args, message", [
    (["--since", "2022-13"], "since = '2022-13' is invalid"),
    (["--entity", "Nobody"], "no entity named 'Nobody'"),
    (["--max-nodes", "0"], "max_nodes = 0 is invalid"),
])
def test_cli_view_rejects_bad_input_with_exit_2(crafted_store, tmp_path, args, message):
    result = CliRunner().invoke(main, ["view", "--store", str(crafted_store), "--out", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 2
    assert message in result.output


# Jupyter -------------------------------------------------------------------------------

def test_notebook_page_is_the_graph_page_in_a_sandboxed_iframe(crafted_kg):
    shown = notebook(crafted_kg, height=500)._repr_html_()
    assert shown.startswith('<div class="kg-graph"><iframe srcdoc="')
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in shown
    assert "allow-same-origin" not in shown and "height:500px" in shown
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    assert html.unescape(srcdoc) == page(crafted_kg)["html"]


def test_notebook_displays_in_ipython_without_warnings(crafted_kg):
    interactiveshell = pytest.importorskip("IPython.core.interactiveshell")
    shell = interactiveshell.InteractiveShell.instance()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        formats, _ = shell.display_formatter.format(notebook(crafted_kg))
    assert formats["text/html"].startswith('<div class="kg-graph">')
    assert formats["text/plain"] == "NotebookPage(height=650)"
