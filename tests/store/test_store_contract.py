"""The contract every store backend keeps, run against each registered backend."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from medkg import registry
from medkg.exceptions import PluginNotFound, QueryError, StoreError, StoreLocked, StoreNotFound
from medkg.store import open_store

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
BACKENDS = ["oxigraph", "rdflib", "memory"]


def q(s: str, o: str, g: URIRef | None = G1):
    return URIRef(EX + s), URIRef(EX + "p"), Literal(o), g


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path) -> str:
    return "memory:" if request.param == "memory" else f"{request.param}:{tmp_path / 'kg'}"


def test_every_builtin_backend_is_registered():
    assert set(BACKENDS) <= set(registry.names("stores"))


def test_replace_adds_and_drops_named_graphs(location):
    with open_store(location, create=True) as kg:
        kg.replace(add=[q("a", "1"), q("b", "2", G2), q("c", "3", None)])
        assert len(kg) == 3 and kg.graph_names() == {G1, G2}
        kg.replace(remove_graphs=[G1], add=[q("d", "4", G1)])
        assert sorted(str(r.o) for r in kg.query("SELECT ?o WHERE { ?s ?p ?o }")) == ["2", "3", "4"]
        assert {str(s) for s, _, _, _ in kg.quads(G1)} == {EX + "d"}


def test_staged_nquads_land_in_their_graphs_with_escapes_intact(location):
    text = (f'<{EX}a> <{EX}p> "say \\"hi\\"\\nthen go" <{G1}> .\n'
            f'<{EX}b> <{EX}p> "caf\u00e9" <{G2}> .\n')
    with open_store(location, create=True) as kg:
        kg.stage_nquads(text)
        assert kg.graph_names() == {G1, G2}
        assert sorted(str(o) for _, _, o, _ in kg.quads()) == ["caf\u00e9", 'say "hi"\nthen go']


def test_replace_text_drops_deletes_and_adds_quads_in_n_triples_form(location):
    from medkg.store.oxigraph import text_quad

    with open_store(location, create=True) as kg:
        kg.replace(add=[q("a", "1"), q("b", "2", G2), q("c", "3", G2)])
        escaped = text_quad((URIRef(EX + "d"), URIRef(EX + "p"), Literal('say "hi"\ncaf\u00e9'), G2))
        kg.replace_text(remove_graphs=[G1], remove=[text_quad(q("b", "2", G2))],
                        add=[escaped, text_quad(q("e", "5", None))])
        assert sorted(str(o) for _, _, o, _ in kg.quads()) == ["3", "5", 'say "hi"\ncaf\u00e9']
        assert kg.graph_names() == {G2} and {str(s) for s, _, _, _ in kg.quads(G2)} == {EX + "c", EX + "d"}
        kg.replace_text(add=[text_quad(q("f", "6"))])  # adding alone: the insert-only path
        assert {str(s) for s, _, _, _ in kg.quads(G1)} == {EX + "f"}


def test_query_sees_union_of_graphs_and_takes_bindings(location):
    with open_store(location, create=True) as kg:
        kg.replace(add=[q("a", "1"), q("b", "2", G2)])
        rows = list(kg.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"s": URIRef(EX + "b")}))
        assert [(str(r.s), str(r.o)) for r in rows] == [(EX + "b", "2")]


def test_values_are_plain_strings_in_select_order(location):
    with open_store(location, create=True) as kg:
        kg.replace(add=[q("a", "1"), q("b", "2", G2)])
        variables, rows = kg.values("SELECT ?o ?s ?none WHERE { ?s ?p ?o } ORDER BY ?o")
        assert variables == ["o", "s", "none"]
        assert rows == [("1", EX + "a", None), ("2", EX + "b", None)]
        assert all(type(v) is str for row in rows for v in row[:2])
        assert kg.values("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef(EX + "b")})[1] == [("2",)]


def test_values_of_a_bad_query_is_a_query_error(location):
    with open_store(location, create=True) as kg:
        with pytest.raises(QueryError):
            kg.values("SELECT WHERE {")


def test_bindings_are_values_not_query_text(location):
    with open_store(location, create=True) as kg:
        kg.replace(add=[q("a", "1")])
        evil = Literal('1" } UNION { ?s ?p ?o')
        assert list(kg.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": evil})) == []


@pytest.mark.parametrize("query", ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                                   "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }"],
                         ids=["upper", "lower"])
def test_service_queries_are_refused(location, query):
    with open_store(location, create=True) as kg:
        with pytest.raises(QueryError, match="not allowed"):
            kg.query(query)


def test_a_keyword_inside_an_iri_is_a_name_not_an_operation(location):
    # a concept's name may hold a word like "load" ("reduced-training-load"); "LOAD <...>" stays refused
    with open_store(location, create=True) as kg:
        assert list(kg.query("SELECT * WHERE { <https://w3id.org/medkg/concept/reduced-training-load> ?p ?o }")) == []
        with pytest.raises(QueryError, match="not allowed"):
            kg.query("LOAD <https://w3id.org/medkg/concept/x>")


def test_bad_sparql_is_a_query_error(location):
    with open_store(location, create=True) as kg:
        with pytest.raises(QueryError, match="invalid SPARQL"):
            kg.query("SELECT WHERE {")


def test_data_survives_reopening(tmp_path):
    for backend in ("oxigraph", "rdflib"):
        where = f"{backend}:{tmp_path / backend}"
        with open_store(where, create=True) as kg:
            kg.replace(add=[q("a", "1")])
        with open_store(str(tmp_path / backend)) as kg:  # the directory remembers its backend
            assert kg.name == backend and len(kg) == 1


def test_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreNotFound, match="medkg build"):
        open_store(str(tmp_path / "nowhere"))


def test_unknown_backend_lists_known_ones(tmp_path):
    with pytest.raises(PluginNotFound, match="known: .*oxigraph"):
        registry.get("stores", "neo5j")


def test_backend_mismatch_is_refused(tmp_path):
    open_store(f"rdflib:{tmp_path / 'kg'}", create=True).close()
    with pytest.raises(StoreError, match="uses the 'rdflib' backend"):
        open_store(f"oxigraph:{tmp_path / 'kg'}")


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_second_writer_gets_locked_error(tmp_path, backend):
    import subprocess
    import sys

    where = f"{backend}:{tmp_path / 'kg'}"
    with open_store(where, create=True):
        code = ("from medkg.store import open_store\n"
                "from medkg.exceptions import StoreLocked\n"
                f"try:\n    open_store({where!r})\nexcept StoreLocked as e:\n    print('LOCKED', e)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOCKED" in out.stdout and "another medkg process" in out.stdout, out.stderr
    assert StoreLocked  # the error class the message comes from


def test_read_only_store_refuses_writes(tmp_path):
    where = str(tmp_path / "kg")
    open_store(where, create=True).close()
    with open_store(where, read_only=True) as kg:
        with pytest.raises(StoreError, match="read-only"):
            kg.replace(add=[q("a", "1")])
