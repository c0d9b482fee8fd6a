"""What other modules can see of a module: its interface, to tell an edit inside function bodies
from one that can change how the rest of the workspace resolves.

A focused run after an edit (``analysis.Analyzer.run_focused``) reuses every other scope's search
summary when the edited module's interface and its own scopes' summaries are what they were. The
interface is the module with its function bodies cut down to what other code can observe through
the index and resolver: ``return``/``yield`` values (a factory's result), every call (what a body
passes to other functions, threads, executors and signals is what their parameters are resolved
from), and the assignments to the local names those are made of (``app = Flask(...)``), stores to
attributes and
subscripts (``self.client = ...``, ``celery.Task = ...``, ``app.config[...] = ...``), ``global``
and ``nonlocal``, imports run inside functions, and nested functions and classes (their names and
decorators are scopes of their own). Other local variables, references and control flow inside a
body are left out: what they do is the function's own summary, compared separately, and the contexts the index
read around imports and yields are compared beside the interface (``reach.session``). Line numbers
are left out (``ast.dump`` omits them), so moving a function down does not change the interface.
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
    parts.extend(_body_parts(function.body, _names_returned(function)))
    parts.append("end def")
    return parts


def _names_returned(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The local names what a function gives other code is made of: those in its ``return`` and
    ``yield`` values, in the values it stores on objects, in the calls it makes (what it passes to
    other functions, threads, executors, signals), and those the assignments to them read, and so
    on (``app = Flask(...); ...; return app``, ``x = handler; sig.connect(x)``)."""
    own = _walk_here_all(function.body)
    seeds: list[ast.AST] = [node.value for node in own if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom))
                            and node.value is not None]
    seeds += [node for node in own if isinstance(node, ast.Call)]
    seeds += [node for node in own if isinstance(node, _STORES) and _stores_outside(node)]
    names = {n.id for seed in seeds for n in ast.walk(seed) if isinstance(n, ast.Name)}
    assignments = [node for node in own if isinstance(node, _STORES)]
    grown = True
    while grown:
        grown = False
        for node in assignments:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in names for target in targets for t in ast.walk(target)):
                read = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)} if node.value else set()
                if not read <= names:
                    names |= read
                    grown = True
    return names


def _walk_here_all(body: list[ast.stmt]) -> list[ast.AST]:
    """Every node of a function body, not those of functions and classes defined in it."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(child for child in ast.iter_child_nodes(node)
                       if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)))
    return found


def _body_parts(body: list[ast.stmt], returned: set[str]) -> list[str]:
    """The observable statements of a function body, nested blocks included; ``returned``: the local
    names its result is made of, whose assignments are kept too."""
    parts = []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.extend(_function_parts(stmt))
        elif isinstance(stmt, ast.ClassDef):
            parts.extend(_module_parts([stmt]))
        elif isinstance(stmt, _KEPT_IN_BODIES) or (isinstance(stmt, _STORES) and (
                _stores_outside(stmt) or _assigns_one_of(stmt, returned))):
            parts.append(ast.dump(stmt))
        else:
            parts.extend(ast.dump(node) for node in _walk_here(stmt)
                         if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Call)))
            if returned and _header_binds(stmt, returned):
                parts.append(ast.dump(stmt))  # ``with make() as app: return app``: the result is bound here
                continue
            for field in ("body", "orelse", "finalbody"):
                parts.extend(_body_parts(getattr(stmt, field, None) or [], returned))
            for handler in getattr(stmt, "handlers", []):
                parts.extend(_body_parts(handler.body, returned))
            for case in getattr(stmt, "cases", []):
                parts.extend(_body_parts(case.body, returned))
    return parts


def _assigns_one_of(stmt: ast.Assign | ast.AugAssign | ast.AnnAssign, names: set[str]) -> bool:
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return any(isinstance(t, ast.Name) and t.id in names for target in targets for t in ast.walk(target))


def _header_binds(stmt: ast.stmt, names: set[str]) -> bool:
    """``with x as name:`` / ``for name in x:`` binding one of ``names``."""
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in stmt.items if item.optional_vars is not None]
    elif isinstance(stmt, (ast.For, ast.AsyncFor)):
        targets = [stmt.target]
    else:
        return False
    return any(isinstance(n, ast.Name) and n.id in names for target in targets for n in ast.walk(target))


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
