"""The analysis thread: the one thread that owns the engine (and so every jedi object).

Edits only *request* a run; the thread waits until the requests have been quiet for the debounce
delay, takes a snapshot of the open documents (text and version) and analyses it. Results go back
to the event loop with their snapshot, so the server can refuse to publish for a document that
has changed since (a newer run is already requested then).

Once the workspace is indexed, a run after an edit has two steps: first a focused run
(``Analyzer.run_focused``: only the roots that can reach the edited modules are searched again) and
the edited files' diagnostics delivered — milliseconds, whatever the workspace's size; then the
whole workspace, which corrects anything the focused run could not see (a call that now resolves
elsewhere) and updates every other file. A newer edit interrupts the whole-workspace step: typing is
never queued behind it.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from flaskscope.analysis import AnalysisResult, Analyzer, Interrupted, collect_garbage, import_closure
from flaskscope.fixes.plan import planner
from flaskscope.source import read_source

log = logging.getLogger(__name__)
WHOLE_RUN_PAUSE = 0.3  # seconds without edits after a focused run before the whole-workspace run starts
GARBAGE_EVERY = 20
# The open files and their imports are analysed before the whole workspace only while they are at most
# this share of it: a larger preview (CTFd's cache module imports half of CTFd) delays the whole run by
# about its own cost and shows little sooner.
PREVIEW_SHARE = 0.35  # whole runs between two full garbage collections


@dataclass(frozen=True)
class Snapshot:
    """What was analysed: the texts of open documents and their versions, by absolute path."""

    texts: dict[Path, str]
    versions: dict[Path, int]
    generation: int
    paths: tuple[Path, ...] = field(default=())
    partial: bool = False  # only the open files and their imports: the whole workspace follows
    # With ``partial``: the edited files whose diagnostics this run settles (empty: the open files
    # before the first whole-workspace run, published as an early preview only).
    focus: frozenset[Path] = frozenset()


class AnalysisWorker:
    def __init__(self, root: Path | None, take_snapshot: Callable[[int], Snapshot],
                 deliver: Callable[[Snapshot, AnalysisResult, list[str]], None]) -> None:
        self._root = root
        self._take_snapshot = take_snapshot
        self._deliver = deliver
        self._condition = threading.Condition()
        self._due: float | None = None
        self._requested = 0
        self._edits = 0  # requests that came with a change of some text: they interrupt a run
        self.edited_generation = 0  # the generation of the latest such request: runs from it on see every edit
        self._wanted = False
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="flaskscope-analysis", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify_all()

    def request(self, delay: float, edit: bool = True, whole: bool = False) -> int:
        """Ask for a run ``delay`` seconds from now (a later request postpones it); its generation.

        ``edit``: something changed (a text, a file on disk), so a whole-workspace run under way
        is stale and gives up; a mere wish for fresh results (a pull) lets it finish. ``whole``:
        the asker needs the whole-workspace run (not only the edited files' focused run).
        """
        with self._condition:
            self._requested += 1
            self._edits += edit
            if edit:
                self.edited_generation = self._requested
            if whole:
                self._wanted = True
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
        # Created here: jedi must live on this thread.
        analyzer = Analyzer(self._root or Path.cwd(), keep_last_good=True, fix_planner=planner)
        indexed = False
        analysed: dict[Path, str] = {}  # the open texts of the last whole-workspace run
        last: tuple[int, AnalysisResult] | None = None  # (edit count, result) of that run
        whole_runs = 0
        while True:
            with self._condition:
                while not self._stopping and (self._due is None or time.monotonic() < self._due):
                    timeout = None if self._due is None else max(self._due - time.monotonic(), 0)
                    self._condition.wait(timeout)
                if self._stopping:
                    return
                self._due = None
                generation = self._requested
                edits = self._edits
            analyzer.interrupt = self._outdated_since(edits)
            snapshot = self._take_snapshot(generation)
            if last is not None and last[0] == edits and snapshot.texts == analysed:
                self._wanted = False
                self._deliver(snapshot, last[1], [])  # nothing changed since: a pull only wants it confirmed
                continue
            warnings: list[str] = []
            if not indexed and self._root is not None and snapshot.texts:
                self._open_files_first(analyzer, snapshot)
            indexed = True
            changed = frozenset(path for path, text in snapshot.texts.items() if _differs(analysed, path, text))
            if changed and analysed and self._edited_first(analyzer, snapshot, changed) and self._typing_on(edits):
                continue  # the whole-workspace run waits for a pause in the typing
            self._wanted = False  # the whole run starting now is what those pulls wait for
            try:
                paths = list(snapshot.paths) or ([self._root] if self._root else list(snapshot.texts))
                started = time.perf_counter()
                result = analyzer.run(paths, warnings.append, overlay=snapshot.texts)
                log.info("analysed %d files in %.0f ms", result.files, (time.perf_counter() - started) * 1000)
            except Interrupted:
                log.info("whole-workspace run given up for newer edits")
                continue
            except Exception:  # noqa: BLE001 - a crash in one run must not kill the thread
                log.exception("analysis failed; keeping the previous results")
                continue
            analysed, last = dict(snapshot.texts), (edits, result)
            self._deliver(snapshot, result, warnings)
            whole_runs += 1
            if whole_runs % GARBAGE_EVERY == 0:
                collect_garbage()  # cycles earlier runs left (each run's objects are frozen, see collector_paused)

    def _outdated_since(self, edits: int) -> Callable[[], bool]:
        """True once an edit arrived after the snapshot (or the server stops): the run is stale."""
        return lambda: self._edits != edits or self._stopping

    def _edited_first(self, analyzer: Analyzer, snapshot: Snapshot, changed: frozenset[Path]) -> bool:
        """The edited files' diagnostics from a focused run (see the module docstring); True if delivered."""
        warnings: list[str] = []
        try:
            started = time.perf_counter()
            result = analyzer.run_focused({path: snapshot.texts[path] for path in changed}, warnings.append)
            if result is None:
                return False
            log.info("edited files first: %d files in %.0f ms", result.files, (time.perf_counter() - started) * 1000)
        except Interrupted:
            return False
        except Exception:  # noqa: BLE001 - the whole-workspace run follows anyway
            log.exception("focused analysis of the edited files failed")
            return False
        self._deliver(replace(snapshot, partial=True, focus=changed), result, warnings)
        return True

    def _typing_on(self, edits: int) -> bool:
        """Wait a moment after a focused run; True if another edit came (the whole run would be stale).

        The whole-workspace run holds the interpreter for seconds on a big workspace; started at
        once, it would slow the answer to the next keystroke even though that edit interrupts it.
        A pull that needs the whole run (another file's diagnostics, ``request(whole=True)``) ends
        the wait at once.
        """
        with self._condition:
            self._condition.wait_for(lambda: self._edits != edits or self._stopping or self._wanted, WHOLE_RUN_PAUSE)
            return self._edits != edits or self._stopping

    def _open_files_first(self, analyzer: Analyzer, snapshot: Snapshot) -> None:
        """Before the first whole-workspace run: the open files and what they import, published early."""
        assert self._root is not None
        warnings: list[str] = []
        try:
            paths = import_closure(self._root, list(snapshot.texts), warnings.append, snapshot.texts,
                                   analyzer.index_cache, PREVIEW_SHARE)
            if paths is None:
                log.info("open files first: skipped, they import most of the workspace")
                return
            started = time.perf_counter()
            result = analyzer.run(paths, warnings.append, overlay=snapshot.texts)
            log.info("open files first: %d files in %.0f ms", result.files, (time.perf_counter() - started) * 1000)
        except Interrupted:
            return
        except Exception:  # noqa: BLE001 - the full run follows anyway
            log.exception("analysis of the open files failed")
            return
        self._deliver(replace(snapshot, partial=True), result, warnings)


def _differs(analysed: dict[Path, str], path: Path, text: str) -> bool:
    """Has this open document changed since the last whole run (which read it from disk if it was not open)?"""
    if path in analysed:
        return analysed[path] != text
    try:
        return read_source(path) != text
    except (OSError, UnicodeDecodeError, SyntaxError):
        return True
