"""The demo graph the export tests share, built once per session."""
from __future__ import annotations

import pytest

from medkg.build import build
from medkg.store import open_store
from tests.exporters import ensure_registered
from tests.exporters.readers import small_copy


@pytest.fixture(scope="session", autouse=True)
def _formats() -> None:
    ensure_registered()


@pytest.fixture(scope="session")
def demo_location(tmp_path_factory, demo_corpus) -> str:
    """A store directory built from the demo corpus."""
    location = str(tmp_path_factory.mktemp("exports-demo") / "kg")
    build([str(demo_corpus)], location)
    return location


@pytest.fixture(scope="session")
def demo_store(demo_location):
    """The demo store, open for reading."""
    with open_store(demo_location, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def small_store(demo_store):
    """The demo graph with only the vocabulary its facts use (fast round trips)."""
    return small_copy(demo_store)
