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
from collections.abc import Iterable, Iterator

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from medkg.extractors.pipeline import Extraction
from medkg.ontology.lexicon import Lexicon, ontology_triples
from medkg.ontology.namespace import CANDIDATE, EVIDENCE, FACT, GRAPH, MKG, RELATIONS
from medkg.store.base import Quad, Store
from medkg.text import normalize

__all__ = ["FACTS_GRAPH", "VOCABULARY_GRAPH", "fact_iri", "document_quads", "vocabulary_quads",
           "fact_quads", "noisy_or", "evidence_rows"]

FACTS_GRAPH = GRAPH.facts
VOCABULARY_GRAPH = GRAPH.vocabulary


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


def document_quads(extraction: Extraction) -> Iterator[Quad]:
    """The named graph of one document: metadata, evidence and candidate terms."""
    doc = extraction.document
    g = doc.iri
    yield g, RDF.type, MKG.Document, g
    yield g, MKG.contentHash, Literal(doc.digest), g
    yield g, MKG.path, Literal(doc.path), g
    yield g, DCTERMS.identifier, Literal(doc.name), g
    if doc.title:
        yield g, DCTERMS.title, Literal(doc.title), g
    if doc.url:
        yield g, DCTERMS.source, Literal(doc.url), g
    structure = extraction.structure
    for number, a in enumerate(extraction.annotations.assertions):
        sentence = structure.sentences[a.sentence]
        block = structure.blocks[sentence.block]
        e = EVIDENCE[f"{doc.digest[:24]}-{number}"]
        yield e, RDF.type, MKG.Evidence, g
        yield e, MKG.evidenceFor, fact_iri(a.subject, a.relation, a.object), g
        yield e, MKG.subject, a.subject, g
        yield e, MKG.relation, RELATIONS[a.relation], g
        yield e, MKG.object, a.object, g
        yield e, PROV.wasDerivedFrom, g, g
        yield e, MKG.sentence, Literal(sentence.text), g
        yield e, MKG.startOffset, Literal(sentence.start, datatype=XSD.integer), g
        yield e, MKG.endOffset, Literal(sentence.end, datatype=XSD.integer), g
        yield e, MKG.rule, Literal(a.rule), g
        yield e, MKG.confidence, Literal(a.confidence, datatype=XSD.double), g
        yield e, MKG.hedged, Literal(a.hedged), g
        if block.section:
            yield e, MKG.section, Literal(structure.blocks[block.section[-1]].text), g
    counts: dict[str, list] = defaultdict(list)
    for c in extraction.annotations.candidates:
        counts[normalize(c.text)].append(c)
    for key, group in counts.items():
        first = group[0]
        iri = CANDIDATE[f"{doc.digest[:16]}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"]
        yield iri, RDF.type, MKG.Candidate, g
        yield iri, MKG.text, Literal(first.text), g
        yield iri, MKG.rule, Literal(first.relation), g
        yield iri, MKG.count, Literal(len(group), datatype=XSD.integer), g
        yield iri, MKG.sentence, Literal(structure.sentences[first.sentence].text), g
        yield iri, PROV.wasDerivedFrom, g, g


def vocabulary_quads(lexicon: Lexicon) -> Iterator[Quad]:
    """The ontology and vocabulary, plus a normalised label per label for fast look-up."""
    g = VOCABULARY_GRAPH
    for s, p, o in ontology_triples():
        yield s, p, o, g
    for s, p, o in lexicon.triples:
        yield s, p, o, g
    for concept in lexicon:
        for key in {normalize(label) for label in concept.labels}:
            yield concept.iri, MKG.normalizedLabel, Literal(key), g


_EVIDENCE_QUERY = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?fact ?s ?rel ?o ?doc ?conf WHERE {
  ?e a mkg:Evidence ; mkg:evidenceFor ?fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
     prov:wasDerivedFrom ?doc ; mkg:confidence ?conf .
}"""


def evidence_rows(store: Store) -> list[tuple[URIRef, URIRef, URIRef, URIRef, URIRef, float]]:
    """(fact, subject, relation IRI, object, document, confidence) for every evidence."""
    return [(r.fact, r.s, r.rel, r.o, r.doc, float(r.conf)) for r in store.query(_EVIDENCE_QUERY)]


def fact_quads(store: Store) -> Iterator[Quad]:
    """The merged facts graph, computed from all evidence in the store."""
    best: dict[URIRef, dict[URIRef, float]] = defaultdict(dict)
    spo: dict[URIRef, tuple[URIRef, URIRef, URIRef]] = {}
    for fact, s, rel, o, doc, conf in evidence_rows(store):
        spo[fact] = (s, rel, o)
        best[fact][doc] = max(conf, best[fact].get(doc, 0.0))
    g = FACTS_GRAPH
    for fact, (s, rel, o) in spo.items():
        per_doc = best[fact]
        yield s, rel, o, g
        yield fact, RDF.type, MKG.Fact, g
        yield fact, MKG.subject, s, g
        yield fact, MKG.relation, rel, g
        yield fact, MKG.object, o, g
        yield fact, MKG.support, Literal(len(per_doc), datatype=XSD.integer), g
        yield fact, MKG.confidence, Literal(noisy_or(per_doc.values()), datatype=XSD.double), g
