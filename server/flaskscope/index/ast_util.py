"""Small readings of ``ast`` nodes that the index, the resolver, root finding and the fixes all need.

They live apart from the builder so that code outside ``index`` can read a dotted name, a
relative import or a ``__main__`` guard the same way the index does, without reaching into the
builder's private names.
"""

from __future__ import annotations

import ast


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
    return ".".join(name_of(n) for n in nodes)


def name_of(node: ast.expr) -> str:
    """The name one node of a dotted name (see ``dotted``) contributes: a Name's id, an Attribute's attr."""
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


def is_main_guard(stmt: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` (either way round): what follows runs only as a script."""
    if not isinstance(stmt, ast.If) or not isinstance(stmt.test, ast.Compare):
        return False
    test = stmt.test
    sides = [test.left, *test.comparators]
    names = {s.id for s in sides if isinstance(s, ast.Name)}
    consts = {s.value for s in sides if isinstance(s, ast.Constant)}
    return "__name__" in names and "__main__" in consts


def call_argument(call: ast.Call, position: int | None, keyword: str | None) -> ast.expr | None:
    """The argument passed as ``keyword=`` or else at ``position`` (not a ``*args``), if any."""
    for kw in call.keywords:
        if keyword is not None and kw.arg == keyword:
            return kw.value
    if position is not None and len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None
