"""``medkg import``: load RDF (a medkg export, or RDF that follows the ontology) into a store."""
from __future__ import annotations

import click

from medkg.cli.options import store_option
from medkg.importer import DEFAULT_MAX_BYTES, FORMATS, import_file
from medkg.store import open_store

__all__ = ["COMMANDS"]


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@store_option(create=True)
@click.option("--format", "-f", "format_", type=click.Choice(sorted(FORMATS)), default=None,
              help="the file's RDF format (default: from its suffix)")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="refuse larger files")
def import_command(file: str, store: str, format_: str | None, max_bytes: int) -> None:
    """Load an RDF file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) into the
    store, then recompute the facts from the evidence. Nothing the file points to is
    fetched: no owl:imports, no remote JSON-LD contexts, no DOCTYPE/entities.

    \b
    Example:
      medkg export --store kg --format trig -o kg.trig
      medkg import kg.trig --store kg2
    """
    with open_store(store, create=True) as kg:
        report = import_file(file, kg, format=format_, max_bytes=max_bytes)
    click.echo(report.summary())


COMMANDS = [import_command]
