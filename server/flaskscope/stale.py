"""Results of a file's last version that parsed, carried onto its current, broken text.

While a file is half-typed it does not parse; dropping it would make its diagnostics vanish and
reappear on every keystroke, and would change what other files see (their calls into it stop
resolving). The engine keeps analysing the last version that parsed instead, and this module
moves what that analysis says onto the current text: a line that is unchanged (same text, found
by a line diff) keeps its results at its new position; anything on a changed line is dropped,
so no range ever points at text that is not there any more. Fix plans that edit such a file are
dropped too: their edits were computed for text the user no longer has.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from flaskscope.findings import Finding, Hop, Root
from flaskscope.index.model import Span


class LineMap:
    """Old line numbers (1-based) of unchanged lines -> their new line numbers."""

    def __init__(self, old_text: str, new_text: str) -> None:
        old, new = old_text.splitlines(), new_text.splitlines()
        self._moves: dict[int, int] = {}
        for block in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
            for offset in range(block.size):
                self._moves[block.a + offset + 1] = block.b + offset + 1

    def line(self, old_line: int) -> int | None:
        return self._moves.get(old_line)

    def span(self, span: Span) -> Span | None:
        start, end = self.line(span.line), self.line(span.end_line)
        if start is None or end is None or end - start != span.end_line - span.line:
            return None
        return Span(start, span.col, end, span.end_col)


def carry_over(findings: list[Finding], stale: dict[Path, LineMap]) -> list[Finding]:
    """The findings moved onto the current texts of the ``stale`` files; those on changed lines dropped."""
    if not stale:
        return findings
    kept = []
    for finding in findings:
        moved = _moved_finding(finding, stale)
        if moved is not None:
            kept.append(moved)
    return kept


def _moved_finding(finding: Finding, stale: dict[Path, LineMap]) -> Finding | None:
    span = finding.span
    lines = stale.get(finding.path)
    if lines is not None:
        moved_span = lines.span(span)
        if moved_span is None:
            return None
        span = moved_span
    root = moved_root(finding.root, stale)
    if root is None:
        return None
    others = tuple(r for r in (moved_root(o, stale) for o in finding.other_roots) if r is not None)
    chain = tuple(_moved_hop(hop, stale) for hop in finding.chain)
    fixes = tuple(fix for fix in finding.fixes if not any(edit.path in stale for edit in fix.edits))
    return replace(finding, span=span, root=root, other_roots=others, chain=chain, fixes=fixes)


def moved_root(root: Root, stale: dict[Path, LineMap]) -> Root | None:
    lines = stale.get(root.path)
    if lines is None:
        return root
    line = lines.line(root.line)
    return None if line is None else replace(root, line=line)


def _moved_hop(hop: Hop, stale: dict[Path, LineMap]) -> Hop:
    lines = stale.get(hop.path)
    line = lines.line(hop.line) if lines is not None else None
    return replace(hop, line=line) if line is not None else hop
