"""SSSOM export: the vocabulary's mappings to HPO, UBERON, DOID, MeSH and SNOMED CT.

Every ``skos:exactMatch`` / ``skos:closeMatch`` (and broad, narrow, related match)
of a concept or class in the store becomes one row of an SSSOM TSV file
(https://mapping-commons.github.io/sssom/): the metadata block (``#``-prefixed YAML
with the ``curie_map`` and the required ``mapping_set_id`` and ``license``), then
the columns ``subject_id, subject_label, subject_type, predicate_id, object_id,
mapping_justification``. The mappings are curated by hand in the vocabulary files,
hence ``semapv:ManualMappingCuration``. CURIE prefixes follow the Bioregistry
(``HP``, ``UBERON``, ``DOID``, ``MESH``, ``SCTID``); an object in another namespace
gets a generated prefix ``ns1``, ``ns2``, ... declared in the ``curie_map``.
"""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, URIRef
from rdflib.namespace import SKOS

from medkg import __version__
from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import sanitize_text
from medkg.ontology.lexicon import XREF_PREFIXES
from medkg.ontology.namespace import CONCEPT, MKG, TYPES
from medkg.store import Store

__all__ = ["SssomExporter", "COLUMNS", "MAPPING_SET_ID", "sssom_rows"]

COLUMNS = ("subject_id", "subject_label", "subject_type", "predicate_id", "object_id", "mapping_justification")
MAPPING_SET_ID = "https://w3id.org/medkg/mappings/medkg.sssom.tsv"
LICENSE = "https://opensource.org/licenses/MIT"

_PREDICATES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
_BASE_PREFIXES = {"mkc": str(CONCEPT), "mkg": str(MKG._NS), "skos": str(SKOS),
                  "semapv": "https://w3id.org/semapv/vocab/"}

_MAPPINGS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?p ?o ?type ?pref ?label WHERE {
  ?s ?p ?o .
  OPTIONAL { ?s a ?type }
  OPTIONAL { ?s skos:prefLabel ?pref }
  OPTIONAL { ?s rdfs:label ?label }
}"""


class _Curies:
    """IRIs to CURIEs with a growing prefix map."""

    def __init__(self) -> None:
        self.prefixes = dict(_BASE_PREFIXES)
        self.prefixes.update({name: namespace for name, (namespace, _) in XREF_PREFIXES.items()})
        self._fixed = len(self.prefixes)

    def curie(self, iri: str) -> str:
        for name, namespace in sorted(self.prefixes.items(), key=lambda item: -len(item[1])):
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        self.prefixes[f"ns{len(self.prefixes) - self._fixed + 1}"] = re.match(r"(.+[/#_:])(?=.)", iri).group(1)
        return self.curie(iri)

    def used(self, curies: set[str]) -> dict[str, str]:
        names = {c.split(":", 1)[0] for c in curies}
        return {name: iri for name, iri in sorted(self.prefixes.items()) if name in names}


def _subject_type(types: set[URIRef]) -> str:
    if types & set(TYPES.values()):
        return "skos concept"
    return "owl class" if OWL.Class in types else ""


def sssom_rows(store: Store) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    """The mapping rows (in :data:`COLUMNS` order) and the prefixes they use."""
    found: dict[tuple[URIRef, URIRef, URIRef], dict[str, set]] = {}
    for predicate in _PREDICATES:
        for r in store.query(_MAPPINGS, {"p": predicate}):
            if not isinstance(r.o, URIRef) or not isinstance(r.s, URIRef):
                continue
            entry = found.setdefault((r.s, predicate, r.o), {"types": set(), "labels": set()})
            if r.type is not None:
                entry["types"].add(r.type)
            for label in (r.pref, r.label):
                if label is not None:
                    entry["labels"].add(str(label))
    curies = _Curies()
    rows = []
    for (s, p, o), entry in sorted(found.items()):
        label = sorted(entry["labels"])[0] if entry["labels"] else ""
        rows.append((curies.curie(str(s)), sanitize_text(label, line_breaks="space"),
                     _subject_type(entry["types"]), curies.curie(str(p)),
                     curies.curie(str(o)), "semapv:ManualMappingCuration"))
    used = {c for row in rows for c in (row[0], row[3], row[4], row[5])}
    return rows, curies.used(used)


def _metadata(prefixes: dict[str, str]) -> list[str]:
    lines = ["curie_map:", *(f"  {name}: {iri}" for name, iri in prefixes.items()),
             f"mapping_set_id: {MAPPING_SET_ID}",
             "mapping_set_title: medkg vocabulary mappings to HPO, UBERON, DOID, MeSH and SNOMED CT",
             f"mapping_set_version: {__version__}",
             f"license: {LICENSE}",
             "subject_source: https://w3id.org/medkg/ontology"]
    return [f"#{line}" for line in lines]


class SssomExporter(Exporter):
    """SSSOM TSV of the vocabulary's cross-references."""

    name = "sssom"
    suffix = ".sssom.tsv"

    def export(self, store: Store, destination: Path) -> Path:
        rows, prefixes = sssom_rows(store)
        with atomic_write(destination, newline="") as handle:
            for line in _metadata(prefixes):
                handle.write(line + "\n")
            for row in (COLUMNS, *rows):
                handle.write("\t".join(row) + "\n")
        return destination
