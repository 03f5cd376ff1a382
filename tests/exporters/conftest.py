"""The demo graph the export tests share, built once per session."""
from __future__ import annotations

import pytest

from medkg.store import open_store
from tests.exporters.readers import small_copy


@pytest.fixture(scope="session")
def demo_location(demo_store) -> str:
    """The store directory built from the demo corpus."""
    return demo_store


@pytest.fixture(scope="session")
def demo_store(demo_location):
    """The demo store, open for reading."""
    with open_store(demo_location, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def small_store(demo_store):
    """The demo graph with only the vocabulary its facts use (fast round trips)."""
    return small_copy(demo_store)
