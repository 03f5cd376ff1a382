"""Normalisation shared by labels and text: both sides must agree on every form."""
from __future__ import annotations

import pytest

from medkg.text import normalize, tokens


@pytest.mark.parametrize("form,base", [
    ("Shin-splints", "shin splint"),
    ("ankle aches", "ankle ache"),
    ("headaches", "headache"),
    ("pain in my knee", "pain in the knee"),
    ("MRIs", "mri"),
])
def test_variants_share_a_normal_form(form, base):
    assert normalize(form) == normalize(base)


def test_es_plurals_keep_their_stem():
    assert normalize("reaches") == "reach" and normalize("stretches") == "stretch"


def test_a_word_cut_by_a_hyphen_at_a_line_break_is_one_word_and_its_span_covers_both_parts():
    text = "caused by over-\nuse; see a physio-\n   therapist; a well-known X-ray"
    found = list(tokens(text))
    assert [t for t, _, _ in found] == ["caused", "by", "overuse", "see", "a", "physiotherapist", "a", "well",
                                        "known", "x", "ray"]
    start, end = found[2][1:]
    assert text[start:end] == "over-\nuse"
