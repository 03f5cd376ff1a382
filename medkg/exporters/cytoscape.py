"""Cytoscape.js JSON export: the fact network for Cytoscape.js and Cytoscape desktop.

The file is what ``cy.json()`` returns and what ``cytoscape({elements: ...})``
accepts: ``{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}``.
Cytoscape desktop opens it with File > Import > Network from File (``.cyjs``), and
networkx reads it with ``networkx.cytoscape_graph``. It draws the graph of
:func:`medkg.visualizations.to_networkx`, like the page and the GraphML and GEXF
exports. Node data: ``id`` (the concept IRI, also as ``value`` for networkx),
``name`` and ``label`` (the preferred label), ``type``, ``labels``, ``definition``,
``xrefs``, ``support``, ``degree``; edge data: ``id`` (the fact IRI), ``source``,
``target``, ``relation`` (also as ``interaction``, the column Cytoscape desktop
styles edges by, and as ``key``, networkx's multigraph edge key), ``support``,
``confidence``, ``evidence`` (the best sentences, with their source) and
``documents`` (the documents of those sentences).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medkg import __version__
from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import sanitize_text
from medkg.store import Store

__all__ = ["CytoscapeExporter", "cytoscape_json"]


def _clean(value: Any) -> Any:
    """``value`` with every string in it sanitised (JSON carries line breaks)."""
    if isinstance(value, str):
        return sanitize_text(value)
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def cytoscape_json(store: Store) -> dict[str, Any]:
    """The fact network of ``store`` as a Cytoscape.js JSON document."""
    from medkg.visualizations import to_networkx

    graph = to_networkx(store)
    nodes = [{"data": {"id": _clean(node), "value": _clean(node), "name": _clean(attrs["label"]),
                       **{key: _clean(value) for key, value in attrs.items() if key != "focus"}}}
             for node, attrs in graph.nodes(data=True)]
    edges = []
    for source, target, attrs in graph.edges(data=True):
        evidence = attrs.get("evidence", [])
        edges.append({"data": {
            "id": _clean(attrs["fact"]), "source": _clean(source), "target": _clean(target),
            "key": attrs["relation"], "relation": attrs["relation"], "interaction": attrs["relation"],
            "support": attrs["support"],
            "confidence": attrs["confidence"], "evidence": [_clean(str(e)) for e in evidence],
            "documents": _clean(list(dict.fromkeys(e.document for e in evidence)))}})
    return {"format_version": "1.0", "generated_by": f"medkg-{__version__}", "target_cytoscapejs_version": "~3.0",
            "data": {"name": "medkg facts"}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


class CytoscapeExporter(Exporter):
    """Cytoscape.js JSON (``.cyjs``) of concepts and facts."""

    name = "cytoscape"
    suffix = ".cyjs"

    def export(self, store: Store, destination: Path) -> Path:
        document = cytoscape_json(store)
        with atomic_write(destination) as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return destination
