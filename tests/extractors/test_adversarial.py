"""Lines that an attacker or a garbled page can write must not stall a build.

Each line below made one of the extraction's patterns backtrack for minutes or hours,
as a pattern that can split one run of text into its parts in exponentially many ways
does (measured before the fix: the form-answers pattern took 79 s on a 229-character
line, the pattern of names listed after a mention 7 s on 80 characters, doubling every
few characters more). This is a termination check, not a speed test: the child process
has a minute for what now takes milliseconds, and a stalled one is killed.
"""
from __future__ import annotations

import json
import subprocess
import sys

_EXTRACT = """
import json, sys
from medkg.extractors.document import SourceDocument
from medkg.extractors.pipeline import Pipeline
text = sys.stdin.read()
pipeline = Pipeline()
result = pipeline.extract(SourceDocument(text=text, path="attack.txt", digest=SourceDocument.hash_of(text.encode())))
print(json.dumps(sorted({(pipeline.lexicon[a.subject].label.lower(), a.relation, pipeline.lexicon[a.object].label.lower())
                         for a in result.annotations.assertions})))
"""

#: a sign-off line whose long link is one run of non-space characters before a "|"
_LONG_LINK = ("Unsubscribe: https://club.example/unsubscribe?u=" + "a" * 150
              + " | Update your preferences | Forward to a friend")
#: a remedy or exercise followed by "and"s and "or"s that can be words or joins
_JOINS = ("Swimming, " + "forandor" * 12 + " and " * 30 + "x.", "Ice baths " + "and or " * 40 + "rest.")


def _facts_in_child(text: str) -> set[tuple[str, str, str]]:
    done = subprocess.run([sys.executable, "-c", _EXTRACT], input=text, capture_output=True, text=True,
                          timeout=60, check=True)
    return {tuple(fact) for fact in json.loads(done.stdout)}


def test_lines_that_made_patterns_backtrack_exponentially_are_read_and_the_page_still_yields_its_facts():
    text = "\n\n".join(["Shin splints", _LONG_LINK, *_JOINS, "Ice relieves shin splints."]) + "\n"
    assert ("cold therapy", "treats", "shin splints") in _facts_in_child(text)
