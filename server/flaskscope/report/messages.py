"""The sentences users read, built from a finding (shared by every output format)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from flaskscope.findings import Finding, Root
from flaskscope.levels import Level


def display_path(path: Path, base: Path | None = None) -> str:
    """Relative to ``base`` (default: the working directory) when below it, else absolute; always with ``/``."""
    return _display_path(path, base, os.getcwd())


@functools.lru_cache(maxsize=1 << 12)  # a report names the same few files hundreds of times
def _display_path(path: Path, base: Path | None, cwd: str) -> str:
    absolute = path if path.is_absolute() else Path(cwd) / path
    base = base if base is not None else Path(cwd)
    try:
        return absolute.relative_to(base if base.is_absolute() else Path(cwd) / base).as_posix()
    except ValueError:
        return absolute.as_posix() if os.sep == "/" else str(absolute)


def where(root: Root, base: Path | None = None) -> str:
    return f"{display_path(root.path, base)}:{root.line}"


def runs_in(root: Root, base: Path | None = None) -> str:
    if root.kind == "import-time":
        return f"this runs at import time ({where(root, base)})"
    if root.kind == "script":
        return f"this runs in the script's `__main__` block ({where(root, base)})"
    if root.spawned:
        return f"this runs in {root.what} started at {where(root, base)}"
    return f"this runs as {root.what} ({where(root, base)})"


def message(finding: Finding, base: Path | None = None) -> str:
    """The one-line message; paths relative to ``base`` (default: the working directory)."""
    symbol = f"`{finding.symbol}`"
    root = finding.root
    if finding.code == "FCX103":
        text = (f"{symbol} is a context-local proxy: passed into {root.what} ({where(root, base)}) it is unbound "
                f"there; pass `current_app._get_current_object()` or plain data instead")
    elif finding.code == "FCX104":
        text = (f"{symbol} needs a request or SERVER_NAME to build URLs: {runs_in(root, base)} with an application "
                f"context but no request")
    elif finding.code == "FCX105":
        text = (f"{symbol} is None outside a request (Flask-Login): {runs_in(root, base)}, where there is no request")
    else:
        had = "" if finding.had is Level.NONE else f" ({finding.had.noun} only)"
        text = f"{symbol} needs {finding.needs.noun}: {runs_in(root, base)}{had}"
    if finding.other_roots:
        n = len(finding.other_roots)
        text += f"; also reached from {n} other entry point{'s' if n > 1 else ''}"
    return text


# Why an entry point of each kind starts without the context a finding needs: what the hover says
# instead of repeating the diagnostic (which already names the entry point).
WHY_NO_CONTEXT: dict[str, str] = {
    "thread": "A new thread starts with empty context stacks: the context of the code that started it stays "
              "in that code's thread.",
    "executor": "An executor runs the function in one of its own worker threads or processes, which start "
                "with no Flask context.",
    "process": "A new process starts with no Flask context (spawned, it does not even share the app object).",
    "greenlet": "Flask's contexts are per greenlet: a spawned greenlet starts with none.",
    "celery-task": "A Celery worker runs the task outside any request, and this task's class pushes no "
                   "application context (Flask's docs give the Celery app a `FlaskTask` base that does).",
    "celery-signal": "Celery runs signal handlers in the worker, outside any request or app context.",
    "rq-job": "An RQ worker runs the job in its own process, where the web app pushed nothing.",
    "dramatiq-actor": "A Dramatiq worker runs the actor in its own process, where the web app pushed nothing.",
    "huey-task": "A Huey consumer runs the task in its own process, where the web app pushed nothing.",
    "scheduler-job": "The scheduler runs the job in its own thread pool, where no Flask context exists "
                     "(Flask-APScheduler keeps `scheduler.app` to push one).",
    "import-time": "Module-level code runs when the module is imported, before any app or request context "
                   "exists.",
    "script": "A script's `__main__` block runs outside the app: nothing pushes a context unless the script "
              "does.",
    "pytest": "A test has a context only if it, or a fixture it uses, pushes one: an `app` fixture that returns "
              "the app pushes none, and neither does `app.test_cli_runner()`.",
    "click-command": "A plain click command runs outside Flask: only `flask` commands (`@app.cli.command`, "
                     "`@with_appcontext`, or run through the `flask` command) get an application context.",
    "atexit": "`atexit` handlers run at interpreter exit, after every context is gone.",
    "signal": "A signal handler interrupts whatever the main thread was doing, usually outside any context.",
    "wsgi-middleware": "WSGI middleware runs around the Flask app: before Flask pushes the request context and "
                       "after it pops it.",
    "stream": "A streamed response's generator runs after the view has returned, once Flask has popped the "
              "request context (`stream_with_context` keeps it).",
    "logging": "Log handlers, filters and formatters run wherever a log call happens: in threads, workers and "
               "scripts too, not only in requests.",
    "custom": "The project's configuration declares this entry point as starting without a context.",
    "app-teardown": "Flask calls `teardown_appcontext` callbacks as it pops the application context, after the "
                    "request context is gone, in requests too (`teardown_request` callbacks still see the request).",
}
APP_BUT_NO_REQUEST = ("There is an application context here but no request: `request`, `session` and the like "
                      "exist only while Flask handles a request.")


def why_no_context(finding: Finding) -> str:
    """The reason the finding's entry point lacks what its sink needs, in one or two sentences."""
    if finding.had is not Level.NONE:
        return APP_BUT_NO_REQUEST
    return WHY_NO_CONTEXT.get(finding.root.kind, f"Flask gives {finding.root.what} no context.")
