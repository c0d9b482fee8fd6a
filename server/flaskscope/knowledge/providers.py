"""What pushes a context, and what proves one is there (guards).

Providers are matched on the method or function that creates the context manager, so
``with app.app_context():`` works whatever ``app`` is (a global, a parameter,
``scheduler.app``, ``create_app()``).
"""

from __future__ import annotations

from flaskscope.levels import Level

# ``with <anything>.<method>(...):`` and ``<anything>.<method>(...).push()``
CONTEXT_METHODS: dict[str, Level] = {
    "app_context": Level.APP,
    "test_request_context": Level.REQUEST,
    "request_context": Level.REQUEST,
}

# Objects that push their context when a ``with`` block enters them (``ctx = app.app_context()``
# stored, then ``with ctx:``): the classes ``CONTEXT_METHODS`` return.
CONTEXT_CLASSES: dict[str, Level] = {
    "flask.ctx.AppContext": Level.APP,
    "flask.ctx.RequestContext": Level.REQUEST,
}

# Decorators that make a generator function a context manager: ``with helper():`` runs the body
# where the generator yields, so it has the context pushed around its ``yield``.
CONTEXT_MANAGER_DECORATORS: frozenset[str] = frozenset(
    {"contextlib.contextmanager", "contextlib.asynccontextmanager"})

# Decorators and wrappers that run the wrapped function inside a context.
WRAPPING_PROVIDERS: dict[str, Level] = {
    "flask.copy_current_request_context": Level.REQUEST,
    "flask.stream_with_context": Level.REQUEST,
    "flask.cli.with_appcontext": Level.APP,
    "flask.cli.AppGroup.command": Level.APP,  # applies ``with_appcontext`` to the command's callback
}

# Calls whose truth proves a context (``if has_request_context(): ...``).
GUARD_CALLS: dict[str, Level] = {
    "flask.has_app_context": Level.APP,
    "flask.has_request_context": Level.REQUEST,
}

# Exceptions whose handler makes the ``try`` body safe: a context error is caught there.
CATCHING_EXCEPTIONS: frozenset[str] = frozenset({"RuntimeError", "Exception", "BaseException"})

# ``with client:`` (a Flask test client) keeps the context of the last request made through it
# alive until the block ends: after ``client.get(...)`` inside the block, ``request`` and
# ``session`` work (observed; tests/corpus/with_client_block_fixed).
TEST_CLIENT_REQUEST_METHODS: frozenset[str] = frozenset(
    {"get", "post", "put", "delete", "patch", "head", "options", "open"})
TEST_CLIENT_FACTORY_METHOD = "test_client"
