"""The bundled demo: build the example corpus, answer a question, draw the graph.

The corpus (``medkg/demo/corpus``) is a handful of short documents written for
medkg: articles, a forum thread and a doctor Q&A page about pain after running.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from medkg.build import BuildReport, build

__all__ = ["corpus_path", "run", "DemoResult", "DEFAULT_QUESTION"]

DEFAULT_QUESTION = "my ankle hurts after running"


def corpus_path() -> Path:
    """Where the demo documents are."""
    return Path(str(resources.files("medkg.demo") / "corpus"))


@dataclass
class DemoResult:
    """What the demo made and said."""

    report: BuildReport
    answer: str
    page: Path


def run(folder: str | Path = "medkg-demo", *, question: str = DEFAULT_QUESTION) -> DemoResult:
    """Build the demo corpus into ``folder/kg``, answer ``question``, and write
    ``folder/graph.html``."""
    from medkg.queries.api import open as open_graph
    from medkg.queries.ask import ask, format_answer
    from medkg.store import open_store
    from medkg.visualizations import render_html

    folder = Path(folder)
    store = str(folder / "kg")
    report = build([corpus_path()], store)
    with open_graph(store) as kg:
        answer = format_answer(ask(kg, question))
    with open_store(store, read_only=True) as kg:
        page = render_html(kg, folder / "graph.html", title="medkg demo: pain after running")
    return DemoResult(report, answer, Path(page))
