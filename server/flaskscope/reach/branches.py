"""Which branch of a function runs, on the values a chain's constant arguments give.

``certainty`` binds a callee's parameters to what the call on a chain passes (literals, literal
locals, "an object, not None"); this module evaluates the ``if``/``while``/``for``/``try`` and the
``and``/``or``/``if-else`` operands around a line on those values: simple cases only (truth,
``is None``, comparisons, ``in``, ``len``, subscripts of literals), and an undecided branch says so.
"""

from __future__ import annotations

import ast
from typing import Any

UNKNOWN: Any = object()  # a value the evaluation does not know
NOT_NONE: Any = object()  # an object known only not to be None (a call's result, a lambda, ...)
MAX_NODES = 2000  # a function larger than this is not searched for the hop's branch


def node_count(function: ast.AST) -> int:
    """How many nodes a function's tree has; counted once and kept on the tree (every hop of every
    chain through a function asks, and a real project's chains share their long functions)."""
    known = getattr(function, "_flaskscope_nodes", None)
    if known is None:
        known = sum(1 for _ in ast.walk(function))
        function._flaskscope_nodes = known  # type: ignore[attr-defined]
    return known


def branch_verdict(function: ast.AST, line: int, bindings: dict[str, Any], explicit: set[str],
                    name: str = "") -> str | None:
    """Why the bound values keep ``line`` (where ``name`` is used) from running, or leave its branch
    undecided; None if they do not."""
    if node_count(function) > MAX_NODES:
        return None
    verdict = _in_block(getattr(function, "body", []), line, bindings, explicit)
    if verdict is None and name:
        statement = innermost_statement(getattr(function, "body", []), line)
        if statement is not None:
            verdict = _in_expression(statement, line, name, bindings, explicit)
    return verdict


def innermost_statement(body: list[ast.stmt], line: int) -> ast.stmt | None:
    for stmt in body:
        if contains(stmt, line):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(stmt, field, []) or []:
                    inner = innermost_statement(getattr(child, "body", [child]) if isinstance(
                        child, ast.ExceptHandler) else [child], line)
                    if inner is not None:
                        return inner
            return stmt
    return None


def _in_expression(stmt: ast.stmt, line: int, name: str, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    """``base or current_app.config[...]``, ``x if x is not None else current_app...``: the use of
    ``name`` on ``line`` sits in an operand the bound values never evaluate. Every use of the name on
    that line must be ruled out (or undecided) for the statement to be."""
    verdicts = []
    for path in use_paths(stmt, line, name):
        verdict = None
        for node, parent in path:
            if isinstance(parent, ast.IfExp) and node is not parent.test:
                verdict = _needs(parent.test, node is parent.body, bindings, explicit, parent.lineno)
            elif isinstance(parent, ast.BoolOp):
                wanted = isinstance(parent.op, ast.And)  # ``and`` goes on while true, ``or`` while false
                verdict = next((v for v in (_needs(b, wanted, bindings, explicit, parent.lineno)
                                            for b in operands_before(parent, node)) if v is not None), None)
            if verdict is not None:
                break
        if verdict is None:
            return None  # this use runs
        verdicts.append(verdict)
    return verdicts[0] if verdicts else None


def use_paths(stmt: ast.stmt, line: int, name: str) -> list[list[tuple[ast.AST, ast.AST]]]:
    """For each use of the name ``name`` on ``line`` in ``stmt``: the (node, its parent) pairs from the
    use up to the statement, innermost first."""
    parents: dict[int, ast.AST] = {}
    for walked in ast.walk(stmt):
        for child in ast.iter_child_nodes(walked):
            parents[id(child)] = walked
    paths = []
    for use in (n for n in ast.walk(stmt) if isinstance(n, ast.Name) and n.id == name and n.lineno == line):
        path: list[tuple[ast.AST, ast.AST]] = []
        node: ast.AST = use
        while id(node) in parents and node is not stmt:
            path.append((node, parents[id(node)]))
            node = parents[id(node)]
        paths.append(path)
    return paths


def operands_before(operation: ast.BoolOp, operand: ast.AST) -> list[ast.expr]:
    """The operands of ``a or b or c`` evaluated before ``operand`` (one of them)."""
    return operation.values[: next(i for i, v in enumerate(operation.values) if v is operand)]


def assignments_to(tree: ast.AST, name: str) -> list[ast.Assign]:
    """Every ``name = ...`` (or ``a = name = ...``) in ``tree``."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)]


def rebinding_ruled_out(function: ast.AST, name: str, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    """``if app is None: app = current_app`` and the call passed an ``app``: the sink reached through the
    parameter is only there when every assignment that rebinds it is ruled out or undecided."""
    if name not in bindings:
        return None
    assignments = assignments_to(function, name)
    if not assignments:
        return None
    verdicts = [branch_verdict(function, node.lineno, bindings, explicit) for node in assignments]
    if all(v is not None for v in verdicts):
        return f"`{name}` is rebound only where the arguments rule it out ({verdicts[0]})"
    return None


def contains(stmt: ast.stmt, line: int) -> bool:
    return stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno)


def _in_block(body: list[ast.stmt], line: int, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    for stmt in body:
        if contains(stmt, line):
            return _in_stmt(stmt, line, bindings, explicit)
        if isinstance(stmt, ast.If) and not stmt.orelse and leaves(stmt.body):
            verdict = _needs(stmt.test, False, bindings, explicit, stmt.lineno)  # ``if not x: return`` before it
            if verdict is not None:
                return verdict
    return None


def _in_stmt(stmt: ast.stmt, line: int, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    if isinstance(stmt, (ast.If, ast.While)):
        if stmt.test.lineno <= line <= (stmt.test.end_lineno or stmt.test.lineno):
            return None
        in_body = any(contains(s, line) for s in stmt.body)
        verdict = _needs(stmt.test, in_body, bindings, explicit, stmt.lineno)
        if verdict is not None:
            return verdict
        return _in_block(stmt.body if in_body else stmt.orelse, line, bindings, explicit)
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        if any(contains(s, line) for s in stmt.body):
            iterated = evaluate(stmt.iter, bindings)
            if iterated is not UNKNOWN and iterated is not NOT_NONE and _is_empty(iterated):
                return f"line {stmt.lineno} loops over an empty literal"
            return _in_block(stmt.body, line, bindings, explicit)
        return _in_block(stmt.orelse, line, bindings, explicit)
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return _in_block(stmt.body, line, bindings, explicit)
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):  # type: ignore[attr-defined]
            if any(contains(s, line) for s in block):
                return _in_block(block, line, bindings, explicit)
    return None


def leaves(body: list[ast.stmt]) -> bool:
    """Whether a block always ends by leaving it (``return``, ``raise``, ``continue``, ``break``)."""
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


def _needs(test: ast.expr, wanted: bool, bindings: dict[str, Any], explicit: set[str], line: int) -> str | None:
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    if not names & bindings.keys():
        return None
    value = evaluate(test, bindings)
    if value is UNKNOWN or value is NOT_NONE:
        if value is NOT_NONE and wanted:
            return None  # an object that is not None is (almost always) true
        if names & explicit:
            return f"the branch at line {line} depends on an argument the analysis does not evaluate"
        return None
    if bool(value) != wanted:
        return f"the arguments rule out the branch at line {line}"
    return None


def _is_empty(value: Any) -> bool:
    try:
        return len(value) == 0
    except TypeError:
        return False


def evaluate(expr: ast.expr, bindings: dict[str, Any]) -> Any:  # noqa: C901 - one case per node type
    if isinstance(expr, ast.Constant):
        return expr.value
    if isinstance(expr, ast.Name):
        return bindings.get(expr.id, UNKNOWN)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        inner = evaluate(expr.operand, bindings)
        return UNKNOWN if inner is UNKNOWN or inner is NOT_NONE else not inner
    if isinstance(expr, ast.BoolOp):
        return _bool_op(expr, bindings)
    if isinstance(expr, ast.Compare) and len(expr.ops) == 1:
        return _compare(expr.ops[0], evaluate(expr.left, bindings), evaluate(expr.comparators[0], bindings))
    if isinstance(expr, ast.Subscript):
        container, key = evaluate(expr.value, bindings), evaluate(expr.slice, bindings)
        if known(container) and known(key):
            try:
                return container[key]
            except (KeyError, IndexError, TypeError):
                return UNKNOWN
        return UNKNOWN
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in ("len", "bool") \
            and len(expr.args) == 1 and not expr.keywords:
        argument = evaluate(expr.args[0], bindings)
        if not known(argument):
            return UNKNOWN
        try:
            return len(argument) if expr.func.id == "len" else bool(argument)
        except TypeError:
            return UNKNOWN
    if isinstance(expr, (ast.List, ast.Tuple, ast.Dict, ast.Set)):
        try:
            return ast.literal_eval(expr)
        except (ValueError, TypeError, SyntaxError):
            return UNKNOWN
    return UNKNOWN


def known(value: Any) -> bool:
    return value is not UNKNOWN and value is not NOT_NONE


def _bool_op(expr: ast.BoolOp, bindings: dict[str, Any]) -> Any:
    is_and = isinstance(expr.op, ast.And)
    undecided = False
    for operand in expr.values:
        value = evaluate(operand, bindings)
        if not known(value):
            undecided = True
            continue
        if bool(value) != is_and:
            return value  # ``False and ...`` / ``True or ...``: decided whatever the rest is
    return UNKNOWN if undecided else is_and


def _compare(op: ast.cmpop, left: Any, right: Any) -> Any:
    if isinstance(op, (ast.Is, ast.IsNot)) and (left is NOT_NONE or right is NOT_NONE):
        other = right if left is NOT_NONE else left
        if other is None:
            return isinstance(op, ast.IsNot)
        return UNKNOWN
    if not (known(left) and known(right)):
        return UNKNOWN
    try:
        if isinstance(op, ast.Is):
            return left is right if left is None or right is None or isinstance(left, bool) else left == right
        if isinstance(op, ast.IsNot):
            return left is not right if left is None or right is None or isinstance(left, bool) else left != right
        operations = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.In: lambda a, b: a in b,
                      ast.NotIn: lambda a, b: a not in b, ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b,
                      ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b}
        operation = operations.get(type(op))
        return operation(left, right) if operation is not None else UNKNOWN
    except TypeError:
        return UNKNOWN


def in_handler(function: ast.AST | None, line: int) -> bool:
    """Is ``line`` inside an ``except`` block of ``function`` (not of a function nested in it)?"""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.ExceptHandler) and node.body and \
                node.body[0].lineno <= line <= (node.body[-1].end_lineno or node.body[-1].lineno):
            return True
        pending.extend(ast.iter_child_nodes(node))
    return False
