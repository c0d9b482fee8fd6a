"""Sweeps over code flaskscope did not choose: CPython's own standard library and every package
installed in the test environment. Exit 0 or 1, never 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest


@pytest.mark.parametrize("where", ["stdlib", "purelib"])
def test_check_never_crashes_on_real_world_code(where: str, tmp_path: Path) -> None:
    root = Path(sysconfig.get_paths()[where])
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--format", "json", "--cache-dir",
                           str(tmp_path / "cache"), "--output-file", str(tmp_path / "report.json"), str(root)],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    for line in proc.stderr.splitlines():
        assert line.startswith("flaskscope: warning: "), line
