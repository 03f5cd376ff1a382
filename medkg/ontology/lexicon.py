"""The concept vocabulary as Python objects: load, look up, extend.

The shipped vocabulary is every ``vocabulary/*.ttl`` file of this package; users add
their own Turtle files or simple TSV/CSV files (``label, type, synonyms, xrefs``, see
:func:`read_table`). Loading parses with Oxigraph, which reads the ~15k triples in a
few tens of milliseconds.
"""
from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, SKOS, Literal, URIRef
from rdflib.term import Node

from medkg.exceptions import VocabularyError
from medkg.ontology.namespace import CONCEPT, MKG, TYPES
from medkg.store.terms import from_ox
from medkg.text import normalize

__all__ = ["Concept", "Lexicon", "load_lexicon", "ontology_triples", "read_table", "concept_iri",
           "XREF_PREFIXES"]

#: how a cross-reference IRI starts, by source, and the pattern of its local id
XREF_PREFIXES: dict[str, tuple[str, str]] = {
    "HP": ("http://purl.obolibrary.org/obo/HP_", r"\d{7}"),
    "UBERON": ("http://purl.obolibrary.org/obo/UBERON_", r"\d{7}"),
    "DOID": ("http://purl.obolibrary.org/obo/DOID_", r"\d{1,7}"),
    "MESH": ("http://id.nlm.nih.gov/mesh/", r"[DCQ]\d{6,9}"),
    "SCTID": ("http://snomed.info/id/", r"\d{6,18}"),
}


def concept_iri(label: str) -> URIRef:
    """The IRI of a concept from its preferred label (``"Ankle pain"`` -> ``mkc:ankle-pain``)."""
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    if not slug:
        raise VocabularyError(f"label {label!r} has no letters or digits to name a concept with")
    return CONCEPT[slug]


@dataclass
class Concept:
    """One concept of the vocabulary."""

    iri: URIRef
    type: str
    label: str
    synonyms: list[str] = field(default_factory=list)
    context_labels: list[str] = field(default_factory=list)
    #: phrases that contain a label but name something else ("pedal stroke")
    other_senses: list[str] = field(default_factory=list)
    definition: str = ""
    broader: list[URIRef] = field(default_factory=list)
    part_of: list[URIRef] = field(default_factory=list)
    sites: list[URIRef] = field(default_factory=list)
    xrefs: list[URIRef] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        """Every label: preferred first, then synonyms and context labels."""
        return [self.label, *self.synonyms, *self.context_labels]


_TYPE_NAMES = {iri: name for name, iri in TYPES.items()}
#: words that do not make two labels different for :meth:`Lexicon.contained_in`
_FILLER = frozenset({"the", "a", "an", "of", "in", "on", "to", "and", "or", "for", "with", "at"})


class Lexicon:
    """The concepts by IRI, with their triples for the store."""

    def __init__(self, concepts: dict[URIRef, Concept], triples: list[tuple[Node, Node, Node]],
                 digest: str = "") -> None:
        self.concepts = concepts
        self.triples = triples
        #: identifies the vocabulary's content: the SHA-256 of its source files
        self.digest = digest
        self._by_label: dict[str, list[URIRef]] | None = None
        self._by_word: dict[str, list[tuple[frozenset[str], URIRef]]] | None = None
        self._ancestors: dict[URIRef, frozenset[URIRef]] = {}

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, iri: URIRef) -> Concept:
        return self.concepts[iri]

    def __contains__(self, iri: object) -> bool:
        return iri in self.concepts

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def lookup(self, text: str) -> list[Concept]:
        """The concepts one of whose labels normalises to the same form as ``text``."""
        if self._by_label is None:
            index: dict[str, list[URIRef]] = defaultdict(list)
            for concept in self:
                for label in concept.labels:
                    key = normalize(label)
                    if concept.iri not in index[key]:
                        index[key].append(concept.iri)
            self._by_label = dict(index)
        return [self.concepts[i] for i in self._by_label.get(normalize(text), [])]

    def contained_in(self, text: str, types: Iterable[str]) -> list[Concept]:
        """Concepts of ``types`` all of whose label words occur in ``text`` (in any order),
        best first: most words matched. For short list items that name a concept
        loosely ("lack of physical exercise" -> lack of exercise). Labels of one word,
        and context labels, are left out: they need the exact matcher's care.
        """
        if self._by_word is None:
            self._by_word = self._word_index()
        present = set(normalize(text).split())
        wanted = set(types)
        best: dict[URIRef, int] = {}
        for word in present:
            for words, iri in self._by_word.get(word, ()):
                if words <= present and self.concepts[iri].type in wanted:
                    best[iri] = max(best.get(iri, 0), len(words))
        # ties broken by IRI: the words of ``text`` come from a set, whose order varies per process
        return [self.concepts[i] for i in sorted(best, key=lambda i: (-best[i], str(i)))]

    def _word_index(self) -> dict[str, list[tuple[frozenset[str], URIRef]]]:
        """Labels of two or more words (filler left out), each under its rarest word:
        a label can only be contained in a text that has that word, and rare words
        keep the lists short."""
        labels = {(frozenset(normalize(label).split()) - _FILLER, concept.iri)
                  for concept in self for label in [concept.label, *concept.synonyms]}
        labels = {(words, iri) for words, iri in labels if len(words) >= 2}
        frequency: dict[str, int] = defaultdict(int)
        for words, _ in labels:
            for word in words:
                frequency[word] += 1
        index: dict[str, list[tuple[frozenset[str], URIRef]]] = defaultdict(list)
        for words, iri in sorted(labels, key=lambda entry: (sorted(entry[0]), entry[1])):
            index[min(words, key=lambda w: (frequency[w], w))].append((words, iri))
        return dict(index)

    def is_region(self, iri: URIRef) -> bool:
        """Whether ``iri`` is a region of the body (part of a larger one: the ankle, the
        calf), not a kind of tissue found all over it (joint, muscle, ligament)."""
        return iri in self.concepts and bool(self.concepts[iri].part_of)

    def placeless_pains(self) -> frozenset[URIRef]:
        """The kinds of pain that say how it hurts but not where ("acute pain", "pain when
        running"): symptoms under "pain" with no typical site."""
        pain = CONCEPT.pain
        return frozenset(c.iri for c in self if c.type == "Symptom" and not c.sites and pain in self.ancestors(c.iri))

    def ancestors(self, iri: URIRef) -> frozenset[URIRef]:
        """Every broader concept, transitively (cached per concept)."""
        cached = self._ancestors.get(iri)
        if cached is None:
            cached = self._ancestors[iri] = frozenset(self._climb(iri, "broader"))
        return cached

    def wholes(self, iri: URIRef) -> frozenset[URIRef]:
        """Every body region that ``iri`` is part of, transitively (the ankle
        ligaments: the ankle, the foot and ankle, the leg, ...)."""
        return frozenset(self._climb(iri, "part_of"))

    def _climb(self, iri: URIRef, link: str) -> set[URIRef]:
        seen: set[URIRef] = set()
        todo = list(getattr(self.concepts[iri], link)) if iri in self.concepts else []
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                if parent in self.concepts:
                    todo.extend(getattr(self.concepts[parent], link))
        return seen


def _literal(term: object) -> str:
    return term.value if isinstance(term, ox.Literal) else str(term)


def _parse_turtle(path: Path) -> list[tuple[Node, Node, Node]]:
    try:
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except SyntaxError as err:
        raise VocabularyError(f"{path}: not valid Turtle: {err}") from err


def read_table(path: Path) -> list[tuple[Node, Node, Node]]:
    """Triples from a TSV or CSV vocabulary with the columns ``label, type, synonyms,
    xrefs`` (and optionally ``definition``, ``broader``, ``context_labels``, ``other_senses``); lists
    inside a cell are separated by ``|`` and xrefs are CURIEs such as ``HP:0002829``.

    Raises:
        VocabularyError: a row lacks a label, or has an unknown type or xref prefix.
    """
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    triples: list[tuple[Node, Node, Node]] = []
    for number, row in enumerate(rows, start=2):
        label = (row.get("label") or "").strip()
        kind = (row.get("type") or "").strip()
        if not label:
            raise VocabularyError(f"{path}:{number}: the row has no label")
        if kind not in TYPES:
            raise VocabularyError(f"{path}:{number}: unknown type {kind!r}; known: {', '.join(TYPES)}")
        iri = concept_iri(label)
        triples += [(iri, RDF.type, TYPES[kind]), (iri, SKOS.prefLabel, Literal(label, lang="en"))]
        for cell, prop in (("synonyms", SKOS.altLabel), ("context_labels", MKG.contextLabel),
                           ("other_senses", MKG.otherSense)):
            for value in _cells(row.get(cell)):
                triples.append((iri, prop, Literal(value, lang="en")))
        definition = (row.get("definition") or "").strip() or f"{label} (user vocabulary)"
        triples.append((iri, SKOS.definition, Literal(definition, lang="en")))
        for value in _cells(row.get("broader")):
            triples.append((iri, SKOS.broader, concept_iri(value)))
        for curie in _cells(row.get("xrefs")):
            prefix, _, local = curie.partition(":")
            if prefix.upper() not in XREF_PREFIXES:
                raise VocabularyError(f"{path}:{number}: unknown xref prefix in {curie!r}; "
                                      f"known: {', '.join(XREF_PREFIXES)}")
            triples.append((iri, SKOS.exactMatch, URIRef(XREF_PREFIXES[prefix.upper()][0] + local)))
    return triples


def _cells(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _vocabulary_files() -> list[Path]:
    folder = resources.files("medkg.ontology") / "vocabulary"
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".ttl"))


def ontology_path() -> Path:
    """Where the shipped ontology file ``medkg.ttl`` is, for tools that open files."""
    return Path(str(resources.files("medkg.ontology") / "medkg.ttl"))


def ontology_triples() -> list[tuple[Node, Node, Node]]:
    """The ontology (TBox) as triples."""
    return _parse_turtle(ontology_path())


def _concepts(triples: Iterable[tuple[Node, Node, Node]]) -> dict[URIRef, Concept]:
    props: dict[URIRef, dict[URIRef, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        props[s][p].append(o)
    concepts: dict[URIRef, Concept] = {}
    for iri, values in props.items():
        types = [_TYPE_NAMES[t] for t in values.get(RDF.type, []) if t in _TYPE_NAMES]
        if not types:
            continue
        labels = values.get(SKOS.prefLabel, [])
        if len(types) != 1 or len(labels) != 1:
            raise VocabularyError(f"concept {iri} needs exactly one type and one skos:prefLabel "
                                  f"(has {len(types)} and {len(labels)})")
        concepts[iri] = Concept(
            iri=iri, type=types[0], label=str(labels[0]),
            synonyms=[str(v) for v in values.get(SKOS.altLabel, [])],
            context_labels=[str(v) for v in values.get(MKG.contextLabel, [])],
            other_senses=[str(v) for v in values.get(MKG.otherSense, [])],
            definition=" ".join(str(v) for v in values.get(SKOS.definition, [])),
            broader=list(values.get(SKOS.broader, [])),
            part_of=list(values.get(MKG.partOf, [])),
            sites=list(values.get(MKG.typicalSite, [])),
            xrefs=[*values.get(SKOS.exactMatch, []), *values.get(SKOS.closeMatch, [])],
        )
    return concepts


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped vocabulary plus the user files in ``extra`` (``.ttl``, ``.tsv``, ``.csv``).

    Raises:
        VocabularyError: a file is unreadable or malformed.
    """
    extra = tuple(Path(p) for p in extra)
    if not extra:
        return _shipped()
    shipped = _shipped()
    triples = list(shipped.triples)
    for path in extra:
        if not path.is_file():
            raise VocabularyError(f"vocabulary file {path} does not exist")
        triples += read_table(path) if path.suffix.lower() in (".tsv", ".csv", ".tab") else _parse_turtle(path)
    return Lexicon(_concepts(triples), triples, _digest(extra, shipped.digest))


def _digest(paths: Iterable[Path], seed: str = "") -> str:
    h = hashlib.sha256(seed.encode())
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    triples: list[tuple[Node, Node, Node]] = []
    files = [ontology_path(), *_vocabulary_files()]
    for path in files[1:]:
        triples += _parse_turtle(path)
    return Lexicon(_concepts(triples), triples, _digest(files))
