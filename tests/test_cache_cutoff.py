"""Early cutoff, through the real CLI: an edit that changes nothing the engine reads (comments, blank
lines, unused constants, docstrings) is answered from the last result moved to the new lines, and
that answer must be exactly what a fresh run reports.

Every corpus case gets edits of both kinds on one of its files (one with a finding when there is
one, so that moved lines are checked). For each edit, the cached check's report and exit code must
equal a ``--no-cache`` check's, and the engine must run exactly when the edit is not inert (or when
the last run asked jedi, whose reads cannot be known).
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from flaskscope import cli
from flaskscope.analysis import Analyzer
from flaskscope.cache.store import digest
from test_corpus import CASES, CORPUS, load_expected

Edit = Callable[[str], str]


def _append_constant(text: str) -> str:
    return text.rstrip("\n") + "\n\nEDIT_MARKER_7F3A = (1, 'two', -3.0)\n"


def _comment_at_top(text: str) -> str:
    return "# Edited by hand.\n\n" + text


def _blank_lines_in_the_middle(text: str) -> str:
    body = ast.parse(text).body
    if len(body) < 2:
        return text + "\n\n# the end\n"
    lines = text.splitlines(keepends=True)
    cut = body[1].lineno - 1
    return "".join(lines[:cut]) + "\n# a note between two statements\n\n" + "".join(lines[cut:])


def _docstring_first(text: str) -> str:
    return '"""Edited: a module docstring."""\n' + text


def _constant_used_elsewhere_in_the_file(text: str) -> str:
    return text.rstrip("\n") + "\n\nEDIT_MARKER_9C1B = 3\nprint(EDIT_MARKER_9C1B)\n"


def _new_function(text: str) -> str:
    return text.rstrip("\n") + "\n\n\ndef edited_helper_5d2e():\n    return 1\n"


INERT: dict[str, Edit] = {
    "append a constant": _append_constant,
    "comment at the top": _comment_at_top,
    "blank lines in the middle": _blank_lines_in_the_middle,
    "docstring first": _docstring_first,
}
READ: dict[str, Edit] = {
    "a constant the file uses": _constant_used_elsewhere_in_the_file,
    "a new function": _new_function,
}


def _edited_file(project: Path, case: str) -> Path:
    findings = load_expected(case)["findings"]
    if findings:
        return project / findings[0]["path"]
    return sorted(project.rglob("*.py"))[0]


@pytest.fixture
def engine_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per run of the engine (``Analyzer.run``) in this process: none when the cache answered."""
    runs: list[int] = []
    real_run = Analyzer.run

    def counted(self: Analyzer, *args: object, **kwargs: object) -> object:
        runs.append(1)
        return real_run(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Analyzer, "run", counted)
    return runs


@pytest.mark.parametrize("case", CASES)
def test_inert_edits_reuse_the_last_result_exactly(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], engine_runs: list[int]) -> None:
    project = tmp_path / "project"
    shutil.copytree(CORPUS / case / "project", project, ignore=shutil.ignore_patterns("__pycache__"))
    cache = tmp_path / "cache"
    monkeypatch.chdir(project)

    def check(*extra: str) -> tuple[int, str]:
        code = cli.main(["check", "--format", "json", *extra, "."])
        return code, capsys.readouterr().out

    edited = _edited_file(project, case)
    original = edited.read_text(encoding="utf-8")
    for name, edit in {**INERT, **READ}.items():
        edited.write_text(original, encoding="utf-8")
        check("--cache-dir", str(cache))  # the last result, of the original text
        [entry] = cache.glob("check-*.json")
        used_jedi = json.loads(entry.read_bytes().partition(b"\n")[2])["payload"]["jedi_queries"] != 0
        edited.write_text(edit(original), encoding="utf-8")
        engine_runs.clear()
        cached = check("--cache-dir", str(cache))
        ran = bool(engine_runs)
        fresh = check("--no-cache")
        assert cached == fresh, f"{case}: {name}"
        assert ran == (name in READ or used_jedi), f"{case}: {name}: the engine {'ran' if ran else 'did not run'}"


def test_a_planted_text_store_is_not_believed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The stored texts are compared by digest with what the entry says was analysed: texts from
    another run (or planted) make the engine run instead of a wrong cutoff."""
    project = tmp_path / "project"
    shutil.copytree(CORPUS / "thread_config_read" / "project", project)
    monkeypatch.chdir(project)
    reports = project / "app" / "reports.py"
    original = reports.read_text(encoding="utf-8")
    assert cli.main(["check", "--format", "json", "."]) == 1
    capsys.readouterr()
    # Plant texts in which reports.py already had the fix, re-signed so the file itself looks whole.
    [texts] = (project / ".flaskscope_cache").glob("check-*.bin")
    body = texts.read_bytes().partition(b"\n")[2]
    planted = body.replace(b'current_app.config["REPORT_RECIPIENT"]', b'"ops@example.com"')
    assert planted != body
    texts.write_bytes(digest(planted).encode() + b"\n" + planted)
    reports.write_text(original.replace('current_app.config["REPORT_RECIPIENT"]', '"ops@example.com"'),
                       encoding="utf-8")
    assert cli.main(["check", "--format", "json", "."]) == 0  # the fix is seen: no stale finding
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


THREAD_BUG = """import threading
from flask import current_app


def job():
    print(current_app.config["X"])


threading.Thread(target=job).start()
"""


@pytest.mark.parametrize(("before", "after", "cut_off"), [
    (THREAD_BUG.replace("\n", "\r\n"), ("# edited\n" + THREAD_BUG).replace("\n", "\r\n"), True),
    (THREAD_BUG.replace("\n\n\ndef", "\n\x0c\ndef"), "# edited\n" + THREAD_BUG.replace("\n\n\ndef", "\n\x0c\ndef"),
     False),  # a form feed: str.splitlines and Python disagree on line numbers, so no cutoff
    (THREAD_BUG, THREAD_BUG.replace("import threading", "import threading  # noqa"), False),
    (THREAD_BUG, THREAD_BUG + "\nLIMIT: int = 5\n", True),
    (THREAD_BUG, THREAD_BUG + "\nLIMIT: Limit = 5\n", False),  # the annotation is evaluated
    # A line of code whose comment changed is a changed line: its nodes do not map, so no cutoff.
    (THREAD_BUG, THREAD_BUG.replace("def job():", "def job():  # why"), False),
    (THREAD_BUG, THREAD_BUG.replace("def job():", "# why\ndef job():"), True),  # the comment on a line of its own
])
def test_line_endings_and_comments(before: str, after: str, cut_off: bool, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                   engine_runs: list[int]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_bytes(before.encode())
    cli.main(["check", "--format", "json", "."])
    capsys.readouterr()
    (tmp_path / "app.py").write_bytes(after.encode())
    engine_runs.clear()
    cached = cli.main(["check", "--format", "json", "."]), capsys.readouterr().out
    assert bool(engine_runs) != cut_off
    assert cached == (cli.main(["check", "--format", "json", "--no-cache", "."]), capsys.readouterr().out)
