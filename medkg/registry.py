"""One registry for medkg's plugins: stores, extractor stages and exporters.

Built-in plugins are listed here, in one place, as ``"module:attribute"`` strings and
imported only when first used. Other packages add plugins through the entry-point
groups ``medkg.stores``, ``medkg.extractors`` and ``medkg.exporters``, or at run time
with :func:`register`.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from medkg.exceptions import PluginNotFound

__all__ = ["KINDS", "register", "get", "names"]

KINDS = ("stores", "loaders", "extractors", "exporters")

_BUILTINS: dict[str, dict[str, str]] = {
    "stores": {
        "oxigraph": "medkg.store.oxigraph:OxigraphStore",
        "memory": "medkg.store.oxigraph:MemoryStore",
        "rdflib": "medkg.store.rdflib_backend:RdflibStore",
        "sparql": "medkg.store.remote:RemoteSparqlStore",
    },
    "extractors": {
        "dictionary": "medkg.extractors.concepts:DictionaryConceptFinder",
        "compose": "medkg.extractors.composition:CompositionStage",
        "coordination": "medkg.extractors.coordination:CoordinationResolver",
        "context": "medkg.extractors.context:ContextAnnotator",
        "anaphora": "medkg.extractors.anaphora:AnaphoraResolver",
        "relations": "medkg.extractors.relations:RelationExtractor",
    },
    "exporters": {
        "assertions": "medkg.exporters.assertions:AssertionExporter",
        "turtle": "medkg.exporters.rdf:TurtleExporter",
        "ntriples": "medkg.exporters.rdf:NTriplesExporter",
        "nquads": "medkg.exporters.rdf:NQuadsExporter",
        "trig": "medkg.exporters.rdf:TriGExporter",
        "jsonld": "medkg.exporters.jsonld:JsonLdExporter",
        "owl": "medkg.exporters.owl:OwlExporter",
        "owl-facts": "medkg.exporters.owl:OwlFactsExporter",
        "cytoscape": "medkg.exporters.cytoscape:CytoscapeExporter",
        "neo4j": "medkg.exporters.neo4j:Neo4jExporter",
        "sssom": "medkg.exporters.sssom:SssomExporter",
        "graphml": "medkg.exporters.networkx_formats:GraphMLExporter",
        "gexf": "medkg.exporters.networkx_formats:GEXFExporter",
    },
}

_registered: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise PluginNotFound(f"unknown plugin kind {kind!r}; known: {', '.join(KINDS)}")


def _entry_points(kind: str) -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=f"medkg.{kind}")}


def register(kind: str, name: str, obj: Any) -> None:
    """Register ``obj`` (a class or ``"module:attribute"`` string) as plugin ``name``."""
    _check_kind(kind)
    _registered[kind][name] = obj


def names(kind: str) -> list[str]:
    """Every plugin name of ``kind``, sorted."""
    _check_kind(kind)
    return sorted(set(_BUILTINS.get(kind, {})) | set(_registered[kind]) | set(_entry_points(kind)))


def _resolve(ref: Any) -> Any:
    if isinstance(ref, str):
        module, _, attribute = ref.partition(":")
        return getattr(import_module(module), attribute)
    if hasattr(ref, "load"):  # an importlib.metadata.EntryPoint
        return ref.load()
    return ref


def get(kind: str, name: str) -> Any:
    """The plugin registered as ``name`` of ``kind``.

    Raises:
        PluginNotFound: no plugin has that name; the message lists the known ones.
    """
    _check_kind(kind)
    for table in (_registered[kind], _BUILTINS.get(kind, {})):
        if name in table:
            return _resolve(table[name])
    eps = _entry_points(kind)
    if name in eps:
        return _resolve(eps[name])
    singular = kind[:-1]
    raise PluginNotFound(f"unknown {singular} {name!r}; known: {', '.join(names(kind))}")
