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

from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV

from medkg.extractors.document import SourceDocument
from medkg.extractors.pipeline import Extraction
from medkg.ontology.lexicon import Lexicon, ontology_triples
from medkg.ontology.namespace import CANDIDATE, EVIDENCE, FACT, GRAPH, MKG, RELATIONS
from medkg.store.base import Quad, Store
from medkg.store.terms import to_ox
from medkg.text import normalize

__all__ = ["FACTS_GRAPH", "VOCABULARY_GRAPH", "fact_iri", "document_quads", "document_metadata", "vocabulary_quads",
           "fact_quads", "noisy_or", "evidence_rows", "facts_of_documents", "refresh_facts", "stored_fact_quads",
           "fact_changes"]

FACTS_GRAPH = GRAPH.facts
VOCABULARY_GRAPH = GRAPH.vocabulary



@lru_cache(maxsize=1 << 16)
def _iri(value: str) -> ox.NamedNode:
    """A pyoxigraph IRI; graphs are written with pyoxigraph terms, ten times cheaper
    to make than rdflib's (see :mod:`medkg.store.terms`)."""
    return ox.NamedNode(value)


def _mkg(name: str) -> ox.NamedNode:
    return _iri(str(MKG[name]))


_INTEGER, _DOUBLE, _BOOLEAN = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.double, XSD.boolean))


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INTEGER)


def _double(value: float) -> ox.Literal:
    return ox.Literal(repr(float(value)), datatype=_DOUBLE)


def fact_iri(subject: URIRef, relation: str, object_: URIRef) -> URIRef:
    """The stable IRI of the fact (subject, relation, object)."""
    key = f"{subject}|{relation}|{object_}".encode()
    return FACT[hashlib.sha1(key).hexdigest()[:24]]


def noisy_or(confidences: Iterable[float]) -> float:
    """The chance that at least one of independent sources is right."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - c
    return round(1.0 - miss, 4)


def document_metadata(document: SourceDocument) -> Iterator[Quad]:
    """A document's own description, in its named graph. Written last, in one
    transaction with the removal of the document's previous version, it is the commit
    mark of the document: evidence of a graph without it is ignored and cleaned up."""
    g = _iri(str(document.iri))
    yield g, _iri(str(RDF.type)), _mkg("Document"), g
    yield g, _mkg("contentHash"), _text(document.digest), g
    yield g, _mkg("path"), _text(document.path), g
    yield g, _iri(str(DCTERMS.identifier)), _text(document.name), g
    if document.title:
        yield g, _iri(str(DCTERMS.title)), _text(document.title), g
    if document.url:
        yield g, _iri(str(DCTERMS.source)), _text(document.url), g


def document_quads(extraction: Extraction) -> Iterator[Quad]:
    """The named graph of one document: its evidence and candidate terms (see
    :func:`document_metadata` for the rest)."""
    doc = extraction.document
    g = _iri(str(doc.iri))
    a, mkg = _iri(str(RDF.type)), _mkg
    structure = extraction.structure
    derived = _iri(str(PROV.wasDerivedFrom))
    for number, assertion in enumerate(extraction.annotations.assertions):
        sentence = structure.sentences[assertion.sentence]
        block = structure.blocks[sentence.block]
        e = _iri(str(EVIDENCE[f"{doc.digest[:24]}-{number}"]))
        yield e, a, mkg("Evidence"), g
        yield e, mkg("evidenceFor"), _iri(str(fact_iri(assertion.subject, assertion.relation, assertion.object))), g
        yield e, mkg("subject"), _iri(str(assertion.subject)), g
        yield e, mkg("relation"), _iri(str(RELATIONS[assertion.relation])), g
        yield e, mkg("object"), _iri(str(assertion.object)), g
        yield e, derived, g, g
        yield e, mkg("sentence"), _text(sentence.text), g
        yield e, mkg("startOffset"), _integer(sentence.start), g
        yield e, mkg("endOffset"), _integer(sentence.end), g
        yield e, mkg("rule"), _text(assertion.rule), g
        yield e, mkg("confidence"), _double(assertion.confidence), g
        yield e, mkg("hedged"), ox.Literal("true" if assertion.hedged else "false", datatype=_BOOLEAN), g
        if block.section:
            yield e, mkg("section"), _text(structure.blocks[block.section[-1]].text), g
    counts: dict[str, list] = defaultdict(list)
    for c in extraction.annotations.candidates:
        counts[normalize(c.text)].append(c)
    for key, group in counts.items():
        first = group[0]
        iri = _iri(str(CANDIDATE[f"{doc.digest[:16]}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"]))
        yield iri, a, mkg("Candidate"), g
        yield iri, mkg("text"), _text(first.text), g
        yield iri, mkg("rule"), _text(first.relation), g
        yield iri, mkg("count"), _integer(len(group)), g
        yield iri, mkg("sentence"), _text(structure.sentences[first.sentence].text), g
        yield iri, derived, g, g


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
  %s
  ?e prov:wasDerivedFrom ?doc ; mkg:evidenceFor ?fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
     mkg:confidence ?conf .
}"""

_FACTS_OF_DOCUMENTS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT DISTINCT ?fact WHERE { %s GRAPH ?g { ?e mkg:evidenceFor ?fact } }"""

_FACT_TRIPLES = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?fact ?p ?o WHERE { %s GRAPH <%s> { ?fact ?p ?o } }"""

#: IRIs per VALUES block: queries about many facts are asked in chunks
_CHUNK = 500


def _values(variable: str, iris: Collection[URIRef]) -> str:
    """A VALUES block of IRIs, each written in its escaped N-Triples form."""
    return f"VALUES ?{variable} {{ {' '.join(str(to_ox(URIRef(i))) for i in iris)} }}"


def _chunks(iris: Collection[URIRef] | None) -> Iterator[list[URIRef] | None]:
    if iris is None:
        yield None
        return
    ordered = sorted(iris)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def evidence_rows(store: Store, facts: Collection[URIRef] | None = None, *,
                  documents: Collection[URIRef] | None = None
                  ) -> list[tuple[URIRef, URIRef, URIRef, URIRef, URIRef, float]]:
    """(fact, subject, relation IRI, object, document, confidence) for every evidence,
    or only for ``facts``; of the committed documents, or of ``documents`` (which lets
    a build count documents it is about to commit)."""
    marked = "?doc a mkg:Document ." if documents is None else ""
    rows = []
    for chunk in _chunks(facts):
        query = _EVIDENCE_QUERY % (_values("fact", chunk) if chunk is not None else "", marked)
        rows += [(r.fact, r.s, r.rel, r.o, r.doc, float(r.conf)) for r in store.query(query)
                 if documents is None or r.doc in documents]
    return rows


def facts_of_documents(store: Store, documents: Collection[URIRef]) -> set[URIRef]:
    """The facts that the documents' graphs hold evidence for."""
    found: set[URIRef] = set()
    for chunk in _chunks(documents):
        if chunk:
            found |= {r.fact for r in store.query(_FACTS_OF_DOCUMENTS % _values("g", chunk))}
    return found


def fact_quads(store: Store, facts: Collection[URIRef] | None = None, *,
               documents: Collection[URIRef] | None = None) -> Iterator[Quad]:
    """The merged facts graph computed from the evidence in the store (all of it, or
    only for ``facts``; a fact left without evidence yields nothing); see
    :func:`evidence_rows` for ``documents``."""
    best: dict[URIRef, dict[URIRef, float]] = defaultdict(dict)
    spo: dict[URIRef, tuple[URIRef, URIRef, URIRef]] = {}
    for fact, s, rel, o, doc, conf in evidence_rows(store, facts, documents=documents):
        spo[fact] = (s, rel, o)
        best[fact][doc] = max(conf, best[fact].get(doc, 0.0))
    g = _iri(str(FACTS_GRAPH))
    a, mkg = _iri(str(RDF.type)), _mkg
    for fact, (s, rel, o) in spo.items():
        per_doc = best[fact]
        f, s, rel, o = (_iri(str(t)) for t in (fact, s, rel, o))
        yield s, rel, o, g
        yield f, a, mkg("Fact"), g
        yield f, mkg("subject"), s, g
        yield f, mkg("relation"), rel, g
        yield f, mkg("object"), o, g
        yield f, mkg("support"), _integer(len(per_doc)), g
        yield f, mkg("confidence"), _double(noisy_or(per_doc.values())), g


def stored_fact_quads(store: Store, facts: Collection[URIRef]) -> list[Quad]:
    """What the facts graph holds now for ``facts``: their nodes and plain triples."""
    g = _iri(str(FACTS_GRAPH))
    quads: list[Quad] = []
    for chunk in _chunks(facts):
        if not chunk:
            continue
        spo: dict[URIRef, dict[str, URIRef]] = defaultdict(dict)
        for r in store.query(_FACT_TRIPLES % (_values("fact", chunk), FACTS_GRAPH)):
            quads.append((to_ox(r.fact), to_ox(r.p), to_ox(r.o), g))
            name = str(r.p).rsplit("#", 1)[-1]
            if name in ("subject", "relation", "object"):
                spo[r.fact][name] = r.o
        quads += [(to_ox(t["subject"]), to_ox(t["relation"]), to_ox(t["object"]), g)
                  for t in spo.values() if len(t) == 3]
    return quads


def fact_changes(store: Store, facts: Collection[URIRef], *, documents: Collection[URIRef] | None = None
                 ) -> tuple[list[Quad], list[Quad]]:
    """(quads to delete, quads to add) that bring ``facts`` up to date with the
    evidence: support and confidence recomputed, facts left without evidence gone."""
    if not facts:
        return [], []
    return stored_fact_quads(store, facts), list(fact_quads(store, facts, documents=documents))


def refresh_facts(store: Store, facts: Collection[URIRef] | None = None) -> None:
    """Bring the facts graph up to date with the evidence, in one transaction: for
    ``facts`` only, or the whole graph when ``facts`` is ``None``."""
    if facts is None:
        store.replace(remove_graphs=[FACTS_GRAPH], add=fact_quads(store))
    else:
        old, new = fact_changes(store, facts)
        store.replace(remove=old, add=new)
