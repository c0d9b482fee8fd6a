"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other CI viewers.

The call chain becomes a ``codeFlow`` (one thread flow, a location per hop), so viewers show
how execution gets from the entry point to the sink.
"""

from __future__ import annotations

import json
from typing import Any

from flaskscope import __version__
from flaskscope.config import Config
from flaskscope.findings import Finding
from flaskscope.report.messages import display_path, message
from flaskscope.rules import DOCS_URL, RULES

_LEVEL = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(path: str, line: int, column: int | None = None, end_line: int | None = None,
              end_column: int | None = None, text: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line}
    if column is not None:
        region.update(startColumn=column, endLine=end_line or line, endColumn=end_column or column)
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}
    if text:
        location["message"] = {"text": text}
    return location


def render(findings: list[Finding], config: Config) -> str:
    rules = [{
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule.why, "markdown": rule.markdown()},
        "helpUri": DOCS_URL.format(code=rule.code),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    } for rule in RULES.values()]
    index = {code: number for number, code in enumerate(RULES)}
    results = []
    for finding in findings:
        span = finding.span
        path = display_path(finding.path)
        hops = [{"location": _location(display_path(hop.path), hop.line, text=hop.name)} for hop in finding.chain]
        results.append({
            "ruleId": finding.code, "ruleIndex": index[finding.code],
            "level": _LEVEL[config.severity_of(finding.code)],
            "message": {"text": message(finding)},
            "locations": [_location(path, span.line, span.col + 1, span.end_line, span.end_col + 1)],
            "codeFlows": [{"threadFlows": [{"locations": hops}]}] if hops else [],
            "properties": {"rootKind": finding.root.kind, "symbol": finding.symbol},
        })
    log = {"version": "2.1.0", "$schema": SCHEMA, "runs": [{
        "tool": {"driver": {"name": "flaskscope", "version": __version__, "semanticVersion": __version__,
                            "informationUri": "https://github.com/flaskscope/flaskscope", "rules": rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }]}
    return json.dumps(log, indent=2)
