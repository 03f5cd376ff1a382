"""The graph a person looks at: concepts as nodes, merged facts as edges, as networkx.

:func:`to_networkx` is the one place that reads a store for drawing; the HTML page
(:mod:`medkg.visualizations.page`) and the GraphML and GEXF exporters
(:mod:`medkg.exporters.networkx_formats`) all start from its graph.

Nodes are the concepts that take part in at least one fact (the vocabulary's other
thousands of concepts would only be noise), keyed by IRI, with ``type``, ``label``,
``labels``, ``definition``, ``xrefs`` (CURIEs such as ``HP:0002829``), ``support``
(the support of its facts added up) and ``degree``. Edges are the facts, keyed by
relation name (two concepts can be linked by ``treats`` and ``prevents`` at once),
with ``relation``, ``support`` (number of documents), ``confidence`` and
``evidence``: up to a few :class:`Evidence` sentences, the most confident first,
one per document where there are several documents.
"""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from medkg.ontology.lexicon import XREF_PREFIXES
from medkg.ontology.namespace import relation_name
from medkg.queries.api import KnowledgeGraph
from medkg.store import Store

__all__ = ["Evidence", "to_networkx", "DEFAULT_EVIDENCE_PER_EDGE"]

#: how many evidence sentences an edge carries
DEFAULT_EVIDENCE_PER_EDGE = 3

_FACTS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?fact ?s ?rel ?o ?support ?confidence WHERE {
  ?fact a mkg:Fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
        mkg:support ?support ; mkg:confidence ?confidence .
}"""

_EVIDENCE = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?fact ?sentence ?confidence ?doc ?title ?name ?section WHERE {
  VALUES ?fact { %s }
  ?e mkg:evidenceFor ?fact ; mkg:sentence ?sentence ; mkg:confidence ?confidence ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:identifier ?name }
  OPTIONAL { ?e mkg:section ?section }
}"""

_DETAILS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?c ?definition ?xref WHERE {
  VALUES ?c { %s }
  { ?c skos:definition ?definition } UNION { ?c skos:exactMatch|skos:closeMatch ?xref }
}"""

#: IRIs per VALUES block: keeps each query small whatever the graph's size
_CHUNK = 1000


@dataclass(frozen=True)
class Evidence:
    """One sentence that states a fact, and where it comes from."""

    sentence: str
    title: str
    section: str
    document: str
    confidence: float

    def __str__(self) -> str:
        source = " > ".join(part for part in (self.title, self.section) if part)
        return f"{self.sentence} ({source})" if source else self.sentence


@dataclass(frozen=True)
class _Fact:
    iri: URIRef
    subject: str
    relation: str
    object: str
    support: int
    confidence: float


def _chunks(terms: list[URIRef]) -> Iterator[str]:
    """``VALUES`` bodies of at most :data:`_CHUNK` IRIs, written as N3 terms (escaped by rdflib)."""
    for start in range(0, len(terms), _CHUNK):
        yield " ".join(term.n3() for term in terms[start:start + _CHUNK])


def _facts(store: Store) -> list[_Fact]:
    facts = []
    for row in store.query(_FACTS):
        try:
            relation = relation_name(row.rel)
        except KeyError:  # a relation this version does not know: not drawable
            continue
        facts.append(_Fact(row.fact, str(row.s), relation, str(row.o), int(row.support), float(row.confidence)))
    return facts


def _curie(iri: str) -> str:
    for prefix, (namespace, _) in XREF_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _details(store: Store, concepts: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Concept IRI -> (definition, xref CURIEs)."""
    definitions: dict[str, list[str]] = defaultdict(list)
    xrefs: dict[str, list[str]] = defaultdict(list)
    for body in _chunks([URIRef(c) for c in concepts]):
        for row in store.query(_DETAILS % body):
            key = str(row.c)
            if row.definition is not None and str(row.definition) not in definitions[key]:
                definitions[key].append(str(row.definition))
            if row.xref is not None and _curie(str(row.xref)) not in xrefs[key]:
                xrefs[key].append(_curie(str(row.xref)))
    return {c: (" ".join(definitions.get(c, [])), sorted(xrefs.get(c, []))) for c in concepts}


def _evidence(store: Store, facts: list[URIRef], per_edge: int) -> dict[str, list[Evidence]]:
    """Fact IRI -> its best ``per_edge`` evidence, preferring one sentence per document."""
    found: dict[str, list[Evidence]] = defaultdict(list)
    for body in _chunks(facts):
        for row in store.query(_EVIDENCE % body):
            title = str(row.title) if row.title is not None else str(row.name or "")
            found[str(row.fact)].append(Evidence(
                sentence=str(row.sentence), title=title, section=str(row.section or ""),
                document=str(row.name or row.doc), confidence=float(row.confidence)))
    best: dict[str, list[Evidence]] = {}
    for fact, items in found.items():
        items = sorted(set(items), key=lambda e: (-e.confidence, e.document, e.sentence))
        seen: set[str] = set()
        first_per_doc = [e for e in items if not (e.document in seen or seen.add(e.document))]
        rest = [e for e in items if e not in first_per_doc]
        best[fact] = (first_per_doc + rest)[:per_edge]
    return best


def _neighbourhood(roots: list[str], adjacency: dict[str, set[str]], depth: int) -> dict[str, int]:
    """Concept -> distance from the nearest root, for every concept within ``depth`` hops."""
    distance = {root: 0 for root in roots}
    todo = deque(roots)
    while todo:
        node = todo.popleft()
        if distance[node] >= depth:
            continue
        for neighbour in adjacency.get(node, ()):
            if neighbour not in distance:
                distance[neighbour] = distance[node] + 1
                todo.append(neighbour)
    return distance


def _weights(facts: list[_Fact]) -> dict[str, int]:
    """Concept -> the support of its facts added up: how much the documents say about it."""
    weight: dict[str, int] = defaultdict(int)
    for fact in facts:
        weight[fact.subject] += fact.support
        weight[fact.object] += fact.support
    return weight


def to_networkx(store: Store, *, focus: str | None = None, depth: int = 2, max_nodes: int | None = None,
                evidence_per_edge: int = DEFAULT_EVIDENCE_PER_EDGE) -> nx.MultiDiGraph:
    """The concepts and facts of ``store`` as a directed multigraph.

    Args:
        store: an open store.
        focus: a concept label (or IRI): keep only its neighbourhood.
        depth: with ``focus``, how many hops around the concept to keep.
        max_nodes: keep at most this many concepts, the best supported ones (with
            ``focus``, the nearest ones first); ``None`` keeps all.
        evidence_per_edge: how many evidence sentences each edge carries.

    Returns:
        The graph; ``graph.graph`` says what was drawn and what left out:
        ``focus`` (IRIs joined by spaces), ``focus_label``, ``depth``,
        ``total_nodes`` and ``total_edges`` (in the whole store),
        ``omitted_nodes``, ``omitted_edges``, ``omitted_max_support`` (the highest
        support among the concepts left out) and ``omitted_types``
        (``{type: count}`` of the concepts left out by ``max_nodes``).

    Raises:
        ConceptNotFound: ``focus`` names no concept; the message suggests close labels.

    Example:
        >>> from medkg.store import open_store
        >>> with open_store("memory:") as kg:
        ...     to_networkx(kg).number_of_nodes()
        0
    """
    facts = _facts(store)
    kg = KnowledgeGraph(store)
    labels = kg.concepts
    weight = _weights(facts)
    adjacency: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        adjacency[fact.subject].add(fact.object)
        adjacency[fact.object].add(fact.subject)

    roots: list[str] = []
    if focus is not None:
        roots = [concept.iri for concept in kg.resolve(focus)]
        distance = _neighbourhood(roots, adjacency, max(depth, 0))
    else:
        distance = {concept: 0 for concept in weight}
    ranked = sorted(distance, key=lambda c: (distance[c], -weight.get(c, 0), c))
    kept = set(ranked if max_nodes is None else ranked[:max(max_nodes, len(roots))])
    kept_facts = [f for f in facts if f.subject in kept and f.object in kept]
    left_out = [c for c in ranked if c not in kept]
    near_facts = [f for f in facts if f.subject in distance and f.object in distance]

    graph = nx.MultiDiGraph(
        focus=" ".join(roots), focus_label=focus or "", depth=depth if focus is not None else 0,
        total_nodes=len(weight), total_edges=len(facts), omitted_nodes=len(left_out),
        omitted_edges=len(near_facts) - len(kept_facts),
        omitted_max_support=max((weight.get(c, 0) for c in left_out), default=0),
        omitted_types=_count_types(left_out, labels))
    details = _details(store, sorted(kept))
    for concept in (c for c in ranked if c in kept):
        kind, names = labels.get(concept, ("Concept", [concept.rsplit("/", 1)[-1]]))
        definition, xrefs = details[concept]
        graph.add_node(concept, type=kind, label=names[0], labels=names, definition=definition, xrefs=xrefs,
                       support=weight.get(concept, 0), focus=concept in roots)
    evidence = _evidence(store, [f.iri for f in kept_facts], evidence_per_edge)
    for fact in kept_facts:
        graph.add_edge(fact.subject, fact.object, key=fact.relation, relation=fact.relation,
                       support=fact.support, confidence=fact.confidence, fact=str(fact.iri),
                       evidence=evidence.get(str(fact.iri), []))
    for node, degree in graph.degree():
        graph.nodes[node]["degree"] = degree
    return graph


def _count_types(concepts: list[str], labels: dict[str, tuple[str, list[str]]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for concept in concepts:
        counts[labels.get(concept, ("Concept", []))[0]] += 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))
