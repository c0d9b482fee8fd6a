"""``flaskscope check`` as users run it: real process, real files, bad input included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BUGGY = """\
import threading
from flask import current_app


def job():
    print(current_app.config["X"])


threading.Thread(target=job).start()
"""


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_exit_codes_and_json_schema(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text("x = 1\n")
    assert run(["check", "clean.py"], tmp_path).returncode == 0
    (tmp_path / "buggy.py").write_text(BUGGY)
    proc = run(["check", "--format", "json", "."], tmp_path)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert set(report) == {"version", "diagnostics"}
    [diag] = report["diagnostics"]
    assert set(diag) == {"path", "line", "column", "end_line", "end_column", "code", "severity", "context",
                         "symbol", "message", "root", "chain"}
    assert (diag["path"], diag["line"], diag["column"], diag["end_column"]) == ("buggy.py", 6, 11, 22)
    assert (diag["code"], diag["severity"], diag["context"]) == ("FCX101", "error", "app")
    assert diag["symbol"] == "current_app"
    assert diag["root"] == {"path": "buggy.py", "line": 9, "kind": "thread"}
    assert diag["chain"] == [{"path": "buggy.py", "line": 9, "name": "job"},
                             {"path": "buggy.py", "line": 6, "name": "current_app"}]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(["check", "--format", "xml"], tmp_path).returncode == 2
    assert run(["frobnicate"], tmp_path).returncode == 2
    assert run([], tmp_path).returncode == 2


def test_paths_outside_cwd_are_absolute(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "buggy.py").write_text(BUGGY)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    report = json.loads(run(["check", "--format", "json", str(project)], elsewhere).stdout)
    assert report["diagnostics"][0]["path"] == (project / "buggy.py").as_posix()


def test_bad_files_warn_once_and_the_rest_is_analysed(tmp_path: Path) -> None:
    (tmp_path / "buggy.py").write_text(BUGGY)
    (tmp_path / "half_typed.py").write_text("def f(:\n    with app.app_context(\n")
    (tmp_path / "latin1.py").write_bytes(b"name = '\xe9t\xe9'\n")
    (tmp_path / "nul.py").write_bytes(b"x = 1\x00\n")
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + BUGGY.replace("job", "bom_job").encode())
    (tmp_path / "deep.py").write_text("x = " + "(" * 10000 + "1" + ")" * 10000 + "\n")
    (tmp_path / "empty.py").write_text("")
    (tmp_path / "dir.py").mkdir()
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
    proc = run(["check", "--format", "json", "."], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    warned = [line for line in proc.stderr.splitlines() if line.startswith("flaskscope: warning:")]
    for name in ("half_typed.py", "latin1.py", "nul.py", "deep.py", "dangling.py"):
        assert sum(name in line for line in warned) == 1, (name, warned)
    paths = {d["path"] for d in json.loads(proc.stdout)["diagnostics"]}
    assert paths == {"buggy.py", "bom.py"}


def test_analysed_code_is_never_imported_or_run(tmp_path: Path) -> None:
    marker = tmp_path / "imported.marker"
    payload = f"open({str(marker)!r}, 'w').write('ran')\n"
    (tmp_path / "app.py").write_text(payload + BUGGY)
    (tmp_path / "sitecustomize.py").write_text(payload)
    (tmp_path / "conftest.py").write_text(payload)
    (tmp_path / "setup.py").write_text(payload)
    proc = run(["check", "."], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert not marker.exists()


def test_progress_line_only_on_a_terminal(tmp_path: Path) -> None:
    """Piped stderr (CI logs) never gets the progress counter; a terminal does, for big projects."""
    for number in range(210):
        (tmp_path / f"m{number}.py").write_text("x = 1\n")
    piped = run(["check", "--no-cache", "."], tmp_path)
    assert "indexing" not in piped.stderr
    terminal = subprocess.run(["script", "-qc", f"{sys.executable} -m flaskscope check --no-cache .", "/dev/null"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "indexing 210/210 files" in terminal.stdout


def test_import_cycles_end(tmp_path: Path) -> None:
    """`from a import *` both ways, and names re-exported in a circle, resolve to nothing: no recursion."""
    (tmp_path / "a.py").write_text("from b import *\nfrom c import helper\n")
    (tmp_path / "b.py").write_text("from a import *\n")
    (tmp_path / "c.py").write_text("from a import helper\n\n\ndef job():\n    helper()\n    missing()\n")
    (tmp_path / "d.py").write_text("import threading\nimport c\n\nthreading.Thread(target=c.job).start()\n")
    proc = run(["check", "."], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_link_to_a_module_does_not_replace_it(tmp_path: Path) -> None:
    """``wsgi.py -> app.py``: one module, analysed under its own name, its finding reported once."""
    (tmp_path / "app.py").write_text(BUGGY)
    (tmp_path / "wsgi.py").symlink_to("app.py")
    report = json.loads(run(["check", "--format", "json", "."], tmp_path).stdout)
    assert [(d["path"], d["line"]) for d in report["diagnostics"]] == [("app.py", 6)]


def test_fixes_and_noqa_keep_a_files_declared_encoding(tmp_path: Path) -> None:
    """A latin-1 file (with its coding line) is written back in latin-1, not re-encoded as UTF-8."""
    source = "# -*- coding: latin-1 -*-\nNAME = 'caf\u00e9'\n" + BUGGY
    path = tmp_path / "legacy.py"
    path.write_bytes(source.encode("latin-1"))
    assert run(["check", "--add-noqa", "."], tmp_path).returncode == 0
    written = path.read_bytes().decode("latin-1")
    assert "NAME = 'caf\u00e9'" in written and "# noqa: FCX101" in written
    assert run(["check", "."], tmp_path).returncode == 0  # suppressed, and still readable as Python reads it
