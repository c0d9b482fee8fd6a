"""The sentences users read, built from a finding (shared by every output format)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from flaskscope.findings import Finding, Root
from flaskscope.knowledge.roots import WHY_NO_CONTEXT
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


APP_BUT_NO_REQUEST = ("There is an application context here but no request: `request`, `session` and the like "
                      "exist only while Flask handles a request.")


def why_no_context(finding: Finding) -> str:
    """The reason the finding's entry point lacks what its sink needs, in one or two sentences."""
    if finding.had is not Level.NONE:
        return APP_BUT_NO_REQUEST
    return WHY_NO_CONTEXT.get(finding.root.kind, f"Flask gives {finding.root.what} no context.")
