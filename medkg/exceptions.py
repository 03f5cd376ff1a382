"""The exceptions medkg raises; every one derives from :class:`MedkgError`.

Messages say what went wrong and what to do about it, so the CLI can print them as
one line without a traceback.
"""
from __future__ import annotations

__all__ = [
    "MedkgError",
    "PluginNotFound",
    "StoreError",
    "StoreNotFound",
    "StoreLocked",
    "DocumentError",
    "QueryError",
    "ExportError",
    "VocabularyError",
    "ConceptNotFound",
    "ImportRefused",
    "InvalidRdf",
    "ClusterError",
    "UnsafeQuery",
    "QueryTimeout",
]


class MedkgError(Exception):
    """Base class of every error medkg raises on purpose."""


class PluginNotFound(MedkgError, LookupError):
    """Raised when a store, extractor or exporter name is not registered."""


class StoreError(MedkgError):
    """Raised when a store cannot be opened, read or written."""


class StoreNotFound(StoreError, FileNotFoundError):
    """Raised when a store location holds no medkg store (build one first)."""


class StoreLocked(StoreError):
    """Raised when another process is writing to the same store."""


class DocumentError(MedkgError):
    """Raised when an input document cannot be read or decoded."""


class QueryError(MedkgError):
    """Raised for a SPARQL query that is malformed, unsafe or refers to unknown names."""


class ExportError(MedkgError):
    """Raised when an export cannot be written."""


class VocabularyError(MedkgError):
    """Raised when a vocabulary file is malformed (missing label, unknown type, ...)."""


class UnsafeQuery(QueryError):
    """Raised, before evaluation, for a query that could reach out of the store or
    change it (SERVICE, LOAD, FROM, USING, an update) or that nests too deeply."""


class ConceptNotFound(QueryError):
    """Raised when a label or IRI names no concept of the graph; the message suggests close labels."""


class QueryTimeout(QueryError):
    """Raised when a query runs longer than its time limit and is stopped."""


class ImportRefused(MedkgError):
    """Raised when ``medkg import`` refuses a file before parsing it: too large, an
    unknown format, RDF/XML with a DOCTYPE or entity declarations, or JSON-LD with a
    remote ``@context`` or ``@import``."""


class InvalidRdf(MedkgError):
    """Raised when a file given to ``medkg import`` is not valid RDF in its format."""


class ClusterError(MedkgError):
    """Raised when the Dask scheduler given to ``medkg build --dask`` cannot be reached."""
