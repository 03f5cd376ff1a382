"""The same text gives the same facts in every process, whatever Python's string hash seed."""
from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from medkg.ontology.lexicon import load_lexicon
from medkg.extractors.pipeline import Pipeline
from medkg.extractors.document import SourceDocument
lexicon = load_lexicon()
print([c.label for c in lexicon.contained_in("tight hamstrings and quadriceps", ["RiskFactor"])][:2])
text = "Patellar tendinopathy\\n\\nYou are more likely to get it if you have:\\n\\n- tight hamstrings and quadriceps\\n"
doc = SourceDocument(text=text, path="t.txt", digest="0" * 64)
print(sorted((str(a.subject), a.relation, str(a.object)) for a in Pipeline(lexicon).extract(doc).annotations.assertions))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True).stdout


def test_loose_matches_and_facts_do_not_depend_on_the_hash_seed():
    outputs = {_run(seed) for seed in ("1", "2", "4")}
    assert len(outputs) == 1, outputs
    assert "tight hamstrings" in next(iter(outputs))
