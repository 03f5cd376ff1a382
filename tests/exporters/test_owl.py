"""The OWL export loads in owlready2, HermiT finds it consistent, and it holds the
ontology, every concept as an individual and (owl-facts) the facts."""
from __future__ import annotations

import shutil

import pytest
import rdflib
from rdflib import OWL, RDF

from medkg.exporters import export
from medkg.exporters.owl import owl_triples
from medkg.ontology.namespace import CONCEPT, MKG, TYPES
from tests.exporters.readers import read_with_oxigraph, read_with_rdflib, same_graph

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@pytest.fixture(scope="module", params=["owl", "owl-facts"])
def owl_file(request, small_store, tmp_path_factory):
    return request.param, export(small_store, request.param, tmp_path_factory.mktemp("owl") / "medkg.owl")


def test_rdfxml_reads_back_as_the_exported_triples(owl_file, small_store):
    name, path = owl_file
    expected = rdflib.Graph()
    for triple in owl_triples(small_store, facts=name == "owl-facts"):
        expected.add(triple)
    for reader in (read_with_rdflib, read_with_oxigraph):
        assert same_graph(expected, reader(path, name)[None])


def test_concepts_are_declared_individuals_and_facts_only_in_owl_facts(owl_file):
    name, path = owl_file
    graph = read_with_oxigraph(path, name)[None]
    assert (CONCEPT["ankle-sprain"], RDF.type, MKG.Condition) in graph
    assert (CONCEPT["ankle-sprain"], RDF.type, OWL.NamedIndividual) in graph
    assert not list(graph.triples((None, MKG.normalizedLabel, None)))
    assert not list(graph.triples((None, OWL.imports, None)))
    assert not list(graph.subjects(RDF.type, MKG.Evidence))
    has_facts = (CONCEPT["ankle-sprain"], MKG.causes, CONCEPT["swelling"]) in graph
    assert has_facts == (name == "owl-facts")
    assert bool(list(graph.subjects(RDF.type, MKG.Fact))) == (name == "owl-facts")


@needs_java
def test_owlready2_loads_it_and_hermit_finds_it_consistent(demo_store, tmp_path):
    """The whole demo graph's ontology, vocabulary and facts, as Protégé would open it."""
    import owlready2

    path = export(demo_store, "owl-facts", tmp_path / "medkg.owl")
    world = owlready2.World()
    ontology = world.get_ontology(path.resolve().as_uri()).load()
    classes = {c.name for c in ontology.classes()}
    assert set(TYPES) <= classes
    sprain = world[str(CONCEPT["ankle-sprain"])]
    assert sprain is not None and "Condition" in {c.name for c in sprain.is_a}
    assert world[str(CONCEPT["swelling"])] in sprain.causes
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert not list(world.inconsistent_classes())
