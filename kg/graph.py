"""Extractions -> one networkx ``MultiDiGraph`` across all articles.

* Entities resolve across articles through knowledge-base ids, and for names
  the knowledge base does not know, through normalised names and the aliases
  an article defines (acronyms, tickers). People merge by full name only: a
  surname is not enough to say two articles mean the same person.
* Events reported by several articles (same type, a shared participant,
  dates that agree at the precision both give) become one event node with
  every report as a source; the same type between the same parties at other
  dates stays apart.
* Every edge carries its evidence: article id, URL, published date, sentence
  and character offsets, plus first and last seen.

Nodes have ``kind`` ("entity", "event", "article"); entities and events have
``type`` and ``name``; entities a list ``aliases``. Building is incremental
(``GraphBuilder.add``) and order-stable, so adding articles one run at a time
gives the same graph as a rebuild from the store.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from .models import Article, Extraction
from .nlp.kb import load_kb, norm

ORG_LIKE = {"EXCHANGE", "REGULATOR", "ORGANIZATION"}
EVENT_WINDOW_DAYS = 10


def entity_node_id(kb_id: str, type_: str, name: str) -> str:
    return f"entity:{kb_id}" if kb_id else f"entity:{type_.lower()}:{norm(name)}"


@dataclass
class _EventSlot:
    node: str
    type: str
    participants: set[str]
    dates: list[str] = field(default_factory=list)


class GraphBuilder:
    """Adds (article, extraction) pairs to a graph, resolving as it goes."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.kb = load_kb()
        self.name_index: dict[tuple[str, str], str] = {}  # (type group, normalised name) -> node
        self.events_by_type: dict[str, list[_EventSlot]] = {}
        self.articles_seen: set[str] = set()
        self._reindex()

    def _reindex(self) -> None:
        """Rebuild lookups from an existing graph (a graph loaded from disk)."""
        for node, data in self.graph.nodes(data=True):
            if data.get("kind") == "entity":
                for name in [data["name"], *data.get("link_names", [])]:
                    self.name_index.setdefault((_group(data["type"]), norm(name)), node)
            elif data.get("kind") == "event":
                self.events_by_type.setdefault(data["type"], []).append(
                    _EventSlot(node, data["type"], set(data.get("participant_ids", [])), list(data.get("dates", []))))
            elif data.get("kind") == "article":
                self.articles_seen.add(node)

    def add_all(self, pairs: Iterable[tuple[Article, Extraction]]) -> "GraphBuilder":
        for article, extraction in pairs:
            self.add(article, extraction)
        return self

    def add(self, article: Article, extraction: Extraction) -> None:
        art_node = f"article:{article.id}"
        if art_node in self.articles_seen:
            return
        self.articles_seen.add(art_node)
        g = self.graph
        when = article.published or ""
        g.add_node(art_node, kind="article", name=article.title or article.id, title=article.title,
                   url=article.url, published=when, feed=article.feed, article_id=article.id)
        local: dict[str, str] = {}  # name or alias in this article -> entity node
        for ent in extraction.entities:
            node = self._entity_node(ent, when)
            for name in (ent.name, *ent.aliases):
                local.setdefault(name, node)
            ev = [self._evidence(article, e) for e in ent.evidence[:3]] or [self._evidence(article, None)]
            g.add_edge(art_node, node, key="MENTIONS", type="MENTIONS", count=ent.mentions, evidence=ev,
                       first_seen=when, last_seen=when)
        for rel in extraction.relations:
            head, tail = local.get(rel.head), local.get(rel.tail)
            if head and tail and head != tail:
                self._add_evidence_edge(head, tail, rel.type, article, rel.evidence, role=rel.role)
        for event in extraction.events:
            parts = [local[p] for p in event.participants if p in local]
            if parts:
                self._add_event(article, event, parts)

    # entities -----------------------------------------------------------------

    def _entity_node(self, ent, when: str) -> str:
        g = self.graph
        group = _group(ent.type)
        link_names = [ent.name]
        if ent.type != "PERSON":
            link_names += [a for a in ent.aliases if a.isupper() or len(a.split()) > 1]
        node = entity_node_id(ent.kb_id, ent.type, ent.name)
        if not ent.kb_id:
            node = next((self.name_index[(group, norm(n))] for n in link_names if (group, norm(n)) in self.name_index),
                        node)
        if node not in g:
            entry = self.kb.get(ent.kb_id) if ent.kb_id else None
            g.add_node(node, kind="entity", type=ent.type, name=entry.name if entry else ent.name,
                       kb_id=ent.kb_id, wikidata=entry.wikidata if entry else "", aliases=[], link_names=[],
                       mentions=0, articles=0, first_seen=when, last_seen=when, type_votes={})
        data = g.nodes[node]
        data["mentions"] += ent.mentions
        data["articles"] += 1
        data["type_votes"][ent.type] = data["type_votes"].get(ent.type, 0) + 1
        if not data["kb_id"]:
            data["type"] = max(sorted(data["type_votes"]), key=lambda t: data["type_votes"][t])
        _widen(data, when)
        known = {norm(data["name"])} | {norm(a) for a in data["aliases"]}
        for name in (ent.name, *ent.aliases):
            if norm(name) not in known:
                known.add(norm(name))
                data["aliases"].append(name)
        for name in link_names:
            if name not in data["link_names"]:
                data["link_names"].append(name)
            self.name_index.setdefault((group, norm(name)), node)
        return node

    # events -------------------------------------------------------------------

    def _add_event(self, article: Article, event, parts: list[str]) -> None:
        g = self.graph
        date = event.date or (article.published or "")[:10]
        slot = self._matching_event(event.type, set(parts), date)
        if slot is None:
            digest = hashlib.sha1(f"{event.type}|{'|'.join(sorted(parts))}|{date}".encode()).hexdigest()[:12]
            node = f"event:{event.type.lower()}:{digest}"
            slot = _EventSlot(node, event.type, set(parts), [date] if date else [])
            self.events_by_type.setdefault(event.type, []).append(slot)
            g.add_node(node, kind="event", type=event.type, name="", date=date, dates=list(slot.dates),
                       participant_ids=[], participants=[], sources=0, source_articles=[],
                       first_seen=article.published, last_seen=article.published)
        data = g.nodes[slot.node]
        for p in parts:
            if p not in data["participant_ids"]:
                data["participant_ids"].append(p)
                data["participants"].append(g.nodes[p]["name"])
            slot.participants.add(p)
        if date and date not in slot.dates:
            slot.dates.append(date)
            data["dates"] = list(slot.dates)
            data["date"] = _most_precise(slot.dates)
        if article.id not in data["source_articles"]:
            data["source_articles"].append(article.id)
            data["sources"] = len(data["source_articles"])
        _widen(data, article.published or "")
        data["name"] = f"{event.type.replace('_', ' ').title()}: {', '.join(data['participants'][:3])}" + (
            f" ({data['date']})" if data["date"] else "")
        for i, p in enumerate(parts):
            self._add_evidence_edge(p, slot.node, "PARTICIPANT", article, event.evidence,
                                    role="actor" if i == 0 and len(parts) > 1 else "participant")
        self._add_evidence_edge(f"article:{article.id}", slot.node, "REPORTS", article, event.evidence)

    def _matching_event(self, type_: str, parts: set[str], date: str) -> _EventSlot | None:
        for slot in self.events_by_type.get(type_, []):
            if not (slot.participants & parts):
                continue
            if not date or not slot.dates or any(_dates_agree(date, d) for d in slot.dates):
                return slot
        return None

    # edges --------------------------------------------------------------------

    def _add_evidence_edge(self, u: str, v: str, key: str, article: Article, evidence, **attrs) -> None:
        g = self.graph
        ev = self._evidence(article, evidence)
        when = article.published or ""
        if g.has_edge(u, v, key):
            data = g.edges[u, v, key]
            if not any(e["article_id"] == article.id and e["sentence"] == ev["sentence"] for e in data["evidence"]):
                data["evidence"].append(ev)
            _widen(data, when)
            if attrs.get("role") and attrs["role"] not in data.get("roles", []):
                data.setdefault("roles", []).append(attrs["role"])
        else:
            role = attrs.get("role", "")
            g.add_edge(u, v, key=key, type=key, role=role, roles=[role] if role else [], evidence=[ev],
                       first_seen=when, last_seen=when)

    @staticmethod
    def _evidence(article: Article, evidence) -> dict:
        return {"article_id": article.id, "url": article.url, "published": article.published,
                "title": article.title, "sentence": evidence.sentence if evidence else "",
                "start": evidence.start if evidence else 0, "end": evidence.end if evidence else 0}


def build_graph(pairs: Iterable[tuple[Article, Extraction]]) -> nx.MultiDiGraph:
    """The whole graph from (article, extraction) pairs, in the order given."""
    return GraphBuilder().add_all(pairs).graph


def _group(type_: str) -> str:
    """Unknown names typed ORGANIZATION in one article and EXCHANGE in another are one thing."""
    return "ORG" if type_ in ORG_LIKE else type_


def _widen(data: dict, when: str) -> None:
    if not when:
        return
    if not data.get("first_seen") or when < data["first_seen"]:
        data["first_seen"] = when
    if not data.get("last_seen") or when > data["last_seen"]:
        data["last_seen"] = when


def _dates_agree(a: str, b: str) -> bool:
    """Same day within the window, or equal at the coarser precision ('2019' agrees with '2019-03-14')."""
    from datetime import date

    if len(a) >= 10 and len(b) >= 10:
        try:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= EVENT_WINDOW_DAYS
        except ValueError:
            return a[:10] == b[:10]
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _most_precise(dates: list[str]) -> str:
    counts = Counter(dates)
    return max(dates, key=lambda d: (len(d), counts[d]))
