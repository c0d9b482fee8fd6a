"""Build a ``ModuleIndex`` from source with ``ast``: the statement walker.

The builder walks each body once, keeping the context *level* that the code itself provides at
each point: ``with app.app_context():`` blocks, ``ctx.push()``, guards such as
``if has_request_context():`` and ``try/except RuntimeError``. Only names the module imports are
consulted for that (a guard is ``flask.has_request_context`` however it was imported, see
``provided_context``); deeper resolution is left to ``resolve``. Here are scopes, classes and how
statements change the level; what each expression reads and calls is recorded by the
``ExpressionRecorder`` it extends.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from flaskscope.index.ast_util import dotted_text, is_main_guard, resolve_relative
from flaskscope.index.bindings import FUNCTION_NODES, collect_bindings
from flaskscope.index.columns import SourceColumns
from flaskscope.index.expressions import ExpressionRecorder
from flaskscope.index.model import Binding, ClassInfo, ModuleIndex, Scope, Span
from flaskscope.index.provided_context import (
    bound_test_clients,
    catches_context_error,
    context_variable_level,
    guard_of,
    makes_client_request,
    provided_by,
    pushed_level,
)
from flaskscope.levels import Level

_TERMINATORS = (ast.Return, ast.Raise, ast.Continue, ast.Break)
_PROPERTY_DECORATORS = frozenset({"property", "cached_property", "functools.cached_property"})


class IndexBuilder(ExpressionRecorder):
    """One module's index, built in one walk: scopes and bindings, then statements in source order."""

    def __init__(self, module: str, path: Path, source: str, is_package: bool) -> None:
        super().__init__(ModuleIndex(module, path, is_package, source), SourceColumns(source))

    # ----------------------------------------------------------------- scopes
    def build(self, tree: ast.Module) -> ModuleIndex:
        name = self.index.name
        body = Scope(f"{name}.<module>", name, "<module>", "module", Span(1, 0, 1, 0), None, node=tree)
        self.index.scopes[body.qualname] = body
        script = Scope(f"{name}.<main>", name, "<main>", "script", Span(1, 0, 1, 0), body.qualname, node=tree)
        script.locals = body.locals  # a __main__ block binds module globals
        collect_bindings(self.index, tree.body, body)
        main_body: list[ast.stmt] = []
        for stmt in tree.body:
            if is_main_guard(stmt):
                assert isinstance(stmt, ast.If)
                script.span = self.columns.span(stmt)
                main_body.extend(stmt.body)
        if main_body:
            self.index.scopes[script.qualname] = script
            self._walk_block(main_body, script, Level.NONE, False)
        rest = [s for s in tree.body if not is_main_guard(s)]
        body.exit_level = self._walk_block(rest, body, Level.NONE, False)
        return self.index

    def _new_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, parent: Scope,
                      class_qualname: str | None) -> Scope:
        if isinstance(node, ast.Lambda):
            name = f"<lambda:{node.lineno}:{node.col_offset}>"
        else:
            name = node.name
        owner = class_qualname or (parent.qualname if parent.kind in ("function", "lambda") else parent.module)
        qualname = f"{owner}.{name}"
        args = node.args
        params = tuple(a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs])
        if args.vararg:
            params += (args.vararg.arg,)
        if args.kwarg:
            params += (args.kwarg.arg,)
        scope = Scope(
            qualname, self.index.name, name, "lambda" if isinstance(node, ast.Lambda) else "function",
            self.columns.span(node), parent.qualname, class_qualname, params,
            tuple(getattr(node, "decorator_list", ())), is_async=isinstance(node, ast.AsyncFunctionDef), node=node,
        )
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            scope.locals[arg.arg] = Binding("param", expr=arg.annotation, scope=parent.qualname)
        self.index.scopes[qualname] = scope
        saved_depth, self._branch_depth = self._branch_depth, 0
        saved_stack, self._call_stack = self._call_stack, []
        saved_regions, self._regions = self._regions, []
        if isinstance(node, ast.Lambda):
            self.index.lambdas[id(node)] = qualname
            self._visit_expr(node.body, scope, Level.NONE, "bare", in_return=True)
        else:
            collect_bindings(self.index, node.body, scope)
            scope.exit_level = self._walk_block(node.body, scope, Level.NONE, False)
        self._branch_depth, self._call_stack, self._regions = saved_depth, saved_stack, saved_regions
        scope.is_generator = bool(scope.yield_levels)
        scope.is_property = any(dotted_text(d) in _PROPERTY_DECORATORS for d in scope.decorators)
        return scope

    # ------------------------------------------------------------- statements
    def _walk_block(self, body: list[ast.stmt], scope: Scope, level: Level, in_class: bool,
                    class_info: ClassInfo | None = None) -> Level:
        """Walk statements in order; return the level in effect after the block."""
        start_level = level
        for stmt in body:
            level = self._walk_stmt(stmt, scope, level, class_info, start_level)
        return level

    def _walk_stmt(self, stmt: ast.stmt, scope: Scope, level: Level, class_info: ClassInfo | None,
                   start_level: Level) -> Level:
        visit = self._visit_expr
        if isinstance(stmt, FUNCTION_NODES):
            for deco in stmt.decorator_list:
                visit(deco, scope, level, "call" if isinstance(deco, ast.Call) else "decorator")
                # Applying the decorator calls it: ``@deco`` calls ``deco``, ``@factory(x)`` calls what
                # ``factory(x)`` returned (the factory call itself is recorded by the visit above).
                self._record_call(deco, deco, scope, level, False, is_decorator=True)
            self._visit_arguments(stmt.args, scope, level)
            if stmt.returns is not None:
                pass  # annotations are not evaluated at runtime in a way that matters here
            function = self._new_function(stmt, scope, class_info.qualname if class_info else None)
            if class_info is not None:
                class_info.methods[stmt.name] = function.qualname
            return level
        if isinstance(stmt, ast.ClassDef):
            self._walk_class(stmt, scope, level)
            return level
        if isinstance(stmt, ast.Import):
            scope.imports.extend((alias.name, level, stmt.lineno) for alias in stmt.names)
            return level
        if isinstance(stmt, ast.ImportFrom):
            base = resolve_relative(self.index.name, self.index.is_package, stmt.level, stmt.module) \
                if stmt.level else (stmt.module or "")
            # ``from pkg import mod`` imports ``pkg`` and, when it is a module, ``pkg.mod``.
            scope.imports.append((base, level, stmt.lineno))
            scope.imports.extend((f"{base}.{alias.name}", level, stmt.lineno) for alias in stmt.names
                                 if alias.name != "*")
            return level
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            inner = level
            for item in stmt.items:
                visit(item.context_expr, scope, level, "deref")
                provided = provided_by(item.context_expr)
                if provided is Level.NONE and isinstance(item.context_expr, (ast.Name, ast.Attribute)):
                    provided = context_variable_level(self.index, item.context_expr, scope)  # ``with self.ctx:``
                if provided is Level.NONE and stmt.body:
                    # ``with app_ctx():``, ``with self.make_request():``: what it pushes needs the resolver
                    first, last = stmt.body[0], stmt.body[-1]
                    scope.dynamic_withs.append(
                        (item.context_expr, first.lineno, last.end_lineno or last.lineno))
                inner = max(inner, provided)
            clients = bound_test_clients(stmt)
            if clients:
                return self._walk_client_block(stmt.body, scope, inner, class_info, clients)
            after = self._walk_block(stmt.body, scope, inner, False, class_info)
            return after if inner == level else level
        if isinstance(stmt, ast.If):
            guard, negated = guard_of(self.index, stmt.test, scope)
            visit(stmt.test, scope, level, "truth")
            body_level = max(level, guard) if not negated else level
            else_level = max(level, guard) if negated else level
            with self._branch():
                self._walk_block(stmt.body, scope, body_level, False, class_info)
            with self._branch():
                self._walk_block(stmt.orelse, scope, else_level, False, class_info)
            if negated and stmt.body and isinstance(stmt.body[-1], _TERMINATORS):
                return max(level, guard)  # ``if not has_app_context(): return`` guards the rest
            return level
        if isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            catches = any(catches_context_error(h) for h in stmt.handlers)  # type: ignore[attr-defined]
            with self._branch():
                self._walk_block(stmt.body, scope, Level.REQUEST if catches else level,  # type: ignore[attr-defined]
                                 False, class_info)
            for handler in stmt.handlers:  # type: ignore[attr-defined]
                with self._branch():
                    self._walk_block(handler.body, scope, level, False, class_info)
            with self._branch():
                self._walk_block(stmt.orelse, scope, level, False, class_info)  # type: ignore[attr-defined]
            with self._branch():
                self._walk_block(stmt.finalbody, scope, level, False, class_info)  # type: ignore[attr-defined]
            return level
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            if isinstance(stmt, ast.While):
                visit(stmt.test, scope, level, "truth")
            else:
                visit(stmt.iter, scope, level, "deref")
            with self._branch():
                self._walk_block(stmt.body, scope, level, False, class_info)
            with self._branch():
                self._walk_block(stmt.orelse, scope, level, False, class_info)
            return level
        if isinstance(stmt, ast.Match):
            visit(stmt.subject, scope, level, "deref")
            for case in stmt.cases:
                with self._branch():
                    self._walk_block(case.body, scope, level, False, class_info)
            return level
        if isinstance(stmt, ast.Return):
            if stmt.value is not None:
                scope.returns.append(stmt.value)
                visit(stmt.value, scope, level, "bare", in_return=True)
            return level
        if isinstance(stmt, ast.Expr):
            pushed = pushed_level(self.index, stmt.value, scope)
            visit(stmt.value, scope, level, "bare")
            if pushed is not None:
                return max(level, pushed) if pushed > Level.NONE else start_level
            return level
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            value = stmt.value
            if value is not None:
                visit(value, scope, level, "bare" if not isinstance(stmt, ast.AugAssign) else "deref")
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                self._visit_target(target, scope, level)
                if isinstance(target, ast.Attribute) and value is not None:
                    self.index.attribute_assignments.append((scope.qualname, target.value, target.attr, value))
                if class_info is not None and isinstance(target, ast.Name) and value is not None:
                    class_info.attributes[target.id] = Binding("assign", expr=value, scope=scope.qualname)
                self._note_self_attribute(target, value, scope)
            return level
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.expr):
                visit(child, scope, level, "deref")
            elif isinstance(child, ast.stmt):
                level = self._walk_stmt(child, scope, level, class_info, start_level)
        return level

    def _walk_client_block(self, body: list[ast.stmt], scope: Scope, level: Level, class_info: ClassInfo | None,
                           clients: set[str]) -> Level:
        """``with client:``: after a request through the client, its request context stays pushed."""
        start = level
        for stmt in body:
            level = self._walk_stmt(stmt, scope, level, class_info, start)
            if makes_client_request(stmt, clients):
                level = max(level, Level.REQUEST)
        return start

    def _walk_class(self, node: ast.ClassDef, scope: Scope, level: Level) -> None:
        owner = scope.qualname if scope.kind in ("function", "lambda") else scope.module
        info = ClassInfo(f"{owner}.{node.name}", self.index.name, node.name, self.columns.span(node),
                         scope.qualname, tuple(node.bases), decorators=tuple(node.decorator_list))
        self.index.classes[info.qualname] = info
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self._visit_expr(expr, scope, level, "bare")
        # The class body runs where the class statement runs (import time for a module class).
        self._walk_block(node.body, scope, level, True, info)

    def _visit_target(self, target: ast.expr, scope: Scope, level: Level) -> None:
        if isinstance(target, (ast.Attribute, ast.Subscript)):
            # ``g.user = x`` / ``session["k"] = v`` look through the object being assigned into.
            self._visit_expr(target.value, scope, level, "deref")
            if isinstance(target, ast.Subscript):
                self._visit_expr(target.slice, scope, level, "bare")
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._visit_target(element, scope, level)

    def _note_self_attribute(self, target: ast.expr, value: ast.expr | None, scope: Scope) -> None:
        """Remember ``self.x = <expr>`` so ``self.x.method()`` can be resolved later."""
        if value is None or scope.class_qualname is None or not scope.params:
            return
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                and target.value.id == scope.params[0]:
            info = self.index.classes.get(scope.class_qualname)
            if info is not None and target.attr not in info.attributes:
                info.attributes[target.attr] = Binding("assign", expr=value, scope=scope.qualname)

_INDEXING_RECURSION_LIMIT = 12_000


def build_index(module: str, path: Path, source: str, is_package: bool) -> ModuleIndex:
    """Parse ``source`` and index it. Raises ``SyntaxError``/``ValueError``/``RecursionError``."""
    tree = ast.parse(source, filename=str(path))
    limit = sys.getrecursionlimit()
    deeper = sys.version_info >= (3, 11) and limit < _INDEXING_RECURSION_LIMIT
    if deeper:
        sys.setrecursionlimit(_INDEXING_RECURSION_LIMIT)
    try:
        return IndexBuilder(module, path, source, is_package).build(tree)
    finally:
        if deeper:
            sys.setrecursionlimit(limit)
