"""GraphML and GEXF exports, for Gephi, Cytoscape, yEd and networkx users.

Both write the graph of :func:`medkg.visualizations.to_networkx`: concepts as nodes
(``type``, ``label``, ``labels``, ``definition``, ``xrefs``, ``support``,
``degree``), facts as directed edges keyed by relation (``relation``, ``support``,
``weight`` = support, ``confidence``, ``fact`` IRI, ``evidence``, ``documents``).
Lists become text: labels, xrefs and documents joined by ``|``, evidence one
sentence per line with its source in brackets. Text is sanitised first
(:mod:`medkg.exporters.sanitize`): control characters would make XML that no reader
accepts. GEXF nodes also carry the page's colours and sizes (``viz``), so Gephi opens
with the same colour per type.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Any, ClassVar

import networkx as nx

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import sanitize_text
from medkg.store import Store

__all__ = ["GraphMLExporter", "GEXFExporter", "flat_graph"]


def _text(value: str) -> str:
    return sanitize_text(value, line_breaks="lf")


def _flat(value: Any) -> Any:
    """A value GraphML and GEXF can hold: str, int, float or bool."""
    if isinstance(value, (list, tuple)):
        return _text("|".join(str(v) for v in value))
    if isinstance(value, dict):
        return _text("; ".join(f"{k}: {v}" for k, v in value.items()))
    if isinstance(value, str):
        return _text(value)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose attributes are all scalars, ready for XML formats
    (without the page's ``focus`` flag, which means nothing in a whole-graph export)."""
    flat = nx.MultiDiGraph(**{key: _flat(value) for key, value in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        flat.add_node(_text(node), **{key: _flat(value) for key, value in attrs.items() if key != "focus"})
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        evidence = attrs.get("evidence", [])
        values = {k: _flat(value) for k, value in attrs.items() if k != "evidence"}
        values["evidence"] = _text("\n".join(str(e) for e in evidence))
        values["documents"] = _text("|".join(dict.fromkeys(e.document for e in evidence)))
        values["weight"] = attrs.get("support", 1)
        flat.add_edge(_text(u), _text(v), key=key, **values)
    return flat


def _rgb(color: str) -> dict[str, int]:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1.0}


class _NetworkxExporter(Exporter):
    """Writes the concept graph through one of networkx's writers."""

    def export(self, store: Store, destination: Path) -> Path:
        from medkg.visualizations import to_networkx

        graph = flat_graph(to_networkx(store))
        with atomic_write(destination, mode="wb") as handle:
            self._write(graph, handle)
        return destination

    def _write(self, graph: nx.MultiDiGraph, handle: IO[bytes]) -> None:
        raise NotImplementedError


class GraphMLExporter(_NetworkxExporter):
    """GraphML, read by Cytoscape, yEd, Gephi and networkx."""

    name: ClassVar[str] = "graphml"
    suffix: ClassVar[str] = ".graphml"

    def _write(self, graph: nx.MultiDiGraph, handle: IO[bytes]) -> None:
        nx.write_graphml(graph, handle, named_key_ids=True)


class GEXFExporter(_NetworkxExporter):
    """GEXF 1.2, Gephi's own format, with colours and sizes per concept type."""

    name: ClassVar[str] = "gexf"
    suffix: ClassVar[str] = ".gexf"

    def _write(self, graph: nx.MultiDiGraph, handle: IO[bytes]) -> None:
        from medkg.visualizations.styles import type_style

        for _, attrs in graph.nodes(data=True):
            attrs["viz"] = {"color": _rgb(type_style(attrs["type"]).color),
                            "size": round(5 + 2 * attrs.get("support", 0) ** 0.5, 2)}
        nx.write_gexf(graph, handle)
