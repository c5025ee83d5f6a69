"""What makes extraction fast changes nothing it finds: stock components, processes, memory zones, indexes."""

import pytest
import threadpoolctl
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract
from conftest import SAMPLE
from kg.config import Config
from kg.feeds.parse import parse_feed
from kg.ingest import ingest
from kg.models import Article, FeedSource
from kg.nlp import matmul, transitions
from kg.nlp.entities import DocEntities, Mention
from kg.nlp.pipeline import load_base_model
from kg.nlp.stock import speed_up
from kg.store import Store

SAMPLE_FILES = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".xml", ".atom"))
TRICKY = [
    "I'd say y'all gonna love it. Let's go, ain't it? He's gotta be there. C'mon, 'nuff said, doin' nothin'.",
    "There is a problem.  \n\n  Whether it was him or me, I did it! It gets worse; he got 'em. Those were theirs.",
    "", " ", "\n\n",
]


@pytest.fixture(scope="module")
def sample_articles():
    return [a for path in SAMPLE_FILES for a in parse_feed(path.read_bytes(), feed_name=path.stem).articles]


def token_attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_the_swapped_in_components_set_exactly_what_the_stock_ones_do(sample_articles):
    stock, fast = load_base_model(), speed_up(load_base_model())
    assert fast.pipe_names == ["tok2vec", "tagger", "kg_parser", "kg_attribute_ruler", "kg_lemmatizer", "kg_ner"]
    texts = [kg.extract.article_text(a) for a in sample_articles] + TRICKY
    assert len(texts) > transitions.STEP_DOCS  # several groups stepped apart
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert token_attributes(a) == token_attributes(b)
    for text in TRICKY[:2]:  # one doc at a time: nlp(text)
        assert token_attributes(stock(text)) == token_attributes(fast(text))


def test_a_stepped_component_answers_as_the_one_it_stands_in_for():
    fast = speed_up(load_base_model())
    ner = fast.get_pipe("kg_ner")
    assert isinstance(ner, transitions.SteppedParser)
    assert "ORG" in ner.labels and ner.moves is ner.component.moves


def test_a_beam_search_parser_is_left_as_it_is():
    nlp = load_base_model()
    nlp.get_pipe("parser").cfg["beam_width"] = 4
    assert transitions.step_with_gil(nlp) == ["ner"]
    assert "parser" in nlp.pipe_names and "kg_ner" in nlp.pipe_names


def test_matrix_products_in_numpys_blas_set_exactly_what_blis_does(sample_articles):
    stock, fast = load_base_model(), load_base_model()
    assert matmul.use_numpy_blas(fast)
    assert type(fast.get_pipe("ner").model.ops) is matmul.NumpyBlasOps
    texts = [kg.extract.article_text(a) for a in sample_articles] + TRICKY
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert token_attributes(a) == token_attributes(b)


def test_a_numpy_without_an_optimised_blas_leaves_the_model_on_blis(monkeypatch):
    monkeypatch.setattr(matmul, "numpy_blas", lambda: "")
    nlp = load_base_model()
    assert not matmul.use_numpy_blas(nlp)
    assert all(type(node.ops) is not matmul.NumpyBlasOps for node in nlp.get_pipe("ner").model.walk())


def blas_threads():
    return {lib["internal_api"]: lib["num_threads"] for lib in threadpoolctl.threadpool_info()
            if lib["user_api"] == "blas"}


def test_extraction_holds_blas_to_one_thread_and_gives_the_setting_back(extractor, monkeypatch):
    before = blas_threads()
    during = []
    products = matmul.NumpyBlasOps.gemm

    def gemm(self, *args, **kwargs):
        if not during:
            during.append(blas_threads())
        return products(self, *args, **kwargs)

    monkeypatch.setattr(matmul.NumpyBlasOps, "gemm", gemm)
    extractor.extract_one(Article(id="t", title="Kraken hacked", text="Kraken said it was hacked on Monday."))
    assert during and set(during[0].values()) == {1}
    assert blas_threads() == before


def test_two_processes_give_the_same_extractions_in_the_same_order(extractor, sample_articles, monkeypatch):
    monkeypatch.setattr(kg.extract, "TASK_DOCS", 8)  # several tasks for each worker
    assert list(extractor.extract(sample_articles, n_process=2)) == list(extractor.extract(sample_articles))


def test_a_long_stream_holds_the_new_strings_of_one_zone_at_most(extractor, monkeypatch):
    strings = extractor.nlp.vocab.strings
    articles = [Article(id=f"z{i}", title="", text=f"Qorvex{i} hired Vantrel{i} from Zimbro{i} for {i}7,311 euros.")
                for i in range(60)]
    before = len(strings)
    growth = {}
    for zone in (1000, 10):
        monkeypatch.setattr(kg.extract, "ZONE_DOCS", zone)
        growth[zone] = max(len(strings) for _ in extractor.extract(articles)) - before
        assert len(strings) == before
    assert 0 < growth[10] < growth[1000] / 3


def test_bad_process_counts_are_refused(extractor):
    with pytest.raises(ValueError, match="n_process=0"):
        list(extractor.extract([], n_process=0))


def test_ingest_with_two_processes_stores_what_one_process_stores(server, tmp_path, extractor, monkeypatch):
    monkeypatch.setattr(kg.extract, "TASK_DOCS", 8)  # the feeds' articles make several tasks
    feeds = []
    for path in SAMPLE_FILES:
        server.add(f"/{path.name}", body=path.read_bytes(), etag=f'"{path.stem}"')
        feeds.append(FeedSource(path.stem, server.url(f"/{path.name}")))
    config = Config(feeds=tuple(feeds))
    stored = {}
    for n in (1, 2):
        with Store.open(tmp_path / f"{n}.sqlite") as db:
            report = ingest(config, db, extractor=extractor, force=True, n_process=n)
            assert [f.status for f in report.feeds] == ["new"] * len(feeds)
            stored[n] = [(a.id, x) for a, x in db.extractions()]
    assert stored[1] == stored[2] and len(stored[1]) == report.new_articles


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 4)), max_size=25), st.integers(0, 70),
       st.integers(0, 70))
def test_in_span_finds_what_a_scan_of_every_mention_finds(spans, start, end):
    ents = DocEntities(mentions=[Mention(s, s + n, f"k{i}", "x") for i, (s, n) in enumerate(spans)])
    ents.index()
    assert ents.in_span(start, end) == [m for m in ents.mentions if m.start >= start and m.end <= end]


def test_in_span_scans_mentions_added_after_indexing():
    ents = DocEntities()
    ents.index()
    ents.mentions.append(Mention(3, 5, "k", "x"))
    assert ents.in_span(0, 10) == ents.mentions

