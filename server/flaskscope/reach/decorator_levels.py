"""The context a function's own decorators push around every call of it.

``@with_appcontext``, ``@app.cli.command`` and ``@copy_current_request_context`` (and whatever
the project declares a provider) give the function a context wherever it is called from. Root
finding raises a root's level by it and the search stops at such a function, so both read it here.
"""

from __future__ import annotations

import ast

from flaskscope.knowledge.project import Knowledge
from flaskscope.levels import Level
from flaskscope.resolve.resolver import Resolver


def pushed_by_decorators(decorators: list[tuple[str, ast.expr]], knowledge: Knowledge) -> Level:
    """The context a function's decorators (``Resolver.decorators``) push around every call of it:
    ``@with_appcontext``, ``@app.cli.command``, ``@copy_current_request_context``."""
    return max((knowledge.wrapping_providers.get(name, Level.NONE) for name, _ in decorators), default=Level.NONE)


def decorator_level(resolver: Resolver, knowledge: Knowledge, qualname: str) -> Level:
    """``pushed_by_decorators`` for the workspace function ``qualname`` (NONE when there is none)."""
    scope = resolver.ws.scopes.get(qualname)
    return pushed_by_decorators(resolver.decorators(scope), knowledge) if scope else Level.NONE
