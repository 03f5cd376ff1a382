"""A build killed at a random point leaves a consistent store; the next build finishes
it and gives the graph an uninterrupted build gives."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from medkg.build import build
from medkg.check import check_store
from medkg.store import open_store

WRITER = """
import sys
import medkg.build
medkg.build._Batch.DOCUMENTS = 10  # commit every 10 documents,
medkg.build._Batch.QUADS = 500     # stage evidence every few in between
medkg.build.build([sys.argv[1]], sys.argv[2], progress=lambda report: print(report.extracted, flush=True))
"""

DOCUMENTS = "PREFIX mkg: <https://w3id.org/medkg/ontology#> SELECT ?d WHERE { ?d a mkg:Document }"

FACTS = """
PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?f ?support ?conf WHERE { ?f a mkg:Fact ; mkg:support ?support ; mkg:confidence ?conf }"""


def _facts(location: str) -> set:
    with open_store(location, read_only=True) as kg:
        return {(str(r.f), int(r.support), round(float(r.conf), 6)) for r in kg.query(FACTS)}


@pytest.mark.slow
def test_sigkill_mid_build_then_rerun_equals_uninterrupted(tmp_path):
    from benchmarks.corpus import generate

    corpus = tmp_path / "corpus"
    generate(corpus, 0.15, seed=3)
    where = str(tmp_path / "kg")
    documents = len(list(corpus.iterdir()))
    kill_after = random.randint(documents // 10, documents * 8 // 10)  # extracted: mid-build, at a random point
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(corpus), where], stdout=subprocess.PIPE, text=True)
    while int(proc.stdout.readline()) < kill_after:
        pass
    proc.kill()
    proc.wait(timeout=30)
    with open_store(where, read_only=True) as kg:  # loads, and is consistent
        assert check_store(kg) == []
        committed = len(kg.query(DOCUMENTS))
    assert committed < documents  # the kill did interrupt the build
    build([corpus], where)
    with open_store(where, read_only=True) as kg:
        assert check_store(kg) == []
    build([corpus], str(tmp_path / "clean"))
    assert _facts(where) == _facts(str(tmp_path / "clean"))
