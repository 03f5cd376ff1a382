"""Graphs the query tests share: built once per session from the demo corpus, the
shared dev corpus and a small document written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from medkg.queries.api import KnowledgeGraph
from medkg.queries.api import open as open_graph
from medkg.store import open_store
from tests.conftest import built

DATA = Path(__file__).resolve().parent.parent / "data" / "queries"


@pytest.fixture(scope="session")
def demo_rdflib_store(tmp_path_factory, demo_store) -> str:
    """The demo graph copied into an rdflib-backend store (faster than building it again)."""
    location = f"rdflib:{tmp_path_factory.mktemp('demo-rdflib') / 'kg'}"
    with open_store(demo_store, read_only=True) as source, open_store(location, create=True) as target:
        target.replace(add=list(source.quads()))
    return location


@pytest.fixture(scope="session")
def shared_store(tmp_path_factory, shared_corpus) -> str:
    """An Oxigraph store built from the shared dev corpus (five real documents)."""
    return built(tmp_path_factory, "shared", shared_corpus)


@pytest.fixture(scope="session")
def legs_store(tmp_path_factory) -> str:
    """A store built from tests/data/queries/calf_and_shin.md (facts about narrower concepts of leg pain)."""
    return built(tmp_path_factory, "legs", DATA / "calf_and_shin.md")


@pytest.fixture
def demo_kg(demo_store) -> KnowledgeGraph:
    with open_graph(demo_store) as kg:
        yield kg


@pytest.fixture(scope="module")
def demo_rdflib_kg(demo_rdflib_store) -> KnowledgeGraph:
    """The demo graph on the rdflib backend, opened once: parsing it takes seconds."""
    with open_graph(demo_rdflib_store, read_only=True) as kg:
        yield kg


@pytest.fixture
def legs_kg(legs_store) -> KnowledgeGraph:
    with open_graph(legs_store) as kg:
        yield kg
