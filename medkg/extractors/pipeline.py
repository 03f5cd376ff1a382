"""The extraction pipeline: structure, then the registered stages in order.

Example:
    >>> from medkg.extractors.pipeline import Pipeline
    >>> from medkg.extractors.document import SourceDocument
    >>> doc = SourceDocument(text="Shin splints\\n\\nIbuprofen relieves shin splints.", path="a.txt", digest="0" * 64)
    >>> result = Pipeline().extract(doc)
    >>> sorted({(str(a.subject).rsplit('/', 1)[1], a.relation) for a in result.annotations.assertions})[:1]
    [('ibuprofen', 'treats')]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medkg import registry
from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.document import SourceDocument
from medkg.extractors.loaders import Skipped
from medkg.extractors.structure import Structure, parse_structure
from medkg.ontology.lexicon import Lexicon, load_lexicon

__all__ = ["Pipeline", "Extraction", "DEFAULT_STAGES"]

DEFAULT_STAGES = ("dictionary", "compose", "coordination", "context", "anaphora", "relations")


@dataclass
class Extraction:
    """What the pipeline read from one document."""

    structure: Structure
    annotations: Annotations

    @property
    def document(self) -> SourceDocument:
        return self.structure.document


class Pipeline:
    """Runs the named stages (``medkg.registry`` kind ``extractors``) over documents.

    Args:
        lexicon: the vocabulary; the shipped one by default.
        stages: stage names, in order.
    """

    def __init__(self, lexicon: Lexicon | None = None, *, stages: Sequence[str] = DEFAULT_STAGES) -> None:
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.stages: list[Extractor] = [registry.get("extractors", name)(self.lexicon) for name in stages]

    def extract(self, document: SourceDocument) -> Extraction:
        """Run every stage over one document."""
        structure = parse_structure(document)
        annotations = Annotations()
        for stage in self.stages:
            stage(structure, annotations)
        return Extraction(structure, annotations)

    def extract_or_skip(self, document: SourceDocument) -> Extraction | Skipped:
        """:meth:`extract`, or the document as skipped with the error if a stage fails
        on it: one odd page (a bug of ours its text runs into) must not stop a build of
        thousands, and the report names it so the bug can be found."""
        try:
            return self.extract(document)
        except Exception as err:  # any stage's bug: reported per document, not raised
            return Skipped(document.path, f"extraction failed ({type(err).__name__}: {err}); "
                                          "this is a bug in medkg, please report it with the document")
