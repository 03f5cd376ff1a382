"""``medkg build`` shows how far it is, in a log as well as on a terminal."""
from __future__ import annotations

import re

from click.testing import CliRunner

from medkg.cli import main
from medkg.cli.build import ProgressLine


def test_a_build_run_by_a_script_logs_progress_lines(tmp_path, demo_corpus, monkeypatch):
    monkeypatch.setattr(ProgressLine, "LOG", 0.0)  # a line after every document
    result = CliRunner().invoke(main, ["build", str(demo_corpus), "--store", str(tmp_path / "kg")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines, "no progress shown"
    counts = [tuple(map(int, re.fullmatch(r"(\d+) files, [\d.]+ MB, (\d+) assertions, \d+ s", line).groups()))
              for line in lines]
    added, assertions = map(int, re.match(r"(\d+) added, .*?; (\d+) assertions", result.stdout).groups())
    assert counts == sorted(counts) and counts[-1] == (added, assertions)
    assert "\r" not in result.stderr  # no terminal redraws in a log


def test_a_short_build_logs_nothing_but_its_summary(tmp_path, demo_corpus):
    result = CliRunner().invoke(main, ["build", str(demo_corpus), "--store", str(tmp_path / "kg")])
    assert result.exit_code == 0 and result.stderr == ""
    assert re.match(r"\d+ added, 0 replaced", result.stdout)
