"""The SSSOM export: a metadata block with the curie_map and the required mapping-set
slots, then rows with the required columns that expand back to the store's mappings."""
from __future__ import annotations

import csv

import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from medkg.exporters import export
from medkg.exporters.sssom import COLUMNS

REQUIRED_COLUMNS = ("subject_id", "predicate_id", "object_id", "mapping_justification")
REQUIRED_METADATA = ("curie_map", "mapping_set_id", "license")


def _read(path) -> tuple[dict, list[dict[str, str]]]:
    """The metadata (``curie_map`` as a dict) and the rows of an SSSOM TSV file."""
    metadata: dict = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    block = [line[1:] for line in lines if line.startswith("#")]
    for line in block:
        if line.startswith("  "):
            prefix, _, iri = line.strip().partition(": ")
            metadata["curie_map"][prefix] = iri
        else:
            key, _, value = line.partition(":")
            metadata[key] = value.strip() or {}
    rows = list(csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    return metadata, rows


@pytest.fixture(scope="module")
def sssom(demo_store, tmp_path_factory):
    return _read(export(demo_store, "sssom", tmp_path_factory.mktemp("sssom") / "medkg.sssom.tsv"))


def test_metadata_has_the_required_slots(sssom):
    metadata, _ = sssom
    assert all(metadata.get(key) for key in REQUIRED_METADATA)
    assert metadata["curie_map"]["HP"] == "http://purl.obolibrary.org/obo/HP_"
    assert metadata["curie_map"]["semapv"] == "https://w3id.org/semapv/vocab/"


def test_rows_have_the_required_columns_and_known_prefixes(sssom):
    metadata, rows = sssom
    assert rows and tuple(rows[0]) == COLUMNS
    for row in rows:
        assert all(row[column] for column in REQUIRED_COLUMNS)
        for column in ("subject_id", "predicate_id", "object_id", "mapping_justification"):
            assert row[column].split(":", 1)[0] in metadata["curie_map"]
        assert row["predicate_id"] in ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch",
                                       "skos:narrowMatch", "skos:relatedMatch")
        assert row["mapping_justification"] == "semapv:ManualMappingCuration"


def test_rows_expand_to_the_stores_mappings(sssom, demo_store):
    metadata, rows = sssom

    def expand(curie: str) -> URIRef:
        prefix, _, local = curie.partition(":")
        return URIRef(metadata["curie_map"][prefix] + local)

    exported = {(expand(r["subject_id"]), expand(r["predicate_id"]), expand(r["object_id"])) for r in rows}
    stored = {(s, p, o) for s, p, o, _ in demo_store.quads() if p in (SKOS.exactMatch, SKOS.closeMatch)}
    assert exported == stored
    assert {"HP", "UBERON", "MESH"} <= {r["object_id"].split(":")[0] for r in rows}
