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

from dataclasses import replace
from pathlib import Path

from flaskscope.findings import Finding, Hop, Root
from flaskscope.index.line_map import LineMap
from flaskscope.result import AnalysisResult


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
