"""What a whole-workspace run leaves for the focused runs that follow an edit.

An editor asks for results after every keystroke; searching every root again would cost the
whole run each time. The whole run keeps its workspace, tables and search summaries here, and a
focused run asks this state which modules it must index again and which roots it must search
again (those whose search entered an edited module), reusing everything else. One ``Analyzer``
owns one ``WholeRun`` at a time: the next whole run replaces it, so no state outlives the
workspace it describes.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from flaskscope.config import Config
from flaskscope.findings import Finding, Root
from flaskscope.index.loader import IndexCache
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.levels import Level
from flaskscope.reach.entries import EntryFinder
from flaskscope.reach.entry_data import Entries, ProjectFacts, Registrations
from flaskscope.reach.search import Search, Summary
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.workspace import CallsByName, PatchedCalls, Workspace


@dataclass
class WholeRun:
    """What a focused run reuses from the last whole-workspace run."""

    workspace: Workspace
    by_path: dict[Path, ModuleIndex]  # by absolute path
    roots: list[Root]
    edges: dict[str, set[str]]  # the search's scope -> entered scopes
    facts: ProjectFacts
    celery_default: Level
    config: Config
    registered: Registrations
    calls: CallsByName
    fixtures: tuple[dict[str, str], list[str]]
    call_groups: dict[str, dict[str, list[tuple[Scope, ast.Call]]]]
    worth_asking: Mapping[str, Level]
    summaries: dict[tuple[str, Level], Summary]
    _callers: dict[str, set[str]] | None = None

    @classmethod
    def kept_from(cls, modules: list[ModuleIndex], config: Config, facts: ProjectFacts, finder: EntryFinder,
                  entries: Entries, search: Search) -> WholeRun:
        """What a whole run over ``modules`` leaves: its workspace is the one ``search`` resolved in."""
        resolver = search.resolver
        return cls(resolver.ws, {m.path.absolute(): m for m in modules}, list(entries.roots), search.edges, facts,
                   finder.celery_default_level(), config, finder.registrations(), resolver.calls_by_name(),
                   finder.fixture_table(), resolver.call_groups(), search.worth_asking, search.summaries())

    def reindexed(self, edited: dict[Path, str], cache: IndexCache) -> dict[str, ModuleIndex] | None:
        """The indexes of the edited texts by module name; None when a file is new (this run never
        indexed it) or does not parse: only a whole run can say what that changes."""
        replaced: dict[str, ModuleIndex] = {}
        for path, text in edited.items():
            old = self.by_path.get(path.absolute())
            if old is None:
                return None
            try:
                replaced[old.name] = cache.get(old.path, old.name, text, old.is_package)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return None
        return replaced

    def resolver_with(self, replaced: dict[str, ModuleIndex], edited_scopes: list[Scope]) -> Resolver:
        """A resolver of this run's workspace with the ``replaced`` modules swapped in: its table of
        calls by name is patched where ``edited_scopes`` changed it, not rebuilt."""
        ws = self.workspace.with_modules(list(replaced.values()))
        calls = PatchedCalls(self.calls, frozenset(replaced), edited_scopes, self.call_groups)
        return Resolver(ws, frozenset(self.config.extra_sinks), calls)

    def scopes_reaching(self, targets: set[str]) -> set[str]:
        """The targets and every scope whose search entered one of them, directly or not."""
        if self._callers is None:
            self._callers = {}
            for caller, callees in self.edges.items():
                for callee in callees:
                    self._callers.setdefault(callee, set()).add(caller)
        reaching = set(targets)
        pending = list(targets)
        while pending:
            for caller in self._callers.get(pending.pop(), ()):
                if caller not in reaching:
                    reaching.add(caller)
                    pending.append(caller)
        return reaching

    def modules_declaring_roots_in(self, scopes: set[str]) -> set[str]:
        """The modules that declare a root whose scope is one of ``scopes`` (a ``Thread(target=...)``
        in a view is declared in the view's module, wherever its target is)."""
        return {self.by_path[r.path.absolute()].name for r in self.roots
                if r.scope in scopes and r.path.absolute() in self.by_path}

    def modules_to_suppress(self, replaced: dict[str, ModuleIndex], findings: list[Finding]) -> list[ModuleIndex]:
        """The ``replaced`` modules and those of the files ``findings`` are in: the suppression
        comments of all of them apply to a focused run's findings."""
        modules = dict(replaced)
        for finding in findings:
            module = self.by_path.get(finding.path.absolute())
            if module is not None:
                modules.setdefault(module.name, module)
        return list(modules.values())
