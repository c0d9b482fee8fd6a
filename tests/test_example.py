"""The bundled example project: `flaskscope check examples/blog` finds its four planted bugs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_example_project_findings() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "flaskscope", "check", "--format", "json", "examples/blog"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    found = {(d["path"], d["line"], d["code"], d["root"]["kind"]) for d in json.loads(proc.stdout)["diagnostics"]}
    assert found == {
        ("examples/blog/blog/notifications.py", 8, "FCX101", "thread"),
        ("examples/blog/blog/tasks.py", 10, "FCX101", "celery-task"),
        ("examples/blog/blog/views.py", 27, "FCX102", "stream"),
        ("examples/blog/scripts/seed.py", 9, "FCX101", "script"),
    }


def test_text_output_shows_chain_and_summary() -> None:
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "examples/blog"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("examples/blog/blog/notifications.py:8:17: FCX101 `User.query` needs an application")
    assert lines[1] == "    examples/blog/blog/views.py:18  notify_followers"
    assert lines[-1] == "Found 4 problems in 8 files."
