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

from typing import Callable

from flaskscope.index.model import Scope
from flaskscope.levels import Level
from flaskscope.resolve.workspace import Workspace


class ImportLevels:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._sites: dict[str, list[tuple[Scope, Level]]] = {}
        for scope in ws.scopes.values():
            for name, level, _line in scope.imports:
                for imported in imported_modules(ws, name, scope.module):
                    self._sites.setdefault(imported, []).append((scope, level))
        self._levels: dict[str, Level] | None = None

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

    def _solve(self) -> dict[str, Level]:
        """Every module's level, from the least up: each starts at no context and rises while every
        import of it is at a higher one. Import cycles stay at what their outside importers give
        (the least answer: which import of a cycle runs first is not known). Iterative, so a long
        chain of imports costs passes, not recursion depth."""
        levels = {module: Level.NONE for module in self._sites}
        changed = True
        while changed:
            changed = False
            for module, sites in self._sites.items():
                level = min(max(at, levels.get(scope.module, Level.NONE)) if scope.kind == "module" else at
                            for scope, at in sites)
                if level > levels[module]:
                    levels[module] = level
                    changed = True
        return levels


def imported_modules(ws: Workspace, name: str, importer: str) -> list[str]:
    """The workspace modules an import of ``name`` runs (``a.b.c``: ``a``, ``a.b``, ``a.b.c``)."""
    parts = name.split(".")
    found = []
    for end in range(1, len(parts) + 1):
        imported = ".".join(parts[:end])
        if imported in ws.modules and imported != importer:
            found.append(imported)
    return found
