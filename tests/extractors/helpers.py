"""Run the pipeline on a small text and name the facts it finds."""
from __future__ import annotations

from functools import lru_cache

from medkg.extractors.document import SourceDocument
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
    extraction = extract(text, **kwargs)
    return {(label(a.subject), a.relation, label(a.object)) for a in extraction.annotations.assertions}
