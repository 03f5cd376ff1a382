"""Run the pipeline on a small text and name the facts it finds."""
from __future__ import annotations

from functools import lru_cache

from pathlib import Path

from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import load_paths
from medkg.extractors.pipeline import Extraction, Pipeline


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, *, name: str = "doc.txt") -> Extraction:
    document = SourceDocument(text=text, path=name, digest=SourceDocument.hash_of(text.encode()))
    return pipeline().extract(document)


def label(iri) -> str:
    return pipeline().lexicon[iri].label.lower()


def facts(text: str, **kwargs) -> set[tuple[str, str, str]]:
    """(subject label, relation, object label) of every assertion, preferred labels lower-cased."""
    return _named(extract(text, **kwargs))


def facts_of_file(path: Path, text: str) -> set[tuple[str, str, str]]:
    """:func:`facts` of ``text`` written to ``path`` and read back by the loaders, as a
    build reads it (Markdown markup stripped, HTML cleaned)."""
    path.write_text(text)
    return _named(pipeline().extract(next(iter(load_paths([path])))))


def _named(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
