"""``medkg remove``: take documents and the facts only they support out of the graph."""
from __future__ import annotations

import click

from medkg.build import remove
from medkg.cli.options import store_option

__all__ = ["COMMANDS"]


@click.command("remove")
@click.argument("documents", nargs=-1, required=True)
@store_option()
def remove_command(documents: tuple[str, ...], store: str) -> None:
    """Remove DOCUMENTS (paths, file names or content hashes) from the graph.

    \b
    Example:
      medkg remove notes/old_article.md --store kg
    """
    for path in remove(list(documents), store):
        click.echo(f"removed {path}")


COMMANDS = [remove_command]
