"""The interface every medkg store backend implements.

A store holds an RDF dataset: one named graph per source document (its evidence and
metadata), a graph for the vocabulary and one for the merged facts. Queries see the
union of all graphs as their default graph. Terms crossing this interface are rdflib
terms, whatever the engine underneath.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar

from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Identifier, Node, URIRef

from medkg.exceptions import QueryError

__all__ = ["Store", "Quad", "TextQuad", "Values", "Triple", "check_query_is_safe", "nquads_text", "PREFIXES"]

#: prefixes every query may use without declaring them
PREFIXES = {
    "mkg": "https://w3id.org/medkg/ontology#",
    "mkc": "https://w3id.org/medkg/concept/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

Triple = tuple[Node, Node, Node]
#: subject, predicate, object, graph name (``None`` is the default graph)
Quad = tuple[Node, Node, Node, "URIRef | None"]
#: a quad as the N-Triples forms of its subject, predicate, object and graph name
#: (``""`` for the default graph), as pyoxigraph writes terms (escaped): how the build
#: hands over the quads it formats from cached strings (see :meth:`Store.replace_text`)
TextQuad = tuple[str, str, str, str]
#: a SELECT query's variable names and rows of plain values (see :meth:`Store.values`)
Values = tuple[list[str], list[tuple["str | None", ...]]]

_FORBIDDEN = ("SERVICE", "LOAD")


#: an IRI written in full: no keyword can be inside one ("<.../reduced-training-load>")
_IRI = re.compile(r"<[^<>\s\"{}|^`\\]*>")


def check_query_is_safe(sparql: str) -> None:
    """Refuse queries that could reach out of the store (``SERVICE``, ``LOAD``).

    Both engines evaluate these by making network or file requests; we refuse them
    before evaluation. A keyword inside a string literal is refused too: better a
    false refusal than a request; inside a full IRI it is a name (a concept such as
    ``<https://w3id.org/medkg/concept/reduced-training-load>``), not a keyword.
    """
    bare = _IRI.sub(" ", sparql)
    found = [kw for kw in _FORBIDDEN if re.search(rf"\b{kw}\b", bare, re.IGNORECASE)]
    if found:
        raise QueryError(f"queries with {', '.join(found)} are not allowed: medkg queries only its own store")


class Store(ABC):
    """A dataset of medkg graphs on disk or in memory.

    Args:
        location: where the store lives (a directory), or ``None`` for memory.
        create: create the store if it does not exist.
        read_only: open for queries only; several readers may share a store.
    """

    #: registry name of the backend
    name: ClassVar[str]

    def __init__(self, location: str | None, *, create: bool = False, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only

    @abstractmethod
    def replace(self, *, remove_graphs: Iterable[URIRef] = (), remove: Iterable[Quad] = (),
                add: Iterable[Quad] = ()) -> None:
        """In one transaction, drop the named graphs ``remove_graphs``, delete the quads
        ``remove`` and add the quads ``add``.

        Either everything is written or nothing is: a crash leaves the previous state.
        Terms may be rdflib or pyoxigraph terms (the fast path for bulk writes).
        """

    def replace_text(self, *, remove_graphs: Iterable[URIRef] = (), remove: Iterable[TextQuad] = (),
                     add: Iterable[TextQuad] = ()) -> None:
        """:meth:`replace`, with the quads to delete and add already in N-Triples form.

        The path for the build's transactions: their quads (facts, commit marks) are
        formatted from cached term strings, and backends that speak SPARQL or N-Quads
        write the text as it is, rather than make term objects only to write each
        term out again (the Python side of a 12 MB build's commits: 2.5-3.5 s against
        5.6-6.3 s). Backends without such a path parse the text. The strings must
        come from escaped terms (:data:`TextQuad`), never from user text.
        """
        self.replace(remove_graphs=remove_graphs, remove=_parsed(remove), add=_parsed(add))

    def stage(self, quads: Iterable[Quad]) -> None:
        """Write quads fast, without a transaction of their own.

        For bulk data that is invisible until a later :meth:`replace` commits its
        marker (a document's metadata); a crash may leave part of it, which the next
        build removes. Backends without a faster path write atomically anyway.
        """
        self.replace(add=quads)

    def stage_nquads(self, data: str) -> None:
        """:meth:`stage` the quads of an N-Quads text (backends with a native parser
        read it without making Python objects)."""
        self.stage(_parse_nquads(data))

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs; values go in ``bindings``
        (never into the query text). Backends that bind through a ``VALUES`` block
        (:mod:`medkg.store.bindings`) also take several values for one variable."""

    def values(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Values:
        """A SELECT query's variables and rows of plain values (IRIs and lexical forms
        as strings, ``None`` where unbound): the internal path for code that needs no
        rdflib terms, as making them costs more than the query (measured: 130 of
        200 ms for 5,000 rows). Backends with native terms override it."""
        result = self.query(sparql, bindings)
        variables = [str(v) for v in result.vars or ()]
        return variables, [tuple(None if row[v] is None else str(row[v]) for v in variables) for row in result]

    @abstractmethod
    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Every quad, or those of one named graph."""

    @abstractmethod
    def graph_names(self) -> set[URIRef]:
        """The names of the named graphs."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of quads."""

    def triples_graph(self, graph: URIRef | None = None) -> Graph:
        """The quads (of one graph, or all) as an rdflib :class:`Graph` (union of graphs)."""
        g = Graph()
        for s, p, o, _ in self.quads(graph):
            g.add((s, p, o))
        return g

    def close(self) -> None:
        """Release the store (its lock, its files)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def nquads_text(quads: Iterable[TextQuad]) -> str:
    """Quads in N-Triples form as an N-Quads document."""
    return "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in quads)


def _parse_nquads(data: str) -> Iterator[Quad]:
    """The quads of an N-Quads text, as pyoxigraph terms (the default graph as ``None``)."""
    import pyoxigraph as ox

    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
        yield quad.subject, quad.predicate, quad.object, graph


def _parsed(quads: Iterable[TextQuad]) -> list[Quad]:
    return list(_parse_nquads(nquads_text(quads)))
