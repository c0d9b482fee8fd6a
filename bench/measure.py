"""Measurements the benchmark reports: the parse floor, and a timed, memory-measured subprocess.

Peak RSS comes from ``os.wait4`` on the check process itself: the kernel's ``ru_maxrss`` for
exactly that child (no ``RUSAGE_CHILDREN`` deltas to get wrong, no psutil needed). Linux reports
it in KiB; for a child that forks workers it is the largest single process of the tree (the
kernel does not sum them), so ``peak_tree_rss_mb`` also samples the whole tree from ``/proc``.
"""

from __future__ import annotations

import ast
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.02


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.is_file())


def parse_floor(files: list[Path], repeats: int = 3) -> float:
    """Seconds to read and ``ast.parse`` every file once in this process (best of ``repeats``).

    The best run is the floor: the files are in the page cache, as they are for the check runs.
    """
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for path in files:
            ast.parse(path.read_bytes(), filename=str(path))
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True)
class Run:
    seconds: float
    exit_code: int
    peak_rss_mb: float  # ru_maxrss of the child (largest process of its tree)
    peak_tree_rss_mb: float  # sampled sum over the child and its descendants
    stdout: str
    stderr: str


def run(argv: list[str], cwd: Path, env: dict[str, str], timeout: float | None = None) -> Run:
    """Run ``argv`` to completion; wall time from spawn to reaped, and its peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    out: list[str] = []
    err: list[str] = []
    readers = [threading.Thread(target=lambda: out.append(proc.stdout.read())),  # type: ignore[union-attr]
               threading.Thread(target=lambda: err.append(proc.stderr.read()))]  # type: ignore[union-attr]
    for reader in readers:
        reader.start()
    timer = threading.Timer(timeout, proc.kill) if timeout else None
    if timer:
        timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    if timer:
        timer.cancel()
    sampler.stop()
    for reader in readers:
        reader.join()
    return Run(seconds, proc.returncode, usage.ru_maxrss / 1024, sampler.peak_kib / 1024,
               "".join(out), "".join(err))


class _TreeSampler(threading.Thread):
    """Polls ``/proc`` for the summed RSS of a process and its descendants (Linux only)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in task.read_text().split())
            except OSError:
                pass
    return pids


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
