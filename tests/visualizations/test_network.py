"""The networkx view of a store: concepts, facts, evidence, focus and the size cap."""
from __future__ import annotations

import pytest

from medkg.exceptions import ConceptNotFound
from medkg.store import open_store
from medkg.visualizations import Evidence, to_networkx

MKC = "https://w3id.org/medkg/concept/"


@pytest.fixture(scope="module")
def demo(demo_kg):
    with open_store(demo_kg, read_only=True) as kg:
        yield kg


def test_facts_become_labelled_edges_between_typed_concepts(demo):
    graph = to_networkx(demo)
    assert graph.has_edge(MKC + "ankle-sprain", MKC + "ankle-pain", key="causes")
    assert graph.has_edge(MKC + "stress-fracture", MKC + "ankle-pain", key="causes")
    pain = graph.nodes[MKC + "ankle-pain"]
    assert pain["type"] == "Symptom" and pain["label"] == "ankle pain"
    assert "sore ankle" in pain["labels"] and pain["definition"]
    assert all(":" in xref for xref in pain["xrefs"])
    assert pain["degree"] == graph.degree(MKC + "ankle-pain")
    assert graph.graph["omitted_nodes"] == 0 and graph.graph["total_edges"] == graph.number_of_edges()


def test_edges_carry_support_confidence_and_evidence_with_document_titles(demo):
    edge = to_networkx(demo).edges[MKC + "ankle-sprain", MKC + "ankle-pain", "causes"]
    assert edge["relation"] == "causes" and edge["support"] >= 1 and 0 < edge["confidence"] <= 1
    assert 1 <= len(edge["evidence"]) <= 3
    first = edge["evidence"][0]
    assert isinstance(first, Evidence)
    assert "sprain" in first.sentence.lower()
    assert first.title == "Ankle pain after running: causes and what helps"


def test_focus_keeps_the_neighbourhood_within_depth(demo):
    near = to_networkx(demo, focus="Ankle Pains", depth=1)
    assert near.nodes[MKC + "ankle-pain"]["focus"]
    assert {MKC + "ankle-sprain", MKC + "stress-fracture"} <= set(near)
    assert all(MKC + "ankle-pain" in (u, v) or near.degree(u) for u, v in near.edges())
    assert all(near.has_edge(MKC + "ankle-pain", n) or near.has_edge(n, MKC + "ankle-pain")
               for n in near if n != MKC + "ankle-pain")
    wider = to_networkx(demo, focus="ankle pain", depth=2)
    assert set(near) < set(wider) < set(to_networkx(demo)) | set(wider)


def test_focus_by_iri_and_depth_zero_draws_one_concept(demo):
    graph = to_networkx(demo, focus="mkc:ankle-pain", depth=0)
    assert list(graph) == [MKC + "ankle-pain"] and graph.number_of_edges() == 0


def test_unknown_focus_lists_close_labels(demo):
    with pytest.raises(ConceptNotFound, match=r"ankel pain.*ankle pain"):
        to_networkx(demo, focus="ankel pain")


def test_max_nodes_keeps_the_best_supported_and_counts_what_is_left_out(demo):
    whole = to_networkx(demo)
    capped = to_networkx(demo, max_nodes=10)
    assert capped.number_of_nodes() == 10
    weakest_kept = min(support for _, support in capped.nodes(data="support"))
    left_out = [n for n in whole if n not in capped]
    assert all(whole.nodes[n]["support"] <= weakest_kept for n in left_out)
    g = capped.graph
    assert g["omitted_nodes"] == len(left_out) == whole.number_of_nodes() - 10
    assert g["omitted_edges"] == whole.number_of_edges() - capped.number_of_edges()
    assert sum(g["omitted_types"].values()) == len(left_out)
    assert g["omitted_max_support"] == max(whole.nodes[n]["support"] for n in left_out)


def test_empty_store_gives_an_empty_graph():
    with open_store("memory:") as kg:
        graph = to_networkx(kg)
    assert graph.number_of_nodes() == 0 and graph.graph["total_nodes"] == 0
