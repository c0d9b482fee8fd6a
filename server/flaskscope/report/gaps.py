"""Analysis gaps as text and data: sinks reached only on paths the engine cannot be sure of.

A gap is not a diagnostic. ``check --statistics`` counts them by kind; ``check --show-gaps`` lists
each one: the sink, the entry point and why that path is uncertain (``knowledge.gaps``).
"""

from __future__ import annotations

from typing import Any

from flaskscope.findings import Finding
from flaskscope.knowledge.gaps import GapKind
from flaskscope.report.messages import display_path
from flaskscope.result import JediUse


def counts(gaps: list[Finding]) -> dict[str, int]:
    by_kind: dict[str, int] = {}
    for finding in gaps:
        if finding.gap is not None:
            by_kind[finding.gap.kind] = by_kind.get(finding.gap.kind, 0) + 1
    return dict(sorted(by_kind.items()))


def render_text(gaps: list[Finding]) -> str:
    lines = []
    for finding in gaps:
        gap = finding.gap
        if gap is None:
            continue
        lines.append(f"{display_path(finding.path)}:{finding.span.line}:{finding.span.col + 1}: gap[{gap.kind}] "
                     f"`{finding.symbol}` ({finding.code}) from {finding.root.what} at "
                     f"{display_path(finding.root.path)}:{finding.root.line}: {gap.detail} "
                     f"({display_path(gap.path)}:{gap.line})")
    lines.append(f"{len(gaps)} analysis gap{'s' if len(gaps) != 1 else ''} (not reported as problems).")
    return "\n".join(lines)


def render_statistics(gaps: list[Finding]) -> str:
    return "".join(f"\n{count:5d}  gap[{kind}]  {GapKind(kind).meaning}" for kind, count in counts(gaps).items())


def as_data(gaps: list[Finding]) -> list[dict[str, Any]]:
    return [{"path": display_path(f.path), "line": f.span.line, "column": f.span.col + 1, "code": f.code,
             "symbol": f.symbol, "kind": f.gap.kind, "detail": f.gap.detail,
             "where": {"path": display_path(f.gap.path), "line": f.gap.line},
             "root": {"path": display_path(f.root.path), "line": f.root.line, "kind": f.root.kind}}
            for f in gaps if f.gap is not None]


def render_resolution(resolution: dict[str, float | int]) -> str:
    """``--statistics``: how many calls on the entry points' paths the analysis could not follow."""
    roots = resolution["roots"]
    return (f"\n{resolution['unresolved']:5d}  of {resolution['calls']} calls on the paths of {roots} "
            f"entry point{'s' if roots != 1 else ''} stay unresolved ({resolution['share']:.1%}; median per "
            f"entry point {resolution['median_root_share']:.1%}): a context error behind one of them is not seen")


def render_jedi(use: JediUse) -> str:
    """``--statistics``: what jedi was asked, what it answered, and what its budget left unasked."""
    budget = "no budget" if use.budget is None else f"budget {use.budget:.1f} s"
    left = f"; {use.unasked} left unasked (their calls count as unresolved)" if use.unasked else ""
    return (f"\n{use.asked:5d}  questions to jedi in {use.seconds:.1f} s ({budget}), {use.answered} answered "
            f"with a workspace function{left}")
