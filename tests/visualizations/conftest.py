"""Graphs and a browser the visualization tests share, built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from medkg.build import build
from tests.visualizations.browser import ARGS, CHROMIUM

DATA = Path(__file__).resolve().parent.parent / "data" / "visualizations"


@pytest.fixture(scope="session")
def demo_kg(demo_store) -> str:
    """The store built from the demo corpus."""
    return demo_store


@pytest.fixture(scope="session")
def hostile_kg(tmp_path_factory) -> str:
    """A store built from a document with script in its title, a heading and sentences."""
    location = str(tmp_path_factory.mktemp("viz-hostile") / "kg")
    build([str(DATA / "hostile.md")], location)
    return location


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through playwright."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
