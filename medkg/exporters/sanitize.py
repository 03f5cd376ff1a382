"""Making text and RDF terms safe for every export format, in one place.

Text in a store can hold characters that some formats cannot carry: C0 and C1
control characters (XML 1.0 forbids most of them, and RDF/XML or GraphML written
with them cannot be read back), lone surrogates (not encodable as UTF-8) and the
non-characters U+FFFE and U+FFFF. Every exporter passes its text and terms through
this module so that everything written reads back. Line breaks are kept, turned into
``\\n`` (XML readers normalise ``\\r\\n`` to ``\\n``) or into spaces (one-line CSV and
TSV cells), as the target format needs.

Example:
    >>> sanitize_text("knee\\x0bpain\\ud800 \\u819d")
    'kneepain \\u819d'
    >>> sanitize_text("a\\r\\nb\\tc", line_breaks="space")
    'a b c'
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from rdflib import OWL, BNode, Literal, URIRef
from rdflib.term import Node

from medkg.store.base import Quad, Triple
from medkg.text import LineBreaks, sanitize_text

__all__ = ["LINKS_FOLLOWED_BY_READERS", "LineBreaks", "sanitize_text", "sanitize_iri", "sanitize_term",
           "sanitize_triples", "sanitize_quads"]


#: predicates that make OWL tools fetch or run something when they load a file: owl:imports
#: (Protégé, owlready2) and owlready2's python_module annotation (see NOTES.md); medkg
#: neither imports nor exports them
LINKS_FOLLOWED_BY_READERS = frozenset({
    OWL.imports,
    URIRef("http://www.lesfleursdunormal.fr/static/_downloads/owlready_ontology.owl#python_module"),
})

_SURROGATES = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: characters RFC 3987 does not allow in an IRI, plus what sanitize_text removes from text
_NOT_IN_IRI = re.compile('[\x00-\x20<>"{}|\\\\^`\x7f-\x9f]')
_BNODE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*")


def _percent_encode(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def sanitize_iri(iri: str) -> str:
    """``iri`` with lone surrogates dropped and characters an IRI may not hold
    (spaces, ``<>"{}|\\^```, controls) percent-encoded."""
    if not _NOT_IN_IRI.search(iri) and not _SURROGATES.search(iri):
        return iri
    return _NOT_IN_IRI.sub(_percent_encode, _SURROGATES.sub("", iri))


def sanitize_term(term: Node, *, line_breaks: LineBreaks = "keep") -> Node:
    """An RDF term whose IRI or lexical form every format can carry; datatype and
    language are kept, and a term that needs no change is returned as it is."""
    if isinstance(term, Literal):
        value = sanitize_text(str(term), line_breaks=line_breaks)
        datatype = sanitize_iri(str(term.datatype)) if term.datatype else None
        if value == str(term) and datatype == term.datatype:
            return term
        if term.language:
            return Literal(value, lang=term.language)
        return Literal(value, datatype=URIRef(datatype) if datatype else None)
    if isinstance(term, URIRef):
        iri = sanitize_iri(str(term))
        return term if iri == str(term) else URIRef(iri)
    if isinstance(term, BNode) and not _BNODE_ID.fullmatch(str(term)):
        return BNode("b" + hashlib.sha1(str(term).encode("utf-8", "surrogatepass")).hexdigest()[:24])
    return term


def sanitize_triples(triples: Iterable[Triple], *, line_breaks: LineBreaks = "keep") -> Iterator[Triple]:
    """Every triple with its terms sanitised (see :func:`sanitize_term`)."""
    for s, p, o in triples:
        yield (sanitize_term(s, line_breaks=line_breaks), sanitize_term(p, line_breaks=line_breaks),
               sanitize_term(o, line_breaks=line_breaks))


def sanitize_quads(quads: Iterable[Quad], *, line_breaks: LineBreaks = "keep") -> Iterator[Quad]:
    """Every quad with its terms sanitised; the default graph (``None``) stays ``None``."""
    for s, p, o, g in quads:
        yield (sanitize_term(s, line_breaks=line_breaks), sanitize_term(p, line_breaks=line_breaks),
               sanitize_term(o, line_breaks=line_breaks),
               None if g is None else sanitize_term(g, line_breaks=line_breaks))
