"""Is a reached path certain? What along a chain can make it not so.

- **Mocks.** A test that patches the sink, or a function on the chain (``mock.patch("pkg.mod.f")``,
  ``patch.object(obj, "f")``, ``monkeypatch.setattr``, ``mocker.patch``; as decorator, context
  manager or call, on the test or on its class), may never reach the real sink.
- **Cached values.** A ``cached_property`` of an object a thread shares with the code that started
  it may have been computed there, in a context, and never run again.
- **Constant arguments.** A call on the chain passes literals (``notify=False``,
  ``data={"data": {}}``) or leaves a literal default, and the next hop sits in a branch those values
  decide. The branch is evaluated on those values where that is simple (truth, ``is None``,
  comparisons, ``in``, ``len``, subscripts of literals; early returns before the hop, loops over a
  literal; ``branches``); a branch they rule out, or one they take part in but that cannot be
  decided, makes the path uncertain.
- **One run, and overridden defaults** (``path_conditions``). A test runs one path: a hop in an
  ``except`` block or an undecided branch is not certainly on it. A sink that only computes the
  default of a parameter the call passes does not run for that call.

Summaries are per (scope, level), not per argument: that is what keeps the search linear, so the
arguments are looked at here, once per reached path, on the witness chain only.
"""

from __future__ import annotations

import ast
import functools
from collections import deque
from collections.abc import Iterator
from typing import Any

from flaskscope.findings import Gap, Hop, Root
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.names import CONTEXT_GLOBALS
from flaskscope.knowledge.testing import PATCH_BY_OBJECT, PATCH_BY_STRING
from flaskscope.reach.branches import NOT_NONE, UNKNOWN, branch_verdict, in_handler, rebinding_ruled_out
from flaskscope.reach.path_conditions import computes_default_of, runs_only_if
from flaskscope.reach.stored_state import needs_stored_attribute
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value
from flaskscope.resolve.workspace import Workspace

_BODY_ROOTS = frozenset({"import-time", "script"})
_GLOBALS = Value("external", CONTEXT_GLOBALS)
_NEVER_NONE_KINDS = frozenset({"instance", "class", "scope", "scopes"})  # resolver values that are objects


class Certainty:
    def __init__(self, ws: Workspace, resolver: Resolver) -> None:
        self.ws = ws
        self.resolver = resolver
        self._patched: dict[str, frozenset[str]] = {}

    def gap_on(self, root: Root, chain: tuple[Hop, ...]) -> Gap | None:
        return self._mocked(root, chain) or self._cached(root, chain) \
            or self._ruled_out(chain, root.kind in _BODY_ROOTS, root.kind in table.ONE_RUN_ROOT_KINDS) \
            or self._behind_stored_state(chain)

    def _behind_stored_state(self, chain: tuple[Hop, ...]) -> Gap | None:
        """A hop that runs only after code of the same context stored an attribute on ``g``
        (``stored_state``): what stores it, and where that runs, is not followed."""
        for hop in chain[1:]:
            scope = self.ws.scopes.get(hop.scope)
            if scope is None or scope.node is None:
                continue
            why = needs_stored_attribute(scope.node, hop.line, hop.name.split(".")[0],
                                         functools.partial(self._is_globals, scope))
            if why is not None:
                return Gap(GapKind.STORED_STATE.value, self.ws.module_of_scope[scope.qualname].path, hop.line, why)
        return None

    def _is_globals(self, scope: Scope, expr: ast.expr) -> bool:
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return False
        return self.resolver.value_of(scope, expr) == _GLOBALS

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
            if caller is not None and in_handler(caller.node, hop.line):
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
    def _ruled_out(self, chain: tuple[Hop, ...], starts_in_body: bool, one_run: bool = False) -> Gap | None:
        """``starts_in_body``: the chain's first hop is a call in a module body or ``__main__`` block
        (import-time code, scripts), whose arguments count like any call's; other roots' first hop is
        the spawn or registration site, which does not call the target with its arguments.
        ``one_run``: the root is one run with fixed inputs (a test), so every hop must be one that
        runs whenever its function does, or sit in a branch the arguments show is taken."""
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
                verdict = branch_verdict(scope.node, hop.line, bindings, explicit, hop.name.split(".")[0])
                if verdict is None and i == len(chain) - 1:
                    verdict = rebinding_ruled_out(scope.node, hop.name.split(".")[0], bindings, explicit)
                if verdict is not None:
                    path = self.ws.module_of_scope[scope.qualname].path
                    return Gap(GapKind.CONSTANT_ARGUMENT.value, path, hop.line, verdict)
            unknown = explicit - bindings.keys()  # passed, with a value the analysis does not evaluate
            if unknown:
                why = computes_default_of(scope.node, hop.line, hop.name.split(".")[0], unknown)
                if why is not None:
                    return Gap(GapKind.PASSED_ARGUMENT.value, self.ws.module_of_scope[scope.qualname].path, hop.line,
                               why)
            if one_run:
                why = runs_only_if(scope.node, hop.line, hop.name.split(".")[0], bindings)
                if why is not None:
                    return Gap(GapKind.TEST_BRANCH.value, self.ws.module_of_scope[scope.qualname].path, hop.line, why)
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
            if found is UNKNOWN and self.resolver.value_of(caller, arg).kind in _NEVER_NONE_KINDS:
                return NOT_NONE  # ``Limiter(app)`` with ``app = create_app()``: an object, not None
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
        return {k: v for k, v in bindings.items() if v is not UNKNOWN}, explicit


def _call_at(node: ast.AST | None, line: int, name: str) -> ast.Call | None:
    if node is None:
        return None
    tail = name.rsplit(".", 1)[-1]
    for child in _nodes_around(node, line):
        if isinstance(child, ast.Call) and child.lineno <= line <= (child.end_lineno or child.lineno):
            func = child.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called == tail or (tail == "__init__" and called[:1].isupper()):
                return child
    return None


def _nodes_around(node: ast.AST, line: int) -> Iterator[ast.AST]:
    """``ast.walk``'s nodes, in its order, less the subtrees that end before ``line`` or start after it
    (no call there can hold the line): a hop in a long function walks its own statement only."""
    pending = deque([node])
    while pending:
        current = pending.popleft()
        for child in ast.iter_child_nodes(current):
            start = getattr(child, "lineno", None)
            decorators = getattr(child, "decorator_list", None)
            if start is not None and decorators:
                start = min(start, *(d.lineno for d in decorators))  # a def's line is after its decorators'
            if start is None or start <= line <= (getattr(child, "end_lineno", None) or start):
                pending.append(child)
        yield current


def _literal_locals(function: ast.AST | None) -> dict[str, Any]:
    """Names a function assigns exactly once, to a literal, and never changes in place or rebinds
    (``original_data = {"data": {}}`` in a test): their value is that literal wherever they are read.
    Worked out once per function and kept on its tree (read, never changed, by every hop through it)."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    known: dict[str, Any] | None = getattr(function, "_flaskscope_literals", None)
    if known is None:
        known = _find_literal_locals(function)
        function._flaskscope_literals = known  # type: ignore[union-attr]
    return known


def _find_literal_locals(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, Any]:
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
            literals[name] = NOT_NONE  # ``mock_app = MagicMock()``: whatever is set on it later, not None
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
    if _constructs(expr) or isinstance(expr, (ast.Lambda, ast.JoinedStr, ast.ListComp, ast.DictComp, ast.SetComp,
                                              ast.BinOp)):
        return NOT_NONE  # ``bp.name + "." + endpoint``: arithmetic and concatenation never give None
    return UNKNOWN
