"""``medkg check``: report inconsistencies in a store."""
from __future__ import annotations

import click

from medkg.check import check_store, unmarked_graphs
from medkg.cli.options import store_option
from medkg.store import open_store

__all__ = ["COMMANDS"]


@click.command("check")
@store_option()
def check_command(store: str) -> None:
    """Check that the facts agree with their evidence and nothing is half-written.

    \b
    Example:
      medkg check --store kg
    """
    with open_store(store, read_only=True) as kg:
        problems = check_store(kg)
        pending = unmarked_graphs(kg)
    if pending:
        click.echo(f"note: {len(pending)} graphs from an interrupted build are not committed; "
                   "the next 'medkg build' removes them")
    for problem in problems:
        click.echo(problem)
    if problems:
        raise click.ClickException(f"{len(problems)} problems found")
    click.echo("ok: the store is consistent")


COMMANDS = [check_command]
