"""Which call created an object: per-instance facts, where values only say what an object is.

``Value`` says ``celery`` is a ``celery.Celery``; a project with two Celery apps (or two blinker
signals) needs to know *which* ``Celery(...)`` a name was made by, to read that one app's
``task_cls=`` or that one signal's name. This follows assignments and imports back to the call.
"""

from __future__ import annotations

import ast

from flaskscope.index.ast_util import call_argument
from flaskscope.index.model import Binding, Scope
from flaskscope.resolve.resolver import MAX_DEPTH, Resolver


def creating_call(resolver: Resolver, scope: Scope, expr: ast.expr, depth: int = 0
                  ) -> tuple[Scope, ast.Call] | None:
    """The call that created the object a name refers to (``celery = Celery(...)``), if known.

    Values say *what* an object is; this says *which one*, for per-instance facts such as the
    task class of one Celery app among several.
    """
    if depth > MAX_DEPTH:
        return None
    if isinstance(expr, ast.Call):
        return scope, expr
    if isinstance(expr, ast.Name):
        walk: Scope | None = scope
        while walk is not None:
            binding = walk.locals.get(expr.id)
            if binding is not None and binding.kind == "param":
                return _argument_origin(resolver, walk, expr.id, depth)
            if binding is not None:
                return _binding_origin(resolver, binding, walk, depth)
            walk = resolver.ws.scopes.get(walk.parent) if walk.parent else None
        return None
    if isinstance(expr, ast.Attribute):
        owner = resolver.value_of(scope, expr.value)
        if owner.kind == "module":
            binding = resolver.ws.modules[owner.name].globals.get(expr.attr)
            if binding is not None:
                return _binding_origin(resolver, binding, resolver.ws.modules[owner.name].body_scope, depth)
    return None


def _binding_origin(resolver: Resolver, binding: Binding, owner: Scope, depth: int
                    ) -> tuple[Scope, ast.Call] | None:
    if binding.kind == "assign" and binding.expr is not None:
        return creating_call(resolver, resolver.ws.scopes.get(binding.scope, owner), binding.expr, depth + 1)
    if binding.kind == "import":
        parts = binding.target.rsplit(".", 1)
        module = resolver.ws.modules.get(parts[0]) if len(parts) == 2 else None
        if module is not None and parts[1] in module.globals:
            return _binding_origin(resolver, module.globals[parts[1]], module.body_scope, depth + 1)
    return None


def _argument_origin(resolver: Resolver, function: Scope, param: str, depth: int) -> tuple[Scope, ast.Call] | None:
    """A parameter's object, when every call of the function passes one made by the same call
    (``configure_celery(app, celery)`` with the ``celery`` of ``extensions``)."""
    if function.kind != "function" or param not in function.params:
        return None
    position = function.params.index(param)
    if function.class_qualname is not None:
        position -= 1  # called through the instance: ``self`` is not among the call's arguments
    found: tuple[Scope, ast.Call] | None = None
    for caller, call in resolver.callers.calls_to(function):
        argument = call_argument(call, position if position >= 0 else None, param)
        origin = creating_call(resolver, caller, argument, depth + 1) if argument is not None else None
        if origin is None or (found is not None and origin[1] is not found[1]):
            return None
        found = origin
    return found
