"""One self-contained HTML page to explore the graph in a browser, offline and safely.

The page is drawn by vis-network through pyvis: nodes and edges go in a pyvis
:class:`~pyvis.network.Network`, which renders them with medkg's own template
(``assets/page.html``) instead of pyvis' one, because pyvis' template loads bootstrap
from a CDN even in its in-line mode, does not escape its heading, and shows a tooltip
through ``innerHTML`` when a title contains "href". Here:

* every script and style is inlined (vis-network as shipped inside pyvis), and a
  Content-Security-Policy lets the page load nothing from anywhere and run only its
  two scripts (by hash), so even a text that slipped through as HTML would not run;
* the template escapes what it shows (Jinja autoescaping), graph data travels as
  JSON in ``<script type="application/json">`` blocks with ``<``, ``>``, ``&`` and
  ``'`` escaped (so ``</script>`` in a sentence cannot end the block), and the page's
  script shows all text as DOM text nodes;
* positions are computed beforehand (:mod:`medkg.visualizations.layout`) and physics
  is off, so a 5,000-node page is drawn in a few seconds instead of never settling.
"""
from __future__ import annotations

import base64
import hashlib
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup

from medkg import __version__
from medkg.atomic import atomic_write
from medkg.store import Store
from medkg.text import normalize
from medkg.visualizations import DEFAULT_MAX_NODES
from medkg.visualizations.layout import Box, free_labels, positions
from medkg.visualizations.network import to_networkx
from medkg.visualizations.styles import OTHER_TYPE, RELATION_STYLES, TYPE_STYLES, relation_style, type_style

__all__ = ["render_html", "graph_html"]

#: labels shown in a node's tooltip (the rest are counted)
_TIP_LABELS = 10
#: canvas labels longer than this are cut
_LABEL_CHARS = 40
#: above this many edges, edges are hidden while dragging and zooming
_BIG = 1500
_EDGE_FONT_SIZE = 11
#: above this many concepts, labels of the less supported ones are too small to read until zoomed in
_READABLE = 300


@lru_cache(maxsize=None)
def _asset(package: str, name: str) -> str:
    return (resources.files(package) / name).read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet, as shipped inside pyvis."""
    lib = "templates/lib/vis-9.1.2"
    return _asset("pyvis", f"{lib}/vis-network.min.js"), _asset("pyvis", f"{lib}/vis-network.css")


def _csp(*scripts: str) -> str:
    """A policy that loads nothing from anywhere and runs only ``scripts``."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'" for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[:_LABEL_CHARS - 1].rstrip() + "\u2026"


def _node_size(support: int) -> float:
    return round(min(10 + 4.5 * math.sqrt(support), 42), 1)


def _font_size(support: int) -> float:
    """Labels of well supported concepts are larger, so they stay readable zoomed out."""
    return round(min(13 + 1.6 * math.sqrt(support), 30), 1)


def _label_width(text: str, font: float) -> float:
    return 0.58 * font * len(text)


def _box(attrs: dict[str, Any]) -> tuple[float, float]:
    """The room a node needs on screen at zoom 1: its shape with the label below it."""
    size, font = _node_size(attrs["support"]), _font_size(attrs["support"])
    width = max(2 * size, _label_width(_short(attrs["label"]), font)) + 16
    return width, 2 * size + 1.3 * font + 14


def _node_obstacles(graph: nx.MultiDiGraph, xy: dict[str, tuple[float, float]]) -> list[Box]:
    """What an edge label must not cover: each node's shape and the label under it."""
    boxes = []
    for node, attrs in graph.nodes(data=True):
        (x, y), size, font = xy[node], _node_size(attrs["support"]), _font_size(attrs["support"])
        boxes.append((x, y, 2 * size, 2 * size))
        boxes.append((x, y + size + 0.65 * font + 2, _label_width(_short(attrs["label"]), font), 1.3 * font))
    return boxes


def _hide_crowded_edge_labels(graph: nx.MultiDiGraph, edges: list[tuple[str, str, dict[str, Any]]],
                              xy: dict[str, tuple[float, float]]) -> None:
    """Draw an edge's relation only where it covers no node and no other label (the
    best supported edges first); the others show theirs when hovered or selected.
    Around a hub with forty edges, forty labels would cover each other and the hub."""
    candidates = []
    for u, v, attrs in edges:
        if attrs["smooth"]:  # a bent parallel edge: its label is shown on hover
            continue
        (x1, y1), (x2, y2) = xy[u], xy[v]
        box = ((x1 + x2) / 2, (y1 + y2) / 2, _label_width(attrs["label"], _EDGE_FONT_SIZE) + 6, _EDGE_FONT_SIZE + 6)
        candidates.append(((-attrs["support"], -attrs["confidence"], attrs["id"]), box))
    shown = free_labels([(key[2], box) for key, box in sorted(candidates)], _node_obstacles(graph, xy))
    for _, _, attrs in edges:
        if attrs["id"] not in shown:
            attrs["font"] = {"color": "rgba(0, 0, 0, 0)", "strokeWidth": 0}
            attrs["label_hidden"] = True


def _edge_width(support: int) -> float:
    return round(min(1 + 1.5 * (support - 1), 9), 1)


def _tip_labels(labels: list[str]) -> list[str]:
    """The preferred label, then the other names shortest first, one per normalised
    form: the few a tooltip has room for are the names people use ("sore ankle"), not
    plurals of each other or long phrasings ("pain in the ankle when running")."""
    seen = {normalize(labels[0])}
    names = [labels[0]]
    for label in sorted(labels[1:], key=lambda label: (len(label.split()), len(label))):
        if normalize(label) not in seen:
            seen.add(normalize(label))
            names.append(label)
    return names


def _node(attrs: dict[str, Any], xy: tuple[float, float]) -> dict[str, Any]:
    """A vis node: shape and colour by type, size and label size by support."""
    style = type_style(attrs["type"])
    labels = _tip_labels(attrs["labels"])
    color = {"background": style.color, "border": style.border,
             "highlight": {"background": style.color, "border": "#111111"},
             "hover": {"background": style.color, "border": "#111111"}}
    return dict(label=_short(attrs["label"]), shape=style.shape, color=color, size=_node_size(attrs["support"]),
                font={"size": _font_size(attrs["support"])},
                x=xy[0], y=xy[1], borderWidth=3 if attrs.get("focus") else 1.5, type=attrs["type"],
                labels=labels[:_TIP_LABELS], more_labels=max(len(labels) - _TIP_LABELS, 0),
                definition=attrs["definition"], xrefs=attrs["xrefs"], support=attrs["support"],
                degree=attrs["degree"], focus=bool(attrs.get("focus")))


def _edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict[str, Any]]]:
    """vis edges; parallel edges between two concepts (either way) are bent apart."""
    seen: dict[frozenset[str], int] = {}
    out = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        style = relation_style(attrs["relation"])
        nth = seen.get(frozenset((u, v)), 0)
        seen[frozenset((u, v))] = nth + 1
        smooth: dict[str, Any] | bool = False
        if nth:
            smooth = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                      "roundness": 0.25 * ((nth + 1) // 2)}
        out.append((u, v, dict(
            id=f"{u}|{key}|{v}", label=style.label, width=_edge_width(attrs["support"]),
            color={"color": style.color, "highlight": style.color, "hover": style.color, "opacity": 1.0},
            dashes=style.dashes, smooth=smooth, relation=attrs["relation"], support=attrs["support"],
            confidence=attrs["confidence"],
            evidence=[{"sentence": e.sentence, "title": e.title, "section": e.section} for e in attrs["evidence"]])))
    return out


def _vis_options(graph: nx.MultiDiGraph) -> dict[str, Any]:
    big = graph.number_of_edges() > _BIG
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1a1a1a", "strokeWidth": 4,
                           "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
                  "font": {"size": _EDGE_FONT_SIZE, "color": "#444444", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "face": "system-ui, sans-serif"},
                  "scaling": {"label": {"drawThreshold": 8}}, "selectionWidth": 1.5, "hoverWidth": 1.0},
    }


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _texts(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """The summary line and the notice (what is drawn, what was left out)."""
    g = graph.graph
    shown = f"{_count(graph.number_of_nodes(), 'concept')} and {_count(graph.number_of_edges(), 'fact')}"
    notice = ""
    if g.get("focus_label"):
        names = ", ".join(graph.nodes[iri]["label"] for iri in g["focus"].split() if iri in graph)
        summary = (f"Around \u201c{names}\u201d, up to {_count(g['depth'], 'step')} away: {shown} "
                   f"of the graph's {g['total_nodes']:,} concepts.")
        if graph.number_of_edges() == 0:
            notice = f"\u201c{names}\u201d has no facts in this graph yet."
    else:
        summary = f"{shown} extracted from documents, each fact with its evidence."
        if g.get("total_nodes", 0) == 0:
            notice = "This graph has no facts yet: build it from documents with 'medkg build PATH --store DIR'."
    if graph.number_of_nodes() > _READABLE:
        summary += " Labels appear as you zoom in."
    if g.get("omitted_nodes"):
        kinds = ", ".join(_count(n, type_style(t).label) for t, n in g["omitted_types"].items())
        kept = "nearest" if g.get("focus_label") else "best supported"
        notice = (f"Too big to draw whole: showing the {graph.number_of_nodes():,} {kept} concepts. "
                  f"Left out: {_count(g['omitted_nodes'], 'concept')} ({kinds}; each with support "
                  f"{g['omitted_max_support']} or less) and {_count(g['omitted_edges'], 'fact')}. "
                  "Draw one concept's neighbourhood with --focus, or raise --max-nodes.")
    return summary, notice


def _legend(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    type_counts: dict[str, int] = {}
    for _, kind in graph.nodes(data="type"):
        type_counts[kind] = type_counts.get(kind, 0) + 1
    relation_counts: dict[str, int] = {}
    for _, _, relation in graph.edges(data="relation"):
        relation_counts[relation] = relation_counts.get(relation, 0) + 1
    types = [dict(name=name, label=style.label, color=style.color, border=style.border, shape=style.shape,
                  count=type_counts.get(name, 0)) for name, style in TYPE_STYLES.items()]
    types += [dict(name=name, label=name, color=OTHER_TYPE.color, border=OTHER_TYPE.border, shape="dot",
                   count=n) for name, n in type_counts.items() if name not in TYPE_STYLES]
    relations = [dict(name=name, label=style.label, color=style.color, shape="line", dashes=style.dashes,
                      count=relation_counts.get(name, 0)) for name, style in RELATION_STYLES.items()]
    return types, relations


def graph_html(graph: nx.MultiDiGraph, *, title: str = "medkg graph") -> str:
    """The page for a graph made by :func:`~medkg.visualizations.to_networkx`."""
    from jinja2 import Environment, PackageLoader
    from pyvis.network import Network

    vis_js, vis_css = _vis_assets()
    page_js = _asset(__package__, "assets/page.js")
    net = Network(directed=True)
    # pyvis renders its template without autoescaping; medkg's own is rendered with it
    net.templateEnv = Environment(loader=PackageLoader(__package__, "assets"), autoescape=True)
    net.path = "page.html"
    xy = positions(graph, boxes={node: _box(attrs) for node, attrs in graph.nodes(data=True)})
    for node, attrs in graph.nodes(data=True):
        net.add_node(node, **_node(attrs, xy[node]))
    edges = _edges(graph)
    _hide_crowded_edge_labels(graph, edges, xy)
    for u, v, attrs in edges:
        net.add_edge(u, v, **attrs)
    summary, notice = _texts(graph)
    types, relations = _legend(graph)
    net.templateEnv.globals.update(
        title=title, version=__version__, csp=_csp(vis_js, page_js), vis_js=Markup(vis_js),
        vis_css=Markup(vis_css), page_css=Markup(_asset(__package__, "assets/page.css")), page_js=Markup(page_js),
        page=dict(summary=summary, notice=notice, types=types, relations=relations,
                  max_support=max((s for _, _, s in graph.edges(data="support")), default=1),
                  options=_vis_options(graph)))
    return net.generate_html()


def render_html(store: Store, path: str | Path, *, focus: str | None = None, depth: int = 2,
                max_nodes: int | None = DEFAULT_MAX_NODES, title: str | None = None) -> Path:
    """Write the graph of ``store`` as one self-contained HTML page.

    Args:
        store: an open store.
        path: the page to write (atomically).
        focus: a concept label or IRI: draw only its neighbourhood.
        depth: with ``focus``, how many steps around the concept to draw.
        max_nodes: draw at most this many concepts (the best supported; the page
            says what was left out); ``None`` draws all.
        title: the page's heading; by default names the focus concept.

    Returns:
        The path written.

    Raises:
        ConceptNotFound: ``focus`` names no concept; the message lists close labels.
    """
    graph = to_networkx(store, focus=focus, depth=depth, max_nodes=max_nodes)
    html = graph_html(graph, title=title or (f"medkg: around {focus}" if focus else "medkg graph"))
    destination = Path(path)
    with atomic_write(destination) as handle:
        handle.write(html)
    return destination
