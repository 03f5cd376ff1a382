"""``medkg export``: write the graph in another format."""
from __future__ import annotations

import click

from medkg.cli.options import store_option
from medkg.exporters import export, formats
from medkg.store import open_store

__all__ = ["COMMANDS"]


@click.command("export")
@store_option()
@click.option("--format", "-f", "format_", required=True, metavar="FORMAT",
              help="one of: " + ", ".join(formats()))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="file to write")
def export_command(store: str, format_: str, output: str) -> None:
    """Write the graph as FORMAT to a file, atomically.

    \b
    Example:
      medkg export --store kg --format assertions -o assertions.tsv
    """
    with open_store(store, read_only=True) as kg:
        path = export(kg, format_, output)
    click.echo(f"wrote {path}")


COMMANDS = [export_command]
