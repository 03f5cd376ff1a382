"""The Neo4j export: CSV headers as the import tool documents them, rows that match
them, and a Cypher script.

The header grammar below follows the Neo4j Operations Manual, "Import > CSV header
format" (neo4j.com/docs/operations-manual/current/import/header-format/): each field
is ``<name>:<field_type>``; property types are int, long, float, double, boolean,
byte, short, char, string, point, date, localtime, time, localdatetime, datetime and
duration, with ``[]`` for arrays (elements separated by ``;``); a property without a
type is a string; node files need an ``ID`` field and may have ``LABEL`` (labels
separated by ``;``); relationship files need ``START_ID``, ``END_ID`` and ``TYPE``;
``ID``, ``START_ID`` and ``END_ID`` may name an id space in parentheses.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from medkg.exporters import export
from medkg.ontology.namespace import CONCEPT

_TYPES = ("int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime"
          "|duration")
FIELD = re.compile(rf"""
    (?P<id>[^:,]*:(?P<idtype>ID|START_ID|END_ID)(\([^)]+\))?)           # ids, optionally a name and an id space
  | :(?P<special>LABEL|TYPE|IGNORE)                                      # labels, relationship type, ignored
  | (?P<property>[^:,]+)(:(?P<type>{_TYPES})(?P<array>\[\])?)?           # a property, string by default
""", re.VERBOSE)


def _parse(header: list[str]) -> list[tuple[str, str, bool]]:
    """(kind, type, is_array) of each field; fails the test on a field the tool would reject."""
    fields = []
    for name in header:
        match = FIELD.fullmatch(name)
        assert match, f"header field {name!r} is not in the import tool's format"
        if match["idtype"]:
            fields.append((match["idtype"], "string", False))
        elif match["special"]:
            fields.append((match["special"], "string", False))
        else:
            fields.append(("property", match["type"] or "string", bool(match["array"])))
    return fields


def _check_value(value: str, kind: str, array: bool) -> None:
    for item in value.split(";") if array else [value]:
        if kind in ("int", "long", "short", "byte"):
            int(item)
        elif kind in ("float", "double"):
            float(item)
        elif kind == "boolean":
            assert item in ("true", "false")


@pytest.fixture(scope="module")
def archive(small_store, tmp_path_factory):
    path = export(small_store, "neo4j", tmp_path_factory.mktemp("neo4j") / "kg.zip")
    with zipfile.ZipFile(path) as zipped:
        return {name: zipped.read(name).decode("utf-8") for name in zipped.namelist()}


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_archive_holds_csvs_script_and_instructions(archive):
    assert set(archive) == {"nodes.csv", "relationships.csv", "import.cypher", "README.txt"}
    command = "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv"
    assert command in archive["README.txt"]


@pytest.mark.parametrize("name,required", [
    ("nodes.csv", {"ID", "LABEL"}),
    ("relationships.csv", {"START_ID", "END_ID", "TYPE"}),
], ids=["nodes", "relationships"])
def test_headers_follow_the_import_tool_format_and_rows_match_them(archive, name, required):
    header, *rows = _rows(archive[name])
    fields = _parse(header)
    kinds = [kind for kind, _, _ in fields]
    assert required <= set(kinds) and all(kinds.count(k) == 1 for k in required)
    assert rows
    for row in rows:
        assert len(row) == len(header)
        for value, (kind, type_, array) in zip(row, fields, strict=True):
            assert "\n" not in value and "\r" not in value
            if kind == "property" and value:
                _check_value(value, type_, array)


def test_relationships_connect_exported_nodes(archive):
    header, *nodes = _rows(archive["nodes.csv"])
    ids = {row[header.index("iri:ID")] for row in nodes}
    labels = {row[header.index("iri:ID")]: row[header.index(":LABEL")].split(";") for row in nodes}
    assert labels[str(CONCEPT["ankle-sprain"])] == ["Concept", "Condition"]
    header, *relationships = _rows(archive["relationships.csv"])
    start, end, kind = (header.index(k) for k in (":START_ID", ":END_ID", ":TYPE"))
    assert all(row[start] in ids and row[end] in ids for row in relationships)
    assert [str(CONCEPT["ankle-sprain"]), str(CONCEPT["swelling"]), "CAUSES"] in \
        [[row[start], row[end], row[kind]] for row in relationships]


def test_cypher_script_merges_every_node_and_relationship(archive):
    script = archive["import.cypher"]
    code = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
    statements = [s.strip() for s in code.split(";\n") if s.strip()]
    assert statements[0].startswith("CREATE CONSTRAINT concept_iri")
    assert all(s.startswith("UNWIND [") for s in statements[1:]) and script.endswith(";\n")
    nodes = len(_rows(archive["nodes.csv"])) - 1
    relationships = len(_rows(archive["relationships.csv"])) - 1
    assert script.count("\n  {iri: ") == nodes
    assert script.count("\n  {s: ") == relationships
    assert "MERGE (a)-[r:`CAUSES` {fact: row.fact}]->(b)" in script
