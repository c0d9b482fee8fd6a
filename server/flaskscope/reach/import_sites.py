"""The context a module's body runs in: the least one among the places that import it.

A module's top-level code runs when it is first imported, in whatever context its importer has
then. ``create_app`` often imports blueprints inside ``with app.app_context():`` so that their
module-level ``current_app.config[...]`` works; such a module is fine as long as nothing imports
it elsewhere without a context. Which import comes first is not known, so the level is the
minimum over every import of the module (or of a module inside it, which imports it first).
A module nothing in the workspace imports is run or imported from outside (``python x.py``,
gunicorn, pytest's collection): no context.

A module imported only inside functions (``def register(app): from .filters import x``), or
only by modules that are, runs when those functions run: it is *reached by import*. It gets no
import-time root of its own; the search enters its body from the import, with the context the
function has there (``Search``), so ``create_app`` importing it inside ``with app.app_context():``
is fine and a thread target importing it is not.
"""

from __future__ import annotations

from typing import AbstractSet, Callable

from flaskscope.index.model import Scope
from flaskscope.levels import Level
from flaskscope.resolve.workspace import Workspace


class ImportLevels:
    def __init__(self, ws: Workspace, loaded_from_outside: Callable[[str], bool] = lambda module: True,
                 reached: Callable[[], AbstractSet[str]] = frozenset) -> None:
        """``loaded_from_outside``: whether a module nothing in the workspace imports is one a server,
        worker, tool or test run loads (an entry), rather than dead code or a plugin loaded by name.
        ``reached``: the modules reached by import (``reached_by_import``, as the run knows it when
        levels are first asked for): their bodies run in the context of the function importing them."""
        self.ws = ws
        self._loaded_from_outside = loaded_from_outside
        self._reached = reached
        self._sites: dict[str, list[tuple[Scope, Level]]] = {}
        self._lines: dict[tuple[str, str], int] = {}  # (imported module, importing scope) -> a line
        for scope in ws.scopes.values():
            for name, level, line in scope.imports:
                for imported in imported_modules(ws, name, scope.module):
                    self._sites.setdefault(imported, []).append((scope, level))
                    self._lines.setdefault((imported, scope.qualname), line)
        self._levels: dict[str, Level] | None = None
        # module -> why its least level is not certain: (scope, line, what)
        self._uncertain: dict[str, tuple[str, int, str]] = {}

    def reached_by_import(self, run_by_workspace: Callable[[Scope], bool],
                          loaded_by_name: Callable[[str], bool]) -> frozenset[str]:
        """Modules whose every top-level importer is reached by import too, whose every importing
        function is one the workspace runs (``run_by_workspace``: it has callers, or is a root), and
        that some such function imports (directly, or through such importers). The first condition
        is a greatest fixed point (a package and its submodules import each other); a function
        nothing runs is run from outside (``create_app`` by ``flask --app``), with no context known;
        the last keeps out an import cycle nothing in the workspace runs. A module servers or
        workers load by name (``loaded_by_name``) runs on its own import whoever imports it."""
        candidates = {module for module, sites in self._sites.items() if not loaded_by_name(module)
                      and all(scope.kind == "module" or run_by_workspace(scope) for scope, _ in sites)}
        changed = True
        while changed:
            changed = False
            for module in list(candidates):
                if any(scope.kind == "module" and scope.module not in candidates for scope, _ in self._sites[module]):
                    candidates.discard(module)
                    changed = True
        reached = {module for module in candidates if any(scope.kind != "module" for scope, _ in self._sites[module])}
        importers_of = {module: {scope.module for scope, _ in self._sites[module] if scope.kind == "module"}
                        for module in candidates}
        grown = True
        while grown:
            grown = False
            for module in candidates - reached:
                if importers_of[module] & reached:
                    reached.add(module)
                    grown = True
        return frozenset(reached)

    def level_of(self, module: str) -> Level:
        """The context ``module``'s body is certain to run in when it is imported."""
        if self._levels is None:
            self._levels = self._solve()
        return self._levels.get(module, Level.NONE)

    def uncertain_importer(self, module: str) -> tuple[str, int, str] | None:
        """Why ``module``'s level is not certain, when it is not: the least level comes only from an
        import in a function (which counts with the context the function pushes, but runs in its
        caller's: a property a template reads, a helper a view calls) while other imports give
        more, or from a module nothing imports that is not an entry (dead code, or a plugin loaded
        by name). Which import runs the module first, and in what context, is then not known:
        (scope, line, what)."""
        self.level_of(module)
        return self._uncertain.get(module)

    def _solve(self) -> dict[str, Level]:
        """Every module's level, importers first. The modules of an import cycle (a package whose
        ``__init__`` imports submodules that import it back) run in one import: whichever of them is
        imported first from outside the cycle runs the rest before it returns, in that importer's
        context. So a cycle's level is the least its *outside* importers give; a cycle nothing
        outside imports is run from outside the workspace, with no context."""
        levels: dict[str, Level] = {}
        reached = self._reached()
        for component in _cycles_importers_first(self._sites):
            members = set(component)
            known: list[Level] = []  # imports whose context is certain: at top level of a module
            in_functions: list[tuple[Level, str, int, str]] = []  # the least their function's context is
            inherited: list[tuple[Level, str, int, str]] = []  # from an importer whose own level is a bound
            for module in component:
                for scope, at in self._sites.get(module, ()):
                    if scope.kind == "module" and scope.module in members:
                        continue
                    if scope.kind == "script":  # a ``__main__`` block runs from ``python x.py``: no context
                        known.append(at)
                    elif scope.kind != "module" or scope.module in reached:
                        importer = f"`{scope.name}`" if scope.kind != "module" else \
                            f"`{scope.module}` (itself imported in functions)"
                        in_functions.append((at, scope.qualname, self._lines.get((module, scope.qualname), 0),
                                             f"{importer} imports `{module}`, in its caller's context"))
                    else:
                        level = max(at, levels.get(scope.module, Level.NONE))
                        bound = self._uncertain.get(scope.module)
                        if bound is not None and level <= levels.get(scope.module, Level.NONE):
                            inherited.append((level, *bound))
                        else:
                            known.append(level)
            if not known and not in_functions and not inherited \
                    and not any(self._loaded_from_outside(m) for m in component):
                inherited.append((Level.NONE, f"{component[0]}.<module>", 1,
                                  f"nothing in the workspace imports `{component[0]}`"))
            every = [*known, *(b[0] for b in in_functions), *(b[0] for b in inherited)]
            level = min(every, default=Level.NONE)
            witness = None
            if level not in known:
                witness = next((b for b in inherited if b[0] == level), None)
                if witness is None and max(every, default=level) > level:
                    # Imports disagree, and only one in a function gives the least: top-level imports
                    # run at start-up, a function's when it is called (usually later, in whatever
                    # context its caller has), so that one is not known to come first.
                    witness = next((b for b in in_functions if b[0] == level), None)
            for module in component:
                levels[module] = level
                if witness is not None:
                    self._uncertain[module] = witness[1:]
        return levels


def _cycles_importers_first(sites: dict[str, list[tuple[Scope, Level]]]) -> list[list[str]]:
    """The strongly connected sets of the module-level import graph (Tarjan's, iterative so a long
    chain of imports costs no recursion depth), each after every set that imports it."""
    imports: dict[str, list[str]] = {}
    for module, importers in sites.items():
        for scope, _ in importers:
            if scope.kind == "module":
                imports.setdefault(scope.module, []).append(module)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(set(sites) | set(imports)):
        if start in order:
            continue
        work = [(start, iter(imports.get(start, ())))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            advanced = False
            for target in edges:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(imports.get(target, ()))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], order[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    found.reverse()  # Tarjan's finds a set after everything it imports; importers first is the reverse
    return found


def imported_modules(ws: Workspace, name: str, importer: str) -> list[str]:
    """The workspace modules an import of ``name`` runs (``a.b.c``: ``a``, ``a.b``, ``a.b.c``), less the
    packages around the importer: Python imported those before it could import the importer."""
    parts = name.split(".")
    found = []
    for end in range(1, len(parts) + 1):
        imported = ".".join(parts[:end])
        if imported in ws.modules and imported != importer and not importer.startswith(imported + ".") \
                and ws.importable(importer, imported):
            found.append(imported)
    return found
