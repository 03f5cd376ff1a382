"""RDF exports: Turtle and N-Triples (all graphs merged), N-Quads and TriG (each
document's evidence in its own named graph, so provenance survives)."""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rdflib import Dataset, Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.ontology.namespace import CONCEPT, MKG
from medkg.store import Store

__all__ = ["TurtleExporter", "NTriplesExporter", "NQuadsExporter", "TriGExporter"]

_PREFIXES = {"mkg": MKG._NS, "mkc": CONCEPT, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "owl": OWL,
             "rdfs": RDFS, "xsd": XSD, "rdf": RDF}


def _bind(graph: Graph) -> None:
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


class _GraphExporter(Exporter):
    """Writes the union of all graphs."""

    rdflib_format: ClassVar[str]

    def export(self, store: Store, destination: Path) -> Path:
        graph = store.triples_graph()
        _bind(graph)
        with atomic_write(destination, mode="wb") as handle:
            graph.serialize(handle, format=self.rdflib_format)
        return destination


class _DatasetExporter(Exporter):
    """Writes every named graph as itself."""

    rdflib_format: ClassVar[str]

    def export(self, store: Store, destination: Path) -> Path:
        dataset = Dataset()
        _bind(dataset)
        for s, p, o, g in store.quads():
            dataset.add((s, p, o, g) if g is not None else (s, p, o))
        with atomic_write(destination, mode="wb") as handle:
            dataset.serialize(handle, format=self.rdflib_format)
        return destination


class TurtleExporter(_GraphExporter):
    name, suffix, rdflib_format = "turtle", ".ttl", "turtle"


class NTriplesExporter(_GraphExporter):
    name, suffix, rdflib_format = "ntriples", ".nt", "nt"


class NQuadsExporter(_DatasetExporter):
    name, suffix, rdflib_format = "nquads", ".nq", "nquads"


class TriGExporter(_DatasetExporter):
    name, suffix, rdflib_format = "trig", ".trig", "trig"
