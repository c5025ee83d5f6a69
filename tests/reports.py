"""Hand-made reports (an article and its extraction) for graph, query and export tests, no spaCy needed."""

from __future__ import annotations

from pathlib import Path

from kg.models import Article, Entity, Event, Evidence, Extraction, Relation
from kg.store import Store


def evidence(sentence: str) -> Evidence:
    return Evidence(sentence, 0, len(sentence))


def report(article_id, published, feed="LedgerWire", entities=(), relations=(), events=()):
    """An (Article, Extraction) pair. entities: (name, type[, kb_id[, aliases]]);
    relations: (head, type, tail[, role]); events: (type, participants[, date])."""
    art = Article(id=article_id, title=f"Story {article_id}", text=f"Body of {article_id}.",
                  url=f"https://{feed.lower()}.example/{article_id}", published=published, feed=feed,
                  guid=article_id, content_hash=f"hash-{article_id}")
    ents = tuple(Entity(e[0], e[1], tuple(e[3]) if len(e) > 3 else (), e[2] if len(e) > 2 else "",
                        evidence=(evidence(f"{e[0]} is in the news."),)) for e in entities)
    rels = tuple(Relation(r[0], r[1], r[2], r[3] if len(r) > 3 else "", evidence(f"{r[0]} {r[1]} {r[2]}."))
                 for r in relations)
    evs = tuple(Event(e[0], tuple(e[1]), e[2] if len(e) > 2 else "", "", evidence(f"{e[0]}: {', '.join(e[1])}."))
                for e in events)
    return art, Extraction(article_id, ents, rels, evs)


SEC = ("Securities and Exchange Commission", "REGULATOR", "sec-us", ["SEC"])
BINANCE = ("Binance", "EXCHANGE", "binance")
COINBASE = ("Coinbase", "EXCHANGE", "coinbase")
FTX = ("FTX", "EXCHANGE", "ftx")
CZ = ("Changpeng Zhao", "PERSON", "person-changpeng-zhao", ["CZ"])
ARMSTRONG = ("Brian Armstrong", "PERSON", "person-brian-armstrong")
SBF = ("Sam Bankman-Fried", "PERSON", "person-sam-bankman-fried", ["SBF"])
BAHAMAS = ("Bahamas", "LOCATION", "loc-bahamas")
KRAKEN = ("Kraken", "EXCHANGE", "kraken")


def small_reports():
    """Seven reports; the two SEC suits of June 2023 against Binance are one event with two sources.

    Links: CZ works for Binance, Armstrong for Coinbase, SBF for FTX; FTX is based in the Bahamas;
    events: SEC v. Binance (q1, q3), SEC v. Coinbase (q2), FTX bankruptcy (q4), Binance-FTX
    acquisition (q5), Binance hack of 2019 (q6). Kraken (q7) is linked to nothing.
    """
    return [
        report("q1", "2023-06-05T14:00:00Z", "LedgerWire", [SEC, BINANCE, CZ],
               [("Changpeng Zhao", "WORKS_FOR", "Binance", "founder")],
               [("LAWSUIT", [SEC[0], "Binance", "Changpeng Zhao"], "2023-06-05")]),
        report("q2", "2023-06-06T09:00:00Z", "BlockPost", [SEC, COINBASE, ARMSTRONG],
               [("Brian Armstrong", "WORKS_FOR", "Coinbase", "CEO")],
               [("LAWSUIT", ["SEC", "Coinbase"], "2023-06-06")]),
        report("q3", "2023-06-06T11:00:00Z", "AsiaDesk", [SEC, BINANCE],
               events=[("LAWSUIT", ["SEC", "Binance"], "2023-06-05")]),
        report("q4", "2022-11-11T10:00:00Z", "LedgerWire", [FTX, SBF, BAHAMAS],
               [("Sam Bankman-Fried", "WORKS_FOR", "FTX", "founder"), ("FTX", "BASED_IN", "Bahamas")],
               [("BANKRUPTCY", ["FTX"], "2022-11-11")]),
        report("q5", "2022-11-08T18:00:00Z", "BlockPost", [BINANCE, FTX],
               events=[("ACQUISITION", ["Binance", "FTX"], "2022-11-08")]),
        report("q6", "2019-05-08T07:00:00Z", "AsiaDesk", [BINANCE], events=[("HACK", ["Binance"], "2019-05-07")]),
        report("q7", "2024-01-02T12:00:00Z", "LedgerWire", [KRAKEN]),
    ]


def write_store(path: Path, reports) -> Path:
    """A store holding ``reports``, committed feed by feed as ingestion does."""
    with Store.open(path) as store:
        feeds: dict[str, list] = {}
        for art, x in reports:
            feeds.setdefault(art.feed, []).append((art, x))
        for feed, pairs in feeds.items():
            store.ensure_feed(feed, f"https://{feed.lower()}.example/rss")
            store.commit_feed(feed, articles=[a for a, _ in pairs], extractions=[x for _, x in pairs],
                              extractor="test", etag="", last_modified="", status="200 ok", next_check=0, now=1.0)
    return path
