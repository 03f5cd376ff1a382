"""``medkg serve``: the SPARQL 1.1 Protocol with a real client, and the safety promises.

Formats and limits are tested on the Oxigraph backend; the refusals of remote and
local sources and of updates on both backends (rdflib is the one that would follow
``FROM <file:...>`` if it were asked)."""
from __future__ import annotations

import contextlib
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from medkg.queries.endpoint import EndpointSettings, make_server
from tests.conftest import recording_server

CAUSES = ("PREFIX mkg: <https://w3id.org/medkg/ontology#> "
          "SELECT ?cause WHERE { ?cause mkg:causes <https://w3id.org/medkg/concept/ankle-pain> }")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DOCUMENTS = "CONSTRUCT WHERE { ?d a <https://w3id.org/medkg/ontology#Document> }"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 2.0  # the short limit of the server that tests the limit
PATIENT = 120.0  # every other server: a loaded CI machine must not turn a slow answer into a 503


@contextlib.contextmanager
def _serving(location: str, **settings):
    """A running endpoint on a free port; stopped on leaving."""
    server = make_server(location, port=0, quiet=True, settings=EndpointSettings(**settings))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/sparql"


@pytest.fixture(scope="module")
def endpoint(demo_store):
    """The URL of /sparql serving the demo graph (Oxigraph backend)."""
    with _serving(demo_store, timeout=PATIENT, max_rows=50, workers=2) as server:
        yield _url(server)


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def any_endpoint(request, endpoint, demo_rdflib_store):
    """/sparql on each backend: rdflib is the one that would read files and URLs if asked."""
    if request.param == "oxigraph":
        yield endpoint
        return
    with _serving(demo_rdflib_store, timeout=PATIENT, workers=1) as server:
        yield _url(server)


@pytest.fixture
def recorder():
    """A loopback HTTP server that records every request it gets."""
    with recording_server(b"<http://evil/s> <http://evil/p> <http://evil/o> .", "text/turtle") as found:
        yield found


def _client(endpoint: str, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(POST)
        client.setRequestMethod(method)
    return client


def _get(endpoint: str, query: str, accept: str = "application/sparql-results+json", **extra):
    url = endpoint + "?" + urllib.parse.urlencode({"query": query, **extra})
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _post(url: str, body: bytes, content_type: str, host: str | None = None):
    headers = {"Content-Type": content_type, **({"Host": host} if host else {})}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _count(endpoint: str) -> int:
    return int(_client(endpoint, COUNT, JSON).query().convert()["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------------- formats
def test_select_as_sparql_json(endpoint):
    data = _client(endpoint, CAUSES, JSON).query().convert()
    causes = {b["cause"]["value"].rsplit("/", 1)[1] for b in data["results"]["bindings"]}
    assert data["head"]["vars"] == ["cause"] and "ankle-sprain" in causes


def test_select_as_sparql_xml(endpoint):
    document = _client(endpoint, CAUSES, XML).query().convert()
    uris = {node.firstChild.data for node in document.getElementsByTagName("uri")}
    assert "https://w3id.org/medkg/concept/ankle-sprain" in uris


@pytest.mark.parametrize("fmt,header,cell", [(CSV, "cause", "https://w3id.org/medkg/concept/ankle-sprain"),
                                             (TSV, "?cause", "<https://w3id.org/medkg/concept/ankle-sprain>")],
                         ids=["csv", "tsv"])
def test_select_as_csv_and_tsv(endpoint, fmt, header, cell):
    text = _client(endpoint, CAUSES, fmt).query().convert().decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == header and cell in lines[1:]


@pytest.mark.parametrize("method", [None, POST, POSTDIRECTLY], ids=["get", "post-form", "post-direct"])
def test_every_protocol_method(endpoint, method):
    client = _client(endpoint, "ASK { ?s a <https://w3id.org/medkg/ontology#Document> }", JSON)
    if method:
        client.setMethod(POST)
        client.setRequestMethod("postdirectly" if method == POSTDIRECTLY else "urlencoded")
    assert client.query().convert()["boolean"] is True


def test_construct_as_turtle_and_json_ld(endpoint):
    from rdflib import Graph

    turtle = _client(endpoint, DOCUMENTS, TURTLE).query().response.read()
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) >= 6
    response = _client(endpoint, DOCUMENTS, JSONLD).query().response
    assert response.headers["Content-Type"].startswith("application/ld+json")
    nodes = json.loads(response.read())
    assert len(nodes) == len(graph) and "@context" not in json.dumps(nodes)


def test_unacceptable_format_is_406(endpoint):
    status, _, body = _get(endpoint, CAUSES, accept="text/turtle")
    assert status == 406 and b"application/sparql-results+json" in body


def test_rows_are_capped(endpoint):
    status, headers, body = _get(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers.get("X-Medkg-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_query_page_escapes_what_it_shows(endpoint):
    page = endpoint.rsplit("/", 1)[0] + "/"
    script = '<script>alert(1)</script>'
    status, headers, body = _get(page, f'SELECT ("{script}" AS ?x) WHERE {{}}', accept="text/html")
    text = body.decode("utf-8")
    assert status == 200 and "<form" in text
    assert script not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    url = page + "?" + urllib.parse.urlencode({"iri": "https://w3id.org/medkg/concept/ankle-pain"})
    with urllib.request.urlopen(url, timeout=60) as response:
        assert "ankle pain" in response.read().decode("utf-8")


def test_foreign_host_header_is_refused(endpoint):
    status, _ = _post(endpoint, urllib.parse.urlencode({"query": COUNT}).encode(),
                      "application/x-www-form-urlencoded", host="evil.example")
    assert status == 403


# ---------------------------------------------------------------------- safety
def test_remote_and_file_sources_make_no_request_and_leak_nothing(any_endpoint, recorder, tmp_path):
    endpoint = any_endpoint
    remote, hits = recorder
    secret = tmp_path / "secret.nt"
    secret.write_text('<http://x/s> <http://x/p> "TOP-SECRET-42" .\n', encoding="utf-8")
    queries = [
        f"SELECT * WHERE {{ SERVICE <{remote}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{remote}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{remote}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{remote}/data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{remote}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{secret.as_uri()}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"LOAD <{remote}/data.ttl>",
        f"LOAD <{secret.as_uri()}> INTO GRAPH <http://x/g>",
    ]
    for query in queries:
        status, _, body = _get(endpoint, query)
        assert status in (400, 403), query
        assert b"TOP-SECRET-42" not in body and b"evil" not in body
    status, _, _ = _get(endpoint, COUNT, **{"default-graph-uri": f"{remote}/data.ttl"})
    assert status == 400
    assert hits == []


def test_updates_are_refused_and_the_store_is_unchanged(any_endpoint):
    endpoint = any_endpoint
    before = _count(endpoint)
    insert = "INSERT DATA { <http://x/s> <http://x/p> <http://x/o> }"
    assert _get(endpoint, insert)[0] == 403
    assert _post(endpoint, urllib.parse.urlencode({"update": insert}).encode(),
                 "application/x-www-form-urlencoded")[0] == 403
    assert _post(endpoint, insert.encode(), "application/sparql-update")[0] == 403
    assert _post(endpoint, b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update")[0] == 403
    client = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    client.setMethod(POST)
    client.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(urllib.error.HTTPError) as refused:  # SPARQLWrapper passes 403 through
        client.query()
    assert refused.value.code == 403
    assert _count(endpoint) == before
    assert _client(endpoint, "ASK { <http://x/s> ?p ?o }", JSON).query().convert()["boolean"] is False


def test_deep_nesting_is_an_error_and_the_server_keeps_answering(endpoint):
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    with pytest.raises(QueryBadFormed):
        _client(endpoint, deep, JSON).query()
    filters = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 3000 + "true" + ")" * 3000 + ") }"
    assert _get(endpoint, filters)[0] == 400
    assert _count(endpoint) > 0


def test_cross_product_stops_at_the_timeout(demo_store):
    with _serving(demo_store, timeout=TIMEOUT, workers=1) as server:
        status, _, body = _get(_url(server), CROSS_PRODUCT)
        assert status == 503 and f"longer than {TIMEOUT:g} s".encode() in body
        assert _count(_url(server)) > 0  # a fresh worker took over


def test_a_crashed_worker_is_replaced(demo_store):
    with _serving(demo_store, workers=1) as server:
        for worker in server.endpoint._pool.workers:
            worker.process.kill()
            worker.process.wait()
        assert _count(_url(server)) > 0


def test_memory_store_cannot_be_served():
    from medkg.exceptions import StoreError

    with pytest.raises(StoreError, match="needs a store directory"):
        make_server("memory:", port=0)
