"""Is a reached path certain? Two things along a chain can make it not so.

- **Mocks.** A test that patches the sink, or a function on the chain (``mock.patch("pkg.mod.f")``,
  ``patch.object(obj, "f")``, ``monkeypatch.setattr``, ``mocker.patch``; as decorator, context
  manager or call, on the test or on its class), may never reach the real sink.
- **Constant arguments.** A call on the chain passes literals (``notify=False``,
  ``data={"data": {}}``) or leaves a literal default, and the next hop sits in a branch those values
  decide. The branch is evaluated on those values where that is simple (truth, ``is None``,
  comparisons, ``in``, ``len``, subscripts of literals; early returns before the hop, loops over a
  literal); a branch they rule out, or one they take part in but that cannot be decided, makes the
  path uncertain.

Summaries are per (scope, level), not per argument: that is what keeps the search linear, so the
arguments are looked at here, once per reached path, on the witness chain only.
"""

from __future__ import annotations

import ast
from typing import Any

from flaskscope.findings import Gap, Hop, Root
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.testing import PATCH_BY_OBJECT, PATCH_BY_STRING
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.workspace import Workspace

_UNKNOWN: Any = object()  # a value the evaluation does not know
_NOT_NONE: Any = object()  # an object known only not to be None (a call's result, a lambda, ...)
_MAX_NODES = 2000  # a function larger than this is not searched for the hop's branch
_BODY_ROOTS = frozenset({"import-time", "script"})
_NEVER_NONE_KINDS = frozenset({"instance", "class", "scope", "scopes"})  # resolver values that are objects


class Certainty:
    def __init__(self, ws: Workspace, resolver: Resolver) -> None:
        self.ws = ws
        self.resolver = resolver
        self._patched: dict[str, frozenset[str]] = {}

    def gap_on(self, root: Root, chain: tuple[Hop, ...]) -> Gap | None:
        return self._mocked(root, chain) or self._cached(root, chain) \
            or self._ruled_out(chain, root.kind in _BODY_ROOTS)

    def _cached(self, root: Root, chain: tuple[Hop, ...]) -> Gap | None:
        """A ``cached_property`` reached in a thread that shares its objects with the code that
        started it: the value may already be cached from there, and its getter never run again."""
        if root.kind not in table.SAME_PROCESS_ROOT_KINDS:
            return None
        for hop in chain[1:]:
            scope = self.ws.scopes.get(hop.scope)
            if scope is not None and scope.is_property and any(
                    (dotted_text(d) or "").endswith("cached_property") for d in scope.decorators):
                path = self.ws.module_of_scope[scope.qualname].path
                return Gap(GapKind.CACHED_VALUE.value, path, scope.span.line,
                           f"`{scope.name}` is a cached property of an object the thread shares")
        return None

    # ------------------------------------------------------------------ mocks
    def _mocked(self, root: Root, chain: tuple[Hop, ...]) -> Gap | None:
        if root.kind != "pytest":
            return None
        patched = self.patched_by(root.scope)
        if not patched:
            return None
        for i, hop in enumerate(chain[1:], start=1):
            caller = self.ws.scopes.get(hop.scope)
            module = caller.module if caller is not None else ""
            callee = chain[i + 1].scope if i + 1 < len(chain) else ""
            first = hop.name.split(".")[0]
            spelled = {f"{module}.{first}", f"{module}.{hop.name}"}
            if callee:
                spelled.add(callee)
            for target in patched:
                if target in spelled or (target.startswith("*.") and target[2:] in hop.name.split(".")):
                    shown = target[2:] if target.startswith("*.") else target
                    return Gap(GapKind.MOCKED.value, root.path, root.line, f"`{shown}` is patched by the test")
            if caller is not None and _in_handler(caller.node, hop.line):
                # An ``except`` block runs only if its ``try`` raises: with mocks on the way, that is theirs to say.
                return Gap(GapKind.MOCKED.value, root.path, root.line,
                           f"line {hop.line} is in an `except` block; the test patches what may raise there")
        return None

    def patched_by(self, qualname: str) -> frozenset[str]:
        """What a test (or its class, or its bases) patches: dotted names as Python looks them up
        (``pkg.mod.f``), or ``*.f`` where only the attribute's name is known."""
        known = self._patched.get(qualname)
        if known is not None:
            return known
        names: set[str] = set()
        scope = self.ws.scopes.get(qualname)
        if scope is not None:
            found: list[tuple[Scope, ast.expr]] = [(scope, d) for d in scope.decorators]
            found.extend((scope, call.node) for call in scope.calls)
            if scope.class_qualname is not None:
                for info in self.resolver.class_chain(scope.class_qualname):
                    owner = self.ws.scopes.get(info.scope, scope)
                    found.extend((owner, d) for d in info.decorators)
            for where, expr in found:
                if isinstance(expr, ast.Call):
                    names.update(self._patch_targets(where, expr))
        self._patched[qualname] = frozenset(names)
        return self._patched[qualname]

    def _patch_targets(self, scope: Scope, call: ast.Call) -> set[str]:
        text = dotted_text(call.func) or ""
        parts = text.split(".")
        tail2 = ".".join(parts[-2:])
        first = call.args[0] if call.args else None
        if parts[-1] in PATCH_BY_STRING or tail2 in PATCH_BY_STRING:
            return {first.value} if isinstance(first, ast.Constant) and isinstance(first.value, str) else set()
        if tail2 in PATCH_BY_OBJECT or (parts[-1] == "setattr" and len(parts) > 1):
            if len(call.args) >= 2 and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str):
                owner = self.resolver.value_of(scope, call.args[0])
                attr = call.args[1].value
                if owner.kind in ("module", "class", "scope"):
                    return {f"{owner.name}.{attr}"}
                return {f"*.{attr}"}
            if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                return {call.args[0].value}  # ``monkeypatch.setattr("pkg.mod.f", fake)``
        return set()

    # ------------------------------------------------------ constant arguments
    def _ruled_out(self, chain: tuple[Hop, ...], starts_in_body: bool) -> Gap | None:
        """``starts_in_body``: the chain's first hop is a call in a module body or ``__main__`` block
        (import-time code, scripts), whose arguments count like any call's; other roots' first hop is
        the spawn or registration site, which does not call the target with its arguments."""
        bindings: dict[str, Any] = {}
        explicit: set[str] = set()
        if starts_in_body and len(chain) > 1:
            first = self.ws.scopes.get(chain[0].scope)
            if first is not None and isinstance(first.node, ast.Module):
                bindings, explicit = self._bind(first, chain[0], chain[1], {})
        for i in range(1, len(chain)):
            hop = chain[i]
            scope = self.ws.scopes.get(hop.scope)
            if scope is None or not isinstance(scope.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                bindings, explicit = {}, set()
                continue
            if bindings:
                verdict = _branch_verdict(scope.node, hop.line, bindings, explicit, hop.name.split(".")[0])
                if verdict is None and i == len(chain) - 1:
                    verdict = _rebinding_ruled_out(scope.node, hop.name.split(".")[0], bindings, explicit)
                if verdict is not None:
                    path = self.ws.module_of_scope[scope.qualname].path
                    return Gap(GapKind.CONSTANT_ARGUMENT.value, path, hop.line, verdict)
            if i + 1 < len(chain):
                bindings, explicit = self._bind(scope, hop, chain[i + 1], bindings)
        return None

    def _bind(self, caller: Scope, hop: Hop, callee_hop: Hop, outer: dict[str, Any]
              ) -> tuple[dict[str, Any], set[str]]:
        """The callee's parameters whose values the call at ``hop`` makes known."""
        callee = self.ws.scopes.get(callee_hop.scope)
        if callee is None or not isinstance(callee.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return {}, set()
        call = _call_at(caller.node, hop.line, hop.name)
        if call is None:
            return {}, set()
        args = callee.node.args
        positional = [a.arg for a in (*args.posonlyargs, *args.args)]
        if callee.class_qualname is not None and positional and (
                isinstance(call.func, ast.Attribute) or callee.name == "__init__"):
            decorators = {dotted_text(d) for d in callee.node.decorator_list}
            if "staticmethod" not in decorators:
                positional = positional[1:]
        bindings: dict[str, Any] = {}
        explicit: set[str] = set()
        names = [a.arg for a in (*args.posonlyargs, *args.args)]
        defaults = dict(zip(reversed(names), reversed(args.defaults), strict=False))
        defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
                         if d is not None})
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            return {}, set()  # ``*args`` / ``**kwargs``: which parameter gets what is not known
        if isinstance(call.func, ast.Attribute) and len(positional) < len(args.posonlyargs) + len(args.args):
            if self.resolver.value_of(caller, call.func.value).kind == "class":
                positional = [a.arg for a in (*args.posonlyargs, *args.args)]  # ``Schema.validate(schema, ...)``
        local = _literal_locals(caller.node)

        def value(arg: ast.expr) -> Any:
            found = _value(arg, {**local, **outer})
            if found is _UNKNOWN and self.resolver.value_of(caller, arg).kind in _NEVER_NONE_KINDS:
                return _NOT_NONE  # ``Limiter(app)`` with ``app = create_app()``: an object, not None
            return found

        for name, arg in zip(positional, call.args, strict=False):
            bindings[name] = value(arg)
            explicit.add(name)
        for keyword in call.keywords:
            bindings[keyword.arg or ""] = value(keyword.value)
            explicit.add(keyword.arg or "")
        for name, default in defaults.items():
            if name not in bindings:
                bindings[name] = _value(default, {})
        return {k: v for k, v in bindings.items() if v is not _UNKNOWN}, explicit


def _call_at(node: ast.AST | None, line: int, name: str) -> ast.Call | None:
    if node is None:
        return None
    tail = name.rsplit(".", 1)[-1]
    for child in ast.walk(node):
        if isinstance(child, ast.Call) and child.lineno <= line <= (child.end_lineno or child.lineno):
            func = child.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called == tail or (tail == "__init__" and called[:1].isupper()):
                return child
    return None


def _literal_locals(function: ast.AST | None) -> dict[str, Any]:
    """Names a function assigns exactly once, to a literal, and never changes in place or rebinds
    (``original_data = {"data": {}}`` in a test): their value is that literal wherever they are read."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    assigned: dict[str, list[ast.expr]] = {}
    touched: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
                for inner in ast.walk(target):
                    if isinstance(inner, (ast.Subscript, ast.Attribute)) and isinstance(inner.value, ast.Name):
                        touched.add(inner.value.id)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
            touched.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    touched.update(n.id for n in ast.walk(item.optional_vars) if isinstance(n, ast.Name))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name):
            touched.add(node.func.value.id)  # ``data.update(...)``: may change it in place
        elif isinstance(node, ast.Delete):
            touched.update(t.id for t in node.targets if isinstance(t, ast.Name))
    literals: dict[str, Any] = {}
    for name, values in assigned.items():
        if len(values) != 1:
            continue
        if _constructs(values[0]):
            literals[name] = _NOT_NONE  # ``mock_app = MagicMock()``: whatever is set on it later, not None
            continue
        if name in touched:
            continue
        try:
            literals[name] = ast.literal_eval(values[0])
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
    return literals


def _constructs(expr: ast.expr) -> bool:
    """A call of a class by its conventional name (``MagicMock()``, ``Config(...)``): never None."""
    if not isinstance(expr, ast.Call):
        return False
    name = expr.func.attr if isinstance(expr.func, ast.Attribute) else expr.func.id \
        if isinstance(expr.func, ast.Name) else ""
    return name[:1].isupper()


def _value(expr: ast.expr, outer: dict[str, Any]) -> Any:
    if isinstance(expr, ast.Name) and expr.id in outer:
        return outer[expr.id]
    try:
        return ast.literal_eval(expr)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    if _constructs(expr) or isinstance(expr, (ast.Lambda, ast.JoinedStr, ast.ListComp, ast.DictComp, ast.SetComp)):
        return _NOT_NONE
    return _UNKNOWN


# ------------------------------------------------------------- branches
def _branch_verdict(function: ast.AST, line: int, bindings: dict[str, Any], explicit: set[str],
                    name: str = "") -> str | None:
    """Why the bound values keep ``line`` (where ``name`` is used) from running, or leave its branch
    undecided; None if they do not."""
    if sum(1 for _ in ast.walk(function)) > _MAX_NODES:
        return None
    verdict = _in_block(getattr(function, "body", []), line, bindings, explicit)
    if verdict is None and name:
        statement = _innermost_statement(getattr(function, "body", []), line)
        if statement is not None:
            verdict = _in_expression(statement, line, name, bindings, explicit)
    return verdict


def _innermost_statement(body: list[ast.stmt], line: int) -> ast.stmt | None:
    for stmt in body:
        if _contains(stmt, line):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(stmt, field, []) or []:
                    inner = _innermost_statement(getattr(child, "body", [child]) if isinstance(
                        child, ast.ExceptHandler) else [child], line)
                    if inner is not None:
                        return inner
            return stmt
    return None


def _in_expression(stmt: ast.stmt, line: int, name: str, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    """``base or current_app.config[...]``, ``x if x is not None else current_app...``: the use of
    ``name`` on ``line`` sits in an operand the bound values never evaluate. Every use of the name on
    that line must be ruled out (or undecided) for the statement to be."""
    parents: dict[int, ast.AST] = {}
    for walked in ast.walk(stmt):
        for child in ast.iter_child_nodes(walked):
            parents[id(child)] = walked
    uses = [n for n in ast.walk(stmt) if isinstance(n, ast.Name) and n.id == name and n.lineno == line]
    verdicts = []
    for use in uses:
        verdict = None
        node: ast.AST = use
        while verdict is None and id(node) in parents and node is not stmt:
            parent = parents[id(node)]
            if isinstance(parent, ast.IfExp) and node is not parent.test:
                verdict = _needs(parent.test, node is parent.body, bindings, explicit, parent.lineno)
            elif isinstance(parent, ast.BoolOp):
                before = parent.values[: next(i for i, v in enumerate(parent.values) if v is node)]
                wanted = isinstance(parent.op, ast.And)  # ``and`` goes on while true, ``or`` while false
                verdict = next((v for v in (_needs(b, wanted, bindings, explicit, parent.lineno) for b in before)
                                if v is not None), None)
            node = parent
        if verdict is None:
            return None  # this use runs
        verdicts.append(verdict)
    return verdicts[0] if verdicts else None


def _rebinding_ruled_out(function: ast.AST, name: str, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    """``if app is None: app = current_app`` and the call passed an ``app``: the sink reached through the
    parameter is only there when every assignment that rebinds it is ruled out or undecided."""
    if name not in bindings:
        return None
    assignments = [node for node in ast.walk(function) if isinstance(node, ast.Assign)
                   and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)]
    if not assignments:
        return None
    verdicts = [_branch_verdict(function, node.lineno, bindings, explicit) for node in assignments]
    if all(v is not None for v in verdicts):
        return f"`{name}` is rebound only where the arguments rule it out ({verdicts[0]})"
    return None


def _contains(stmt: ast.stmt, line: int) -> bool:
    return stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno)


def _in_block(body: list[ast.stmt], line: int, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    for stmt in body:
        if _contains(stmt, line):
            return _in_stmt(stmt, line, bindings, explicit)
        if isinstance(stmt, ast.If) and not stmt.orelse and _leaves(stmt.body):
            verdict = _needs(stmt.test, False, bindings, explicit, stmt.lineno)  # ``if not x: return`` before it
            if verdict is not None:
                return verdict
    return None


def _in_stmt(stmt: ast.stmt, line: int, bindings: dict[str, Any], explicit: set[str]) -> str | None:
    if isinstance(stmt, (ast.If, ast.While)):
        if stmt.test.lineno <= line <= (stmt.test.end_lineno or stmt.test.lineno):
            return None
        in_body = any(_contains(s, line) for s in stmt.body)
        verdict = _needs(stmt.test, in_body, bindings, explicit, stmt.lineno)
        if verdict is not None:
            return verdict
        return _in_block(stmt.body if in_body else stmt.orelse, line, bindings, explicit)
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        if any(_contains(s, line) for s in stmt.body):
            iterated = _evaluate(stmt.iter, bindings)
            if iterated is not _UNKNOWN and iterated is not _NOT_NONE and _is_empty(iterated):
                return f"line {stmt.lineno} loops over an empty literal"
            return _in_block(stmt.body, line, bindings, explicit)
        return _in_block(stmt.orelse, line, bindings, explicit)
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        return _in_block(stmt.body, line, bindings, explicit)
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):  # type: ignore[attr-defined]
            if any(_contains(s, line) for s in block):
                return _in_block(block, line, bindings, explicit)
    return None


def _leaves(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


def _needs(test: ast.expr, wanted: bool, bindings: dict[str, Any], explicit: set[str], line: int) -> str | None:
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    if not names & bindings.keys():
        return None
    value = _evaluate(test, bindings)
    if value is _UNKNOWN or value is _NOT_NONE:
        if value is _NOT_NONE and wanted:
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


def _evaluate(expr: ast.expr, bindings: dict[str, Any]) -> Any:  # noqa: C901 - one case per node type
    if isinstance(expr, ast.Constant):
        return expr.value
    if isinstance(expr, ast.Name):
        return bindings.get(expr.id, _UNKNOWN)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        inner = _evaluate(expr.operand, bindings)
        return _UNKNOWN if inner is _UNKNOWN or inner is _NOT_NONE else not inner
    if isinstance(expr, ast.BoolOp):
        return _bool_op(expr, bindings)
    if isinstance(expr, ast.Compare) and len(expr.ops) == 1:
        return _compare(expr.ops[0], _evaluate(expr.left, bindings), _evaluate(expr.comparators[0], bindings))
    if isinstance(expr, ast.Subscript):
        container, key = _evaluate(expr.value, bindings), _evaluate(expr.slice, bindings)
        if _known(container) and _known(key):
            try:
                return container[key]
            except (KeyError, IndexError, TypeError):
                return _UNKNOWN
        return _UNKNOWN
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in ("len", "bool") \
            and len(expr.args) == 1 and not expr.keywords:
        argument = _evaluate(expr.args[0], bindings)
        if not _known(argument):
            return _UNKNOWN
        try:
            return len(argument) if expr.func.id == "len" else bool(argument)
        except TypeError:
            return _UNKNOWN
    if isinstance(expr, (ast.List, ast.Tuple, ast.Dict, ast.Set)):
        try:
            return ast.literal_eval(expr)
        except (ValueError, TypeError, SyntaxError):
            return _UNKNOWN
    return _UNKNOWN


def _known(value: Any) -> bool:
    return value is not _UNKNOWN and value is not _NOT_NONE


def _bool_op(expr: ast.BoolOp, bindings: dict[str, Any]) -> Any:
    is_and = isinstance(expr.op, ast.And)
    undecided = False
    for operand in expr.values:
        value = _evaluate(operand, bindings)
        if not _known(value):
            undecided = True
            continue
        if bool(value) != is_and:
            return value  # ``False and ...`` / ``True or ...``: decided whatever the rest is
    return _UNKNOWN if undecided else is_and


def _compare(op: ast.cmpop, left: Any, right: Any) -> Any:
    if isinstance(op, (ast.Is, ast.IsNot)) and (left is _NOT_NONE or right is _NOT_NONE):
        other = right if left is _NOT_NONE else left
        if other is None:
            return isinstance(op, ast.IsNot)
        return _UNKNOWN
    if not (_known(left) and _known(right)):
        return _UNKNOWN
    try:
        if isinstance(op, ast.Is):
            return left is right if left is None or right is None or isinstance(left, bool) else left == right
        if isinstance(op, ast.IsNot):
            return left is not right if left is None or right is None or isinstance(left, bool) else left != right
        operations = {ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.In: lambda a, b: a in b,
                      ast.NotIn: lambda a, b: a not in b, ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b,
                      ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b}
        operation = operations.get(type(op))
        return operation(left, right) if operation is not None else _UNKNOWN
    except TypeError:
        return _UNKNOWN


def _in_handler(function: ast.AST | None, line: int) -> bool:
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
