"""User mistakes give one line on stderr and a non-zero exit, never a traceback."""
from __future__ import annotations

import pytest


def test_help_lists_commands(cli):
    out = cli("--help")
    assert out.returncode == 0
    for command in ("build", "export"):
        assert command in out.stdout


@pytest.mark.parametrize("args,message", [
    (["export", "--store", "{tmp}/missing", "--format", "turtle", "-o", "{tmp}/x.ttl"], "no medkg store at"),
    (["build", "{tmp}/no-such-dir", "--store", "{tmp}/kg", "--format-typo"], "No such option"),
], ids=["missing-store", "bad-option"])
def test_errors_are_one_line(cli, tmp_path, args, message):
    out = cli(*[a.format(tmp=tmp_path) for a in args])
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert message in out.stderr
    assert len([line for line in out.stderr.splitlines() if line.startswith("Error")]) == 1


def test_unknown_export_format_lists_known_ones(cli, tmp_path, demo_corpus):
    assert cli("build", str(demo_corpus), "--store", str(tmp_path / "kg")).returncode == 0
    out = cli("export", "--store", str(tmp_path / "kg"), "--format", "ttl2", "-o", str(tmp_path / "x"))
    assert out.returncode == 1
    from medkg.exporters import formats

    assert out.stderr.strip().splitlines() == [f"Error: unknown exporter 'ttl2'; known: {', '.join(formats())}"]
    assert {"turtle", "jsonld", "owl", "graphml", "gexf", "neo4j", "sssom", "cytoscape", "assertions"} <= set(formats())


def test_python_dash_m_works(cli):
    out = cli("--version")
    assert out.returncode == 0 and "medkg" in out.stdout
