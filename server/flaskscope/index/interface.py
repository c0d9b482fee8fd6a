"""What other modules can see of a module: its interface, to tell an edit inside function bodies
from one that can change how the rest of the workspace resolves.

A focused run after an edit (``analysis.Analyzer.run_focused``) reuses every other scope's search
summary when the edited module's interface and its own scopes' summaries are what they were. The
interface is the module with its function bodies cut down to what other code can observe through
the index and resolver: ``return``/``yield`` values (a factory's result), stores to attributes and
subscripts (``self.client = ...``, ``celery.Task = ...``, ``app.config[...] = ...``), ``global``
and ``nonlocal``, imports run inside functions, and nested functions and classes (their names and
decorators are scopes of their own). Calls, local variables and control flow inside a body are left
out: what they do is the function's own summary, compared separately. Line numbers are left out too
(``ast.dump`` omits them), so moving a function down does not change the interface.
"""

from __future__ import annotations

import ast
import hashlib

_KEPT_IN_BODIES = (ast.Return, ast.Global, ast.Nonlocal, ast.Import, ast.ImportFrom)
_STORES = (ast.Assign, ast.AugAssign, ast.AnnAssign)


def interface_digest(tree: ast.Module) -> str:
    """A digest of the module's interface (see the module docstring)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in _module_parts(tree.body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _module_parts(body: list[ast.stmt]) -> list[str]:
    parts = []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.extend(_function_parts(stmt))
        elif isinstance(stmt, ast.ClassDef):
            parts.append("class " + stmt.name + ast.dump(ast.Tuple(elts=[*stmt.bases, *stmt.decorator_list])))
            parts.extend(ast.dump(k) for k in stmt.keywords)
            parts.extend(_module_parts(stmt.body))
            parts.append("end class")
        else:
            parts.append(_dump_without_functions(stmt))
    return parts


def _function_parts(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    kind = "async def " if isinstance(function, ast.AsyncFunctionDef) else "def "
    parts = [kind + function.name, ast.dump(function.args),
             ast.dump(ast.Tuple(elts=list(function.decorator_list))),
             ast.dump(function.returns) if function.returns is not None else ""]
    parts.extend(_body_parts(function.body))
    parts.append("end def")
    return parts


def _body_parts(body: list[ast.stmt]) -> list[str]:
    """The observable statements of a function body, nested blocks included."""
    parts = []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.extend(_function_parts(stmt))
        elif isinstance(stmt, ast.ClassDef):
            parts.extend(_module_parts([stmt]))
        elif isinstance(stmt, _KEPT_IN_BODIES) or (isinstance(stmt, _STORES) and _stores_outside(stmt)):
            parts.append(ast.dump(stmt))
        else:
            if any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in _walk_here(stmt)):
                parts.append("yields")
            for field in ("body", "orelse", "finalbody"):
                parts.extend(_body_parts(getattr(stmt, field, None) or []))
            for handler in getattr(stmt, "handlers", []):
                parts.extend(_body_parts(handler.body))
            for case in getattr(stmt, "cases", []):
                parts.extend(_body_parts(case.body))
    return parts


def _stores_outside(stmt: ast.Assign | ast.AugAssign | ast.AnnAssign) -> bool:
    """A store to an attribute or an item (seen by other code), not only to local names."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return any(isinstance(node, (ast.Attribute, ast.Subscript)) for target in targets for node in ast.walk(target))


def _walk_here(stmt: ast.stmt) -> list[ast.AST]:
    """The nodes of ``stmt`` outside nested blocks of statements and nested functions."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = [stmt]
    while pending:
        node = pending.pop()
        found.append(node)
        for field, value in ast.iter_fields(node):
            if field in ("body", "orelse", "finalbody", "handlers", "cases"):
                continue
            children = value if isinstance(value, list) else [value]
            pending.extend(c for c in children if isinstance(c, ast.AST) and not isinstance(c, ast.Lambda))
    return found


def _dump_without_functions(stmt: ast.stmt) -> str:
    """A module-level statement; functions defined inside it (``if TYPE_CHECKING: def ...``) are cut
    down like any other."""
    if not any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in ast.walk(stmt)):
        return ast.dump(stmt)
    parts = [type(stmt).__name__]
    for field, value in ast.iter_fields(stmt):
        if field in ("body", "orelse", "finalbody"):
            parts.extend(_module_parts(value))
        elif field == "handlers":
            for handler in value:
                parts.append(ast.dump(handler.type) if handler.type is not None else "except")
                parts.extend(_module_parts(handler.body))
        elif field == "cases":
            for case in value:
                parts.append(ast.dump(case.pattern))
                parts.extend(_module_parts(case.body))
        elif isinstance(value, ast.AST):
            parts.append(ast.dump(value))
        elif isinstance(value, list):
            parts.extend(ast.dump(v) if isinstance(v, ast.AST) else repr(v) for v in value)
    return "\n".join(parts)
