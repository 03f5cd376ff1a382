"""Text that an attacker or a garbled page can write must not stall a build.

Each document below once took minutes or hours: lines that made a pattern backtrack
exponentially (one that can split a run of text into its parts in exponentially many
ways: the form-answers pattern took 79 s on a 229-character line, the pattern of names
listed after a mention 7 s on 80 characters, doubling every few characters more), and
shapes whose cost grew with the square of their length (a paragraph of 20,000 short
sentences, a page of 60,000 list items, a 30,000-character sentence with no full stop
that names a remedy and a complaint again and again, an HTML tag of 100,000 attributes,
which the HTML parser checks each against all before it). This is a termination check, not a
speed test: the child process has a minute for what now takes seconds, and a stalled one
is killed.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: the child: the facts of stdin's text written to a file with the suffix given, read as a build reads it
_EXTRACT = """
import json, sys, tempfile
from pathlib import Path
from tests.extractors.helpers import facts_of_file
path = Path(tempfile.mkdtemp()) / ("attack." + sys.argv[1])
print(json.dumps(sorted(facts_of_file(path, sys.stdin.read()))))
"""
#: where the child finds the test helpers
_REPOSITORY = Path(__file__).resolve().parents[2]

#: a sign-off line whose long link is one run of non-space characters before a "|"
_LONG_LINK = ("Unsubscribe: https://club.example/unsubscribe?u=" + "a" * 150
              + " | Update your preferences | Forward to a friend")
#: a remedy or exercise followed by "and"s and "or"s that can be words or joins
_JOINS = ("Swimming, " + "forandor" * 12 + " and " * 30 + "x.", "Ice baths " + "and or " * 40 + "rest.")


def _facts_in_child(text: str, suffix: str) -> set[tuple[str, str, str]]:
    """The facts of ``text`` read from a file with ``suffix``, as a build reads it, in a child process."""
    done = subprocess.run([sys.executable, "-c", _EXTRACT, suffix], input=text, capture_output=True, text=True,
                          timeout=60, check=True, cwd=_REPOSITORY)
    return {tuple(fact) for fact in json.loads(done.stdout)}


@pytest.mark.parametrize("text, expected", [
    ("\n\n".join(["Shin splints", _LONG_LINK, *_JOINS, "Ice relieves shin splints."]) + "\n",
     ("cold therapy", "treats", "shin splints")),
    ("Knee pain\n\n" + "Knee pain. " * 20_000 + "Ice relieves knee pain.\n", ("cold therapy", "treats", "knee pain")),
    ("Treatment of knee pain\n\n" + "- ice\n" * 60_000, ("cold therapy", "treats", "knee pain")),
    ("Knee pain\n\n" + "ice relieves knee pain and " * 1_200 + "rest.\n", ("cold therapy", "treats", "knee pain")),
], ids=["backtracking lines", "long paragraph", "long list", "run-on sentence"])
def test_text_that_once_stalled_extraction_is_read_and_yields_its_facts(text, expected):
    assert expected in _facts_in_child(text, "txt")


def test_a_page_with_a_tag_of_a_hundred_thousand_attributes_is_read():
    tag = "<p " + " ".join(f'data-a{i}="x"' for i in range(100_000)) + ">"
    page = f"<html><body><h1>Knee pain</h1>{tag}Ice relieves knee pain.</p></body></html>"
    assert ("cold therapy", "treats", "knee pain") in _facts_in_child(page, "html")
