"""``medkg validate``: graphs built from real documents pass the SHACL shapes and HermiT;
planted violations and inconsistencies are reported readably, with a failing exit."""
from __future__ import annotations

import shutil

import pytest
from rdflib import RDF, Literal

from medkg.build import build
from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH
from medkg.ontology.namespace import CONCEPT, FACT, MKG
from medkg.store import open_store
from medkg.validation import shapes_path, validate_store
from tests.exporters.readers import small_copy

_XSD = "http://www.w3.org/2001/XMLSchema#"
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@pytest.fixture(scope="module")
def demo_location(tmp_path_factory, demo_corpus) -> str:
    location = str(tmp_path_factory.mktemp("validate-demo") / "kg")
    build([str(demo_corpus)], location)
    return location


@pytest.fixture
def planted(demo_location, tmp_path):
    """A writable copy of the demo graph (with only the vocabulary its facts use, to
    validate faster), for planting problems in."""
    location = str(tmp_path / "kg")
    with open_store(demo_location, read_only=True) as source, open_store(location, create=True) as copy:
        copy.replace(add=list(small_copy(source).quads()))
    return location


def test_shapes_ship_with_the_package():
    text = shapes_path().read_text(encoding="utf-8")
    assert "sh:targetClass mkg:Fact" in text and "sh:targetClass mkg:Evidence" in text


@needs_java
def test_demo_graph_is_valid(cli, demo_location):
    out = cli("validate", "--store", demo_location)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SHACL: 0 violations" in out.stdout
    assert "OWL: consistent (HermiT over ontology and the whole graph less annotations" in out.stdout
    assert out.stdout.strip().endswith("valid")


@pytest.mark.slow
@needs_java
def test_shared_corpus_graph_is_valid(tmp_path, shared_corpus):
    location = str(tmp_path / "kg")
    build([str(shared_corpus)], location)
    with open_store(location, read_only=True) as kg:
        report = validate_store(kg)
    assert report.violations == [], report.summary()
    assert report.consistent is True and report.conforms


def test_planted_violations_are_reported_and_fail(cli, planted):
    bad = FACT["planted"]
    with open_store(planted) as kg:
        kg.replace(add=[
            (bad, RDF.type, MKG.Fact, FACTS_GRAPH), (bad, MKG.subject, CONCEPT["ankle-sprain"], FACTS_GRAPH),
            (bad, MKG.relation, MKG.causes, FACTS_GRAPH), (bad, MKG.object, CONCEPT["heel-pain"], FACTS_GRAPH),
            (bad, MKG.support, Literal("0", datatype=_XSD + "integer"), FACTS_GRAPH),
            (bad, MKG.confidence, Literal("1.5", datatype=_XSD + "double"), FACTS_GRAPH),
        ])
    out = cli("validate", "--store", planted, "--no-reasoner")
    assert out.returncode == 1
    for message in ("every fact needs at least one evidence",
                    "a fact's confidence must be one xsd:double from 0 to 1",
                    "a fact's support (number of documents) must be one integer >= 1",
                    "the fact's plain triple (subject relation object) is missing"):
        assert message in out.stdout
    assert "fact:planted" in out.stdout and '"1.5"^^xsd:double' in out.stdout
    assert "Traceback" not in out.stderr and out.stdout.strip().endswith("NOT valid")


@needs_java
def test_a_concept_of_two_disjoint_types_is_a_violation_and_inconsistent(planted):
    with open_store(planted) as kg:
        kg.replace(add=[(CONCEPT["ankle-sprain"], RDF.type, MKG.Treatment, VOCABULARY_GRAPH)])
        report = validate_store(kg, reasoner_limit=10)
    assert report.consistent is False and not report.conforms
    assert "ontology, vocabulary and facts" in report.reasoner_note
    assert any(f.focus == "mkc:ankle-sprain" and "exactly one of the seven types" in f.message
               for f in report.violations)
    assert "OWL: INCONSISTENT" in report.summary()
