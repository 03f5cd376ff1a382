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
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from medkg.atomic import atomic_write
from medkg.exceptions import ExportError, StoreError
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import LineBreaks, sanitize_term
from medkg.ontology.namespace import CANDIDATE, CONCEPT, DOC, EVIDENCE, FACT, GRAPH, MKG
from medkg.store import Quad, Store, Triple
from medkg.store.terms import to_ox

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
    unique = dict.fromkeys(statements)  # keeps the first-seen order for ties of the key below
    return sorted(unique, key=lambda st: tuple("" if t is None else str(t) for t in (*st[3:], *st[:3])))


def store_triples(store: Store) -> list[Triple]:
    """The union of all graphs of ``store``: each triple once, sorted."""
    return in_order((s, p, o) for s, p, o, _ in store.quads())


@lru_cache(maxsize=1 << 16)
def _ox_iri(iri: str) -> ox.NamedNode:
    """A sanitised pyoxigraph IRI; cached, as a graph names the same IRIs again and again."""
    return to_ox(sanitize_term(URIRef(iri)))


def _ox_term(term: Node, line_breaks: LineBreaks) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return _ox_iri(str(term))
    return to_ox(sanitize_term(term, line_breaks=line_breaks))


def _ox_statement(statement: Triple | Quad, line_breaks: LineBreaks) -> ox.Triple | ox.Quad:
    try:
        terms = [_ox_term(t, line_breaks) for t in statement[:3]]
        if len(statement) == 3:
            return ox.Triple(*terms)
        graph = statement[3]
        return ox.Quad(*terms, ox.DefaultGraph() if graph is None else _ox_term(graph, line_breaks))
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
    terms = [_ox_statement(statement, line_breaks) for statement in statements]
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
