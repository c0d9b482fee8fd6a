"""The code base stays lint- and type-clean (ruff, mypy on server/): the style guide, enforced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff() -> None:
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "server", "tests"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_engine_never_imports_lsp_libraries() -> None:
    for path in (ROOT / "server" / "flaskscope").rglob("*.py"):
        if "lsp" in path.relative_to(ROOT / "server" / "flaskscope").parts:
            continue  # the adapter is the one place that may
        text = path.read_text(encoding="utf-8")
        assert "import pygls" not in text and "import lsprotocol" not in text and "from pygls" not in text \
            and "from lsprotocol" not in text, path
