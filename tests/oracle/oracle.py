"""Observe, with real Flask, which lines of a corpus case raise a context error.

A case's ``drive.py`` imports this module and runs every entry point of the case the way
production would (a thread, ``task.apply()``, a scheduler firing, pytest, a CLI runner...).
Context errors are caught wherever they surface (the call itself, ``threading.excepthook``,
``sys.unraisablehook``, logging's ``handleError``, futures, scheduler events, pytest reports) and recorded as the
innermost frame *inside the case's project* — the line a static analyzer should point at.

Any other exception is recorded as ``other`` so that a case which crashes for an unrelated
reason fails its test instead of silently looking clean.

This module never decides what is a bug; it only reports what Flask did.
"""

from __future__ import annotations

import contextlib
import json
import linecache
import os
import runpy
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterator

PROJECT_DIR = Path(os.environ.get("FLASKSCOPE_ORACLE_PROJECT", os.getcwd())).resolve()

# Substrings of the messages Flask (3.1 and 3.2) and its extensions raise.
_ERROR_KINDS: tuple[tuple[str, str], ...] = (
    ("Working outside of application context", "app"),
    ("Working outside of request context", "request"),
    ("There is no request in this context", "request"),
    ("can only be used when a request context is active", "request"),
    ("Unable to build URLs outside an active request", "url_for_server_name"),
)

_observations: list[dict[str, Any]] = []
_lock = threading.Lock()


def _project_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """Return the innermost (path, line) of the traceback that lies in the project."""
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        filename = Path(frame.f_code.co_filename)
        try:
            rel = filename.resolve().relative_to(PROJECT_DIR)
        except (ValueError, OSError):
            continue
        found = (rel.as_posix(), lineno)
    return found


def _classify(exc: BaseException, where: tuple[str, int] | None) -> str:
    message = str(exc)
    if isinstance(exc, RuntimeError):
        for needle, kind in _ERROR_KINDS:
            if needle in message:
                return kind
    if isinstance(exc, AttributeError) and "'NoneType'" in message and where is not None:
        source = linecache.getline(str(PROJECT_DIR / where[0]), where[1])
        if "current_user" in source:
            return "current_user_none"
    return "other"


def record(exc: BaseException, tb: TracebackType | None = None) -> None:
    """Record one exception raised by the case's code."""
    tb = tb if tb is not None else exc.__traceback__
    where = _project_frame(tb)
    kind = _classify(exc, where)
    entry: dict[str, Any] = {
        "path": where[0] if where else None,
        "line": where[1] if where else None,
        "error": kind,
    }
    if kind == "other":
        entry["detail"] = "".join(traceback.format_exception(type(exc), exc, tb))[-2000:]
    with _lock:
        if entry not in _observations:
            _observations.append(entry)


def record_text(message: str, traceback_text: str) -> None:
    """Record an error whose traceback only survives as text (e.g. a multiprocessing child's).

    ``message`` is the exception's message; the innermost ``File "...", line N`` of
    ``traceback_text`` that lies in the project gives the location.
    """
    import re

    where = None
    for match in re.finditer(r'File "([^"]+)", line (\d+)', traceback_text):
        try:
            rel = Path(match.group(1)).resolve().relative_to(PROJECT_DIR)
        except (ValueError, OSError):
            continue
        where = (rel.as_posix(), int(match.group(2)))
    kind = _classify(RuntimeError(message), where)
    entry: dict[str, Any] = {"path": where[0] if where else None, "line": where[1] if where else None, "error": kind}
    if kind == "other":
        entry["detail"] = traceback_text[-2000:]
    with _lock:
        if entry not in _observations:
            _observations.append(entry)


def observe(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``; record (and swallow) whatever it raises."""
    try:
        return fn(*args, **kwargs)
    except BaseException as exc:  # noqa: BLE001 - an oracle must see everything
        if isinstance(exc, KeyboardInterrupt):
            raise
        if isinstance(exc, SystemExit) and exc.code in (0, None):
            return None  # a clean exit (click always calls sys.exit) is not an error
        record(exc)
        return None


@contextlib.contextmanager
def observing() -> Iterator[None]:
    """Record (and swallow) an exception raised in the ``with`` block."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001
        record(exc)


def import_module(name: str) -> Any:
    """Import a project module, recording errors raised by import-time code."""
    import importlib

    return observe(importlib.import_module, name)


def run_script(relpath: str, argv: list[str] | None = None) -> None:
    """Run a project file as ``python relpath`` would (``__name__ == "__main__"``)."""
    old_argv = sys.argv
    sys.argv = [relpath, *(argv or [])]
    try:
        observe(runpy.run_path, str(PROJECT_DIR / relpath), run_name="__main__")
    finally:
        sys.argv = old_argv


def wait_threads(timeout: float = 10.0) -> None:
    """Join every thread the case started, so their errors are recorded."""
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(timeout)


def result_of(future: Any) -> Any:
    """Wait for a ``concurrent.futures.Future`` and record what it raised."""
    return observe(future.result, 10)


def run_pytest(args: list[str], pytest_flask: bool = False) -> int:
    """Run pytest in-process on project paths, recording each failing test's error.

    pytest-flask is disabled unless the case's project really uses it: its autouse fixture
    pushes a request context and would change what the tests observe.
    """
    import pytest

    class _Recorder:
        @staticmethod
        def pytest_runtest_makereport(item: Any, call: Any) -> None:
            if call.excinfo is not None and not call.excinfo.errisinstance(pytest.skip.Exception):
                record(call.excinfo.value, call.excinfo.tb)

    plugins_off = [] if pytest_flask else ["-p", "no:flask"]
    # The case's tests only: no conftest.py or configuration from the repository around the case.
    isolated = ["--rootdir", str(PROJECT_DIR), "--confcutdir", str(PROJECT_DIR), "-c", str(_project_ini())]
    full = ["-q", "-p", "no:cacheprovider", "-p", "no:lsp", *plugins_off, *isolated, *args]
    with contextlib.redirect_stdout(sys.stderr):
        return int(pytest.main(full, plugins=[_Recorder()]))


def _project_ini() -> Path:
    """The case project's own pytest configuration, or an empty one (never the repository's)."""
    import tempfile

    for name in ("pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"):
        if (PROJECT_DIR / name).is_file():
            return PROJECT_DIR / name
    ini = Path(tempfile.mkdtemp()) / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    return ini


def cli_result(result: Any) -> Any:
    """Record the exception of a click ``Result`` (CliRunner / FlaskCliRunner)."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc_info = result.exc_info
        record(result.exception, exc_info[2] if exc_info else None)
    return result


def watch_apscheduler(scheduler: Any) -> None:
    """Record exceptions of APScheduler jobs (APScheduler logs them and carries on)."""
    from apscheduler.events import EVENT_JOB_ERROR

    def _on_error(event: Any) -> None:
        record(event.exception, event.exception.__traceback__)

    scheduler.add_listener(_on_error, EVENT_JOB_ERROR)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        record(args.exc_value, args.exc_traceback)


def _unraisable_hook(unraisable: Any) -> None:
    if unraisable.exc_value is not None:
        record(unraisable.exc_value, unraisable.exc_traceback)


def _logging_error_hook(original: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """``logging.Handler.handleError``: a handler's ``emit`` (and its formatter) failing is printed as
    ``--- Logging error ---`` and the record is lost; the error is recorded, then logging goes on."""
    def handle_error(handler: Any, log_record: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            record(exc)
        original(handler, log_record)
    return handle_error


def install_hooks() -> None:
    import logging

    threading.excepthook = _thread_hook
    sys.unraisablehook = _unraisable_hook
    logging.Handler.handleError = _logging_error_hook(logging.Handler.handleError)  # type: ignore[method-assign]


def observations() -> list[dict[str, Any]]:
    with _lock:
        return sorted(_observations, key=lambda o: (str(o["path"]), o["line"] or 0, o["error"]))


def dump(path: str) -> None:
    Path(path).write_text(json.dumps(observations(), indent=1), encoding="utf-8")
