"""Pictures of the graph: an explorable, offline HTML page and a networkx view.

:func:`to_networkx` reads the concepts and facts of a store once, as a networkx
graph; :func:`render_html` draws it as one self-contained page (vis-network through
pyvis, every script inlined, no request to any host, document text shown only as
text); the GraphML and GEXF exporters write the same graph for Gephi and Cytoscape.

The submodules load on first use, so that the command line starts without networkx.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["to_networkx", "render_html", "graph_html", "Evidence", "DEFAULT_MAX_NODES"]

#: above this many concepts a page keeps the best supported ones and says what it left out
DEFAULT_MAX_NODES = 3000

_LAZY = {"to_networkx": "network", "Evidence": "network",
         "render_html": "page", "graph_html": "page"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
