"""The persistent result cache, through the real ``flaskscope check`` process.

A warm run must give the same report as a cold one; any change to what the result depends on
must be a miss; a damaged, planted or half-written entry must be discarded, never believed; and
concurrent runs must leave a usable cache behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from flaskscope.cache.store import digest

BUGGY = """\
import threading
from flask import current_app


def job():
    print(current_app.config["X"])


threading.Thread(target=job).start()
"""


def check(cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", "check", "--format", "json", *extra, "."], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def symbols(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [d["symbol"] for d in json.loads(proc.stdout)["diagnostics"]]


def entry(project: Path) -> Path:
    [found] = (project / ".flaskscope_cache").glob("check-*.json")
    return found


def rewrite(path: Path, change: object) -> None:
    """Edit an entry *and* re-sign it: what a bug in the key would let through."""
    body = json.loads(path.read_bytes().partition(b"\n")[2])
    change(body)  # type: ignore[operator]
    data = json.dumps(body).encode()
    path.write_bytes(digest(data).encode() + b"\n" + data)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(BUGGY, encoding="utf-8")
    (tmp_path / "broken.py").write_text("def f(:\n", encoding="utf-8")
    return tmp_path


def test_warm_run_reports_what_the_cold_run_did(project: Path) -> None:
    cold = check(project)
    assert (project / ".flaskscope_cache" / "CACHEDIR.TAG").is_file()
    warm = check(project)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert "broken.py:1: syntax error" in warm.stderr  # warnings are said again


def test_the_stored_result_is_what_a_warm_run_reports(project: Path) -> None:
    real = symbols(check(project))

    def plant(body: dict[str, object]) -> None:
        body["payload"]["findings"][0]["symbol"] = "PLANTED"  # type: ignore[index]

    rewrite(entry(project), plant)
    assert symbols(check(project)) == ["PLANTED"]  # the hit path really serves the entry...
    (project / "app.py").write_text("# edited\n" + BUGGY, encoding="utf-8")
    assert symbols(check(project)) == ["PLANTED"]  # ...and so does an edit nothing reads (moved a line)...
    (project / "app.py").write_text(BUGGY + "\nprint('edited')\n", encoding="utf-8")
    assert symbols(check(project)) == real  # ...but an edit of code is a miss


@pytest.mark.parametrize("change", ["config", "new file", "deleted file", "requirements", "options"])
def test_every_input_of_the_result_is_part_of_the_key(project: Path, change: str) -> None:
    real = symbols(check(project))

    def plant(body: dict[str, object]) -> None:
        body["payload"]["findings"][0]["symbol"] = "PLANTED"  # type: ignore[index]

    rewrite(entry(project), plant)
    extra: list[str] = []
    if change == "config":
        (project / "pyproject.toml").write_text('[tool.flaskscope]\nignore = ["FCX102"]\n', encoding="utf-8")
    elif change == "new file":
        (project / "other.py").write_text("x = 1\n", encoding="utf-8")
    elif change == "deleted file":
        (project / "broken.py").unlink()
    elif change == "requirements":
        (project / "requirements.txt").write_text("pytest-flask\n", encoding="utf-8")
    else:
        extra = ["--no-jedi"]
    assert symbols(check(project, *extra)) == real


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "garbage", "empty", "wrong shape", "directory"])
def test_a_damaged_entry_is_discarded_and_replaced(project: Path, damage: str) -> None:
    cold = check(project)
    path = entry(project)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped byte":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0x20]) + data[-9:])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "wrong shape":
        rewrite(path, lambda body: body["payload"].update(findings=[{"code": 1}]))  # type: ignore[index]
    else:
        path.unlink()
        path.mkdir()
    again = check(project)
    assert (again.returncode, again.stdout) == (cold.returncode, cold.stdout)
    assert "Traceback" not in again.stderr
    if damage != "directory":
        warm = check(project)  # the entry was rewritten whole
        assert warm.stdout == cold.stdout


def test_concurrent_runs_leave_a_usable_cache(project: Path) -> None:
    for number in range(30):
        (project / f"filler_{number}.py").write_text("def f():\n    return 1\n" * 50, encoding="utf-8")
    with ThreadPoolExecutor(6) as pool:
        runs = list(pool.map(lambda _: check(project), range(6)))
    assert len({(r.returncode, r.stdout) for r in runs}) == 1
    assert not [p for p in (project / ".flaskscope_cache").iterdir() if p.suffix == ".tmp"]
    assert check(project).stdout == runs[0].stdout


def test_no_cache_and_unwritable_cache_dir(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    cold = check(project, "--no-cache")
    assert not (project / ".flaskscope_cache").exists()
    blocked = tmp_path_factory.mktemp("blocked") / "cache"
    blocked.write_text("a file where the cache directory should be", encoding="utf-8")
    proc = check(project, "--cache-dir", str(blocked))
    assert (proc.returncode, proc.stdout) == (cold.returncode, cold.stdout)
    assert "Traceback" not in proc.stderr


def test_a_cache_directory_that_is_a_link_is_not_used(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A ``.flaskscope_cache`` link committed to a repository must not lead writes or deletes outside it."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / ".flaskscope_cache").symlink_to(elsewhere, target_is_directory=True)
    first, second = check(project), check(project)
    assert first.stdout == second.stdout and "Traceback" not in second.stderr
    assert list(elsewhere.iterdir()) == []
