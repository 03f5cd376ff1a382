"""Real readers for the RDF exports (rdflib and pyoxigraph, each to named graphs), and
the small graphs the round-trip tests use."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode
from rdflib.compare import isomorphic

from medkg.graph import VOCABULARY_GRAPH
from medkg.ontology.namespace import CONCEPT
from medkg.store import Store, open_store
from medkg.store.terms import from_ox

#: format name -> (rdflib parser, pyoxigraph format)
RDF_FORMATS = {
    "turtle": ("turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("nt", ox.RdfFormat.N_TRIPLES),
    "nquads": ("nquads", ox.RdfFormat.N_QUADS),
    "trig": ("trig", ox.RdfFormat.TRIG),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
    "owl": ("xml", ox.RdfFormat.RDF_XML),
    "owl-facts": ("xml", ox.RdfFormat.RDF_XML),
}
#: formats that keep named graphs
DATASET_FORMATS = {"nquads", "trig", "jsonld"}

Dataset = dict  # graph name (None: default graph) -> rdflib.Graph
DATASET_DEFAULT_GRAPH = rdflib.URIRef("urn:x-rdflib:default")


def as_dataset(quads: Iterable[tuple]) -> Dataset:
    graphs: Dataset = {}
    for s, p, o, g in quads:
        graphs.setdefault(g, rdflib.Graph()).add((s, p, o))
    return graphs


def union(dataset: Dataset) -> rdflib.Graph:
    merged = rdflib.Graph()
    for graph in dataset.values():
        for triple in graph:
            merged.add(triple)
    return merged


def read_with_rdflib(path: Path, name: str) -> Dataset:
    parser = RDF_FORMATS[name][0]
    if name in DATASET_FORMATS:
        data = rdflib.Dataset()
        data.parse(path, format=parser)
        return as_dataset((s, p, o, None if g == DATASET_DEFAULT_GRAPH else g) for s, p, o, g in data.quads())
    return {None: rdflib.Graph().parse(path, format=parser)}


def read_with_oxigraph(path: Path, name: str) -> Dataset:
    return as_dataset((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name))
                      for q in ox.parse(path=str(path), format=RDF_FORMATS[name][1]))


def _split(graph: rdflib.Graph) -> tuple[set, rdflib.Graph]:
    ground, blank = set(), rdflib.Graph()
    for triple in graph:
        if any(isinstance(term, BNode) for term in triple):
            blank.add(triple)
        else:
            ground.add(triple)
    return ground, blank


def same_graph(expected: rdflib.Graph, got: rdflib.Graph) -> bool:
    """Isomorphic: the same triples without blank nodes, and ``rdflib.compare.isomorphic``
    triples with them (the same verdict as ``isomorphic`` on the whole graph, which is
    slow on tens of thousands of triples)."""
    expected_ground, expected_blank = _split(expected)
    got_ground, got_blank = _split(got)
    return expected_ground == got_ground and isomorphic(expected_blank, got_blank)


def same_dataset(expected: Dataset, got: Dataset) -> bool:
    """The same graph names, each graph isomorphic to its counterpart."""
    return set(expected) == set(got) and all(same_graph(expected[g], got[g]) for g in expected)


def small_copy(store: Store) -> Store:
    """An in-memory copy of ``store`` whose vocabulary graph keeps only the ontology and
    the concepts that facts or evidence mention: a complete medkg graph, a fifth the size."""
    quads = list(store.quads())
    used = {o for _, _, o, g in quads if g != VOCABULARY_GRAPH and str(o).startswith(str(CONCEPT))}
    kept = [q for q in quads if q[3] != VOCABULARY_GRAPH or not str(q[0]).startswith(str(CONCEPT)) or q[0] in used]
    copy = open_store("memory:")
    copy.replace(add=kept)
    return copy
