"""Record what an expression reads and calls, at the context level in effect there.

Every name (``current_app``, ``db.session.add``) becomes a ``Ref`` and every call a ``CallSite``,
each with the level the enclosing code provides and *how* the value is used: called, only tested
for truth (an unbound proxy is falsy, not an error), dereferenced, or passed on bare. Guards inside
an expression (``has_request_context() and request.path``) raise the level for the operands they
cover. The statement walker (``builder``) owns scopes and levels across statements; this part is
what it hands each expression to.
"""

from __future__ import annotations

import ast

from flaskscope.index.ast_util import dotted
from flaskscope.index.columns import SourceColumns
from flaskscope.index.model import CallSite, ModuleIndex, Ref, Scope
from flaskscope.index.provided_context import guard_of, is_bool_call
from flaskscope.levels import Level


class _Branch:
    """``with builder.branch:`` marks what is walked inside as code that may not run."""

    __slots__ = ("builder", "conditional")

    def __init__(self, builder: ExpressionRecorder, conditional: bool) -> None:
        self.builder = builder
        self.conditional = conditional

    def __enter__(self) -> None:
        if self.conditional:
            self.builder._branch_depth += 1
            self.builder._next_region += 1
            self.builder._regions.append(self.builder._next_region)

    def __exit__(self, *exc: object) -> None:
        if self.conditional:
            self.builder._branch_depth -= 1
            self.builder._regions.pop()


class ExpressionRecorder:
    """The expression half of the index builder: refs and calls, with their use and level."""

    def __init__(self, index: ModuleIndex, columns: SourceColumns) -> None:
        self.index = index
        self.columns = columns
        self._call_stack: list[ast.expr] = []
        self._branch_depth = 0  # > 0 inside code that may not run (branches, loops, handlers)
        # The branches around the code being walked, outermost first: one id per block that may not
        # run (an ``if`` body, its ``else``, a handler, a loop body, an operand of ``or``...).
        self._regions: list[int] = []
        self._next_region = 0

    def _new_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, parent: Scope,
                      class_qualname: str | None) -> Scope:
        """Index a function or lambda met in the walk as a scope of its own (the builder does)."""
        raise NotImplementedError

    def _visit_arguments(self, args: ast.arguments, scope: Scope, level: Level) -> None:
        for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
            self._visit_expr(default, scope, level, "bare")

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
            truth_arg = is_bool_call(node)
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
                guard, negated = guard_of(self.index, value, scope)
                if negated is isinstance(node.op, ast.Or):  # ``g and g.user`` / ``not g or g.user``
                    inner = max(inner, guard)
            return
        if isinstance(node, ast.IfExp):
            guard, negated = guard_of(self.index, node.test, scope)
            self._visit_expr(node.test, scope, level, "truth")
            with self._branch():
                self._visit_expr(node.body, scope, level if negated else max(level, guard), use, in_return)
            with self._branch():
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
        scope.refs.append(Ref(names, spans, level, use, keywords, star, self._branch_depth == 0, tuple(self._regions)))

    def _record_call(self, node: ast.expr, func: ast.expr, scope: Scope, level: Level, in_return: bool,
                     is_decorator: bool = False) -> None:
        call = node if isinstance(node, ast.Call) else ast.Call(func=func, args=[], keywords=[])
        if not isinstance(node, ast.Call):
            ast.copy_location(call, node)
        scope.calls.append(CallSite(call, func, self.columns.span(func), level, in_return,
                                    tuple(reversed(self._call_stack)), is_decorator, self._branch_depth == 0,
                                    tuple(self._regions)))

    def _branch(self, conditional: bool = True) -> _Branch:
        """Mark what is walked inside as code that may not run."""
        return _Branch(self, conditional)

