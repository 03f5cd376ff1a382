"""A query worker process of ``medkg serve``: opens the store read-only, answers queries.

Started by :mod:`medkg.queries.endpoint` as ``python -m medkg.queries.worker FD
LOCATION``, talking over the socket ``FD`` with pickled tuples. A separate process,
because a native query engine cannot be stopped from a thread: the endpoint kills a
worker whose query runs over its time limit, or that crashed, and starts another.
A plain subprocess rather than :mod:`multiprocessing`, which would re-import the
caller's main module in the child.
"""
from __future__ import annotations

import sys
from multiprocessing.connection import Connection

from rdflib import URIRef

from medkg.exceptions import QueryError
from medkg.queries.results import GRAPH_FORMATS, SOLUTION_FORMATS, serialize
from medkg.store import Store, open_store

__all__ = ["answer", "main"]

#: (query, IRI bindings, acceptable solution formats, acceptable graph formats, max rows)
Request = tuple[str, dict[str, str], list[str], list[str], int]


def answer(store: Store, request: Request) -> tuple:
    """Run one request: ``("ok", format, body, truncated)`` or ``("error", status, message)``."""
    query, bindings, solution_formats, graph_formats, max_rows = request
    try:
        result = store.query(query, {k: URIRef(v) for k, v in bindings.items()})
        graph = result.type in ("CONSTRUCT", "DESCRIBE")
        offered = graph_formats if graph else solution_formats
        if not offered:
            kinds = GRAPH_FORMATS if graph else SOLUTION_FORMATS
            return ("error", 406, f"a {result.type} result is available as: {', '.join(kinds.values())}")
        truncated = result.type == "SELECT" and len(result.bindings) > max_rows
        return ("ok", offered[0], serialize(result, offered[0], max_rows=max_rows), truncated)
    except QueryError as err:
        return ("error", 400, str(err))
    except RecursionError:
        return ("error", 400, "the query nests too deeply to be parsed")
    except ValueError as err:  # e.g. a bound IRI that is not a valid IRI
        return ("error", 400, f"invalid value: {err}")
    except Exception as err:  # an engine error must not end the worker
        return ("error", 500, f"the query failed: {type(err).__name__}: {err}")


def main(fd: int, location: str) -> None:
    """Open the store, say ``ready`` (or why not), then answer requests until the socket closes."""
    connection = Connection(fd)
    try:
        store = open_store(location, read_only=True)
    except Exception as err:  # reported to the endpoint, which refuses to start
        connection.send(("failed", f"{type(err).__name__}: {err}"))
        return
    connection.send(("ready", ""))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(answer(store, request))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
