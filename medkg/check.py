"""``medkg check``: is the store consistent with itself?

Reports graphs left by an interrupted build, a facts graph that disagrees with the
evidence (missing or extra facts, wrong support or confidence), and evidence about
concepts the vocabulary does not define. A clean store gives an empty list.
"""
from __future__ import annotations

from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH, collect_contributions, evidence_rows, noisy_or
from medkg.store import Store

__all__ = ["check_store", "unmarked_graphs"]

_DOCS = "PREFIX mkg: <https://w3id.org/medkg/ontology#> SELECT ?doc WHERE { ?doc a mkg:Document }"
_STORED = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?f ?support ?conf WHERE {
  GRAPH <https://w3id.org/medkg/graph/facts> { ?f a mkg:Fact ; mkg:support ?support ; mkg:confidence ?conf } }"""
_UNKNOWN = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?c WHERE {
  { ?e a mkg:Evidence ; mkg:subject ?c } UNION { ?e a mkg:Evidence ; mkg:object ?c }
  FILTER NOT EXISTS { ?c skos:prefLabel ?label }
}"""


def unmarked_graphs(store: Store) -> set:
    """Graphs an interrupted build staged but never committed: invisible to queries,
    removed by the next build. Not an inconsistency."""
    documents = {r.doc for r in store.query(_DOCS)}
    return store.graph_names() - documents - {FACTS_GRAPH, VOCABULARY_GRAPH}


def check_store(store: Store) -> list[str]:
    """Every inconsistency found, one readable line each."""
    problems: list[str] = []
    documents = {r.doc for r in store.query(_DOCS)}
    names = store.graph_names()
    if VOCABULARY_GRAPH not in names:
        problems.append("the vocabulary graph is missing; run 'medkg build' to restore it")
    if FACTS_GRAPH not in names and documents:
        problems.append("the facts graph is missing; run 'medkg build' to recompute it")
    expected = {str(fact): (len(per_doc), round(noisy_or(per_doc.values()), 4))
                for fact, (_, _, _, per_doc) in collect_contributions(evidence_rows(store)).items()}
    stored = {str(r.f): (int(r.support), round(float(r.conf), 4)) for r in store.query(_STORED)}
    for fact in sorted(expected.keys() - stored.keys()):
        problems.append(f"fact {fact} has evidence but is not in the facts graph")
    for fact in sorted(stored.keys() - expected.keys()):
        problems.append(f"fact {fact} is in the facts graph but no committed document supports it")
    for fact in sorted(expected.keys() & stored.keys()):
        if expected[fact] != stored[fact]:
            problems.append(f"fact {fact}: stored support and confidence {stored[fact]} "
                            f"differ from the evidence's {expected[fact]}")
    for row in store.query(_UNKNOWN):
        problems.append(f"evidence names {row.c}, which the vocabulary does not define")
    return problems
