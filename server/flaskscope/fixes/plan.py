"""Which fix idioms fit which entry point, and the plan of fixes for one finding (preferred first)."""

from __future__ import annotations

import ast
import logging
from pathlib import Path
from typing import Callable

from flaskscope.findings import Finding
from flaskscope.fixes import strategies as s
from flaskscope.fixes.model import Fix, apply_edits

_log = logging.getLogger(__name__)
_reported_unparsable: set[tuple[str, Path]] = set()

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
    "pytest": (s.pytest_app_fixture, s.wrap_with_app_at_hand),
    "click-command": (s.with_appcontext, s.wrap_chain),
    "stream": (s.stream_with_context,),
    "logging": (s.guard_has_context,),
    "app-teardown": (s.guard_has_context,),
}


# Rules no pushed context can fix: ``current_user`` is None outside a request whatever is pushed;
# the fix is to pass the user's id in, which only the author can write.
NO_CONTEXT_FIX: frozenset[str] = frozenset({"FCX105"})


def plan_fixes(context: s.FixContext, finding: Finding) -> tuple[Fix, ...]:
    if finding.code in NO_CONTEXT_FIX or _applied_decorator_on_chain(context, finding) \
            or _test_replaces_things(context, finding):
        return ()
    fixes: list[Fix] = []
    for strategy in STRATEGIES_BY_ROOT_KIND.get(finding.root.kind, (s.wrap_chain,)):
        try:
            fix = strategy(context, finding)
        except (ValueError, IndexError, AttributeError, SyntaxError):
            fix = None  # an unusual shape the idiom does not handle: offer the others
        if fix is not None and all(fix.edits != other.edits for other in fixes) \
                and _result_parses(context, finding, fix):
            fixes.append(fix)
    return tuple(fixes)


def _result_parses(context: s.FixContext, finding: Finding, fix: Fix) -> bool:
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


def _test_replaces_things(context: s.FixContext, finding: Finding) -> bool:
    """A test that patches (``mock.patch``, ``monkeypatch.setattr``) and still reaches a sink patched
    the wrong name, or meant the real object to be there: what it expects is the test author's to
    say. A pushed context would make it run against a real app it never configured."""
    return finding.root.kind == "pytest" and bool(context.certainty().patched_by(finding.root.scope))


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
