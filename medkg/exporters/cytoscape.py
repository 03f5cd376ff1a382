"""Cytoscape.js JSON export: the fact network for Cytoscape.js and Cytoscape desktop.

The file is what ``cy.json()`` returns and what ``cytoscape({elements: ...})``
accepts: ``{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}``.
Cytoscape desktop opens it with File > Import > Network from File (``.cyjs``), and
networkx reads it with ``networkx.cytoscape_graph``. Node data: ``id`` (the concept
IRI), ``name``, ``label``, ``type`` (``Symptom``, ...), ``synonyms``; edge data:
``id`` (the fact IRI), ``source``, ``target``, ``relation`` (also as ``interaction``,
the column Cytoscape desktop styles edges by), ``support``, ``confidence`` and
``documents``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medkg import __version__
from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.network import fact_network
from medkg.exporters.sanitize import sanitize_text
from medkg.store import Store

__all__ = ["CytoscapeExporter", "cytoscape_elements"]


def cytoscape_elements(store: Store) -> dict[str, Any]:
    """The fact network of ``store`` as a Cytoscape.js JSON document."""
    nodes, edges = fact_network(store)
    clean = sanitize_text
    return {
        "format_version": "1.0",
        "generated_by": f"medkg-{__version__}",
        "target_cytoscapejs_version": "~3.0",
        "data": {"name": "medkg facts"},
        "directed": True,
        "multigraph": True,
        "elements": {
            "nodes": [{"data": {"id": clean(n.iri), "name": clean(n.label), "label": clean(n.label), "type": n.type,
                                "synonyms": [clean(s) for s in n.synonyms]}} for n in nodes],
            "edges": [{"data": {"id": clean(e.iri), "source": clean(e.subject), "target": clean(e.object),
                                "relation": e.relation, "interaction": e.relation, "support": e.support,
                                "confidence": e.confidence, "documents": [clean(d) for d in e.documents]}}
                      for e in edges],
        },
    }


class CytoscapeExporter(Exporter):
    """Cytoscape.js JSON (``.cyjs``) of concepts and facts."""

    name = "cytoscape"
    suffix = ".cyjs"

    def export(self, store: Store, destination: Path) -> Path:
        document = cytoscape_elements(store)
        with atomic_write(destination) as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return destination
