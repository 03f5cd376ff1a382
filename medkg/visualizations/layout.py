"""Node positions computed before the page opens, so the browser never simulates.

vis-network's own physics needs 40 s to settle 1,000 nodes and never settles 10,000,
and networkx's spring layout takes 45 s at 5,000 nodes (NOTES.md, and measured
again here); igraph's Fruchterman-Reingold, in C with a grid for large graphs, lays
out 5,000 nodes in 0.3 s and 10,000 in under a second. Each connected component is
laid out on its own and the components are packed in rows, largest first, so that
small islands do not fly to the edges of the picture and leave a huge empty canvas.
Then overlapping nodes, with the room their labels need, are pushed apart, which
opens up the dense middle of a graph around its hubs. Positions are deterministic:
the same graph always gets the same picture.
"""
from __future__ import annotations

import math
import random
import time
from collections import defaultdict
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager

import networkx as nx

__all__ = ["positions", "free_labels", "EDGE_LENGTH", "Box"]

#: a rectangle: centre x, centre y, width, height
Box = tuple[float, float, float, float]

#: the median edge length, in screen pixels at zoom 1 (room for a label between nodes)
EDGE_LENGTH = 110.0
#: the room a node needs when the caller does not say: (width, height) in pixels
_DEFAULT_BOX = (60.0, 60.0)
#: at most this long spent pushing overlapping nodes apart, for the whole graph (seconds)
_SPREAD_SECONDS = 2.0
#: empty room between two components, in pixels
_COMPONENT_GAP = 40.0


@contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """Make igraph's layouts repeatable without touching the caller's ``random`` state."""
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _component_layout(graph: nx.Graph, nodes: list[Hashable]) -> list[tuple[float, float]]:
    """Positions of one connected component, scaled so its median edge is EDGE_LENGTH."""
    if len(nodes) == 1:
        return [(0.0, 0.0)]
    if len(nodes) == 2:
        return [(0.0, 0.0), (EDGE_LENGTH, 0.0)]
    try:
        import igraph
    except ImportError as err:  # pragma: no cover - igraph is a dependency
        raise ImportError("medkg viz needs igraph for its layout: pip install igraph") from err
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in graph.subgraph(nodes).edges() if u != v})
    layout = igraph.Graph(n=len(nodes), edges=edges).layout_fruchterman_reingold(
        niter=500 if len(nodes) < 1000 else 300)
    coords = [(float(x), float(y)) for x, y in layout.coords]
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in edges)
    scale = EDGE_LENGTH / max(lengths[len(lengths) // 2], 1e-9)
    return [(x * scale, y * scale) for x, y in coords]


def _overlaps(coords: list[list[float]], boxes: list[tuple[float, float]]) -> list[tuple[int, int, float, float]]:
    """Pairs of nodes whose boxes overlap, with the overlap along x and y.

    A grid of cells as large as the largest box finds the candidates, so this costs
    about linear time.
    """
    cell_w = max(w for w, _ in boxes)
    cell_h = max(h for _, h in boxes)
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (x, y) in enumerate(coords):
        grid[(int(x // cell_w), int(y // cell_h))].append(i)
    found = []
    for (cx, cy), members in grid.items():
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((cx + dx, cy + dy), ())]
        for i in members:
            (xi, yi), (wi, hi) = coords[i], boxes[i]
            for j in near:
                if j > i:
                    over_x = (wi + boxes[j][0]) / 2 - abs(coords[j][0] - xi)
                    over_y = (hi + boxes[j][1]) / 2 - abs(coords[j][1] - yi)
                    if over_x > 0 and over_y > 0:
                        found.append((i, j, over_x, over_y))
    return found


def _grow(coords: list[list[float]], factor: float) -> None:
    for point in coords:
        point[0] *= factor
        point[1] *= factor


def _spread(coords: list[list[float]], boxes: list[tuple[float, float]], *, deadline: float,
            rounds: int = 300) -> None:
    """Move nodes, in place, until their boxes do not overlap.

    A layout too small to hold its boxes is first scaled up as a whole (keeping its
    shape); then each overlapping pair is pushed apart along the axis where it
    overlaps least, round after round, until nothing overlaps or the clock reaches
    ``deadline`` (:func:`time.monotonic`). Pushing only where boxes overlap opens up the crowd
    around hubs and leaves the rest of the picture as it was.
    """
    if len(coords) < 2:
        return
    xs, ys = [x for x, _ in coords], [y for _, y in coords]
    area = ((max(xs) - min(xs) + sum(w for w, _ in boxes) / len(boxes))
            * (max(ys) - min(ys) + sum(h for _, h in boxes) / len(boxes)))
    needed = 2.0 * sum(w * h for w, h in boxes)  # boxes fill at most half of the picture
    if needed > area:
        _grow(coords, math.sqrt(needed / area))
    for _ in range(rounds):
        pairs = _overlaps(coords, boxes)
        if not pairs or time.monotonic() > deadline:
            return
        shift = [[0.0, 0.0] for _ in coords]
        for i, j, over_x, over_y in pairs:
            axis = 0 if over_x * (boxes[i][1] + boxes[j][1]) < over_y * (boxes[i][0] + boxes[j][0]) else 1
            push = (over_x if axis == 0 else over_y) / 2 + 1.0
            d = coords[j][axis] - coords[i][axis]
            sign = 1.0 if d > 0 or (d == 0 and (i + j) % 2) else -1.0
            shift[i][axis] -= sign * push
            shift[j][axis] += sign * push
        for point, (sx, sy) in zip(coords, shift):
            point[0] += sx
            point[1] += sy


def positions(graph: nx.Graph, *, boxes: Mapping[Hashable, tuple[float, float]] | None = None,
              seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Screen positions (pixels at zoom 1) of every node of ``graph``, centred on 0.

    Args:
        graph: any networkx graph.
        boxes: node -> (width, height) it needs, its label included; nodes are
            pushed apart until their boxes do not overlap.
        seed: the seed of the layout's random numbers.

    Example:
        >>> pos = positions(nx.path_graph(3))
        >>> sorted(pos) == [0, 1, 2]
        True
    """
    undirected = graph.to_undirected(as_view=True)
    components = sorted((sorted(c, key=str) for c in nx.connected_components(undirected)),
                        key=lambda c: (-len(c), str(c[0])))
    room = boxes or {}
    deadline = time.monotonic() + _SPREAD_SECONDS
    parts = []
    with _seeded(seed):
        for nodes in components:
            coords = [list(p) for p in _component_layout(undirected, nodes)]
            sizes = [room.get(node, _DEFAULT_BOX) for node in nodes]
            _spread(coords, sizes, deadline=deadline)
            parts.append(_normalised(nodes, coords, sizes))
    return _pack(parts)


def _normalised(nodes: list[Hashable], coords: list[list[float]], sizes: list[tuple[float, float]]) -> tuple:
    """A component moved so that its boxes start at (0, 0), with its width and height."""
    left = min(x - w / 2 for (x, _), (w, _) in zip(coords, sizes))
    top = min(y - h / 2 for (_, y), (_, h) in zip(coords, sizes))
    right = max(x + w / 2 for (x, _), (w, _) in zip(coords, sizes))
    bottom = max(y + h / 2 for (_, y), (_, h) in zip(coords, sizes))
    return nodes, [(x - left, y - top) for x, y in coords], right - left, bottom - top


def _pack(parts: list[tuple]) -> dict[Hashable, tuple[float, float]]:
    """Components in rows, largest first, in a roughly square picture centred on 0."""
    gap = _COMPONENT_GAP
    area = sum((w + gap) * (h + gap) for _, _, w, h in parts)
    row_width = max(max((w for _, _, w, _ in parts), default=0.0), math.sqrt(area) * 1.3)
    placed: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, coords, width, height in parts:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (cx, cy) in zip(nodes, coords):
            placed[node] = (x + cx, y + cy)
        x += width + gap
        row_height = max(row_height, height)
    if not placed:
        return placed
    mid_x = (min(p[0] for p in placed.values()) + max(p[0] for p in placed.values())) / 2
    mid_y = (min(p[1] for p in placed.values()) + max(p[1] for p in placed.values())) / 2
    return {node: (round(px - mid_x, 1), round(py - mid_y, 1)) for node, (px, py) in placed.items()}


def free_labels(labels: list[tuple[Hashable, Box]], obstacles: list[Box], *, cell: float = 120.0) -> set[Hashable]:
    """Which labels can be drawn without covering an obstacle or a label drawn before.

    Labels are taken in the order given (most important first); each is kept if its
    box is free, and then blocks the labels after it. With positions fixed, what
    does not overlap at one zoom does not overlap at any, so the answer holds while
    the user zooms. A grid of ``cell``-sized squares keeps this about linear.
    """
    grid: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def cells(box: Box) -> Iterator[tuple[int, int]]:
        x, y, w, h = box
        for cx in range(int((x - w / 2) // cell), int((x + w / 2) // cell) + 1):
            for cy in range(int((y - h / 2) // cell), int((y + h / 2) // cell) + 1):
                yield cx, cy

    def free(box: Box) -> bool:
        x, y, w, h = box
        return not any(abs(x - ox) * 2 < w + ow and abs(y - oy) * 2 < h + oh
                       for c in cells(box) for ox, oy, ow, oh in grid.get(c, ()))

    for box in obstacles:
        for c in cells(box):
            grid[c].append(box)
    kept = set()
    for key, box in labels:
        if free(box):
            kept.add(key)
            for c in cells(box):
                grid[c].append(box)
    return kept
