"""Fixes as plain data: titled groups of text edits, marked safe or guessed.

A finding carries the fixes planned for it (``fixes`` plans them), so they are data of the findings
layer: adapters read them, and the cache stores them, without the planner.

Positions are 1-based lines and 0-based code-point columns, like every span in the engine; the
LSP adapter converts them to the client's encoding, the CLI applies them to files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TextEdit:
    path: Path
    line: int
    col: int
    end_line: int
    end_col: int
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[TextEdit, ...]
    # A safe fix uses what the code already has (the app in scope, the proxy's real object); a
    # guess invents something the user should check (which app to build, a fake request).
    safe: bool = True

    @property
    def display_title(self) -> str:
        return self.title if self.safe else f"{self.title} (guess: review it)"


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """Apply non-overlapping edits of one file, last first so earlier positions stay valid."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, col: int) -> int:
        if line - 1 >= len(lines):
            return len(text)
        return starts[line - 1] + col

    ordered = sorted(edits, key=lambda e: (e.line, e.col, e.end_line, e.end_col), reverse=True)
    for edit in ordered:
        start, end = offset(edit.line, edit.col), offset(edit.end_line, edit.end_col)
        text = text[:start] + edit.new_text + text[end:]
    return text
