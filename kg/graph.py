"""Extractions -> one networkx ``MultiDiGraph`` across all articles.

* Entities resolve across articles through knowledge-base ids, and for names
  the knowledge base does not know, through normalised names and the aliases
  an article defines (acronyms, tickers). People merge by full name only: a
  surname is not enough to say two articles mean the same person.
* Events reported by several articles (same type, a shared participant, no
  two different parties of the same kind, dates within ``EVENT_WINDOW_DAYS``
  at the precision both give) become one event node with every report as a
  source; the same type between the same parties at other dates stays apart,
  and so do two exchanges sued the same week or two assets listed by one
  exchange.
* Every edge carries its evidence: article id, URL, published date, sentence
  and character offsets, plus first and last seen. An edge keeps its first
  ``EVIDENCE_PER_EDGE`` items and counts them all (``evidence_count``), and
  ``sources`` counts the articles behind it, so the edges of a hub (an
  exchange in thousands of articles) stay small.
* Event nodes count their reporting articles (``sources``) and the outlets
  those come from (``outlets``: distinct hosts of their URLs, or their feeds' names).

Nodes have ``kind`` ("entity", "event", "article"); entities and events have
``type`` and ``name``; entities a list ``aliases``. Building is incremental
(``GraphBuilder.add``) and order-stable, so adding articles one run at a time
gives the same graph as a rebuild from the store.
"""

from __future__ import annotations

import functools
import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable
from urllib.parse import urlsplit

import networkx as nx

from .models import Article, Extraction
from .nlp import kb

ORG_LIKE = {"EXCHANGE", "REGULATOR", "ORGANIZATION"}
EVENT_WINDOW_DAYS = 10
# Event types about an asset (a listing of X is not a listing of Y). In the others (a hack, a lawsuit)
# outlets name the assets involved differently, so a different asset does not make a different event.
ASSET_EVENTS = {"LISTING", "PRICE_MOVE", "LAUNCH"}
EVIDENCE_PER_MENTION = 3
EVIDENCE_PER_EDGE = 20  # the first items an edge keeps; ``evidence_count`` counts them all


norm = functools.lru_cache(maxsize=200_000)(kb.norm)  # the same few thousand names, normalised again and again


def entity_node_id(kb_id: str, type_: str, name: str) -> str:
    return f"entity:{kb_id}" if kb_id else f"entity:{type_.lower()}:{norm(name)}"


@dataclass
class _EventSlot:
    node: str
    type: str
    seq: int  # creation order: a report joins the oldest event it agrees with
    participants: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    keys: set[tuple] = field(default_factory=set)


class _EventIndex:
    """Events by type and party, and by party and 11-day bucket, so a report meets only the events it could join.

    A dated report can only join an event whose every date lies within the window of its own, so it looks in
    its bucket, the two beside it, and at events with no day yet; a report without a day looks at all the
    events of its parties.
    """

    def __init__(self):
        self.by_type: dict[str, list[_EventSlot]] = {}
        self.keyed: dict[tuple, list[_EventSlot]] = {}
        self.count = 0

    def new(self, node: str, type_: str) -> _EventSlot:
        slot = _EventSlot(node, type_, self.count)
        self.count += 1
        self.by_type.setdefault(type_, []).append(slot)
        return slot

    def extend(self, slot: _EventSlot, parts: Iterable[str], day: str) -> None:
        slot.participants.update(parts)
        if day and day not in slot.dates:
            slot.dates.append(day)
        buckets = {b for b in map(_bucket, slot.dates) if b is not None}
        for p in slot.participants:
            keys = [("any", slot.type, p)] + ([("day", slot.type, p, b) for b in buckets] if buckets
                                               else [("undated", slot.type, p)])
            for key in keys:
                if key not in slot.keys:
                    slot.keys.add(key)
                    self.keyed.setdefault(key, []).append(slot)

    def candidates(self, type_: str, parts: Iterable[str], day: str) -> list[_EventSlot]:
        b = _bucket(day)
        if b is None:
            keys = [("any", type_, p) for p in parts]
        else:
            keys = [k for p in parts for k in (("day", type_, p, b - 1), ("day", type_, p, b),
                                                ("day", type_, p, b + 1), ("undated", type_, p))]
        found = {slot.seq: slot for key in keys for slot in self.keyed.get(key, ())}
        return [found[seq] for seq in sorted(found)]


class GraphBuilder:
    """Adds (article, extraction) pairs to a graph, resolving as it goes.

    >>> from kg.models import Article, Entity, Extraction
    >>> b = GraphBuilder()
    >>> b.add(Article("a1", "t", "x"), Extraction("a1", entities=(Entity("Huobi", "EXCHANGE", kb_id="htx"),)))
    >>> b.add(Article("a2", "t", "x"), Extraction("a2", entities=(Entity("HTX", "EXCHANGE", kb_id="htx"),)))
    >>> b.graph.nodes["entity:htx"]["name"], b.graph.nodes["entity:htx"]["articles"]
    ('HTX', 2)
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.kb = kb.load_kb()
        self.link_index: dict[tuple[str, str], str] = {}  # (type group, normalised name) -> node it links to
        self.events = _EventIndex()
        self.events_by_type = self.events.by_type  # type -> events, in creation order
        self.articles_seen: set[str] = set()
        self.names: dict[str, list[str]] = {}  # normalised name or alias -> entity nodes (for lookups)
        # entities and events, undirected, linked by relations and participation: what paths walk
        self.links = nx.Graph()
        self._known: dict[str, set[str]] = {}  # entity node -> its normalised name and aliases
        self._groups: dict[str, str] = {}  # entity node -> type group (votes never leave the group)
        self._given: dict[tuple[str, str, str], list[dict]] = {}  # edge -> evidence the article being added gave it
        # entities whose relations or events changed since ``take_changed``: what the neighbour index re-works
        self._changed: set[str] = set()
        self._reindex()

    def _reindex(self) -> None:
        """Rebuild lookups from an existing graph (a graph loaded from disk).

        A node's ``link_names`` are the names it claimed first, so the index
        comes back as it was whatever the order of the nodes.
        """
        for node, data in self.graph.nodes(data=True):
            if data.get("kind") == "entity":
                self._groups[node] = _group(data["type"])
                for name in data.get("link_names", []):
                    self.link_index[(self._groups[node], norm(name))] = node
                self._add_aliases(node, ())
                self.links.add_edges_from((node, v) for v in self.graph.succ[node])
                self._changed.add(node)
            elif data.get("kind") == "event":
                slot = self.events.new(node, data["type"])
                for day in data.get("dates") or [""]:
                    self.events.extend(slot, data.get("participant_ids", []), day)
            elif data.get("kind") == "article":
                self.articles_seen.add(node)

    def add_all(self, pairs: Iterable[tuple[Article, Extraction]]) -> "GraphBuilder":
        for article, extraction in pairs:
            self.add(article, extraction)
        return self

    def take_changed(self) -> set[str]:
        """The entities whose relations or events changed since the last call (all of them, the first time)."""
        changed, self._changed = self._changed, set()
        return changed

    def add(self, article: Article, extraction: Extraction) -> None:
        """Add one article and what was read from it; an article already in the graph is skipped."""
        art_node = f"article:{article.id}"
        if art_node in self.articles_seen:
            return
        self.articles_seen.add(art_node)
        self._given = {}
        g = self.graph
        when = article.published or ""
        g.add_node(art_node, kind="article", name=article.title or article.id, title=article.title,
                   url=article.url, published=when, feed=article.feed, article_id=article.id)
        local: dict[str, str] = {}  # name or alias in this article -> entity node
        for ent in extraction.entities:
            node = self._entity_node(ent, when)
            for name in (ent.name, *ent.aliases):
                local.setdefault(name, node)
            self._add_mention(art_node, node, ent, article)
        for rel in extraction.relations:
            head, tail = local.get(rel.head), local.get(rel.tail)
            if head and tail and head != tail:
                self._add_evidence_edge(head, tail, rel.type, article, rel.evidence, role=rel.role)
                self._changed.update((head, tail))
        for event in extraction.events:
            parts = list(dict.fromkeys(local[p] for p in event.participants if p in local))
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
            node = next((self.link_index[(group, norm(n))] for n in link_names if (group, norm(n)) in self.link_index),
                        node)
        if node not in g:
            entry = self.kb.get(ent.kb_id) if ent.kb_id else None
            g.add_node(node, kind="entity", type=entry.type if entry else ent.type,
                       name=entry.name if entry else ent.name, kb_id=ent.kb_id,
                       wikidata=entry.wikidata if entry else "", aliases=[], link_names=[],
                       mentions=0, articles=0, first_seen=when, last_seen=when, type_votes={})
            if entry:  # a rebrand's old name is an alias before any article uses it
                self._add_aliases(node, [*entry.aliases, *entry.tickers])
        data = g.nodes[node]
        self._groups[node] = _group(data["type"])
        data["type_votes"][ent.type] = data["type_votes"].get(ent.type, 0) + 1
        if not data["kb_id"]:
            data["type"] = max(sorted(data["type_votes"]), key=lambda t: data["type_votes"][t])
        _widen(data, when)
        self._add_aliases(node, [ent.name, *ent.aliases])
        for name in link_names:
            key = (_group(data["type"]), norm(name))
            if key not in self.link_index:
                self.link_index[key] = node
                data["link_names"].append(name)
        return node

    def _add_aliases(self, node: str, names: Iterable[str]) -> None:
        data = self.graph.nodes[node]
        known = self._known.get(node)
        if known is None:
            known = self._known[node] = {norm(n) for n in (data["name"], *data["aliases"])}
            for n in known:
                self.names.setdefault(n, []).append(node)
        for name in names:
            if norm(name) not in known:
                known.add(norm(name))
                data["aliases"].append(name)
                self.names.setdefault(norm(name), []).append(node)

    def _add_mention(self, art_node: str, node: str, ent, article: Article) -> None:
        """The MENTIONS edge; two records of one article resolving to one node count once as an article."""
        g = self.graph
        data = g.nodes[node]
        data["mentions"] += ent.mentions
        ev = [self._evidence(article, e) for e in ent.evidence[:EVIDENCE_PER_MENTION]]
        if g.has_edge(art_node, node, "MENTIONS"):
            edge = g.edges[art_node, node, "MENTIONS"]
            edge["count"] += ent.mentions
            edge["evidence"] += [e for e in ev if e not in edge["evidence"]]
            edge["evidence_count"] = len(edge["evidence"])
            return
        data["articles"] += 1
        when = article.published or ""
        ev = ev or [self._evidence(article, None)]
        g.add_edge(art_node, node, key="MENTIONS", type="MENTIONS", count=ent.mentions, evidence=ev,
                   evidence_count=len(ev), first_seen=when, last_seen=when)

    # events -------------------------------------------------------------------

    def _add_event(self, article: Article, event, parts: list[str]) -> None:
        g = self.graph
        day = event.date or (article.published or "")[:10]
        slot = self._matching_event(event.type, set(parts), day)
        if slot is None:
            digest = hashlib.sha1(f"{event.type}|{'|'.join(sorted(parts))}|{day}".encode()).hexdigest()[:12]
            slot = self.events.new(f"event:{event.type.lower()}:{digest}", event.type)
            g.add_node(slot.node, kind="event", type=event.type, name="", date=day, dates=[],
                       participant_ids=[], participants=[], sources=0, source_articles=[], outlets=0,
                       source_outlets=[], first_seen=article.published, last_seen=article.published)
        data = g.nodes[slot.node]
        for p in parts:
            if p not in slot.participants:
                data["participant_ids"].append(p)
                data["participants"].append(g.nodes[p]["name"])
        self.events.extend(slot, parts, day)
        if len(slot.dates) != len(data["dates"]):
            data["dates"] = list(slot.dates)
            data["date"] = _event_date(slot.dates)
        if not data["source_articles"] or data["source_articles"][-1] != article.id:  # an article is added at once
            data["source_articles"].append(article.id)
            data["sources"] = len(data["source_articles"])
            if outlet(article) not in data["source_outlets"]:
                data["source_outlets"].append(outlet(article))
                data["outlets"] = len(data["source_outlets"])
        _widen(data, article.published or "")
        data["name"] = f"{event.type.replace('_', ' ').title()}: {', '.join(data['participants'][:3])}" + (
            f" ({data['date']})" if data["date"] else "")
        for i, p in enumerate(parts):
            self._add_evidence_edge(p, slot.node, "PARTICIPANT", article, event.evidence,
                                    role="actor" if i == 0 and len(parts) > 1 else "participant")
        self._add_evidence_edge(f"article:{article.id}", slot.node, "REPORTS", article, event.evidence)
        self._changed.update(data["participant_ids"])  # new co-participants, or a new date for the event

    def _matching_event(self, type_: str, parts: set[str], day: str) -> _EventSlot | None:
        """The first event of this type the report agrees with: a shared party, no rival party, close dates.

        Every date of the event must agree, so reports a week apart cannot chain
        one event across months (a daily price move, an exchange's weekly listings).
        """
        ignored = {"LOCATION"} | (set() if type_ in ASSET_EVENTS else {"ASSET"})
        own: dict[str, set[str]] = {}  # the report's parties by kind
        for n in parts:
            if self._groups[n] not in ignored:
                own.setdefault(self._groups[n], set()).add(n)
        for slot in self.events.candidates(type_, parts, day):
            if self._rival_parties(slot.participants, parts, own):
                continue
            if not day or all(_dates_agree(day, d) for d in slot.dates):
                return slot
        return None

    def _rival_parties(self, event: set[str], report: set[str], own: dict[str, set[str]]) -> bool:
        """Does each side name a party of one kind that the other lacks (SEC v. Binance, SEC v. Coinbase)?

        ``own`` is the report's parties by kind, the kinds that never make rivals left out. Checked for
        every candidate event of a hub's busy days, so it walks the small sets and builds none.
        """
        groups = self._groups
        for kind, mine in own.items():
            if mine <= event:
                continue  # the event has all the report's parties of this kind
            for n in event:
                if n not in report and groups[n] == kind:
                    return True
        return False

    # edges --------------------------------------------------------------------

    def _add_evidence_edge(self, u: str, v: str, key: str, article: Article, evidence, **attrs) -> None:
        """Add the edge or its evidence; only the article being added can have given the same evidence already."""
        g = self.graph
        ev = self._evidence(article, evidence)
        when = article.published or ""
        given = self._given.setdefault((u, v, key), [])
        if g.has_edge(u, v, key):
            data = g.edges[u, v, key]
            if not given:
                data["sources"] += 1
            if ev not in given:
                given.append(ev)
                data["evidence_count"] += 1
                if len(data["evidence"]) < EVIDENCE_PER_EDGE:
                    data["evidence"].append(ev)
            _widen(data, when)
            if attrs.get("role") and attrs["role"] not in data["roles"]:
                data["roles"].append(attrs["role"])
        else:
            if key != "REPORTS":
                self.links.add_edge(u, v)
            role = attrs.get("role", "")
            given.append(ev)
            g.add_edge(u, v, key=key, type=key, role=role, roles=[role] if role else [], evidence=[ev],
                       evidence_count=1, sources=1, first_seen=when, last_seen=when)

    @staticmethod
    def _evidence(article: Article, evidence) -> dict:
        return {"article_id": article.id, "url": article.url, "published": article.published,
                "title": article.title, "sentence": evidence.sentence if evidence else "",
                "start": evidence.start if evidence else 0, "end": evidence.end if evidence else 0}


@contextmanager
def paused_gc():
    """No cyclic garbage collection while a graph is built or loaded, nor of the graph afterwards.

    A graph is millions of small dicts and lists that live as long as it does; the collector would
    walk them again and again as they are made (more than half the time of a build), finding nothing.
    Afterwards they are frozen (``gc.freeze``) out of its reach: otherwise the first full collection
    after a build, set off by any query that makes a few thousand objects, walks them all (10 s at
    100,000 articles, on the first ``neighbors`` of a hub). Their one kind of reference cycle is
    the views networkx caches on a graph, which a dropped ``KnowledgeGraph`` breaks (``forget_views``),
    so the graph is still freed, by reference counting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def forget_views(graph: nx.Graph) -> None:
    """Drop the views networkx caches on ``graph`` (``graph.edges``, ``graph.degree``, ...); they come back when used.

    Some point back at the graph, a reference cycle; for a graph frozen out of the collector's
    reach by ``paused_gc`` that cycle would keep it alive for good once nothing else refers to it.
    """
    for name in [k for k in vars(graph) if isinstance(getattr(type(graph), k, None), functools.cached_property)]:
        del vars(graph)[name]


def build_graph(pairs: Iterable[tuple[Article, Extraction]]) -> nx.MultiDiGraph:
    """The whole graph from (article, extraction) pairs, in the order given."""
    return GraphBuilder().add_all(pairs).graph


def outlet(article: Article) -> str:
    """Who published an article: its URL's host without "www.", else its feed's name.

    >>> outlet(Article("a1", "t", "x", url="https://www.LedgerWire.example/a1", feed="ledgerwire-markets"))
    'ledgerwire.example'
    """
    try:
        host = urlsplit(article.url).hostname or ""
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket) names no host
        host = ""
    return host.removeprefix("www.") or article.feed


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
    """Within the window, or equal at the coarser precision ('2019' agrees with '2019-03-14')."""
    if len(a) >= 10 and len(b) >= 10:
        try:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= EVENT_WINDOW_DAYS
        except ValueError:
            return a[:10] == b[:10]
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _bucket(day: str) -> int | None:
    """Which run of ``EVENT_WINDOW_DAYS + 1`` days a day falls in; None without a valid day."""
    try:
        return date.fromisoformat(day[:10]).toordinal() // (EVENT_WINDOW_DAYS + 1) if len(day) >= 10 else None
    except ValueError:
        return None


def _event_date(dates: list[str]) -> str:
    """The earliest of the most precise dates the reports give, whatever the order they came in."""
    return min(dates, key=lambda d: (-len(d), d))
