"""pytest and unittest as roots: each test and fixture, and the context pytest runs it in.

A test's level comes from its fixtures (``app.app_context()`` pushed in a fixture it requests,
pytest-flask's autouse request context), its ``setUp``, and what an earlier test's fixture left
pushed (pytest's order: files by path, tests by position). The per-test reasoning is
``pytest_model``'s; this part finds the tests and fixtures of the workspace, keeps each test
module's results (``ModuleTests``) so a focused run works out again only the tests an edit can
change, and adds the roots.
"""

from __future__ import annotations

from typing import Callable, Iterable

from flaskscope.findings import Gap, Root
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.project import Knowledge
from flaskscope.knowledge.testing import FIXTURE_DECORATORS, UNITTEST_CASE_CLASS
from flaskscope.levels import Level
from flaskscope.reach.decorator_levels import decorator_level
from flaskscope.reach.entry_data import ArrangedTest, ModuleTests
from flaskscope.reach.fixture_lookup import declared_name, declares_autouse
from flaskscope.reach.pytest_model import PytestModel
from flaskscope.resolve.resolver import Resolver


class PytestRoots:
    """The workspace's tests and fixtures as roots, with the fixture table the resolver needs first."""

    def __init__(self, resolver: Resolver, knowledge: Knowledge, uses_pytest_flask: bool,
                 add: Callable[[Root], None], fixtures: tuple[dict[str, str], list[str]] | None = None,
                 carried: dict[str, ModuleTests] | None = None) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.knowledge = knowledge
        self._uses_pytest_flask = uses_pytest_flask
        self._add = add  # the finder's: records a root once
        self._fixtures = fixtures  # a whole run's fixture table, for a focused run
        self._fixture_tables: dict[frozenset[str] | None, tuple[dict[str, str], list[str]]] = {}
        self.tests: dict[str, ModuleTests] = dict(carried or {})  # by module name, kept for a focused run

    def fixture_table(self, only: frozenset[str] | None = None) -> tuple[dict[str, str], list[str]]:
        """(fixture name -> qualname, autouse fixture names) of the workspace.

        With ``only`` and a table from a whole run given to the constructor, that table with the
        fixtures of the ``only`` modules found again (a focused run reads no other module).
        Computed once per ``only``: ``EntryFinder.find`` needs it first (the resolver's fixture values), then for roots.
        """
        known = self._fixture_tables.get(only)
        if known is None:
            known = self._fixture_tables[only] = self._find_fixtures(only)
        return known

    def _find_fixtures(self, only: frozenset[str] | None) -> tuple[dict[str, str], list[str]]:
        if self._fixtures is not None and only is not None:
            base, base_autouse = self._fixtures
            fixtures = {name: q for name, q in base.items() if self.ws.scopes.get(q) is not None
                        and self.ws.scopes[q].module not in only}
            autouse = [name for name in base_autouse if name in fixtures]
            scopes: Iterable[Scope] = self.ws.scopes_in(only)
        else:
            fixtures, autouse = {}, []
            scopes = self.ws.scopes.values()
        for scope in scopes:
            if scope.kind != "function" or not scope.decorators:
                continue
            for name, decorator in self.resolver.decorators(scope):
                if name in FIXTURE_DECORATORS:
                    fixture_name = declared_name(decorator, scope.name)
                    if declares_autouse(decorator):
                        autouse.append(fixture_name)
                    fixtures[fixture_name] = scope.qualname
        return fixtures, autouse

    def add_roots(self, only: frozenset[str] | None, edited: frozenset[str]) -> None:
        """Add a root for each test and fixture (of the ``only`` modules, when given); ``edited``: the
        modules a focused run changed, whose tests and the tests that read them are worked out again."""
        fixtures, _autouse = self.fixture_table(only)
        model = PytestModel(self.resolver, fixtures, self._uses_pytest_flask)
        # Every test's level is needed, also in a focused run: a fixture's level, and which tests run
        # after a leaked context, depend on the tests elsewhere. A focused run keeps the levels of the
        # test modules whose sources did not change; roots are added for ``only``'s modules.
        tests: list[tuple[ModuleIndex, ArrangedTest]] = []
        for module in self.ws.modules.values():
            stem = module.path.stem
            if not (stem.startswith("test_") or stem.endswith("_test")):
                continue
            carried = self.tests.get(module.name)
            if only is None or carried is None or carried.consulted & edited:
                carried = self.tests[module.name] = self._work_out_tests(model, module)
            tests.extend((module, arranged) for arranged in carried.tests)
        starts: dict[str, tuple[Level, Gap | None]] = {}  # fixture -> the least context it starts in, and why unsure
        for module, arranged, leaked in self._in_run_order(tests):
            gap = arranged.gap or (leaked if arranged.level is Level.NONE else None)
            if only is None or module.name in only:
                scope = self.ws.scopes[arranged.qualname]
                self._add(Root("pytest", module.path, scope.span.line, arranged.level, "a pytest test",
                               scope.qualname, gap=gap))
            for fixture, level in arranged.fixture_starts:
                # Where it starts with nothing pushed, whatever makes this test unsure makes that unsure too.
                candidate = (level, (arranged.gap or leaked) if level is Level.NONE else None)
                known = starts.get(fixture)
                if known is None or (candidate[0], candidate[1] is not None) < (known[0], known[1] is not None):
                    starts[fixture] = candidate
        # A fixture runs where the tests requesting it set it up: its root starts in the least context
        # any of them gives it. One no test requests never runs as far as the workspace shows.
        for qualname in fixtures.values():
            scope = self.ws.scopes[qualname]
            if only is not None and scope.module not in only:
                continue
            path = self.ws.path_of(scope)
            level, gap = starts.get(qualname) or (Level.NONE, Gap(
                GapKind.UNREQUESTED_FIXTURE.value, path, scope.span.line,
                f"no test in the workspace requests fixture `{scope.name}`"))
            gap = gap or model.fixture_gap(scope)
            level = max(level, decorator_level(self.resolver, self.knowledge, qualname))
            self._add(Root("pytest", path, scope.span.line, level, "a pytest fixture", qualname, gap=gap))

    def _work_out_tests(self, model: PytestModel, module: ModuleIndex) -> ModuleTests:
        """The level of each test of a test module, and what they were read from."""
        tests = []
        consulted: set[str] = {module.name}
        for scope in module.scopes.values():
            if scope.kind != "function" or not scope.name.startswith("test"):
                continue
            if scope.parent != module.body_scope.qualname:
                continue
            if scope.class_qualname is not None:
                klass = self.ws.classes[scope.class_qualname]
                if not (klass.name.startswith("Test") or
                        UNITTEST_CASE_CLASS in self.resolver.external_bases(klass.qualname)):
                    continue
            level, gap = model.test_level(scope)
            # A provider the project declared, decorating the test, raises its level too.
            level = max(level, decorator_level(self.resolver, self.knowledge, scope.qualname))
            tests.append(ArrangedTest(scope.qualname, level, gap, tuple(sorted(model.leaking_fixtures(scope))),
                                      tuple(sorted(model.fixture_starts(scope).items()))))
            consulted |= model.consulted_modules(scope)
        return ModuleTests(tuple(tests), frozenset(consulted))

    def _in_run_order(self, tests: list[tuple[ModuleIndex, ArrangedTest]]
                      ) -> list[tuple[ModuleIndex, ArrangedTest, Gap | None]]:
        """The tests in pytest's order (files by path, tests by position), each with the context an
        earlier test's fixture left pushed (session scope, or never popped), if one did: a test or
        fixture that starts with nothing pushed runs inside it, so it is not certain either way."""
        ordered = sorted(tests, key=lambda t: (t[0].path.parts, self.ws.scopes[t[1].qualname].span.line))
        result = []
        leaked: Gap | None = None
        for module, arranged in ordered:
            result.append((module, arranged, leaked))
            for qualname in arranged.leaking:
                fixture = self.ws.scopes[qualname]
                test = self.ws.scopes[arranged.qualname]
                leaked = leaked or Gap(GapKind.LEAKED_CONTEXT.value, self.ws.path_of(fixture), fixture.span.line,
                                       f"fixture `{fixture.name}` leaves a context pushed after {test.name}")
        return result
