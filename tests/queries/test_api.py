"""The Python API: medkg.queries.api.open(...) and the KnowledgeGraph questions."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from medkg.exceptions import ConceptNotFound, QueryError, UnsafeQuery
from medkg.ontology.namespace import CONCEPT
from medkg.queries.api import KnowledgeGraph, as_iri
from medkg.store.bindings import with_bindings
from medkg.queries.api import open as open_graph


def labels(answers) -> set[str]:
    return {a.label for a in answers}


def test_causes_of_ankle_pain_on_demo(demo_kg):
    causes = demo_kg.causes_of("ankle pain")
    assert {"ankle sprain", "Achilles tendinopathy", "stress fracture"} & labels(causes)
    first = causes[0]
    assert first.iri.startswith(str(CONCEPT)) and first.type == "Condition"
    assert first.support >= 1 and 0 < first.confidence <= 1 and first.documents
    assert first.label in first.labels


def test_answers_are_ranked_by_support_then_confidence(demo_kg):
    for question in (demo_kg.causes_of, demo_kg.whom_to_see, demo_kg.risk_factors_for):
        direct = [a for a in question("ankle pain") if a.direct]
        keys = [(-a.support, -a.confidence) for a in direct]
        assert keys == sorted(keys)


@pytest.mark.parametrize("question,query,column", [
    ("causes_of", "causes", "cause"), ("whom_to_see", "whom_to_see", "specialist"),
    ("treatments_for", "treatments", "treatment"), ("prevention_for", "prevention", "treatment"),
    ("risk_factors_for", "risk_factors", "risk_factor"), ("tests_for", "tests", "test"),
])
@pytest.mark.parametrize("concept", ["ankle-pain", "knee-pain", "lower-limb-pain"])
def test_api_answers_like_the_one_query_version(demo_kg, question, query, column, concept):
    """The API's three short steps give the same answers and documents as the .rq file."""
    iri = URIRef(CONCEPT[concept])
    expected: dict[str, set[str]] = {}
    for row in demo_kg.sparql(query, concept=iri):
        if row[column] not in demo_kg.narrower(iri):
            expected.setdefault(str(row[column]), set()).add(str(row.doc))
    got = {a.iri: set(a.documents) for a in getattr(demo_kg, question)(iri)}
    assert got == expected


@pytest.mark.parametrize("question", ["causes_of", "whom_to_see", "treatments_for", "tests_for"])
def test_rdflib_backend_answers_like_the_default_store(demo_kg, demo_rdflib_kg, question):
    expected = [(a.iri, a.documents) for a in getattr(demo_kg, question)("ankle pain")]
    assert expected and [(a.iri, a.documents) for a in getattr(demo_rdflib_kg, question)("ankle pain")] == expected


def test_whom_to_see_for_ankle_pain_on_demo(demo_kg):
    specialists = labels(demo_kg.whom_to_see("ankle pain"))
    assert {"sports medicine physician", "orthopedist"} <= specialists


def test_treatments_and_prevention_on_demo(demo_kg):
    assert {"ibuprofen", "physical therapy", "ankle brace", "RICE"} & labels(demo_kg.treatments_for("ankle pain")) \
        or {"ibuprofen"} & labels(demo_kg.treatments_for("heel pain"))
    assert {"warm-up", "calf raise", "proper footwear"} & labels(demo_kg.prevention_for("ankle pain"))


def test_labels_are_compared_in_normalised_form(demo_kg):
    assert [c.iri for c in demo_kg.resolve("Ankle-Pains")] == [str(CONCEPT["ankle-pain"])]
    assert demo_kg.resolve("mkc:ankle-pain") == demo_kg.resolve(str(CONCEPT["ankle-pain"]))


def test_unknown_label_suggests_close_ones(demo_kg):
    with pytest.raises(ConceptNotFound, match="did you mean: .*ankle pain"):
        demo_kg.causes_of("ankel pian")


def test_narrower_concepts_answer_for_broader_ones(legs_kg):
    """Leg pain has no facts of its own; its narrower calf pain and shin pain do."""
    causes = {a.label: a for a in legs_kg.causes_of("leg pain")}
    assert "calf strain" in causes and causes["calf strain"].via == ("calf pain",)
    assert "tibial stress fracture" in causes and causes["tibial stress fracture"].via == ("shin pain",)
    assert "sports medicine physician" in labels(legs_kg.whom_to_see("leg pain"))
    assert "overtraining" in labels(legs_kg.risk_factors_for("leg pain"))
    assert not legs_kg.causes_of("calf pain")[0].via  # asked directly: found through nothing else


def test_body_region_includes_its_parts(legs_kg):
    in_limb = {a.label: a for a in legs_kg.symptoms_in("lower limb")}
    assert in_limb["calf pain"].support == 1 and "calf" in in_limb["calf pain"].via
    assert in_limb["shin pain"].support == 1
    documented = [a for a in legs_kg.symptoms_in("lower limb") if a.support]
    assert documented == sorted(documented, key=lambda a: (-a.support, -a.confidence, a.label))


def test_evidence_gives_sentence_document_and_confidence(legs_kg):
    items = legs_kg.evidence("calf strain", "causes", "calf pain")
    assert len(items) == 1
    item = items[0]
    assert item.sentence == "Calf pain is often caused by a calf strain."
    assert item.name == "calf_and_shin.md" and 0 < item.confidence <= 1 and not item.hedged
    assert legs_kg.evidence("calf strain", "riskFactorFor", "calf pain") == []
    with pytest.raises(QueryError, match="unknown relation"):
        legs_kg.evidence("calf strain", "cures", "calf pain")


def test_stats_count_documents_and_facts(demo_kg):
    stats = demo_kg.stats()
    assert stats.documents >= 6 and stats.facts > 0 and stats.evidence >= stats.facts // 2
    assert stats.concepts > 1000
    assert stats.facts_by_relation["causes"] > 0 and set(stats.facts_by_relation) <= {
        "causes", "risk_factor_for", "treats", "prevents", "see_specialist", "diagnosed_by", "located_in"}


def test_sparql_takes_values_as_bindings(demo_kg):
    rows = list(demo_kg.sparql("causes", concept=URIRef(CONCEPT["ankle-pain"])))
    assert rows and all(r.concept == CONCEPT["ankle-pain"] for r in rows)
    injected = 'ankle pain" } UNION { ?concept ?p ?o } #'
    assert list(demo_kg.sparql("concept_by_label", key=injected)) == []
    rows = list(demo_kg.sparql("SELECT ?key ?concept WHERE { ?concept "
                               "<https://w3id.org/medkg/ontology#normalizedLabel> ?key }", key="ankle pain"))
    assert [str(r.concept) for r in rows] == [str(CONCEPT["ankle-pain"])]
    assert isinstance(rows[0].key, Literal)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
], ids=["service", "from-file", "insert"])
def test_sparql_refuses_unsafe_queries(demo_kg, query):
    with pytest.raises(UnsafeQuery):
        demo_kg.sparql(query)


def test_open_is_read_only_and_closes(demo_store):
    kg = open_graph(demo_store)
    assert isinstance(kg, KnowledgeGraph) and kg.store.read_only
    kg.close()


def test_as_iri_accepts_the_usual_spellings():
    iri = CONCEPT["ankle-pain"]
    assert as_iri("mkc:ankle-pain") == as_iri(f"<{iri}>") == as_iri(str(iri)) == iri


def test_values_blocks_hold_escaped_terms_only():
    query = with_bindings("SELECT ?x WHERE { ?x ?p ?o }", {"x": [Literal('a" } ; DROP ALL #')]})
    assert 'VALUES ?x { "a\\" } ; DROP ALL #" }' in query
    with pytest.raises(QueryError, match="cannot bind"):
        with_bindings("SELECT ?x WHERE { ?x ?p ?o }", {"x": [URIRef("http://x> } ; DROP ALL {")]})
