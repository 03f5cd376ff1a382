"""Neo4j export: one zip archive with CSV files for ``neo4j-admin database import``
and a Cypher script for a running database.

Why a zip: ``medkg export -o`` names one file, and one file is replaced atomically;
unzip it and either

* bulk-load an empty database (Neo4j 5)::

      neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

* or run the script against a running database (idempotent: it MERGEs)::

      cypher-shell -u neo4j -p PASSWORD -f import.cypher

Files (header rows follow the import tool's documented format ``<name>:<field_type>``):

* ``nodes.csv`` --
  ``iri:ID,name,type,labels:string[],definition,xrefs:string[],support:int,degree:int,:LABEL``:
  one row per concept that takes part in a fact; labels ``Concept`` and its type
  (``Symptom``, ...); ``labels`` are all its names, ``xrefs`` CURIEs (``HP:0002829``).
* ``relationships.csv`` --
  ``:START_ID,:END_ID,:TYPE,fact,support:int,confidence:double,evidence:string[],documents:string[]``:
  one row per fact; the type is the relation in upper case (``RISK_FACTOR_FOR``);
  ``evidence`` holds the best sentences with their source, ``documents`` their files.
* ``import.cypher`` -- the same data as ``UNWIND`` batches.
* ``README.txt`` -- these instructions.

It is the graph of :func:`medkg.visualizations.to_networkx`, as drawn by the page and
the GraphML, GEXF and Cytoscape exports. Cells are single-line (the import tool
needs ``--multiline-fields`` otherwise) and ``;`` inside array elements, the tool's
array delimiter, becomes ``,``.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import networkx as nx

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import sanitize_text
from medkg.store import Store

__all__ = ["Neo4jExporter", "NODE_HEADER", "RELATIONSHIP_HEADER", "cypher_script"]

NODE_HEADER = ("iri:ID", "name", "type", "labels:string[]", "definition", "xrefs:string[]", "support:int",
               "degree:int", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "fact", "support:int", "confidence:double",
                       "evidence:string[]", "documents:string[]")
#: rows per UNWIND statement in the Cypher script
BATCH = 500

_README = """medkg export for Neo4j

Bulk import into a new, empty database (Neo4j 5, database stopped):

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

Or load into a running database (idempotent, uses MERGE):

    cypher-shell -u neo4j -p PASSWORD -f import.cypher

Nodes: (:Concept:<Type> {iri, name, type, labels, definition, xrefs, support, degree});
relationships: one per fact, typed CAUSES, RISK_FACTOR_FOR, TREATS, PREVENTS,
SEE_SPECIALIST, DIAGNOSED_BY or LOCATED_IN, with {fact, support, confidence,
evidence, documents}. Array properties use ';' between elements.
"""


def _cell(text: str) -> str:
    return sanitize_text(text, line_breaks="space")


def _relationship_type(relation: str) -> str:
    return _cell(relation).upper()


def _node_properties(graph: nx.MultiDiGraph) -> Iterator[tuple[list[str], dict[str, object]]]:
    """Each concept's Neo4j labels and properties, cells already single-line."""
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("type", "")
        yield ["Concept", kind] if kind and kind != "Concept" else ["Concept"], {
            "iri": _cell(node), "name": _cell(attrs["label"]), "type": kind,
            "labels": [_cell(v) for v in attrs.get("labels", [])], "definition": _cell(attrs.get("definition", "")),
            "xrefs": [_cell(v) for v in attrs.get("xrefs", [])], "support": attrs.get("support", 0),
            "degree": attrs.get("degree", 0)}


def _relationship_properties(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, object]]]:
    """Each fact's relationship type and properties (with ``s`` and ``o``, the end IRIs)."""
    for source, target, attrs in graph.edges(data=True):
        evidence = attrs.get("evidence", [])
        yield _relationship_type(attrs["relation"]), {
            "s": _cell(source), "o": _cell(target), "fact": _cell(attrs["fact"]), "support": attrs["support"],
            "confidence": attrs["confidence"], "evidence": [_cell(str(e)) for e in evidence],
            "documents": [_cell(d) for d in dict.fromkeys(e.document for e in evidence)]}


def _array(values: Sequence[str]) -> str:
    """An array cell: ``;`` separates elements (the import tool's default), so an
    element's own ``;`` becomes ``,``."""
    return ";".join(v.replace(";", ",") for v in values)


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _node_rows(graph: nx.MultiDiGraph) -> Iterator[Sequence[object]]:
    for labels, p in _node_properties(graph):
        yield (p["iri"], p["name"], p["type"], _array(p["labels"]), p["definition"], _array(p["xrefs"]),
               p["support"], p["degree"], ";".join(labels))


def _relationship_rows(graph: nx.MultiDiGraph) -> Iterator[Sequence[object]]:
    for kind, p in _relationship_properties(graph):
        yield (p["s"], p["o"], kind, p["fact"], p["support"], repr(float(p["confidence"])), _array(p["evidence"]),
               _array(p["documents"]))


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


def cypher_script(graph: nx.MultiDiGraph) -> str:
    """Cypher statements that MERGE the concepts and facts into a running database."""
    lines = ["// medkg facts for Neo4j 5: cypher-shell -f import.cypher",
             "CREATE CONSTRAINT concept_iri IF NOT EXISTS FOR (c:Concept) REQUIRE c.iri IS UNIQUE;"]
    by_labels: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    for labels, properties in _node_properties(graph):
        by_labels[tuple(labels)].append(properties)
    for labels, rows in sorted(by_labels.items()):
        extra = "".join(f"SET c:`{label}` " for label in labels[1:])
        for batch in _batches(rows):
            lines.append(f"UNWIND {batch} AS row\nMERGE (c:Concept {{iri: row.iri}}) {extra}SET c += row;")
    by_type: dict[str, list[dict[str, object]]] = defaultdict(list)
    for kind, properties in _relationship_properties(graph):
        by_type[kind].append(properties)
    for kind, rows in sorted(by_type.items()):
        for batch in _batches(rows):
            lines.append(f"UNWIND {batch} AS row\nMATCH (a:Concept {{iri: row.s}})\nMATCH (b:Concept {{iri: row.o}})\n"
                         f"MERGE (a)-[r:`{kind.replace('`', '``')}` {{fact: row.fact}}]->(b)\n"
                         "SET r.support = row.support, r.confidence = row.confidence, r.evidence = row.evidence, "
                         "r.documents = row.documents;")
    return "\n".join(lines) + "\n"


class Neo4jExporter(Exporter):
    """A zip of Neo4j import CSVs and a Cypher script."""

    name = "neo4j"
    suffix = ".zip"

    def export(self, store: Store, destination: Path) -> Path:
        from medkg.visualizations import to_networkx

        graph = to_networkx(store)
        files = {
            "nodes.csv": _csv(NODE_HEADER, _node_rows(graph)),
            "relationships.csv": _csv(RELATIONSHIP_HEADER, _relationship_rows(graph)),
            "import.cypher": cypher_script(graph),
            "README.txt": _README,
        }
        with atomic_write(destination, mode="wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode("utf-8"))
        return destination
