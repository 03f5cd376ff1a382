"""``medkg build``: read documents into a store."""
from __future__ import annotations

import sys
import time

import click

from medkg.build import BuildReport, build
from medkg.cli.options import store_option
from medkg.extractors.loaders import DEFAULT_MAX_BYTES

__all__ = ["COMMANDS"]


class ProgressLine:
    """Shows how far a build is on stderr: redrawn in place on a terminal (at most
    every :attr:`TERMINAL` seconds), a line every :attr:`LOG` seconds otherwise, so
    that a long build run by a script or CI shows it is alive; a build of thousands
    of small documents does not redraw for each."""

    #: seconds between redraws on a terminal, and between lines in a log
    TERMINAL, LOG = 0.2, 30.0

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.every = self.TERMINAL if self.terminal else self.LOG
        self.started = self.last = time.monotonic()

    def __call__(self, report: BuildReport) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.show(report)

    def show(self, report: BuildReport) -> None:
        done = report.added + report.replaced + report.unchanged + len(report.skipped)
        line = (f"{done} files, {report.bytes_read / 1e6:.1f} MB, {report.assertions} assertions, "
                f"{time.monotonic() - self.started:.0f} s")
        click.echo(f"\r{line}" if self.terminal else line, err=True, nl=not self.terminal)


@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option(create=True)
@click.option("--vocabulary", "vocabulary", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="an extra vocabulary file (.ttl, .tsv or .csv); may be repeated")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              help="skip files larger than this")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="extraction processes; 0 means one per core")
@click.option("--dask", "dask", metavar="ADDRESS", default=None,
              help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                   "needs pip install 'medkg[dask]'")
def build_command(paths: tuple[str, ...], store: str, vocabulary: tuple[str, ...], max_bytes: int,
                  jobs: int, dask: str | None) -> None:
    """Read documents (files or folders of .txt, .md, .html, .jsonl) into the graph.

    \b
    Example:
      medkg build ~/articles notes.md --store kg
    """
    import os

    jobs = jobs or os.cpu_count() or 1
    progress = ProgressLine()
    report = build(list(paths), store, vocabulary=vocabulary, max_bytes=max_bytes, jobs=jobs, dask=dask,
                   progress=progress)
    if progress.terminal:
        progress.show(report)
        click.echo("", err=True)
    click.echo(report.summary())


COMMANDS = [build_command]
