"""Would indexing in several processes pay? Build every module index serially, then in 2 processes.

    .venv/bin/python bench/parallel_probe.py <workspace>

The engine works on the indexes (AST nodes included) in one process, so a worker's indexes must be
pickled there and unpickled here; this prints the three times, and the parallel total to compare
with the serial build.
"""

from __future__ import annotations

import gc
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from flaskscope.index.builder import build_index
from flaskscope.index.discovery import discover

Job = tuple[str, Path, str, bool]


def build_chunk(chunk: list[Job]) -> bytes:
    gc.disable()  # as the engine does during a run
    return pickle.dumps([build_index(*job) for job in chunk], protocol=pickle.HIGHEST_PROTOCOL)


def main() -> int:
    gc.disable()
    files = discover([Path(sys.argv[1])], print)
    jobs: list[Job] = [(f.module, f.path, f.path.read_text(encoding="utf-8"), f.is_package) for f in files]
    started = time.perf_counter()
    for job in jobs:
        build_index(*job)
    serial = time.perf_counter() - started
    half = len(jobs) // 2
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        blobs = list(pool.map(build_chunk, [jobs[:half], jobs[half:]]))
    workers = time.perf_counter() - started
    started = time.perf_counter()
    for blob in blobs:
        pickle.loads(blob)
    loading = time.perf_counter() - started
    print(f"{len(jobs)} files: serial build {serial:.2f} s; 2 workers build+pickle {workers:.2f} s wall; "
          f"unpickle in the parent {loading:.2f} s; parallel total {workers + loading:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
