"""Normalisation shared by labels and text: both sides must agree on every form."""
from __future__ import annotations

import pytest

from medkg.text import normalize


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
