"""RDF exports: Turtle and N-Triples (all graphs merged), N-Quads and TriG (each
document's evidence in its own named graph, so provenance survives).

Written by Oxigraph's serialisers, which keep every literal's lexical form as stored
(``"0.8"^^xsd:double`` stays ``0.8``) and write a million triples in well under a
second (rdflib needs about twenty, see NOTES.md). Statements are sorted, so two
exports of the same graph are byte-identical and diff well. Every term goes through
:mod:`medkg.exporters.sanitize` first.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from medkg.atomic import atomic_write
from medkg.exceptions import ExportError, StoreError
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import LineBreaks, sanitize_quads, sanitize_triples
from medkg.ontology.namespace import CANDIDATE, CONCEPT, DOC, EVIDENCE, FACT, GRAPH, MKG
from medkg.store import Quad, Store, Triple
from medkg.store.oxigraph import to_ox

__all__ = ["PREFIXES", "TurtleExporter", "NTriplesExporter", "NQuadsExporter", "TriGExporter",
           "in_order", "store_triples", "write_rdf"]

#: the prefixes every RDF export declares (those of the vocabulary files included)
PREFIXES: dict[str, str] = {
    "mkg": str(MKG._NS), "mkc": str(CONCEPT), "doc": str(DOC), "fact": str(FACT), "evidence": str(EVIDENCE),
    "candidate": str(CANDIDATE), "graph": str(GRAPH), "skos": str(SKOS), "prov": str(PROV),
    "dcterms": str(DCTERMS), "owl": str(OWL), "rdfs": str(RDFS), "rdf": str(RDF), "xsd": str(XSD),
    "obo": "http://purl.obolibrary.org/obo/", "mesh": "http://id.nlm.nih.gov/mesh/", "sct": "http://snomed.info/id/",
}


def in_order(statements: Iterable[Triple | Quad]) -> list:
    """``statements`` without duplicates, sorted by graph, subject, predicate and object,
    so that exports are stable and group each subject's statements together."""
    return sorted(set(statements), key=lambda st: tuple("" if t is None else t.n3() for t in (*st[3:], *st[:3])))


def store_triples(store: Store) -> list[Triple]:
    """The union of all graphs of ``store``: each triple once, sorted."""
    return in_order((s, p, o) for s, p, o, _ in store.quads())


def _ox_statement(statement: Triple | Quad) -> ox.Triple | ox.Quad:
    try:
        if len(statement) == 3:
            return ox.Triple(*(to_ox(t) for t in statement))
        s, p, o, g = statement
        return ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph() if g is None else to_ox(g))
    except (ValueError, TypeError, StoreError) as err:
        raise ExportError(f"cannot write {' '.join(t.n3() for t in statement if t is not None)}: {err}; "
                          "fix or remove that statement in the store") from err


def write_rdf(statements: Iterable[Triple | Quad], destination: Path, format: ox.RdfFormat, *,
              line_breaks: LineBreaks = "keep") -> Path:
    """Sanitise ``statements`` (triples, or quads for a dataset format) and write them
    atomically as ``format`` with :data:`PREFIXES`.

    Raises:
        ExportError: a term cannot be written even after sanitising (e.g. a relative IRI).
    """
    if format.supports_datasets:
        clean = sanitize_quads(statements, line_breaks=line_breaks)  # type: ignore[arg-type]
    else:
        clean = sanitize_triples(statements, line_breaks=line_breaks)  # type: ignore[arg-type]
    terms = [_ox_statement(statement) for statement in clean]
    with atomic_write(destination, mode="wb") as handle:
        ox.serialize(terms, handle, format, prefixes=PREFIXES)
    return destination


class _GraphExporter(Exporter):
    """Writes the union of all graphs."""

    ox_format: ClassVar[ox.RdfFormat]

    def export(self, store: Store, destination: Path) -> Path:
        return write_rdf(store_triples(store), destination, self.ox_format)


class _DatasetExporter(Exporter):
    """Writes every named graph as itself."""

    ox_format: ClassVar[ox.RdfFormat]

    def export(self, store: Store, destination: Path) -> Path:
        return write_rdf(in_order(store.quads()), destination, self.ox_format)


class TurtleExporter(_GraphExporter):
    """Turtle, all graphs merged: the most readable RDF."""

    name, suffix, ox_format = "turtle", ".ttl", ox.RdfFormat.TURTLE


class NTriplesExporter(_GraphExporter):
    """N-Triples, all graphs merged: one triple per line, for streaming tools."""

    name, suffix, ox_format = "ntriples", ".nt", ox.RdfFormat.N_TRIPLES


class NQuadsExporter(_DatasetExporter):
    """N-Quads: one statement per line with its graph; loads into any quad store."""

    name, suffix, ox_format = "nquads", ".nq", ox.RdfFormat.N_QUADS


class TriGExporter(_DatasetExporter):
    """TriG: Turtle with named graphs, one per document plus vocabulary and facts."""

    name, suffix, ox_format = "trig", ".trig", ox.RdfFormat.TRIG
