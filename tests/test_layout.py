"""Positions for the graph page: complete, repeatable, and readable (neighbours near, strangers far)."""

import math
import random

import networkx as nx
import numpy as np
import pytest

from kg.layout import EXACT_LIMIT, GAP, layout


def spread(pos, g, pairs=3000):
    """Mean length of an edge and mean distance between two random nodes."""
    xy = {n: np.array(p) for n, p in pos.items()}
    edge = np.mean([np.linalg.norm(xy[u] - xy[v]) for u, v in g.edges()])
    rng = random.Random(0)
    nodes = list(g)
    anyone = np.mean([np.linalg.norm(xy[rng.choice(nodes)] - xy[rng.choice(nodes)]) for _ in range(pairs)])
    return edge, anyone


def test_every_node_gets_a_finite_position_and_the_same_one_each_time():
    g = nx.les_miserables_graph()
    pos = layout(g)
    assert set(pos) == set(g) and all(math.isfinite(c) for p in pos.values() for c in p)
    assert layout(g) == pos


def test_empty_and_single_node_graphs():
    assert layout(nx.Graph()) == {}
    assert layout(nx.path_graph(1)) == {0: (0.0, 0.0)}


@pytest.mark.parametrize("g, most", [
    (nx.les_miserables_graph(), 0.35),  # exact forces
    (nx.grid_2d_graph(30, 30), 0.1),  # 900 nodes: multilevel
    (nx.barabasi_albert_graph(3000, 1, seed=1), 0.1),  # hubs with hundreds of leaves
], ids=["small", "grid", "hubs"])
def test_linked_nodes_sit_much_closer_than_random_pairs(g, most):
    edge, anyone = spread(layout(g), g)
    assert edge < most * anyone  # a random placement gives about 1


def test_a_large_layout_keeps_the_shape_of_the_graph():
    g = nx.grid_2d_graph(30, 30)
    assert g.number_of_nodes() > EXACT_LIMIT  # laid out on several levels
    pos = layout(g)
    rng = random.Random(1)
    nodes = list(g)
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(2000)]
    hops = [abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairs]
    far = [math.dist(pos[a], pos[b]) for a, b in pairs]
    assert np.corrcoef(hops, far)[0, 1] > 0.8


def test_communities_stay_apart():
    g = nx.planted_partition_graph(4, 150, 0.08, 0.002, seed=3)  # 600 nodes in four groups
    pos = layout(g)
    group = {n: n // 150 for n in g}
    rng = random.Random(2)
    same, other = [], []
    for _ in range(4000):
        a, b = rng.randrange(600), rng.randrange(600)
        (same if group[a] == group[b] else other).append(math.dist(pos[a], pos[b]))
    assert np.mean(same) < 0.6 * np.mean(other)


def test_components_are_packed_apart_without_overlap():
    g = nx.disjoint_union_all([nx.cycle_graph(12), nx.path_graph(5), nx.empty_graph(40)])
    pos = layout(g)
    xy = np.array([pos[n] for n in g])
    d = np.linalg.norm(xy[:, None] - xy[None, :], axis=2) + np.eye(len(xy)) * 1e9
    assert d.min() > 0.3
    isolated = xy[17:]
    assert np.linalg.norm(isolated[:, None] - isolated[None, :], axis=2)[np.triu_indices(40, 1)].min() >= GAP - 1e-6
    assert len(set(isolated[:, 0].round(3))) > 1 and len(set(isolated[:, 1].round(3))) > 1  # rows, not a line


def test_directions_and_parallel_edges_do_not_matter():
    g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b"), ("b", "c"), ("c", "c")])
    assert layout(g) == layout(nx.Graph([("a", "b"), ("b", "c")]))
