"""``medkg demo``: the bundled example from documents to answers and a graph page."""
from __future__ import annotations

import click

from medkg.demo import DEFAULT_QUESTION, run

__all__ = ["COMMANDS"]


@click.command("demo")
@click.option("--dir", "folder", default="medkg-demo", show_default=True, type=click.Path(file_okay=False),
              help="where to put the demo store and page")
@click.option("--question", default=DEFAULT_QUESTION, show_default=True, help="what to ask the demo graph")
def demo_command(folder: str, question: str) -> None:
    """Build the bundled demo corpus, ask it a question, and write a graph page.

    \b
    Example:
      medkg demo --question "sore shins after running"
    """
    result = run(folder, question=question)
    click.echo(f"built {folder}/kg: {result.report.summary()}")
    click.echo("")
    click.echo(result.answer)
    click.echo("")
    click.echo(f"explore the graph: open {result.page} in a browser")


COMMANDS = [demo_command]
