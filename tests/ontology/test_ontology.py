"""The ontology parses, every term is labelled and defined, and HermiT finds it consistent."""
from __future__ import annotations

import shutil

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS
from rdflib.namespace import SKOS

from medkg.ontology import MKG, ontology_path, ontology_triples
from medkg.ontology.namespace import RELATIONS, TYPES


@pytest.fixture(scope="module")
def tbox() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


def _own_terms(graph: rdflib.Graph, kind) -> list:
    return [s for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(MKG._NS))]


def test_ontology_has_iri_and_version(tbox):
    ontology = next(tbox.subjects(RDF.type, OWL.Ontology))
    assert str(ontology) == "https://w3id.org/medkg/ontology"
    assert tbox.value(ontology, OWL.versionIRI) is not None


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty],
                         ids=["class", "object-property", "datatype-property", "annotation-property"])
def test_every_term_has_label_and_definition(tbox, kind):
    terms = _own_terms(tbox, kind)
    assert terms
    for term in terms:
        assert tbox.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert tbox.value(term, SKOS.definition) is not None, f"{term} has no skos:definition"


def test_seven_concept_classes_and_seven_relations(tbox):
    for iri in TYPES.values():
        assert (iri, RDF.type, OWL.Class) in tbox
    for iri in RELATIONS.values():
        assert (iri, RDF.type, OWL.ObjectProperty) in tbox
        assert tbox.value(iri, RDFS.domain) is not None and tbox.value(iri, RDFS.range) is not None


@pytest.mark.parametrize("relation", ["causes", "riskFactorFor", "treats", "prevents", "seeSpecialist",
                                      "diagnosedBy", "locatedIn", "partOf"])
def test_relation_has_an_inverse(tbox, relation):
    assert tbox.value(MKG[relation], OWL.inverseOf) is not None


def test_part_of_is_transitive(tbox):
    assert (MKG.partOf, RDF.type, OWL.TransitiveProperty) in tbox


def test_rdfxml_export_reads_back_isomorphic(tbox, tmp_path):
    from medkg.ontology.reasoning import to_owl_file

    path = to_owl_file(ontology_triples(), tmp_path / "medkg.owl")
    again = rdflib.Graph().parse(path, format="xml")
    assert len(again) == len(tbox)


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_owlready2_loads_and_hermit_finds_it_consistent():
    from medkg.ontology.reasoning import check_consistency

    assert check_consistency(ontology_triples()) >= 15


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_hermit_rejects_a_symptom_that_is_also_a_treatment():
    from rdflib import URIRef

    from medkg.ontology.reasoning import Inconsistent, check_consistency

    bad = URIRef("https://w3id.org/medkg/concept/test-bad")
    triples = [*ontology_triples(), (bad, RDF.type, MKG.Symptom), (bad, RDF.type, MKG.Treatment)]
    with pytest.raises(Inconsistent):
        check_consistency(triples)
