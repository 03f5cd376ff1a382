"""``medkg viz`` writes a page, and says clearly when the focus concept is unknown."""
from __future__ import annotations


def test_viz_writes_one_self_contained_page(cli, demo_kg, tmp_path):
    out = cli("viz", "--store", demo_kg, "-o", str(tmp_path / "graph.html"), "--focus", "ankle pain",
              "--depth", "1", "--title", "Ankle pain")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"wrote {tmp_path / 'graph.html'}"
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "<title>Ankle pain</title>" in html
    assert "http://" not in html.split("<script>")[0] and "https://cdn" not in html
    assert "Content-Security-Policy" in html


def test_viz_with_unknown_focus_fails_with_close_labels(cli, demo_kg, tmp_path):
    out = cli("viz", "--store", demo_kg, "-o", str(tmp_path / "graph.html"), "--focus", "ankel pain")
    assert out.returncode == 1
    assert out.stderr.startswith("Error: no concept is called 'ankel pain'")
    assert "ankle pain" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "graph.html").exists()


def test_viz_is_in_the_help(cli):
    out = cli("viz", "--help")
    assert out.returncode == 0 and "--focus" in out.stdout and "--max-nodes" in out.stdout
