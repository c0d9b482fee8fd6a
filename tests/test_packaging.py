"""`npm run package` bundles the Python server; its step must work on a fresh clone (issue 17).

The bundling script runs for real, in a copy of the repository's relevant files, once with no
project venv (a fresh clone before `make install`) and once with no usable Python at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _copy_repository(destination: Path) -> Path:
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, destination / name)
    shutil.copytree(REPO / "server", destination / "server", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    client = destination / "client-vscode"
    shutil.copytree(REPO / "client-vscode" / "scripts", client / "scripts")
    shutil.copytree(REPO / "client-vscode" / "bundled" / "tool", client / "bundled" / "tool",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return client


def test_bundling_works_without_the_project_venv(tmp_path: Path) -> None:
    client = _copy_repository(tmp_path)
    proc = subprocess.run(["bash", "scripts/bundle-python.sh"], cwd=client, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "VENV": str(tmp_path / "no-venv")})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "building with a temporary one" in proc.stderr
    probe = json.loads(next(line for line in proc.stdout.splitlines() if line.startswith("{")))
    assert probe["flaskscope"] and probe["location"].startswith(str(client / "bundled" / "libs"))


def test_bundling_without_any_python_says_what_to_run(tmp_path: Path) -> None:
    client = _copy_repository(tmp_path)
    tools = tmp_path / "bin"  # the shell tools the script needs, and no python3
    tools.mkdir()
    for tool in ("dirname", "mktemp", "rm"):
        found = shutil.which(tool)
        assert found is not None
        (tools / tool).symlink_to(found)
    proc = subprocess.run([shutil.which("bash") or "/bin/bash", "scripts/bundle-python.sh"], cwd=client,
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": str(tools), "VENV": str(tmp_path / "no-venv")})
    assert proc.returncode == 1
    assert "needs Python 3.10 or newer as python3, or the project's venv" in proc.stderr
    assert "run `make install` first" in proc.stderr
