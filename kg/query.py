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
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import NotFoundError
from .graph import GraphBuilder
from .models import Article, Extraction
from .nlp.kb import norm
from .store import Store

ENTITY_FIELDS = ("id", "type", "name", "aliases", "kb_id", "wikidata", "mentions", "articles", "first_seen",
                 "last_seen")
EVENT_FIELDS = ("id", "type", "name", "date", "participants", "sources", "first_seen", "last_seen")


class KnowledgeGraph:
    """Entities, events and articles linked with evidence; open one with ``KnowledgeGraph.open(path)``."""

    def __init__(self, graph: nx.MultiDiGraph | None = None, store: Store | None = None):
        self.builder = GraphBuilder(graph)
        self.graph = self.builder.graph
        self.store = store
        self._names: dict[str, list[str]] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike = "output/kg.sqlite") -> "KnowledgeGraph":
        """Build the graph from the store at ``path``."""
        store = Store.open(path, create=False)
        kg = cls(store=store)
        kg.add(store.extractions())
        return kg

    @classmethod
    def from_extractions(cls, pairs: Iterable[tuple[Article, Extraction]]) -> "KnowledgeGraph":
        kg = cls()
        kg.add(pairs)
        return kg

    def add(self, pairs: Iterable[tuple[Article, Extraction]]) -> None:
        """Add new articles' extractions; the graph changes for those articles only."""
        self.builder.add_all(pairs)
        self._names = None

    def refresh(self) -> int:
        """Add what the store gained since this graph was built; returns the number of new articles."""
        if self.store is None:
            return 0
        before = len(self.builder.articles_seen)
        known = {n.removeprefix("article:") for n in self.builder.articles_seen}
        ids = [a.id for a in self.store.articles() if a.id not in known]
        if ids:
            self.add(self.store.extractions(ids=ids))
        return len(self.builder.articles_seen) - before

    def to_networkx(self) -> nx.MultiDiGraph:
        """The underlying graph (shared, not a copy) for anything this API does not cover."""
        return self.graph

    # lookup -----------------------------------------------------------------

    def _name_index(self) -> dict[str, list[str]]:
        if self._names is None:
            index: dict[str, list[str]] = {}
            for node, data in self.graph.nodes(data=True):
                if data.get("kind") != "entity":
                    continue
                for name in [data["name"], *data.get("aliases", [])]:
                    bucket = index.setdefault(norm(name), [])
                    if node not in bucket:
                        bucket.append(node)
            for bucket in index.values():
                bucket.sort(key=lambda n: (-self.graph.nodes[n]["mentions"], n))
            self._names = index
        return self._names

    def _node(self, ref: str) -> str:
        if ref in self.graph:
            return ref
        hits = self._name_index().get(norm(ref))
        if not hits:
            raise NotFoundError(f"no entity named {ref!r} in the graph")
        return hits[0]

    def entity(self, name_or_alias: str) -> dict:
        """The entity a name or alias refers to (the most mentioned one when several share it)."""
        return self._entity_dict(self._node(name_or_alias))

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[dict]:
        """Entities whose name or an alias contains ``text`` (case-insensitive), most mentioned first."""
        needle = norm(text)
        hits = []
        for node, data in self.graph.nodes(data=True):
            if data.get("kind") != "entity" or (type and data["type"] != type):
                continue
            names = [data["name"], *data.get("aliases", [])]
            if any(needle in norm(n) for n in names):
                exact = any(norm(n) == needle for n in names)
                hits.append((not exact, -data["mentions"], node))
        return [self._entity_dict(n) for _, _, n in sorted(hits)[:limit]]

    # neighbourhoods -----------------------------------------------------------

    def neighbors(self, entity: str, types: Iterable[str] | None = None, relations: Iterable[str] | None = None,
                  since: str | None = None, until: str | None = None) -> list[dict]:
        """Entities linked to ``entity`` directly or through a shared event.

        Each result is the neighbour's entity dict plus ``via``: a list of
        links, each with ``relation`` (WORKS_FOR, BASED_IN, or the event
        type), ``direction``, ``event`` (id, when through an event) and ``evidence``.
        """
        node = self._node(entity)
        types = set(types) if types else None
        relations = set(relations) if relations else None
        found: dict[str, list[dict]] = {}
        g = self.graph
        for u, v, key, data in [*g.out_edges(node, keys=True, data=True), *g.in_edges(node, keys=True, data=True)]:
            other = v if u == node else u
            odata = g.nodes[other]
            if odata.get("kind") == "entity" and key not in ("MENTIONS",):
                if relations and key not in relations:
                    continue
                if _in_window(data, since, until):
                    found.setdefault(other, []).append({"relation": key, "direction": "out" if u == node else "in",
                                                        "role": data.get("role", ""), "evidence": data["evidence"]})
            elif odata.get("kind") == "event":
                if relations and odata["type"] not in relations:
                    continue
                if not _event_in_window(odata, since, until):
                    continue
                for p in odata["participant_ids"]:
                    if p != node:
                        ev = g.edges[p, other, "PARTICIPANT"]["evidence"] if g.has_edge(p, other, "PARTICIPANT") else []
                        found.setdefault(p, []).append({"relation": odata["type"], "direction": "event",
                                                        "event": other, "role": "", "evidence": ev})
        out = []
        for other, via in found.items():
            d = self._entity_dict(other)
            if types and d["type"] not in types:
                continue
            d["via"] = via
            out.append(d)
        out.sort(key=lambda d: (-len(d["via"]), -d["mentions"], d["name"]))
        return out

    def events(self, entity: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict]:
        """Events, optionally of one entity and type, in a date window, oldest first."""
        g = self.graph
        if entity is not None:
            node = self._node(entity)
            nodes = [v for _, v, k in g.out_edges(node, keys=True) if k == "PARTICIPANT"]
        else:
            nodes = [n for n, d in g.nodes(data=True) if d.get("kind") == "event"]
        out = []
        for n in nodes:
            data = g.nodes[n]
            if type and data["type"] != type:
                continue
            if not _event_in_window(data, since, until):
                continue
            out.append(self._event_dict(n))
        out.sort(key=lambda e: (e["date"] or e["first_seen"] or "", e["id"]))
        return out

    def timeline(self, entity: str) -> list[dict]:
        """The entity's events in date order, each with the articles that reported it."""
        out = []
        for event in self.events(entity):
            event["articles"] = self.articles(event=event["id"])
            out.append(event)
        return out

    def path(self, a: str, b: str, max_hops: int = 4) -> list[dict]:
        """A shortest chain of links from ``a`` to ``b`` (through relations and shared events).

        Each hop is ``{"from", "to", "relation", "event", "evidence"}``; an
        empty list means no path within ``max_hops``.
        """
        start, goal = self._node(a), self._node(b)
        if start == goal:
            return []
        view = self._entity_event_view()
        try:
            nodes = nx.shortest_path(view, start, goal)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return []
        hops = []
        i = 0
        while i < len(nodes) - 1:
            u, v = nodes[i], nodes[i + 1]
            if self.graph.nodes[v].get("kind") == "event" and i + 2 < len(nodes):
                w = nodes[i + 2]
                ev = self.graph.nodes[v]
                evidence = [e for x in (u, w) if self.graph.has_edge(x, v, "PARTICIPANT")
                            for e in self.graph.edges[x, v, "PARTICIPANT"]["evidence"]]
                hops.append({"from": self.graph.nodes[u]["name"], "to": self.graph.nodes[w]["name"],
                             "relation": ev["type"], "event": v, "evidence": _unique(evidence)})
                i += 2
            else:
                key, data = self._edge_between(u, v)
                hops.append({"from": self.graph.nodes[u]["name"], "to": self.graph.nodes[v]["name"],
                             "relation": key, "event": "", "evidence": data["evidence"]})
                i += 1
        return hops if len(hops) <= max_hops else []

    def subgraph(self, entity: str, depth: int = 1) -> nx.MultiDiGraph:
        """The ego graph: entities and events within ``depth`` links, with the edges among them."""
        node = self._node(entity)
        view = self._entity_event_view()
        hops = depth * 2  # an event sits between two entities
        keep = nx.single_source_shortest_path_length(view, node, cutoff=hops)
        return self.graph.subgraph(keep).copy()

    def articles(self, entity: str | None = None, event: str | None = None) -> list[dict]:
        """Articles that mention an entity or report an event, newest first."""
        g = self.graph
        if event is not None:
            if event not in g:
                raise NotFoundError(f"no event {event!r} in the graph")
            nodes = [u for u, _, k in g.in_edges(event, keys=True) if k == "REPORTS"]
        elif entity is not None:
            node = self._node(entity)
            nodes = [u for u, _, k in g.in_edges(node, keys=True) if k == "MENTIONS"]
        else:
            nodes = [n for n, d in g.nodes(data=True) if d.get("kind") == "article"]
        out = [{"id": g.nodes[n]["article_id"], "title": g.nodes[n]["title"], "url": g.nodes[n]["url"],
                "published": g.nodes[n]["published"], "feed": g.nodes[n]["feed"]} for n in nodes]
        out.sort(key=lambda a: (a["published"], a["id"]), reverse=True)
        return out

    def stats(self) -> dict:
        """Counts of articles, entities by type, events by type, and edges."""
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
        return {"articles": articles, "entities": dict(sorted(entities.items())),
                "events": dict(sorted(events.items())), "edges": self.graph.number_of_edges()}

    # helpers ------------------------------------------------------------------

    def _entity_event_view(self) -> nx.Graph:
        g = self.graph
        view = nx.Graph()
        for u, v, k in g.edges(keys=True):
            if k in ("MENTIONS", "REPORTS"):
                continue
            view.add_edge(u, v)
        return view

    def _edge_between(self, u: str, v: str) -> tuple[str, dict]:
        for x, y in ((u, v), (v, u)):
            data = self.graph.get_edge_data(x, y)
            if data:
                key = sorted(data)[0]
                return key, data[key]
        raise NotFoundError(f"no edge between {u} and {v}")

    def _entity_dict(self, node: str) -> dict:
        data = self.graph.nodes[node]
        out = {"id": node}
        out.update({k: data.get(k) for k in ENTITY_FIELDS if k != "id"})
        out["aliases"] = list(out["aliases"] or [])
        return out

    def _event_dict(self, node: str) -> dict:
        data = self.graph.nodes[node]
        out = {"id": node}
        out.update({k: data.get(k) for k in EVENT_FIELDS if k != "id"})
        out["participants"] = list(out["participants"])
        return out


def _in_window(edge: dict, since: str | None, until: str | None) -> bool:
    if since and (edge.get("last_seen") or "") < since:
        return False
    if until and (edge.get("first_seen") or "9999") > until:
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
        key = (e["article_id"], e["sentence"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
