"""The label-free recall measure (``check --statistics``) through the real CLI, on a project written here.

A thread target calls three things: a function of the project (resolved), a library function
(``json.dumps``: the library's, resolved by name) and a method of an object handed in as a parameter
(``notifier.send``: nothing says what it is). Only the last is a hole where a context error could hide.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT = {
    "app/__init__.py": "",
    "app/work.py": '''import json
import threading


def render(payload):
    return json.dumps(payload)


def deliver(notifier, payload):
    text = render(payload)
    notifier.send(text)


def start(notifier):
    threading.Thread(target=deliver, args=(notifier, {"a": 1})).start()
''',
}


def _check(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", "check", "--statistics", *options, "."],
                          cwd=project, capture_output=True, text=True, timeout=300)


def _write(tmp_path: Path) -> Path:
    for relative, text in PROJECT.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_unresolved_calls_on_a_thread_path_are_counted_in_json(tmp_path: Path) -> None:
    proc = _check(_write(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    resolution = json.loads(proc.stdout)["resolution"]
    # The thread's calls: render(...), json.dumps(...), notifier.send(...); only the last is unknown.
    # Import time makes none (a def's body runs only when called).
    assert resolution["unresolved"] == 1, resolution
    assert resolution["calls"] == 3, resolution
    assert resolution["share"] == round(1 / 3, 4)


def test_statistics_text_says_how_many_calls_stay_unresolved(tmp_path: Path) -> None:
    project = _write(tmp_path)
    (project / "app/work.py").write_text(PROJECT["app/work.py"].replace("notifier.send(text)", "print(text)"),
                                         encoding="utf-8")
    proc = _check(project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0  of 3 calls on the paths of 1 entry point stay unresolved (0.0%" in proc.stdout, proc.stdout
