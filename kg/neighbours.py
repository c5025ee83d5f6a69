"""Each entity's neighbours ranked and its events in date order, worked out when the graph changes.

A query that ranked a hub's neighbours, or sorted its events, when it was asked
would take time in proportion to the hub: Binance in a 100,000-article graph
has tens of thousands of neighbours and events, so its first ``neighbors``
took seconds while a rare entity's took microseconds. Here the work is done
when articles are added, for the entities those articles linked, and a query
reads the first ``limit`` entries of a list; the links behind one neighbour
come from walking the smaller of the two entities' adjacencies. Query time
then grows with the answer, not with the graph.

Rankings are a function of the graph alone (a graph built in one go and one
grown article by article from a cache rank alike), so ties are broken by what
never changes once a node exists: entities of the knowledge base first, then
by name.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Iterable

import networkx as nx


EAGER_LINKS = 64  # entities with more links than this are worked out on update; the rest when first asked


class NeighbourIndex:
    """An entity's neighbours, most linked first, with their link counts (``ranked``), and its events,
    oldest first (``events``).

    A neighbour is linked by a direct relation (one per relation type and
    direction) or by a shared event (one per event). ``update`` re-works the
    entities the builder reports changed: the well-linked ones at once, the
    others are dropped and worked out when first asked, which costs no more
    than reading their few links would. The index reads networkx's own dicts
    (``_node``, ``_succ``, ``_pred``, ``_adj``): through the public views every
    lookup costs several calls, and a hub's answer takes thousands of them.
    """

    def __init__(self, graph: nx.MultiDiGraph, links: nx.Graph):
        self._nodes, self._succ, self._pred = graph._node, graph._succ, graph._pred
        self._adj = links._adj  # entities and events, undirected: the builder's ``links``
        self._ranked: dict[str, list[tuple[str, int]]] = {}
        self._events: dict[str, list[str]] = {}

    def update(self, nodes: Iterable[str]) -> None:
        for node in nodes:
            if len(self._adj.get(node, ())) > EAGER_LINKS:
                self._ranked[node] = self._rank(node)
                self._events[node] = self._date_order(node)
            else:
                self._ranked.pop(node, None)
                self._events.pop(node, None)

    def ranked(self, node: str) -> list[tuple[str, int]]:
        """``node``'s neighbours and their numbers of links with it, most linked first (do not change the list)."""
        found = self._ranked.get(node)
        if found is None:
            found = self._ranked[node] = self._rank(node)
        return found

    def events(self, node: str) -> list[str]:
        """The events ``node`` takes part in, oldest first (do not change the list)."""
        found = self._events.get(node)
        if found is None:
            found = self._events[node] = self._date_order(node)
        return found

    def _rank(self, node: str) -> list[tuple[str, int]]:
        counts: Counter = Counter()  # links with each neighbour: all a ranking needs, nothing spelled out
        nodes, succ, pred = self._nodes, self._succ, self._pred
        for other in self._adj.get(node, ()):
            data = nodes[other]
            if data["kind"] == "event":
                counts.update(data["participant_ids"])
            else:
                counts[other] += len(succ[node].get(other, ())) + len(pred[node].get(other, ()))
        counts.pop(node, None)
        return [(other, counts[other]) for other in sorted(counts, key=self.rank_key(counts))]

    def _date_order(self, node: str) -> list[str]:
        return sorted((x for x in self._adj.get(node, ()) if x.startswith("event:")), key=self.event_key)

    def rank_key(self, counts: dict[str, int]):
        """Sort key for neighbours: most links first, then knowledge-base entities, then by name and id."""
        nodes = self._nodes

        def key(other: str) -> tuple:
            data = nodes[other]
            return -counts[other], not data["kb_id"], data["name"], other
        return key

    def event_key(self, event: str) -> tuple[str, str]:
        """Sort key for events: by date (or first report when undated), then id."""
        data = self._nodes[event]
        return data["date"] or data["first_seen"] or "", event

    def shared_events(self, a: str, b: str, limit: int | None = None, shared: int | None = None) -> list[str]:
        """The first ``limit`` events both ``a`` and ``b`` take part in, oldest first.

        Two hubs share thousands of events. With ``shared`` (about how many they share: a ranking's
        count) the cheaper of two reads is taken: walking the date-ordered events of the one with
        fewer links until ``limit`` are found, which is short when shared events are dense, or
        intersecting the two adjacencies (in C) and sorting what they share, which is short when
        they are few. Without it, the walk.
        """
        if shared == 0:
            return []
        if len(self._adj.get(a, ())) > len(self._adj.get(b, ())):
            a, b = b, a
        mine, theirs = self._adj.get(a, {}), self._adj.get(b, {})
        if limit is not None and shared and _walk_cost(limit, len(mine), shared) > _sort_cost(len(mine), shared):
            both = [x for x in mine.keys() & theirs.keys() if x.startswith("event:")]
            return sorted(both, key=self.event_key)[:limit]
        return list(islice((x for x in self.events(a) if x in theirs), limit))

    def links_between(self, a: str, b: str, limit: int | None = None,
                      count: int | None = None) -> list[tuple[str, str, str, dict]]:
        """``a``'s first ``limit`` links with ``b`` as (relation, direction, event id or "", edge data):
        relations, then shared events oldest first. ``count``: all their links, as ranked.

        An event link carries ``b``'s participation edge (its role and the evidence naming it).
        """
        found = [(key, direction, "", data)
                 for direction, edges in (("out", self._succ[a].get(b, {})), ("in", self._pred[a].get(b, {})))
                 for key, data in edges.items()]
        shared = None if count is None else count - len(found)
        found = found[:limit]
        found += [(self._nodes[event]["type"], "event", event, self._succ[b][event]["PARTICIPANT"])
                  for event in self.shared_events(a, b, None if limit is None else limit - len(found), shared)]
        return found


# Rough costs in Python steps, measured on CPython 3.11: a walk step is a generator turn and a dict
# lookup; intersecting adjacencies runs in C, about three times faster per item; sorting calls
# ``event_key`` per shared event, about five walk steps each.
def _walk_cost(limit: int, events: int, shared: int) -> float:
    return min(events, limit * events / shared)


def _sort_cost(events: int, shared: int) -> float:
    return events / 3 + 5 * shared
