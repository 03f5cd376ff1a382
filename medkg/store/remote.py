"""A store on a remote SPARQL 1.1 server (Oxigraph server, Apache Jena Fuseki, Virtuoso,
GraphDB), reached over HTTP with the SPARQL 1.1 Protocol.

Chosen when the graph should outlive one machine or be shared: the server keeps the
data and answers queries; medkg sends queries to its query endpoint and writes with
SPARQL Update requests to its update endpoint. The location names the server::

    sparql+http://127.0.0.1:7878                       Oxigraph server (/query, /update)
    sparql+http://host:3030/ds?union=server            Fuseki dataset ds (/ds/query, /ds/update)
    sparql+http://host:8890?query=/sparql&update=/sparql&union=server              Virtuoso
    sparql+http://host:7200?query=/repositories/kg&update=/repositories/kg/statements&union=server

Parameters of the location: ``query`` and ``update`` are the endpoint paths (absolute
from the host if they start with ``/``, else relative to the location's path; by
default ``query`` and ``update``); ``union`` says how queries get the union of all
graphs as their default graph (``request``, the default: ask for it with Oxigraph's
``union-default-graph`` parameter; ``server``: the server's dataset is configured that
way); ``timeout`` is the seconds to wait for an answer (default 120). A user and
password in the location (``sparql+https://user:secret@host/...``) are sent with
HTTP Basic authentication. See ``README-remote.md`` beside this file.

Each :meth:`RemoteSparqlStore.replace` is one update request (``DROP SILENT GRAPH``,
``DELETE DATA``, ``INSERT DATA``), atomic on servers that run a request as one transaction
(Oxigraph, Fuseki with TDB2, GraphDB).
"""
from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.client import HTTPResponse
from typing import Literal
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, unquote, urlencode, urlsplit
from urllib.request import Request, urlopen

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from medkg.exceptions import QueryError, QueryTimeout, StoreError
from medkg.queries.safety import SPARQL_TOKEN
from medkg.store.base import Quad, Store, TextQuad, check_query_is_safe
from medkg.store.oxigraph import as_result, text_quad, text_update
from medkg.store.bindings import with_bindings
from medkg.store.terms import from_ox

__all__ = ["RemoteSparqlStore", "Endpoints", "parse_location"]

UnionMode = Literal["request", "server"]

_PARAMS = ("query", "update", "union", "timeout")
_USAGE = ("expected sparql+http://HOST:PORT[/PATH][?query=PATH&update=PATH&union=request|server&timeout=SECONDS], "
          "e.g. sparql+http://127.0.0.1:7878")
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
           "CONSTRUCT": "application/n-triples, text/turtle;q=0.9",
           "DESCRIBE": "application/n-triples, text/turtle;q=0.9"}


@dataclass(frozen=True)
class Endpoints:
    """Where a remote store's server answers, parsed from its location."""

    #: the server's address without user and password, for messages
    url: str
    query: str
    update: str
    union: UnionMode = "request"
    timeout: float = 120.0
    #: the ``Authorization`` header value, if the location holds a user
    authorization: str | None = None


def parse_location(location: str) -> Endpoints:
    """The endpoints named by ``location`` (``sparql+http://...``, or a plain ``http://`` URL).

    Raises:
        StoreError: the location is not an http(s) URL or has an unknown parameter.

    Example:
        >>> parse_location("sparql+http://127.0.0.1:7878").query
        'http://127.0.0.1:7878/query'
        >>> e = parse_location("sparql+http://h:3030/ds?union=server")
        >>> e.update, e.union
        ('http://h:3030/ds/update', 'server')
        >>> parse_location("sparql+http://h:8890?query=/sparql&update=/sparql").update
        'http://h:8890/sparql'
    """
    url = location.removeprefix("sparql+")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"cannot use {location!r} as a SPARQL server location: {_USAGE}")
    params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = sorted(set(params) - set(_PARAMS))
    if unknown:
        raise StoreError(f"unknown parameter {', '.join(unknown)} in the SPARQL server location; "
                         f"known: {', '.join(_PARAMS)}")
    union = params.get("union", "request")
    if union not in ("request", "server"):
        raise StoreError(f"unknown union={union!r} in the SPARQL server location; known: request, server")
    try:
        timeout = float(params.get("timeout", 120))
    except ValueError:
        raise StoreError(f"timeout={params['timeout']!r} in the SPARQL server location is not a number") from None
    origin = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    base = origin + parts.path.rstrip("/")

    def endpoint(name: str) -> str:
        path = params.get(name, name)
        return origin + path if path.startswith("/") else f"{base}/{path}" if path else base

    authorization = None
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        authorization = "Basic " + base64.b64encode(credentials).decode("ascii")
    return Endpoints(url=base, query=endpoint("query"), update=endpoint("update"), union=union,
                     timeout=timeout, authorization=authorization)


def _query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword (SELECT if none)."""
    for match in SPARQL_TOKEN.finditer(sparql):
        if match.lastgroup == "name" and match.group().upper() in _FORMS:
            return match.group().upper()
    return "SELECT"


class RemoteSparqlStore(Store):
    """A store on a SPARQL 1.1 server; see the module docs for the location.

    Args:
        location: ``sparql+http://HOST:PORT[/PATH][?query=...&update=...&union=...]``.
        create: ignored: the server holds the dataset; medkg only adds graphs to it.
        read_only: refuse writes.

    Raises:
        StoreError: the location is malformed or the server cannot be reached.
    """

    name = "sparql"

    def __init__(self, location: str | None, *, create: bool = False, read_only: bool = False) -> None:
        if location is None:
            raise StoreError(f"the sparql backend needs a server location: {_USAGE}")
        self.endpoints = parse_location(location)
        super().__init__(self.endpoints.url, create=create, read_only=read_only)
        with self._post(self.endpoints.query, {"query": "ASK {}"}, _ACCEPT["ASK"], for_query=True):
            pass  # fail now, with a clear message, if the server is not there

    def replace(self, *, remove_graphs: Iterable[URIRef] = (), remove: Iterable[Quad] = (),
                add: Iterable[Quad] = ()) -> None:
        self.replace_text(remove_graphs=remove_graphs, remove=map(text_quad, remove), add=map(text_quad, add))

    def replace_text(self, *, remove_graphs: Iterable[URIRef] = (), remove: Iterable[TextQuad] = (),
                     add: Iterable[TextQuad] = ()) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only")
        drops, deletes, quads = list(remove_graphs), list(remove), list(add)
        if drops or deletes or quads:
            # One request: servers that run an update request as a transaction apply
            # the drops, deletes and inserts together or not at all.
            with self._post(self.endpoints.update, {"update": text_update(drops, deletes, quads)}, None):
                pass

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        check_query_is_safe(sparql)
        form = _query_form(sparql)
        text = with_bindings(sparql, bindings)
        with self._post(self.endpoints.query, {"query": text, **self._union()}, _ACCEPT[form],
                        for_query=True) as response:
            return as_result(self._parse(response, form))

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        if graph is None:
            text = f"SELECT ?s ?p ?o ?g WHERE {{ {self._all_quads()} }}"
        else:
            text = with_bindings("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
        with self._post(self.endpoints.query, {"query": text}, _ACCEPT["SELECT"], for_query=True) as response:
            for row in self._parse(response, "SELECT"):
                yield from_ox(row["s"]), from_ox(row["p"]), from_ox(row["o"]), from_ox(row["g"])

    def graph_names(self) -> set[URIRef]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return {row.g for row in rows if isinstance(row.g, URIRef)}

    def __len__(self) -> int:
        sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ {self._all_quads()} }}"
        with self._post(self.endpoints.query, {"query": sparql}, _ACCEPT["SELECT"], for_query=True) as response:
            return int(next(iter(self._parse(response, "SELECT")))["n"].value)

    def _union(self) -> dict[str, str]:
        """The request fields that make the default graph the union of all graphs."""
        return {"union-default-graph": ""} if self.endpoints.union == "request" else {}

    def _all_quads(self) -> str:
        """A pattern matching every quad; it is sent without the union field, so the
        default graph is the real one where the server can tell them apart."""
        named = "{ GRAPH ?g { ?s ?p ?o } }"
        return named + " UNION { ?s ?p ?o }" if self.endpoints.union == "request" else named

    def _parse(self, response: HTTPResponse, form: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QuadParser:
        media_type = response.headers.get_content_type()
        try:
            if form in ("SELECT", "ASK"):
                results_format = ox.QueryResultsFormat.from_media_type(media_type) or ox.QueryResultsFormat.JSON
                return ox.parse_query_results(response, results_format)
            rdf_format = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES
            return ox.parse(response, rdf_format)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"cannot read the answer of the SPARQL server at {self.endpoints.url} "
                             f"({media_type}): {err}") from err

    @contextmanager
    def _post(self, url: str, fields: dict[str, str], accept: str | None, *,
              for_query: bool = False) -> Iterator[HTTPResponse]:
        """POST ``fields`` URL-encoded (the SPARQL 1.1 Protocol form every server takes)
        and yield the open response; HTTP and network failures become medkg errors."""
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "User-Agent": "medkg"}
        if accept:
            headers["Accept"] = accept
        if self.endpoints.authorization:
            headers["Authorization"] = self.endpoints.authorization
        request = Request(url, data=urlencode(fields).encode("utf-8"), headers=headers, method="POST")
        try:
            with urlopen(request, timeout=self.endpoints.timeout) as response:
                yield response
        except HTTPError as err:
            raise self._http_error(err, url, for_query=for_query) from err
        except TimeoutError as err:
            raise self._timeout(for_query) from err
        except URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise self._timeout(for_query) from err
            raise StoreError(f"cannot reach the SPARQL server at {self.endpoints.url}: {err.reason}; "
                             "is it running, and is the location right?") from err
        except OSError as err:  # the connection broke while the answer was read
            raise StoreError(f"lost the connection to the SPARQL server at {self.endpoints.url}: {err}") from err

    def _timeout(self, for_query: bool) -> StoreError | QueryTimeout:
        seconds = f"{self.endpoints.timeout:g}"
        if for_query:
            return QueryTimeout(f"the SPARQL server at {self.endpoints.url} did not answer within {seconds} s; "
                                "narrow the query or raise timeout= in the location")
        return StoreError(f"the SPARQL server at {self.endpoints.url} did not finish the update within "
                          f"{seconds} s; raise timeout= in the location")

    def _http_error(self, err: HTTPError, url: str, *, for_query: bool) -> StoreError | QueryError:
        said = err.read(1000).decode("utf-8", "replace").strip()
        if err.code == 400 and for_query:
            return QueryError(f"invalid SPARQL: {said}")
        if err.code in (401, 403):
            return StoreError(f"the SPARQL server at {self.endpoints.url} refused access ({err.code}): put a user "
                              "and password in the location (sparql+http://USER:PASSWORD@HOST/...) or grant "
                              "that user the right to query and update")
        if err.code == 404:
            return StoreError(f"no SPARQL endpoint at {url} (404): give the endpoint paths in the location, "
                              "e.g. ?query=/ds/query&update=/ds/update")
        action = "query" if for_query else "update"
        return StoreError(f"the SPARQL server at {self.endpoints.url} refused the {action} ({err.code}): {said}")
