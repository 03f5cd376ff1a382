"""``medkg viz``: draw the graph as one self-contained HTML page."""
from __future__ import annotations

import click

from medkg.cli.options import store_option
from medkg.store import open_store
from medkg.visualizations import DEFAULT_MAX_NODES

__all__ = ["COMMANDS"]


@click.command("viz")
@store_option()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="the HTML page to write")
@click.option("--focus", metavar="LABEL", help="draw only the neighbourhood of this concept (a label or IRI)")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 10),
              help="with --focus, how many steps around the concept to draw")
@click.option("--max-nodes", default=DEFAULT_MAX_NODES, show_default=True, type=click.IntRange(1),
              help="draw at most this many concepts, the best supported; the page says what was left out")
@click.option("--title", help="the page's heading")
def viz_command(store: str, output: str, focus: str | None, depth: int, max_nodes: int, title: str | None) -> None:
    """Write an explorable page of the graph: open it in a browser, offline.

    Concepts are coloured and shaped by type, arrows labelled by relation and
    thicker with more support; hover for labels, identifiers and evidence; filter
    by type, relation and support; search to centre a concept.

    \b
    Example:
      medkg viz --store kg -o graph.html
      medkg viz --store kg -o ankle.html --focus "ankle pain" --depth 2
    """
    from medkg.visualizations import render_html

    with open_store(store, read_only=True) as kg:
        path = render_html(kg, output, focus=focus, depth=depth, max_nodes=max_nodes, title=title)
    click.echo(f"wrote {path}")


COMMANDS = [viz_command]
