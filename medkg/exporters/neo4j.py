"""Neo4j export: one zip archive with CSV files for ``neo4j-admin database import``
and a Cypher script for a running database.

Why a zip: ``medkg export -o`` names one file, and one file is replaced atomically;
unzip it and either

* bulk-load an empty database (Neo4j 5)::

      neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

* or run the script against a running database (idempotent: it MERGEs)::

      cypher-shell -u neo4j -p PASSWORD -f import.cypher

Files (header rows follow the import tool's documented format ``<name>:<field_type>``):

* ``nodes.csv`` -- ``iri:ID,name,type,synonyms:string[],:LABEL``: one row per
  concept that takes part in a fact; labels ``Concept`` and its type (``Symptom``...).
* ``relationships.csv`` -- ``:START_ID,:END_ID,:TYPE,fact,support:int,confidence:double,documents:string[]``:
  one row per fact; the type is the relation in upper case (``RISK_FACTOR_FOR``).
* ``import.cypher`` -- the same data as ``UNWIND`` batches.
* ``README.txt`` -- these instructions.

Cells are single-line (the import tool needs ``--multiline-fields`` otherwise) and
``;`` inside array elements, the tool's array delimiter, becomes ``,``.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.network import ConceptNode, FactEdge, fact_network
from medkg.exporters.sanitize import sanitize_text
from medkg.store import Store

__all__ = ["Neo4jExporter", "NODE_HEADER", "RELATIONSHIP_HEADER", "cypher_script"]

NODE_HEADER = ("iri:ID", "name", "type", "synonyms:string[]", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "fact", "support:int", "confidence:double",
                       "documents:string[]")
#: rows per UNWIND statement in the Cypher script
BATCH = 500

_README = """medkg export for Neo4j

Bulk import into a new, empty database (Neo4j 5, database stopped):

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

Or load into a running database (idempotent, uses MERGE):

    cypher-shell -u neo4j -p PASSWORD -f import.cypher

Nodes: (:Concept:<Type> {iri, name, type, synonyms}); relationships: one per fact,
typed CAUSES, RISK_FACTOR_FOR, TREATS, PREVENTS, SEE_SPECIALIST, DIAGNOSED_BY or
LOCATED_IN, with {fact, support, confidence, documents}.
"""


def _cell(text: str) -> str:
    return sanitize_text(text, line_breaks="space")


def _array(values: Sequence[str]) -> str:
    return ";".join(_cell(v).replace(";", ",") for v in values)


def _relationship_type(relation: str) -> str:
    return _cell(relation).upper()


def _labels(node: ConceptNode) -> list[str]:
    return ["Concept", node.type] if node.type else ["Concept"]


def _csv(header: Sequence[str], rows: Iterator[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _node_rows(nodes: list[ConceptNode]) -> Iterator[Sequence[object]]:
    for n in nodes:
        yield _cell(n.iri), _cell(n.label), n.type, _array(n.synonyms), ";".join(_labels(n))


def _relationship_rows(edges: list[FactEdge]) -> Iterator[Sequence[object]]:
    for e in edges:
        yield (_cell(e.subject), _cell(e.object), _relationship_type(e.relation), _cell(e.iri), e.support,
               repr(e.confidence), _array(e.documents))


def _cypher_value(value: object) -> str:
    """A Cypher literal: strings double-quoted with backslash escapes, lists, numbers."""
    if isinstance(value, str):
        # JSON string escapes (\\, \", \n, \uXXXX) are valid Cypher string escapes
        return json.dumps(_cell(value), ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    return repr(value)


def _cypher_map(row: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key}: {_cypher_value(value)}" for key, value in row.items()) + "}"


def _batches(rows: list[dict[str, object]]) -> Iterator[str]:
    for start in range(0, len(rows), BATCH):
        yield "[\n  " + ",\n  ".join(_cypher_map(r) for r in rows[start:start + BATCH]) + "\n]"


def cypher_script(nodes: list[ConceptNode], edges: list[FactEdge]) -> str:
    """Cypher statements that MERGE the concepts and facts into a running database."""
    lines = ["// medkg facts for Neo4j 5: cypher-shell -f import.cypher",
             "CREATE CONSTRAINT concept_iri IF NOT EXISTS FOR (c:Concept) REQUIRE c.iri IS UNIQUE;"]
    by_type: dict[str, list[dict[str, object]]] = defaultdict(list)
    for n in nodes:
        by_type[n.type].append({"iri": n.iri, "name": n.label, "type": n.type, "synonyms": list(n.synonyms)})
    for kind, rows in sorted(by_type.items()):
        extra = f"SET c:{kind} " if kind else ""
        for batch in _batches(rows):
            lines.append(f"UNWIND {batch} AS row\nMERGE (c:Concept {{iri: row.iri}}) {extra}"
                         "SET c.name = row.name, c.type = row.type, c.synonyms = row.synonyms;")
    by_relation: dict[str, list[dict[str, object]]] = defaultdict(list)
    for e in edges:
        by_relation[_relationship_type(e.relation)].append(
            {"s": e.subject, "o": e.object, "fact": e.iri, "support": e.support, "confidence": e.confidence,
             "documents": list(e.documents)})
    for kind, rows in sorted(by_relation.items()):
        for batch in _batches(rows):
            lines.append(f"UNWIND {batch} AS row\nMATCH (a:Concept {{iri: row.s}})\nMATCH (b:Concept {{iri: row.o}})\n"
                         f"MERGE (a)-[r:`{kind.replace('`', '``')}` {{fact: row.fact}}]->(b)\n"
                         "SET r.support = row.support, r.confidence = row.confidence, r.documents = row.documents;")
    return "\n".join(lines) + "\n"


class Neo4jExporter(Exporter):
    """A zip of Neo4j import CSVs and a Cypher script."""

    name = "neo4j"
    suffix = ".zip"

    def export(self, store: Store, destination: Path) -> Path:
        nodes, edges = fact_network(store)
        files = {
            "nodes.csv": _csv(NODE_HEADER, _node_rows(nodes)),
            "relationships.csv": _csv(RELATIONSHIP_HEADER, _relationship_rows(edges)),
            "import.cypher": cypher_script(nodes, edges),
            "README.txt": _README,
        }
        with atomic_write(destination, mode="wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode("utf-8"))
        return destination
