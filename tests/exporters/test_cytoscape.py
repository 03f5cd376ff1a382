"""The Cytoscape.js export reads back in networkx with the graph's nodes, edges and data."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from medkg.exporters import export
from medkg.ontology.namespace import CONCEPT
from medkg.visualizations import to_networkx


@pytest.fixture(scope="module")
def cyjs(small_store, tmp_path_factory):
    return export(small_store, "cytoscape", tmp_path_factory.mktemp("cytoscape") / "kg.cyjs")


def test_networkx_reads_the_same_nodes_edges_and_data(cyjs, small_store):
    expected = to_networkx(small_store)
    graph = nx.cytoscape_graph(json.loads(cyjs.read_text(encoding="utf-8")))
    assert graph.number_of_nodes() == expected.number_of_nodes() > 10
    assert graph.number_of_edges() == expected.number_of_edges() > 10
    for node, attrs in expected.nodes(data=True):
        assert graph.nodes[node]["type"] == attrs["type"] and graph.nodes[node]["label"] == attrs["label"]
    for source, target, key, attrs in expected.edges(keys=True, data=True):
        data = graph.edges[source, target, key]
        assert (data["relation"], data["support"], data["confidence"]) == (attrs["relation"], attrs["support"],
                                                                           attrs["confidence"])


def test_elements_have_what_cytoscape_js_needs(cyjs):
    document = json.loads(cyjs.read_text(encoding="utf-8"))
    nodes, edges = document["elements"]["nodes"], document["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert len(ids) == len(nodes)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    sprain = next(n["data"] for n in nodes if n["data"]["id"] == str(CONCEPT["ankle-sprain"]))
    assert sprain["name"] == "ankle sprain" and sprain["type"] == "Condition"
    causes = [e["data"] for e in edges if e["data"]["source"] == str(CONCEPT["ankle-sprain"])
              and e["data"]["target"] == str(CONCEPT["swelling"])]
    assert causes and causes[0]["interaction"] == "causes" and causes[0]["evidence"]
    assert causes[0]["documents"] == ["ankle_pain_after_running.md"]
