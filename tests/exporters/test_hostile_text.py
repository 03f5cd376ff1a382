"""Property test: labels, sentences and titles with quotes, angle brackets, control
characters, lone surrogates and non-Latin text go through every export and read back
(as the sanitised text) with real readers.

The graph lives in a plain rdflib dataset behind the Store interface, because
Oxigraph cannot even hold a lone surrogate, while a store filled by other means can.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Mapping

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.query import Result
from rdflib.term import Identifier

from medkg.exporters import export
from medkg.exporters.sanitize import sanitize_text
from medkg.graph import FACTS_GRAPH, VOCABULARY_GRAPH
from medkg.ontology.namespace import CONCEPT, DOC, EVIDENCE, FACT, MKG
from medkg.store import Quad, Store
from tests.exporters.readers import RDF_FORMATS, read_with_oxigraph, read_with_rdflib, union

HOSTILE = ['"', "'", "<", ">", "&", "\\", "]]>", "<!--", "\x00", "\x0b", "\x1f", "\x7f", "\x85", "\ud800",
           "\udfff", "\ufffe", "\r", "\n", "\r\n", "\t", "膝の痛み", "ألم", "боль", "🦵", "é", ";", ",", "@id",
           "{", "}", "%20", "#", " "]
TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=10).map("".join)

SYMPTOM, CONDITION = CONCEPT["hostile-symptom"], CONCEPT["hostile-condition"]
DOCUMENT, EVIDENCE_NODE, FACT_NODE = DOC["0" * 32], EVIDENCE["0" * 24 + "-0"], FACT["0" * 24]


class DatasetStore(Store):
    """A store in an rdflib dataset, in memory, that holds any Python string."""

    name = "dataset"

    def __init__(self, quads: Iterable[Quad]) -> None:
        super().__init__(None)
        self._data = Dataset(default_union=True)
        for s, p, o, g in quads:
            self._data.add((s, p, o, g))

    def replace(self, *, remove_graphs: Iterable[URIRef] = (), add: Iterable[Quad] = ()) -> None:
        raise NotImplementedError

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        return self._data.query(sparql, initBindings=dict(bindings or {}))

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        for s, p, o, g in self._data.quads((None, None, None, graph)):
            yield s, p, o, getattr(g, "identifier", g)

    def graph_names(self) -> set[URIRef]:
        return {g for *_, g in self.quads()}

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())


def _graph(label: str, sentence: str, title: str) -> DatasetStore:
    from rdflib.namespace import XSD  # not at module level: pytest's collection probes it and it warns

    v, d, f = VOCABULARY_GRAPH, DOCUMENT, FACTS_GRAPH
    return DatasetStore([
        (SYMPTOM, RDF.type, MKG.Symptom, v), (SYMPTOM, SKOS.prefLabel, Literal(label, lang="en"), v),
        (SYMPTOM, SKOS.altLabel, Literal(title, lang="en"), v),
        (SYMPTOM, SKOS.exactMatch, URIRef("http://purl.obolibrary.org/obo/HP_0012531"), v),
        (CONDITION, RDF.type, MKG.Condition, v),
        (CONDITION, SKOS.prefLabel, Literal("hostile condition", lang="en"), v),
        (d, RDF.type, MKG.Document, d), (d, MKG.path, Literal("/docs/hostile.txt"), d),
        (d, DCTERMS.identifier, Literal("hostile;1.txt"), d), (d, DCTERMS.title, Literal(title), d),
        (d, MKG.contentHash, Literal("0" * 64), d),
        (EVIDENCE_NODE, RDF.type, MKG.Evidence, d), (EVIDENCE_NODE, MKG.evidenceFor, FACT_NODE, d),
        (EVIDENCE_NODE, MKG.subject, CONDITION, d), (EVIDENCE_NODE, MKG.relation, MKG.causes, d),
        (EVIDENCE_NODE, MKG.object, SYMPTOM, d), (EVIDENCE_NODE, PROV.wasDerivedFrom, d, d),
        (EVIDENCE_NODE, MKG.sentence, Literal(sentence), d), (EVIDENCE_NODE, MKG.rule, Literal("cue"), d),
        (EVIDENCE_NODE, MKG.startOffset, Literal("0", datatype=XSD.integer), d),
        (EVIDENCE_NODE, MKG.endOffset, Literal("9", datatype=XSD.integer), d),
        (EVIDENCE_NODE, MKG.confidence, Literal("0.5", datatype=XSD.double), d),
        (EVIDENCE_NODE, MKG.hedged, Literal("false", datatype=XSD.boolean), d),
        (CONDITION, MKG.causes, SYMPTOM, f), (FACT_NODE, RDF.type, MKG.Fact, f),
        (FACT_NODE, MKG.subject, CONDITION, f), (FACT_NODE, MKG.relation, MKG.causes, f),
        (FACT_NODE, MKG.object, SYMPTOM, f), (FACT_NODE, MKG.support, Literal("1", datatype=XSD.integer), f),
        (FACT_NODE, MKG.confidence, Literal("0.5", datatype=XSD.double), f),
    ])


def _check_rdf(path, name: str, label: str, sentence: str) -> None:
    line_breaks = "lf" if RDF_FORMATS[name][1] == ox.RdfFormat.RDF_XML else "keep"
    expected_label = Literal(sanitize_text(label, line_breaks=line_breaks), lang="en")
    for reader in (read_with_rdflib, read_with_oxigraph):
        graph = union(reader(path, name))
        assert (SYMPTOM, SKOS.prefLabel, expected_label) in graph
        if not name.startswith("owl"):
            assert (EVIDENCE_NODE, MKG.sentence, Literal(sanitize_text(sentence))) in graph


def _check_cytoscape(path, label: str, sentence: str) -> None:
    graph = nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))
    assert graph.nodes[str(SYMPTOM)]["name"] == sanitize_text(label)
    (_, _, data), = graph.edges(data=True)
    assert sanitize_text(sentence) in data["evidence"][0]


def _check_neo4j(path, label: str, sentence: str) -> None:
    with zipfile.ZipFile(path) as archive:
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
        relationships = list(csv.DictReader(io.StringIO(archive.read("relationships.csv").decode("utf-8"))))
        script = archive.read("import.cypher").decode("utf-8")
    one_line = sanitize_text(label, line_breaks="space")
    assert {row["iri:ID"]: row["name"] for row in nodes}[str(SYMPTOM)] == one_line
    assert sanitize_text(sentence, line_breaks="space").replace(";", ",") in relationships[0]["evidence:string[]"]
    assert json.dumps(one_line, ensure_ascii=False) in script


def _check_sssom(path, label: str) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    row, = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    assert row["subject_label"] == sanitize_text(label, line_breaks="space")


FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld", "owl", "owl-facts", "cytoscape", "neo4j", "sssom"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=TEXT, sentence=TEXT, title=TEXT)
def test_every_export_carries_hostile_text_and_reads_back(tmp_path, label, sentence, title):
    store = _graph(label, sentence, title)
    for name in FORMATS:
        path = export(store, name, tmp_path / f"out-{name}")
        if name in RDF_FORMATS:
            _check_rdf(path, name, label, sentence)
        elif name == "cytoscape":
            _check_cytoscape(path, label, sentence)
        elif name == "neo4j":
            _check_neo4j(path, label, sentence)
        else:
            _check_sssom(path, label)


@pytest.mark.parametrize("text,line_breaks,expected", [
    ("a\x00b\x0bc\x85d\ud800e\ufffff", "keep", "abcdef"),
    ("line\r\nnext\rlast", "lf", "line\nnext\nlast"),
    ("cell\twith\r\nbreaks", "space", "cell with breaks"),
    ("膝 <b>&amp;\"'", "keep", "膝 <b>&amp;\"'"),
], ids=["controls-surrogates", "xml-line-ends", "csv-cell", "kept"])
def test_sanitize_text(text, line_breaks, expected):
    assert sanitize_text(text, line_breaks=line_breaks) == expected
