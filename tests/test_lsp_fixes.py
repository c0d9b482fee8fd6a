"""For every buggy corpus case: fix it through the real server, the way an editor does.

The client opens every file, then repeatedly pulls diagnostics, asks for the code actions of the
first one, applies its preferred quick fix (exactly one must be preferred) to the documents, and
sends the new text — until no diagnostic with a fix is left. Then the case's oracle runs the fixed
project with real Flask: no context error may remain, and flaskscope reports nothing there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_support import apply_text_edits, change, copy_case, open_file, start
from test_corpus import load_expected
from test_fixes import BUGGY, KNOWN_BAD_FIXES, NO_AUTOMATIC_FIX, PARTLY_FIXED, RESIDUAL_ERRORS

MAX_FIXES = 12


async def pull(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri)))
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport | types.FullDocumentDiagnosticReport)
    return list(report.items)


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_BAD_FIXES[c], strict=True))
                                  if c in KNOWN_BAD_FIXES else c for c in BUGGY])
async def test_preferred_quick_fixes_make_the_case_run_clean(client: LanguageClient, tmp_path: Path,
                                                             case: str) -> None:
    copy = copy_case(case, tmp_path)
    project = copy / "project"
    result = await start(client, project, "neovim")  # Neovim 0.11: pull diagnostics, utf-8 positions
    encoding = str(result.capabilities.position_encoding or "utf-16")
    files = {path.as_uri(): path for path in sorted(project.rglob("*.py"))}
    versions = {uri: 1 for uri in files}
    texts = {uri: path.read_text(encoding="utf-8") for uri, path in files.items()}
    for path in files.values():
        open_file(client, path)
    applied = 0
    while True:
        diagnostics = [(uri, d) for uri in files for d in await pull(client, uri)]
        fixable = [(uri, d) for uri, d in diagnostics if d.data and d.data.get("fixes")]
        if not fixable:
            break
        assert applied < MAX_FIXES, f"fixes do not converge: {[d.message for _, d in fixable]}"
        uri, diagnostic = fixable[0]
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix])))
        preferred = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
        assert len(preferred) == 1, f"{case}: {len(preferred)} preferred actions for {diagnostic.message}"
        edit = preferred[0].edit
        assert edit is not None and edit.changes
        for target, edits in edit.changes.items():
            texts[target] = apply_text_edits(texts[target], list(edits), encoding)
            versions[target] += 1
            files[target].write_text(texts[target], encoding="utf-8")
            change(client, target, versions[target], texts[target])
        applied += 1
    remaining = {(files[uri].relative_to(project).as_posix(), d.range.start.line + 1) for uri, d in diagnostics}
    run = subprocess.run([sys.executable, str(Path(__file__).parent / "oracle" / "run_case.py"), str(copy),
                          str(tmp_path / "observed.json")], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    observed = {(o["path"], o["line"], o["error"]) for o in json.loads((tmp_path / "observed.json").read_text())}
    if case in NO_AUTOMATIC_FIX or case in PARTLY_FIXED:
        # An error raised away from where it is reported (``raises_at``) is matched to its diagnostic.
        reported_at = {((f.get("raises_at") or f)["path"], (f.get("raises_at") or f)["line"]): (f["path"], f["line"])
                       for f in load_expected(case)["findings"]}
        assert remaining and {reported_at.get((p, line), (p, line)) for p, line, _ in observed} == remaining
        assert case not in PARTLY_FIXED or remaining == PARTLY_FIXED[case]
        return
    assert not remaining
    assert observed == RESIDUAL_ERRORS.get(case, set())
