"""medkg: knowledge graphs of exercise-related pain and injury, with evidence for every fact."""
from __future__ import annotations

__version__ = "0.1.0"
