"""Conversion between rdflib terms (medkg's public API) and pyoxigraph terms (the
default engine's, and the fast path for writing: graph building makes pyoxigraph
terms directly, which costs a tenth of making rdflib terms)."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from medkg.exceptions import StoreError

__all__ = ["to_ox", "from_ox", "OX_TERMS"]

OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (a pyoxigraph term is returned as it is)."""
    if isinstance(term, OX_TERMS):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store term {term!r} of type {type(term).__name__}")


def from_ox(term: object) -> Node | None:
    """A pyoxigraph term as an rdflib term (``None`` for the default graph)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.DefaultGraph) or term is None:
        return None
    raise StoreError(f"cannot read term {term!r}")


