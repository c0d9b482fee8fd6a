"""What every fix idiom works with: the project (``FixContext``), the context a fix pushes, and
a ``with`` block placed around the statements of a scope."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flaskscope.edits import TextEdit
from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.app_source import AppFinder
from flaskscope.index.ast_util import dotted_text, is_main_guard
from flaskscope.index.model import CallSite, ModuleIndex, Scope
from flaskscope.knowledge.roots import (
    CELERY_APP_CLASS,
    CELERY_TASK_CLASS_KEYWORD,
    REQUEST_LESS_ROOT_KINDS,
)
from flaskscope.knowledge.sinks import NEED_SERVER_NAME_TAILS
from flaskscope.levels import Level
from flaskscope.resolve.resolver import Resolver


@dataclass


class FixContext:
    resolver: Resolver
    views: set[str]
    configured_app: str | None = None  # ``app = "module:expression"`` from the project's configuration
    server_name_configured: bool = False  # ``SERVER_NAME`` set: ``url_for`` works in an app context

    def __post_init__(self) -> None:
        self.ws = self.resolver.ws
        self.apps = AppFinder(self.resolver, self.configured_app)
        self._celery_constructions: list[tuple[Scope, CallSite]] | None = None
        self._fixture_names: set[str] | None = None
        self._fixture_functions: set[str] | None = None

    def celery_constructions(self) -> list[tuple[Scope, CallSite]]:
        """Every ``Celery(...)`` without ``task_cls=`` in the workspace (computed once)."""
        if self._celery_constructions is None:
            self._celery_constructions = [
                (scope, call) for scope in self.ws.scopes.values() for call in scope.calls
                if self.resolver.value_of(scope, call.func).name == CELERY_APP_CLASS
                and not any(k.arg == CELERY_TASK_CLASS_KEYWORD for k in call.node.keywords)]
        return self._celery_constructions

    def fixture_functions(self) -> set[str]:
        """Qualnames of the workspace's pytest fixtures (computed once: a scan of every function)."""
        if self._fixture_functions is None:
            self._fixture_functions = {
                s.qualname for s in self.ws.scopes.values()
                if any("fixture" in (dotted_text(d.func if isinstance(d, ast.Call) else d) or "")
                       for d in s.decorators)}
        return self._fixture_functions

    def fixture_names(self) -> set[str]:
        """Names of the workspace's pytest fixtures."""
        if self._fixture_names is None:
            self._fixture_names = {self.ws.scopes[q].name for q in self.fixture_functions()}
        return self._fixture_names

    def module(self, scope: str) -> ModuleIndex:
        return self.ws.module_of_scope[scope]

    def scope(self, qualname: str) -> Scope | None:
        return self.ws.scopes.get(qualname)

    def runs_in_request(self, scope: Scope, seen: frozenset[str] = frozenset()) -> bool:
        """A view, or code called only from views (directly or through such code)."""
        if scope.qualname in self.views:
            return True
        if scope.qualname in seen or len(seen) > 8:
            return False
        callers = self.resolver.callers_of(scope)
        return bool(callers) and all(self.runs_in_request(c, seen | {scope.qualname}) for c in callers)


def context_method(ctx: FixContext, finding: Finding) -> str:
    """A request-level need gets a test request context; so does ``url_for`` when the project sets no
    SERVER_NAME (an app context alone would trade FCX101 for FCX104); everything else an app context.
    Raises ``ValueError`` (the strategy offers nothing) where no request could be pushed."""
    if finding.needs is Level.REQUEST and finding.had >= Level.APP and finding.root.kind in REQUEST_LESS_ROOT_KINDS:
        # Request-only code (``session``, ``request``, ``flash``) reached from a task or a ``flask``
        # command: it has an app context and no request whose data a pushed one could supply (a test
        # request context is an empty fake); passing the values in is the fix, and only the author
        # knows them. A script may fake one on purpose (``test_request_context("/?page=2")``).
        raise ValueError("no request exists here to push a context for")
    needs_server_name = finding.code == "FCX104" or (
        finding.symbol.rsplit(".", 1)[-1] in NEED_SERVER_NAME_TAILS and not ctx.server_name_configured)
    return "test_request_context" if finding.needs is Level.REQUEST or needs_server_name else "app_context"


def body_of(ctx: FixContext, scope: Scope) -> list[ast.stmt] | None:
    node = scope.node
    if scope.kind == "script" and isinstance(node, ast.Module):
        guard = next((s for s in node.body if is_main_guard(s)), None)
        return guard.body if isinstance(guard, ast.If) else None
    if scope.kind == "module" and isinstance(node, ast.Module):
        return [s for s in node.body if not is_main_guard(s)]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.body
    return None


def wrap_in_scope(ctx: FixContext, scope: Scope, line: int, header: str,
                   import_from: tuple[str, str] | None) -> list[TextEdit] | None:
    """Wrap, in ``scope``, the top-level statement spanning ``line`` (to the end of a function or
    script body: Python never runs what follows a failure, so those statements need it too)."""
    body = body_of(ctx, scope)
    if body is None:
        return None
    statements = text.statements_from(text.body_without_docstring(body), line)
    if not statements:
        return None
    if scope.kind == "module":
        statements = statements[:1]
    module = ctx.module(scope.qualname)
    wrap = text.wrap_statements(module, statements[0], statements[-1], header)
    if wrap is None:
        return None
    edits = [wrap]
    if import_from is not None:
        edits.append(text.insert_before_statement(module, statements[0],
                                                  [f"from {import_from[0]} import {import_from[1]}"]))
    return edits
