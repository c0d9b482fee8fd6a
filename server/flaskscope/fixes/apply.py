"""Apply preferred fixes to files until none applies (the CLI's ``--fix``).

Fixes are applied one finding per file per round, then the project is analysed again: a fix
can make the next failure of the same path visible (only the first certain failure of a path is
reported), and edits planned against old text must never be applied to new text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from flaskscope.analysis import AnalysisResult, Analyzer
from flaskscope.config import Config
from flaskscope.edits import Fix, TextEdit, apply_edits
from flaskscope.fixes.plan import planner
from flaskscope.index.discovery import common_root
from flaskscope.source import read_source

MAX_ROUNDS = 25


def fix_all(paths: list[Path], warn: Callable[[str], None], unsafe: bool,
            write: Callable[[Path, str, str], None], config: Config | None = None,
            dry_run: bool = False) -> tuple[AnalysisResult, int]:
    """Apply fixes until none is left; returns the last analysis and the number of fixes applied.

    ``write(path, old_text, new_text)`` does the writing; with ``dry_run`` the files are left alone
    and later rounds analyse the edited text in memory (``--diff``).
    """
    applied = 0
    tried: set[tuple[str, int, str, str, str, int]] = set()  # (sink path, line, code, symbol, root path, line)
    overlay: dict[Path, str] = {}
    analyzer = Analyzer(common_root(paths), config=config, keep_for_focused_runs=False, fix_planner=planner)
    result = analyzer.run(paths, warn)
    first: dict[Path, str] = {}
    for _ in range(MAX_ROUNDS):
        chosen: dict[Path, Fix] = {}
        for finding in result.findings:
            fix = next((f for f in finding.fixes if f.safe or unsafe), None)
            if fix is None:
                continue
            # One fix per finding: when it leaves the finding standing, trying the next idiom on top of
            # it would stack two fixes (a task base *and* a ``with`` block) the user never chose. A
            # finding is a (sink, root) pair: the same sink still reached from another root gets its own.
            key = (str(finding.path), finding.span.line, finding.code, finding.symbol,
                   str(finding.root.path), finding.root.line)
            files = {edit.path for edit in fix.edits}
            if key in tried or files & set(chosen):
                continue
            tried.add(key)
            for path in files:
                chosen[path] = fix
        if not chosen:
            break
        for fix in dict.fromkeys(chosen.values()):
            for path in {edit.path for edit in fix.edits}:
                old = overlay.get(path) or read_source(path)
                first.setdefault(path, old)
                edits = [e for e in fix.edits if e.path == path]
                overlay[path] = apply_edits(old, edits)
                tried = {(p, moved_line(line, edits) if p == str(path) else line, code, symbol,
                          rp, moved_line(rline, edits) if rp == str(path) else rline)
                         for p, line, code, symbol, rp, rline in tried}
                if not dry_run:
                    write(path, old, overlay[path])
            applied += 1
        result = analyzer.run(paths, warn, overlay={p.absolute(): t for p, t in overlay.items()})
    if dry_run:
        for path, original in first.items():
            write(path, original, overlay[path])
    return result, applied


def moved_line(line: int, edits: list[TextEdit]) -> int:
    """Where ``line`` is after ``edits``: lines added or removed above it move it; an edit that
    encloses it (a statement wrapped in ``with``: one header line above) moves it by what it added."""
    moved = line
    for edit in edits:
        added = edit.new_text.count("\n") - (edit.end_line - edit.line)
        if edit.end_line < line or (edit.end_line == line and edit.end_col == 0):  # wholly above it
            moved += added
        elif edit.line <= line <= edit.end_line:
            moved += max(added, 0)
    return moved
