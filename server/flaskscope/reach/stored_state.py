"""When a reached line runs only after something stored an attribute on ``g`` in the same context.

``g`` is empty in every new app context: a thread that pushes one, a CLI command, a task. Code
that tests ``hasattr(g, "user")``, ``"user" in g``, ``g.get("user")`` or reads ``g.user`` before
going on runs what follows only where some earlier code of that context stored the attribute,
usually a ``before_request`` hook, so usually only in a request. Which code stored it, and whether
it runs in the root's context, is not followed here: a line behind such a guard is not certain to
run from a root that brings no request (``certainty`` makes it a gap).

The guards read are the tests a line runs under: the ``if``/``while`` around it, an
``if test: return`` (or ``raise``, ``continue``, ``break``) before it in an enclosing block, and the
``and``/``or``/``x if c else y`` operands before its use in its own statement. A fallback taken when
the attribute is absent (``getattr(g, "user", None) or request.remote_addr``) needs nothing stored,
and is not such a line.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from flaskscope.reach.branches import MAX_NODES, contains, leaves, node_count, operands_before, use_paths

IsGlobals = Callable[[ast.expr], bool]  # is this expression ``flask.g``?
_FALSY_CONSTANTS = (None, False, 0, "")


def needs_stored_attribute(function: ast.AST, line: int, name: str, is_globals: IsGlobals) -> str | None:
    """The attribute of ``g`` that must have been stored for ``line`` (where ``name`` is used) to
    run when ``function`` runs, with the guard that says so; None if no guard needs one."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            or node_count(function) > MAX_NODES:
        return None
    for test, wanted, at in _guards(function.body, line, name):
        attribute = _requires(test, wanted, is_globals)
        if attribute is not None:
            return f"line {line} runs only if `g.{attribute}` was stored earlier in the same context (line {at})"
    return None


def _guards(body: list[ast.stmt], line: int, name: str) -> Iterator[tuple[ast.expr, bool, int]]:
    """Each (test, the value it must have, its line) that ``line`` runs under."""
    while True:
        for stmt in body:
            if contains(stmt, line):
                break
            if isinstance(stmt, ast.If) and not stmt.orelse and leaves(stmt.body):
                yield stmt.test, False, stmt.lineno
        else:
            return
        if isinstance(stmt, (ast.If, ast.While)):
            if stmt.test.lineno <= line <= (stmt.test.end_lineno or stmt.test.lineno):
                yield from _operand_guards(stmt, line, name)
                return
            in_body = any(contains(s, line) for s in stmt.body)
            yield stmt.test, in_body, stmt.lineno
            body = stmt.body if in_body else stmt.orelse
            continue
        blocks = [getattr(stmt, field, None) or [] for field in ("body", "orelse", "finalbody")]
        blocks += [handler.body for handler in getattr(stmt, "handlers", [])]
        blocks += [case.body for case in getattr(stmt, "cases", [])]
        inner = next((block for block in blocks if any(contains(s, line) for s in block)), None)
        if inner is None or isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield from _operand_guards(stmt, line, name)
            return
        body = inner


def _operand_guards(stmt: ast.stmt, line: int, name: str) -> Iterator[tuple[ast.expr, bool, int]]:
    """The operands every use of ``name`` on ``line`` waits on, when all the uses wait on one."""
    paths = use_paths(stmt, line, name)
    if len(paths) != 1:
        return  # several uses: one of them may run unguarded
    for node, parent in paths[0]:
        if isinstance(parent, ast.IfExp) and node is not parent.test:
            yield parent.test, node is parent.body, parent.lineno
        elif isinstance(parent, ast.BoolOp) and node is not parent.values[0]:
            wanted = isinstance(parent.op, ast.And)  # ``and`` goes on while true, ``or`` while false
            for operand in operands_before(parent, node):
                yield operand, wanted, parent.lineno


def _requires(test: ast.expr, wanted: bool, is_globals: IsGlobals) -> str | None:
    """The attribute of ``g`` that ``test`` having the truth ``wanted`` proves was stored."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _requires(test.operand, not wanted, is_globals)
    if isinstance(test, ast.BoolOp):
        every_operand_decides = wanted == isinstance(test.op, ast.And)  # true ``and``, false ``or``
        if every_operand_decides:
            return next((a for a in (_requires(v, wanted, is_globals) for v in test.values) if a), None)
        return _read(test.values[0], is_globals)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return _compared(test, wanted, is_globals)
    if wanted:
        presence = _presence_test(test, is_globals)
        if presence is not None:
            return presence
    return _read(test, is_globals)


def _compared(test: ast.Compare, wanted: bool, is_globals: IsGlobals) -> str | None:
    op, left, right = test.ops[0], test.left, test.comparators[0]
    if isinstance(op, (ast.In, ast.NotIn)) and is_globals(right) and isinstance(left, ast.Constant) \
            and isinstance(left.value, str):
        return left.value if wanted == isinstance(op, ast.In) else None
    if isinstance(op, (ast.Is, ast.IsNot)) and isinstance(right, ast.Constant) and right.value is None:
        if wanted == isinstance(op, ast.IsNot):
            presence = _presence_test(left, is_globals)
            if presence is not None:
                return presence
    return _read(left, is_globals)


def _presence_test(test: ast.expr, is_globals: IsGlobals) -> str | None:
    """``hasattr(g, "x")``, ``getattr(g, "x", None)``, ``g.get("x")``: true only when ``x`` was stored
    (a stored falsy value aside, which is still a stored value)."""
    if not isinstance(test, ast.Call) or test.keywords:
        return None
    func, args = test.func, test.args
    if isinstance(func, ast.Name) and func.id in ("hasattr", "getattr") and len(args) >= 2 \
            and is_globals(args[0]) and _string(args[1]) is not None:
        if func.id == "hasattr" and len(args) == 2:
            return _string(args[1])
        if func.id == "getattr" and len(args) == 3 and _falsy_constant(args[2]):
            return _string(args[1])
        return None
    if isinstance(func, ast.Attribute) and func.attr == "get" and is_globals(func.value) and args \
            and _string(args[0]) is not None and (len(args) == 1 or _falsy_constant(args[1])):
        return _string(args[0])
    return None


def _read(expr: ast.expr, is_globals: IsGlobals) -> str | None:
    """``g.x`` read as the expression (or the receiver of a call, an attribute or a subscript on it):
    reading an attribute nothing stored raises ``AttributeError``, so what follows never runs."""
    if isinstance(expr, ast.UnaryOp):
        expr = expr.operand
    while isinstance(expr, (ast.Call, ast.Subscript)) or (
            isinstance(expr, ast.Attribute) and not is_globals(expr.value)):
        expr = expr.func if isinstance(expr, ast.Call) else expr.value
    if isinstance(expr, ast.Attribute) and is_globals(expr.value) and not expr.attr.startswith("_") \
            and expr.attr not in ("get", "pop", "setdefault"):
        return expr.attr
    return None


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _falsy_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and any(node.value is c or node.value == c and type(node.value) is type(c)
                                                  for c in _FALSY_CONSTANTS)
