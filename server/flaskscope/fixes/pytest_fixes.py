"""Fix idioms for pytest tests and fixtures: the project's own ``app`` fixture, or the app a fixture
the test already requests builds."""

from __future__ import annotations

import ast
from dataclasses import replace

from flaskscope.edits import Fix, TextEdit
from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.app_source import FLASK
from flaskscope.fixes.context import FixContext, context_method, wrap_in_scope
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.levels import Level
from flaskscope.reach.pytest_model import declared_scope, held_level


def pytest_app_fixture(ctx: FixContext, finding: Finding) -> Fix | None:
    """A test without a context: request the project's ``app`` fixture and push its context."""
    entry = ctx.scope(finding.root.scope)
    if entry is None or not isinstance(entry.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    if entry.class_qualname is not None and ctx.resolver.external_bases(entry.class_qualname):
        return None  # a unittest.TestCase method: pytest hands it no fixtures as parameters
    module = ctx.module(entry.qualname)
    pusher = _pushing_fixture(ctx, module, entry, finding.needs) if entry.qualname in ctx.fixture_functions() else None
    if pusher is not None:
        # A fixture set up before the one that pushes (listed first, or a narrower scope): requesting
        # the pusher makes pytest set it up first, in the same context the tests share.
        parameter = text.add_last_parameter(module, entry.node, pusher.name)
        return Fix(f"Request the `{pusher.name}` fixture, which pushes the context",
                   (parameter,)) if parameter is not None else None
    if "app" not in ctx.fixture_names():
        return None
    method = context_method(ctx, finding)
    hop = next((h for h in finding.chain if h.scope == entry.qualname), None)
    for name in entry.params:
        fixture = _visible_fixture(ctx, module, name)
        if name == "app" or fixture is None or not _builds_an_app(ctx, fixture):
            continue
        if ctx.resolver.return_value(fixture.qualname) != FLASK or hop is None:
            return None  # the test's own app is one a fixture builds and keeps: the author picks its context
        wrapped = wrap_in_scope(ctx, entry, hop.line, f"with {name}.{method}():", None)
        return Fix(f"Wrap in `with {name}.{method}():`", tuple(wrapped)) if wrapped else None
    edits: list[TextEdit] = []
    if "app" not in entry.params:
        parameter = text.add_last_parameter(module, entry.node, "app")
        if parameter is None:
            return None
        edits.append(parameter)
    holder = _app_fixture_holding(ctx, module, finding.needs)
    if holder is not None:
        # ``with app.app_context(): yield app``: the fixture's context is the test's; another one pushed
        # in the test would get its own database session, without the data the fixtures added. Held for
        # a whole session, tests build on it through other fixtures (a database, its data): which of
        # them the test needs is its author's choice.
        if declared_scope(holder) != "function" or not edits:
            return None
        return Fix("Request the `app` fixture, which pushes the context", tuple(edits))
    if hop is None:
        return None
    wrapped = wrap_in_scope(ctx, entry, hop.line, f"with app.{method}():", None)
    if not wrapped:
        return None
    if entry.qualname in ctx.fixture_functions() and not entry.is_generator:
        # A fixture's value outlives its body: ``return`` it from inside the ``with`` and the test gets
        # a database object whose context is gone. ``yield`` keeps the context for the test.
        wrapped = _yield_instead_of_return(entry, wrapped)
        if wrapped is None:
            return None
    return Fix(f"Use the `app` fixture and wrap in `with app.{method}():`",
               tuple(edits + wrapped))


def _yield_instead_of_return(fixture: Scope, wrapped: list[TextEdit]) -> list[TextEdit] | None:
    """The wrap's edits with the fixture's one ``return`` (its last statement) made a ``yield``;
    None when the fixture returns elsewhere too (a ``yield`` there would change what it gives)."""
    node = fixture.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
    if not returns:
        return wrapped
    if len(returns) != 1 or node.body[-1] is not returns[0] or returns[0].value is None:
        return None
    last = wrapped[-1]
    lines = last.new_text.split("\n")
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].lstrip()
        if stripped.startswith("return ") or stripped == "return":
            lines[index] = lines[index][: len(lines[index]) - len(stripped)] + "yield" + stripped[len("return"):]
            return [*wrapped[:-1], replace(last, new_text="\n".join(lines))]
    return None


def _app_fixture_holding(ctx: FixContext, module: ModuleIndex, needs: Level) -> Scope | None:
    """The ``app`` fixture a test of ``module`` gets, if it keeps a context of ``needs`` pushed
    while the test runs."""
    fixture = _visible_fixture(ctx, module, "app")
    if fixture is None:
        return None
    return fixture if held_level(fixture) >= needs else None


def _pushing_fixture(ctx: FixContext, module: ModuleIndex, entry: Scope, needs: Level) -> Scope | None:
    """The one function-scoped fixture visible from ``module`` that keeps a context of ``needs``
    pushed while its requesters run (``with app.app_context(): yield``) and does not itself need
    ``entry``; None when there is none, or several (which one is the author's choice)."""
    found = []
    for name in sorted(ctx.fixture_names()):
        fixture = _visible_fixture(ctx, module, name)
        if fixture is None or fixture.qualname == entry.qualname or name in entry.params:
            continue
        if held_level(fixture) >= needs and declared_scope(fixture) == "function" \
                and not _requests(ctx, module, fixture, entry.name, 0):
            found.append(fixture)
    return found[0] if len(found) == 1 else None


def _requests(ctx: FixContext, module: ModuleIndex, fixture: Scope, name: str, depth: int) -> bool:
    """Does ``fixture`` request the fixture ``name``, itself or through the fixtures it requests?"""
    if name in fixture.params:
        return True
    if depth > 8:
        return True  # too deep to tell: count it as a cycle, and offer nothing
    return any(_requests(ctx, module, requested, name, depth + 1)
               for param in fixture.params if (requested := _visible_fixture(ctx, module, param)) is not None)


def _builds_an_app(ctx: FixContext, fixture: Scope) -> bool:
    """The fixture makes a Flask app of its own (``create_app({...})``, ``Flask(__name__)``)."""
    return any(ctx.resolver.value_of(fixture, call.node) == FLASK for call in fixture.calls)


def _visible_fixture(ctx: FixContext, module: ModuleIndex, name: str) -> Scope | None:
    """The fixture ``name`` a test of ``module`` gets: its own module's, else the nearest conftest's."""
    candidates = [ctx.ws.scopes[q] for q in sorted(ctx.fixture_functions()) if ctx.ws.scopes[q].name == name
                  and ctx.ws.scopes[q].parent == ctx.ws.modules[ctx.ws.scopes[q].module].body_scope.qualname]
    place = module.path.absolute()
    nearest: tuple[int, Scope] | None = None
    for fixture in candidates:
        where = ctx.ws.modules[fixture.module].path.absolute()
        if where == place or (where.name == "conftest.py" and where.parent in place.parents):
            depth = len(where.parts) + (1 if where == place else 0)
            if nearest is None or depth > nearest[0]:
                nearest = (depth, fixture)
    return nearest[1] if nearest is not None else None
