"""The README documents every command, every command explains itself with an example,
and the README's Python example runs."""
from __future__ import annotations

import re

import pytest

from medkg.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name):
    assert f"medkg {name}" in README


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(cli, name):
    out = cli(name, "--help")
    assert out.returncode == 0 and "Example" in out.stdout, out.stdout


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^(pip install .*?)\s{2,}#", README, re.MULTILINE)[:2]
    assert commands[0].startswith("pip install . && medkg demo")
    assert commands[1].startswith("pip install '.[test]' && python -m pytest")


def test_readme_python_example_runs(tmp_path, monkeypatch, demo_corpus):
    block = re.search(r"## Ten lines of Python\n\n```python\n(.*?)```", README, re.DOTALL).group(1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").symlink_to(demo_corpus)
    exec(compile(block, "README.md", "exec"), {})
