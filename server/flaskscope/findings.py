"""Findings: plain data, the engine's only output.

Adapters (CLI reports, the language server, fixes) read these and never re-run analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flaskscope.edits import Fix
from flaskscope.index.model import Span
from flaskscope.levels import Level


@dataclass(frozen=True)
class Hop:
    """One step of a call chain: at ``path:line``, ``name`` is entered or used."""

    path: Path
    line: int
    name: str
    scope: str = field(default="", compare=False)  # the scope whose code is at path:line


@dataclass(frozen=True)
class Gap:
    """Why a path is not certain (``knowledge.gaps``): a kind, where the unknown is, and what it is."""

    kind: str  # a ``GapKind`` value
    path: Path
    line: int
    detail: str


@dataclass(frozen=True)
class Root:
    """Where execution starts, with which context (``level``), and how to name it."""

    kind: str
    path: Path
    line: int
    level: Level
    what: str  # "a thread", "import-time code", ...
    scope: str  # qualname of the scope that runs first
    spawned: bool = False  # started by a call at ``path:line`` (a thread) rather than declared there
    site: Span | None = field(default=None, compare=False)  # the spawning call's span, for fixes
    site_scope: str = field(default="", compare=False)  # the scope that makes that call
    site_callee: str = field(default="", compare=False)  # the spawner's canonical name (``threading.Thread``)
    site_target: Span | None = field(default=None, compare=False)  # the callable argument's span, as written
    gap: Gap | None = field(default=None, compare=False)  # its entry level is not certain: why
    # A click command the project runs with its own ``cli()``/``app.cli()`` (no ``flask`` to load the
    # app for ``@with_appcontext``).
    run_by_project: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Finding:
    code: str
    path: Path
    span: Span
    symbol: str
    needs: Level
    had: Level
    root: Root
    chain: tuple[Hop, ...]
    other_roots: tuple[Root, ...] = ()
    fixes: tuple[Fix, ...] = ()  # the first is the preferred one
    gap: Gap | None = None  # set: no path to the sink is certain, so it is an analysis gap, not a diagnostic
    # The names the root (a test) replaces with ``mock.patch``/``monkeypatch.setattr``: a pushed context
    # would run it against a real app it never configured, so no fix is planned for it.
    root_patches: tuple[str, ...] = ()
