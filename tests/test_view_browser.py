"""The graph page in a real browser: Debian's Chromium, headless, driven by Playwright.

Pages come from crafted extractions (no spaCy model) and from a small real
store: the bundled sample feeds plus a hostile feed, parsed, extracted and
stored as ``kg ingest`` does, and from the benchmark's 5,000-node graph. A
screenshot of the sample graph is kept in ``output/graph-screenshot.png`` for
a person to look at.
"""

from __future__ import annotations

import importlib.util
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from conftest import CRAFTED_LINKS, CRAFTED_NODES, DATA, SAMPLE, XSS, crafted_pairs
from kg.feeds.parse import parse_feed
from kg.query import KnowledgeGraph
from kg.store import Store
from kg.view import ViewOptions, _in_slice, notebook, render, select_graph

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = Path(__file__).resolve().parent.parent / "output"
BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_view.py"
OFF_CENTRE = """id => {
    const v = kgNetwork.getViewPosition(), p = kgNetwork.getPositions([id])[id];
    return Math.hypot(v.x - p.x, v.y - p.y);
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"the browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """An open page and everything it did: console errors, requests, dialogs (an alert means a script ran)."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shown(self) -> set[str]:
        return set(self.page.evaluate("kgNetwork.body.nodeIndices"))


def record(page: Page) -> Visit:
    visit = Visit(page)
    page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
    return visit


@pytest.fixture
def open_page(browser):
    pages = []

    def go(path: Path) -> Visit:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        pages.append(page)
        visit = record(page)
        page.goto(path.as_uri())
        # The page's CSP forbids eval, so no wait_for_function: wait for the flag set after the first frame.
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20_000)
        return visit

    yield go
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    kg = KnowledgeGraph.from_extractions(crafted_pairs())
    path = tmp_path_factory.mktemp("crafted") / "graph.html"
    render(kg, path)
    return kg, path


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, extractor):
    """The bundled sample feeds and a hostile feed, parsed, extracted and stored as ``kg ingest`` does."""
    path = tmp_path_factory.mktemp("store") / "kg.sqlite"
    feeds = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".xml", ".atom")) + [DATA / "hostile_feed.xml"]
    with Store.open(path) as store:
        for feed in feeds:
            articles = parse_feed(feed.read_bytes(), feed_name=feed.stem).articles
            store.ensure_feed(feed.stem, feed.as_uri())
            store.commit_feed(feed.stem, articles=articles, extractions=extractor.extract(articles),
                              extractor=extractor.version, etag="", last_modified="", status="ok", next_check=0,
                              now=time.time())
    return path


# the page ---------------------------------------------------------------------------

def test_page_loads_with_no_errors_and_no_network(open_page, crafted):
    _, path = crafted
    visit = open_page(path)
    visit.page.wait_for_timeout(200)
    assert visit.errors == []
    assert visit.requests == [path.as_uri()]  # nothing else: every script and style is inline
    assert visit.dialogs == []


def test_every_node_and_link_of_the_view_is_drawn(open_page, crafted):
    kg, path = crafted
    visit = open_page(path)
    g = select_graph(kg, ViewOptions())
    assert (g.number_of_nodes(), g.number_of_edges()) == (CRAFTED_NODES, CRAFTED_LINKS)
    assert visit.shown() == set(g)
    assert visit.page.evaluate("kgNetwork.body.edgeIndices.length") == CRAFTED_LINKS
    assert visit.page.text_content("#status") == f"{CRAFTED_NODES} nodes, {CRAFTED_LINKS} links shown"


def test_search_by_alias_focuses_and_selects_the_node(open_page, crafted):
    kg, path = crafted
    page = open_page(path).page
    page.fill("#search", "CZ")
    page.press("#search", "Enter")
    cz = kg.entity("CZ")["id"]
    assert page.evaluate("kgFocused") == cz
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [cz]
    assert page.evaluate(OFF_CENTRE, cz) < 1  # the view is centred on it
    assert page.text_content("#details h1") == "Changpeng Zhao"
    assert "CZ" in page.text_content("#details dl")


def test_search_suggests_names_best_first_and_a_click_focuses(open_page, crafted):
    kg, path = crafted
    page = open_page(path).page
    page.type("#search", "bi")
    suggested = page.eval_on_selector_all("#suggestions button", "bs => bs.map(b => b.dataset.id)")
    assert suggested[:2] == [kg.entity("Binance")["id"], kg.entity("Bitcoin")["id"]]
    page.click(f"#suggestions button[data-id='{kg.entity('Bitcoin')['id']}']")
    assert page.evaluate("kgFocused") == kg.entity("Bitcoin")["id"]


def test_type_filters_hide_exactly_that_type(open_page, crafted):
    kg, path = crafted
    visit = open_page(path)
    g = select_graph(kg, ViewOptions())
    visit.page.uncheck("input[data-group=REGULATOR]")
    assert visit.shown() == {n for n, d in g.nodes(data=True) if d["type"] != "REGULATOR"}
    visit.page.uncheck("input[data-group=HACK]")
    assert visit.shown() == {n for n, d in g.nodes(data=True) if d["type"] not in ("REGULATOR", "HACK")}
    drawn = visit.page.evaluate("kgNetwork.body.edgeIndices.map(id => kgNetwork.body.edges[id])"
                                ".map(e => [e.fromId, e.toId])")
    assert all(a in visit.shown() and b in visit.shown() for a, b in drawn)
    visit.page.click("[data-all=entity]")
    assert visit.shown() == {n for n, d in g.nodes(data=True) if d["type"] != "HACK"}


def test_date_range_hides_what_was_not_seen_in_it(open_page, crafted):
    kg, path = crafted
    visit = open_page(path)
    visit.page.fill("#since", "2023-01-01")
    visit.page.fill("#until", "2023-12-31")
    g = select_graph(kg, ViewOptions())
    expected = {n for n, d in g.nodes(data=True) if _in_slice(d, "2023-01-01", "2023-12-31")}
    assert visit.shown() == expected  # the page slices as ``kg view --since/--until`` does
    assert 0 < len(expected) < CRAFTED_NODES


def test_clicking_an_event_shows_its_evidence_and_hover_its_summary(open_page, crafted):
    _, path = crafted
    page = open_page(path).page
    page.fill("#search", "lawsuit")
    page.press("#search", "Enter")
    page.evaluate("document.getElementById('details').replaceChildren()")  # the click below must fill it
    box = page.locator("#network").bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(*centre)
    assert page.text_content("#details h1").startswith("Lawsuit: Commodity Futures Trading Commission")
    assert "The CFTC sued Binance and Changpeng Zhao on Monday." in page.text_content("#details")
    assert page.get_attribute("#details .evidence a", "href") == "https://news.example/a2"
    page.mouse.move(centre[0] + 30, centre[1] + 30)
    page.mouse.move(*centre)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert page.inner_text("div.vis-tooltip").startswith("Lawsuit: Commodity Futures Trading Commission")


# feed text is text ---------------------------------------------------------------------

def test_script_payloads_in_feed_text_never_run(open_page, crafted):
    kg, path = crafted
    visit = open_page(path)
    page = visit.page
    page.fill("#search", "onerror")
    assert XSS[1] in page.text_content("#suggestions")
    page.press("#search", "Enter")
    assert page.text_content("#details h1") == XSS[1]
    for i in range(page.locator("#details .link").count()):  # every link's evidence, article titles included
        page.fill("#search", "onerror")
        page.press("#search", "Enter")
        page.locator("#details .link").nth(i).click()
        assert "alert(" in page.text_content("#details")
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert XSS[1] in page.inner_text("div.vis-tooltip")
    page.fill("#search", XSS[0])
    page.press("#search", "Enter")
    assert page.text_content("#details h1") == XSS[0]
    assert visit.dialogs == [] and visit.errors == []
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, svg').length") == 0
    handlers = "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on')))"
    assert page.evaluate(f"{handlers}.length") == 0
    assert page.evaluate("[...document.querySelectorAll('a')].map(a => a.protocol).filter(p => p !== 'https:')") == []


def test_real_store_page_with_a_hostile_feed(open_page, sample_store):
    kg = KnowledgeGraph.open(sample_store)
    path = sample_store.parent / "graph.html"
    info = render(kg, path)
    visit = open_page(path)
    page = visit.page
    assert visit.shown() == set(select_graph(kg, ViewOptions())) and len(visit.shown()) == info["nodes"]
    page.fill("#search", "Binance")
    page.press("#search", "Enter")
    assert page.text_content("#details h1") == "Binance"
    newest = page.text_content("#details .evidence")
    assert "<img src=x onerror=alert(1)>" in newest and "<script>alert(1)</script>" in newest  # shown as text
    page.click("#fit")
    page.wait_for_timeout(150)
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "graph-screenshot.png"))
    assert visit.dialogs == [] and visit.errors == []
    assert all(url.startswith("file:") for url in visit.requests)


# a large page ---------------------------------------------------------------------------

@pytest.mark.slow
def test_a_5000_node_page_becomes_interactive_within_its_size_bound(open_page, tmp_path):
    """No timed assertion here: ``bench/bench_view.py`` measures; this checks the page works and its size."""
    spec = importlib.util.spec_from_file_location("bench_view", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    info = render(bench.synthetic_kg(), tmp_path / "big.html", ViewOptions(max_nodes=5000))
    assert info["nodes"] == 5000 and info["edges"] >= 7900
    assert info["bytes"] <= bench.SIZE_BOUND
    visit = open_page(tmp_path / "big.html")
    assert visit.page.evaluate("kgNetwork.body.nodeIndices.length") == 5000
    redraw = """() => new Promise(done => { kgNetwork.once("afterDrawing", () => done(true)); kgNetwork.fit(); })"""
    assert visit.page.evaluate(redraw) is True
    assert visit.errors == [] and visit.requests == [(tmp_path / "big.html").as_uri()]


# Jupyter --------------------------------------------------------------------------------

def test_notebook_output_shows_the_graph_inline(browser, crafted):
    kg, _ = crafted
    page = browser.new_page()
    visit = record(page)
    page.set_content(f"<!DOCTYPE html><html><body><h1>A notebook cell</h1>{notebook(kg)._repr_html_()}</body></html>")
    frame = page.frames[1]
    frame.wait_for_selector("body[data-ready='1']", state="attached", timeout=20_000)
    assert frame.evaluate("kgNetwork.body.nodeIndices.length") == CRAFTED_NODES
    assert page.locator("iframe").bounding_box()["height"] == 650
    assert visit.errors == [] and visit.dialogs == []
    assert all(not url.startswith(("http:", "https:")) for url in visit.requests)
    page.close()
