"""Ambiguous words read in the sense of the list they stand in.

"Who is at risk: players of kicking sports: football, rugby and martial arts": alone,
"football" and "rugby" are ambiguous (a ball, a shirt), so later stages would use
them only with support; listed with "martial arts", a risk factor by itself, they are
the sports. A mention flagged ``ambiguous`` that is coordinated (", ", "and", "or",
"/") with an unambiguous mention of a type it may have takes that reading: it is no
longer ambiguous, and its other readings at the same place go. The reading spreads
along the list ("football, rugby and martial arts": rugby from martial arts, then
football from rugby).
"""
from __future__ import annotations

import re

from medkg.extractors.base import Annotations, Extractor
from medkg.extractors.document import Mention
from medkg.extractors.structure import Structure

__all__ = ["CoordinationResolver", "COORDINATED"]

#: what joins two items of one list, the whole text between them (``fullmatch``):
#: ", ", " and ", ", or ", "/", " & "
COORDINATED = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&|/)\s*", re.IGNORECASE)


class CoordinationResolver(Extractor):
    """Settles ambiguous mentions by the unambiguous ones they are listed with."""

    name = "coordination"

    def __call__(self, structure: Structure, annotations: Annotations) -> None:
        text = structure.document.text
        dropped: set[int] = set()
        for mentions in annotations.mentions_by_sentence().values():
            dropped |= _settle(text, sorted(mentions, key=lambda m: (m.start, m.end)))
        if dropped:
            annotations.mentions = [m for m in annotations.mentions if id(m) not in dropped]


def _settle(text: str, mentions: list[Mention]) -> set[int]:
    """Settle the ambiguous mentions of one sentence; the ids of the readings dropped.
    One pass forward and one back carry a reading along a list either way, in time
    linear in the mentions (a run-on sentence may name thousands)."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        spans.setdefault((m.start, m.end), []).append(m)
    places = sorted(spans)
    dropped: set[int] = set()
    forward = list(zip(places[1:], places))
    backward = list(zip(reversed(places[:-1]), reversed(places[1:])))
    for here, there in forward + backward:
        readings = spans[here]
        if not all(m.ambiguous for m in readings):
            continue
        left, right = min(here, there), max(here, there)
        if not COORDINATED.fullmatch(text, left[1], right[0]):
            continue
        settled = {m.type for m in spans[there] if not m.ambiguous}
        chosen = [m for m in readings if m.type in settled]
        if not chosen:
            continue
        for m in chosen:
            m.ambiguous = False
        dropped |= {id(m) for m in readings if m.type not in settled}
        spans[here] = chosen
    return dropped
