"""Phrases that name earlier complaints again: "these conditions", "such injuries", "These could be signs of".

"Ankle pain is often related to tendinitis, ligament strains or stress fractures. A
physician should evaluate these conditions and arrange X-rays": the second sentence
names its complaints only by a demonstrative phrase. This stage puts, at the phrase, a
mention of each complaint that the nearest sentence before it names, of the kind the
phrase says (symptoms; injuries or diseases; conditions, else symptoms; or either),
marked ``anaphoric`` so that what is asserted from it names the rule ``anaphora``. The
phrase's own context decides whether it is negated or hedged. "Both conditions" with
nothing named before it, on a page titled by two ("De Quervain's or intersection
syndrome?"), names those two.
"""
from __future__ import annotations

import re

from rdflib import URIRef

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.context import mark_context
from medkg.extractors.document import Mention
from medkg.extractors.relations import PATIENT, generic_complaints
from medkg.extractors.structure import Structure
from medkg.ontology.lexicon import Lexicon
from medkg.text import lower

__all__ = ["AnaphoraResolver", "REFERRING"]

#: a demonstrative phrase naming complaints by their kind; matched on lower-case text
REFERRING = re.compile(r"\b(?P<number>these|those|such|both|this|that)\s+(?:[a-z-]+\s+)?"
                       r"(?P<kind>conditions?|injur(?:y|ies)|disorders?|diseases?|symptoms?|problems?|issues?|"
                       r"complaints?|ailments?)\b")
#: a phrase naming two complaints at once: with none named just before it, on a page
#: titled by two conditions ("De Quervain's or intersection syndrome?"), it names those
BOTH = re.compile(r"\b(?:both|either)\s+(?:of\s+(?:them|these|those)|(?:conditions?|injur(?:y|ies)|problems?|"
                  r"disorders?|diseases?))\b")
#: a pronoun that opens a sentence saying what earlier symptoms are signs of ("These
#: could be signs of an infection"): it names them as symptoms
POINTING = re.compile(r"^(?P<number>these|they|this|those)\b(?=(?:\s+[a-z]+){0,3}?\s+"
                      r"(?:(?:warning\s+)?signs?|symptoms?|indications?)\s+of\b)")
_CONDITION, _SYMPTOM = frozenset({"Condition"}), frozenset({"Symptom"})
#: the types each kind of phrase refers to, in order of preference; the rest ("these
#: problems") may be either. "Condition" prefers conditions, but lay writing calls
#: cramps a condition too.
_KINDS = {"injur": (_CONDITION,), "disorder": (_CONDITION,), "disease": (_CONDITION,), "symptom": (_SYMPTOM,),
          "condition": (_CONDITION, PATIENT)}
#: sentences before the phrase's own that may hold what it refers to
REACH = 2


def _types(kind: str | None) -> tuple[frozenset[str], ...]:
    if kind is None:  # a pronoun that points back (:data:`POINTING`)
        return (_SYMPTOM,)
    return next((types for stem, types in _KINDS.items() if kind.startswith(stem)), (PATIENT,))


class AnaphoraResolver(Extractor):
    """Adds mentions for demonstrative phrases that refer to earlier complaints."""

    name = "anaphora"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self.generic = generic_complaints(lexicon)

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        by_sentence = annotations.mentions_by_sentence()
        pair = self._title_pair(structure, by_sentence)
        for index, sentence in enumerate(structure.sentences):
            lowered = lower(sentence.text)
            own = by_sentence.setdefault(index, [])  # later phrases may refer to what this one adds
            added: list[Mention] = []
            for phrase in [*REFERRING.finditer(lowered), *POINTING.finditer(lowered), *BOTH.finditer(lowered)]:
                start, end = sentence.start + phrase.start(), sentence.start + phrase.end()
                inside = [m for m in own if m.start < end and start < m.end]
                if any(m.concept not in self.generic for m in inside) or any(
                        m.start == start and m.end == end for m in added):
                    continue  # "these overuse injuries" names its own concept; "both conditions" matched twice
                groups = phrase.groupdict()
                referents = self._referents(structure, by_sentence, index, _types(groups.get("kind")),
                                            plural=groups.get("number", "both") in ("these", "those", "such", "both",
                                                                                      "they"))
                if not referents and phrase.re is BOTH:
                    referents = pair
                if not referents:
                    continue
                for m in inside:
                    annotations.mentions.remove(m)
                    own.remove(m)
                added += [Mention(concept, kind, start, end, sentence.text[phrase.start():phrase.end()], index,
                                  anaphoric=True) for concept, kind in referents]
            if added:
                mark_context(sentence, added)
                annotations.mentions.extend(added)
                own.extend(added)

    def _title_pair(self, structure: Structure, by_sentence: dict[int, list[Mention]]) -> list[tuple[URIRef, str]]:
        """The two conditions a page's title names, if it names exactly two."""
        named = [(m.concept, m.type) for i, s in enumerate(structure.sentences)
                 if structure.blocks[s.block].kind == "title"
                 for m in by_sentence.get(i, ()) if m.type in _CONDITION and not m.negated and not m.ambiguous
                 and m.concept not in self.generic]
        named = list(dict.fromkeys(named))
        return named if len(named) == 2 else []

    def _referents(self, structure: Structure, by_sentence: dict[int, list[Mention]], index: int,
                   preferred: tuple[frozenset[str], ...], *, plural: bool) -> list[tuple[URIRef, str]]:
        """The complaints of the nearest earlier sentence (of this block or the one
        before it) that names any, of the first of the ``preferred`` types it names;
        for a singular phrase, only one."""
        block = structure.sentences[index].block
        for earlier in range(index - 1, max(-1, index - 1 - REACH), -1):
            if structure.sentences[earlier].block < block - 1:
                break
            named = [m for m in by_sentence.get(earlier, ())
                     if not m.negated and not m.ambiguous and m.concept not in self.generic]
            for types in preferred:
                found = list(dict.fromkeys((m.concept, m.type) for m in named if m.type in types))
                if found:
                    return found if plural or len(found) == 1 else []
        return []
