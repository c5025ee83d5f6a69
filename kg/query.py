"""``KnowledgeGraph``: the Python query API over the graph built from a store.

Every method returns plain data (dicts and lists of dicts) so results print,
serialise to JSON (``kg query --json``) and compare in tests without networkx
or spaCy objects.

>>> kg = KnowledgeGraph.open("output/kg.sqlite")  # doctest: +SKIP
>>> kg.entity("CZ")["name"]  # doctest: +SKIP
'Changpeng Zhao'
"""

from __future__ import annotations

import os
from itertools import chain, islice
from operator import itemgetter
from typing import Iterable, Iterator

import networkx as nx

from . import cache as graph_cache
from .errors import NotFoundError, StaleGraphError
from .graph import GraphBuilder, forget_views, paused_gc
from .models import Article, Extraction
from .neighbours import NeighbourIndex
from .nlp.kb import norm
from .store import Store

ENTITY_FIELDS = ("id", "type", "name", "aliases", "kb_id", "wikidata", "mentions", "articles", "first_seen",
                 "last_seen")
EVENT_FIELDS = ("id", "type", "name", "date", "participants", "sources", "outlets", "first_seen", "last_seen")
# a node's fields read in one C call: a query answers with up to ``limit`` of these dicts
_ENTITY_VALUES = itemgetter(*ENTITY_FIELDS[1:])
_EVENT_VALUES = itemgetter(*EVENT_FIELDS[1:])
EVENTS_PER_LINK = 5  # events kept per link of a limited subgraph: enough to see what ties two entities


class KnowledgeGraph:
    """Entities, events and articles linked with evidence; open one with ``KnowledgeGraph.open(path)``.

    The builder keeps the name index and the entity-event links up to date as
    articles are added, and the neighbour index (``kg.neighbours``) ranks the
    neighbours and dates the events of the entities they changed, so no query
    walks the whole graph or a hub's whole neighbourhood; ``stats`` counts
    once and keeps the counts until the next ``add``. Queries whose results
    grow with the graph (``search``, ``neighbors``, ``events``, ``timeline``,
    ``articles``) take ``limit``: at most that many, the first in their order.
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None, store: Store | None = None):
        self.builder = GraphBuilder(graph)
        self.graph = self.builder.graph
        self.store = store
        self._marks: dict | None = None  # the store's marks (``Store.marks``) the graph holds all of
        self._stats: dict | None = None
        self.index = NeighbourIndex(self.graph, self.builder.links)
        self.index.update(self.builder.take_changed())

    def __del__(self):
        # Opening froze the graph out of the cyclic collector (``graph.paused_gc``): break the cycles
        # networkx's cached views make so reference counting frees it (views come back if it is still used).
        builder = getattr(self, "builder", None)  # None when __init__ failed
        if builder is not None:
            forget_views(builder.graph)
            forget_views(builder.links)

    @classmethod
    def open(cls, path: str | os.PathLike = "output/kg.sqlite", *, cache: bool = True) -> "KnowledgeGraph":
        """The graph of the store at ``path``, through its cache (``kg.cache``) unless ``cache`` is False.

        A current cache is loaded and the articles stored since are added; without one (first
        run, re-extraction, another kg, a damaged file) the graph is built from the store. Either
        way the cache is written again when it was not current.
        """
        store = Store.open(path, create=False)
        with paused_gc():
            with store.snapshot():
                marks = store.marks()
                cached = graph_cache.read(store) if cache else None
                if cached is None:
                    kg = cls(store=store)
                    kg.add(store.extractions())
                else:
                    kg = cls(cached.graph, store)
                    kg.add(store.extractions(after=cached.marks))
                kg._marks = marks
            if cache and (cached is None or cached.marks != marks):
                graph_cache.write(store, kg.graph, marks)
        return kg

    @classmethod
    def from_extractions(cls, pairs: Iterable[tuple[Article, Extraction]]) -> "KnowledgeGraph":
        """A graph from (article, extraction) pairs, without a store.

        >>> from kg.models import Article, Entity, Extraction
        >>> kg = KnowledgeGraph.from_extractions([(Article("a1", "t", "x"),
        ...     Extraction("a1", entities=(Entity("Changpeng Zhao", "PERSON", kb_id="person-changpeng-zhao"),)))])
        >>> kg.entity("CZ")["name"]
        'Changpeng Zhao'
        """
        kg = cls()
        kg.add(pairs)
        return kg

    def add(self, pairs: Iterable[tuple[Article, Extraction]]) -> None:
        """Add new articles' extractions; the graph changes for those articles only."""
        self.builder.add_all(pairs)
        self.index.update(self.builder.take_changed())
        self._stats = None

    def refresh(self) -> int:
        """Add what the store gained since the graph was read from it; returns the number of new articles.

        Raises ``StaleGraphError`` when the store changed in another way (a re-extraction, a
        restored backup): adding cannot bring the graph up to date, ``KnowledgeGraph.open`` can.
        """
        if self.store is None:
            return 0
        before = len(self.builder.articles_seen)
        with paused_gc(), self.store.snapshot():
            marks = self.store.marks()
            if self._marks is None:  # given a store but not read from it: new articles are the unseen ids
                ids = [i for i in self.store.article_ids() if f"article:{i}" not in self.builder.articles_seen]
                if ids:
                    self.add(self.store.extractions(ids=ids))
            elif marks != self._marks:
                if not self.store.only_added_since(self._marks):
                    raise StaleGraphError(f"{self.store.label}: the store changed other than by new articles "
                                          "(a re-extraction?); open the graph again")
                self.add(self.store.extractions(after=self._marks))
            self._marks = marks
        return len(self.builder.articles_seen) - before

    def to_networkx(self) -> nx.MultiDiGraph:
        """The underlying graph (shared, not a copy) for anything this API does not cover."""
        return self.graph

    # lookup -----------------------------------------------------------------

    def _node(self, ref: str) -> str:
        if self.graph.nodes.get(ref, {}).get("kind") == "entity":
            return ref
        hits = self.builder.names.get(norm(ref))
        if not hits:
            raise NotFoundError(f"no entity named {ref!r} in the graph")
        return min(hits, key=lambda n: (-self.graph.nodes[n]["mentions"], n))

    def entity(self, name_or_alias: str) -> dict:
        """The entity a name, alias or node id refers to (the most mentioned one when several share it).

        Raises ``NotFoundError`` when nothing in the graph has that name.
        """
        return self._entity_dict(self._node(name_or_alias))

    def search(self, text: str, type: str | None = None, limit: int | None = None) -> list[dict]:
        """Entities whose name or an alias contains ``text`` (case-insensitive), exact names first, then most mentioned.

        ``type`` keeps one entity type; at most ``limit`` results.
        """
        _check_limit(limit)
        needle = norm(text)
        best: dict[str, bool] = {}  # node -> matched exactly
        for name, nodes in self.builder.names.items():
            if needle in name:
                for node in nodes:
                    best[node] = best.get(node, False) or name == needle
        g = self.graph
        hits = sorted((not exact, -g.nodes[n]["mentions"], n) for n, exact in best.items()
                      if not type or g.nodes[n]["type"] == type)
        return [self._entity_dict(n) for _, _, n in hits[:limit]]

    # neighbourhoods -----------------------------------------------------------

    def neighbors(self, entity: str, types: Iterable[str] | None = None, relations: Iterable[str] | None = None,
                  since: str | None = None, until: str | None = None, limit: int | None = None,
                  links: int | None = None) -> list[dict]:
        """Entities linked to ``entity`` directly or through a shared event.

        Each result is the neighbour's entity dict plus ``links`` (how many
        links it has with ``entity``) and ``via``: the first ``links`` of them
        (all without it), relations first, then shared events oldest first;
        each with ``relation`` (WORKS_FOR, BASED_IN, or the event type),
        ``direction`` ("out", "in" or "event"), ``event`` (its id, or "" for a
        direct link), ``role``, ``evidence`` (the first items kept on the
        edge) and ``evidence_count`` (all of them). ``since`` and ``until``
        (ISO dates, inclusive) keep links seen in that window and events
        dated in it. Most linked first; at most ``limit``. Two hubs share
        thousands of events: ``links`` keeps such an answer the size of a screen.
        """
        _check_limit(limit)
        _check_limit(links)
        node = self._node(entity)
        if not (relations or since or until):  # every link counts: the ranking stands, filtered by type
            ranked = self.index.ranked(node)
            if types:
                wanted, nodes = set(types), self.graph.nodes
                ranked = [(other, count) for other, count in ranked if nodes[other]["type"] in wanted]
            top = ranked[:limit]
            if len(top) * 4 > len(self.builder.links.adj.get(node, ())):  # most of them: one pass over the links
                found = dict(self._links(node, None, None, None, None, {other for other, _ in top}))
                ranked = [(other, count, found[other][:links]) for other, count in top]
            else:
                ranked = [(other, count, self.index.links_between(node, other, links, count)) for other, count in top]
        else:
            ranked = [(other, len(found), found[:links]) for other, found in self._links(
                node, set(types) if types else None, set(relations) if relations else None, since, until)[:limit]]
        out = []
        for other, count, links_kept in ranked:
            d = self._entity_dict(other)
            d["links"] = count
            d["via"] = [{"relation": relation, "direction": direction, "event": event,
                         "role": "" if event else data.get("role", ""), "evidence": list(data["evidence"]),
                         "evidence_count": data.get("evidence_count", len(data["evidence"]))}
                        for relation, direction, event, data in links_kept]
            out.append(d)
        return out

    def _links(self, node: str, types: set | None, relations: set | None, since: str | None,
               until: str | None, only: set | None = None) -> list[tuple[str, list[tuple]]]:
        """Neighbours (of ``only`` if given) and their links (relation, direction, event, edge data),
        ranked and ordered as ``kg.neighbours`` does: one pass over ``node``'s links, the way to filter them."""
        found: dict[str, list[tuple]] = {}
        g = self.graph
        for other in self.builder.links.adj.get(node, {}):
            odata = g.nodes[other]
            if odata["kind"] == "event":
                if (relations and odata["type"] not in relations) or not _event_in_window(odata, since, until):
                    continue
                for p in odata["participant_ids"]:
                    if p != node and (only is None or p in only) and (not types or g.nodes[p]["type"] in types):
                        found.setdefault(p, []).append((odata["type"], "event", other,
                                                        g.succ[p][other]["PARTICIPANT"]))
                continue
            if (only is not None and other not in only) or (types and odata["type"] not in types):
                continue
            for direction, edges in (("out", g.succ[node].get(other, {})), ("in", g.pred[node].get(other, {}))):
                for key, data in edges.items():
                    if (relations and key not in relations) or not _in_window(data, since, until):
                        continue
                    found.setdefault(other, []).append((key, direction, "", data))
        event_key = self.index.event_key
        for links in found.values():
            links.sort(key=lambda link: (bool(link[2]), event_key(link[2]) if link[2] else ()))
        ranked = sorted(found, key=self.index.rank_key({n: len(links) for n, links in found.items()}))
        return [(n, found[n]) for n in ranked]

    def events(self, entity: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = None) -> list[dict]:
        """Events, optionally of one entity and type, dated in a window (ISO dates, inclusive), oldest first.

        Each is a dict with ``id``, ``type``, ``name``, ``date``,
        ``participants`` (names), ``sources`` (reporting articles), ``outlets``
        (the distinct outlets among them) and first/last seen. At most ``limit``.
        """
        _check_limit(limit)
        nodes = self.graph._node
        if entity is not None and not (type or since or until):  # already in date order: the head of the list
            kept = self.index.events(self._node(entity))[:limit]
        elif entity is not None:  # read until ``limit`` are kept
            kept = islice((n for n in self.index.events(self._node(entity))
                           if (not type or nodes[n]["type"] == type) and _event_in_window(nodes[n], since, until)),
                          limit)
        else:
            slots = self.builder.events_by_type
            kept = sorted((s.node for t in ([type] if type else slots) for s in slots.get(t, ())
                           if _event_in_window(nodes[s.node], since, until)), key=self.index.event_key)[:limit]
        return [self._event_dict(n) for n in kept]

    def timeline(self, entity: str, limit: int | None = None) -> list[dict]:
        """The entity's events in date order, each with the ``articles`` that reported it; the first ``limit``."""
        out = []
        for event in self.events(entity, limit=limit):
            event["articles"] = self.articles(event=event["id"])
            out.append(event)
        return out

    def path(self, a: str, b: str, max_hops: int = 4) -> list[dict]:
        """A shortest chain of links from ``a`` to ``b``, a hop being a relation or a shared event.

        Each hop is ``{"from", "to", "relation", "event", "evidence"}`` (names,
        the relation or event type, the event id or "", and the evidence
        behind the hop); an empty list means no path within ``max_hops``
        hops, or ``a`` and ``b`` are the same entity.
        """
        start, goal = self._node(a), self._node(b)
        if start == goal:
            return []
        g = self.graph
        hops = []
        for u, v, event in self._shortest_hops(start, goal, max_hops):
            if event:
                evidence = _unique([e for x in (u, v) for e in g.edges[x, event, "PARTICIPANT"]["evidence"]])
                relation = g.nodes[event]["type"]
            else:
                relation, data = self._edge_between(u, v)
                evidence = list(data["evidence"])
            hops.append({"from": g.nodes[u]["name"], "to": g.nodes[v]["name"], "relation": relation,
                         "event": event, "evidence": evidence})
        return hops

    def subgraph(self, entity: str, depth: int = 1, limit: int | None = None) -> nx.MultiDiGraph:
        """The ego graph: entities within ``depth`` hops, the events of all but the farthest, and their edges.

        With ``limit``, at most that many entities besides ``entity``: breadth first, each node's most
        linked neighbours first, with the first ``EVENTS_PER_LINK`` of the events that link each one,
        as a read-only view of the graph (``.copy()`` it to change it). Around a hub the whole ego
        graph of depth 2 is most of the graph; the limited one stays the size of a screen.
        """
        _check_limit(limit)
        node = self._node(entity)
        if limit is not None:
            return self._limited_subgraph(node, depth, limit)
        return self.graph.subgraph(self.ego_nodes(node, depth)).copy()

    def ego_nodes(self, entity: str, depth: int) -> set[str]:
        """The ids of the nodes ``subgraph(entity, depth)`` holds, without the copy: around a hub of a
        large graph the ego graph is most of the graph, and copying it takes seconds."""
        node = self._node(entity)
        adj = self.builder.links._adj
        keep, frontier = {node}, [node]
        for _ in range(depth):
            nxt = []
            for u in frontier:
                for x in adj.get(u, {}):
                    if x.startswith("event:"):
                        keep.add(x)
                        reached = [w for w in adj[x] if w != u]
                    else:
                        reached = [x]
                    for w in reached:
                        if w not in keep:
                            keep.add(w)
                            nxt.append(w)
            frontier = nxt
        return keep

    def articles(self, entity: str | None = None, event: str | None = None, limit: int | None = None) -> list[dict]:
        """Articles that mention an entity or report an event (by id), or all of them; newest first, at most ``limit``."""
        _check_limit(limit)
        g = self.graph
        if event is not None:
            if g.nodes.get(event, {}).get("kind") != "event":
                raise NotFoundError(f"no event {event!r} in the graph")
            nodes = [u for u, keys in g.pred[event].items() if "REPORTS" in keys]
        elif entity is not None:
            node = self._node(entity)
            nodes = [u for u, keys in g.pred[node].items() if "MENTIONS" in keys]
        else:
            nodes = list(self.builder.articles_seen)
        nodes.sort(key=lambda n: (g.nodes[n]["published"], g.nodes[n]["article_id"]), reverse=True)
        return [{"id": g.nodes[n]["article_id"], "title": g.nodes[n]["title"], "url": g.nodes[n]["url"],
                 "published": g.nodes[n]["published"], "feed": g.nodes[n]["feed"]} for n in nodes[:limit]]

    def stats(self) -> dict:
        """Counts of articles, entities by type, events by type, and edges."""
        if self._stats is None:
            entities: dict[str, int] = {}
            events: dict[str, int] = {}
            articles = 0
            for _, d in self.graph.nodes(data=True):
                if d.get("kind") == "entity":
                    entities[d["type"]] = entities.get(d["type"], 0) + 1
                elif d.get("kind") == "event":
                    events[d["type"]] = events.get(d["type"], 0) + 1
                else:
                    articles += 1
            # networkx counts edges through its degree views, seconds at 100,000 articles; the key dicts' sizes
            # summed in C take milliseconds
            edges = sum(map(len, chain.from_iterable(map(dict.values, self.graph._succ.values()))))
            self._stats = {"articles": articles, "entities": dict(sorted(entities.items())),
                           "events": dict(sorted(events.items())), "edges": edges}
        return {k: dict(v) if isinstance(v, dict) else v for k, v in self._stats.items()}

    # helpers ------------------------------------------------------------------

    def _limited_subgraph(self, node: str, depth: int, limit: int) -> nx.MultiDiGraph:
        entities, keep, frontier = {node}, {node}, [node]
        for _ in range(depth):
            nxt = []
            for u in frontier:
                if len(entities) > limit:
                    break  # full: the rest of the frontier is never ranked
                chosen = []
                for w, count in self.index.ranked(u):
                    if len(entities) > limit:
                        break
                    if w not in entities:
                        entities.add(w)
                        chosen.append((w, count))
                for w, count in chosen:
                    keep.add(w)
                    keep.update(self.index.shared_events(u, w, EVENTS_PER_LINK, count))
                nxt.extend(w for w, _ in chosen)
            frontier = nxt
        return self.graph.subgraph(keep)

    def _hops(self, node: str) -> Iterator[tuple[str, str]]:
        """Entities one hop from ``node``, each with the event it shares with ``node`` or ""."""
        adj = self.builder.links._adj  # networkx's own dicts: through its views each step costs a view object
        for x in adj.get(node, ()):
            if x.startswith("event:"):
                for w in adj[x]:
                    if w != node:
                        yield w, x
            else:
                yield x, ""

    def _shortest_hops(self, start: str, goal: str, max_hops: int) -> list[tuple[str, str, str]]:
        """Bidirectional breadth-first search in hops, never deeper than ``max_hops``: (from, to, event) triples."""
        parents: dict[str, tuple[str, str] | None] = {start: None}
        children: dict[str, tuple[str, str] | None] = {goal: None}
        front_a, front_b = [start], [goal]
        adj = self.builder.links._adj
        for _ in range(max_hops):  # grow the side with fewer links to walk: never a hub's when the other is small
            forward = sum(len(adj.get(u, ())) for u in front_a) <= sum(len(adj.get(u, ())) for u in front_b)
            front, seen, other = (front_a, parents, children) if forward else (front_b, children, parents)
            nxt = []
            for u in front:
                for w, event in self._hops(u):
                    if w in seen:
                        continue
                    seen[w] = (u, event)
                    if w in other:
                        return _join(parents, children, w)
                    nxt.append(w)
            if not nxt:
                return []
            if forward:
                front_a = nxt
            else:
                front_b = nxt
        return []

    def _edge_between(self, u: str, v: str) -> tuple[str, dict]:
        for x, y in ((u, v), (v, u)):
            data = self.graph.get_edge_data(x, y)
            if data:
                key = sorted(data)[0]
                return key, data[key]
        raise NotFoundError(f"no edge between {u} and {v}")

    def _entity_dict(self, node: str) -> dict:
        out = dict(zip(ENTITY_FIELDS, (node, *_ENTITY_VALUES(self.graph._node[node]))))
        out["aliases"] = list(out["aliases"])  # the caller's copy: the graph's list stays as it is
        return out

    def _event_dict(self, node: str) -> dict:
        out = dict(zip(EVENT_FIELDS, (node, *_EVENT_VALUES(self.graph._node[node]))))
        out["participants"] = list(out["participants"])
        return out


def _join(parents: dict, children: dict, meet: str) -> list[tuple[str, str, str]]:
    left, n = [], meet
    while parents[n] is not None:
        prev, event = parents[n]
        left.append((prev, n, event))
        n = prev
    right, n = [], meet
    while children[n] is not None:
        nxt, event = children[n]
        right.append((n, nxt, event))
        n = nxt
    return left[::-1] + right


def _check_limit(limit) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit = {limit!r} is invalid; use None (no limit) or an integer >= 1")


def _in_window(edge: dict, since: str | None, until: str | None) -> bool:
    """Seen at some time in [since, until], comparing at the precision of the bound (until is inclusive)."""
    first, last = edge.get("first_seen") or "", edge.get("last_seen") or ""
    if since and last and last[:len(since)] < since:
        return False
    if until and first and first[:len(until)] > until:
        return False
    return True


def _event_in_window(data: dict, since: str | None, until: str | None) -> bool:
    when = data.get("date") or (data.get("first_seen") or "")[:10]
    if since and when and when < since[: len(when)]:
        return False
    if until and when and when > until[: len(when)]:
        return False
    return True


def _unique(evidence: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in evidence:
        key = (e["article_id"], e["sentence"], e["start"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
