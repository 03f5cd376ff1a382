"""Extraction throughput: MB/s of a whole ``medkg build`` on a generated corpus, on
one core and on all cores, beside a raw ``re`` tokenisation pass over the same text
(the floor no extractor can beat).

    python benchmarks/extraction.py [--mb 20] [--quick] [--from ../shared/corpus]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from benchmarks.corpus import generate, replicate  # noqa: E402
from medkg.build import build


def _tokenise_floor(folder: Path) -> float:
    started = time.perf_counter()
    for path in folder.iterdir():
        sum(1 for _ in re.finditer(r"\w+", path.read_text(encoding="utf-8")))
    return time.perf_counter() - started


def run(megabytes: float, source: Path | None = None) -> dict[str, float]:
    """Build the corpus (generated, or real documents from ``source`` replicated) with
    1 and with all cores; MB/s for each."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        _, size = replicate(source, corpus, megabytes) if source else generate(corpus, megabytes)
        mb = size / 1e6
        figures = {"MB": round(mb, 1), "re tokenise MB/s": round(mb / _tokenise_floor(corpus), 1)}
        for jobs in sorted({1, os.cpu_count() or 1}):
            report = build([corpus], str(Path(tmp) / f"kg{jobs}"), jobs=jobs)
            figures[f"build MB/s, {jobs} core(s)"] = round(mb / report.seconds, 2)
            figures[f"assertions, {jobs} core(s)"] = report.assertions
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--quick", action="store_true", help="a 2 MB corpus")
    parser.add_argument("--from", dest="source", type=Path,
                        help="replicate these real documents (e.g. ../shared/corpus) instead of generating")
    args = parser.parse_args()
    for key, value in run(2.0 if args.quick else args.mb, args.source).items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
