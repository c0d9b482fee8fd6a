"""What the search records per (scope, level): the sinks reached from the scope's entry.

Plain data, kept by a whole run for the focused runs that follow (``reach.session``) and compared
there to decide whether an edit changed anything the rest of the workspace sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flaskscope.findings import Hop
from flaskscope.index.model import Span
from flaskscope.levels import Level


@dataclass(frozen=True)
class Hit:
    """A sink reached from a scope's entry with too little context."""

    code: str
    path: Path
    span: Span
    symbol: str
    needs: Level
    had: Level
    chain: tuple[Hop, ...]


@dataclass(frozen=True)
class Summary:
    """What entering a scope with a level leads to: its hits, and whether it always raises."""

    hits: tuple[Hit, ...]
    always_raises: bool
