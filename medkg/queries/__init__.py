"""Questions to the graph: named SPARQL queries, a Python API, free-text lookup, an endpoint.

The named queries are ``*.rq`` files shipped in this package, each opening with a
comment that says what it answers and which variables to bind
(``# param: ?concept  IRI of a symptom or condition``). Researchers can run them in
any SPARQL tool against an export; medkg runs them with the values passed as
bindings, never pasted into the text.

Reasoning is done by property paths in the queries (``skos:broader*`` for narrower
concepts, ``mkg:partOf*`` for parts of a body region), not by materialising a closure
at build time: nothing extra is stored, and the answers stay right after incremental
builds that add or replace documents (a materialised closure would have to be
recomputed and rewritten on every change).

Example:
    >>> names = query_names()
    >>> "causes" in names and "whom_to_see" in names
    True
    >>> named_query("causes").params["concept"]
    'IRI of a symptom or condition'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from medkg.exceptions import QueryError

__all__ = ["NamedQuery", "named_query", "query_names", "parse_header"]

_PARAM = re.compile(r"^#\s*param:\s*\?(\w+)\s*(.*)$")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its header: what it answers and what to bind.

    Attributes:
        name: the file name without ``.rq``.
        text: the full SPARQL text.
        description: the header's prose lines joined.
        params: variable name (without ``?``) -> description; a description that
            starts with "IRI" marks a variable to bind to an IRI.
    """

    name: str
    text: str
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def iri_params(self) -> list[str]:
        """The parameters that take an IRI (their description starts with "IRI")."""
        return [name for name, text in self.params.items() if text.startswith("IRI")]


def parse_header(text: str, name: str = "") -> NamedQuery:
    """Read the leading ``#`` comment block of a query: description and ``# param:`` lines."""
    prose: list[str] = []
    params: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _PARAM.match(stripped)
        if match:
            params[match.group(1)] = match.group(2).strip()
        elif not stripped.lstrip("# ").startswith("returns:"):
            prose.append(stripped.lstrip("#").strip())
    return NamedQuery(name=name, text=text, description=" ".join(p for p in prose if p), params=params)


def query_names() -> list[str]:
    """The names of every shipped query, sorted."""
    folder = resources.files(__name__)
    return sorted(f.name[:-3] for f in folder.iterdir() if f.name.endswith(".rq"))


@lru_cache(maxsize=None)
def named_query(name: str) -> NamedQuery:
    """The shipped query ``name`` (``"causes"``, ``"whom_to_see"``, ...).

    Raises:
        QueryError: no query has that name; the message lists the known ones.
    """
    if name not in query_names():
        raise QueryError(f"unknown query {name!r}; known: {', '.join(query_names())}")
    text = (resources.files(__name__) / f"{name}.rq").read_text(encoding="utf-8")
    return parse_header(text, name)
