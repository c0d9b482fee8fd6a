"""Roots started by a call: threads, executors, greenlets, processes, schedulers and job queues.

``Thread(target=f)``, ``executor.submit(f)``, ``scheduler.add_job(f)`` and ``queue.enqueue(f)``
hand a callable to something that runs it later, elsewhere, without the caller's context (the
table rows are ``knowledge.roots.CALL_ROOTS``). The callable may be spelled as text
(``"pkg.tasks:export"``), wrapped (``copy_current_request_context(f)``), listed in
Flask-APScheduler's ``JOBS`` setting, or made a task by a decorator applied as a call
(``celery.task(name=...)(f)``). A bare proxy handed along with it is FCX103 (an ``Escape``).
"""

from __future__ import annotations

import ast
from typing import Callable

from flaskscope.findings import Gap, Root
from flaskscope.index.ast_util import call_argument, dotted_text
from flaskscope.index.model import CallSite, Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.project import Knowledge
from flaskscope.knowledge.sinks import ESCAPING_PROXIES
from flaskscope.levels import Level
from flaskscope.reach.celery_levels import CeleryLevels
from flaskscope.reach.decorator_levels import decorator_level
from flaskscope.reach.entry_data import Escape
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import scope_names


class CallRoots:
    """The roots the workspace's calls start, and the proxies those calls hand over."""

    def __init__(self, resolver: Resolver, knowledge: Knowledge, celery: CeleryLevels,
                 add: Callable[[Root], None], escapes: list[Escape]) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.knowledge = knowledge
        self._celery = celery
        self._add = add  # the finder's: records a root once, with an RQ worker's gap
        self.escapes = escapes  # ``Entries.escapes``, filled here

    def read_call(self, scope: Scope, call: CallSite) -> None:
        """The roots a call starts (``Thread(target=f)``, ``executor.submit(f)``, ``queue.enqueue("pkg.f")``,
        ``celery.task(...)(f)``), and the proxies it hands them."""
        self._decorator_applied_by_call(scope, call)
        value = self.resolver.value_of(scope, call.func)
        spec = self.knowledge.call_roots.get(value.name) if value.kind == "external" else None
        if spec is None and value.kind in ("unknown", "external") and isinstance(call.func, ast.Attribute):
            spec = table.UNRESOLVED_METHOD_ROOTS.get(call.func.attr)
        if spec is None:
            return
        argument = call_argument(call.node, spec.position, spec.keyword)
        if argument is None:
            return
        level, expr = self._unwrap(scope, argument)
        level = max(level, spec.level)
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str) and spec.callee in table.TEXTUAL_TARGET_CALLS:
            targets = self._textual_target(expr.value)
        else:
            targets = scope_names(self.resolver.value_of(scope, expr))
        path = self.ws.path_of(scope)
        gap = None
        if spec.kind == table.PROCESS_KIND and scope.kind == "function" and level < Level.APP:
            gap = Gap(GapKind.FORKED_CONTEXT.value, path, call.span.line,
                      "started in a function whose callers' context a forked child keeps")
        site = self.ws.span_of(scope, call.node)
        for entry in targets:
            entry_level = max(level, decorator_level(self.resolver, self.knowledge, entry))
            self._add(Root(spec.kind, path, call.span.line, entry_level, spec.what, entry, True, site,
                           scope.qualname, spec.callee, self.ws.span_of(scope, argument), gap=gap))
        root = Root(spec.kind, path, call.span.line, level, spec.what, targets[0] if targets else "", True,
                    site, scope.qualname, spec.callee, self.ws.span_of(scope, argument))
        self._escapes(scope, call.node, expr, root)

    def _decorator_applied_by_call(self, scope: Scope, call: CallSite) -> None:
        """``celery.task(name="shop.reindex")(reindex)``: a root decorator applied as a call, at the
        function's registration site rather than on its ``def``."""
        factory = call.func
        if not isinstance(factory, ast.Call) or not call.node.args:
            return
        decorator = self.resolver.value_of(scope, factory.func)
        spec = self.knowledge.decorator_roots.get(decorator.name) if decorator.kind == "external" else None
        if spec is None or spec.kind in ("view", "click-command"):
            return
        for target in scope_names(self.resolver.value_of(scope, call.node.args[0])):
            function = self.ws.scopes.get(target)
            if function is None:
                continue
            level = self._celery.decorator_root_level(spec, function, factory, scope)
            self._add(Root(spec.kind, self.ws.path_of(function), function.span.line,
                           max(level, decorator_level(self.resolver, self.knowledge, target)), spec.what, target))

    def _textual_target(self, text: str) -> tuple[str, ...]:
        """The workspace function a job's text names (``pkg.tasks.export``, ``pkg.jobs:nightly``)."""
        value = self.resolver.qualified(text.replace(":", ".").strip())
        return (value.name,) if value.kind == "scope" and value.name in self.ws.scopes else ()

    def configured_jobs(self, only: frozenset[str] | None) -> None:
        """Flask-APScheduler's ``JOBS`` setting (a class attribute of a config object, a module global or
        ``app.config["JOBS"] = [...]``): each ``{"func": "pkg.jobs:name", ...}`` is a scheduled job."""
        if not any(b.kind == "import" and b.target.split(".")[0] == table.CONFIGURED_JOBS_LIBRARY
                   for m in self.ws.modules.values() for b in m.globals.values()):
            return
        settings: list[tuple[Scope, ast.expr]] = []
        for module in self.ws.modules.values():
            binding = module.globals.get(table.CONFIGURED_JOBS_SETTING)
            if binding is not None and binding.kind == "assign" and binding.expr is not None:
                settings.append((module.body_scope, binding.expr))
        for info in self.ws.classes.values():
            binding = info.attributes.get(table.CONFIGURED_JOBS_SETTING)
            scope = self.ws.scopes.get(binding.scope) if binding is not None else None
            if scope is not None and binding is not None and binding.expr is not None:
                settings.append((scope, binding.expr))
        for scope, expr in settings:
            if only is not None and scope.module not in only:
                continue
            for job in expr.elts if isinstance(expr, (ast.List, ast.Tuple)) else ():
                if not isinstance(job, ast.Dict):
                    continue
                for key, value in zip(job.keys, job.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == table.CONFIGURED_JOB_FUNCTION_KEY \
                            and isinstance(value, ast.Constant) and isinstance(value.value, str):
                        for target in self._textual_target(value.value):
                            self._add(Root("scheduler-job", self.ws.path_of(scope), value.lineno, Level.NONE,
                                           "a job of Flask-APScheduler's JOBS setting", target))

    def _unwrap(self, scope: Scope, expr: ast.expr) -> tuple[Level, ast.expr]:
        """``copy_current_request_context(f)`` runs ``f`` with the copied request context."""
        if isinstance(expr, ast.Call) and expr.args:
            func = self.resolver.value_of(scope, expr.func)
            if func.kind == "external" and func.name in self.knowledge.wrapping_providers:
                return self.knowledge.wrapping_providers[func.name], expr.args[0]
        return Level.NONE, expr

    def _escapes(self, scope: Scope, call: ast.Call, target: ast.expr, root: Root) -> None:
        """Every argument handed over besides the target: a bare proxy there is FCX103."""
        handed: list[ast.expr] = []
        for arg in call.args:
            handed.append(arg)
        for keyword in call.keywords:
            handed.append(keyword.value)
        for expr in handed:
            for element in _elements(expr):
                if element is target:
                    continue
                name = self._proxy_name(scope, element)
                if name is not None:
                    text = dotted_text(element) or ""
                    self.escapes.append(Escape(scope.qualname, element, text, name, root))

    def _proxy_name(self, scope: Scope, expr: ast.expr) -> str | None:
        """The proxy (``flask.request``...) a bare name or attribute is, if it is one that escapes."""
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        value = self.resolver.value_of(scope, expr)
        if value.kind == "external" and value.name in ESCAPING_PROXIES:
            return value.name
        return None


def _elements(expr: ast.expr) -> list[ast.expr]:
    """The leaves of literal containers (``args=(request,)``, ``kwargs={"user": g.user}``)."""
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return [e for element in expr.elts for e in _elements(element)]
    if isinstance(expr, ast.Dict):
        return [e for value in expr.values for e in _elements(value)]
    return [expr]
