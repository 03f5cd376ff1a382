"""OWL reasoning with owlready2 and HermiT: is a graph consistent with the ontology?

owlready2 follows ``owl:imports`` and its ``python_module`` annotation even for local
files (see shared NOTES), so both are stripped before loading. HermiT needs Java.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import OWL, Graph, URIRef
from rdflib.term import Node

from medkg.exceptions import MedkgError

__all__ = ["to_owl_file", "check_consistency", "Inconsistent"]

_PYTHON_MODULE = URIRef("http://www.lesfleursdunormal.fr/static/_downloads/owlready_ontology.owl#python_module")


class Inconsistent(MedkgError):
    """Raised when the reasoner finds the ontology and data inconsistent."""


def to_owl_file(triples: Iterable[tuple[Node, Node, Node]], path: Path) -> Path:
    """Write ``triples`` as RDF/XML (the format Protégé and owlready2 read best)."""
    graph = Graph()
    for s, p, o in triples:
        if p in (OWL.imports, _PYTHON_MODULE):
            continue
        graph.add((s, p, o))
    graph.serialize(path, format="xml")
    return path


def check_consistency(triples: Iterable[tuple[Node, Node, Node]]) -> int:
    """Load ``triples`` in owlready2 and run HermiT; return the number of classes.

    Raises:
        Inconsistent: HermiT finds the ontology inconsistent.
    """
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = to_owl_file(triples, Path(tmp) / "medkg.owl")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as err:
            raise Inconsistent(f"the reasoner found the graph inconsistent: {err}") from err
        return len(list(onto.classes()))
