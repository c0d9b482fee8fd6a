"""Which fix idioms fit which entry point, and the plan of fixes for one finding (preferred first)."""

from __future__ import annotations

from typing import Callable

from flaskscope.findings import Finding
from flaskscope.fixes import strategies as s
from flaskscope.fixes.model import Fix

Strategy = Callable[[s.FixContext, Finding], Fix | None]

_THREADS: tuple[Strategy, ...] = (s.proxy_escape, s.copy_request_context, s.pass_app_to_target, s.wrap_chain)

STRATEGIES_BY_ROOT_KIND: dict[str, tuple[Strategy, ...]] = {
    "thread": _THREADS,
    "executor": _THREADS,
    "greenlet": _THREADS,
    "process": (s.proxy_escape, s.pass_app_to_target, s.wrap_chain),
    "celery-task": (s.proxy_escape, s.celery_flask_task, s.wrap_chain),
    "celery-signal": (s.wrap_chain,),
    "rq-job": (s.proxy_escape, s.wrap_chain),
    "dramatiq-actor": (s.proxy_escape, s.wrap_chain),
    "huey-task": (s.proxy_escape, s.wrap_chain),
    "scheduler-job": (s.proxy_escape, s.pass_app_to_target, s.wrap_chain),
    "atexit": (s.pass_app_to_target, s.wrap_chain),
    "signal": (s.wrap_chain,),
    "wsgi-middleware": (s.wrap_chain,),
    "import-time": (s.lazy_default, s.lazy_class_attribute, s.wrap_chain),
    "script": (s.wrap_chain,),
    "pytest": (s.pytest_app_fixture, s.wrap_chain),
    "click-command": (s.with_appcontext, s.wrap_chain),
    "stream": (s.stream_with_context,),
    "logging": (s.guard_has_context,),
}


# Rules no pushed context can fix: ``current_user`` is None outside a request whatever is pushed;
# the fix is to pass the user's id in, which only the author can write.
NO_CONTEXT_FIX: frozenset[str] = frozenset({"FCX105"})


def plan_fixes(context: s.FixContext, finding: Finding) -> tuple[Fix, ...]:
    if finding.code in NO_CONTEXT_FIX or _applied_decorator_on_chain(context, finding):
        return ()
    fixes: list[Fix] = []
    for strategy in STRATEGIES_BY_ROOT_KIND.get(finding.root.kind, (s.wrap_chain,)):
        try:
            fix = strategy(context, finding)
        except (ValueError, IndexError, AttributeError, SyntaxError):
            fix = None  # an unusual shape the idiom does not handle: offer the others
        if fix is not None and all(fix.edits != other.edits for other in fixes):
            fixes.append(fix)
    return tuple(fixes)


def _applied_decorator_on_chain(context: s.FixContext, finding: Finding) -> bool:
    """Import-time code that reaches the sink through a decorator a factory returned (``@requires(check)``
    calls ``check`` as the module is imported, often while ``create_app`` imports it): no pushed
    context is right there; the call belongs in the wrapper, which only the author can move."""
    if finding.root.kind != "import-time":
        return False
    for hop in finding.chain:
        scope = context.ws.scopes.get(hop.scope)
        parent = context.ws.scopes.get(scope.parent or "") if scope is not None else None
        if parent is not None and parent.kind == "function" and scope is not None and scope.kind == "function":
            return True
    return False
