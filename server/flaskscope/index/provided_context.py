"""The context a module's own code provides at a point, read from that module alone.

``with app.app_context():``, ``ctx.push()``, ``if has_request_context():``, ``try/except
RuntimeError`` and ``with client:`` blocks each raise the level the builder records for the code
they cover. Telling them apart needs only the statement and the module's own imports (a guard is
``flask.has_request_context`` however it was imported), never the resolver: this is why the
index can be built, and cached, one module at a time.
"""

from __future__ import annotations

import ast

from flaskscope.index.ast_util import dotted, dotted_text, name_of
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.knowledge.names import canonical
from flaskscope.knowledge.providers import (
    CATCHING_EXCEPTIONS,
    CONTEXT_METHODS,
    GUARD_CALLS,
    TEST_CLIENT_FACTORY_METHOD,
    TEST_CLIENT_REQUEST_METHODS,
)
from flaskscope.knowledge.sinks import SINKS_BY_NAME
from flaskscope.levels import Level


def imported_name(index: ModuleIndex, node: ast.expr, scope: Scope) -> str | None:
    """The canonical imported name of a dotted expression, from this module's imports only."""
    nodes = dotted(node)
    if nodes is None:
        return None
    head = name_of(nodes[0])
    binding = None
    walk: Scope | None = scope
    while walk is not None:
        binding = walk.locals.get(head)
        if binding is not None:
            break
        walk = index.scopes.get(walk.parent) if walk.parent else None
    if binding is None or binding.kind != "import":
        return None
    return canonical(".".join([binding.target, *(name_of(n) for n in nodes[1:])]))


def provided_by(expr: ast.expr) -> Level:
    """The context a ``with`` item pushes: ``app.app_context()``, ``app.test_request_context()``."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        return CONTEXT_METHODS.get(expr.func.attr, Level.NONE)
    return Level.NONE


def pushed_level(index: ModuleIndex, expr: ast.expr, scope: Scope) -> Level | None:
    """``ctx.push()`` raises the level for what follows; ``ctx.pop()`` lowers it again."""
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)):
        return None
    method = expr.func.attr
    if method not in ("push", "pop"):
        return None
    target = expr.func.value
    level = provided_by(target)
    if level is Level.NONE:
        level = context_variable_level(index, target, scope)
    if level is Level.NONE:
        return None
    return level if method == "push" else Level.NONE


def context_variable_level(index: ModuleIndex, target: ast.expr, scope: Scope) -> Level:
    """The context a stored context object pushes (``ctx``, ``self.ctx``), by where it was made."""
    if isinstance(target, ast.Name):
        binding = scope.locals.get(target.id)
        if binding is None and scope.kind == "function":  # a module-level ``ctx = app.app_context()``
            binding = index.body_scope.locals.get(target.id)
        if binding is not None and binding.kind == "assign" and binding.expr is not None:
            return provided_by(binding.expr)
    text = dotted_text(target)
    if text and "." in text:
        # ``cls.ctx = cls.app.app_context()`` earlier in this scope (setUpClass), whatever the class says
        for assigning, owner, attr, value in reversed(index.attribute_assignments):
            if assigning == scope.qualname and f"{dotted_text(owner)}.{attr}" == text:
                return provided_by(value)
    if text and scope.class_qualname and "." in text:
        info = index.classes.get(scope.class_qualname)
        binding = info.attributes.get(text.split(".", 1)[1]) if info else None
        if binding is not None and binding.expr is not None:
            return provided_by(binding.expr)
    return Level.NONE


def guard_of(index: ModuleIndex, test: ast.expr, scope: Scope) -> tuple[Level, bool]:
    """(level the test proves when true, whether the test is negated)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        level, negated = guard_of(index, test.operand, scope)
        return level, not negated
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return max((guard_of(index, v, scope)[0] for v in test.values if not guard_of(index, v, scope)[1]),
                   default=Level.NONE), False
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        # ``if not g or not hasattr(g, "user"): return``: false only when every part is, so each
        # negated guard's context holds past it.
        return max((guard_of(index, v, scope)[0] for v in test.values if guard_of(index, v, scope)[1]),
                   default=Level.NONE), True
    if isinstance(test, ast.Call):
        name = imported_name(index, test.func, scope)
        if name in GUARD_CALLS:
            return GUARD_CALLS[name], False
        if is_bool_call(test) and test.args:
            return guard_of(index, test.args[0], scope)
        return Level.NONE, False
    name = imported_name(index, test, scope)
    sink = SINKS_BY_NAME.get(name or "")
    if sink is not None and sink.is_proxy:
        return sink.needs, False  # an unbound proxy is falsy: ``if request:`` proves a request
    return Level.NONE, False


def is_bool_call(node: ast.Call) -> bool:
    """``bool(x)``: as true as ``x``, so a guard inside still proves its context."""
    return isinstance(node.func, ast.Name) and node.func.id == "bool"


def catches_context_error(handler: ast.ExceptHandler) -> bool:
    """An ``except`` that catches the ``RuntimeError`` a missing context raises (or everything)."""
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(dotted_text(t) in CATCHING_EXCEPTIONS for t in types)


def bound_test_clients(stmt: ast.With | ast.AsyncWith) -> set[str]:
    """Names bound to a test client by ``with client:`` or ``with app.test_client() as c:``."""
    names = set()
    for item in stmt.items:
        expr = item.context_expr
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) \
                and expr.func.attr == TEST_CLIENT_FACTORY_METHOD and isinstance(item.optional_vars, ast.Name):
            names.add(item.optional_vars.id)
        elif not isinstance(expr, ast.Call) and (text := dotted_text(expr)) is not None \
                and "client" in text.rsplit(".", 1)[-1].lower():
            names.add(text)
            if isinstance(item.optional_vars, ast.Name):  # ``with client as c:``: entering gives the client
                names.add(item.optional_vars.id)
    return names


def makes_client_request(stmt: ast.stmt, clients: set[str]) -> bool:
    """A request through one of ``clients``: inside ``with client:`` its request context stays pushed."""
    for node in ast.walk(stmt):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in TEST_CLIENT_REQUEST_METHODS and dotted_text(node.func.value) in clients:
            return True
    return False
