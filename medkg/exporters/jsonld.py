"""JSON-LD export: compact, readable JSON with medkg's published ``@context``.

The context (``medkg/ontology/context.jsonld``, published as :data:`CONTEXT_URL`)
names every property and class of the ontology with a short term (``prefLabel``,
``causes``, ``evidenceFor``, ``Symptom``) and coerces values, so a concept reads as
``{"id": "mkc:heel-pain", "type": "Symptom", "prefLabel": "heel pain", "broader":
"mkc:foot-pain"}``. The export embeds the context rather than pointing at the URL,
so any JSON-LD processor reads it without fetching anything (and medkg's importer
never fetches remote contexts). Each named graph (vocabulary, facts, one per
document) is a node with its own ``@graph``, so provenance survives as in TriG.

Compaction here is deliberately simple and exact: a value uses a term only when the
term's coercion produces exactly the stored literal (integers and booleans in
canonical form become JSON numbers and booleans; doubles stay strings so ``0.80``
keeps its lexical form); anything else is written with a compact IRI key and a full
value object. Round trips through rdflib and pyoxigraph give isomorphic graphs.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

from medkg.atomic import atomic_write
from medkg.exporters.base import Exporter
from medkg.exporters.sanitize import sanitize_quads
from medkg.store import Quad, Store

__all__ = ["CONTEXT_URL", "shipped_context", "JsonLdExporter", "compact_dataset"]

#: where the context is published; the same document ships as ``medkg/ontology/context.jsonld``
CONTEXT_URL = "https://w3id.org/medkg/context.jsonld"

_CANONICAL = {str(XSD.integer): re.compile(r"0|-?[1-9][0-9]*"), str(XSD.boolean): re.compile(r"true|false")}


@lru_cache(maxsize=1)
def _context_text() -> str:
    return (resources.files("medkg.ontology") / "context.jsonld").read_text(encoding="utf-8")


def shipped_context() -> dict[str, Any]:
    """The ``@context`` object medkg publishes (a fresh copy each call)."""
    return json.loads(_context_text())["@context"]


class _Compactor:
    """Turns RDF terms into compact JSON-LD keys and values under one context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(((term, value) for term, value in context.items()
                                if isinstance(value, str) and value.endswith(("/", "#"))),
                               key=lambda item: -len(item[1]))
        prefix_names = {name for name, _ in self.prefixes}
        #: (property IRI, value kind) -> term; kinds: "string", "@en", "@id", "@vocab", datatype IRI
        self.terms: dict[tuple[str, str], str] = {}
        #: IRI -> the term naming it, for ``@type`` and ``@vocab`` values
        self.names: dict[str, str] = {}
        for term, value in context.items():
            if term in prefix_names or term.startswith("@") or (isinstance(value, str) and value.startswith("@")):
                continue
            definition = value if isinstance(value, dict) else {"@id": value}
            iri = self._expand(definition["@id"])
            self.names[iri] = term
            if "@language" in definition:
                kind = f"@{definition['@language']}"
            elif definition.get("@type") in ("@id", "@vocab"):
                kind = definition["@type"]
            elif "@type" in definition:
                kind = self._expand(definition["@type"])
            else:
                kind = "string"
            self.terms[(iri, kind)] = term

    def _expand(self, value: str) -> str:
        prefix, colon, local = value.partition(":")
        for name, iri in self.prefixes:
            if colon and name == prefix:
                return iri + local
        return value

    def iri(self, iri: str) -> str:
        """The shortest compact form of ``iri`` that expands back to it."""
        for name, namespace in self.prefixes:
            local = iri[len(namespace):]
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    def node_id(self, node: Node) -> str:
        return f"_:{node}" if isinstance(node, BNode) else self.iri(str(node))

    def type_value(self, node: Node) -> str:
        """``node`` as a value that is expanded against the vocabulary: a term if one names it."""
        return self.names.get(str(node)) or self.node_id(node)

    def entry(self, predicate: URIRef, value: Node) -> tuple[str, Any]:
        """The key and JSON value stating ``predicate value``."""
        p = str(predicate)
        if not isinstance(value, Literal):
            term = self.terms.get((p, "@vocab"))
            if term:
                return term, self.type_value(value)
            term = self.terms.get((p, "@id"))
            return (term, self.node_id(value)) if term else (self.iri(p), {"@id": self.node_id(value)})
        text = str(value)
        if value.language:
            term = self.terms.get((p, f"@{value.language}"))
            return (term, text) if term else (self.iri(p), {"@value": text, "@language": value.language})
        datatype = str(value.datatype) if value.datatype and value.datatype != XSD.string else None
        if datatype is None:
            term = self.terms.get((p, "string"))
            return (term or self.iri(p), text)
        term = self.terms.get((p, datatype))
        if term is None:
            return self.iri(p), {"@value": text, "@type": self.iri(datatype)}
        canonical = _CANONICAL.get(datatype)
        if canonical is not None and canonical.fullmatch(text):
            return term, (text == "true") if datatype == str(XSD.boolean) else int(text)
        return term, text


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _nodes(triples: list[tuple[Node, Node, Node]], compactor: _Compactor) -> dict[Node, dict[str, Any]]:
    grouped: dict[Node, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if p == RDF.type and not isinstance(o, Literal):
            grouped[s]["type"].append(compactor.type_value(o))
        else:
            key, value = compactor.entry(p, o)
            grouped[s][key].append(value)
    nodes: dict[Node, dict[str, Any]] = {}
    for subject in sorted(grouped, key=lambda n: n.n3()):
        node: dict[str, Any] = {"id": compactor.node_id(subject)}
        properties = grouped[subject]
        for key in sorted(properties, key=lambda k: (k != "type", k)):
            values = sorted(properties[key], key=_sort_key)
            node[key] = values[0] if len(values) == 1 else values
        nodes[subject] = node
    return nodes


def compact_dataset(quads: list[Quad], context: dict[str, Any]) -> dict[str, Any]:
    """A JSON-LD document of ``quads`` compacted with ``context`` (embedded).

    Default-graph triples are top-level nodes; each named graph is a node with a
    ``@graph`` of its own nodes.
    """
    compactor = _Compactor(context)
    by_graph: dict[Node | None, list] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append((s, p, o))
    top = _nodes(by_graph.pop(None, []), compactor)
    for name in sorted(by_graph, key=lambda n: n.n3()):
        holder = top.setdefault(name, {"id": compactor.node_id(name)})
        holder["@graph"] = list(_nodes(by_graph[name], compactor).values())
    return {"@context": context, "@graph": list(top.values())}


class JsonLdExporter(Exporter):
    """JSON-LD with the medkg context embedded, named graphs kept."""

    name = "jsonld"
    suffix = ".jsonld"

    def export(self, store: Store, destination: Path) -> Path:
        quads = list(sanitize_quads(set(store.quads())))
        document = compact_dataset(quads, shipped_context())
        with atomic_write(destination) as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return destination
