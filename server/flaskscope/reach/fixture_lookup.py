"""Which fixture a name means where a test is, the way pytest looks it up.

The test's own module (defined there, or imported, or star-imported), then the ``conftest.py`` of
its directory and of each directory above (each its own module), then the plugin modules a
conftest names in ``pytest_plugins``; autouse fixtures are those visible from the module, the
outermost first.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import scope_names


class FixtureLookup:
    def __init__(self, resolver: Resolver, fixture_functions: set[str]) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.fixture_functions = fixture_functions
        self._conftests: dict[str, list[ModuleIndex]] | None = None
        self._plugins: list[ModuleIndex] | None = None
        self._visible: dict[tuple[str, str], str | None] = {}
        self._autouse: dict[str, tuple[str, ...]] = {}
        self._modules_fixtures: dict[str, dict[str, str]] | None = None

    def visible(self, name: str, module: ModuleIndex) -> str | None:
        """The fixture ``name`` means in ``module``, as pytest looks it up (None: not in the workspace)."""
        key = (module.name, name)
        if key not in self._visible:
            self._visible[key] = self._look_up(name, module)
        return self._visible[key]

    def _look_up(self, name: str, module: ModuleIndex) -> str | None:
        for place in [module, *self.conftests_above(module), *self.plugins()]:
            found = self._fixture_in(place, name, 0)
            if found is not None:
                return found
        return None

    def _fixture_in(self, module: ModuleIndex, name: str, depth: int) -> str | None:
        binding = module.globals.get(name)
        if binding is not None:
            value = self.resolver.lookup(module.body_scope, name)
            for qualname in scope_names(value):
                if qualname in self.fixture_functions:
                    return qualname
        defined = self._by_module().get(module.name, {}).get(name)
        if defined is not None:
            return defined
        if depth < 3:
            for star in module.star_imports:
                imported = self.ws.modules.get(star)
                if imported is not None:
                    found = self._fixture_in(imported, name, depth + 1)
                    if found is not None:
                        return found
        return None

    def _by_module(self) -> dict[str, dict[str, str]]:
        """Module -> fixture name -> function, for the fixtures defined at a module's top level."""
        if self._modules_fixtures is None:
            self._modules_fixtures = {}
            for qualname in sorted(self.fixture_functions):
                scope = self.ws.scopes[qualname]
                if scope.parent == self.ws.modules[scope.module].body_scope.qualname:
                    self._modules_fixtures.setdefault(scope.module, {})[self.fixture_name(scope)] = qualname
        return self._modules_fixtures

    def fixture_name(self, scope: Scope) -> str:
        for decorator in scope.decorators:
            name = declared_name(decorator, "")
            if name:
                return name
        return scope.name

    def autouse_outermost_first(self, module: ModuleIndex) -> tuple[str, ...]:
        """The autouse fixtures visible from ``module`` in pytest's order: plugins', then the outermost
        conftest's, down to the module's own."""
        known = self._autouse.get(module.name)
        if known is None:
            names: list[str] = []
            for place in [*reversed(self.plugins()), *reversed(self.conftests_above(module)), module]:
                for qualname in self._defined_in(place, 0):
                    scope = self.ws.scopes[qualname]
                    if is_autouse(scope):
                        names.append(self.fixture_name(scope))
            known = self._autouse[module.name] = tuple(dict.fromkeys(names))
        return known

    def _defined_in(self, module: ModuleIndex, depth: int) -> list[str]:
        found = list(self._by_module().get(module.name, {}).values())
        if depth < 3:
            for star in module.star_imports:
                if star in self.ws.modules:
                    found.extend(self._defined_in(self.ws.modules[star], depth + 1))
        return sorted(found)

    def conftests_above(self, module: ModuleIndex) -> list[ModuleIndex]:
        if self._conftests is None:
            self._conftests = {}
            for candidate in self.ws.modules.values():
                if candidate.path.name == "conftest.py":
                    directory = os.path.dirname(os.path.abspath(candidate.path))
                    self._conftests.setdefault(directory, []).append(candidate)
        found: list[ModuleIndex] = []
        directory = os.path.dirname(os.path.abspath(module.path))
        while True:
            found.extend(c for c in self._conftests.get(directory, ()) if c is not module)
            parent = os.path.dirname(directory)
            if parent == directory:
                return found
            directory = parent

    def plugins(self) -> list[ModuleIndex]:
        """Workspace modules named by a ``pytest_plugins = [...]`` of any conftest."""
        if self._plugins is None:
            self._plugins = []
            for module in self.ws.modules.values():
                binding = module.globals.get("pytest_plugins")
                if binding is None or binding.expr is None or Path(module.path).name != "conftest.py":
                    continue
                for element in listed(binding.expr):
                    if isinstance(element, ast.Constant) and isinstance(element.value, str) \
                            and element.value in self.ws.modules:
                        self._plugins.append(self.ws.modules[element.value])
        return self._plugins


def listed(expr: ast.expr) -> list[ast.expr]:
    """The elements of a list or tuple literal, or the expression alone."""
    if isinstance(expr, (ast.List, ast.Tuple)):
        return list(expr.elts)
    return [expr]


def declared_name(decorator: ast.expr, default: str) -> str:
    """The fixture name a ``@pytest.fixture(name=...)`` gives, else ``default``."""
    if isinstance(decorator, ast.Call):
        for keyword in decorator.keywords:
            if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                return str(keyword.value.value)
    return default


def declares_autouse(decorator: ast.expr) -> bool:
    """``@pytest.fixture(autouse=True)``."""
    return isinstance(decorator, ast.Call) and any(
        k.arg == "autouse" and isinstance(k.value, ast.Constant) and bool(k.value.value) for k in decorator.keywords)


def is_autouse(scope: Scope) -> bool:
    return any(declares_autouse(decorator) for decorator in scope.decorators)
