"""The interface of an exporter."""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from medkg.store import Store

__all__ = ["Exporter"]


class Exporter(ABC):
    """Writes a store's content to a file (or folder) in one format."""

    #: registry name
    name: ClassVar[str]
    #: usual file suffix
    suffix: ClassVar[str]

    @abstractmethod
    def export(self, store: Store, destination: Path) -> Path:
        """Write ``store`` to ``destination`` atomically; return what was written."""
