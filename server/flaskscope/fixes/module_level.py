"""Fix idioms for import-time reads: compute the value when it is used, not when the module loads."""

from __future__ import annotations

import ast

from flaskscope.edits import Fix, TextEdit
from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.context import FixContext


def lazy_default(ctx: FixContext, finding: Finding) -> Fix | None:
    """A default argument evaluated at import time: compute it when the function runs."""
    body_hop = finding.chain[0]
    scope = ctx.scope(body_hop.scope)
    if scope is None or scope.kind != "module" or not isinstance(scope.node, ast.Module):
        return None
    for stmt in ast.walk(scope.node):
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        args = stmt.args
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
        for arg, default in pairs:
            start = (default.lineno, default.col_offset)
            end = (default.end_lineno or default.lineno, default.end_col_offset or 0)
            if start <= (finding.span.line, finding.span.col) < end:
                module = ctx.module(scope.qualname)
                expression = text.source_of(module, default)
                first = text.body_without_docstring(stmt.body)[0]
                edits = [text.replace_node(module, default, "None"),
                         text.insert_before_statement(module, first, [
                             f"if {arg.arg} is None:", f"    {arg.arg} = {expression}"])]
                return Fix(f"Compute the default of `{arg.arg}` when the function runs", tuple(edits))
    return None


def lazy_class_attribute(ctx: FixContext, finding: Finding) -> Fix | None:
    """A class attribute computed at import time: compute it on access with a property."""
    body_hop = finding.chain[0]
    scope = ctx.scope(body_hop.scope)
    if scope is None or scope.kind != "module" or not isinstance(scope.node, ast.Module):
        return None
    for klass in ast.walk(scope.node):
        if not isinstance(klass, ast.ClassDef):
            continue
        for stmt in klass.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and stmt.lineno <= finding.span.line <= (stmt.end_lineno or stmt.lineno):
                module = ctx.module(scope.qualname)
                name = stmt.targets[0].id
                if _read_through_class(ctx, f"{module.name}.{klass.name}", name):
                    return None  # ``Class.attr`` would give the property object itself, not the value
                expression = text.source_of(module, stmt.value)
                indent = text.indent_of(module.source.splitlines()[stmt.lineno - 1])
                unit = text.indent_unit(module)
                new_text = (f"{indent}@property\n{indent}def {name}(self):\n"
                            f"{indent}{unit}return {expression}\n")
                edit = TextEdit(module.path, stmt.lineno, 0, (stmt.end_lineno or stmt.lineno) + 1, 0, new_text)
                # A guess: ``Class.attr`` (not through an instance) would now give the property itself.
                return Fix(f"Compute `{name}` on access (a property)", (edit,), safe=False)
    return None


def _read_through_class(ctx: FixContext, class_qualname: str, attribute: str) -> bool:
    """Is ``attribute`` read from the class itself anywhere (``Settings.x``, ``cls.x``), or could it be?

    Only reads through instances keep working once the attribute is a property. A class whose
    qualified name the index does not know is assumed to be read through the class.
    """
    if class_qualname not in ctx.ws.classes:
        return True
    for scope in ctx.ws.scopes.values():
        for ref in scope.refs:
            if attribute not in ref.names[1:]:
                continue
            position = ref.names.index(attribute, 1)
            value = ctx.resolver.lookup(scope, ref.names[0])
            for name in ref.names[1:position]:
                value = ctx.resolver.attribute(value, name)
            if value.kind == "class" and value.name == class_qualname:
                return True
    return False
