"""Shared fixtures: the shipped vocabulary, the shared dev corpus, CLI runner."""
from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


@contextmanager
def recording_server(body: bytes, content_type: str) -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that answers every GET and POST with ``body`` and
    records the paths asked for: proof that a test made (no) outbound request."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real ``medkg`` command (as ``python -m medkg``)."""
    return subprocess.run([sys.executable, "-m", "medkg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
