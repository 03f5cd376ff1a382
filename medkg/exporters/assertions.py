"""The assertion export: one TSV row per fact per document, with its best evidence.

Columns: ``subject, subject_type, subject_labels, relation, object, object_type,
object_labels, document, evidence, confidence, hedged, rule, support``; ``*_labels``
joins every label of the concept with ``|``; ``relation`` is the snake_case name
(``risk_factor_for``); ``document`` is the source file's name. This is the format
``shared/eval/score.py`` reads.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.ontology.namespace import TYPES, relation_name
from medkg.store import Store

__all__ = ["AssertionExporter", "COLUMNS", "concept_labels"]

COLUMNS = ("subject", "subject_type", "subject_labels", "relation", "object", "object_type", "object_labels",
           "document", "evidence", "confidence", "hedged", "rule", "support")

_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?c ?type ?pref ?label WHERE {
  ?c a ?type ; skos:prefLabel ?pref .
  OPTIONAL { ?c skos:altLabel|mkg:contextLabel ?label }
}"""

_ROWS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?rel ?o ?name ?sentence ?conf ?hedged ?rule ?support WHERE {
  ?e a mkg:Evidence ; mkg:evidenceFor ?fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ;
     prov:wasDerivedFrom ?doc ; mkg:sentence ?sentence ; mkg:confidence ?conf ; mkg:hedged ?hedged ;
     mkg:rule ?rule .
  ?doc dcterms:identifier ?name .
  OPTIONAL { ?fact mkg:support ?support }
}"""

_SPACE = re.compile(r"[\t\r\n]+")
_TYPE_NAMES = {str(iri): name for name, iri in TYPES.items()}


def _cell(value: object) -> str:
    return _SPACE.sub(" ", str(value)).strip()


def concept_labels(store: Store) -> dict[str, tuple[str, list[str]]]:
    """Concept IRI -> (type name, labels with the preferred one first)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for row in store.query(_LABELS):
        kind = _TYPE_NAMES.get(str(row.type))
        if kind is None:
            continue
        iri = str(row.c)
        _, labels = out.setdefault(iri, (kind, [str(row.pref)]))
        if row.label is not None and str(row.label) not in labels:
            labels.append(str(row.label))
    return out


class AssertionExporter(Exporter):
    """TSV of assertions for scoring and spreadsheets."""

    name = "assertions"
    suffix = ".tsv"

    def export(self, store: Store, destination: Path) -> Path:
        labels = concept_labels(store)
        best: dict[tuple[str, str, str, str], tuple] = {}
        for r in store.query(_ROWS):
            key = (str(r.s), relation_name(r.rel), str(r.o), str(r.name))
            conf = float(r.conf)
            if key not in best or best[key][1] < conf:
                best[key] = (str(r.sentence), conf, str(r.hedged).lower() == "true", str(r.rule),
                             int(r.support) if r.support is not None else 1)
        by_doc: dict[str, list] = defaultdict(list)
        for key, value in best.items():
            by_doc[key[3]].append((key, value))
        with atomic_write(destination, newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                                lineterminator="\n")
            writer.writerow(COLUMNS)
            for document in sorted(by_doc):
                for (s, rel, o, name), (sentence, conf, hedged, rule, support) in sorted(by_doc[document]):
                    s_type, s_labels = labels.get(s, ("", [s.rsplit("/", 1)[-1]]))
                    o_type, o_labels = labels.get(o, ("", [o.rsplit("/", 1)[-1]]))
                    writer.writerow([_cell(v) for v in (
                        s_labels[0], s_type, "|".join(s_labels), rel, o_labels[0], o_type, "|".join(o_labels),
                        name, sentence, f"{conf:.3f}", str(hedged).lower(), rule, support)])
        return destination
