"""Engine data to LSP data: positions in the client's encoding, diagnostics, edits.

The engine counts columns in code points; VS Code counts UTF-16 units, Neovim 0.11 UTF-8 bytes.
Every position goes through pygls' codec with the text it refers to, never by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from lsprotocol import types
from pygls import uris
from pygls.workspace import PositionCodec, ServerTextPosition, ServerTextRange

from flaskscope.config import Config
from flaskscope.edits import Fix
from flaskscope.findings import Finding
from flaskscope.index.model import Span
from flaskscope.lsp.settings import Settings
from flaskscope.report.messages import display_path, message
from flaskscope.rules import DOCS_URL

SOURCE = "flaskscope"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "info": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}

Lines = Callable[[Path], list[str]]


def uri_of(path: Path) -> str:
    return uris.from_fs_path(str(path.absolute())) or path.absolute().as_uri()


def to_range(codec: PositionCodec, lines: list[str], line: int, col: int, end_line: int, end_col: int) -> types.Range:
    server = ServerTextRange(ServerTextPosition(line - 1, col), ServerTextPosition(end_line - 1, end_col))
    return codec.range_to_client_units(lines, server)


def span_range(codec: PositionCodec, lines: list[str], span: Span) -> types.Range:
    return to_range(codec, lines, span.line, span.col, span.end_line, span.end_col)


def line_range(codec: PositionCodec, lines: list[str], line: int) -> types.Range:
    text = (lines[line - 1] if 0 < line <= len(lines) else "").rstrip("\r\n")
    width = len(text)
    indent = width - len(text.lstrip())
    return to_range(codec, lines, line, indent, line, width)


def fix_to_json(fix: Fix, preferred: bool, codec: PositionCodec, lines_of: Lines) -> dict[str, Any]:
    edits = []
    for edit in fix.edits:
        lines = lines_of(edit.path)
        rng = to_range(codec, lines, edit.line, edit.col, edit.end_line, edit.end_col) \
            if edit.line <= len(lines) else types.Range(types.Position(len(lines), 0), types.Position(len(lines), 0))
        edits.append({"uri": uri_of(edit.path), "range": {
            "start": {"line": rng.start.line, "character": rng.start.character},
            "end": {"line": rng.end.line, "character": rng.end.character}}, "newText": edit.new_text})
    return {"title": fix.display_title, "safe": fix.safe, "preferred": preferred, "edits": edits}


def to_diagnostic(finding: Finding, settings: Settings, config: Config, codec: PositionCodec, lines_of: Lines,
                  base: Path | None) -> types.Diagnostic:
    lines = lines_of(finding.path)
    related = []
    for number, hop in enumerate(finding.chain):
        hop_lines = lines_of(hop.path)
        label = "entry point" if number == 0 and finding.code != "FCX103" else "calls" if number < len(
            finding.chain) - 1 else "needs a context"
        related.append(types.DiagnosticRelatedInformation(
            types.Location(uri_of(hop.path), line_range(codec, hop_lines, hop.line)),
            f"{label}: {hop.name} ({display_path(hop.path, base)}:{hop.line})"))
    for root in finding.other_roots:
        related.append(types.DiagnosticRelatedInformation(
            types.Location(uri_of(root.path), line_range(codec, lines_of(root.path), root.line)),
            f"also reached from {root.what} ({display_path(root.path, base)}:{root.line})"))
    severity = settings.severity.get(finding.code) or config.severity_of(finding.code)
    fixes = [fix_to_json(fix, number == 0, codec, lines_of) for number, fix in enumerate(finding.fixes)]
    return types.Diagnostic(
        range=span_range(codec, lines, finding.span),
        message=message(finding, base),
        severity=_SEVERITY[severity],
        code=finding.code,
        code_description=types.CodeDescription(href=DOCS_URL.format(code=finding.code)),
        source=SOURCE,
        related_information=related,
        data={"fixes": fixes, "root": finding.root.kind, "symbol": finding.symbol},
    )


def workspace_edit(edits: list[dict[str, Any]]) -> types.WorkspaceEdit:
    changes: dict[str, list[types.TextEdit]] = {}
    for edit in edits:
        rng = edit["range"]
        changes.setdefault(edit["uri"], []).append(types.TextEdit(
            types.Range(types.Position(rng["start"]["line"], rng["start"]["character"]),
                        types.Position(rng["end"]["line"], rng["end"]["character"])),
            edit["newText"]))
    return types.WorkspaceEdit(changes=changes)
