"""GraphML and GEXF exports read back with networkx: same nodes, edges and attributes."""
from __future__ import annotations

import networkx as nx
import pytest

from medkg.exporters.networkx_formats import GEXFExporter, GraphMLExporter, flat_graph
from medkg.store import open_store
from medkg.visualizations import Evidence, to_networkx

READERS = {
    "graphml": lambda path: nx.read_graphml(path, force_multigraph=True),
    "gexf": nx.read_gexf,
}


@pytest.mark.parametrize("exporter", [GraphMLExporter, GEXFExporter], ids=["graphml", "gexf"])
def test_export_reads_back_with_the_same_graph(demo_kg, tmp_path, exporter):
    with open_store(demo_kg, read_only=True) as kg:
        expected = flat_graph(to_networkx(kg))
        path = exporter().export(kg, tmp_path / f"kg{exporter.suffix}")
    graph = READERS[exporter.name](path)
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == expected.number_of_nodes()
    assert graph.number_of_edges() == expected.number_of_edges()
    for node, attrs in expected.nodes(data=True):
        got = graph.nodes[node]
        for key in ("type", "label", "labels", "definition", "xrefs", "support", "degree"):
            assert got[key] == attrs[key], (node, key)
    for u, v, key, attrs in expected.edges(keys=True, data=True):
        got = graph.edges[u, v, key]
        for name in ("relation", "support", "evidence", "documents", "fact"):
            assert got[name] == attrs[name], (u, v, key, name)
        assert got["confidence"] == pytest.approx(attrs["confidence"])


def test_evidence_becomes_one_line_per_sentence_with_its_source():
    graph = nx.MultiDiGraph()
    graph.add_node("a", type="Condition", label="a", labels=["a", "b"], xrefs=[], support=1)
    graph.add_edge("a", "a", key="causes", relation="causes", support=2, confidence=0.5, evidence=[
        Evidence("S1.", "Title", "Causes", "one.md", 0.5), Evidence("S2.", "Other", "", "two.md", 0.4)])
    flat = flat_graph(graph)
    assert flat.nodes["a"]["labels"] == "a|b"
    edge = flat.edges["a", "a", "causes"]
    assert edge["evidence"] == "S1. (Title > Causes)\nS2. (Other)"
    assert edge["documents"] == "one.md|two.md" and edge["weight"] == 2


@pytest.mark.parametrize("exporter", [GraphMLExporter, GEXFExporter], ids=["graphml", "gexf"])
def test_control_characters_are_dropped_so_the_file_reads_back(tmp_path, monkeypatch, exporter):
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Symptom", label="knee\x0bpain\x00", labels=["knee\x0bpain"], definition="d\x1f",
                   xrefs=[], support=1, degree=1)
    graph.add_node("y", type="Condition", label="y", labels=["y"], definition="", xrefs=[], support=1, degree=1)
    graph.add_edge("x", "y", key="causes", relation="causes", support=1, confidence=0.5,
                   evidence=[Evidence("bad\x0b sentence", "t\x01", "", "doc.md", 0.5)])
    monkeypatch.setattr("medkg.visualizations.to_networkx", lambda store: graph)
    with open_store("memory:") as kg:
        path = exporter().export(kg, tmp_path / f"x{exporter.suffix}")
    back = READERS[exporter.name](path)
    assert back.nodes["x"]["label"] == "kneepain"
    [(_, _, edge)] = back.edges(data=True)  # one edge: GEXF reads it back as a simple graph
    assert edge["evidence"] == "bad sentence (t)"
