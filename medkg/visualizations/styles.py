"""How each concept type and relation is drawn: one table for the page and the GEXF export.

Colours are Tableau 10 (distinct for most colour-blind readers, and each type also
has its own shape, so colour is never the only cue).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Style", "TYPE_STYLES", "RELATION_STYLES", "OTHER_TYPE", "type_style", "relation_style"]


@dataclass(frozen=True)
class Style:
    """How one concept type or relation is drawn.

    Attributes:
        label: the name shown in the legend and tooltips.
        color: fill (types) or line (relations) colour, ``#rrggbb``.
        shape: a vis-network node shape, or ``"line"`` for relations.
        border: border colour of nodes.
        dashes: whether a relation's line is dashed.
    """

    label: str
    color: str
    shape: str
    border: str = ""
    dashes: bool = False


TYPE_STYLES: dict[str, Style] = {
    "Symptom": Style("symptom", "#e15759", "dot", "#a3282a"),
    "Condition": Style("condition", "#4e79a7", "diamond", "#2c4d70"),
    "BodyRegion": Style("body region", "#76b7b2", "square", "#3f7f7a"),
    "RiskFactor": Style("risk factor", "#f28e2b", "triangle", "#b35f0c"),
    "Treatment": Style("treatment", "#59a14f", "star", "#356b2e"),
    "Test": Style("test", "#b07aa1", "triangleDown", "#7a4b6d"),
    "Specialist": Style("specialist", "#9c755f", "hexagon", "#654735"),
}
#: any other type (from a user's vocabulary)
OTHER_TYPE = Style("other concept", "#bab0ac", "dot", "#7d7471")

RELATION_STYLES: dict[str, Style] = {
    "causes": Style("causes", "#d62728", "line"),
    "risk_factor_for": Style("risk factor for", "#e67e22", "line"),
    "treats": Style("treats", "#2e8b3a", "line"),
    "prevents": Style("prevents", "#1f8a9c", "line"),
    "see_specialist": Style("see specialist", "#8c5a3c", "line"),
    "diagnosed_by": Style("diagnosed by", "#9b59b6", "line"),
    "located_in": Style("located in", "#8a8a8a", "line", dashes=True),
}


def type_style(name: str) -> Style:
    """The style of concept type ``name`` (``"Symptom"``), or :data:`OTHER_TYPE`."""
    return TYPE_STYLES.get(name, OTHER_TYPE)


def relation_style(name: str) -> Style:
    """The style of relation ``name`` (``"risk_factor_for"``); grey for one it does not know."""
    return RELATION_STYLES.get(name) or Style(name.replace("_", " "), "#888888", "line")
