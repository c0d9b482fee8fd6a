"""The context a module's body runs in: the least one among the places that import it.

A module's top-level code runs when it is first imported, in whatever context its importer has
then. ``create_app`` often imports blueprints inside ``with app.app_context():`` so that their
module-level ``current_app.config[...]`` works; such a module is fine as long as nothing imports
it elsewhere without a context. Which import comes first is not known, so the level is the
minimum over every import of the module (or of a module inside it, which imports it first).
A module nothing in the workspace imports is run or imported from outside (``python x.py``,
gunicorn, pytest's collection): no context.
"""

from __future__ import annotations

from flaskscope.index.model import Scope
from flaskscope.levels import Level
from flaskscope.resolve.workspace import Workspace


class ImportLevels:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._sites: dict[str, list[tuple[Scope, Level]]] = {}
        for scope in ws.scopes.values():
            for name, level, _line in scope.imports:
                parts = name.split(".")
                for end in range(1, len(parts) + 1):
                    imported = ".".join(parts[:end])
                    if imported in ws.modules and imported != scope.module:
                        self._sites.setdefault(imported, []).append((scope, level))
        self._levels: dict[str, Level] | None = None

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
