"""Build a ``ModuleIndex`` from source with ``ast``.

The builder walks each body once, keeping the context *level* that the code itself provides at
each point: ``with app.app_context():`` blocks, ``ctx.push()``, guards such as
``if has_request_context():`` and ``try/except RuntimeError``. Only names the module imports are
consulted for that (a guard is ``flask.has_request_context`` however it was imported); deeper
resolution is left to ``resolve``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Iterator

from flaskscope.index.model import Binding, CallSite, ClassInfo, ModuleIndex, Ref, Scope, Span
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

_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
_TERMINATORS = (ast.Return, ast.Raise, ast.Continue, ast.Break)
_PROPERTY_DECORATORS = frozenset({"property", "cached_property", "functools.cached_property"})


def dotted(node: ast.AST) -> list[ast.expr] | None:
    """The nodes of a dotted name (``a``, ``a.b``, ``a.b.c``) from the base Name up, or None."""
    nodes: list[ast.expr] = []
    while isinstance(node, ast.Attribute):
        nodes.append(node)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    nodes.append(node)
    nodes.reverse()
    return nodes


def dotted_text(node: ast.AST) -> str | None:
    nodes = dotted(node)
    if nodes is None:
        return None
    return ".".join(_name_of(n) for n in nodes)


def _name_of(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr  # type: ignore[attr-defined]


def module_package(module: str, is_package: bool) -> str:
    return module if is_package else module.rpartition(".")[0]


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    package = module_package(module, is_package)
    parts = package.split(".") if package else []
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    base = ".".join(parts)
    if target:
        return f"{base}.{target}" if base else target
    return base


class _Columns:
    """Convert ast's UTF-8 byte offsets to code-point columns."""

    def __init__(self, source: str) -> None:
        self._lines = source.splitlines()
        self._ascii = source.isascii()  # then every byte offset is already a code-point column

    def col(self, line: int, byte_col: int) -> int:
        if self._ascii or line - 1 >= len(self._lines):
            return byte_col
        text = self._lines[line - 1]
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        if self._ascii:
            return Span(line, getattr(node, "col_offset", 0), end_line, getattr(node, "end_col_offset", None) or 0)
        col = self.col(line, getattr(node, "col_offset", 0))
        end_col = self.col(end_line, getattr(node, "end_col_offset", None) or 0)
        return Span(line, col, end_line, end_col)

    def prefix_spans(self, nodes: list[ast.expr]) -> tuple[Span, ...]:
        """The spans of ``a``, ``a.b``, ``a.b.c``: all start where the base name starts."""
        base = nodes[0]
        line = base.lineno
        if self._ascii:  # the common case, and one of the builder's hottest lines
            col = base.col_offset
            return tuple([Span(line, col, n.end_lineno or line, n.end_col_offset or 0) for n in nodes])
        col = self.col(line, base.col_offset)
        return tuple([Span(line, col, n.end_lineno or line, self.col(n.end_lineno or line, n.end_col_offset or 0))
                      for n in nodes])


class _Branch:
    """``with builder.branch:`` marks what is walked inside as code that may not run."""

    __slots__ = ("builder", "conditional")

    def __init__(self, builder: IndexBuilder, conditional: bool) -> None:
        self.builder = builder
        self.conditional = conditional

    def __enter__(self) -> None:
        self.builder._branch_depth += self.conditional

    def __exit__(self, *exc: object) -> None:
        self.builder._branch_depth -= self.conditional


class IndexBuilder:
    def __init__(self, module: str, path: Path, source: str, is_package: bool) -> None:
        self.index = ModuleIndex(module, path, is_package, source)
        self.columns = _Columns(source)
        self._call_stack: list[ast.expr] = []
        self._branch_depth = 0  # > 0 inside code that may not run (branches, loops, handlers)

    # ----------------------------------------------------------------- scopes
    def build(self, tree: ast.Module) -> ModuleIndex:
        name = self.index.name
        body = Scope(f"{name}.<module>", name, "<module>", "module", Span(1, 0, 1, 0), None, node=tree)
        self.index.scopes[body.qualname] = body
        script = Scope(f"{name}.<main>", name, "<main>", "script", Span(1, 0, 1, 0), body.qualname, node=tree)
        script.locals = body.locals  # a __main__ block binds module globals
        self._collect_bindings(tree.body, body)
        main_body: list[ast.stmt] = []
        for stmt in tree.body:
            if _is_main_guard(stmt):
                assert isinstance(stmt, ast.If)
                script.span = self.columns.span(stmt)
                main_body.extend(stmt.body)
        if main_body:
            self.index.scopes[script.qualname] = script
            self._walk_block(main_body, script, Level.NONE, False)
        rest = [s for s in tree.body if not _is_main_guard(s)]
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
        if isinstance(node, ast.Lambda):
            self.index.lambdas[id(node)] = qualname
            self._visit_expr(node.body, scope, Level.NONE, "bare", in_return=True)
        else:
            self._collect_bindings(node.body, scope)
            scope.exit_level = self._walk_block(node.body, scope, Level.NONE, False)
        self._branch_depth, self._call_stack = saved_depth, saved_stack
        scope.is_generator = bool(scope.yield_levels)
        scope.is_property = any(dotted_text(d) in _PROPERTY_DECORATORS for d in scope.decorators)
        return scope

    def _collect_bindings(self, body: list[ast.stmt], scope: Scope) -> None:
        """Bind names first, so a use before the def in source order still resolves."""
        for stmt in _own_statements(body):
            if isinstance(stmt, _FUNCTION_NODES):
                owner = scope.qualname if scope.kind in ("function", "lambda") else scope.module
                scope.locals[stmt.name] = Binding("def", f"{owner}.{stmt.name}")
            elif isinstance(stmt, ast.ClassDef):
                owner = scope.qualname if scope.kind in ("function", "lambda") else scope.module
                scope.locals[stmt.name] = Binding("class", f"{owner}.{stmt.name}")
            elif isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    if alias.asname:
                        scope.locals[alias.asname] = Binding("import", alias.name)
                    else:
                        top = alias.name.split(".")[0]
                        scope.locals[top] = Binding("import", top)
            elif isinstance(stmt, ast.ImportFrom):
                base = resolve_relative(self.index.name, self.index.is_package, stmt.level, stmt.module) \
                    if stmt.level else (stmt.module or "")
                for alias in stmt.names:
                    if alias.name == "*":
                        self.index.star_imports.append(base)
                        continue
                    scope.locals[alias.asname or alias.name] = Binding("import", f"{base}.{alias.name}")
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                if stmt.value is None:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name):
                        scope.locals[target.id] = Binding("assign", expr=stmt.value, scope=scope.qualname)
            elif isinstance(stmt, (ast.For, ast.AsyncFor)) and isinstance(stmt.target, ast.Name):
                scope.locals.setdefault(stmt.target.id, Binding("element", expr=stmt.iter, scope=scope.qualname))
            elif isinstance(stmt, (ast.With, ast.AsyncWith)):
                for item in stmt.items:
                    if isinstance(item.optional_vars, ast.Name):
                        scope.locals[item.optional_vars.id] = Binding(
                            "assign", expr=item.context_expr, scope=scope.qualname)

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
        if isinstance(stmt, _FUNCTION_NODES):
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
                provided = self._provided_by(item.context_expr)
                if provided is Level.NONE and isinstance(item.context_expr, (ast.Name, ast.Attribute)):
                    provided = self._context_variable_level(item.context_expr, scope)  # ``with self.ctx:``
                if provided is Level.NONE and stmt.body:
                    # ``with app_ctx():``, ``with self.make_request():``: what it pushes needs the resolver
                    first, last = stmt.body[0], stmt.body[-1]
                    scope.dynamic_withs.append(
                        (item.context_expr, first.lineno, last.end_lineno or last.lineno))
                inner = max(inner, provided)
            clients = _test_clients(stmt)
            if clients:
                return self._walk_client_block(stmt.body, scope, inner, class_info, clients)
            after = self._walk_block(stmt.body, scope, inner, False, class_info)
            return after if inner == level else level
        if isinstance(stmt, ast.If):
            guard, negated = self._guard_of(stmt.test, scope)
            visit(stmt.test, scope, level, "truth")
            body_level = max(level, guard) if not negated else level
            else_level = max(level, guard) if negated else level
            with self._branch():
                self._walk_block(stmt.body, scope, body_level, False, class_info)
                self._walk_block(stmt.orelse, scope, else_level, False, class_info)
            if negated and stmt.body and isinstance(stmt.body[-1], _TERMINATORS):
                return max(level, guard)  # ``if not has_app_context(): return`` guards the rest
            return level
        if isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            catches = any(_catches_context_error(h) for h in stmt.handlers)  # type: ignore[attr-defined]
            with self._branch():
                self._walk_block(stmt.body, scope, Level.REQUEST if catches else level,  # type: ignore[attr-defined]
                                 False, class_info)
                for handler in stmt.handlers:  # type: ignore[attr-defined]
                    self._walk_block(handler.body, scope, level, False, class_info)
                self._walk_block(stmt.orelse, scope, level, False, class_info)  # type: ignore[attr-defined]
                self._walk_block(stmt.finalbody, scope, level, False, class_info)  # type: ignore[attr-defined]
            return level
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            if isinstance(stmt, ast.While):
                visit(stmt.test, scope, level, "truth")
            else:
                visit(stmt.iter, scope, level, "deref")
            with self._branch():
                self._walk_block(stmt.body, scope, level, False, class_info)
                self._walk_block(stmt.orelse, scope, level, False, class_info)
            return level
        if isinstance(stmt, ast.Match):
            visit(stmt.subject, scope, level, "deref")
            with self._branch():
                for case in stmt.cases:
                    self._walk_block(case.body, scope, level, False, class_info)
            return level
        if isinstance(stmt, ast.Return):
            if stmt.value is not None:
                scope.returns.append(stmt.value)
                visit(stmt.value, scope, level, "bare", in_return=True)
            return level
        if isinstance(stmt, ast.Expr):
            pushed = self._pushed_level(stmt.value, scope)
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
            if _makes_client_request(stmt, clients):
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

    def _visit_arguments(self, args: ast.arguments, scope: Scope, level: Level) -> None:
        for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
            self._visit_expr(default, scope, level, "bare")

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

    # ------------------------------------------------------------ expressions
    def _visit_expr(self, node: ast.expr, scope: Scope, level: Level, use: str, in_return: bool = False) -> None:
        if isinstance(node, ast.Constant):
            return
        if isinstance(node, (ast.Name, ast.Attribute)):
            nodes = dotted(node)
            if nodes is not None:
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    return
                self._record_ref(nodes, scope, level, use)
                return
            assert isinstance(node, ast.Attribute)
            self._visit_expr(node.value, scope, level, "deref", in_return)
            return
        if isinstance(node, ast.Call):
            self._record_call(node, node.func, scope, level, in_return)
            nodes = dotted(node.func)
            if nodes is not None:
                keywords = frozenset(k.arg for k in node.keywords if k.arg)
                star = any(k.arg is None for k in node.keywords)
                self._record_ref(nodes, scope, level, "call", keywords, star)
            else:
                self._visit_expr(node.func, scope, level, "deref", in_return)
            truth_arg = _is_bool_call(node)
            self._call_stack.append(node.func)
            for arg in node.args:
                argument = arg.value if isinstance(arg, ast.Starred) else arg
                self._visit_expr(argument, scope, level, "truth" if truth_arg else "bare", in_return)
            for keyword in node.keywords:
                self._visit_expr(keyword.value, scope, level, "bare", in_return)
            self._call_stack.pop()
            return
        if isinstance(node, ast.Lambda):
            self._visit_arguments(node.args, scope, level)
            self._new_function(node, scope, None)
            return
        if isinstance(node, ast.BoolOp):
            inner = level
            for position, value in enumerate(node.values):
                with self._branch(position > 0):
                    self._visit_expr(value, scope, inner,
                                     "truth" if use == "truth" or value is not node.values[-1] else use, in_return)
                if isinstance(node.op, ast.And):
                    guard, negated = self._guard_of(value, scope)
                    if not negated:
                        inner = max(inner, guard)
            return
        if isinstance(node, ast.IfExp):
            guard, negated = self._guard_of(node.test, scope)
            self._visit_expr(node.test, scope, level, "truth")
            with self._branch():
                self._visit_expr(node.body, scope, level if negated else max(level, guard), use, in_return)
                self._visit_expr(node.orelse, scope, max(level, guard) if negated else level, use, in_return)
            return
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            self._visit_expr(node.generators[0].iter, scope, level, "deref")
            with self._branch():
                for position, generator in enumerate(node.generators):
                    if position:
                        self._visit_expr(generator.iter, scope, level, "deref")
                    for cond in generator.ifs:
                        self._visit_expr(cond, scope, level, "truth")
                parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
                for part in parts:
                    self._visit_expr(part, scope, level, "deref")
            return
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self._visit_expr(node.operand, scope, level, "truth")
            return
        if isinstance(node, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            for operand in [node.left, *node.comparators]:
                self._visit_expr(operand, scope, level, "bare")
            return
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            scope.yield_levels.append(level)
            if node.value is not None:
                if isinstance(node, ast.Yield):
                    scope.yields.append(node.value)
                self._visit_expr(node.value, scope, level, "bare")
            return
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for element in node.elts:
                self._visit_expr(element.value if isinstance(element, ast.Starred) else element,
                                 scope, level, "bare", in_return)
            return
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None:
                    self._visit_expr(key, scope, level, "bare")
                self._visit_expr(value, scope, level, "bare", in_return)
            return
        if isinstance(node, ast.NamedExpr):
            self._visit_expr(node.value, scope, level, "bare", in_return)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self._visit_expr(child, scope, level, "deref", in_return)
            elif isinstance(child, ast.comprehension):
                self._visit_expr(child.iter, scope, level, "deref")
                for cond in child.ifs:
                    self._visit_expr(cond, scope, level, "truth")
            elif isinstance(child, ast.arguments):
                self._visit_arguments(child, scope, level)
            elif isinstance(child, ast.keyword):
                self._visit_expr(child.value, scope, level, "bare")

    def _record_ref(self, nodes: list[ast.expr], scope: Scope, level: Level, use: str,
                    keywords: frozenset[str] = frozenset(), star: bool = False) -> None:
        spans = self.columns.prefix_spans(nodes)
        names = tuple([n.id if type(n) is ast.Name else n.attr for n in nodes])  # type: ignore[attr-defined]
        scope.refs.append(Ref(names, spans, level, use, keywords, star, self._branch_depth == 0))

    def _record_call(self, node: ast.expr, func: ast.expr, scope: Scope, level: Level, in_return: bool,
                     is_decorator: bool = False) -> None:
        call = node if isinstance(node, ast.Call) else ast.Call(func=func, args=[], keywords=[])
        if not isinstance(node, ast.Call):
            ast.copy_location(call, node)
        scope.calls.append(CallSite(call, func, self.columns.span(func), level, in_return,
                                    tuple(reversed(self._call_stack)), is_decorator, self._branch_depth == 0))

    def _branch(self, conditional: bool = True) -> _Branch:
        """Mark what is walked inside as code that may not run."""
        return _Branch(self, conditional)

    # ---------------------------------------------------------- context logic
    def _imported(self, node: ast.expr, scope: Scope) -> str | None:
        """The canonical imported name of a dotted expression, from this module's imports only."""
        nodes = dotted(node)
        if nodes is None:
            return None
        head = _name_of(nodes[0])
        binding = None
        walk: Scope | None = scope
        while walk is not None:
            binding = walk.locals.get(head)
            if binding is not None:
                break
            walk = self.index.scopes.get(walk.parent) if walk.parent else None
        if binding is None or binding.kind != "import":
            return None
        return canonical(".".join([binding.target, *(_name_of(n) for n in nodes[1:])]))

    def _provided_by(self, expr: ast.expr) -> Level:
        """The context a ``with`` item pushes: ``app.app_context()``, ``app.test_request_context()``."""
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
            return CONTEXT_METHODS.get(expr.func.attr, Level.NONE)
        return Level.NONE

    def _pushed_level(self, expr: ast.expr, scope: Scope) -> Level | None:
        """``ctx.push()`` raises the level for what follows; ``ctx.pop()`` lowers it again."""
        if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)):
            return None
        method = expr.func.attr
        if method not in ("push", "pop"):
            return None
        target = expr.func.value
        level = self._provided_by(target)
        if level is Level.NONE:
            level = self._context_variable_level(target, scope)
        if level is Level.NONE:
            return None
        return level if method == "push" else Level.NONE

    def _context_variable_level(self, target: ast.expr, scope: Scope) -> Level:
        if isinstance(target, ast.Name):
            binding = scope.locals.get(target.id)
            if binding is None and scope.kind == "function":  # a module-level ``ctx = app.app_context()``
                binding = self.index.body_scope.locals.get(target.id)
            if binding is not None and binding.kind == "assign" and binding.expr is not None:
                return self._provided_by(binding.expr)
        text = dotted_text(target)
        if text and "." in text:
            # ``cls.ctx = cls.app.app_context()`` earlier in this scope (setUpClass), whatever the class says
            for assigning, owner, attr, value in reversed(self.index.attribute_assignments):
                if assigning == scope.qualname and f"{dotted_text(owner)}.{attr}" == text:
                    return self._provided_by(value)
        if text and scope.class_qualname and "." in text:
            info = self.index.classes.get(scope.class_qualname)
            binding = info.attributes.get(text.split(".", 1)[1]) if info else None
            if binding is not None and binding.expr is not None:
                return self._provided_by(binding.expr)
        return Level.NONE

    def _guard_of(self, test: ast.expr, scope: Scope) -> tuple[Level, bool]:
        """(level the test proves when true, whether the test is negated)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            level, negated = self._guard_of(test.operand, scope)
            return level, not negated
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            return max((self._guard_of(v, scope)[0] for v in test.values if not self._guard_of(v, scope)[1]),
                       default=Level.NONE), False
        if isinstance(test, ast.Call):
            name = self._imported(test.func, scope)
            if name in GUARD_CALLS:
                return GUARD_CALLS[name], False
            if _is_bool_call(test) and test.args:
                return self._guard_of(test.args[0], scope)
            return Level.NONE, False
        name = self._imported(test, scope)
        sink = SINKS_BY_NAME.get(name or "")
        if sink is not None and sink.is_proxy:
            return sink.needs, False  # an unbound proxy is falsy: ``if request:`` proves a request
        return Level.NONE, False


def _test_clients(stmt: ast.With | ast.AsyncWith) -> set[str]:
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
    return names


def _makes_client_request(stmt: ast.stmt, clients: set[str]) -> bool:
    for node in ast.walk(stmt):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in TEST_CLIENT_REQUEST_METHODS and dotted_text(node.func.value) in clients:
            return True
    return False


def _is_main_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If) or not isinstance(stmt.test, ast.Compare):
        return False
    test = stmt.test
    sides = [test.left, *test.comparators]
    names = {s.id for s in sides if isinstance(s, ast.Name)}
    consts = {s.value for s in sides if isinstance(s, ast.Constant)}
    return "__name__" in names and "__main__" in consts


def _is_bool_call(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Name) and node.func.id == "bool"


def _catches_context_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(dotted_text(t) in CATCHING_EXCEPTIONS for t in types)


def _own_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements of a body including those nested in blocks, but not in nested defs/classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (*_FUNCTION_NODES, ast.ClassDef)):
            continue
        for field_name in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(stmt, field_name, None)
            if isinstance(inner, list):
                yield from _own_statements([s for s in inner if isinstance(s, ast.stmt)] +
                                           [s for h in inner if isinstance(h, ast.ExceptHandler) for s in h.body])
        if isinstance(stmt, ast.Match):
            for case in stmt.cases:
                yield from _own_statements(case.body)


# The builder recurses once or twice per level of expression nesting. From Python 3.11 such
# Python-to-Python calls use no C stack, so a higher limit is safe and lets it index whatever
# CPython itself compiles (a 2,800-term ``a + b + ...`` chain); 3.10 keeps its default.
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
