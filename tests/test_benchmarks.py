"""The benchmark suite still runs: ``benchmarks/run.py --smoke`` end to end, tiny sizes.

No timing is asserted; the report must hold every section with medkg's figures and
its peers' figures measured in the same run.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_writes_every_section_with_peers(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    for heading in ("## Build: extraction throughput and memory", "## Queries: load, memory",
                    "## Graph page: generation and time to stable"):
        assert heading in report
    assert "| versions | medkg " in report and "pyoxigraph" in report
    # build: one core and all cores, the re floor beside them, an unchanged rebuild that extracts nothing
    assert re.search(r"^\| 0\.\d\d \| \d+ \| 1 \| [\d.]+ \| [\d.]+ \| \d+ \|", report, re.M)
    assert "re tokenise floor MB/s" in report
    assert re.search(r"Unchanged rebuild of the [\d.]+ MB corpus: \*\*[\d.]+ s\*\*.*, 0 documents extracted", report)
    assert "medSpaCy pipeline" in report
    # where a one-core build's time goes: extraction, N-Quads, the evidence's bulk load alone,
    # the build's store writes alone
    assert re.search(r"^\| Oxigraph bulk load of that evidence, on disk, alone \| [\d.]+ \| [\d.]+ \| \d+% \|$",
                     report, re.M)
    assert re.search(r"^\| the build's store writes alone .* \| [\d.]+ \| [\d.]+ \| \d+% \|$", report, re.M)
    # queries: every backend and the plain rdflib peer on the same data, with answers
    for backend in ("oxigraph", "memory", "rdflib", "plain rdflib"):
        assert re.search(rf"^\| [\d,]+ \| {backend} \| [\d.]+ \| \d+ \| [\d.]+ / [\d.]+ \|", report, re.M), backend
    # graph page: medkg's page and pyvis defaults, with a ratio
    assert re.search(r"^\| 20 \| \d+ \| medkg \| .* \| [\d.]+x \|$", report, re.M)
    assert re.search(r"^\| 20 \| \d+ \| pyvis defaults \|", report, re.M)
