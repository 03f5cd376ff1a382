"""Extraction on a local Dask cluster gives the same graph as a local build."""
from __future__ import annotations

import sys

import pytest
from dask import distributed  # in medkg's test extra

from medkg import distributed as medkg_distributed
from medkg.build import build
from medkg.exceptions import ClusterError
from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import Skipped, load_paths
from medkg.extractors.pipeline import Pipeline
from medkg.graph import VOCABULARY_GRAPH
from medkg.store import open_store

FACTS = """PREFIX mkg: <https://w3id.org/medkg/ontology#>
SELECT ?s ?r ?o ?support WHERE { ?f a mkg:Fact ; mkg:subject ?s ; mkg:relation ?r ; mkg:object ?o ;
                                    mkg:support ?support }"""


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, on this machine."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def facts(store) -> set[tuple]:
    return {tuple(row) for row in store.query(FACTS)}


def extracted(store) -> set[tuple]:
    """Every quad but the vocabulary's (whose blank nodes are named anew by each build)."""
    return {quad for quad in store.quads() if quad[3] != VOCABULARY_GRAPH}


@pytest.mark.slow
def test_build_on_dask_gives_the_same_facts(cluster, shared_corpus):
    with open_store("memory:", create=True) as on_dask, open_store("memory:", create=True) as local:
        report = build([shared_corpus], on_dask, dask=cluster.scheduler_address)
        build([shared_corpus], local)
        assert report.extracted == 5 and facts(on_dask) and facts(on_dask) == facts(local)
        assert extracted(on_dask) == extracted(local)


@pytest.mark.slow
def test_pairs_come_back_in_input_order(cluster, demo_corpus, lexicon):
    documents = [d for d in load_paths([demo_corpus]) if isinstance(d, SourceDocument)]
    skipped = Skipped("empty.txt", "empty file")
    items = [documents[0], skipped, *documents[1:]]
    present = {documents[2].iri}  # already in the store: not extracted again
    with distributed.Client(cluster, set_as_default=False) as client:
        pairs = list(medkg_distributed.dask_extractions(iter(items), present, lexicon, client, batch=2))
    pipeline = Pipeline(lexicon)
    assert [item for item, _ in pairs] == items
    assert [None if e is None else e.annotations.assertions for _, e in pairs] == \
           [None if item is skipped or item is documents[2] else pipeline.extract(item).annotations.assertions
            for item in items]


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(medkg_distributed, "_CONNECT_TIMEOUT", 1)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(medkg_distributed.extract_on_dask([], "tcp://127.0.0.1:9"))


def test_missing_dask_names_the_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'medkg\[dask\]'"):
        list(medkg_distributed.extract_on_dask([], "tcp://127.0.0.1:9"))
