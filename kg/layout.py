"""Node positions for the graph page, computed in Python so the browser runs no physics.

A force-directed (Fruchterman-Reingold) layout written with numpy alone:
networkx's ``spring_layout`` needs scipy above 500 nodes and takes seconds on
thousands. Each connected component is laid out on its own and the components
are packed in rows, largest first, so isolated nodes sit in a tidy grid
instead of a ring around the picture.

A component of more than ``EXACT_LIMIT`` nodes is laid out on several
levels (multilevel force layout, as in Walshaw's). Well-connected nodes that
are spread out become hubs; every node joins the cell of its nearest hub; the
graph of cells (each as heavy as its nodes) is laid out the same way, down to
a graph small enough for exact forces. Going back up, each node starts near
its cell's place and is refined with exact forces inside its cell and each
other cell's push from its centre of mass: a step costs nodes x cells instead
of nodes squared, and the coarse levels keep the big picture untangled.

Positions are in units of the ideal edge length; the same graph always gets
the same positions.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(["a", "b", "c"]))
>>> sorted(pos)
['a', 'b', 'c']
>>> layout(nx.path_graph(["a", "b", "c"])) == pos
True
"""

from __future__ import annotations

import math
from collections import deque
from typing import Hashable

import networkx as nx
import numpy as np

EXACT_LIMIT = 100  # graphs up to this size (a component, or a graph of cells) feel every other node
SHRINK = 5  # about this many nodes per cell from one level to the next
MAX_CELLS = 800  # the finest refinement costs nodes x cells per step
CELL_CAP = 60  # ... plus the square of each cell's size
ITERATIONS = 80
REFINE_ITERATIONS = 30
GAP = 2.0  # space between packed components, in edge lengths


def layout(g: nx.Graph, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``g`` (directions and parallel edges ignored).

    Parameters
    ----------
    g : networkx graph of any kind
    seed : the random start, fixed so a rebuild gives the same picture

    Returns
    -------
    dict of node -> (x, y), in units of the ideal edge length
    """
    nodes = list(g)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    neighbours: list[set[int]] = [set() for _ in nodes]
    for u, v in g.edges():
        a, b = index[u], index[v]
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    rng = np.random.default_rng(seed)
    placed = []
    for component in _components(neighbours):
        local = {i: j for j, i in enumerate(component)}
        edges = np.array([(local[a], local[b]) for a in component for b in neighbours[a] if a < b],
                         dtype=np.int64).reshape(-1, 2)
        placed.append((component, _component_layout(len(component), edges, rng)))
    pos = np.zeros((len(nodes), 2))
    for component, xy in _pack(placed):
        pos[component] = xy
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for i, n in enumerate(nodes)}


def _components(neighbours: list[set[int]]) -> list[list[int]]:
    """Connected components, largest first, each in node order (deterministic)."""
    seen = [False] * len(neighbours)
    out = []
    for start in range(len(neighbours)):
        if seen[start]:
            continue
        seen[start] = True
        todo, members = [start], []
        while todo:
            a = todo.pop()
            members.append(a)
            for b in neighbours[a]:
                if not seen[b]:
                    seen[b] = True
                    todo.append(b)
        out.append(sorted(members))
    out.sort(key=lambda c: (-len(c), c[0]))
    return out


def _component_layout(n: int, edges: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    if n == 1:
        return np.zeros((1, 2), dtype=np.float32)
    return _multilevel(edges, np.ones(len(edges)), np.ones(n), rng)


def _multilevel(edges: np.ndarray, weights: np.ndarray, mass: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Lay out the graph of cells, put each node near its cell's place, refine; exact forces when small."""
    n = len(mass)
    if n <= EXACT_LIMIT:
        side = math.sqrt(mass.sum())
        return _relax(rng.random((n, 2)) * side, edges, weights, mass, ITERATIONS, 0.1 * side)
    cluster, k = _clusters(n, edges, hubs=min(MAX_CELLS, n // SHRINK))
    cell_mass = np.bincount(cluster, mass, minlength=k)
    cu, cv = np.sort(np.stack([cluster[edges[:, 0]], cluster[edges[:, 1]]], axis=1), axis=1).T
    across = cu != cv
    pairs, index = np.unique(np.stack([cu[across], cv[across]], axis=1), axis=0, return_inverse=True)
    pair_weights = np.bincount(index.reshape(-1), weights[across], minlength=len(pairs))
    coarse = _multilevel(pairs.reshape(-1, 2), pair_weights, cell_mass, rng)
    angle = rng.random(n) * 2 * math.pi
    spread = np.sqrt(rng.random(n) * cell_mass[cluster]) * 0.6
    pos = coarse[cluster] + np.stack([np.cos(angle), np.sin(angle)], axis=1) * spread[:, None]
    return _refine(pos.astype(np.float32), edges, weights, mass, cluster, k)


def _relax(pos: np.ndarray, edges: np.ndarray, weights: np.ndarray, mass: np.ndarray, iterations: int,
           t0: float) -> np.ndarray:
    """Exact Fruchterman-Reingold with node masses (a heavy node pushes harder and moves less on its links)."""
    pos = pos.astype(np.float32)
    n = len(pos)
    push = mass.astype(np.float32)[None, :]
    for step in range(iterations):
        disp = _repulsion(pos, pos, push)  # a node's push on itself is zero: its offset is
        disp -= _attraction(pos, edges, weights, n) / mass[:, None]
        pos += _capped(disp, t0 * (1 - step / iterations))
    return pos


def _refine(pos: np.ndarray, edges: np.ndarray, weights: np.ndarray, mass: np.ndarray, cluster: np.ndarray,
            k: int) -> np.ndarray:
    """Fruchterman-Reingold where the nodes of other cells push as one, from their centre of mass."""
    n = len(pos)
    cluster, k = _sectors(cluster, pos, k)
    cell_mass = np.bincount(cluster, mass, minlength=k)
    p, q = _pairs_within(cluster, k)
    others = np.broadcast_to(cell_mass.astype(np.float32), (n, k)).copy()
    others[np.arange(n), cluster] = 0.0
    t0 = math.sqrt(mass.sum() / k)
    for step in range(REFINE_ITERATIONS):
        centre = (_scatter(cluster, pos * mass[:, None], k) / cell_mass[:, None]).astype(np.float32)
        disp = _repulsion(pos, centre, others)
        if len(p):
            dpq = pos[p] - pos[q]
            f = dpq / np.maximum(np.einsum("ij,ij->i", dpq, dpq), 1e-4)[:, None]
            disp += _scatter(p, f * mass[q][:, None], n) - _scatter(q, f * mass[p][:, None], n)
        disp -= _attraction(pos, edges, weights, n) / mass[:, None]
        pos += _capped(disp, t0 * (1 - step / REFINE_ITERATIONS))
    return pos


def _sectors(cluster: np.ndarray, pos: np.ndarray, k: int) -> tuple[np.ndarray, int]:
    """Cells of more than ``CELL_CAP`` nodes (a hub's many leaves) cut into slices around their centre.

    Exact forces inside a cell cost its size squared; a slice is a compact
    group whose centre of mass stands well for it seen from outside.
    """
    sizes = np.bincount(cluster, minlength=k)
    cluster = cluster.copy()
    for c in np.flatnonzero(sizes > CELL_CAP):
        members = np.flatnonzero(cluster == c)
        offset = pos[members] - pos[members].mean(axis=0)
        around = members[np.argsort(np.arctan2(offset[:, 1], offset[:, 0]), kind="stable")]
        for part in np.array_split(around, math.ceil(len(around) / CELL_CAP))[1:]:
            cluster[part] = k
            k += 1
    return cluster, k


def _pairs_within(cluster: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of nodes in the same cluster, as two index arrays."""
    order = np.argsort(cluster, kind="stable")
    bounds = np.searchsorted(cluster[order], np.arange(k + 1))
    p, q = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for c in range(k):
        members = order[bounds[c]:bounds[c + 1]]
        a, b = np.triu_indices(len(members), 1)
        p.append(members[a])
        q.append(members[b])
    return np.concatenate(p), np.concatenate(q)


def _clusters(n: int, edges: np.ndarray, hubs: int) -> tuple[np.ndarray, int]:
    """Each node's nearest hub (breadth-first from all hubs at once).

    Hubs are spread out: the best connected node not within ``radius`` links
    of a hub becomes one, with the smallest radius that gives at most
    ``hubs`` of them. Cells around spread hubs keep the graph's shape
    (on a grid they are small squares), so the graph of cells is a small
    copy of the graph and its layout a good start.
    """
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges.tolist():
        neighbours[a].append(b)
        neighbours[b].append(a)
    by_degree = sorted(range(n), key=lambda i: (-len(neighbours[i]), i))
    radius = 1
    while True:
        seeds = _spread_seeds(neighbours, by_degree, radius)
        if len(seeds) <= hubs:
            break
        radius += 1
    cluster = np.full(n, -1, dtype=np.int64)
    todo = deque()
    for c, s in enumerate(seeds):
        cluster[s] = c
        todo.append(s)
    while todo:
        a = todo.popleft()
        for b in neighbours[a]:
            if cluster[b] < 0:
                cluster[b] = cluster[a]
                todo.append(b)
    return cluster, len(seeds)


def _spread_seeds(neighbours: list[list[int]], candidates: list[int], radius: int) -> list[int]:
    """Candidates in order, skipping any within ``radius`` links of one already taken."""
    covered = [False] * len(neighbours)
    seeds = []
    for c in candidates:
        if covered[c]:
            continue
        seeds.append(c)
        covered[c] = True
        ring = [c]
        for _ in range(radius):
            reached = []
            for a in ring:
                for b in neighbours[a]:
                    if not covered[b]:
                        covered[b] = True
                        reached.append(b)
            ring = reached
    return seeds


def _repulsion(pos: np.ndarray, sources: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Sum over j of weight[i, j] * (pos[i] - sources[j]) / distance^2: the 1/d push of every source.

    Element-wise in float32 on purpose: a matrix product here goes through
    BLAS, whose threads make these long, two-column products several times slower.
    """
    dx = pos[:, 0:1] - sources[:, 0]
    dy = pos[:, 1:2] - sources[:, 1]
    d2 = dx * dx
    d2 += dy * dy
    np.maximum(d2, 1e-4, out=d2)
    np.divide(weight, d2, out=d2)
    return np.stack([np.einsum("ij,ij->i", dx, d2), np.einsum("ij,ij->i", dy, d2)], axis=1)


def _attraction(pos: np.ndarray, edges: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Spring pull d^2 along each edge, as a displacement per node (to subtract)."""
    if not len(edges):
        return np.zeros_like(pos)
    delta = pos[edges[:, 0]] - pos[edges[:, 1]]
    f = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) * weights)[:, None]
    return _scatter(edges[:, 0], f, n) - _scatter(edges[:, 1], f, n)


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    return np.stack([np.bincount(index, values[:, d], minlength=n) for d in (0, 1)], axis=1)


def _capped(disp: np.ndarray, limit: float) -> np.ndarray:
    """Each node moves along its force, at most ``limit`` (the cooling temperature)."""
    length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-9)
    return disp * (np.minimum(length, max(limit, 0.01)) / length)[:, None]


def _pack(placed: list[tuple[list[int], np.ndarray]]) -> list[tuple[list[int], np.ndarray]]:
    """Components in rows, largest first, each row as wide as the biggest component (or a square's side)."""
    boxes = []
    for component, xy in placed:
        xy = xy - xy.min(axis=0)
        boxes.append((component, xy, xy.max(axis=0) + GAP))
    width = max(max(b[2][0] for b in boxes), math.sqrt(sum(b[2][0] * b[2][1] for b in boxes)))
    out, x, y, row = [], 0.0, 0.0, 0.0
    for component, xy, (w, h) in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        out.append((component, xy + (x, y)))
        x, row = x + w, max(row, h)
    centre = np.concatenate([xy for _, xy in out]).mean(axis=0)
    return [(c, xy - centre) for c, xy in out]
