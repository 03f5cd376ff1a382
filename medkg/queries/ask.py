"""Free-text lookup: "my ankles hurt after running" -> causes, whom to see, what helps.

Concepts are found in the text in three steps:

1. the extractor's dictionary matcher (:class:`~medkg.extractors.concepts.DictionaryConceptFinder`),
   so the text is read exactly as documents are ("my ankles hurt" is a label of
   *ankle pain*); a word that names a concept only in context ("sore") counts only if
   nothing better is found;
2. together with those, a body region with a general symptom ("ankle" + "hurt")
   becomes the symptom felt there (*ankle pain*: its typical site is the ankle and it
   is narrower than *pain*); a region alone is read as pain there. A match broader
   than another one ("pain" beside "ankle pain") is dropped;
3. fuzzy matching (difflib) of the text's word sequences against every label of the
   graph's symptoms and conditions, for misspellings: used if the steps before found
   nothing ("akle pian"), or where a longer phrase matches closely around a shorter
   exact match ("acilles tendonitis" is *Achilles tendinopathy*, not *tendinopathy*).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import URIRef

from medkg.exceptions import ConceptNotFound
from medkg.extractors.base import Annotations
from medkg.extractors.concepts import DictionaryConceptFinder
from medkg.extractors.document import Mention, SourceDocument
from medkg.extractors.structure import parse_structure
from medkg.ontology.lexicon import Lexicon, load_lexicon
from medkg.ontology.namespace import CONCEPT
from medkg.queries.api import Answer, ConceptRef, KnowledgeGraph
from medkg.queries.results import text_table
from medkg.text import normalize

__all__ = ["Match", "AskAnswer", "find_concepts", "ask", "format_answer", "RED_FLAGS"]

#: what a person asks about: the types a match must have
_ASKABLE = ("Symptom", "Condition")
#: fuzzy matches need at least this difflib ratio
FUZZY_CUTOFF = 0.85
_MAX_WORDS = 5
#: words that alone never make a fuzzy phrase more than the exact match it surrounds
#: ("with my knee" is still the knee, not "hit the knee")
_FUNCTION_WORDS = frozenset(
    "a an the my your his her its our their this that with without in into on at of to for from by "
    "and or but is are was were be been am it".split())

#: when to seek care now rather than read a knowledge graph
RED_FLAGS = (
    "you cannot bear weight on the leg or foot, or cannot walk four steps",
    "the joint looks deformed, or you heard a crack or pop at the time of injury",
    "severe or rapidly increasing swelling, or the area is hot and red",
    "fever or feeling unwell together with the pain",
    "calf pain with swelling, warmth or redness (a possible blood clot, DVT), "
    "especially with chest pain or breathlessness",
    "numbness, tingling, weakness, or a cold, pale or blue foot",
    "pain that wakes you at night or keeps getting worse despite rest",
)


@dataclass(frozen=True)
class Match:
    """A concept found in the question: the words that named it and how."""

    concept: ConceptRef
    text: str
    how: str  # "exact", "region" or "fuzzy"
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """The concept's fields plus the matched text, method and score."""
        return {**self.concept.to_dict(), "text": self.text, "how": self.how, "score": round(self.score, 3)}


@dataclass
class AskAnswer:
    """Everything ``medkg ask`` prints for one question."""

    query: str
    matched: list[Match]
    causes: list[Answer] = field(default_factory=list)
    specialists: list[Answer] = field(default_factory=list)
    treatments: list[Answer] = field(default_factory=list)
    prevention: list[Answer] = field(default_factory=list)
    risk_factors: list[Answer] = field(default_factory=list)
    red_flags: tuple[str, ...] = RED_FLAGS

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready object: ``query``, ``matched``, ``causes``, ``specialists``,
        ``treatments``, ``prevention``, ``risk_factors`` and ``red_flags``."""
        return {"query": self.query, "matched": [m.to_dict() for m in self.matched],
                **{key: [a.to_dict() for a in getattr(self, key)]
                   for key in ("causes", "specialists", "treatments", "prevention", "risk_factors")},
                "red_flags": list(self.red_flags)}


@lru_cache(maxsize=1)
def _finder() -> tuple[Lexicon, DictionaryConceptFinder]:
    lexicon = load_lexicon()
    return lexicon, DictionaryConceptFinder(lexicon)


def _mentions(text: str) -> list[Mention]:
    _, finder = _finder()
    document = SourceDocument(text=text, path="question", digest="0" * 64)
    annotations = Annotations()
    finder(parse_structure(document), annotations)
    return annotations.mentions


def _exact(kg: KnowledgeGraph, mentions: list[Mention]) -> list[Match]:
    askable = [m for m in mentions if m.type in _ASKABLE and str(m.concept) in kg.concepts]
    clear = [m for m in askable if not m.ambiguous] or askable
    return [Match(kg.concept(m.concept), m.text, "exact") for m in clear]


def _by_region(kg: KnowledgeGraph, mentions: list[Mention]) -> list[Match]:
    """A body region plus a general symptom ("ankle" + "hurt") -> the symptom felt there.

    A general symptom is one without a typical site (pain, swelling, cramp); without
    one, pain is assumed. The symptom named "<region> <symptom>" is preferred, else the
    direct narrower concepts of the general symptom whose typical site is the region.
    """
    lexicon, _ = _finder()
    general = {m.concept for m in mentions
               if m.type == "Symptom" and m.concept in lexicon and not lexicon[m.concept].sites}
    general = general or {CONCEPT["pain"]}
    matches: list[Match] = []
    for region in (m for m in mentions if m.type == "BodyRegion" and m.concept in lexicon):
        names = {normalize(f"{r} {lexicon[g].label}") for g in general
                 for r in (region.text, lexicon[region.concept].label)}
        sited = [c for c in lexicon if c.type == "Symptom" and region.concept in c.sites
                 and str(c.iri) in kg.concepts]
        named = [c for c in sited if names & {normalize(label) for label in c.labels}]
        chosen = named or [c for c in sited if general & set(c.broader)]
        matches += [Match(kg.concept(c.iri), region.text, "region") for c in chosen]
    return matches


def _most_specific(matches: list[Match]) -> list[Match]:
    """Drop repeated concepts and those broader than another match ("pain" beside "ankle pain")."""
    lexicon, _ = _finder()
    unique = list({m.concept.iri: m for m in reversed(matches)}.values())[::-1]
    iris = [URIRef(m.concept.iri) for m in unique]
    broader = set().union(*(lexicon.ancestors(i) for i in iris if i in lexicon))
    return [m for m in unique if URIRef(m.concept.iri) not in broader]


def _fuzzy(kg: KnowledgeGraph, text: str) -> list[Match]:
    """Word sequences of ``text`` close to a label of a symptom or condition."""
    labels: dict[str, str] = {}
    for iri, (kind, names) in kg.concepts.items():
        if kind in _ASKABLE:
            for name in names:
                labels.setdefault(normalize(name), iri)
    words = normalize(text).split()
    best: dict[str, Match] = {}
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            if len(phrase) < 4:
                continue
            for key in difflib.get_close_matches(phrase, labels, n=3, cutoff=FUZZY_CUTOFF):
                score = difflib.SequenceMatcher(None, phrase, key).ratio()
                iri = labels[key]
                if iri not in best or best[iri].score < score:
                    best[iri] = Match(kg.concept(iri), phrase, "fuzzy", score)
    if not best:
        return []
    top = max(m.score for m in best.values())
    return sorted((m for m in best.values() if m.score >= top - 0.05), key=lambda m: -m.score)


def find_concepts(kg: KnowledgeGraph, text: str) -> list[Match]:
    """The symptoms and conditions that ``text`` speaks of (see the module docstring).

    Raises:
        ConceptNotFound: nothing matches; the message suggests close labels.
    """
    mentions = _mentions(text)
    matches = _most_specific(_exact(kg, mentions) + _by_region(kg, mentions))
    fuzzy = _fuzzy(kg, text)
    if not matches:
        matches = fuzzy
    for close in fuzzy:  # "acilles tendonitis" is more than its exact match "tendonitis"
        inside = [m for m in matches if normalize(m.text) != close.text and normalize(m.text) in close.text]
        covered = set().union(*(normalize(m.text).split() for m in inside)) | _FUNCTION_WORDS
        if not set(close.text.split()) - covered:
            continue
        agrees = any(f.text == close.text and f.concept in {m.concept for m in inside} for f in fuzzy)
        if inside and not agrees and " " in close.text:
            matches = [m for m in matches if m not in inside] + [close]
    if not matches:
        hint = kg.suggest(text, types=_ASKABLE, cutoff=0.5)
        raise ConceptNotFound(f"found no symptom or condition in {text!r}" +
                              (f"; did you mean: {', '.join(hint)}?" if hint else
                               "; try a name such as 'ankle pain' or 'shin splints'"))
    return matches


def _merge(lists: list[list[Answer]], limit: int | None) -> list[Answer]:
    """Answers for several asked concepts, merged by IRI (documents united)."""
    merged: dict[str, Answer] = {}
    for answers in lists:
        for a in answers:
            old = merged.get(a.iri)
            if old is None:
                merged[a.iri] = a
                continue
            documents = tuple(sorted(set(old.documents) | set(a.documents)))
            merged[a.iri] = Answer(iri=a.iri, label=a.label, labels=a.labels, type=a.type,
                                   support=len(documents), confidence=max(old.confidence, a.confidence),
                                   documents=documents, via=tuple(sorted(set(old.via) | set(a.via))),
                                   direct=old.direct or a.direct)
    ranked = sorted(merged.values(), key=lambda a: (not a.direct, -a.support, -a.confidence, a.label))
    return ranked[:limit] if limit is not None else ranked


def ask(kg: KnowledgeGraph, text: str, *, limit: int | None = 10) -> AskAnswer:
    """Answer a free-text question about a symptom: matched concepts, possible causes,
    whom to see, treatments and prevention, each ranked (direct before indirect, then
    by the number of documents, then by confidence) and cut to ``limit``.

    Raises:
        ConceptNotFound: no symptom or condition is found in ``text``.
    """
    matched = find_concepts(kg, text)
    iris = [URIRef(m.concept.iri) for m in matched]
    return AskAnswer(
        query=text, matched=matched,
        causes=_merge([kg.causes_of(i) for i in iris], limit),
        specialists=_merge([kg.whom_to_see(i) for i in iris], limit),
        treatments=_merge([kg.treatments_for(i) for i in iris], limit),
        prevention=_merge([kg.prevention_for(i) for i in iris], limit),
        risk_factors=_merge([kg.risk_factors_for(i) for i in iris], limit),
    )


def _section(title: str, answers: list[Answer], column: str) -> str:
    if not answers:
        return f"{title}\n  (the documents say nothing about this yet)"
    rows = [[n, a.label, a.type.lower(), a.support, f"{a.confidence:.2f}",
             ("" if a.direct else "(indirect) ") + ", ".join(a.via)] for n, a in enumerate(answers, start=1)]
    table = text_table(["#", column, "type", "docs", "conf", "found through"], rows)
    return f"{title}\n" + "\n".join("  " + line for line in table.splitlines())


def format_answer(answer: AskAnswer) -> str:
    """The answer as readable text: matched concepts, five ranked tables, red flags."""
    matched = "; ".join(f"{m.concept.label} ({m.concept.type.lower()}"
                        + (f", from {m.text!r}" if m.how != "exact" else "") + ")" for m in answer.matched)
    parts = [
        f"Question: {answer.query}",
        f"Matched:  {matched}",
        "",
        _section("Possible causes (docs: documents that say so; indirect: a cause of a cause)",
                 answer.causes, "cause"),
        "",
        _section("What raises the risk", answer.risk_factors, "risk factor"),
        "",
        _section("Whom to see", answer.specialists, "specialist"),
        "",
        _section("What helps", answer.treatments, "treatment"),
        "",
        _section("Prevention", answer.prevention, "measure"),
        "",
        "Seek urgent medical care if:",
        *(f"  - {flag}" for flag in answer.red_flags),
        "",
        "This summarises what the source documents say; it is not a diagnosis.",
    ]
    return "\n".join(parts)
