"""medkg: knowledge graphs of exercise-related pain and injury, with evidence for every fact.

Example:
    >>> import medkg
    >>> medkg.__version__
    '0.1.0'
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["open", "__version__"]

if TYPE_CHECKING:
    from medkg.queries.api import KnowledgeGraph


def open(location: str, **options: Any) -> KnowledgeGraph:  # noqa: A001 - medkg.open, like io.open
    """Open the graph at ``location`` for questions (see :class:`medkg.queries.api.KnowledgeGraph`)."""
    from medkg.queries.api import open as open_graph

    return open_graph(location, **options)
