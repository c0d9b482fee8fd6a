"""The analysis thread: the one thread that owns the engine (and so every jedi object).

Edits only *request* a run; the thread waits until the requests have been quiet for the debounce
delay, takes a snapshot of the open documents (text and version) and analyses it. Results go back
to the event loop with their snapshot, so the server can refuse to publish for a document that
has changed since (a newer run is already requested then).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from flaskscope.analysis import AnalysisResult, Analyzer, import_closure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """What was analysed: the texts of open documents and their versions, by absolute path."""

    texts: dict[Path, str]
    versions: dict[Path, int]
    generation: int
    paths: tuple[Path, ...] = field(default=())
    partial: bool = False  # only the open files and their imports: the whole workspace follows


class AnalysisWorker:
    def __init__(self, root: Path | None, take_snapshot: Callable[[int], Snapshot],
                 deliver: Callable[[Snapshot, AnalysisResult, list[str]], None]) -> None:
        self._root = root
        self._take_snapshot = take_snapshot
        self._deliver = deliver
        self._condition = threading.Condition()
        self._due: float | None = None
        self._requested = 0
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="flaskscope-analysis", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify_all()

    def request(self, delay: float) -> int:
        """Ask for a run ``delay`` seconds from now (a later request postpones it); its generation."""
        with self._condition:
            self._requested += 1
            due = time.monotonic() + delay
            if self._due is None:
                self._due = due
            elif delay == 0:
                self._due = min(self._due, due)  # something wants results now (a save, start-up)
            else:
                self._due = max(self._due, due)  # still typing: wait until it is quiet
            self._condition.notify_all()
            return self._requested

    def _loop(self) -> None:
        analyzer = Analyzer(self._root or Path.cwd())  # created here: jedi must live on this thread
        indexed = False
        while True:
            with self._condition:
                while not self._stopping and (self._due is None or time.monotonic() < self._due):
                    timeout = None if self._due is None else max(self._due - time.monotonic(), 0)
                    self._condition.wait(timeout)
                if self._stopping:
                    return
                self._due = None
                generation = self._requested
            snapshot = self._take_snapshot(generation)
            warnings: list[str] = []
            if not indexed and self._root is not None and snapshot.texts:
                self._open_files_first(analyzer, snapshot)
            indexed = True
            try:
                paths = list(snapshot.paths) or ([self._root] if self._root else list(snapshot.texts))
                started = time.perf_counter()
                result = analyzer.run(paths, warnings.append, overlay=snapshot.texts)
                log.info("analysed %d files in %.0f ms", result.files, (time.perf_counter() - started) * 1000)
            except Exception:  # noqa: BLE001 - a crash in one run must not kill the thread
                log.exception("analysis failed; keeping the previous results")
                continue
            self._deliver(snapshot, result, warnings)

    def _open_files_first(self, analyzer: Analyzer, snapshot: Snapshot) -> None:
        """Before the first whole-workspace run: the open files and what they import, published early."""
        assert self._root is not None
        warnings: list[str] = []
        try:
            paths = import_closure(self._root, list(snapshot.texts), warnings.append, snapshot.texts,
                                   analyzer.index_cache)
            started = time.perf_counter()
            result = analyzer.run(paths, warnings.append, overlay=snapshot.texts)
            log.info("open files first: %d files in %.0f ms", result.files, (time.perf_counter() - started) * 1000)
        except Exception:  # noqa: BLE001 - the full run follows anyway
            log.exception("analysis of the open files failed")
            return
        self._deliver(replace(snapshot, partial=True), result, warnings)
