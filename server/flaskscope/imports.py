"""Which workspace modules a module imports, from its import statements alone."""

from __future__ import annotations

from flaskscope.index.model import ModuleIndex


def imported_modules(module: ModuleIndex, known: set[str]) -> set[str]:
    """The workspace modules ``module`` imports (by import statements, in any scope).

    ``import pkg.mod`` and ``from pkg.mod import name`` both count as ``pkg.mod`` (the longest
    prefix that is a workspace module); the packages above it are not added: what they define is
    reached through the names imported, and adding them would pull in every module a package's
    ``__init__`` imports.
    """
    found: set[str] = set()
    for scope in module.scopes.values():
        for binding in scope.locals.values():
            if binding.kind != "import":
                continue
            parts = binding.target.split(".")
            for cut in range(len(parts), 0, -1):
                candidate = ".".join(parts[:cut])
                if candidate in known:
                    found.add(candidate)
                    break
    found.update(star for star in module.star_imports if star in known)
    found.discard(module.name)
    return found
