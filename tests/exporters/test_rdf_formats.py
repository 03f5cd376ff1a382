"""RDF exports read back, with rdflib and with pyoxigraph, as the graph in the store."""
from __future__ import annotations

import json

import pytest

from medkg.exporters import export
from medkg.exporters.jsonld import shipped_context
from medkg.ontology.namespace import RELATIONS, TYPES
from tests.exporters.readers import (DATASET_FORMATS, as_dataset, read_with_oxigraph, read_with_rdflib,
                                     same_dataset, union)

FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld"]


@pytest.fixture(scope="module")
def expected(small_store):
    return as_dataset(small_store.quads())


@pytest.fixture(scope="module")
def exported(small_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rdf-exports")
    return {name: export(small_store, name, folder / f"kg.{name}") for name in FORMATS}


@pytest.mark.parametrize("reader", [read_with_rdflib, read_with_oxigraph], ids=["rdflib", "pyoxigraph"])
@pytest.mark.parametrize("name", FORMATS)
def test_export_reads_back_isomorphic(exported, expected, name, reader):
    got = reader(exported[name], name)
    if name in DATASET_FORMATS:
        assert same_dataset(expected, got)
    else:
        assert same_dataset({None: union(expected)}, got)


def test_named_graphs_keep_each_documents_evidence_apart(exported, expected):
    got = read_with_oxigraph(exported["trig"], "trig")
    documents = [g for g in got if g is not None and "/doc/" in str(g)]
    assert len(documents) == len([g for g in expected if g is not None and "/doc/" in str(g)]) >= 5


@pytest.mark.slow
def test_whole_demo_graph_reads_back_from_trig(demo_store, tmp_path):
    path = export(demo_store, "trig", tmp_path / "kg.trig")
    assert same_dataset(as_dataset(demo_store.quads()), read_with_oxigraph(path, "trig"))


def test_export_is_deterministic(small_store, exported, tmp_path):
    again = export(small_store, "turtle", tmp_path / "again.ttl")
    assert again.read_bytes() == exported["turtle"].read_bytes()


def test_turtle_uses_the_medkg_prefixes(exported):
    text = exported["turtle"].read_text(encoding="utf-8")
    assert "@prefix mkg: <https://w3id.org/medkg/ontology#> ." in text
    assert "mkc:ankle-sprain mkg:causes" in text or "mkc:ankle-sprain a mkg:Condition" in text


def test_jsonld_is_compact_with_the_shipped_context(exported):
    document = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert document["@context"] == shipped_context()
    graphs = {graph["id"]: graph["@graph"] for graph in document["@graph"]}
    facts = [n for n in graphs["graph:facts"] if n.get("type") == "Fact"]
    assert facts and all(f["relation"] in {iri.split("#")[1] for iri in RELATIONS.values()} for f in facts)
    assert all(isinstance(f["support"], int) and f["subject"].startswith("mkc:") for f in facts)
    sprain = next(n for n in graphs["graph:vocabulary"] if n["id"] == "mkc:ankle-sprain")
    assert sprain["type"] == "Condition" and sprain["prefLabel"] == "ankle sprain"


def test_shipped_context_names_every_type_and_relation():
    context = shipped_context()
    expanded = {value if isinstance(value, str) else value["@id"] for value in context.values()}
    for iri in [*RELATIONS.values(), *TYPES.values()]:
        assert f"mkg:{str(iri).split('#')[1]}" in expanded


def test_a_failed_export_leaves_the_previous_file(small_store, tmp_path, monkeypatch):
    target = tmp_path / "kg.ttl"
    target.write_text("previous", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("medkg.exporters.rdf.ox.serialize", broken)
    with pytest.raises(OSError, match="disk full"):
        export(small_store, "turtle", target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]
