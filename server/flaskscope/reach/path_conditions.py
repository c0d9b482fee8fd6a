"""When a reached line is not certain to run, even where no argument rules its branch out.

- **A test is one run.** A pytest root runs one path with fixed inputs: a hop in an ``except``
  block, a ``case``, or a branch its arguments do not show is taken is not certainly on that path
  (``runs_only_if``).
- **A default the caller overrides.** A sink that only computes a parameter's default
  (``path or current_app.config[...]``, ``if app is None: app = current_app``) does not run for a
  call that passes the parameter, whatever its value (``computes_default_of``).

``certainty`` asks these per hop, with the bindings the chain's constant arguments give
(``branches``).
"""

from __future__ import annotations

import ast
from typing import Any

from flaskscope.reach.branches import (
    MAX_NODES,
    NOT_NONE,
    assignments_to,
    contains,
    evaluate,
    innermost_statement,
    known,
    node_count,
    operands_before,
    use_paths,
)


def runs_only_if(function: ast.AST, line: int, name: str, bindings: dict[str, Any]) -> str | None:
    """Why ``line`` (where ``name`` is used) may not run when ``function`` runs with ``bindings``: it
    sits in an ``except`` block, in a ``case``, or in a branch (``if``/``elif``/``else``, a ``while``
    body, a later operand of ``and``/``or``, an arm of ``x if c else y``) that the bindings do not
    show is taken. None when it runs whenever the function gets that far. A test is one run with
    fixed inputs: what it reaches only on some inputs is not certain to be reached by it."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            or node_count(function) > MAX_NODES:
        return None
    why = _unless_in_block(function.body, line, bindings)
    if why is None and name:
        statement = innermost_statement(function.body, line)
        if statement is not None:
            why = _unless_in_expression(statement, line, name, bindings)
    return why


def _unless_in_block(body: list[ast.stmt], line: int, bindings: dict[str, Any]) -> str | None:
    statement = next((s for s in body if contains(s, line)), None)
    return _unless_in_statement(statement, line, bindings) if statement is not None else None


def _unless_in_statement(stmt: ast.stmt, line: int, bindings: dict[str, Any]) -> str | None:
    if isinstance(stmt, (ast.If, ast.While)):
        if stmt.test.lineno <= line <= (stmt.test.end_lineno or stmt.test.lineno):
            return None
        in_body = any(contains(s, line) for s in stmt.body)
        if not _taken(stmt.test, in_body, bindings):
            return f"line {line} runs only if the condition at line {stmt.lineno} is {'true' if in_body else 'false'}"
        return _unless_in_block(stmt.body if in_body else stmt.orelse, line, bindings)
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        return _unless_in_block(stmt.body if any(contains(s, line) for s in stmt.body) else stmt.orelse,
                                line, bindings)
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return _unless_in_block(stmt.body, line, bindings)
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        for handler in stmt.handlers:  # type: ignore[attr-defined]
            if handler.body and handler.lineno <= line <= (handler.body[-1].end_lineno or handler.body[-1].lineno):
                return f"line {line} is in an `except` block: it runs only if the `try` at line {stmt.lineno} raises"
        for block in (stmt.body, stmt.orelse, stmt.finalbody):  # type: ignore[attr-defined]
            if any(contains(s, line) for s in block):
                return _unless_in_block(block, line, bindings)
        return None
    if isinstance(stmt, ast.Match):
        for case in stmt.cases:
            if case.body and case.body[0].lineno <= line <= (case.body[-1].end_lineno or case.body[-1].lineno):
                return f"line {line} is in a `case` of the `match` at line {stmt.lineno}"
    return None


def _unless_in_expression(stmt: ast.stmt, line: int, name: str, bindings: dict[str, Any]) -> str | None:
    """Every use of ``name`` on ``line`` is in an operand that runs only on some values."""
    reasons = []
    for path in use_paths(stmt, line, name):
        reason = None
        for node, parent in path:
            if isinstance(parent, ast.IfExp) and node is not parent.test \
                    and not _taken(parent.test, node is parent.body, bindings):
                reason = f"line {line} uses `{name}` in one arm of a conditional expression"
            elif isinstance(parent, ast.BoolOp) and node is not parent.values[0]:
                wanted = isinstance(parent.op, ast.And)  # ``and`` goes on while true, ``or`` while false
                if not all(_taken(b, wanted, bindings) for b in operands_before(parent, node)):
                    operator = "and" if wanted else "or"
                    reason = f"line {line} uses `{name}` in an operand of `{operator}` that may not run"
            if reason is not None:
                break
        if reason is None:
            return None  # this use runs
        reasons.append(reason)
    return reasons[0] if reasons else None


def _taken(test: ast.expr, wanted: bool, bindings: dict[str, Any]) -> bool:
    """The bindings show ``test`` is ``wanted`` (an object not None counts as true)."""
    value = evaluate(test, bindings)
    if value is NOT_NONE:
        return wanted
    return known(value) and bool(value) == wanted


def computes_default_of(function: ast.AST, line: int, name: str, passed: set[str]) -> str | None:
    """The use of ``name`` on ``line`` only computes a default for a parameter the call passed:
    ``path = path or current_app.config["DIR"]``, ``if app is None: app = current_app``,
    ``if not key: key = request.endpoint``. A caller that passes the parameter means the default
    not to run; whether the value it passes is falsy is not known, so the use is not certain."""
    if not passed or not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            or node_count(function) > MAX_NODES:
        return None
    statement = innermost_statement(function.body, line)
    if statement is None:
        return None
    for guard in _enclosing_ifs(function.body, line):
        parameter = _tested_for_absence(guard.test)
        if parameter in passed and any(contains(s, line) for s in guard.body) \
                and any(assignments_to(s, parameter) for s in guard.body):
            return f"line {guard.lineno} computes `{parameter}` only when the call passes none; this call passes one"
    if name in passed:
        rebinds = assignments_to(function, name)
        guards = [_absence_guard_around(function.body, node.lineno, name) for node in rebinds]
        if rebinds and all(guards):
            return f"`{name}` is rebound only when the call passes none (line {guards[0]}); this call passes one"
    paths = use_paths(statement, line, name)
    for path in paths:
        defaulted = next((b.id for node, parent in path
                          if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.Or)
                          and node is not parent.values[0]
                          for b in operands_before(parent, node) if isinstance(b, ast.Name) and b.id in passed), None)
        if defaulted is None:
            return None  # this use runs whatever is passed
    return f"`{name}` on line {line} is only the fallback of a parameter the call passes" if paths else None


def _absence_guard_around(body: list[ast.stmt], line: int, name: str) -> int:
    """The line of an ``if name is None:`` / ``if not name:`` whose body holds ``line``, or 0."""
    return next((guard.lineno for guard in _enclosing_ifs(body, line) if _tested_for_absence(guard.test) == name
                 and any(contains(s, line) for s in guard.body)), 0)


def _enclosing_ifs(body: list[ast.stmt], line: int) -> list[ast.If]:
    found: list[ast.If] = []
    while True:
        statement = next((s for s in body if contains(s, line)), None)
        if statement is None:
            return found
        if isinstance(statement, ast.If):
            found.append(statement)
        blocks = [getattr(statement, f, None) or [] for f in ("body", "orelse", "finalbody")]
        blocks += [h.body for h in getattr(statement, "handlers", [])]
        body = next((b for b in blocks if any(contains(s, line) for s in b)), [])
        if not body:
            return found


def _tested_for_absence(test: ast.expr) -> str | None:
    """``x is None`` or ``not x``: the name tested."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name):
        return test.operand.id
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is) \
            and isinstance(test.left, ast.Name) and isinstance(test.comparators[0], ast.Constant) \
            and test.comparators[0].value is None:
        return test.left.id
    return None
