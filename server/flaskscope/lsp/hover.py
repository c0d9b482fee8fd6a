"""Hover explanations, written from the last analysis result (plain data: answering never waits
for the analysis thread, so a hover stays instant while the user types).

Three places get an explanation: a flagged sink (why it fails, the chain, the fix), an entry
point (what context it starts with, what it reaches), and any other context-requiring use (what
it needs and why it is fine here, when flaskscope knows).
"""

from __future__ import annotations

from pathlib import Path

from flaskscope.analysis import AnalysisResult, SinkSite
from flaskscope.findings import Finding, Root
from flaskscope.levels import Level
from flaskscope.report.messages import display_path, message, why_no_context
from flaskscope.rules import DOCS_URL, RULES


def _contains(line: int, col: int, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return start <= (line, col) <= end


def _chain(finding: Finding, base: Path | None) -> str:
    rows = [f"{n}. `{hop.name}` — {display_path(hop.path, base)}:{hop.line}" for n, hop in enumerate(finding.chain, 1)]
    return "\n".join(rows)


def _rule_line(code: str) -> str:
    rule = RULES[code]
    return f"[{code} {rule.name}]({DOCS_URL.format(code=code)})"


def explain_finding(finding: Finding, base: Path | None = None) -> str:
    """Why, how and what to do: the editor shows the diagnostic's own message beside the hover, so
    the hover does not repeat it for the context rules; it explains them instead."""
    if finding.code in ("FCX101", "FCX102"):
        headline = [f"**flaskscope {finding.code}** — `{finding.symbol}` needs {finding.needs.noun}.", "",
                    f"**Why:** {why_no_context(finding)}"]
    else:  # the message is the explanation of these rules
        headline = [f"**flaskscope {finding.code}** — {message(finding, base)}"]
    parts = [*headline, "", "**How execution gets here:**", _chain(finding, base)]
    if finding.other_roots:
        parts += ["", "Also reached from: " + ", ".join(
            f"{r.what} ({display_path(r.path, base)}:{r.line})" for r in finding.other_roots)]
    if finding.fixes:
        fix = finding.fixes[0]
        parts += ["", f"**Fix:** {fix.display_title} (quick fix available)"]
    else:
        parts += ["", "**Fix:** no automatic fix; pass the data the code needs instead of reading it from the context."]
    parts += ["", RULES[finding.code].summary, "", _rule_line(finding.code)]
    return "\n".join(parts)


def explain_root(root: Root, reached: list[Finding], base: Path | None = None) -> str:
    site = f"{display_path(root.path, base)}:{root.line}"
    entry = f"**Entry point:** {root.what} ({site}), starting with {root.level.noun}."
    if root.level is Level.REQUEST:
        return entry + "\n\nFlask provides a request context here."
    if not reached:
        return entry + "\n\nNothing it reaches needs more context than that."
    rows = [f"- `{f.symbol}` needs {f.needs.noun} — {display_path(f.path, base)}:{f.span.line} ({f.code})"
            for f in reached]
    return "\n".join([entry, "", f"It reaches {len(reached)} use(s) that need more:", *rows])


def explain_site(site: SinkSite) -> str:
    need = f"`{site.symbol}` needs {site.needs.noun}"
    if site.in_view:
        return f"{need}; here it runs inside a view, where Flask provides one."
    if site.local_level >= site.needs:
        return f"{need}; here the surrounding code provides it (a `with` block, a push or a guard)."
    return f"{need}. No entry point flaskscope knows reaches this line without one."


def hover_markdown(result: AnalysisResult, path: Path, line: int, col: int, base: Path | None = None) -> str | None:
    """Markdown for the hover at (1-based line, 0-based code-point column) of ``path``."""
    path = path.absolute()
    for finding in result.findings:
        span = finding.span
        on_it = _contains(line, col, (span.line, span.col), (span.end_line, span.end_col))
        if finding.path.absolute() == path and on_it:
            return explain_finding(finding, base)
    for root in result.roots:
        if root.path.absolute() == path and root.line == line and root.kind not in ("import-time", "script"):
            reached = [f for f in result.findings if f.root == root or root in f.other_roots]
            return explain_root(root, reached, base)
    for site in result.sink_sites:
        span = site.span
        if site.path.absolute() == path and _contains(line, col, (span.line, span.col), (span.end_line, span.end_col)):
            return explain_site(site)
    return None
