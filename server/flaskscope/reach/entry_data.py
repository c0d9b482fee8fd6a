"""The plain data of finding roots: the project facts it starts from, the entries it finds, and
what a whole run hands a focused run so the latter can skip the modules an edit did not touch.

These are shared by the parts of root finding (``entries``, ``cli_roots``, ``pytest_roots``),
by the search (``ProjectFacts``) and by the analysis that keeps them between runs, so they live
apart from the code that fills them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flaskscope.findings import Gap, Root
from flaskscope.knowledge.project import Knowledge
from flaskscope.levels import Level


@dataclass(frozen=True)
class ProjectFacts:
    """What the project says beyond its Python code: its dependencies, settings and declarations."""

    uses_pytest_flask: bool = False
    server_name_configured: bool = False
    knowledge: Knowledge = field(default_factory=Knowledge)
    uses_flask_migrate: bool = False
    flask_version: tuple[int, int] | None = None  # the lowest the dependency files admit; None: not pinned
    # Modules whose bodies run only from imports inside functions the workspace runs: filled in by
    # the entry finder's whole run (``ImportLevels.reached_by_import``), which is why it is a set in
    # a frozen record; the search enters these bodies from the imports, focused runs keep the set.
    reached_by_import: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Escape:
    """A proxy object passed into code that runs elsewhere (FCX103)."""

    scope: str
    ref_expr: ast.expr
    symbol: str
    proxy: str
    root: Root


@dataclass
class Entries:
    """What ``EntryFinder.find`` gives the search: roots, escaping proxies, views and CLI names."""

    roots: list[Root] = field(default_factory=list)
    escapes: list[Escape] = field(default_factory=list)
    views: set[str] = field(default_factory=set)
    # Name on an app's CLI (``flask <name>``) -> the functions registered under it, for
    # ``runner.invoke(args=[name])`` in tests.
    commands: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class CliFacts:
    """How one module's code runs the project's CLI itself (read again only when that module is)."""

    invoked: dict[str, Level] = field(default_factory=dict)  # click command or group -> least level it is called at
    app_cli_level: Level | None = None  # least level ``app.cli()`` is called at, if it is
    unnamed_registration: Gap | None = None  # ``app.cli.add_command(<unresolvable>)``, if any


@dataclass(frozen=True)
class ArrangedTest:
    """What pytest sets up for one test: the context its body starts in, the fixtures of its closure
    that leave a context pushed after it, and the context each fixture of its closure starts in."""

    qualname: str
    level: Level
    gap: Gap | None
    leaking: tuple[str, ...]  # fixture qualnames
    fixture_starts: tuple[tuple[str, Level], ...]  # (fixture qualname, the context it starts in here)


@dataclass(frozen=True)
class ModuleTests:
    """A test module's tests as a run worked them out: a focused run keeps them unless one of the
    modules they were read from changed."""

    tests: tuple[ArrangedTest, ...]
    consulted: frozenset[str]  # the modules their levels were read from


@dataclass
class Registrations:
    """What the project registers by calls and decorators: a focused run keeps a whole run's."""

    views: set[str] = field(default_factory=set)
    cli_added: set[str] = field(default_factory=set)  # commands added by ``app.cli.add_command``
    commands: dict[str, set[str]] = field(default_factory=dict)  # as ``Entries.commands``
    cli_facts: dict[str, CliFacts] = field(default_factory=dict)  # by module name
    tests: dict[str, ModuleTests] = field(default_factory=dict)  # by module name
