"""New terms for curation: phrases in relation slots that the vocabulary does not know.

The extractor keeps them (never as facts) so a curator can see what the vocabulary
misses: ``medkg candidates --store DIR`` lists them by how many documents and times
they were seen, with an example sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from medkg.store import Store
from medkg.text import normalize

__all__ = ["CandidateTerm", "list_candidates"]

_QUERY = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?text ?slot ?n ?sentence ?doc WHERE {
  ?c a mkg:Candidate ; mkg:text ?text ; mkg:rule ?slot ; mkg:count ?n ; mkg:sentence ?sentence ;
     prov:wasDerivedFrom ?doc .
}"""


@dataclass
class CandidateTerm:
    """A phrase the vocabulary does not know, merged over documents."""

    text: str
    slot: str
    count: int
    documents: int
    example: str


def list_candidates(store: Store, *, minimum: int = 1) -> list[CandidateTerm]:
    """Candidate terms seen at least ``minimum`` times, most frequent first."""
    merged: dict[tuple[str, str], CandidateTerm] = {}
    seen_in: dict[tuple[str, str], set[str]] = {}
    for row in store.query(_QUERY):
        key = (normalize(str(row.text)), str(row.slot))
        term = merged.setdefault(key, CandidateTerm(str(row.text), str(row.slot), 0, 0, str(row.sentence)))
        term.count += int(row.n)
        seen_in.setdefault(key, set()).add(str(row.doc))
        term.documents = len(seen_in[key])
    found = [t for t in merged.values() if t.count >= minimum]
    return sorted(found, key=lambda t: (-t.documents, -t.count, t.text.lower()))
