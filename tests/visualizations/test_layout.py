"""Positions computed before drawing: deterministic, packed, nodes not overlapping."""
from __future__ import annotations

import itertools
import math

import networkx as nx

from medkg.visualizations.layout import EDGE_LENGTH, positions


def test_positions_are_deterministic_and_cover_every_node():
    graph = nx.barabasi_albert_graph(150, 2, seed=1)
    first, second = positions(graph), positions(graph)
    assert first == second and set(first) == set(graph)


def test_boxes_of_nodes_do_not_overlap():
    graph = nx.star_graph(40)  # a hub crowds its leaves together
    boxes = {n: (120.0, 50.0) for n in graph}
    pos = positions(graph, boxes=boxes)
    for a, b in itertools.combinations(graph, 2):
        assert abs(pos[a][0] - pos[b][0]) >= 119 or abs(pos[a][1] - pos[b][1]) >= 49, (a, b)


def test_components_are_packed_near_each_other():
    graph = nx.disjoint_union_all([nx.cycle_graph(30)] + [nx.path_graph(2) for _ in range(30)])
    pos = positions(graph, boxes={n: (150.0, 50.0) for n in graph})
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert max(width, height) < 4 * min(width, height)  # not one long row of islands
    for u, v in graph.edges():
        if graph.degree(u) == 1:  # a pair keeps a short edge: room for its labels, no more
            assert math.dist(pos[u], pos[v]) <= 2 * EDGE_LENGTH
