"""Import RDF into a store: what medkg exported, and other RDF that follows the ontology.

``medkg import kg.trig --store kg`` reads Turtle, N-Triples, N-Quads, TriG, JSON-LD
or RDF/XML (by suffix, or ``--format``) and puts every statement where a build would:

* a document's metadata, evidence and candidate terms go to the document's named
  graph (the graph named by the ``mkg:Document``; in TriG and N-Quads that is where
  they already are, in triple formats they are found by ``prov:wasDerivedFrom``);
  an imported document replaces the stored graph of the same name;
* facts (``mkg:Fact`` nodes and the plain relation triples) are not copied but
  recomputed from all evidence in the store (:func:`medkg.graph.refresh_facts`), so
  support and confidence stay true to the evidence; a relation triple that no
  evidence supports is counted in the report and left out;
* everything else (ontology, vocabulary) goes to the vocabulary graph. A file that
  declares the medkg ontology carries a whole vocabulary and replaces that graph;
  otherwise its statements are added to it. (A later ``medkg build`` with a
  different vocabulary rewrites the vocabulary graph.)

Safety, checked before any parser sees the bytes: files over ``max_bytes`` are
refused; RDF/XML with a ``DOCTYPE`` or ``ENTITY`` declaration is refused (entity
expansion: a few hundred bytes can expand to gigabytes); JSON-LD may only name
medkg's published context (replaced by the shipped copy), any other remote
``@context`` or ``@import`` is refused; ``owl:imports`` (and owlready2's
``python_module``) are dropped, never followed. The parsers are Oxigraph's, which
fetch nothing. Text is sanitised as for exports.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDF
from rdflib.namespace import PROV
from rdflib.term import Node

from medkg.exceptions import ImportRefused, InvalidRdf
from medkg.exporters.jsonld import CONTEXT_URL, shipped_context
from medkg.exporters.sanitize import LINKS_FOLLOWED_BY_READERS, sanitize_quads
from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH, refresh_facts
from medkg.ontology.namespace import MKG, ONTOLOGY_IRI, RELATIONS
from medkg.store import Quad, Store
from medkg.store.oxigraph import text_quad
from medkg.store.terms import from_ox, to_ox

__all__ = ["import_file", "read_rdf", "ImportReport", "FORMATS", "DEFAULT_MAX_BYTES"]

#: files larger than this are refused unless the caller raises the limit
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

#: format names (as for ``medkg export``) and the suffixes that imply them
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "owl": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
             ".json": "jsonld", ".owl": "owl", ".rdf": "rdfxml", ".xml": "rdfxml"}
#: the published context's addresses, both schemes
_OWN_CONTEXTS = {CONTEXT_URL, CONTEXT_URL.replace("https://", "http://", 1)}
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_RELATIONS = frozenset(RELATIONS.values())


@dataclass
class ImportReport:
    """What an import did."""

    path: str
    statements: int = 0
    documents: list[str] = field(default_factory=list)
    vocabulary: int = 0
    vocabulary_replaced: bool = False
    dropped_links: int = 0
    unsupported_facts: int = 0
    facts: int = 0

    def summary(self) -> str:
        lines = [f"imported {self.statements:,} statements from {self.path}: {len(self.documents)} documents, "
                 f"{self.vocabulary:,} vocabulary statements "
                 f"({'replacing' if self.vocabulary_replaced else 'added to'} the vocabulary graph); "
                 f"{self.facts:,} facts recomputed from the evidence"]
        if self.dropped_links:
            lines.append(f"dropped {self.dropped_links} owl:imports / python_module statements (never followed)")
        if self.unsupported_facts:
            lines.append(f"left out {self.unsupported_facts} relation triples that no evidence supports")
        return "\n".join(lines)


def _format_of(path: Path, format: str | None) -> tuple[str, ox.RdfFormat]:
    name = format or _SUFFIXES.get(path.suffix.lower())
    if name not in FORMATS:
        raise ImportRefused(f"cannot tell the RDF format of {path.name}; pass --format, one of: "
                            f"{', '.join(sorted(FORMATS))}")
    return name, FORMATS[name]


def _decode(data: bytes, what: str) -> str:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ImportRefused(f"{what} must be UTF-8 (or UTF-16 with a byte order mark): {err}") from err


def _refuse_declarations(text: str) -> None:
    found = _DECLARATION.search(text)
    if found:
        raise ImportRefused(f"RDF/XML with a <!{found.group(1).upper()} declaration is refused: entity "
                            "expansion can exhaust memory; remove the DOCTYPE and write entities out")


def _local_context(value: Any) -> Any:
    """``value`` of an ``@context`` with medkg's published context inlined; any other
    remote reference refused."""
    if value is None:
        return None
    if isinstance(value, str):
        if value in _OWN_CONTEXTS:
            return shipped_context()
        raise ImportRefused(f"JSON-LD with the remote @context {value!r} is refused: medkg fetches nothing; "
                            f"embed the context, or use medkg's ({CONTEXT_URL})")
    if isinstance(value, list):
        return [_local_context(v) for v in value]
    if isinstance(value, dict):
        if "@import" in value:
            raise ImportRefused(f"JSON-LD with @import {value['@import']!r} is refused: medkg fetches nothing; "
                                "embed the imported context")
        return {term: ({**definition, "@context": _local_context(definition["@context"])}
                       if isinstance(definition, dict) and "@context" in definition else definition)
                for term, definition in value.items()}
    return value


def _localise(node: Any) -> Any:
    if isinstance(node, list):
        return [_localise(item) for item in node]
    if isinstance(node, dict):
        return {key: _local_context(value) if key == "@context" else _localise(value) for key, value in node.items()}
    return node


def _safe_jsonld(data: bytes) -> bytes:
    try:
        document = json.loads(_decode(data, "JSON-LD"))
    except RecursionError as err:
        raise ImportRefused("JSON-LD nested too deeply to read safely") from err
    except json.JSONDecodeError as err:
        raise InvalidRdf(f"not valid JSON: {err}") from err
    return json.dumps(_localise(document), ensure_ascii=False).encode("utf-8")


def read_rdf(path: str | Path, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
             ) -> tuple[list[Quad], int]:
    """The statements of an RDF file, checked and sanitised; and how many
    ``owl:imports``-like statements were dropped.

    Raises:
        ImportRefused: the file is too large, of unknown format, or unsafe (see module doc).
        InvalidRdf: the file does not parse.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"{path} is not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportRefused(f"{path.name} has {size:,} bytes, more than the limit of {max_bytes:,}; "
                            "raise it with --max-bytes if you trust the file")
    name, rdf_format = _format_of(path, format)
    data = path.read_bytes()
    if rdf_format == ox.RdfFormat.RDF_XML:
        _refuse_declarations(_decode(data, "RDF/XML"))
    elif rdf_format == ox.RdfFormat.JSON_LD:
        data = _safe_jsonld(data)
    try:
        parsed = [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name))
                  for q in ox.parse(data, format=rdf_format)]
    except (SyntaxError, ValueError) as err:
        raise InvalidRdf(f"{path.name} is not valid {name}: {err}") from err
    kept = [q for q in parsed if q[1] not in LINKS_FOLLOWED_BY_READERS]
    return list(sanitize_quads(kept)), len(parsed) - len(kept)


def _documents(quads: Iterable[Quad]) -> set[Node]:
    return {s for s, p, o, _ in quads if p == RDF.type and o == MKG.Document}


def _place(quads: list[Quad]) -> tuple[list[Quad], set[Node], list[Quad]]:
    """Statements in their medkg graphs, the documents among them, and the relation
    triples left to the facts recomputation."""
    documents = _documents(quads)
    source = {s: o for s, p, o, _ in quads if p == PROV.wasDerivedFrom and o in documents}
    facts = {s for s, p, o, _ in quads if p == RDF.type and o == MKG.Fact}
    placed, relations = [], []
    for s, p, o, g in quads:
        if g in documents:
            placed.append((s, p, o, g))
        elif s in documents or s in source:
            placed.append((s, p, o, s if s in documents else source[s]))
        elif s in facts or g == FACTS_GRAPH or p in _RELATIONS:
            if p in _RELATIONS:
                relations.append((s, p, o, g))
        else:
            placed.append((s, p, o, VOCABULARY_GRAPH))
    return placed, documents, relations


def import_file(path: str | Path, store: Store, *, format: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> ImportReport:
    """Load an RDF file into ``store`` and recompute the facts (see module doc).

    Two transactions: the statements (replacing the graphs of the documents they
    carry), then the facts graph, as a build does.

    Raises:
        ImportRefused: the file is refused before parsing.
        InvalidRdf: the file does not parse.
    """
    quads, dropped = read_rdf(path, format=format, max_bytes=max_bytes)
    placed, documents, relations = _place(quads)
    vocabulary = [q for q in placed if q[3] == VOCABULARY_GRAPH]
    replace_vocabulary = (ONTOLOGY_IRI, RDF.type, OWL.Ontology, VOCABULARY_GRAPH) in vocabulary
    remove = sorted(documents) + ([VOCABULARY_GRAPH] if replace_vocabulary else [])
    store.replace(remove_graphs=remove, add=placed)
    stated = {q[:3] for q in refresh_facts(store)}
    unsupported = {text_quad(q)[:3] for q in relations} - stated
    fact_type = (str(to_ox(RDF.type)), str(to_ox(MKG.Fact)))
    return ImportReport(
        path=str(path), statements=len(quads), documents=sorted(str(d) for d in documents),
        vocabulary=len(vocabulary), vocabulary_replaced=replace_vocabulary, dropped_links=dropped,
        unsupported_facts=len(unsupported), facts=sum(1 for _, p, o in stated if (p, o) == fact_type))
