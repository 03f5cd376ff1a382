"""Quality regression: the dev-set score must not fall below what we reached.

Runs the shared scorer (``../shared/eval/score.py``) on the assertion export of a
graph built from the shared corpus. The floors are the measured figures minus a
small margin; raise them when extraction improves.
"""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import SHARED

#: measured on the dev corpus (strict): P 0.703, R 0.559, F1 0.623
FLOOR = {"f1": 0.60, "precision": 0.68}


@pytest.fixture(scope="module")
def scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"the shared scorer is not at {path}")
    spec = importlib.util.spec_from_file_location("medkg_dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_dev_set_score_stays_above_the_floor(scorer, shared_corpus, tmp_path):
    from medkg.build import build
    from medkg.exporters import export
    from medkg.store import open_store

    build([shared_corpus], str(tmp_path / "kg"))
    with open_store(str(tmp_path / "kg"), read_only=True) as kg:
        tsv = export(kg, "assertions", tmp_path / "a.tsv")
    result = scorer.score(scorer.load_gold(SHARED / "eval" / "gold"), scorer.load_system(tsv),
                          scorer.load_concepts(SHARED / "eval" / "concepts.tsv"), relaxed=False)
    overall = result["overall"]
    assert overall["f1"] >= FLOOR["f1"], overall
    assert overall["precision"] >= FLOOR["precision"], overall
