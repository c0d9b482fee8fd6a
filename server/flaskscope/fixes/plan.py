"""Which fix idioms fit which entry point, and the plan of fixes for one finding (preferred first)."""

from __future__ import annotations

import ast
import logging
from pathlib import Path
from typing import Callable

from flaskscope.edits import Fix, apply_edits
from flaskscope.findings import Finding
from flaskscope.fixes.context import FixContext
from flaskscope.fixes.module_level import lazy_class_attribute, lazy_default
from flaskscope.fixes.pytest_fixes import pytest_app_fixture
from flaskscope.fixes.spawn import copy_request_context, pass_app_to_target, proxy_escape
from flaskscope.fixes.strategies import (
    celery_flask_task,
    guard_has_context,
    stream_with_context,
    with_appcontext,
    wrap_chain,
    wrap_with_app_at_hand,
)
from flaskscope.knowledge.names import REQUEST_ATTRIBUTES, REQUEST_ROUTING_ATTRIBUTES, TEST_CLIENT_CLASS
from flaskscope.levels import Level
from flaskscope.resolve.contexts import context_entered
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value

_log = logging.getLogger(__name__)
_reported_unparsable: set[tuple[str, Path]] = set()

Strategy = Callable[[FixContext, Finding], Fix | None]

_THREADS: tuple[Strategy, ...] = (proxy_escape, copy_request_context, pass_app_to_target, wrap_chain)

STRATEGIES_BY_ROOT_KIND: dict[str, tuple[Strategy, ...]] = {
    "thread": _THREADS,
    "executor": _THREADS,
    "greenlet": _THREADS,
    "process": (proxy_escape, pass_app_to_target, wrap_chain),
    "celery-task": (proxy_escape, celery_flask_task, wrap_chain),
    "celery-signal": (wrap_chain,),
    "rq-job": (proxy_escape, wrap_chain),
    "dramatiq-actor": (proxy_escape, wrap_chain),
    "huey-task": (proxy_escape, wrap_chain),
    "scheduler-job": (proxy_escape, pass_app_to_target, wrap_chain),
    "atexit": (pass_app_to_target, wrap_chain),
    "signal": (wrap_chain,),
    "wsgi-middleware": (wrap_chain,),
    "import-time": (lazy_default, lazy_class_attribute, wrap_chain),
    "script": (wrap_chain,),
    "pytest": (pytest_app_fixture, wrap_with_app_at_hand),
    "click-command": (with_appcontext, wrap_chain),
    "stream": (stream_with_context,),
    "logging": (guard_has_context,),
    "app-teardown": (guard_has_context,),
}


# Rules no pushed context can fix: ``current_user`` is None outside a request whatever is pushed;
# the fix is to pass the user's id in, which only the author can write.
NO_CONTEXT_FIX: frozenset[str] = frozenset({"FCX105"})


def planner(resolver: Resolver, views: set[str], configured_app: str | None,
            server_name_configured: bool) -> Callable[[Finding], tuple[Fix, ...]]:
    """The fix planner adapters give ``analysis.Analyzer`` (its ``FixPlanner``): one run's context,
    kept for every finding of the run."""
    context = FixContext(resolver, views, configured_app, server_name_configured)
    return lambda finding: plan_fixes(context, finding)


def plan_fixes(context: FixContext, finding: Finding) -> tuple[Fix, ...]:
    if finding.code in NO_CONTEXT_FIX or _applied_decorator_on_chain(context, finding) \
            or _test_replaces_things(finding) or _context_made_on_the_chain(context, finding) \
            or _read_after_a_client_request(context, finding) or _request_data_no_fix_gives(context, finding):
        return ()
    fixes: list[Fix] = []
    for strategy in STRATEGIES_BY_ROOT_KIND.get(finding.root.kind, (wrap_chain,)):
        try:
            fix = strategy(context, finding)
        except (ValueError, IndexError, AttributeError, SyntaxError):
            fix = None  # an unusual shape the idiom does not handle: offer the others
        if fix is not None and all(fix.edits != other.edits for other in fixes) \
                and _result_parses(context, finding, fix):
            fixes.append(fix)
    return tuple(fixes)


def _result_parses(context: FixContext, finding: Finding, fix: Fix) -> bool:
    """Apply the fix to the text it was planned on and parse every file it edits: a fix that would
    leave a file that does not parse is never offered (and is logged once per rule and file)."""
    sources = {m.path: m.source for m in context.ws.modules.values()}
    for path in dict.fromkeys(edit.path for edit in fix.edits):
        source = sources.get(path)
        try:
            if source is None:
                raise SyntaxError(f"{path} is not part of the analysis")
            ast.parse(apply_edits(source, [e for e in fix.edits if e.path == path]))
        except (SyntaxError, ValueError) as exc:
            if (finding.code, path) not in _reported_unparsable:
                _reported_unparsable.add((finding.code, path))
                _log.warning("flaskscope: a fix for %s in %s was dropped: the fixed file would not parse (%s)",
                             finding.code, path, exc)
            return False
    return True


def _test_replaces_things(finding: Finding) -> bool:
    """A test that patches (``mock.patch``, ``monkeypatch.setattr``) and still reaches a sink patched
    the wrong name, or meant the real object to be there: what it expects is the test author's to
    say. A pushed context would make it run against a real app it never configured."""
    return bool(finding.root_patches)


def _context_made_on_the_chain(context: FixContext, finding: Finding) -> bool:
    """A function on the chain gets a context from a helper of the project's (``with app_ctx():``,
    ``self.make_request(...)``) and the use is not inside it: the fix is to move the use into that
    context (or enter it), which only the author can place. The helper's app is not at hand, and a
    fresh app's context would lose the helper's configuration."""
    for hop in finding.chain:
        scope = context.ws.scopes.get(hop.scope)
        if scope is not None and any(context.resolver.value_of(scope, call.func).kind == "scope"
                                     and context_entered(context.resolver, scope, call.node) > Level.NONE
                                     for call in scope.calls):
            return True
    return False


def _read_after_a_client_request(context: FixContext, finding: Finding) -> bool:
    """A test that reads ``request``/``session`` after a test-client request: that request's context
    is gone when the call returns unless the client is used as ``with client:``; wrapping the read in
    another, empty request context would test nothing."""
    if finding.root.kind != "pytest" or finding.needs is not Level.REQUEST:
        return False
    entry = context.ws.scopes.get(finding.root.scope)
    return entry is not None and any(
        isinstance(call.func, ast.Attribute)
        and context.resolver.value_of(entry, call.func.value) == Value("instance", TEST_CLIENT_CLASS)
        for call in entry.calls)


def _request_data_no_fix_gives(context: FixContext, finding: Finding) -> bool:
    """``request.attempts`` (no request has that: ``request`` is a stale name for something else) or,
    in a test, ``request.view_args`` (a request context the fix makes matches no route, so it is
    None): a pushed context trades the error for another. A thread's copied request keeps its route."""
    if finding.needs is not Level.REQUEST or not finding.chain:
        return False
    scope = context.ws.scopes.get(finding.chain[-1].scope)
    if scope is None:
        return False
    ref = next((r for r in scope.refs if r.spans[0] == finding.span), None)
    if ref is None or len(ref.names) < 2 or context.resolver.lookup(scope, ref.names[0]) != Value(
            "external", "flask.request"):
        return False
    attribute = ref.names[1]
    if attribute not in REQUEST_ATTRIBUTES:
        return True
    return finding.root.kind == "pytest" and attribute in REQUEST_ROUTING_ATTRIBUTES


def _applied_decorator_on_chain(context: FixContext, finding: Finding) -> bool:
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
