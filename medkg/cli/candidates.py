"""``medkg candidates``: terms the vocabulary does not know yet, for curation."""
from __future__ import annotations

import json

import click

from medkg.candidates import list_candidates
from medkg.cli.options import store_option
from medkg.store import open_store

__all__ = ["COMMANDS"]


@click.command("candidates")
@store_option()
@click.option("--min-count", default=1, show_default=True, help="hide terms seen fewer times")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True)
def candidates_command(store: str, min_count: int, format_: str) -> None:
    """List phrases found where a concept was expected but the vocabulary has none.

    \b
    Example:
      medkg candidates --store kg --min-count 2
    """
    with open_store(store, read_only=True) as kg:
        terms = list_candidates(kg, minimum=min_count)
    if format_ == "json":
        click.echo(json.dumps([t.__dict__ for t in terms], indent=2))
        return
    if not terms:
        click.echo("no candidate terms")
        return
    click.echo(f"{'term':40} {'slot':8} {'docs':>4} {'seen':>4}  example")
    for t in terms:
        click.echo(f"{t.text[:40]:40} {t.slot:8} {t.documents:>4} {t.count:>4}  {t.example[:70]}")


COMMANDS = [candidates_command]
