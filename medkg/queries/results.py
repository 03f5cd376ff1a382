"""Query results as text: SPARQL JSON, XML, CSV and TSV, graphs as RDF, tables for people.

The result formats follow the SPARQL 1.1 specifications (JSON and XML through
rdflib's serializers; TSV writes terms in their N-Triples form, which rdflib does
not serialise). CONSTRUCT and DESCRIBE results are graphs and come out as Turtle,
N-Triples or JSON-LD (JSON-LD without any remote ``@context``: nothing is fetched).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, NamespaceManager
from rdflib.query import Result
from rdflib.term import Node

from medkg.exceptions import QueryError
from medkg.ontology.namespace import CONCEPT, DOC, EVIDENCE, FACT, GRAPH, MKG

__all__ = ["SOLUTION_FORMATS", "GRAPH_FORMATS", "serialize", "render", "text_table", "result_table", "short"]

#: result formats of SELECT and ASK queries, by name, with their media types
SOLUTION_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: result formats of CONSTRUCT and DESCRIBE queries (graphs), by name, with their media types
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "ntriples": "application/n-triples",
}
_RDFLIB_NAMES = {"turtle": "turtle", "json-ld": "json-ld", "ntriples": "nt11"}


def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in (("mkg", MKG._NS), ("mkc", CONCEPT), ("doc", DOC), ("fact", FACT),
                              ("evidence", EVIDENCE), ("graph", GRAPH), ("skos", SKOS), ("prov", PROV),
                              ("dcterms", DCTERMS), ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD)):
        manager.bind(prefix, namespace)
    return manager


_NAMESPACES = _namespaces()


def short(term: Node | None) -> str:
    """A term as a person reads it: ``mkc:ankle-pain``, a literal's plain text, ``""`` if unbound."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    return term.n3(_NAMESPACES)


def _graph(result: Result) -> Graph:
    graph = result.graph if result.graph is not None else Graph()
    for prefix, namespace in _NAMESPACES.namespaces():
        graph.bind(prefix, namespace)
    return graph


def _rows(result: Result, max_rows: int | None) -> list:
    rows = list(result.bindings)
    return rows if max_rows is None else rows[:max_rows]


def _delimited(result: Result, delimiter: str, max_rows: int | None) -> bytes:
    buffer = io.StringIO()
    if result.type == "ASK":
        return b"true\n" if result.askAnswer else b"false\n"
    names = [str(v) for v in result.vars or []]
    if delimiter == "\t":  # SPARQL TSV: ?-prefixed header, terms in N-Triples form
        buffer.write("\t".join("?" + n for n in names) + "\n")
        for row in _rows(result, max_rows):
            buffer.write("\t".join(row[v].n3() if row.get(v) is not None else "" for v in result.vars) + "\n")
    else:
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for row in _rows(result, max_rows):
            writer.writerow(["" if row.get(v) is None else str(row[v]) for v in result.vars])
    return buffer.getvalue().encode("utf-8")


def serialize(result: Result, format: str, *, max_rows: int | None = None) -> bytes:
    """``result`` in ``format``: a key of :data:`SOLUTION_FORMATS` for SELECT and ASK
    results, of :data:`GRAPH_FORMATS` for CONSTRUCT and DESCRIBE results.

    Args:
        result: a query result.
        format: the format name.
        max_rows: keep at most this many solutions.

    Raises:
        QueryError: the format does not fit the kind of result; the message lists those that do.
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if format not in GRAPH_FORMATS:
            raise QueryError(f"a {result.type} result cannot be written as {format!r}; "
                             f"choose one of: {', '.join(GRAPH_FORMATS)}")
        return _graph(result).serialize(format=_RDFLIB_NAMES[format], encoding="utf-8")
    if format not in SOLUTION_FORMATS:
        raise QueryError(f"a {result.type} result cannot be written as {format!r}; "
                         f"choose one of: {', '.join(SOLUTION_FORMATS)}")
    if format in ("csv", "tsv"):
        return _delimited(result, "," if format == "csv" else "\t", max_rows)
    if max_rows is not None and result.type == "SELECT":
        result.bindings = _rows(result, max_rows)
    return result.serialize(format=format)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, max_width: int = 48) -> str:
    """Rows as a plain-text table with a header line, cells cut to ``max_width`` characters.

    Example:
        >>> print(text_table(["cause", "docs"], [["ankle sprain", 2]]))
        cause         docs
        ------------  ----
        ankle sprain  2
    """
    def cell(value: object) -> str:
        text = " ".join(str(value).split())
        return text if len(text) <= max_width else text[:max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def result_table(result: Result) -> str:
    """A query result as a readable table (a graph result as Turtle)."""
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return serialize(result, "turtle").decode("utf-8")
    variables = list(result.vars or [])
    rows = [[short(row.get(v)) for v in variables] for row in result.bindings]
    return text_table([str(v) for v in variables], rows) + f"\n({len(rows)} rows)"


def render(result: Result, format: str) -> str:
    """``result`` as text for a terminal: ``table`` (a graph as Turtle) or a name of
    :data:`SOLUTION_FORMATS` (for a graph result, ``json`` gives JSON-LD).

    Raises:
        QueryError: the format does not fit the kind of result.
    """
    graph = result.type in ("CONSTRUCT", "DESCRIBE")
    if format == "table":
        return result_table(result) + ("" if graph else "\n")
    if graph and format == "json":
        format = "json-ld"
    return serialize(result, format).decode("utf-8")
