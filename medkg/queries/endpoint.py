"""``medkg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, on the loopback.

What it does:

* ``/sparql`` answers ``GET ?query=...``, ``POST`` of a form (``query=...``) and
  ``POST`` of ``application/sparql-query``; SELECT and ASK results come as SPARQL JSON,
  XML, CSV or TSV, CONSTRUCT and DESCRIBE results as Turtle, N-Triples or JSON-LD,
  chosen by the ``Accept`` header (or a ``format`` parameter when Accept says nothing).
* ``/`` is a small HTML page to type a query, run a named one, and browse a concept
  (every value shown is HTML-escaped; the page has no script).

How it stays safe:

* Read-only: the store is opened read-only, and updates (``update=``,
  ``application/sparql-update``, or update keywords in a query) are refused with 403.
* No outbound requests: ``SERVICE``, ``LOAD``, ``FROM``, ``FROM NAMED``, ``USING``
  and the protocol's ``default-graph-uri`` / ``named-graph-uri`` are refused with 400
  before evaluation (:mod:`medkg.queries.safety`); nothing is parsed that could load a
  remote JSON-LD context.
* Queries nesting deeper than 1,000 brackets are refused (pyoxigraph crashes at
  about 3,000).
* Every query runs in a worker process with a time limit; a query that runs over it
  is stopped by killing its worker (native query engines cannot be interrupted from
  a thread), which is replaced, and the client gets 503. A worker that crashes is
  replaced too, so the server keeps answering. Results are cut to ``max_rows``
  solutions (header ``X-Medkg-Truncated: true``).
* It binds 127.0.0.1 by default and then answers only requests whose ``Host`` is a
  loopback name (against DNS rebinding); requests and queries have size limits.

The HTTP layer is the standard library's :class:`~http.server.ThreadingHTTPServer`:
no extra dependency, and the parts an ASGI framework would add (routing, async) are
not where the risks are; isolation and time limits come from the worker processes.
"""
from __future__ import annotations

import html
import json
import queue
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from urllib.parse import parse_qs, quote, urlsplit

from medkg.exceptions import QueryTimeout, StoreError, UnsafeQuery
from medkg.queries import named_query, query_names
from medkg.queries.results import GRAPH_FORMATS, SOLUTION_FORMATS
from medkg.queries.safety import check_read_only

__all__ = ["EndpointSettings", "SparqlEndpoint", "make_server", "serve", "negotiate"]

_MEDIA = {**{t: n for n, t in SOLUTION_FORMATS.items()}, **{t: n for n, t in GRAPH_FORMATS.items()},
          "application/json": "json", "application/xml": "xml", "text/xml": "xml",
          "application/x-turtle": "turtle", "application/json-ld": "json-ld", "text/plain": "ntriples"}
_SHORT = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
          "json-ld": "json-ld", "jsonld": "json-ld", "nt": "ntriples", "ntriples": "ntriples",
          "n-triples": "ntriples"}
_CONTENT_TYPES = {**SOLUTION_FORMATS, **GRAPH_FORMATS}
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_DESCRIBE = ('SELECT ?iri ?direction ?property ?value WHERE { { ?iri ?property ?value BIND("out" AS ?direction) } '
             'UNION { ?value ?property ?iri BIND("in" AS ?direction) } } ORDER BY DESC(?direction) ?property ?value')


@dataclass(frozen=True)
class EndpointSettings:
    """Limits of the endpoint.

    Attributes:
        timeout: seconds a query may run before it is stopped.
        max_rows: solutions returned at most.
        workers: worker processes, i.e. queries run at the same time.
        max_query_bytes: the largest query (or request body) accepted.
    """

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    max_query_bytes: int = 1_000_000


@dataclass
class Response:
    """What the endpoint answers: status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]

    @classmethod
    def text(cls, status: int, message: str) -> Response:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), {})


# ---------------------------------------------------------------------- workers
class _Worker:
    """One worker process and the pipe to it; replaced when it hangs or dies."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._start()

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "medkg.queries.worker", str(theirs.fileno()), self.location],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        theirs.close()
        self.connection = Connection(ours.detach())
        self.ready = False

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Wait until the worker has opened the store.

        Raises:
            StoreError: the worker could not open the store or did not start in time.
        """
        if self.ready:
            return
        if not self.connection.poll(timeout):
            self.restart()
            raise StoreError(f"a query worker did not start within {timeout:.0f} s")
        try:
            status, message = self.connection.recv()
        except EOFError:
            self.restart()
            raise StoreError("a query worker died while opening the store") from None
        if status != "ready":
            raise StoreError(f"cannot open the store at {self.location}: {message}")
        self.ready = True

    def run(self, request: tuple, timeout: float) -> tuple:
        """Send one query and wait at most ``timeout`` seconds for the answer.

        Raises:
            QueryTimeout: no answer in time; the worker was killed and replaced.
        """
        self.wait_ready()
        try:
            self.connection.send(request)
        except OSError:  # the worker died since its last answer
            self.restart()
            self.wait_ready()
            self.connection.send(request)
        if not self.connection.poll(timeout):
            self.restart()
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        try:
            return self.connection.recv()
        except EOFError:
            self.restart()
            return ("error", 500, "the query crashed its worker process; the worker was replaced")

    def restart(self) -> None:
        """Kill the worker (it may be stuck in native code) and start a new one."""
        self.stop()
        self._start()

    def stop(self) -> None:
        """Kill the worker process and close the socket."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.connection.close()


class _Pool:
    """Workers handed out one request at a time."""

    def __init__(self, location: str, size: int) -> None:
        self.workers = [_Worker(location) for _ in range(max(1, size))]
        self._free: queue.Queue[_Worker] = queue.Queue()
        for worker in self.workers:
            worker.wait_ready()
            self._free.put(worker)

    def run(self, request: tuple, timeout: float) -> tuple:
        try:
            worker = self._free.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"every query worker stayed busy for {timeout:g} s; try again later") from None
        try:
            return worker.run(request, timeout)
        finally:
            self._free.put(worker)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


# ---------------------------------------------------------------------- negotiation
def negotiate(accept: str | None, format_param: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The result formats a client accepts, best first: (for solutions, for graphs).

    The ``Accept`` header decides, with its q-values; when it is missing or only
    ``*/*``, a ``format`` (or ``output``) parameter such as ``json`` or
    ``text/tab-separated-values`` decides; by default SPARQL JSON and Turtle.

    Example:
        >>> negotiate("text/csv;q=0.5, application/sparql-results+xml")
        (['xml', 'csv'], [])
    """
    ranked: list[tuple[float, int, str]] = []
    wildcard = False
    for position, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality <= 0 or not media:
            continue
        if media.lower() in ("*/*", "application/*", "text/*"):
            wildcard = True
        elif media.lower() in _MEDIA:
            ranked.append((-quality, position, _MEDIA[media.lower()]))
    names = [name for _, _, name in sorted(ranked)]
    if not names and (wildcard or not accept):
        for value in format_param or []:
            name = _SHORT.get(value.lower()) or _MEDIA.get(value.lower())
            if name:
                names.append(name)
        if not names or wildcard or not accept:
            names += ["json", "turtle"]
    unique = list(dict.fromkeys(names))
    return [n for n in unique if n in SOLUTION_FORMATS], [n for n in unique if n in GRAPH_FORMATS]


# ---------------------------------------------------------------------- the endpoint
class SparqlEndpoint:
    """The request logic, apart from HTTP plumbing (so it can be tested directly).

    Args:
        location: the store (a directory, or ``rdflib:DIR``); opened read-only by
            each worker process.
        settings: limits.

    Raises:
        StoreError: the store cannot be opened (checked when the workers start).
    """

    def __init__(self, location: str, settings: EndpointSettings | None = None) -> None:
        if location.startswith("memory:"):
            raise StoreError("'medkg serve' needs a store directory; an in-memory store has nothing to serve")
        self.location = location
        self.settings = settings or EndpointSettings()
        self._pool = _Pool(location, self.settings.workers)

    def close(self) -> None:
        """Stop the workers."""
        self._pool.close()

    def sparql(self, method: str, params: dict[str, list[str]], headers: dict[str, str], body: bytes) -> Response:
        """Answer one request to ``/sparql`` (SPARQL 1.1 Protocol, queries only)."""
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if method == "POST" and content_type == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)}
        if "update" in params or content_type == "application/sparql-update":
            return Response.text(403, "updates are not allowed: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return Response.text(400, "default-graph-uri and named-graph-uri are not supported: "
                                      "queries run over the union of the store's graphs")
        queries = list(params.get("query", []))
        if method == "POST" and content_type == "application/sparql-query":
            queries.append(body.decode("utf-8", "replace"))
        if len(queries) != 1:
            return Response.text(400, "send exactly one query: ?query=... , a form field 'query', "
                                      "or a body of type application/sparql-query")
        solution_formats, graph_formats = negotiate(headers.get("accept"),
                                                    params.get("format") or params.get("output"))
        return self.run(queries[0], solution_formats=solution_formats, graph_formats=graph_formats)

    def run(self, query: str, *, solution_formats: list[str], graph_formats: list[str],
            bindings: dict[str, str] | None = None) -> Response:
        """Check and run one query in a worker; IRIs in ``bindings`` are bound as values."""
        if len(query.encode("utf-8")) > self.settings.max_query_bytes:
            return Response.text(413, f"the query is longer than {self.settings.max_query_bytes} bytes")
        try:
            check_read_only(query)
        except UnsafeQuery as err:
            return Response.text(403 if str(err).startswith("updates") else 400, str(err))
        request = (query, bindings or {}, solution_formats, graph_formats, self.settings.max_rows)
        try:
            answer = self._pool.run(request, self.settings.timeout)
        except QueryTimeout as err:
            return Response.text(503, str(err))
        if answer[0] == "error":
            return Response.text(answer[1], answer[2])
        _, name, body, truncated = answer
        extra = {"X-Medkg-Truncated": "true"} if truncated else {}
        charset = "; charset=utf-8" if name != "xml" else ""
        return Response(200, _CONTENT_TYPES[name] + charset, body, extra)

    # ------------------------------------------------------------------ the page
    def page(self, params: dict[str, list[str]]) -> Response:
        """The HTML page: a query form, named queries, and results or a concept's triples."""
        query = (params.get("query") or [""])[0]
        iri = (params.get("iri") or [""])[0]
        name = (params.get("name") or [""])[0]
        if name in query_names():
            query = named_query(name).text
        result_html = ""
        if iri:
            query = ""
            result_html = self._table(_DESCRIBE, {"iri": iri}, f"Triples about {iri}")
        elif query.strip() and not name:
            result_html = self._table(query, {}, "Results")
        return Response(200, "text/html; charset=utf-8", _render_page(query, result_html).encode("utf-8"), {})

    def _table(self, query: str, bindings: dict[str, str], title: str) -> str:
        response = self.run(query, solution_formats=["json"], graph_formats=["ntriples"], bindings=bindings)
        if response.status != 200:
            return f'<p class="error">{html.escape(response.body.decode("utf-8", "replace"))}</p>'
        if response.content_type.startswith(GRAPH_FORMATS["ntriples"]):
            return f"<h2>{html.escape(title)}</h2><pre>{html.escape(response.body.decode('utf-8'))}</pre>"
        data = json.loads(response.body)
        if "boolean" in data:
            return f"<h2>{html.escape(title)}</h2><p>{html.escape(str(data['boolean']).lower())}</p>"
        variables = data["head"]["vars"]
        rows = data["results"]["bindings"]
        head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
        body = "".join("<tr>" + "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables) + "</tr>"
                       for row in rows)
        note = " (cut)" if response.headers.get("X-Medkg-Truncated") else ""
        return (f"<h2>{html.escape(title)}: {len(rows)} rows{note}</h2>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _cell(value: dict[str, str] | None) -> str:
    if value is None:
        return ""
    text = html.escape(value["value"])
    if value["type"] == "uri":
        return f'<a href="/?iri={quote(value["value"], safe="")}">{text}</a>'
    return text


def _render_page(query: str, results: str) -> str:
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}: '
                      f'{html.escape(named_query(n).description[:90])}</option>' for n in query_names())
    example = query or ("PREFIX mkg: <https://w3id.org/medkg/ontology#>\n"
                        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                        "SELECT ?cause ?label WHERE {\n  ?cause mkg:causes <https://w3id.org/medkg/concept/ankle-pain> ;"
                        "\n         skos:prefLabel ?label .\n}")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>medkg SPARQL</title>
<style>body{{font-family:sans-serif;margin:1.5em;max-width:70em}}textarea{{width:100%;height:14em;
font-family:monospace}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .4em;
text-align:left;vertical-align:top}}.error{{color:#a00}}</style></head>
<body><h1>medkg SPARQL endpoint</h1>
<p>Read-only. Queries see the union of all graphs. Programs can use <code>/sparql</code>
(SPARQL 1.1 Protocol).</p>
<form method="get" action="/"><textarea name="query">{html.escape(example)}</textarea>
<p><button type="submit">Run</button></p></form>
<form method="get" action="/"><p>Named query (shown for editing; bind its parameters first):
<select name="name">{options}</select> <button type="submit">Show</button></p></form>
{results}
</body></html>"""


# ---------------------------------------------------------------------- HTTP
class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds to read a request: a slow client cannot hold a thread forever

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        try:
            response = self._respond(method)
        except Exception as err:  # never let a request take the server down
            response = Response.text(500, f"internal error: {type(err).__name__}")
        self._send(response)

    def _respond(self, method: str) -> Response:
        endpoint = self.server.endpoint
        if not self._host_allowed():
            return Response.text(403, "this endpoint answers only requests addressed to the loopback host")
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return Response.text(400, "invalid Content-Length")
        if length > endpoint.settings.max_query_bytes:
            return Response.text(413, f"the request body is longer than {endpoint.settings.max_query_bytes} bytes")
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        if url.path == "/sparql":
            return endpoint.sparql(method, params, headers, body)
        if url.path == "/" and method == "GET":
            return endpoint.page(params)
        return Response.text(404, "not found: the endpoint is /sparql, the query page is /")

    def _host_allowed(self) -> bool:
        if not self.server.loopback_only:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in _LOOPBACK_NAMES

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for key, value in {**_SECURITY_HEADERS, **response.headers}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: SparqlEndpoint, *, quiet: bool) -> None:
        self.endpoint = endpoint
        self.quiet = quiet
        self.loopback_only = address[0] in ("127.0.0.1", "localhost", "::1")
        super().__init__(address, _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def make_server(location: str, *, host: str = "127.0.0.1", port: int = 8000,
                settings: EndpointSettings | None = None, quiet: bool = False) -> _Server:
    """A ready endpoint server (workers started); call ``serve_forever()``, then
    ``shutdown()`` and ``server_close()``. Port 0 picks a free port (``server_address``).

    Raises:
        StoreError: the store cannot be opened.
    """
    endpoint = SparqlEndpoint(location, settings)
    try:
        return _Server((host, port), endpoint, quiet=quiet)
    except OSError as err:
        endpoint.close()
        raise StoreError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err


def serve(location: str, *, host: str = "127.0.0.1", port: int = 8000, settings: EndpointSettings | None = None,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the store until interrupted (Ctrl-C); ``on_ready`` gets the endpoint's URL.

    Raises:
        StoreError: the store cannot be opened or the port cannot be bound.
    """
    server = make_server(location, host=host, port=port, settings=settings)
    if on_ready is not None:
        bound_host, bound_port = server.server_address[:2]
        on_ready(f"http://{bound_host}:{bound_port}/sparql")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
