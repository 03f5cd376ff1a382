"""The remote SPARQL store against a real Oxigraph server started on 127.0.0.1.

The server is the one the ``oxigraph`` package on PyPI ships (``oxigraph serve``); it
runs for this module in a temporary directory, and every test starts from an empty
dataset.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from rdflib import BNode, Literal, URIRef

from medkg import registry
from medkg.build import build
from medkg.exceptions import QueryError, StoreError
from medkg.exporters.assertions import COLUMNS, AssertionExporter
from medkg.store import open_store
from medkg.store.remote import RemoteSparqlStore, parse_location, with_bindings

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
FACTS = """PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?s ?r ?o WHERE { ?f a mkg:Fact ; mkg:subject ?s ; mkg:relation ?r ; mkg:object ?o }"""


def q(s: str, o: str, g: URIRef | None = G1):
    return URIRef(EX + s), URIRef(EX + "p"), Literal(o), g


def _named(store) -> set:
    """The store's quads without blank nodes."""
    return {quad for quad in store.quads() if not any(isinstance(t, BNode) for t in quad)}


def _assertions(store, path: Path) -> set[tuple[str, ...]]:
    """The assertion export's rows, without what depends on the order the store yields
    rows in: the evidence sentence and rule picked among equally confident ones, and the
    order of the labels after the preferred one."""
    rows = set()
    for line in AssertionExporter().export(store, path).read_text(encoding="utf-8").splitlines()[1:]:
        cells = dict(zip(COLUMNS, line.split("\t")))
        for labels in ("subject_labels", "object_labels"):
            first, *others = cells[labels].split("|")
            cells[labels] = "|".join([first, *sorted(others)])
        rows.add(tuple(v for k, v in cells.items() if k not in ("evidence", "rule")))
    return rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The location of an Oxigraph server on a free loopback port, for this module."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the Oxigraph server is missing: pip install oxigraph (it is in medkg's test extra)")
    port = free_port()
    directory = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(directory / "data"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except (URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the Oxigraph server did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.05)
        yield f"sparql+http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def kg(server) -> RemoteSparqlStore:
    """A store on the server, emptied first."""
    update = parse_location(server).update
    urlopen(update, data=urlencode({"update": "DROP ALL"}).encode(), timeout=10).close()
    return RemoteSparqlStore(server)


def test_replace_adds_and_drops_named_graphs(kg):
    kg.replace(add=[q("a", "1"), q("b", "2", G2), q("c", "3", None)])
    assert len(kg) == 3 and kg.graph_names() == {G1, G2}
    kg.replace(remove_graphs=[G1], add=[q("d", "4", G1)])
    assert sorted(str(r.o) for r in kg.query("SELECT ?o WHERE { ?s ?p ?o }")) == ["2", "3", "4"]
    assert set(kg.quads(G1)) == {q("d", "4")}
    assert set(kg.quads()) == {q("d", "4"), q("b", "2", G2), q("c", "3", None)}


def test_replace_text_sends_drops_deletes_and_adds_as_one_update(kg):
    from medkg.store.oxigraph import text_quad

    kg.replace(add=[q("a", "1"), q("b", "2", G2)])
    kg.replace_text(remove_graphs=[G1], remove=[text_quad(q("b", "2", G2))], add=[text_quad(q("c", "3", None))])
    assert set(kg.quads()) == {q("c", "3", None)}


def test_server_runs_an_update_request_as_one_transaction(kg, server):
    """What makes replace() atomic: a request whose last part fails changes nothing."""
    kg.replace(add=[q("a", "1"), q("b", "2", G2)])
    failing = f"DROP GRAPH <{G1}> ; INSERT DATA {{ GRAPH <{G1}> {{ <{EX}x> <{EX}p> 9 }} }} ; CREATE GRAPH <{G2}>"
    with pytest.raises(HTTPError):  # CREATE GRAPH fails: G2 exists
        urlopen(parse_location(server).update, data=urlencode({"update": failing}).encode(), timeout=10)
    assert set(kg.quads()) == {q("a", "1"), q("b", "2", G2)}


def test_query_sees_union_of_graphs_and_takes_bindings(kg):
    kg.replace(add=[q("a", "1"), q("b", "2", G2)])
    rows = list(kg.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"s": URIRef(EX + "b")}))
    assert [(str(r.s), str(r.o)) for r in rows] == [(EX + "b", "2")]


def test_values_are_plain_strings(kg):
    kg.replace(add=[q("a", "1"), q("b", "2", G2)])
    variables, rows = kg.values("SELECT ?s ?o WHERE { ?s ?p ?o }", {"s": [URIRef(EX + "a"), URIRef(EX + "b")]})
    assert variables == ["s", "o"] and sorted(rows) == [(EX + "a", "1"), (EX + "b", "2")]


def test_bindings_are_values_not_query_text(kg):
    kg.replace(add=[q("a", "1")])
    evil = Literal('1" } UNION { ?s ?p ?o')
    assert list(kg.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": evil})) == []
    assert [str(r.s) for r in kg.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal("1")})] == [EX + "a"]


def test_ask_and_construct_take_bindings(kg):
    kg.replace(add=[q("a", "1"), q("b", "2", G2)])
    assert kg.query("ASK { ?s ?p ?o }", {"o": Literal("2")}).askAnswer is True
    assert kg.query("ASK { ?s ?p ?o }", {"o": Literal("9")}).askAnswer is False
    template = kg.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef(EX + "a")}).graph
    short = kg.query("CONSTRUCT WHERE { ?s ?p ?o }", {"s": URIRef(EX + "b")}).graph
    assert set(template) == {q("a", "1")[:3]} and set(short) == {q("b", "2")[:3]}


@pytest.mark.parametrize("query", ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                                   "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }"],
                         ids=["upper", "lower"])
def test_service_queries_are_refused(kg, query):
    with pytest.raises(QueryError, match="not allowed"):
        kg.query(query)


def test_bad_sparql_is_a_query_error(kg):
    with pytest.raises(QueryError, match="invalid SPARQL"):
        kg.query("SELECT WHERE {")


def test_server_down_is_a_clear_store_error():
    location = f"sparql+http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL server at http://127\.0\.0\.1:\d+"):
        RemoteSparqlStore(location)


def test_wrong_endpoint_path_says_how_to_set_it(server):
    with pytest.raises(StoreError, match=r"no SPARQL endpoint at .*/ds/query \(404\).*\?query="):
        RemoteSparqlStore(server + "/ds")


def test_read_only_store_refuses_writes(server):
    with pytest.raises(StoreError, match="read-only"):
        RemoteSparqlStore(server, read_only=True).replace(add=[q("a", "1")])


def test_open_store_routes_sparql_locations_to_the_server(kg, server):
    if "sparql" not in registry.names("stores"):
        registry.register("stores", "sparql", RemoteSparqlStore)
    kg.replace(add=[q("a", "1")])
    with open_store(server) as opened:
        assert isinstance(opened, RemoteSparqlStore) and len(opened) == 1


@pytest.mark.parametrize("location,query,update,union", [
    ("sparql+http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "request"),
    ("sparql+http://h:3030/ds?union=server", "http://h:3030/ds/query", "http://h:3030/ds/update", "server"),
    ("sparql+http://h:8890?query=/sparql&update=/sparql&union=server", "http://h:8890/sparql",
     "http://h:8890/sparql", "server"),
    ("sparql+https://h:7200?query=/repositories/kg&update=/repositories/kg/statements&union=server",
     "https://h:7200/repositories/kg", "https://h:7200/repositories/kg/statements", "server"),
], ids=["oxigraph", "fuseki", "virtuoso", "graphdb"])
def test_location_names_the_endpoints(location, query, update, union):
    endpoints = parse_location(location)
    assert (endpoints.query, endpoints.update, endpoints.union) == (query, update, union)


def test_location_credentials_stay_out_of_messages():
    endpoints = parse_location("sparql+http://ann:s%40cret@h:7878")
    assert endpoints.url == "http://h:7878" and endpoints.authorization == "Basic YW5uOnNAY3JldA=="


def test_unknown_location_parameter_lists_known_ones():
    with pytest.raises(StoreError, match="unknown parameter graph .*known: query, update, union, timeout"):
        parse_location("sparql+http://h:7878?graph=x")


@pytest.mark.parametrize("query,expected", [
    ('SELECT ?o WHERE { ?s ?p "{ WHERE" }', 'SELECT ?o WHERE { VALUES ?o { "x" }\n ?s ?p "{ WHERE" }'),
    ("# { comment\nSELECT ?o { ?s <urn:x{> ?o }", '# { comment\nSELECT ?o { VALUES ?o { "x" }\n ?s <urn:x{> ?o }'),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", 'CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?o { "x" }\n ?s ?p ?o }'),
    ("CONSTRUCT WHERE { ?s ?p ?o }", 'CONSTRUCT WHERE { ?s ?p ?o }\nVALUES ?o { "x" }'),
], ids=["string", "comment-and-iri", "construct", "construct-where"])
def test_bindings_open_the_where_group(query, expected):
    assert with_bindings(query, {"o": Literal("x")}) == expected


@pytest.mark.parametrize("name,value,message", [
    ("o) } ?x", Literal("x"), "variable name"),
    ("o", BNode(), "blank node"),
], ids=["bad-name", "blank-node"])
def test_bad_bindings_are_refused(name, value, message):
    with pytest.raises(QueryError, match=message):
        with_bindings("SELECT ?o WHERE { ?s ?p ?o }", {name: value})


@pytest.mark.slow
def test_build_into_server_matches_embedded_store(kg, shared_corpus, tmp_path):
    build([shared_corpus], kg)
    with open_store("memory:", create=True) as embedded:
        build([shared_corpus], embedded)
        facts = {tuple(r) for r in kg.query(FACTS)}
        assert facts and facts == {tuple(r) for r in embedded.query(FACTS)}
        # Blank nodes (OWL axioms of the ontology) are renamed by INSERT DATA: compare the rest.
        assert len(kg) == len(embedded) and _named(kg) == _named(embedded)
        exported = _assertions(kg, tmp_path / "remote.tsv")
        assert len(exported) > 100 and exported == _assertions(embedded, tmp_path / "embedded.tsv")
