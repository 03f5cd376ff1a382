"""One test per shipped .rq file: it has a header, and on the demo graph it answers
with rows that the demo documents support."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from medkg.graph import fact_iri
from medkg.ontology.namespace import CONCEPT, MKG
from medkg.queries import named_query, query_names
from medkg.store import open_store

MKC = str(CONCEPT)

#: the value bound to each parameter name used by the shipped queries
VALUES = {
    "concept": CONCEPT["ankle-pain"],
    "region": CONCEPT["lower-limb"],
    "key": Literal("ankle pain"),
    "subject": CONCEPT["ankle-sprain"],
    "relation": MKG.causes,
    "object": CONCEPT["ankle-pain"],
    "fact": fact_iri(CONCEPT["ankle-sprain"], "causes", CONCEPT["ankle-pain"]),
}
#: where the demo documents state the answers about another concept, or another relation
OVERRIDES = {"tests": {"concept": CONCEPT["knee-pain"]}, "links_from": {"relation": MKG.seeSpecialist}}


def _names(rows, column):
    return {str(r[column]).removeprefix(MKC) for r in rows if r[column] is not None}


#: per query: a check of its rows on the demo graph (what the demo documents state)
CHECKS = {
    "causes": lambda rows: {"ankle-sprain", "achilles-tendinopathy", "stress-fracture"} & _names(rows, "cause"),
    "whom_to_see": lambda rows: {"sports-medicine-physician", "orthopedist"} <= _names(rows, "specialist"),
    "treatments": lambda rows: {"ibuprofen", "physical-therapy", "ankle-brace", "rice-method"}
    & _names(rows, "treatment"),
    "prevention": lambda rows: {"warm-up", "calf-raise", "proper-footwear"} & _names(rows, "treatment"),
    "risk_factors": lambda rows: {"tight-calves", "worn-out-shoes", "flat-feet", "uneven-terrain"}
    & _names(rows, "risk_factor"),
    "tests": lambda rows: {"x-ray", "magnetic-resonance-imaging", "physical-examination"} & _names(rows, "test"),
    "region_symptoms": lambda rows: {"ankle-pain", "calf-pain", "heel-pain"} & _names(rows, "symptom")
    and any(r.fact is not None for r in rows),
    "evidence": lambda rows: any("Ankle sprain" in str(r.sentence) and str(r.name) == "ankle_pain_after_running.md"
                                 for r in rows),
    "stats": lambda rows: len(rows) == 1 and int(rows[0].documents) >= 6 and int(rows[0].facts) > 0,
    "facts_by_relation": lambda rows: {str(r.relation) for r in rows} >= {str(MKG.causes), str(MKG.seeSpecialist)},
    "concept_by_label": lambda rows: _names(rows, "concept") == {"ankle-pain"},
    "narrower": lambda rows: {"ankle-pain", "inner-ankle-pain"} <= _names(rows, "narrower"),
    "links_to": lambda rows: {"ankle-sprain", "achilles-tendinopathy"} <= _names(rows, "subject"),
    "links_from": lambda rows: {"sports-medicine-physician", "orthopedist"} <= _names(rows, "object"),
    "links": lambda rows: (str(CONCEPT["ankle-sprain"]), str(CONCEPT["ankle-pain"]))
    in {(str(r.source), str(r.target)) for r in rows},
    "fact_documents": lambda rows: len(rows) == 1 and int(rows[0].support) == 1
    and 0 < float(rows[0].confidence) <= 1,
}


def test_every_query_has_a_check():
    assert set(query_names()) == set(CHECKS)


@pytest.mark.parametrize("name", query_names())
def test_query_header_says_what_and_which_parameters(name):
    query = named_query(name)
    assert query.description, f"{name}.rq has no description"
    for param in query.params:
        assert param in VALUES, f"{name}.rq: no test value for ?{param}"
        assert f"?{param}" in query.text.split("WHERE")[0], f"{name}.rq must select ?{param} (Oxigraph bindings)"


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def demo(request, demo_store, demo_rdflib_store):
    """The demo graph, opened once per backend."""
    with open_store(demo_store if request.param == "oxigraph" else demo_rdflib_store, read_only=True) as store:
        yield store


@pytest.mark.parametrize("name", query_names())
def test_query_answers_on_demo_graph(name, demo):
    query = named_query(name)
    values = {**VALUES, **OVERRIDES.get(name, {})}
    rows = list(demo.query(query.text, {p: values[p] for p in query.params}))
    assert rows, f"{name}.rq returned no rows"
    assert CHECKS[name](rows), f"{name}.rq rows do not show what the demo documents state"


def test_bindings_are_values_not_text(demo_store):
    """A label containing SPARQL syntax is looked up as a label, not run."""
    with open_store(demo_store, read_only=True) as store:
        evil = Literal('ankle pain" } UNION { ?concept ?p ?o')
        assert list(store.query(named_query("concept_by_label").text, {"key": evil})) == []
        assert list(store.query(named_query("causes").text, {"concept": URIRef(MKC + "no-such")})) == []
