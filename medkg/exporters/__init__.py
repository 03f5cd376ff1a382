"""Exporters: write a store's graph in other formats (``medkg export --format NAME``).

Each exporter is registered by name (``medkg.registry`` kind ``exporters``), writes
atomically (:func:`medkg.atomic.atomic_write`) and passes its text through
:mod:`medkg.exporters.sanitize`, so that what it writes reads back. The formats, and
what reads each, are listed in ``medkg/exporters/README.md``.
"""
from __future__ import annotations

from pathlib import Path

from medkg import registry
from medkg.exporters.base import Exporter
from medkg.store import Store

__all__ = ["export", "Exporter", "formats"]


def formats() -> list[str]:
    """The names of every registered export format."""
    return registry.names("exporters")


def export(store: Store, format: str, destination: str | Path) -> Path:
    """Write ``store`` as ``format`` to ``destination``; returns the path written.

    Raises:
        PluginNotFound: unknown format (the message lists the known ones).
    """
    exporter: Exporter = registry.get("exporters", format)()
    return exporter.export(store, Path(destination))
