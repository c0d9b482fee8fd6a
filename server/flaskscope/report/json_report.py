"""``--format json``: the stable machine-readable schema."""

from __future__ import annotations

import json
from typing import Any

from flaskscope import __version__
from flaskscope.config import Config
from flaskscope.findings import Finding
from flaskscope.report.messages import display_path, message


def finding_to_dict(finding: Finding, config: Config) -> dict[str, Any]:
    span = finding.span
    return {
        "path": display_path(finding.path),
        "line": span.line,
        "column": span.col + 1,
        "end_line": span.end_line,
        "end_column": span.end_col + 1,
        "code": finding.code,
        "severity": config.severity_of(finding.code),
        "context": "request" if finding.needs.name == "REQUEST" else "app",
        "symbol": finding.symbol,
        "message": message(finding),
        "root": {"path": display_path(finding.root.path), "line": finding.root.line, "kind": finding.root.kind},
        "chain": [{"path": display_path(h.path), "line": h.line, "name": h.name} for h in finding.chain],
    }


def fixes_to_list(finding: Finding) -> list[dict[str, Any]]:
    """Every fix offered for the finding, preferred first; positions 1-based like the diagnostic's."""
    return [{"title": fix.title, "safe": fix.safe,
             "edits": [{"path": display_path(e.path), "line": e.line, "column": e.col + 1, "end_line": e.end_line,
                        "end_column": e.end_col + 1, "new_text": e.new_text} for e in fix.edits]}
            for fix in finding.fixes]


def render(findings: list[Finding], config: Config, with_fixes: bool = False) -> str:
    diagnostics = []
    for finding in findings:
        entry = finding_to_dict(finding, config)
        if with_fixes:
            entry["fixes"] = fixes_to_list(finding)
        diagnostics.append(entry)
    return json.dumps({"version": __version__, "diagnostics": diagnostics}, indent=2)


def with_key(report: str, key: str, value: Any) -> str:
    """The report with one key added (``gaps`` for ``--show-gaps``, ``resolution`` for
    ``--statistics``), the rest of the schema unchanged."""
    data = json.loads(report)
    data[key] = value
    return json.dumps(data, indent=2)
