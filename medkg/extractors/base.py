"""The interface of a pipeline stage.

A stage takes the document's :class:`~medkg.extractors.structure.Structure` and the
:class:`Annotations` gathered so far and adds to them. Stages are registered by name
(``medkg.registry`` kind ``extractors``) and put together by
:class:`~medkg.extractors.pipeline.Pipeline`.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from medkg.extractors.document import Assertion, Candidate, Mention
from medkg.extractors.structure import Structure
from medkg.ontology.lexicon import Lexicon

__all__ = ["Extractor", "Annotations"]


@dataclass
class Annotations:
    """What the stages found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    def mentions_by_sentence(self) -> dict[int, list[Mention]]:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        return by_sentence


class Extractor(ABC):
    """One stage of the extraction pipeline."""

    #: registry name
    name: str

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @abstractmethod
    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        """Add what this stage finds in ``structure`` to ``annotations``."""
