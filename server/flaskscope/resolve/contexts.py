"""What a ``with`` item pushes when its name alone does not say: helpers and stored context objects.

The index reads ``with app.app_context():`` by the method's name. Projects also write
``with app_ctx():`` (a ``@contextmanager`` that yields inside ``app.app_context()``),
``with self.make_request("/"):`` (a method returning ``self.app.test_request_context(...)``) and
``with self.ctx:`` (an ``AppContext`` made elsewhere): those need the resolver, and are asked
here only for the ``with`` blocks the index could not read.
"""

from __future__ import annotations

import ast

from flaskscope.index.model import Scope
from flaskscope.knowledge.providers import CONTEXT_CLASSES, CONTEXT_MANAGER_DECORATORS, CONTEXT_METHODS
from flaskscope.levels import Level
from flaskscope.resolve.resolver import Resolver

_MAX_HELPER_DEPTH = 3  # a helper returning a helper's context: deeper than that is not worth following


def context_entered(resolver: Resolver, scope: Scope, expr: ast.expr, depth: int = 0) -> Level:
    """The context entering ``expr`` in a ``with`` pushes for its block (NONE when not known to)."""
    value = resolver.value_of(scope, expr)
    if value.kind == "instance" and value.name in CONTEXT_CLASSES:
        return CONTEXT_CLASSES[value.name]
    if depth >= _MAX_HELPER_DEPTH:
        return Level.NONE
    if not isinstance(expr, ast.Call):
        stored = _stored_on_class(resolver, scope, expr)
        return context_entered(resolver, stored[0], stored[1], depth + 1) if stored else Level.NONE
    if isinstance(expr.func, ast.Attribute) and expr.func.attr in CONTEXT_METHODS:
        return CONTEXT_METHODS[expr.func.attr]
    target = resolver.value_of(scope, expr.func)
    helper = resolver.ws.scopes.get(target.name) if target.kind == "scope" else None
    if helper is None:
        return Level.NONE
    if any(name in CONTEXT_MANAGER_DECORATORS for name, _ in resolver.decorators(helper)):
        # The block runs where the generator yields: every yield must have the context.
        return min(helper.yield_levels, default=Level.NONE)
    if not helper.returns:
        return Level.NONE
    return min(context_entered(resolver, helper, returned, depth + 1) for returned in helper.returns)


def _stored_on_class(resolver: Resolver, scope: Scope, expr: ast.expr) -> tuple[Scope, ast.expr] | None:
    """``with self.app_context:`` where a method of the class or of a base (often ``setUpClass`` in
    another module: ``cls.app_context = app.app_context()``) stored the object: where it was made."""
    if not (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and scope.class_qualname
            and scope.params and expr.value.id == scope.params[0]):
        return None
    for info in resolver.class_chain(scope.class_qualname):
        binding = info.attributes.get(expr.attr)
        if binding is not None:
            owner = resolver.ws.scopes.get(binding.scope) if binding.scope else None
            return (owner, binding.expr) if owner is not None and binding.expr is not None else None
    return None
