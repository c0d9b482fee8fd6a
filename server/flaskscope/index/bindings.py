"""The names a body binds, collected before the body is walked.

Python binds a function's names for its whole body, so a use that comes before the ``def``,
import or assignment in source order (a helper defined below the code calling it) must still
resolve. The builder therefore binds every name of a body first, here, and walks it after.
"""

from __future__ import annotations

import ast
from typing import Iterator

from flaskscope.index.ast_util import resolve_relative
from flaskscope.index.model import Binding, ModuleIndex, Scope

FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
MAX_EARLIER = 4  # earlier assignments kept per name: enough for a value built up step by step


def collect_bindings(index: ModuleIndex, body: list[ast.stmt], scope: Scope) -> None:
    """Bind names first, so a use before the def in source order still resolves."""
    for stmt in _own_statements(body):
        if isinstance(stmt, FUNCTION_NODES):
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
            base = resolve_relative(index.name, index.is_package, stmt.level, stmt.module) \
                if stmt.level else (stmt.module or "")
            for alias in stmt.names:
                if alias.name == "*":
                    index.star_imports.append(base)
                    continue
                scope.locals[alias.asname or alias.name] = Binding("import", f"{base}.{alias.name}")
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if stmt.value is None:
                continue
            for target in targets:
                if isinstance(target, ast.Name):
                    scope.locals[target.id] = _assignment(scope, target.id, stmt.value)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)) and isinstance(stmt.target, ast.Name):
            scope.locals.setdefault(stmt.target.id, Binding("element", expr=stmt.iter, scope=scope.qualname))
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                if isinstance(item.optional_vars, ast.Name):
                    scope.locals[item.optional_vars.id] = _assignment(scope, item.optional_vars.id, item.context_expr)


def _assignment(scope: Scope, name: str, value: ast.expr) -> Binding:
    """The binding of ``name = value``, remembering what earlier assignments of the body gave it."""
    previous = scope.locals.get(name)
    earlier: tuple[ast.expr, ...] = ()
    if previous is not None and previous.kind == "assign" and previous.expr is not None:
        earlier = (previous.expr, *previous.earlier)[:MAX_EARLIER]
    return Binding("assign", expr=value, scope=scope.qualname, earlier=earlier)


def _own_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements of a body including those nested in blocks, but not in nested defs/classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (*FUNCTION_NODES, ast.ClassDef)):
            continue
        for field_name in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(stmt, field_name, None)
            if isinstance(inner, list):
                yield from _own_statements([s for s in inner if isinstance(s, ast.stmt)] +
                                           [s for h in inner if isinstance(h, ast.ExceptHandler) for s in h.body])
        if isinstance(stmt, ast.Match):
            for case in stmt.cases:
                yield from _own_statements(case.body)
