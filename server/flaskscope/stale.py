"""Results of a file's last version that parsed, carried onto its current, broken text.

While a file is half-typed it does not parse; dropping it would make its diagnostics vanish and
reappear on every keystroke, and would change what other files see (their calls into it stop
resolving). The engine keeps analysing the last version that parsed instead, and this module
moves what that analysis says onto the current text: a line that is unchanged (same text, found
by a line diff) keeps its results at its new position; anything on a changed line is dropped,
so no diagnostic range ever points at text that is not there any more (a hop of a call chain on a
changed line keeps its old line number: it is a description, not a range). Fix plans that edit such
a file are dropped too: their edits were computed for text the user no longer has.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from flaskscope.findings import Finding, Hop, Root
from flaskscope.index.model import Span
from flaskscope.result import AnalysisResult

_MAX_DIFF_WORK = 4_000_000  # lines x lines of a changed middle worth diffing


class LineMap:
    """Old line numbers (1-based) of unchanged lines -> their new line numbers."""

    def __init__(self, old_text: str, new_text: str) -> None:
        old, new = old_text.splitlines(), new_text.splitlines()
        # An edit is usually local: the common head and tail map one to one, and only the middle
        # is diffed (a line diff is quadratic on repetitive text: seconds for a 20k-line module).
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        self._moves: dict[int, int] = {line: line for line in range(1, head + 1)}
        self._moves.update({len(old) - k: len(new) - k for k in range(tail)})
        middle_old, middle_new = old[head:len(old) - tail], new[head:len(new) - tail]
        if len(middle_old) * len(middle_new) <= _MAX_DIFF_WORK:  # beyond: the middle keeps no results
            matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
            for block in matcher.get_matching_blocks():
                for offset in range(block.size):
                    self._moves[head + block.a + offset + 1] = head + block.b + offset + 1

    def line(self, old_line: int) -> int | None:
        return self._moves.get(old_line)

    def span(self, span: Span) -> Span | None:
        start, end = self.line(span.line), self.line(span.end_line)
        if start is None or end is None or end - start != span.end_line - span.line:
            return None
        return Span(start, span.col, end, span.end_col)


def carry_over_result(result: AnalysisResult, stale: dict[Path, LineMap]) -> None:
    """Move what the last good versions of ``stale`` files say onto their current texts."""
    result.findings = carry_over(result.findings, stale)
    result.suppressed = carry_over(result.suppressed, stale)
    result.gaps = carry_over(result.gaps, stale)
    result.roots = [root for root in (moved_root(r, stale) for r in result.roots) if root is not None]
    sites = []
    for site in result.sink_sites:
        lines = stale.get(site.path)
        span = lines.span(site.span) if lines is not None else site.span
        if span is not None:
            sites.append(replace(site, span=span))
    result.sink_sites = sites
    result.unused_suppressions = [s for s in result.unused_suppressions if s.path not in stale]


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
