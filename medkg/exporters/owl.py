"""OWL export: the ontology and the vocabulary as RDF/XML, for Protégé and owlready2.

``owl`` writes the ontology (classes, properties, disjointness) and every concept of
the vocabulary as an individual of its class, with labels, definitions, hierarchy
(``skos:broader``), body-region parts and cross-references. ``owl-facts`` adds the
merged facts: each as an object property assertion between two concepts
(``mkc:plantar-fasciitis mkg:causes mkc:heel-pain``) and as an ``mkg:Fact``
individual with its support and confidence. Evidence stays out (it is provenance,
not knowledge; use TriG or JSON-LD for it). Both files load in owlready2 and HermiT
finds them consistent (tests/exporters). ``owl:imports`` is never written.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
from rdflib import OWL, RDF

from medkg.exporters.base import Exporter
from medkg.exporters.rdf import in_order, write_rdf
from medkg.exporters.sanitize import LINKS_FOLLOWED_BY_READERS
from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH
from medkg.ontology.lexicon import ontology_triples
from medkg.ontology.namespace import MKG, ONTOLOGY_IRI, TYPES
from medkg.store import Store, Triple

__all__ = ["OwlExporter", "OwlFactsExporter", "owl_triples"]

#: vocabulary-graph predicates that are medkg's internals, not knowledge
_INTERNAL = frozenset({MKG.normalizedLabel})
#: classes whose members are declared owl:NamedIndividual (owlready2 and OWL 2 DL want declarations)
_INDIVIDUAL_CLASSES = frozenset({*TYPES.values(), MKG.Fact})


def owl_triples(store: Store, *, facts: bool = False) -> list[Triple]:
    """The ontology and vocabulary of ``store`` (and its facts graph if ``facts``),
    without medkg's look-up keys and without links OWL tools would follow."""
    vocabulary = {(s, p, o) for s, p, o, _ in store.quads(VOCABULARY_GRAPH)
                  if p not in _INTERNAL and s != VOCABULARY_GRAPH}
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in vocabulary:
        vocabulary.update(ontology_triples())
    if facts:
        vocabulary.update((s, p, o) for s, p, o, _ in store.quads(FACTS_GRAPH))
    vocabulary.update((s, RDF.type, OWL.NamedIndividual) for s, p, o in list(vocabulary)
                      if p == RDF.type and o in _INDIVIDUAL_CLASSES)
    return in_order(t for t in vocabulary if t[1] not in LINKS_FOLLOWED_BY_READERS)


class OwlExporter(Exporter):
    """RDF/XML of the ontology and vocabulary."""

    name = "owl"
    suffix = ".owl"
    facts: ClassVar[bool] = False

    def export(self, store: Store, destination: Path) -> Path:
        return write_rdf(owl_triples(store, facts=self.facts), destination, ox.RdfFormat.RDF_XML,
                         line_breaks="lf")


class OwlFactsExporter(OwlExporter):
    """RDF/XML of the ontology, vocabulary and merged facts."""

    name = "owl-facts"
    facts = True
