"""``medkg validate``: check the graph against the SHACL shapes and the OWL ontology."""
from __future__ import annotations

import click

from medkg.cli.options import store_option
from medkg.store import open_store
from medkg.validation import validate_store

__all__ = ["COMMANDS"]


@click.command("validate")
@store_option()
@click.option("--reasoner/--no-reasoner", default=True, show_default=True,
              help="also check OWL consistency with HermiT (needs Java)")
@click.pass_context
def validate_command(ctx: click.Context, store: str, reasoner: bool) -> None:
    """Check the graph: SHACL shapes (every fact has evidence, every concept a type
    and a label, confidence in [0, 1], ...) and OWL consistency. Exits 1 if it is
    not valid.

    \b
    Example:
      medkg validate --store kg
    """
    with open_store(store, read_only=True) as kg:
        report = validate_store(kg, reasoner=reasoner)
    click.echo(report.summary())
    if not report.conforms:
        ctx.exit(1)


COMMANDS = [validate_command]
