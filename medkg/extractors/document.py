"""The data that flows through the extraction pipeline.

A :class:`SourceDocument` (loaded text) is split into :class:`Block` s (title,
headings, list items, paragraphs) and :class:`Sentence` s; concept finding adds
:class:`Mention` s, context marks them negated or hedged, and relation extraction
turns them into :class:`Assertion` s, each with the sentence that states it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from rdflib import URIRef

from medkg.ontology.namespace import DOC

__all__ = ["SourceDocument", "Block", "Sentence", "Mention", "Assertion", "Candidate", "BlockKind"]

#: "meta" lines carry page furniture (who answered, dates) and state no facts
BlockKind = Literal["title", "heading", "item", "paragraph", "meta"]


@dataclass
class SourceDocument:
    """One loaded document: clean text plus where it came from.

    ``digest`` is the SHA-256 of the original bytes (or record), which gives the
    document a stable identity across paths and runs.
    """

    text: str
    path: str
    digest: str
    title: str = ""
    url: str = ""
    format: str = "txt"
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def iri(self) -> URIRef:
        return self.iri_of(self.digest)

    @staticmethod
    def iri_of(digest: str) -> URIRef:
        """The IRI of the document with this content digest."""
        return DOC[digest[:32]]

    @property
    def name(self) -> str:
        """The file name (or record id) the scorer and the user know the document by."""
        return self.path.rsplit("/", 1)[-1]

    @staticmethod
    def hash_of(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()


@dataclass
class Block:
    """A line-level unit of the document's structure."""

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 2
    #: the enclosing headings, outermost first
    section: tuple[int, ...] = ()
    #: index of the block that introduces this list item (a line ending with ':'), if any
    intro: int | None = None
    #: "question" or "answer" on Q&A pages, else ""
    part: str = ""
    #: a heading marked up as one (Markdown "##", HTML "<h2>"), whose level is meant,
    #: rather than told by its shape in plain text, where headings are flat
    marked: bool = False


@dataclass
class Sentence:
    """A sentence, or a whole heading or list item, with its span in the clean text."""

    text: str
    start: int
    end: int
    block: int


@dataclass
class Mention:
    """A concept named in a sentence."""

    concept: URIRef
    type: str
    start: int
    end: int
    text: str
    sentence: int
    ambiguous: bool = False
    negated: bool = False
    hedged: bool = False
    #: named by a phrase that refers back ("these conditions"), not by its own name
    anaphoric: bool = False


@dataclass(frozen=True)
class Assertion:
    """One fact as one document states it."""

    subject: URIRef
    relation: str
    object: URIRef
    sentence: int
    rule: str
    confidence: float
    hedged: bool = False


@dataclass(frozen=True)
class Candidate:
    """A phrase in a relation slot that the vocabulary does not know."""

    text: str
    relation: str
    slot: str
    sentence: int
