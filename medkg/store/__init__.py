"""Stores: where medkg keeps its graph, chosen by a location string.

``open_store("kg")`` opens (or with ``create=True`` creates) the default Oxigraph
store in the directory ``kg``; ``"rdflib:kg"`` picks the rdflib backend and
``"memory:"`` an in-memory store, and ``"sparql+http://host:port"`` a SPARQL 1.1
server (see :mod:`medkg.store.remote`). A store directory remembers its backend, so
later commands need only the directory.
"""
from __future__ import annotations

import json
from pathlib import Path

from medkg import registry
from medkg.exceptions import StoreError, StoreNotFound
from medkg.store.base import Quad, Store, Triple

__all__ = ["open_store", "Store", "Quad", "Triple", "DEFAULT_BACKEND"]

DEFAULT_BACKEND = "oxigraph"
_MARKER = "medkg-store.json"


def _split(location: str) -> tuple[str | None, str | None]:
    scheme, sep, rest = location.partition(":")
    backend, plus, _ = scheme.partition("+")
    if sep and plus and rest.startswith("//"):  # sparql+http://host:port names a server, not a directory
        return backend, location
    if sep and scheme in registry.names("stores") and not rest.startswith("//"):
        return scheme, rest or None
    if sep and "://" in location:
        return scheme, location
    return None, location


def open_store(location: str, *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at ``location``.

    Args:
        location: a directory, or ``backend:directory`` (``oxigraph:kg``,
            ``rdflib:kg``), or ``memory:``.
        create: create the store if it does not exist yet.
        read_only: open for reading only.

    Raises:
        StoreNotFound: nothing is there and ``create`` is false.
        PluginNotFound: the backend name is unknown.
    """
    backend, path = _split(location)
    marker = Path(path) / _MARKER if path and "://" not in path else None
    if marker is not None and marker.exists():
        recorded = json.loads(marker.read_text(encoding="utf-8")).get("backend", DEFAULT_BACKEND)
        if backend and backend != recorded:
            raise StoreError(f"the store at {path} uses the {recorded!r} backend, not {backend!r}")
        backend = recorded
    elif marker is not None and not create and backend != "memory":
        raise StoreNotFound(f"no medkg store at {path}; build one first with 'medkg build PATH --store {path}'")
    backend = backend or DEFAULT_BACKEND
    cls = registry.get("stores", backend)
    store = cls(path if backend != "memory" else None, create=create, read_only=read_only)
    if marker is not None and backend != "memory" and not marker.exists():
        marker.write_text(json.dumps({"backend": backend, "format": 1}), encoding="utf-8")
    return store
