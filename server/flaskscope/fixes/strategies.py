"""Fix idioms that push a context around the chain, and the scenario-specific ones (a click command,
a streamed response, a Celery task base, a guard). Each returns a ``Fix`` or None when it does not
apply; which idioms are tried for which entry point, in which order, is ``fixes/plan.py``'s table.
"""

from __future__ import annotations

import ast

from flaskscope.edits import Fix, TextEdit
from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.app_source import AppSource
from flaskscope.fixes.context import FixContext, body_of, context_method, wrap_in_scope
from flaskscope.fixes.spawn import spawned_in_a_context
from flaskscope.index.model import Scope
from flaskscope.levels import Level


def wrap_chain(ctx: FixContext, finding: Finding) -> Fix | None:
    """Push the context at the nearest point of the chain where an app object is at hand, else
    where one can be built (``create_app()``)."""
    return wrap_with_app_at_hand(ctx, finding) or _wrap_with_built_app(ctx, finding)


def wrap_with_app_at_hand(ctx: FixContext, finding: Finding) -> Fix | None:
    """Push the context with an app object already in scope on the chain (never one built for it:
    a test's app is the one its fixtures configured, not a fresh ``create_app()``)."""
    method = context_method(ctx, finding)
    hops = list(finding.chain)
    if finding.root.kind not in ("import-time", "script"):
        hops = hops[1:]  # the first hop is the spawn or registration site, which has its context
    for hop in reversed(hops):
        scope = ctx.scope(hop.scope)
        if scope is None:
            continue
        app = ctx.apps.visible(scope)
        if app is not None:
            edits = wrap_in_scope(ctx, scope, hop.line, f"with {app.expr}.{method}():", None)
            if edits:
                return Fix(f"Wrap in `with {app.expr}.{method}():`", tuple(edits), safe=method == "app_context")
    return None


def _wrap_with_built_app(ctx: FixContext, finding: Finding) -> Fix | None:
    if spawned_in_a_context(ctx, finding):
        return None  # a fresh app is another app: the running one's configuration and data are not in it
    method = context_method(ctx, finding)
    hops = list(finding.chain)
    if finding.root.kind not in ("import-time", "script"):
        hops = hops[1:]
    for hop in hops:  # from the entry on: the first scope that can hold a ``with`` block
        scope = ctx.scope(hop.scope)
        app = ctx.apps.find(scope) if scope is not None else None
        if scope is None or app is None:
            continue
        if scope.kind == "module" and app.import_from is not None:
            continue  # importing the app while this module is imported for building it: a cycle
        edits = wrap_in_scope(ctx, scope, hop.line, f"with {app.expr}.{method}():", app.import_from)
        if edits:
            return Fix(f"Wrap in `with {app.expr}.{method}():`", tuple(edits),
                       safe=app.safe and method == "app_context")
    return None


def stream_with_context(ctx: FixContext, finding: Finding) -> Fix | None:
    root = finding.root
    site_scope = ctx.scope(root.site_scope)
    if root.kind != "stream" or root.site is None or site_scope is None:
        return None
    module = ctx.module(site_scope.qualname)
    site = root.site
    edits = [TextEdit(module.path, site.line, site.col, site.end_line, site.end_col,
                      f"stream_with_context({text.source_in(module, site)})")]
    imported = text.add_import(module, "flask", "stream_with_context")
    if imported:
        edits.append(imported)
    return Fix("Wrap the generator in `stream_with_context(...)`", tuple(edits))


def with_appcontext(ctx: FixContext, finding: Finding) -> Fix | None:
    """A plain click command run by ``flask``: ``@with_appcontext`` loads the app and pushes its
    context. Run by the project's own ``cli()``, there is no ``flask`` to load an app for it."""
    entry = ctx.scope(finding.root.scope)
    if entry is None or finding.needs is not Level.APP or finding.had is not Level.NONE \
            or finding.root.run_by_project:
        return None
    node = entry.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    module = ctx.module(entry.qualname)
    indent = text.indent_of(module.source.splitlines()[node.lineno - 1])
    edits = [TextEdit(module.path, node.lineno, 0, node.lineno, 0, f"{indent}@with_appcontext\n")]
    imported = text.add_import(module, "flask.cli", "with_appcontext")
    if imported:
        edits.append(imported)
    return Fix("Add `@with_appcontext` to the command", tuple(edits))


def guard_has_context(ctx: FixContext, finding: Finding) -> Fix | None:
    """Code that also runs outside requests (logging filters): use the value only when there is one."""
    hop = finding.chain[-1]
    scope = ctx.scope(hop.scope)
    if scope is None:
        return None
    module = ctx.module(scope.qualname)
    guard = "has_request_context" if finding.needs is Level.REQUEST else "has_app_context"
    node = _outermost_chain_at(scope, finding)
    if node is None:
        return None
    edits = [text.replace_node(module, node, f"({text.source_of(module, node)} if {guard}() else None)")]
    imported = text.add_import(module, "flask", guard)
    if imported:
        edits.append(imported)
    return Fix(f"Use it only when `{guard}()`", tuple(edits))


def _outermost_chain_at(scope: Scope, finding: Finding) -> ast.expr | None:
    """The largest attribute/call/subscript chain that starts at the sink (``request.remote_addr``)."""
    best: ast.expr | None = None
    for node in ast.walk(scope.node) if scope.node is not None else ():
        if isinstance(node, (ast.Attribute, ast.Call, ast.Subscript, ast.Name)) and \
                node.lineno == finding.span.line and node.col_offset == finding.span.col:
            if best is None or (node.end_col_offset or 0) > (best.end_col_offset or 0):
                best = node
    return best


def celery_flask_task(ctx: FixContext, finding: Finding) -> Fix | None:
    """The Flask docs' ``FlaskTask``: every task of the Celery app runs in an app context."""
    if finding.needs is not Level.APP or finding.had is not Level.NONE:
        return None
    constructions = ctx.celery_constructions()
    entry = ctx.scope(finding.root.scope)
    if len(constructions) != 1 or entry is None or _task_has_base(ctx, entry):
        return None
    scope, call = constructions[0]
    app: AppSource | None = ctx.apps.find(scope)
    if app is None:
        return None
    body = body_of(ctx, scope)
    statement = next((s for s in body or [] if s.lineno <= call.span.line <= (s.end_lineno or s.lineno)), None)
    if statement is None:
        return None
    module = ctx.module(scope.qualname)
    lines = ["class FlaskTask(Task):", "    def __call__(self, *args, **kwargs):"]
    if app.import_from:  # imported when a task runs: at import time it could be circular
        lines.append(f"        from {app.import_from[0]} import {app.import_from[1]}")
        lines.append("")
    lines += [f"        with {app.expr}.app_context():", "            return self.run(*args, **kwargs)", ""]
    if scope.kind == "module":
        lines.append("")
        above = module.source.splitlines()[text.first_line(statement) - 2] if text.first_line(statement) > 1 else ""
        if above.strip():
            lines[:0] = ["", ""]  # a top-level class has two blank lines around it
    edits = [text.insert_before_statement(module, statement, lines)]
    edits.append(text.append_call_argument(module, call.node, "task_cls=FlaskTask"))
    imported = text.add_import(module, "celery", "Task")
    if imported:
        edits.append(imported)
    return Fix("Give the Celery app a `FlaskTask` base that runs tasks in an app context", tuple(edits),
               safe=app.safe)


def _task_has_base(ctx: FixContext, entry: Scope) -> bool:
    return any(isinstance(d, ast.Call) and any(k.arg == "base" for k in d.keywords) for d in entry.decorators) \
        or entry.class_qualname is not None
