"""Default output: one line per finding (``path:line:col: CODE message``), its chain, a summary."""

from __future__ import annotations

from flaskscope.findings import Finding
from flaskscope.report.messages import display_path, message


def render(findings: list[Finding], files: int, quiet: bool = False) -> str:
    lines = []
    for finding in findings:
        lines.append(f"{display_path(finding.path)}:{finding.span.line}:{finding.span.col + 1}: "
                     f"{finding.code} {message(finding)}")
        if not quiet:
            for hop in finding.chain:
                lines.append(f"    {display_path(hop.path)}:{hop.line}  {hop.name}")
    count = len(findings)
    if quiet:
        return "\n".join(lines)
    if count:
        lines.append(f"Found {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    else:
        lines.append(f"No problems found in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(lines)
