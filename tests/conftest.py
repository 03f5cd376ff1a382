"""Shared fixtures: the shipped vocabulary, the shared dev corpus, CLI runner."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def lexicon():
    from medkg.ontology import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the shared dev corpus is not at {corpus}")
    return corpus


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    from medkg.demo import corpus_path

    return corpus_path()


def built(tmp_path_factory: pytest.TempPathFactory, name: str, *paths: Path) -> str:
    """A store directory built from ``paths`` (for session-scoped fixtures)."""
    from medkg.build import build

    location = str(tmp_path_factory.mktemp(name) / "kg")
    build([str(p) for p in paths], location)
    return location


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, demo_corpus) -> str:
    """An Oxigraph store built once from the demo corpus; tests only read it."""
    return built(tmp_path_factory, "demo", demo_corpus)


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real ``medkg`` command (as ``python -m medkg``)."""
    return subprocess.run([sys.executable, "-m", "medkg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
