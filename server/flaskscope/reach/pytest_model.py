"""What context a test or a fixture body starts in, the way pytest and unittest really set it up.

pytest runs a test's fixture closure before its body: the fixtures it names as parameters, the
``usefixtures`` marks on it, on its classes (and their bases) and in the module's ``pytestmark``,
``request.getfixturevalue("name")`` calls, and every autouse fixture visible from its module, each
fixture requesting its own. A name is looked up as pytest does: the test's own module (defined or
imported there), then the ``conftest.py`` of its directory and of each directory above, then the
plugin modules a conftest names in ``pytest_plugins``. unittest runs ``setUpClass`` and ``setUp``
through the MRO: a method that calls ``super().setUp()`` (or ``Base.setUp(self)``) runs the base's.

Whatever cannot be seen is a gap, not "no context": a fixture defined nowhere in the workspace (a
plugin's), a computed ``getfixturevalue``, a test base class that does not resolve.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

from flaskscope.findings import Gap
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import ClassInfo, ModuleIndex, Scope
from flaskscope.knowledge import testing as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.levels import Level
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import scope_names

_MAX_SETUP_DEPTH = 4
_MAX_FIXTURE_DEPTH = 64
# pytest sets up the fixtures of a wider scope first (a computed scope counts as the widest).
_SCOPE_RANK = {"session": 0, "package": 1, "module": 2, "class": 3, "function": 4}


class PytestModel:
    def __init__(self, resolver: Resolver, fixtures: dict[str, str], uses_pytest_flask: bool) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.fixture_functions = set(fixtures.values())
        self.uses_pytest_flask = uses_pytest_flask
        self._conftests: dict[str, list[ModuleIndex]] | None = None
        self._plugins: list[ModuleIndex] | None = None
        self._visible: dict[tuple[str, str], str | None] = {}
        self._autouse: dict[str, tuple[str, ...]] = {}
        self._modules_fixtures: dict[str, dict[str, str]] | None = None
        self._starts: dict[str, dict[str, Level]] = {}  # test -> fixture -> the context it starts in there
        self._names: dict[str, set[str]] = {}  # test or fixture -> the fixture names its closure requests
        self._lookup_places: dict[str, list[ModuleIndex]] = {}
        self._closures: dict[str, set[str]] = {}  # test or fixture -> the fixtures its closure runs

    # ---------------------------------------------------------------- levels
    def test_level(self, test: Scope) -> tuple[Level, Gap | None]:
        """The context a test's body starts in, and why that is not certain (if it is not)."""
        module = self.ws.modules[test.module]
        level, gap = Level.NONE, None
        marked = list(self._marked_fixtures(test.decorators))
        if test.class_qualname is not None:
            level, gap = self.class_setup_level(test.class_qualname)
            for info in self.resolver.class_chain(test.class_qualname):
                marked.extend(self._marked_fixtures(info.decorators))
                mark = info.attributes.get("pytestmark")
                if mark is not None and mark.expr is not None:
                    marked.extend(self._marked_fixtures(_listed(mark.expr)))
        mark = module.globals.get("pytestmark")
        if mark is not None and mark.expr is not None:
            marked.extend(self._marked_fixtures(_listed(mark.expr)))
        # pytest's order of the names it starts from: autouse (the outermost conftest's first), marks, parameters.
        names = [*self._autouse_outermost_first(module), *marked, *self._parameters(test)]
        closure_level, closure_gap = self._closure(test, names)
        self._starts[test.qualname] = self._start_levels(test, names, level)
        return max(level, closure_level), gap or closure_gap

    def fixture_starts(self, test: Scope) -> dict[str, Level]:
        """Fixture -> the context it starts in when pytest sets it up for this test (after
        ``test_level``): what the fixture's own root level is made of, kept so a focused run need not
        work the test out again."""
        return self._starts.get(test.qualname, {})

    def consulted_modules(self, test: Scope) -> frozenset[str]:
        """The modules whose text a test's level was read from (after ``test_level``): its own and its
        fixtures' modules, with the conftests and plugins they see, the modules the fixture names it
        requests are imported from, its class chain's and its decorators'. A test none of whose
        modules changed keeps its level."""
        requested = self._names.get(test.qualname, set())
        places = {test.module, *(self.ws.scopes[q].module for q in self._closures.get(test.qualname, ()))}
        consulted: set[str] = set()
        for name in places:
            for module in self._seen_from(self.ws.modules[name]):
                consulted.add(module.name)
                for fixture in requested:
                    binding = module.globals.get(fixture)
                    if binding is not None and binding.kind == "import":
                        imported = self.ws.modules.get(binding.target.rpartition(".")[0])
                        if imported is not None:
                            consulted.add(imported.name)
        if test.class_qualname is not None:
            consulted.update(info.module for info in self.resolver.class_chain(test.class_qualname))
        for name, _ in self.resolver.decorators(test):
            if name in self.ws.scopes:
                consulted.add(self.ws.scopes[name].module)
        return frozenset(consulted)

    def _seen_from(self, module: ModuleIndex) -> list[ModuleIndex]:
        """The modules pytest looks fixtures up in for a test or fixture of ``module``."""
        known = self._lookup_places.get(module.name)
        if known is None:
            known = []
            pending = [module, *self._conftests_above(module), *self.plugins()]
            while pending:
                place = pending.pop()
                if place not in known:
                    known.append(place)
                    pending.extend(self.ws.modules[m] for m in place.star_imports if m in self.ws.modules)
            self._lookup_places[module.name] = known
        return known

    def fixture_gap(self, fixture: Scope) -> Gap | None:
        """What makes a fixture's own requests uncertain (a plugin's fixture, a computed
        ``getfixturevalue``): those run before its body and may push a context."""
        return self._closure(fixture, self._parameters(fixture))[1]

    def _start_levels(self, test: Scope, names: list[str], setup: Level) -> dict[str, Level]:
        """The context each fixture of a test's closure starts in, as pytest sets them up: the closure's
        names in the order they are requested (each fixture's own after the ones before), stably
        sorted by scope (the widest first), each set up after the fixtures it requests. A fixture
        starts inside whatever the ones set up before it hold, and what the class's setup pushed.
        pytest-flask's autouse fixture, the first of function scope, pushes a request context once
        ``app`` is in the closure."""
        found: dict[str, str] = {}  # name -> fixture qualname
        requests: dict[str, list[str]] = {}  # name -> the names it requests
        pending: list[tuple[str, Scope]] = [(name, test) for name in names]
        pending.extend((name, test) for name in self._dynamic_names(test))
        index = 0
        while index < len(pending):
            name, requester = pending[index]
            index += 1
            if name in found or name in table.NEUTRAL_FIXTURES:
                continue
            qualname = self._class_fixture(name, requester) or self.visible(name, self.ws.modules[requester.module])
            if qualname is None or qualname == test.qualname:
                continue
            found[name] = qualname
            fixture = self.ws.scopes[qualname]
            requests[name] = [*self._parameters(fixture), *self._dynamic_names(fixture)]
            pending.extend((param, fixture) for param in requests[name])
        order = sorted(found, key=lambda name: _SCOPE_RANK.get(declared_scope(self.ws.scopes[found[name]]), 0))
        pushes_request = self.uses_pytest_flask and table.PYTEST_FLASK_APP_FIXTURE in found
        held = setup
        starts: dict[str, Level] = {}
        done: set[str] = set()

        def set_up(name: str, depth: int) -> None:
            nonlocal held
            if name in done or name not in found or depth > _MAX_FIXTURE_DEPTH:
                return
            done.add(name)
            for requested in requests[name]:
                set_up(requested, depth + 1)
            fixture = self.ws.scopes[found[name]]
            starts[fixture.qualname] = min(starts.get(fixture.qualname, held), held)
            held = max(held, held_level(fixture))

        for name in order:
            if pushes_request and declared_scope(self.ws.scopes[found[name]]) == "function":
                set_up(table.PYTEST_FLASK_APP_FIXTURE, 0)
                held, pushes_request = max(held, Level.REQUEST), False
            set_up(name, 0)
        return starts

    def _closure(self, start: Scope, names: list[str]) -> tuple[Level, Gap | None]:
        level, gap = Level.NONE, None
        seen: set[str] = set()
        pending: list[tuple[str, Scope]] = [(name, start) for name in names]
        dynamic = self._dynamic(start)
        if dynamic is not None:
            pending.extend((name, start) for name in dynamic[0])
            gap = gap or dynamic[1]
        self._names[start.qualname] = seen
        while pending:
            name, requester = pending.pop()
            if name in seen or name in table.NEUTRAL_FIXTURES:
                continue
            seen.add(name)
            found = self._class_fixture(name, requester) or self.visible(name, self.ws.modules[requester.module])
            if found is None or found == start.qualname:
                if name in table.PYTEST_FLASK_FIXTURES and self.uses_pytest_flask:
                    pending.append((table.PYTEST_FLASK_APP_FIXTURE, requester))  # they all need ``app``
                elif found is None:
                    path = self.ws.modules[start.module].path
                    gap = gap or Gap(GapKind.UNKNOWN_FIXTURE.value, path, start.span.line,
                                     f"fixture `{name}` is not defined in the workspace")
                continue
            if name == table.PYTEST_FLASK_APP_FIXTURE and self.uses_pytest_flask:
                level = max(level, Level.REQUEST)  # pytest-flask's autouse fixture pushes a test request context
            self._closures.setdefault(start.qualname, set()).add(found)
            fixture = self.ws.scopes[found]
            level = max(level, held_level(fixture))
            pending.extend((param, fixture) for param in self._parameters(fixture))
            inner = self._dynamic(fixture)
            if inner is not None:
                pending.extend((param, fixture) for param in inner[0])
                gap = gap or inner[1]
        return level, gap

    def _class_fixture(self, name: str, requester: Scope) -> str | None:
        """A fixture defined as a method of the requester's class or of one of its bases: visible to
        that class's tests (and to its other fixture methods) only."""
        if requester.class_qualname is None:
            return None
        for info in self.resolver.class_chain(requester.class_qualname):
            method = info.methods.get(name)
            if method is not None and method in self.fixture_functions:
                return method
        return None

    def leaking_fixtures(self, test: Scope) -> set[str]:
        """The fixtures of a test's closure whose context outlives the test: one pushed and never popped
        (``ctx.push(); return app``), or held across a ``yield`` by a fixture of a wider scope than the
        test (``scope="session"``: popped when the session ends). Later tests run inside it."""
        leaking = set()
        for qualname in self._closures.get(test.qualname, ()):
            fixture = self.ws.scopes[qualname]
            if fixture.is_generator:
                held = max(fixture.yield_levels, default=Level.NONE)
                if held > Level.NONE and declared_scope(fixture) != "function":
                    leaking.add(qualname)
            elif fixture.exit_level > Level.NONE:
                leaking.add(qualname)
        return leaking

    def _parameters(self, function: Scope) -> list[str]:
        node = function.node
        params = list(function.params)
        if function.class_qualname is not None and params:
            params = params[1:]
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return params
        args = node.args
        defaulted = {a.arg for a in list(args.args)[len(args.args) - len(args.defaults):]}
        defaulted |= {a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None}
        parametrized = self._parametrized(function)
        params = params[_mock_arguments(function.decorators):]  # pytest leaves those to mock.patch
        return [p for p in params if p not in defaulted and p not in parametrized
                and p not in (node.args.vararg.arg if node.args.vararg else "", node.args.kwarg.arg
                              if node.args.kwarg else "")]

    def _parametrized(self, function: Scope) -> set[str]:
        decorators = list(function.decorators)
        if function.class_qualname is not None:
            for info in self.resolver.class_chain(function.class_qualname):
                decorators.extend(info.decorators)
        names: set[str] = set()
        for decorator in decorators:
            if isinstance(decorator, ast.Call) and (dotted_text(decorator.func) or "").endswith("parametrize") \
                    and decorator.args:
                first = decorator.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.update(n.strip() for n in first.value.split(","))
                elif isinstance(first, (ast.List, ast.Tuple)):
                    names.update(str(e.value) for e in first.elts if isinstance(e, ast.Constant))
        return names

    def _marked_fixtures(self, decorators: tuple[ast.expr, ...] | list[ast.expr]) -> list[str]:
        names: list[str] = []
        for decorator in decorators:
            if isinstance(decorator, ast.Call) and (dotted_text(decorator.func) or "").endswith("usefixtures"):
                names.extend(str(a.value) for a in decorator.args if isinstance(a, ast.Constant))
        return names

    def _dynamic_names(self, function: Scope) -> list[str]:
        """The literal names of the body's ``request.getfixturevalue("name")`` calls."""
        dynamic = self._dynamic(function)
        return dynamic[0] if dynamic is not None else []

    def _dynamic(self, function: Scope) -> tuple[list[str], Gap | None] | None:
        """``request.getfixturevalue(...)`` in the body: the literal names, and a gap for any other."""
        names: list[str] = []
        gap = None
        for call in function.calls:
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr in table.DYNAMIC_FIXTURE_METHODS:
                arg = call.node.args[0] if call.node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names.append(arg.value)
                elif gap is None:
                    gap = Gap(GapKind.DYNAMIC_FIXTURE.value, self.ws.modules[function.module].path, call.span.line,
                              "a fixture is pulled in by a name computed at run time")
        return (names, gap) if names or gap else None

    # ------------------------------------------------------------ unittest
    def class_setup_level(self, class_qualname: str) -> tuple[Level, Gap | None]:
        """What ``setUpClass``/``setUp`` (and their pytest-style twins) leave pushed for each test."""
        level = Level.NONE
        chain = self.resolver.class_chain(class_qualname)
        for method in table.SETUP_METHODS:
            level = max(level, self._method_level(chain, 0, method, 0))
        gap = None
        for base in self.resolver.unresolved_bases(class_qualname):
            if level < Level.REQUEST:
                info = chain[0]
                gap = gap or Gap(GapKind.UNRESOLVED_BASE.value, self.ws.modules[info.module].path, info.span.line,
                                 f"base class `{base}` cannot be resolved")
        for base in self.resolver.external_bases(class_qualname):
            if base in table.CONTEXT_TEST_BASES:
                level = max(level, table.CONTEXT_TEST_BASES[base])
            elif base not in table.PLAIN_TEST_BASES and level < Level.REQUEST:
                info = chain[0]
                gap = gap or Gap(GapKind.UNRESOLVED_BASE.value, self.ws.modules[info.module].path, info.span.line,
                                 f"base class `{base}` is not in the workspace")
        return level, gap

    def _method_level(self, chain: list[ClassInfo], start: int, name: str, depth: int) -> Level:
        """The level a method leaves pushed, found from ``chain[start]`` on, following ``super()`` calls."""
        if depth > _MAX_SETUP_DEPTH:
            return Level.NONE
        for index in range(start, len(chain)):
            qualname = chain[index].methods.get(name)
            if qualname is None:
                continue
            scope = self.ws.scopes[qualname]
            level = scope.exit_level
            for call in scope.calls:
                func = call.func
                if not isinstance(func, ast.Attribute):
                    continue
                if func.attr == name and _is_super(func.value):
                    level = max(level, self._method_level(chain, index + 1, name, depth + 1))
                elif func.attr == name:
                    owner = self.resolver.value_of(scope, func.value)
                    if owner.kind == "class":
                        level = max(level, self._method_level(self.resolver.class_chain(owner.name), 0, name,
                                                              depth + 1))
                elif isinstance(func.value, ast.Name) and func.value.id in ("self", "cls") and call.straight:
                    level = max(level, self._method_level(chain, 0, func.attr, depth + 1))
            return level
        return Level.NONE

    # ---------------------------------------------------------- visibility
    def visible(self, name: str, module: ModuleIndex) -> str | None:
        """The fixture ``name`` means in ``module``, as pytest looks it up (None: not in the workspace)."""
        key = (module.name, name)
        if key not in self._visible:
            self._visible[key] = self._look_up(name, module)
        return self._visible[key]

    def _look_up(self, name: str, module: ModuleIndex) -> str | None:
        for place in [module, *self._conftests_above(module), *self.plugins()]:
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
                    self._modules_fixtures.setdefault(scope.module, {})[self._fixture_name(scope)] = qualname
        return self._modules_fixtures

    def _fixture_name(self, scope: Scope) -> str:
        for decorator in scope.decorators:
            name = declared_name(decorator, "")
            if name:
                return name
        return scope.name

    def _autouse_outermost_first(self, module: ModuleIndex) -> tuple[str, ...]:
        """The autouse fixtures visible from ``module`` in pytest's order: plugins', then the outermost
        conftest's, down to the module's own."""
        known = self._autouse.get(module.name)
        if known is None:
            names: list[str] = []
            for place in [*reversed(self.plugins()), *reversed(self._conftests_above(module)), module]:
                for qualname in self._defined_in(place, 0):
                    scope = self.ws.scopes[qualname]
                    if _is_autouse(scope):
                        names.append(self._fixture_name(scope))
            known = self._autouse[module.name] = tuple(dict.fromkeys(names))
        return known

    def _defined_in(self, module: ModuleIndex, depth: int) -> list[str]:
        found = list(self._by_module().get(module.name, {}).values())
        if depth < 3:
            for star in module.star_imports:
                if star in self.ws.modules:
                    found.extend(self._defined_in(self.ws.modules[star], depth + 1))
        return sorted(found)

    def _conftests_above(self, module: ModuleIndex) -> list[ModuleIndex]:
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
                for element in _listed(binding.expr):
                    if isinstance(element, ast.Constant) and isinstance(element.value, str) \
                            and element.value in self.ws.modules:
                        self._plugins.append(self.ws.modules[element.value])
        return self._plugins


def _mock_arguments(decorators: tuple[ast.expr, ...]) -> int:
    """How many leading parameters ``mock.patch`` decorators fill (those given no replacement)."""
    count = 0
    for decorator in decorators:
        if not isinstance(decorator, ast.Call):
            continue
        text = dotted_text(decorator.func) or ""
        if text.endswith("patch.object"):
            given = len(decorator.args) >= 3
        elif text.endswith("patch") and not text.endswith("dict"):
            given = len(decorator.args) >= 2
        else:
            continue
        if not given and not any(k.arg == "new" for k in decorator.keywords):
            count += 1
    return count


def _listed(expr: ast.expr) -> list[ast.expr]:
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


def held_level(fixture: Scope) -> Level:
    """The context a fixture leaves pushed while its requester runs: held across its ``yield``, or
    left pushed by a plain fixture that returns."""
    return max(fixture.yield_levels, default=Level.NONE) if fixture.is_generator else fixture.exit_level


def declared_scope(fixture: Scope) -> str:
    """``@pytest.fixture(scope="session")`` -> "session"; a computed scope counts as a wide one."""
    for decorator in fixture.decorators:
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "scope":
                    value = keyword.value
                    return str(value.value) if isinstance(value, ast.Constant) else "session"
    return "function"


def _is_autouse(scope: Scope) -> bool:
    return any(declares_autouse(decorator) for decorator in scope.decorators)


def _is_super(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super"
