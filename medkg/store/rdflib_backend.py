"""A plain rdflib store: the whole dataset in memory, saved as one N-Quads file.

Kept as the reference backend and for users who want nothing but rdflib. Every
write rewrites the file atomically (temporary file, then rename), so a crash leaves
the previous file readable; it is slow on large graphs (see README, "Stores").
"""
from __future__ import annotations

import fcntl
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result
from rdflib.term import Identifier

from medkg.atomic import atomic_write
from medkg.exceptions import QueryError, StoreError, StoreLocked, StoreNotFound
from medkg.store.base import PREFIXES, Quad, Store, check_query_is_safe
from medkg.store.terms import OX_TERMS, from_ox

__all__ = ["RdflibStore"]

_FILE = "graph.nq"
_DEFAULT = URIRef("urn:x-rdflib:default")


class RdflibStore(Store):
    """A store in a directory holding ``graph.nq``."""

    name = "rdflib"

    def __init__(self, location: str | None, *, create: bool = False, read_only: bool = False) -> None:
        super().__init__(location, create=create, read_only=read_only)
        if location is None:
            raise StoreError("the rdflib backend needs a directory")
        self._dir = Path(location)
        if not create and not self._dir.exists():
            raise StoreNotFound(f"no medkg store at {location}; build one first with 'medkg build PATH --store rdflib:{location}'")
        self._dir.mkdir(parents=True, exist_ok=True)
        self._lock = None if read_only else self._acquire_lock()
        self._data = Dataset(default_union=True)
        file = self._dir / _FILE
        if file.exists():
            self._data.parse(file, format="nquads")

    def _acquire_lock(self):
        handle = open(self._dir / ".lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            handle.close()
            raise StoreLocked(f"the store at {self.location} is locked: another medkg process is writing to it; "
                              "wait for it to finish") from err
        return handle

    def replace(self, *, remove_graphs: Iterable[URIRef] = (), remove: Iterable[Quad] = (),
                add: Iterable[Quad] = ()) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only")
        for g in remove_graphs:
            self._data.remove_graph(self._data.graph(g))
        graphs: dict[URIRef | None, Graph] = {None: self._data.default_graph}
        for quads, change in ((remove, Graph.remove), (add, Graph.add)):
            for s, p, o, g in quads:
                s, p, o, g = (from_ox(t) if isinstance(t, OX_TERMS) else t for t in (s, p, o, g))
                if g not in graphs:
                    graphs[g] = self._data.graph(g)
                change(graphs[g], (s, p, o))
        with atomic_write(self._dir / _FILE, mode="wb") as handle:
            self._data.serialize(handle, format="nquads")

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        check_query_is_safe(sparql)
        try:
            prepared = prepareQuery(sparql, initNs=PREFIXES)
        except Exception as err:  # rdflib raises pyparsing errors of several kinds
            raise QueryError(f"invalid SPARQL: {err}") from err
        return self._data.query(prepared, initBindings=dict(bindings or {}))

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        for s, p, o, g in self._data.quads((None, None, None, graph)):
            name = g.identifier if hasattr(g, "identifier") else g
            yield s, p, o, (None if name in (None, _DEFAULT, self._data.default_graph.identifier) else name)

    def graph_names(self) -> set[URIRef]:
        default = self._data.default_graph.identifier
        return {g.identifier for g in self._data.graphs()
                if isinstance(g.identifier, URIRef) and g.identifier not in (default, _DEFAULT)}

    def __len__(self) -> int:
        return sum(1 for _ in self._data.quads((None, None, None, None)))

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None
