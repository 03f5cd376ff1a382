"""Options shared by several commands."""
from __future__ import annotations

import click

__all__ = ["store_option"]


def store_option(*, create: bool = False):
    """``--store LOCATION``: a store directory, ``rdflib:DIR`` or ``memory:``."""
    help_text = ("where the graph is kept: a directory (Oxigraph, the default), "
                 "'rdflib:DIR' for the plain rdflib backend" + (", created if missing" if create else ""))
    return click.option("--store", "store", required=True, metavar="LOCATION", help=help_text)
