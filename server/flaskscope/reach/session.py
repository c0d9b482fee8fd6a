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
from flaskscope.findings import Finding, Gap, Hop, Root
from flaskscope.index.interface import interface_digest
from flaskscope.index.loader import IndexCache
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.levels import Level
from flaskscope.reach.collect import Collected, EarlierCertainty
from flaskscope.reach.entries import EntryFinder
from flaskscope.reach.entry_data import Entries, ProjectFacts, Registrations
from flaskscope.reach.search import Search
from flaskscope.reach.summary import Summary
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
    commands: dict[str, set[str]]  # ``Entries.commands``: CLI name -> functions
    certainty: dict[tuple[Root, tuple[Hop, ...]], Gap | None]  # ``Collected.certainty``
    subclasses: dict[str, list[str]] | None  # the resolver's subclass table, if it was built
    _callers: dict[str, set[str]] | None = None

    @classmethod
    def kept_from(cls, modules: list[ModuleIndex], config: Config, facts: ProjectFacts, finder: EntryFinder,
                  entries: Entries, search: Search, collected: Collected) -> WholeRun:
        """What a whole run over ``modules`` leaves: its workspace is the one ``search`` resolved in."""
        resolver = search.resolver
        return cls(resolver.ws, {m.path.absolute(): m for m in modules}, list(entries.roots), search.edges, facts,
                   finder.celery_default_level(), config, finder.registrations(), resolver.calls_by_name(),
                   finder.fixture_table(), resolver.call_groups(), search.worth_asking, search.summaries(),
                   entries.commands, collected.certainty, resolver.hierarchy.known_subclasses())

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

    def edits_stay_inside(self, replaced: dict[str, ModuleIndex], search: Search) -> bool:
        """Whether the edits can have changed no search summary but those of the edited modules' own
        scopes: each edited module has the same scopes, interface (``index.interface``) and contexts
        around its imports, calls and yields as before (``_context_facts``), is not a test module or
        a fixture's, and each of its scopes' summaries, searched again by ``search`` (which reuses
        every other scope's), is the one this run had. Then the scopes that reach the edited modules
        lead where they led before, and need no search again."""
        fixtures = set(self.fixtures[0].values())
        edited: set[str] = set()
        for name, new in replaced.items():
            old = self.workspace.modules.get(name)
            if old is None or old.scopes.keys() != new.scopes.keys() or _is_test_module(name) \
                    or not fixtures.isdisjoint(new.scopes):
                return False
            if _interface(old) != _interface(new) or _context_facts(old) != _context_facts(new):
                return False
            edited.update(new.scopes)
        if self.subclasses is not None:  # no class, base or module-level name changed: nor has the hierarchy
            search.resolver.hierarchy.use_subclasses(self.subclasses)
        return all(search.summary(qualname, level) == summary
                   for (qualname, level), summary in self.summaries.items() if qualname in edited)

    def certainty_kept(self, replaced: dict[str, ModuleIndex]) -> EarlierCertainty:
        """This run's certainty of a (root, chain), where no function on the chain (nor the root's)
        is one the edits changed (its tree, positions included). Only sound where the edits stay
        inside function bodies (``edits_stay_inside``): certainty also resolves names."""
        changed: set[str] = set()
        for name, new in replaced.items():
            old = self.workspace.modules[name]
            old_lines, new_lines = old.source.splitlines(), new.source.splitlines()
            changed.update(qualname for qualname, scope in new.scopes.items()
                           if _lines_of(scope, new_lines) is None
                           or _lines_of(scope, new_lines) != _lines_of(old.scopes[qualname], old_lines))
            # A function nested in a changed one resolves its free names there (``gg = g`` outside it).
            outers = [outer + "." for outer in changed]
            changed.update([qualname for qualname in new.scopes if qualname.startswith(tuple(outers))])

        def earlier(root: Root, chain: tuple[Hop, ...]) -> tuple[bool, Gap | None]:
            key = (root, chain)
            if key not in self.certainty or root.scope in changed or any(hop.scope in changed for hop in chain):
                return False, None
            return True, self.certainty[key]
        return earlier

    def modules_to_suppress(self, replaced: dict[str, ModuleIndex], findings: list[Finding]) -> list[ModuleIndex]:
        """The ``replaced`` modules and those of the files ``findings`` are in: the suppression
        comments of all of them apply to a focused run's findings."""
        modules = dict(replaced)
        for finding in findings:
            module = self.by_path.get(finding.path.absolute())
            if module is not None:
                modules.setdefault(module.name, module)
        return list(modules.values())


def _interface(module: ModuleIndex) -> str:
    """The module's interface digest, kept on its tree (a module is compared on every edit)."""
    tree = module.body_scope.node
    digest = getattr(tree, "_flaskscope_interface", None)
    if digest is None:
        assert isinstance(tree, ast.Module)
        digest = interface_digest(tree)
        tree._flaskscope_interface = digest  # type: ignore[attr-defined]
    return digest


def _context_facts(module: ModuleIndex) -> list[tuple[object, ...]]:
    """What the index read of the contexts inside function bodies that other modules' code depends
    on, and the interface's text does not show: each import with the context around it
    (``with app.app_context(): import x`` gives ``x``'s import-time root that context), the
    contexts a generator yields in (a ``@contextmanager`` helper's ``with`` block in another module),
    the context around each call (``with app.app_context(): cli()``, a Celery base's ``__call__``)
    and the one a function leaves pushed (a ``setUp`` that pushes for the tests of other modules)."""
    return [(qualname, tuple((name, level) for name, level, _ in scope.imports), tuple(scope.yield_levels),
             tuple(call.level for call in scope.calls), scope.exit_level)
            for qualname, scope in module.scopes.items()]


def _is_test_module(name: str) -> bool:
    """A test module or a ``conftest``: what it defines (fixtures, test base classes with ``setUp``)
    sets up tests in other modules, which only a search of those tests can see."""
    last = name.rsplit(".", 1)[-1]
    return last.startswith("test") or last.endswith("_test") or last == "conftest" or ".tests." in f".{name}."


def _lines_of(scope: Scope, lines: list[str]) -> tuple[int, list[str]] | None:
    """Where a function starts and its text: the same text at the same place is the same tree with
    the same positions. None for a module body (it spans the module: taken as changed)."""
    node = scope.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) or node.end_lineno is None:
        return None
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return first, lines[first - 1: node.end_lineno]
