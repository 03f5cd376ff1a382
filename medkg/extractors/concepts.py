"""Finding vocabulary concepts in sentences, longest match first.

Labels and text are compared by their normalised tokens (:mod:`medkg.text`), so case,
plurals, hyphens, apostrophes and accents do not matter. An Aho-Corasick automaton
over every label finds all matches of a sentence in one pass; overlapping matches
are resolved leftmost-longest. Matches of context labels ("ice", "rest", "PT") are
kept but flagged ``ambiguous`` so that later stages use them only with support. A
concept's other senses ("pedal stroke" for stroke) are matched too, as phrases that
name no concept: being longer, they keep the label inside them from matching.
"""
from __future__ import annotations

import re

import ahocorasick
from rdflib import URIRef

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.document import Mention
from medkg.extractors.structure import Structure
from medkg.ontology.lexicon import Lexicon
from medkg.text import normalize, spans, words

__all__ = ["DictionaryConceptFinder"]

#: (concept IRI, type, ambiguous, acronym); the IRI is the lexicon's own object, so
#: that look-ups by it downstream find the same key (no equality calls)
_Entry = tuple[URIRef, str, bool, bool]

#: punctuation that separates phrases: a match across it ("In sports, taping is
#: used") joins two phrases into a label, unless a label is written with it
#: ("rest, ice, compression and elevation")
_BREAK = re.compile(r"[,;:()\[\]]")
#: a prefix that makes the word after it part of a modifier: "post-exercise joint pain"
#: names joint pain, not exercise; "non-surgical" is not surgery (labels written with
#: the prefix, such as "post-traumatic arthritis", match from the prefix on)
_PREFIXED = re.compile(r"\b(?:post|pre|non|anti|after)-$", re.IGNORECASE)
#: words that name a part of whatever region follows them: in "pain on the back of the
#: forearm" and "the side of my knee" the back and the side are the forearm's and the
#: knee's, not the back or the flank (labels that go on, "back of the knee", match whole)
_POSITIONS = frozenset({"back", "side", "front", "top", "bottom", "base", "middle", "edge", "inside", "outside"})
#: "hurts" opening a match: the present tense tells of pain, where "hurt the
#: knee" (past) tells of an injury
_PRESENT_HURT = re.compile(r"hurts\b", re.IGNORECASE)
#: words a label may open with that are no part of the name ("a fall")
_ARTICLES = frozenset({"a", "an", "the"})
#: letters of an acronym that the page's own use of the full name disambiguates
_ACRONYM_LENGTH = 6


def _is_acronym(label: str, ambiguous: bool) -> bool:
    """Labels that match only when the text writes them in capitals too: short
    acronyms ("AS", "PAD", "RICE") that are also everyday words in lower case."""
    letters = label.replace("-", "").replace("&", "")
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():  # "REDs", "MRIs"
        letters = letters[:-1]
    return letters.isupper() and letters.isalnum() and (len(letters) <= 4 or ambiguous)


def _automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    entries: dict[str, list[_Entry]] = {}
    punctuated: set[str] = set()
    for concept in lexicon:
        plain = [(label, False) for label in [concept.label, *concept.synonyms]]
        for label, ambiguous in [*plain, *((label, True) for label in concept.context_labels)]:
            key = normalize(label)
            if not key:
                continue
            found = entries.setdefault(f" {key} ", [])
            if _BREAK.search(label):
                punctuated.add(f" {key} ")
            if all(e[0] != concept.iri for e in found):
                found.append((concept.iri, concept.type, ambiguous, _is_acronym(label, ambiguous)))
    for concept in lexicon:
        for phrase in concept.other_senses:
            key = normalize(phrase)
            if key:
                entries.setdefault(f" {key} ", [])  # no concept: the phrase only takes its span
    automaton = ahocorasick.Automaton()
    for key, found in entries.items():
        # A label shared by several concepts is ambiguous whatever the vocabulary says.
        if len(found) > 1:
            found = [(iri, kind, True, acronym) for iri, kind, _, acronym in found]
        automaton.add_word(key, (len(key), key.count(" ") - 1, found, key in punctuated))
    automaton.make_automaton()
    return automaton


def _head_start(normalized: list[str], first: int) -> int:
    """Where a match starts for leftmost-longest: a label opening with an article
    ("a fall", kept so that "fall" alone does not match) competes from the word after
    it, so that "a fall onto an outstretched hand" is the longer label, not "a fall"."""
    return first + 1 if normalized[first] in _ARTICLES else first


def _written_as_acronym(written: str) -> bool:
    """"PAD", "MRIs" yes; "pad", "As" no."""
    return written.isupper() or (len(written) > 2 and written.endswith("s") and written[:-1].isupper())


class DictionaryConceptFinder(Extractor):
    """Marks every vocabulary concept named in each sentence."""

    name = "dictionary"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._automaton = _automaton(lexicon)

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        text = structure.document.text
        for index, sentence in enumerate(structure.sentences):
            sentence_text = text[sentence.start:sentence.end]
            normalized = words(sentence_text)
            if not normalized:
                continue
            joined = " " + " ".join(normalized) + " "
            matches = []
            for end, (length, tokens, found, punctuated) in self._automaton.iter(joined):
                first = joined.count(" ", 0, end - length + 2) - 1  # tokens before the match
                matches.append((first, -tokens, found, punctuated))
            if not matches:
                continue
            matches.sort(key=lambda m: (_head_start(normalized, m[0]), m[1]))
            token_spans = spans(sentence_text)
            taken = -1
            for first, negative_count, found, punctuated in matches:
                last = first - negative_count - 1
                if first <= taken:
                    continue
                begin = sentence.start + token_spans[first][0]
                finish = sentence.start + token_spans[last][1]
                if text[begin - 1:begin] == "-" and _PREFIXED.search(text, max(0, begin - 6), begin):
                    continue
                if last > first and not punctuated and _BREAK.search(text, begin, finish):
                    continue  # a shorter match at the same place may still fit
                if normalized[last] in _POSITIONS and normalized[last + 1:last + 2] == ["of"]:
                    continue  # "the back of ...": a part of the region that follows
                if _PRESENT_HURT.match(text, begin, finish):
                    # "running hurts the knee" is knee pain, not the injury "hurt the knee" names
                    found = [e for e in found if e[1] != "Condition"]
                    if not found:
                        continue
                if any(acronym for *_, acronym in found) and not _written_as_acronym(text[begin:finish]):
                    found = [e for e in found if not e[3]]
                    if not found:
                        continue
                taken = last
                for iri, kind, ambiguous, _ in found:
                    annotations.mentions.append(Mention(
                        concept=iri, type=kind, start=begin, end=finish,
                        text=text[begin:finish], sentence=index, ambiguous=ambiguous))
        _acronyms_as_defined(annotations.mentions)


def _acronyms_as_defined(mentions: list[Mention]) -> None:
    """An acronym the page also names in full ("peripheral arterial disease (PAD)") means
    that concept wherever the page writes it: its other readings at the same place are
    dropped and it is no longer ambiguous (one sense per document)."""
    named = {m.concept for m in mentions if not m.ambiguous}
    at: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if m.ambiguous and m.text.isupper() and len(m.text) <= _ACRONYM_LENGTH:
            at.setdefault((m.start, m.end), []).append(m)
    for readings in at.values():
        defined = [m for m in readings if m.concept in named]
        if len(defined) == 1:
            defined[0].ambiguous = False
            for m in readings:
                if m is not defined[0]:
                    mentions.remove(m)
