"""``medkg sparql``: named queries, files and text, with --param bindings and four formats."""
from __future__ import annotations

import csv
import io
import json

import pytest

ANKLE_PAIN = "https://w3id.org/medkg/concept/ankle-pain"


@pytest.mark.parametrize("param", ["concept=ankle pain", f"concept=<{ANKLE_PAIN}>"], ids=["label", "iri"])
def test_named_query_with_param(cli, demo_store, param):
    out = cli("sparql", "causes", "--store", demo_store, "--param", param, "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["results"]["bindings"]
    causes = {r["cause"]["value"].rsplit("/", 1)[1] for r in rows}
    assert "ankle-sprain" in causes and all(r["concept"]["value"] == ANKLE_PAIN for r in rows)


def test_csv_tsv_and_table_formats(cli, demo_store):
    base = ["sparql", "whom_to_see", "--store", demo_store, "-p", "concept=ankle pain"]
    out = cli(*base, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert "https://w3id.org/medkg/concept/orthopedist" in {r["specialist"] for r in rows}
    out = cli(*base, "--format", "tsv")
    lines = out.stdout.splitlines()
    assert lines[0].startswith("?concept\t?specialist") and f"<{ANKLE_PAIN}>" in lines[1]
    out = cli(*base, "--format", "xml")
    assert out.stdout.startswith("<?xml") and "orthopedist" in out.stdout
    out = cli(*base)
    assert "mkc:orthopedist" in out.stdout and out.stdout.rstrip().endswith("rows)")


def test_query_from_file_and_literal_param(cli, demo_store, tmp_path):
    query = tmp_path / "by_label.rq"
    query.write_text("PREFIX mkg: <https://w3id.org/medkg/ontology#>\n"
                     "SELECT ?key ?c WHERE { ?c mkg:normalizedLabel ?key }\n", encoding="utf-8")
    out = cli("sparql", str(query), "--store", demo_store, "-p", "key=shin splint", "-f", "csv")
    assert out.returncode == 0, out.stderr
    assert "https://w3id.org/medkg/concept/shin-splints" in out.stdout


def test_query_text_and_construct(cli, demo_store):
    out = cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/medkg/ontology#Document> }",
              "--store", demo_store, "-f", "csv")
    assert out.returncode == 0 and int(out.stdout.splitlines()[1]) >= 6
    out = cli("sparql", "CONSTRUCT WHERE { ?d a <https://w3id.org/medkg/ontology#Document> }",
              "--store", demo_store)
    assert "a mkg:Document" in out.stdout


@pytest.mark.parametrize("query,message", [
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "not allowed"),
    ("SELECT * WHERE { ?s ?p }", "invalid SPARQL"),
    ("causes", "no concept is called 'ankel pian'"),
], ids=["from-file", "syntax", "unknown-label"])
def test_errors_are_one_line(cli, demo_store, query, message):
    out = cli("sparql", query, "--store", demo_store, "-p", "concept=ankel pian")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert message in out.stderr and "root:" not in out.stdout


def test_help_lists_the_named_queries(cli):
    out = cli("sparql", "--help")
    assert out.returncode == 0 and "causes" in out.stdout and "whom_to_see" in out.stdout
