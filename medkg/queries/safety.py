"""Checks that a SPARQL query only reads the store, made before it is evaluated.

Both engines dereference IRIs when a query asks them to: ``SERVICE`` and ``LOAD``
make network requests from native code, and with rdflib ``FROM <file:...>`` reads a
local file and ``USING`` fetches. Updates would change the store. And pyoxigraph
crashes the whole process (SIGSEGV) on about 3,000 nested ``{`` or 5,000 ``FILTER(``.
So every query from outside is scanned first: keywords are looked for only where the
parser would see a keyword (not in strings, IRIs, comments, variable or prefixed
names), and the nesting of ``{``, ``(`` and ``[`` is counted. The scan runs on the
text as written and again with ``\\uXXXX`` escapes decoded, as the SPARQL grammar
allows them anywhere; a refusal on either counts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from medkg.exceptions import UnsafeQuery

__all__ = ["check_read_only", "nesting_depth", "MAX_DEPTH", "REMOTE_KEYWORDS", "UPDATE_KEYWORDS", "SPARQL_TOKEN"]

#: deeper nesting is refused: pyoxigraph is fine at 2,000 and crashes at about 3,000
MAX_DEPTH = 1000

#: keywords that make an engine read something outside the store
REMOTE_KEYWORDS = ("SERVICE", "LOAD", "FROM", "USING")
#: keywords that only SPARQL Update uses
UPDATE_KEYWORDS = ("INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

SPARQL_TOKEN = re.compile(r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|'\'\'(?:[^'\\]|\\.|'(?!''))*(?:'\'\'|$)
              |"(?:[^"\\\n]|\\.)*(?:"|$)|'(?:[^'\\\n]|\\.)*(?:'|$))
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<name>[?$@:_]?[^\W\d][\w\-.]*(?::[\w\-.%]*)?)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
''', re.VERBOSE | re.DOTALL)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decoded(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    for match in SPARQL_TOKEN.finditer(text):
        yield match.lastgroup or "", match.group()


def _keywords(text: str) -> set[str]:
    """The bare words of ``text`` that the SPARQL parser would read as keywords, upper-cased."""
    found = set()
    for kind, value in _tokens(text):
        if kind == "name" and value[0] not in "?$@:_" and ":" not in value:
            found.add(value.upper())
    return found


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` outside strings, IRIs and comments.

    Example:
        >>> nesting_depth('SELECT * WHERE { FILTER(STR(?x) = "{{{") }')
        3
    """
    depth = deepest = 0
    for kind, _ in _tokens(text):
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
    return deepest


def check_read_only(query: str, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse ``query`` unless it can only read the store.

    Args:
        query: SPARQL query text.
        max_depth: the deepest nesting of brackets allowed.

    Raises:
        UnsafeQuery: the query is an update, names a remote or local source
            (``SERVICE``, ``LOAD``, ``FROM``, ``FROM NAMED``, ``USING``), or nests deeper
            than ``max_depth``. Its message starts with "updates are not allowed" for
            an update, so callers can answer 403 rather than 400.

    Example:
        >>> check_read_only("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
        Traceback (most recent call last):
        ...
        medkg.exceptions.UnsafeQuery: queries with FROM are not allowed: medkg queries only its own store
    """
    texts = {query, _decoded(query)}
    words: set[str] = set()
    for text in texts:
        depth = nesting_depth(text)
        if depth > max_depth:
            raise UnsafeQuery(f"the query nests {depth} levels deep; at most {max_depth} are allowed")
        words |= _keywords(text)
    updates = [kw for kw in UPDATE_KEYWORDS if kw in words]
    if updates:
        raise UnsafeQuery(f"updates are not allowed ({', '.join(updates)}): the graph is read-only here; "
                          "change it with 'medkg build'")
    remote = [kw for kw in REMOTE_KEYWORDS if kw in words]
    if remote:
        raise UnsafeQuery(f"queries with {', '.join(remote)} are not allowed: medkg queries only its own store")
