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

from flaskscope.findings import Gap
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.knowledge import testing as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.levels import Level
from flaskscope.reach.fixture_lookup import FixtureLookup, listed
from flaskscope.reach.unittest_setup import UnittestSetup
from flaskscope.resolve.resolver import Resolver

_MAX_FIXTURE_DEPTH = 64
# pytest sets up the fixtures of a wider scope first (a computed scope counts as the widest).
_SCOPE_RANK = {"session": 0, "package": 1, "module": 2, "class": 3, "function": 4}


class PytestModel:
    def __init__(self, resolver: Resolver, fixtures: dict[str, str], uses_pytest_flask: bool) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.fixture_functions = set(fixtures.values())
        self.uses_pytest_flask = uses_pytest_flask
        self._lookup = FixtureLookup(resolver, self.fixture_functions)
        self._starts: dict[str, dict[str, Level]] = {}  # test -> fixture -> the context it starts in there
        self._names: dict[str, set[str]] = {}  # test or fixture -> the fixture names its closure requests
        self._lookup_places: dict[str, list[ModuleIndex]] = {}
        self._closures: dict[str, set[str]] = {}  # test or fixture -> the fixtures its closure runs
        self._unittest = UnittestSetup(resolver)

    # ---------------------------------------------------------------- levels
    def test_level(self, test: Scope) -> tuple[Level, Gap | None]:
        """The context a test's body starts in, and why that is not certain (if it is not)."""
        module = self.ws.modules[test.module]
        level, gap = Level.NONE, None
        marked = list(self._marked_fixtures(test.decorators))
        if test.class_qualname is not None:
            level, gap = self._unittest.class_setup_level(test.class_qualname)
            for info in self.resolver.class_chain(test.class_qualname):
                marked.extend(self._marked_fixtures(info.decorators))
                mark = info.attributes.get("pytestmark")
                if mark is not None and mark.expr is not None:
                    marked.extend(self._marked_fixtures(listed(mark.expr)))
        mark = module.globals.get("pytestmark")
        if mark is not None and mark.expr is not None:
            marked.extend(self._marked_fixtures(listed(mark.expr)))
        # pytest's order of the names it starts from: autouse (the outermost conftest's first), marks, parameters.
        names = [*self._lookup.autouse_outermost_first(module), *marked, *self._parameters(test)]
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
            pending = [module, *self._lookup.conftests_above(module), *self._lookup.plugins()]
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
            qualname = self._class_fixture(name, requester) \
                or self._lookup.visible(name, self.ws.modules[requester.module])
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
            found = self._class_fixture(name, requester) \
                or self._lookup.visible(name, self.ws.modules[requester.module])
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


