"""Every fix flaskscope offers (not only the preferred one), on every buggy corpus case, in two layouts.

For each case, as written and as black formats it at a short line length (one argument a line,
magic trailing commas: how most real projects look), the real CLI lists every finding with every
fix it offers (``check --format json --show-fixes``). Each fix is applied alone to a fresh copy;
then every file must parse and the case's oracle, run with real Flask, must show the fix did its
job: the finding's sink no longer raises, no unrelated exception appears, and there are no more
context errors than before (a fix may unmask the next use on the same path: only the first raises).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from test_corpus import CORPUS, RUN_CASE
from test_fixes import BUGGY, KNOWN_BAD_FIXES

LAYOUTS = ("as-written", "black")
BLACK_LINE_LENGTH = 40  # short enough that most calls with arguments split one argument a line

# What a fix cannot be expected to remove (see test_fixes.RESIDUAL_ERRORS): unrelated data the
# author must add after the context error is gone.
RESIDUAL_OTHERS = {"local_proxy_tenant": 1}

# Offered fixes still known to be wrong on these cases (defects of issue 17 kept visible as strict
# xfails): the preferred-fix test's list, and what only a fix applied alone shows.
KNOWN_BAD_ALONE = {
    **KNOWN_BAD_FIXES,
    "rc_pt_getfixturevalue": "the sink is reached from a test and from the `alice` fixture: one root's fix "
                             "applied alone leaves the other's error on the same line",
    "rc_test_session_push": "applied alone, the fix of test_lookup_is_case_insensitive leaves the test it depends on "
                            "(test_new_customer_is_listed, which creates the customer) still failing",
}


def _copy(case: str, destination: Path, layout: str) -> Path:
    shutil.copytree(CORPUS / case, destination, ignore=shutil.ignore_patterns("__pycache__"))
    if layout == "black":
        subprocess.run([sys.executable, "-m", "black", "--quiet", "--line-length", str(BLACK_LINE_LENGTH),
                        str(destination / "project")], check=True, capture_output=True, timeout=120)
    return destination


def _observe(case_copy: Path, output: Path) -> list[dict[str, Any]]:
    run = subprocess.run([sys.executable, str(RUN_CASE), str(case_copy), str(output)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(output.read_text(encoding="utf-8"))


def _apply(project: Path, edits: list[dict[str, Any]]) -> None:
    """Apply one fix's edits (1-based lines and columns, in code points), last first."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for edit in edits:
        by_file.setdefault(edit["path"], []).append(edit)
    for relative, file_edits in by_file.items():
        path = project / relative
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))

        def offset(line: int, column: int, lines: list[str] = lines, starts: list[int] = starts,
                   text: str = text) -> int:
            return len(text) if line > len(lines) else starts[line - 1] + column - 1

        for edit in sorted(file_edits, key=lambda e: (e["line"], e["column"]), reverse=True):
            start, end = offset(edit["line"], edit["column"]), offset(edit["end_line"], edit["end_column"])
            text = text[:start] + edit["new_text"] + text[end:]
        path.write_text(text, encoding="utf-8")


def _context_errors(observed: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    return Counter((o["path"], o["error"]) for o in observed if o["error"] != "other")


def _moved_line(path: str, line: int, edits: list[dict[str, Any]]) -> int:
    """Where ``line`` of ``path`` is after the edits: moved by the lines added above it (an edit
    enclosing it, a statement wrapped in ``with``, moves it by the lines it added)."""
    moved = line
    for edit in edits:
        if edit["path"] != path:
            continue
        added = edit["new_text"].count("\n") - (edit["end_line"] - edit["line"])
        if edit["end_line"] < line or (edit["end_line"] == line and edit["end_column"] == 1):
            moved += added
        elif edit["line"] <= line <= edit["end_line"]:
            moved += max(added, 0)
    return moved


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_BAD_ALONE[c], strict=True))
                                  if c in KNOWN_BAD_ALONE else c for c in BUGGY])
def test_every_offered_fix_parses_and_removes_its_error(case: str, layout: str, tmp_path: Path) -> None:
    original = _copy(case, tmp_path / "original", layout)
    report = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--no-cache", "--format", "json",
                             "--show-fixes", "."], cwd=original / "project", capture_output=True, text=True,
                            timeout=300)
    assert report.returncode in (0, 1), report.stderr[-2000:]
    diagnostics = json.loads(report.stdout)["diagnostics"]
    assert diagnostics, "a buggy case has findings in every layout"
    before = _context_errors(_observe(original, tmp_path / "before.json"))
    failures = []
    for number, diagnostic in enumerate(diagnostics):
        for choice, fix in enumerate(diagnostic["fixes"]):
            name = f"{diagnostic['path']}:{diagnostic['line']} {diagnostic['code']} fix {choice + 1} ({fix['title']})"
            fixed = tmp_path / f"fix{number}_{choice}"
            shutil.copytree(original, fixed)
            _apply(fixed / "project", fix["edits"])
            unparsable = []
            for path in (fixed / "project").rglob("*.py"):
                try:
                    compile(path.read_text(encoding="utf-8"), str(path), "exec")
                except SyntaxError as exc:
                    unparsable.append(f"{path.relative_to(fixed / 'project')}: {exc}")
            if unparsable:
                failures.append(f"{name}: does not parse: {unparsable}")
                continue
            observed = _observe(fixed, tmp_path / f"after{number}_{choice}.json")
            others = [o for o in observed if o["error"] == "other"]
            after = _context_errors(observed)
            sink = (diagnostic["path"], _moved_line(diagnostic["path"], diagnostic["line"], fix["edits"]))
            if len(others) > RESIDUAL_OTHERS.get(case, 0):
                failures.append(f"{name}: unrelated errors after the fix: {others}")
            elif any((o["path"], o["line"]) == sink and o["error"] != "other" for o in observed):
                failures.append(f"{name}: the context error is still raised at {sink}")
            elif sum(after.values()) > sum(before.values()):
                # A fix may unmask the next use on the same path (only the first one raises), never
                # add errors beyond that.
                failures.append(f"{name}: more context errors than before: {dict(after)} (was {dict(before)})")
    assert not failures, "\n".join(failures)
