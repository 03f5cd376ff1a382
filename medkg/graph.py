"""How extractions become RDF: document graphs, evidence, and merged facts.

Each document's metadata, evidence and candidate terms go in a named graph whose
name is the document's IRI, so removing or replacing a document is dropping one
graph. Facts merged over all documents live in the ``facts`` graph: the plain
triple (``ankle-sprain mkg:causes ankle-pain``) for simple SPARQL, and a
:data:`MKG.Fact` node with its support (number of documents) and confidence
(noisy-OR over documents of each document's best evidence).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV

from medkg.extractors.document import Assertion, SourceDocument
from medkg.extractors.pipeline import Extraction
from medkg.ontology.lexicon import Lexicon, ontology_triples
from medkg.ontology.namespace import CANDIDATE, EVIDENCE, FACT, GRAPH, MKG, RELATIONS
from medkg.store.base import Quad, Store, TextQuad
from medkg.store.terms import to_ox
from medkg.text import normalize

__all__ = ["DocumentGraph", "FactMeasures", "FACTS_GRAPH", "VOCABULARY_GRAPH", "fact_iri", "document_nquads",
           "document_metadata", "vocabulary_quads",
           "noisy_or", "evidence_rows", "refresh_facts", "fact_changes", "contributions_of",
           "stored_contributions", "collect_contributions", "Contributions"]

FACTS_GRAPH = GRAPH.facts
VOCABULARY_GRAPH = GRAPH.vocabulary



@lru_cache(maxsize=1 << 16)
def _iri(value: str) -> ox.NamedNode:
    """A pyoxigraph IRI; graphs are written with pyoxigraph terms, ten times cheaper
    to make than rdflib's (see :mod:`medkg.store.terms`)."""
    return ox.NamedNode(value)


@lru_cache(maxsize=None)
def _mkg(name: str) -> ox.NamedNode:
    return _iri(str(MKG[name]))


_INTEGER, _DOUBLE, _BOOLEAN = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.double, XSD.boolean))
_TRUE, _FALSE = ox.Literal("true", datatype=_BOOLEAN), ox.Literal("false", datatype=_BOOLEAN)


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INTEGER)


def _double(value: float) -> ox.Literal:
    return ox.Literal(repr(float(value)), datatype=_DOUBLE)


@lru_cache(maxsize=1 << 16)
def fact_iri(subject: URIRef, relation: str, object_: URIRef) -> URIRef:
    """The stable IRI of the fact (subject, relation, object) (cached: a build asks
    for each assertion's twice, and facts recur across documents)."""
    key = f"{subject}|{relation}|{object_}".encode()
    return FACT[hashlib.sha1(key).hexdigest()[:24]]


def noisy_or(confidences: Iterable[float]) -> float:
    """The chance that at least one of independent sources is right."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - c
    return 1.0 - miss


def document_metadata(document: SourceDocument) -> Iterator[TextQuad]:
    """A document's own description, in its named graph, in N-Triples form. Written
    last, in one transaction with the removal of the document's previous version, it
    is the commit mark of the document: evidence of a graph without it is ignored and
    cleaned up."""
    g = _term(str(document.iri))
    yield g, _term(str(RDF.type)), _mkg_term("Document"), g
    yield g, _mkg_term("contentHash"), str(_text(document.digest)), g
    yield g, _mkg_term("path"), str(_text(document.path)), g
    yield g, _term(str(DCTERMS.identifier)), str(_text(document.name)), g
    if document.title:
        yield g, _term(str(DCTERMS.title)), str(_text(document.title)), g
    if document.url:
        yield g, _term(str(DCTERMS.source)), str(_text(document.url)), g


@lru_cache(maxsize=1 << 16)
def _term(iri: str) -> str:
    """An IRI in its N-Quads form (pyoxigraph escapes it)."""
    return str(_iri(iri))


@lru_cache(maxsize=None)
def _mkg_term(name: str) -> str:
    """A term of our ontology in its N-Triples form."""
    return str(_mkg(name))


@lru_cache(maxsize=1 << 12)
def _literal(value: str | float) -> str:
    """A short, often repeated literal (rule name, confidence) in its N-Quads form."""
    return str(_double(value) if isinstance(value, float) else _text(value))


def _line(s: str, p: str, o: str, g: str) -> str:
    return f"{s} {p} {o} {g} .\n"


def document_nquads(extraction: Extraction) -> tuple[str, int]:
    """The named graph of one document, its evidence and candidate terms (see
    :func:`document_metadata` for the rest), as N-Quads text and its number of quads.

    Text rather than term objects: the store parses it in native code, and lines
    formatted from cached term strings cost a fifth of making pyoxigraph quads
    (measured: 0.3 against 2.2 s for 560,000 quads), in a worker or in the writer.
    """
    doc = extraction.document
    g = _term(str(doc.iri))
    structure = extraction.structure
    a, derived, evidence_type, evidence_for, subject, relation, object_, sentence_text, start, end, rule, \
        confidence, hedged, section = (_term(str(RDF.type)), _term(str(PROV.wasDerivedFrom)), *(
            _term(str(MKG[n])) for n in ("Evidence", "evidenceFor", "subject", "relation", "object", "sentence",
                                         "startOffset", "endOffset", "rule", "confidence", "hedged", "section")))
    true, false = str(_TRUE), str(_FALSE)
    prefix = f"<{EVIDENCE}{doc.digest[:24]}-"
    lines: list[str] = []
    #: a sentence's properties, made once however many assertions it carries
    sentences: dict[int, list[tuple[str, str]]] = {}
    for number, assertion in enumerate(extraction.annotations.assertions):
        about = sentences.get(assertion.sentence)
        if about is None:
            sentence = structure.sentences[assertion.sentence]
            block = structure.blocks[sentence.block]
            about = sentences[assertion.sentence] = [(p, str(v)) for p, v in (
                (sentence_text, _text(sentence.text)), (start, _integer(sentence.start)),
                (end, _integer(sentence.end)),
                *([(section, _text(structure.blocks[block.section[-1]].text))] if block.section else []))]
        e = f"{prefix}{number}>"
        lines += (
            _line(e, a, evidence_type, g),
            _line(e, evidence_for, _term(str(fact_iri(assertion.subject, assertion.relation, assertion.object))), g),
            _line(e, subject, _term(str(assertion.subject)), g),
            _line(e, relation, _term(str(RELATIONS[assertion.relation])), g),
            _line(e, object_, _term(str(assertion.object)), g),
            _line(e, derived, g, g),
            _line(e, rule, _literal(assertion.rule), g),
            _line(e, confidence, _literal(float(assertion.confidence)), g),
            _line(e, hedged, true if assertion.hedged else false, g),
            *(_line(e, p, v, g) for p, v in about))
    counts: dict[str, list] = defaultdict(list)
    for c in extraction.annotations.candidates:
        counts[normalize(c.text)].append(c)
    for key, group in counts.items():
        first = group[0]
        iri = _term(str(CANDIDATE[f"{doc.digest[:16]}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"]))
        lines += (_line(iri, a, _term(str(MKG.Candidate)), g),
                  _line(iri, _term(str(MKG.text)), str(_text(first.text)), g),
                  _line(iri, rule, _literal(first.relation), g),
                  _line(iri, _term(str(MKG["count"])), str(_integer(len(group))), g),
                  _line(iri, sentence_text, str(_text(structure.sentences[first.sentence].text)), g),
                  _line(iri, derived, g, g))
    return "".join(lines), len(lines)


@dataclass
class DocumentGraph:
    """What a build writes for one extracted document: its description, what it says
    of each fact, and its named graph as N-Quads text (cheap to send from a worker
    process, and parsed by the store in native code)."""

    #: the document, without its text (written graphs do not carry it)
    document: SourceDocument
    assertions: list[Assertion]
    nquads: str = ""
    #: the number of quads in ``nquads``
    size: int = 0

    @classmethod
    def of(cls, extraction: Extraction) -> DocumentGraph:
        nquads, size = document_nquads(extraction)
        return cls(replace(extraction.document, text=""), extraction.annotations.assertions, nquads, size)


def vocabulary_quads(lexicon: Lexicon) -> Iterator[Quad]:
    """The ontology and vocabulary, plus a normalised label per label for fast look-up."""
    g = _iri(str(VOCABULARY_GRAPH))
    for s, p, o in (*ontology_triples(), *lexicon.triples):
        yield to_ox(s), to_ox(p), to_ox(o), g
    normalized = _iri(str(MKG.normalizedLabel))
    for concept in lexicon:
        for key in {normalize(label) for label in concept.labels}:
            yield _iri(str(concept.iri)), normalized, _text(key), g


_EVIDENCE_QUERY = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?fact ?s ?rel ?o ?doc ?conf WHERE {
  %s
  ?doc a mkg:Document .
  ?e prov:wasDerivedFrom ?doc ; mkg:evidenceFor ?fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
     mkg:confidence ?conf .
}"""

_DOCUMENT_EVIDENCE = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?fact ?s ?rel ?o ?doc ?conf WHERE {
  %s
  GRAPH ?g { ?e mkg:evidenceFor ?fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
                prov:wasDerivedFrom ?doc ; mkg:confidence ?conf }
}"""

_AGGREGATES = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?fact ?support ?conf WHERE {
  %s
  GRAPH <%s> { ?fact mkg:support ?support ; mkg:confidence ?conf }
}"""

#: IRIs per VALUES block: queries about many facts or documents are asked in chunks
_CHUNK = 500

#: what documents say of facts: fact -> (subject, relation IRI, object, {document: best confidence})
Contributions = dict[URIRef, tuple[URIRef, URIRef, URIRef, dict[URIRef, float]]]


def _values(variable: str, iris: Collection[URIRef]) -> str:
    """A VALUES block of IRIs, each written in its escaped N-Triples form."""
    return f"VALUES ?{variable} {{ {' '.join(str(to_ox(URIRef(i))) for i in iris)} }}"


def _chunks(iris: Collection[URIRef]) -> Iterator[list[URIRef]]:
    ordered = sorted(iris)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def collect_contributions(rows: Iterable[tuple[URIRef, URIRef, URIRef, URIRef, URIRef, float]],
                          into: Contributions | None = None) -> Contributions:
    """Evidence rows (see :func:`evidence_rows`) grouped by fact, with each document's
    best confidence."""
    found: Contributions = {} if into is None else into
    for fact, s, rel, o, doc, conf in rows:
        per_doc = found.setdefault(fact, (s, rel, o, {}))[3]
        per_doc[doc] = max(conf, per_doc.get(doc, 0.0))
    return found


def evidence_rows(store: Store) -> list[tuple[URIRef, URIRef, URIRef, URIRef, URIRef, float]]:
    """(fact, subject, relation IRI, object, document, confidence) for every evidence
    of a committed document."""
    return [(r.fact, r.s, r.rel, r.o, r.doc, float(r.conf)) for r in store.query(_EVIDENCE_QUERY % "")]


def contributions_of(graphs: Iterable[DocumentGraph], into: Contributions | None = None) -> Contributions:
    """What extracted (not yet stored) documents say of each fact (added to ``into``)."""
    return collect_contributions((row for graph in graphs for row in _assertion_rows(graph)), into)


def _assertion_rows(graph: DocumentGraph) -> Iterator[tuple[URIRef, URIRef, URIRef, URIRef, URIRef, float]]:
    """Evidence rows (see :func:`evidence_rows`) of an extracted document. Its IRI, an
    rdflib term made from its digest on every access, is made once rather than per
    assertion (0.9 of 2.6 s of grouping in a 12 MB build's writes)."""
    doc = graph.document.iri
    for a in graph.assertions:
        yield fact_iri(a.subject, a.relation, a.object), a.subject, RELATIONS[a.relation], a.object, doc, a.confidence


def stored_contributions(store: Store, documents: Collection[URIRef]) -> Contributions:
    """What stored documents say of each fact (read from their graphs only)."""
    found: Contributions = {}
    for chunk in _chunks(documents):
        rows = store.query(_DOCUMENT_EVIDENCE % _values("g", chunk))
        collect_contributions(((r.fact, r.s, r.rel, r.o, r.doc, float(r.conf)) for r in rows), found)
    return found


def _fact_identity(fact: URIRef, s: URIRef, rel: URIRef, o: URIRef) -> list[TextQuad]:
    """The quads of a fact that never change: the plain triple and what the node is.

    Facts are written in N-Triples form, formatted from cached term strings, rather
    than as pyoxigraph terms that the store's update text writes out again (see
    :meth:`medkg.store.Store.replace_text`)."""
    g, f, s, rel, o = (_term(str(t)) for t in (FACTS_GRAPH, fact, s, rel, o))
    return [(s, rel, o, g), (f, _term(str(RDF.type)), _mkg_term("Fact"), g), (f, _mkg_term("subject"), s, g),
            (f, _mkg_term("relation"), rel, g), (f, _mkg_term("object"), o, g)]


def _fact_measures(fact: URIRef, support: int, confidence: float) -> list[TextQuad]:
    """The quads of a fact that documents coming and going change."""
    g, f = _term(str(FACTS_GRAPH)), _term(str(fact))
    return [(f, _mkg_term("support"), str(_integer(support)), g),
            (f, _mkg_term("confidence"), str(_double(confidence)), g)]


def _fact_node(fact: URIRef, s: URIRef, rel: URIRef, o: URIRef, support: int, confidence: float
               ) -> list[TextQuad]:
    return [*_fact_identity(fact, s, rel, o), *_fact_measures(fact, support, confidence)]


def _fact_text_quads(store: Store) -> Iterator[TextQuad]:
    """The whole merged facts graph, computed from all evidence in the store."""
    for fact, (s, rel, o, per_doc) in collect_contributions(evidence_rows(store)).items():
        yield from _fact_node(fact, s, rel, o, len(per_doc), noisy_or(per_doc.values()))


def fact_changes(store: Store, added: Contributions, removed: Contributions,
                 known: FactMeasures | None = None) -> tuple[list[TextQuad], list[TextQuad]]:
    """(quads to delete, quads to add), in N-Triples form, that update the facts graph
    when documents saying ``added`` come in and documents saying ``removed`` go: each
    touched fact's support moves by the number of documents, and its noisy-OR
    confidence is multiplied in or divided out, so the cost follows the documents
    that change, not the evidence already in the store. A fact left without support
    is removed.

    ``known`` (kept by the one writer of a build) spares the store look-ups of facts
    it knows and is updated with the new measures.
    """
    wanted = added.keys() | removed.keys()
    current: dict[URIRef, tuple[int, float]] = {}
    if known is not None:
        current = {fact: known.measures[fact] for fact in wanted if fact in known.measures}
    missing = set() if known is not None and known.complete else wanted - current.keys()
    for chunk in _chunks(missing):
        for r in store.query(_AGGREGATES % (_values("fact", chunk), FACTS_GRAPH)):
            current[r.fact] = (int(r.support), float(r.conf))
    old: list[TextQuad] = []
    new: list[TextQuad] = []
    for fact in added.keys() | removed.keys():
        s, rel, o = (added.get(fact) or removed[fact])[:3]  # a fact's IRI is the hash of these
        support, confidence = current.get(fact, (0, 0.0))
        miss = 1.0 - confidence
        for per_doc, sign in ((removed.get(fact, (0, 0, 0, {}))[3], -1), (added.get(fact, (0, 0, 0, {}))[3], 1)):
            for c in per_doc.values():
                support += sign
                miss = miss / max(1.0 - c, 1e-9) if sign < 0 else miss * (1.0 - c)
        # only what changes is rewritten: a fact's measures, or the whole fact when it
        # comes or goes
        if fact in current:
            old += _fact_measures(fact, *current[fact])
            if support <= 0:
                old += _fact_identity(fact, s, rel, o)
        elif support > 0:
            new += _fact_identity(fact, s, rel, o)
        if support > 0:
            measures = (support, min(1.0, max(0.0, 1.0 - miss)))
            new += _fact_measures(fact, *measures)
            if known is not None:
                known.measures[fact] = measures
        elif known is not None:
            known.measures.pop(fact, None)
    return old, new


@dataclass
class FactMeasures:
    """Support and confidence of the facts a build has written or read, so that its
    later batches need not ask the store again. ``complete`` when the build started
    with no facts: then a fact not in ``measures`` is not in the store either. Only
    valid while the build is the store's one writer (it holds the store's lock)."""

    complete: bool = False
    measures: dict[URIRef, tuple[int, float]] = field(default_factory=dict)


def refresh_facts(store: Store) -> list[TextQuad]:
    """Recompute the whole facts graph from the evidence, in one transaction; the
    quads written, in N-Triples form."""
    facts = list(_fact_text_quads(store))
    store.replace_text(remove_graphs=[FACTS_GRAPH], add=facts)
    return facts
