"""``medkg import``: exports come back as the same graph; nothing an imported file
points to is fetched (a loopback HTTP server counts every request); unsafe files are
refused before parsing."""
from __future__ import annotations

import json
import shutil

import pytest
from rdflib import OWL, Literal, URIRef
from rdflib.namespace import SKOS

from medkg.build import build
from medkg.exceptions import ImportRefused, InvalidRdf
from medkg.exporters import export
from medkg.exporters.jsonld import CONTEXT_URL
from medkg.graph import FACTS_GRAPH
from medkg.importer import import_file
from medkg.ontology.namespace import CONCEPT, MKG
from medkg.store import open_store
from tests.conftest import recording_server
from tests.exporters.readers import as_dataset, same_dataset, small_copy


@pytest.fixture(scope="module")
def source(tmp_path_factory, demo_corpus):
    """The demo graph with only the vocabulary its facts use."""
    location = str(tmp_path_factory.mktemp("import-demo") / "kg")
    build([str(demo_corpus)], location)
    with open_store(location, read_only=True) as kg:
        return small_copy(kg)


@pytest.fixture
def server():
    """A loopback HTTP server that answers everything and records every request path."""
    with recording_server(b'{"@context": {"p": "http://example.org/p"}}', "application/ld+json") as found:
        yield found


@pytest.mark.parametrize("name,suffix", [("trig", ".trig"), ("nquads", ".nq"), ("turtle", ".ttl"),
                                         ("jsonld", ".jsonld")])
def test_export_then_import_gives_the_same_graph(source, tmp_path, name, suffix):
    path = export(source, name, tmp_path / f"kg{suffix}")
    with open_store("memory:") as target:
        report = import_file(path, target)
        assert same_dataset(as_dataset(source.quads()), as_dataset(target.quads()))
    assert len(report.documents) >= 5 and report.facts > 50 and report.vocabulary_replaced


def test_import_replaces_documents_and_recomputes_facts(source, tmp_path):
    path = export(source, "trig", tmp_path / "kg.trig")
    with open_store("memory:") as target:
        import_file(path, target)
        import_file(path, target)
        assert same_dataset(as_dataset(source.quads()), as_dataset(target.quads()))


def test_relation_triples_without_evidence_are_left_out(tmp_path):
    path = tmp_path / "bare.ttl"
    path.write_text(f"<{CONCEPT['ankle-sprain']}> <{MKG.causes}> <{CONCEPT['heel-pain']}> .\n", encoding="utf-8")
    with open_store("memory:") as target:
        report = import_file(path, target)
        assert report.unsupported_facts == 1 and report.facts == 0
        assert not list(target.quads(FACTS_GRAPH))


def test_rdfxml_with_entities_is_refused_before_parsing(tmp_path, server):
    url, hits = server
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.rdf"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY l0 "lol">{laughs}<!ENTITY remote SYSTEM "{url}/entity">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><e:p>&l9;&remote;</e:p></rdf:Description>
</rdf:RDF>""", encoding="utf-8")
    with open_store("memory:") as target, pytest.raises(ImportRefused, match="DOCTYPE"):
        import_file(path, target)
    assert hits == []


def test_entity_declaration_in_utf16_is_refused(tmp_path):
    path = tmp_path / "sneaky.rdf"
    path.write_bytes('<?xml version="1.0" encoding="UTF-16"?><!ENTITY x "y"><rdf:RDF/>'.encode("utf-16"))
    with open_store("memory:") as target, pytest.raises(ImportRefused, match="ENTITY"):
        import_file(path, target)


@pytest.mark.parametrize("context", ["{url}/context.jsonld", ["{url}/a.jsonld"], {"@import": "{url}/i.jsonld"},
                                     {"p": {"@id": "http://example.org/p", "@context": "{url}/scoped"}}],
                         ids=["remote", "remote-in-list", "import", "scoped"])
def test_remote_jsonld_context_is_refused(tmp_path, server, context):
    url, hits = server
    document = {"@context": json.loads(json.dumps(context).replace("{url}", url)),
                "@id": "http://example.org/a", "http://example.org/q": "v"}
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")
    with open_store("memory:") as target, pytest.raises(ImportRefused, match="is refused"):
        import_file(path, target)
    assert hits == []


def test_the_published_context_is_read_from_the_package(tmp_path):
    path = tmp_path / "concept.jsonld"
    path.write_text(json.dumps({"@context": CONTEXT_URL, "@graph": [
        {"id": "mkc:plantar-plate-tear", "type": "Condition", "prefLabel": "plantar plate tear"}]}), encoding="utf-8")
    with open_store("memory:") as target:
        import_file(path, target)
        triples = {(s, p, o) for s, p, o, _ in target.quads()}
    assert (CONCEPT["plantar-plate-tear"], SKOS.prefLabel, Literal("plantar plate tear", lang="en")) in triples


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_owl_imports_is_dropped_and_never_followed(tmp_path, server):
    from medkg.validation import validate_store

    url, hits = server
    path = tmp_path / "extension.ttl"
    path.write_text(f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
<http://example.org/extension> a owl:Ontology ; owl:imports <{url}/ontology.owl> .
<{CONCEPT['plantar-plate-tear']}> a <{MKG.Condition}> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "plantar plate tear"@en .
""", encoding="utf-8")
    with open_store("memory:") as target:
        report = import_file(path, target)
        assert report.dropped_links == 1
        assert not [q for q in target.quads() if q[1] == OWL.imports]
        validate_store(target)
        export(target, "owl", tmp_path / "out.owl")
    assert "imports" not in (tmp_path / "out.owl").read_text(encoding="utf-8")
    assert hits == []


def test_control_characters_are_stripped_on_import(tmp_path):
    path = tmp_path / "controls.nt"
    path.write_text(f'<{CONCEPT["x"]}> <{SKOS.prefLabel}> "heel\\u000Bpain\\u0000"@en .\n', encoding="utf-8")
    with open_store("memory:") as target:
        import_file(path, target)
        (_, _, label, _), = target.quads()
    assert label == Literal("heelpain", lang="en")


@pytest.mark.parametrize("name,content,error,message", [
    ("big.ttl", "# " + "x" * 100, ImportRefused, "more than the limit"),
    ("data.csv", "a,b", ImportRefused, "cannot tell the RDF format"),
    ("broken.ttl", "<http://example.org/a> <http://example.org/b> .", InvalidRdf, "not valid turtle"),
    ("relative.nt", "<a> <b> <c> .", InvalidRdf, "not valid ntriples"),
], ids=["too-large", "unknown-format", "syntax-error", "relative-iri"])
def test_bad_files_are_refused_with_a_message(tmp_path, name, content, error, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with open_store("memory:") as target, pytest.raises(error, match=message):
        import_file(path, target, max_bytes=50)


def test_cli_imports_and_refuses(cli, source, tmp_path):
    path = export(source, "trig", tmp_path / "kg.trig")
    out = cli("import", str(path), "--store", str(tmp_path / "kg"))
    assert out.returncode == 0, out.stderr
    assert "facts recomputed from the evidence" in out.stdout
    bad = tmp_path / "bad.rdf"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', encoding="utf-8")
    out = cli("import", str(bad), "--store", str(tmp_path / "kg"))
    assert out.returncode == 1 and out.stderr.startswith("Error: RDF/XML with a <!DOCTYPE declaration is refused")
    assert "Traceback" not in out.stderr
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        assert (URIRef(CONCEPT["ankle-sprain"]), MKG.causes, CONCEPT["swelling"]) in \
            {(s, p, o) for s, p, o, g in kg.quads(FACTS_GRAPH)}
