"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request."""

from __future__ import annotations

from flaskscope.config import Config
from flaskscope.findings import Finding
from flaskscope.report.messages import display_path, message

_COMMAND = {"error": "error", "warning": "warning", "info": "notice", "hint": "notice"}


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def render(findings: list[Finding], config: Config) -> str:
    lines = []
    for finding in findings:
        span = finding.span
        chain = " -> ".join(f"{display_path(h.path)}:{h.line} {h.name}" for h in finding.chain)
        properties = ",".join([
            f"file={_escape(display_path(finding.path), True)}", f"line={span.line}", f"col={span.col + 1}",
            f"endLine={span.end_line}", f"endColumn={span.end_col + 1}",
            f"title={_escape(f'flaskscope {finding.code}', True)}"])
        body = _escape(f"{finding.code} {message(finding)}\nChain: {chain}")
        lines.append(f"::{_COMMAND[config.severity_of(finding.code)]} {properties}::{body}")
    return "\n".join(lines)
