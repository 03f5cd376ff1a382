"""Coordination: an ambiguous word read in the sense of the list it stands in."""
from __future__ import annotations

from tests.extractors.helpers import extract, facts, label


def _readings(text: str) -> dict[str, set[tuple[str, bool]]]:
    extraction = extract(text)
    out: dict[str, set[tuple[str, bool]]] = {}
    for m in extraction.annotations.mentions:
        out.setdefault(m.text.lower(), set()).add((label(m.concept), m.ambiguous))
    return out


def test_ambiguous_sports_listed_with_an_unambiguous_one_are_settled_along_the_list():
    readings = _readings("Hip flexor strain\n\nWho is at risk?\n\n- players of kicking sports: football, rugby and "
                         "martial arts such as karate\n")
    assert all(not ambiguous for _, ambiguous in readings["football"] | readings["rugby"]), readings


def test_a_listed_ambiguous_word_keeps_only_the_reading_of_its_list():
    """"hot" in "swollen, hot and painful" is warmth, not hot weather."""
    readings = _readings("Calf pain\n\nSee a doctor if the calf is swollen, hot and painful.\n")
    assert readings["hot"] == {("warmth", False)}, readings


def test_an_ambiguous_word_not_in_a_list_stays_ambiguous():
    readings = _readings("Calf pain\n\nRugby is played in winter.\n")
    assert all(ambiguous for _, ambiguous in readings["rugby"]), readings


def test_settled_sports_in_a_risk_list_are_risk_factors_of_the_topic():
    found = facts("Hip flexor strain\n\nWho is at risk?\n\n- players of kicking sports: football, rugby and martial arts\n")
    assert {f for f in found if f[1] == "risk_factor_for" and f[0] == "pivoting sports"}, found
