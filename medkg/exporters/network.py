"""The fact network that graph-shaped exports share: concepts as nodes, facts as edges.

Cytoscape, Neo4j (and any other node-and-edge format) draw the same picture: every
concept that takes part in a merged fact, with its type and labels, and every fact
with its relation, support, confidence and the documents that state it. Reading it
here once keeps those exports in agreement.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from medkg.exporters.assertions import concept_labels
from medkg.ontology.namespace import RELATIONS, relation_name
from medkg.store import Store

__all__ = ["ConceptNode", "FactEdge", "fact_network"]

_FACTS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?fact ?s ?rel ?o ?support ?conf WHERE {
  ?fact a mkg:Fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o .
  OPTIONAL { ?fact mkg:support ?support }
  OPTIONAL { ?fact mkg:confidence ?conf }
}"""

_SOURCES = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?fact ?name WHERE {
  ?e mkg:evidenceFor ?fact ; prov:wasDerivedFrom ?doc .
  ?doc dcterms:identifier ?name .
}"""


@dataclass(frozen=True)
class ConceptNode:
    """A concept that takes part in at least one fact."""

    iri: str
    label: str
    type: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class FactEdge:
    """A merged fact: ``subject relation object`` with its support and sources."""

    iri: str
    subject: str
    relation: str
    object: str
    support: int
    confidence: float
    documents: tuple[str, ...]


def _relation(iri: URIRef) -> str:
    return relation_name(iri) if iri in RELATIONS.values() else str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def fact_network(store: Store) -> tuple[list[ConceptNode], list[FactEdge]]:
    """The concepts and facts of ``store``, sorted by IRI.

    Relations are named as in the assertion export (``risk_factor_for``); a concept
    the vocabulary does not describe gets its IRI's last segment as label and an
    empty type.
    """
    documents: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_SOURCES):
        documents[str(row.fact)].add(str(row.name))
    edges = [FactEdge(iri=str(r.fact), subject=str(r.s), relation=_relation(r.rel), object=str(r.o),
                      support=int(r.support) if r.support is not None else len(documents[str(r.fact)]),
                      confidence=float(r.conf) if r.conf is not None else 0.0,
                      documents=tuple(sorted(documents[str(r.fact)])))
             for r in store.query(_FACTS)]
    labels = concept_labels(store)
    nodes = []
    for iri in sorted({e.subject for e in edges} | {e.object for e in edges}):
        kind, names = labels.get(iri, ("", [iri.rstrip("/").rsplit("/", 1)[-1]]))
        nodes.append(ConceptNode(iri=iri, label=names[0], type=kind, synonyms=tuple(sorted(names[1:]))))
    return nodes, sorted(edges, key=lambda e: e.iri)
