"""Building a graph: provenance for every fact, merged support, incremental rebuilds."""
from __future__ import annotations

import shutil
import time

import pytest

from medkg.build import build
from medkg.graph import VOCABULARY_GRAPH, noisy_or
from medkg.store import open_store

FACTS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?s ?rel ?o ?support ?conf WHERE {
  ?f a mkg:Fact ; mkg:subject ?s ; mkg:relation ?rel ; mkg:object ?o ; mkg:support ?support ; mkg:confidence ?conf }"""

ORPHANS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?f WHERE { ?f a mkg:Fact . FILTER NOT EXISTS { ?e mkg:evidenceFor ?f ; prov:wasDerivedFrom ?d ;
                                                     mkg:sentence ?s . ?d a mkg:Document } }"""


def _write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_every_fact_traces_to_a_document_and_sentence(tmp_path, demo_corpus):
    build([demo_corpus], str(tmp_path / "kg"))
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        assert len(list(kg.query(FACTS))) > 20
        assert list(kg.query(ORPHANS)) == []


def test_facts_merge_across_documents_with_support_and_noisy_or(tmp_path):
    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Heel pain\n\nPlantar fasciitis causes heel pain.\n")
    _write(docs, "b.txt", "Running injuries\n\nHeel pain is often caused by plantar fasciitis.\n")
    build([docs], str(tmp_path / "kg"))
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        rows = [r for r in kg.query(FACTS) if str(r.rel).endswith("causes")]
    [row] = [r for r in rows if str(r.s).endswith("plantar-fasciitis") and str(r.o).endswith("heel-pain")]
    assert int(row.support) == 2
    assert float(row.conf) == noisy_or([0.8, 0.8])


def test_commit_marks_keep_a_documents_description_escaped_and_intact():
    """The marks are N-Triples text made by the build: quotes, line breaks and
    non-ASCII letters of a title or path must reach the store as they were."""
    import pyoxigraph as ox

    from medkg.extractors.document import SourceDocument
    from medkg.graph import document_metadata
    from medkg.store.base import nquads_text

    document = SourceDocument(text="", path='dir/"knee" \\ pain.txt', digest="ab" * 32,
                              title='Knee "runner\'s" pain\nafter caf\u00e9 runs', url="https://example.org/a?b=1")
    quads = list(ox.parse(nquads_text(document_metadata(document)), format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {str(document.iri)}
    values = {q.predicate.value: q.object.value for q in quads}
    assert values == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "https://w3id.org/medkg/ontology#Document",
        "https://w3id.org/medkg/ontology#contentHash": "ab" * 32,
        "https://w3id.org/medkg/ontology#path": document.path,
        "http://purl.org/dc/terms/identifier": document.name,
        "http://purl.org/dc/terms/title": document.title,
        "http://purl.org/dc/terms/source": document.url}


def test_negated_statement_is_not_in_the_graph(tmp_path):
    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Ankle pain\n\nAnkle pain after a run is usually not a fracture. "
                          "An ankle sprain causes ankle pain.\n")
    build([docs], str(tmp_path / "kg"))
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        subjects = {str(r.s).rsplit("/", 1)[1] for r in kg.query(FACTS)}
    assert "ankle-sprain" in subjects and "fracture" not in subjects


def test_unchanged_rebuild_extracts_nothing_and_changed_document_is_replaced(tmp_path, monkeypatch):
    from medkg.extractors import loaders

    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Heel pain\n\nPlantar fasciitis causes heel pain.\n")
    _write(docs, "b.txt", "Shin splints\n\nIbuprofen relieves shin splints.\n")
    first = build([docs], str(tmp_path / "kg"))
    decoded = []
    monkeypatch.setattr(loaders, "decode", lambda data: decoded.append(data) or data.decode("utf-8"))
    again = build([docs], str(tmp_path / "kg"))
    assert (first.extracted, again.extracted, again.unchanged) == (2, 0, 2)
    assert decoded == []  # unchanged files are hashed, not decoded and cleaned
    _write(docs, "b.txt", "Shin splints\n\nRest relieves shin splints.\n")
    third = build([docs], str(tmp_path / "kg"))
    assert (third.extracted, third.replaced) == (1, 1)
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        subjects = {str(r.s).rsplit("/", 1)[1] for r in kg.query(FACTS)}
        documents = list(kg.query("PREFIX mkg: <https://w3id.org/medkg/ontology#> "
                                  "SELECT ?d WHERE { ?d a mkg:Document }"))
    assert "ibuprofen" not in subjects and len(documents) == 2


def test_parallel_build_writes_the_same_store(tmp_path, demo_corpus):
    # workers send each document's graph as N-Quads text: escapes must survive it
    docs = tmp_path / "docs"
    shutil.copytree(demo_corpus, docs)
    _write(docs, "hostile.txt", 'Shin "splints" \\ <b>\n\nIbuprofen relieves shin splints, "really" \\n <x> caf\u00e9 \U0001F3C3.\n')
    one = build([docs], str(tmp_path / "one"), jobs=1)
    two = build([docs], str(tmp_path / "two"), jobs=2)
    assert one.facts == two.facts and one.assertions == two.assertions
    with open_store(str(tmp_path / "one"), read_only=True) as a, open_store(str(tmp_path / "two"), read_only=True) as b:
        # the ontology's blank nodes (OWL lists) are named anew by each store
        quads = {q for q in a.quads() if q[3] != VOCABULARY_GRAPH}
        assert quads == {q for q in b.quads() if q[3] != VOCABULARY_GRAPH}
    assert any('Ibuprofen relieves shin splints, "really" \\n <x> caf\u00e9 \U0001F3C3.' == str(o) for _, _, o, _ in quads)


def test_unknown_terms_in_a_list_become_candidates_not_facts(tmp_path):
    from medkg.candidates import list_candidates

    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Shin splints\n\nCauses of shin splints:\n\n- zorbing in deep snow\n- overpronation\n")
    build([docs], str(tmp_path / "kg"))
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        terms = list_candidates(kg)
        subjects = {str(r.s) for r in kg.query(FACTS)}
    assert [t.text for t in terms] == ["zorbing in deep snow"]
    assert not any("zorbing" in s for s in subjects)


def _facts(location):
    with open_store(location, read_only=True) as kg:
        return {(str(r.s), str(r.rel), str(r.o), int(r.support), round(float(r.conf), 6)) for r in kg.query(FACTS)}


def test_adding_a_document_later_equals_building_all_at_once(tmp_path):
    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Heel pain\n\nPlantar fasciitis causes heel pain. Ice relieves heel pain.\n")
    build([docs / "a.txt"], str(tmp_path / "step"))
    _write(docs, "b.txt", "Running injuries\n\nHeel pain is often caused by plantar fasciitis.\n")
    build([docs], str(tmp_path / "step"))
    build([docs], str(tmp_path / "once"))
    assert _facts(str(tmp_path / "step")) == _facts(str(tmp_path / "once"))


def test_remove_decrements_support_and_drops_orphan_facts(tmp_path, cli):
    docs = tmp_path / "docs"
    _write(docs, "a.txt", "Heel pain\n\nPlantar fasciitis causes heel pain. Ice relieves heel pain.\n")
    _write(docs, "b.txt", "Running injuries\n\nHeel pain is often caused by plantar fasciitis.\n")
    where = str(tmp_path / "kg")
    build([docs], where)
    before = {(s.rsplit("/", 1)[1], o.rsplit("/", 1)[1]): n for s, _, o, n, _ in _facts(where)}
    assert before[("plantar-fasciitis", "heel-pain")] == 2 and ("cold-therapy", "heel-pain") in before
    out = cli("remove", "a.txt", "--store", where)
    assert out.returncode == 0, out.stderr
    after = {(s.rsplit("/", 1)[1], o.rsplit("/", 1)[1]): n for s, _, o, n, _ in _facts(where)}
    assert after[("plantar-fasciitis", "heel-pain")] == 1
    assert ("cold-therapy", "heel-pain") not in after
    with open_store(where, read_only=True) as kg:
        assert list(kg.query(ORPHANS)) == []


def test_remove_unknown_document_is_a_clear_error(tmp_path, cli, demo_corpus):
    where = str(tmp_path / "kg")
    build([demo_corpus / "heel_pain_forum.txt"], where)
    out = cli("remove", "nothing.txt", "--store", where)
    assert out.returncode == 1 and "matches 0 documents" in out.stderr and "heel_pain_forum.txt" in out.stderr


def test_failed_store_write_stops_the_build_with_its_error_and_keeps_the_last_commit(tmp_path, monkeypatch):
    import medkg.build
    from medkg.check import check_store
    from medkg.store.oxigraph import OxigraphStore

    docs = tmp_path / "docs"
    for n in range(12):
        _write(docs, f"{n}.txt", f"Heel pain {n}\n\nPlantar fasciitis causes heel pain. Ice relieves heel pain {n}.\n")
    monkeypatch.setattr(medkg.build._Batch, "DOCUMENTS", 2)
    real, writes = OxigraphStore.stage_nquads, []

    def failing(self, data):
        writes.append(data)
        if len(writes) == 2:
            time.sleep(0.5)  # the next writes queue up meanwhile: they must be skipped
            raise OSError("disk full")
        real(self, data)

    monkeypatch.setattr(OxigraphStore, "stage_nquads", failing)
    with pytest.raises(OSError, match="disk full"):
        build([docs], str(tmp_path / "kg"))
    assert len(writes) == 2  # nothing written after the failure
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        assert check_store(kg) == []
        documents = {str(r.path) for r in kg.query("SELECT ?path WHERE { ?d a mkg:Document ; mkg:path ?path }")}
    assert len(documents) == 2  # the first commit, and only it


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_extraction_fails_on_is_skipped_with_its_error_and_the_build_goes_on(tmp_path, monkeypatch, jobs):
    from medkg.extractors.relations import RelationExtractor

    real = RelationExtractor.__call__

    def fragile(self, structure, annotations):
        if "odd" in structure.document.text:
            raise IndexError("list index out of range")
        real(self, structure, annotations)

    monkeypatch.setattr(RelationExtractor, "__call__", fragile)  # forked workers inherit it
    docs = tmp_path / "docs"
    _write(docs, "good.txt", "Heel pain\n\nPlantar fasciitis causes heel pain.\n")
    _write(docs, "odd.txt", "Knee pain\n\nAn odd page: runner's knee causes knee pain.\n")
    report = build([docs], str(tmp_path / "kg"), jobs=jobs)
    assert [(s.path.rsplit("/", 1)[-1], s.reason.split(";")[0]) for s in report.skipped] == [
        ("odd.txt", "extraction failed (IndexError: list index out of range)")]
    assert report.added == 1 and "1 skipped" in report.summary()
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        facts = {(str(r.s).rsplit("/", 1)[1], str(r.o).rsplit("/", 1)[1]) for r in kg.query(FACTS)}
    assert ("plantar-fasciitis", "heel-pain") in facts
    assert not [fact for fact in facts if "knee" in " ".join(fact)]  # nothing of the skipped page
