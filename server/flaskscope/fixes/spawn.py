"""Fix idioms at a spawn site (a thread, an executor, a scheduler job): hand the running app, or the
request context, to the code the spawner starts."""

from __future__ import annotations

import ast

from flaskscope.edits import Fix, TextEdit
from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.context import FixContext, context_method
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import ModuleIndex, Scope
from flaskscope.knowledge.roots import (
    AFTER_TARGET,
    PARTIAL,
    SAME_PROCESS_ROOT_KINDS,
    SPAWN_ARGUMENT_STYLE,
)
from flaskscope.levels import Level
from flaskscope.resolve.values import Value


def spawned_in_a_context(ctx: FixContext, finding: Finding) -> bool:
    """A thread or executor job started by code that has a context (a view, ``with app.app_context():``):
    the app to push is the running one, which the spawn site can pass in."""
    spawner = spawner_of(ctx, finding)
    if spawner is None or finding.root.kind not in SAME_PROCESS_ROOT_KINDS:
        return False
    site_scope, call = spawner[0], spawner[1]
    site = next((c for c in site_scope.calls if c.node is call), None)
    return (site is not None and site.level > Level.NONE) or ctx.runs_in_request(site_scope)


def spawner_of(ctx: FixContext, finding: Finding) -> tuple[Scope, ast.Call, str, ast.expr] | None:
    """The spawning call of a spawned root, as the entry finder matched it (scope, call, spawner, target)."""
    root = finding.root
    site_scope = ctx.scope(root.site_scope)
    if root.site is None or root.site_target is None or site_scope is None or not root.site_callee:
        return None
    # The root carries spans (findings are plain data): the nodes are found again where they are.
    call = next((c.node for c in site_scope.calls if ctx.ws.span_of(site_scope, c.node) == root.site), None)
    if call is None:
        return None
    target = next((a for a in [*call.args, *(k.value for k in call.keywords)]
                   if ctx.ws.span_of(site_scope, a) == root.site_target), None)
    return (site_scope, call, root.site_callee, target) if target is not None else None


def _site_app(ctx: FixContext, site_scope: Scope, call: ast.Call) -> tuple[str, list[TextEdit]] | None:
    """The app expression to pass at a spawn site, and the import it needs."""
    module = ctx.module(site_scope.qualname)
    if ctx.runs_in_request(site_scope) or any(c.node is call and c.level > Level.NONE for c in site_scope.calls):
        edit = text.add_import(module, "flask", "current_app")
        return "current_app._get_current_object()", [edit] if edit else []
    app = ctx.apps.visible(site_scope)
    if app is not None:
        return app.expr, []
    return None


def copy_request_context(ctx: FixContext, finding: Finding) -> Fix | None:
    """Request data in a thread started from a view: run it with a copy of the request context."""
    if finding.needs is not Level.REQUEST and finding.symbol.split(".")[-1] != "url_for":
        return None
    spawner = spawner_of(ctx, finding)
    if spawner is None:
        return None
    site_scope, call, callee, target = spawner
    if not ctx.runs_in_request(site_scope) or SPAWN_ARGUMENT_STYLE.get(callee) == PARTIAL:
        return None  # one copied context must not be pushed by several workers at once (flask #5252)
    module = ctx.module(site_scope.qualname)
    edits = [text.replace_node(module, target, f"copy_current_request_context({text.source_of(module, target)})")]
    imported = text.add_import(module, "flask", "copy_current_request_context")
    if imported:
        edits.append(imported)
    return Fix("Run the target with `copy_current_request_context`", tuple(edits))


def pass_app_to_target(ctx: FixContext, finding: Finding) -> Fix | None:
    """Give the target an ``app`` parameter, push its context inside, pass the real app in."""
    spawner = spawner_of(ctx, finding)
    entry = ctx.scope(finding.root.scope)
    if spawner is None or entry is None or not isinstance(entry.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    site_scope, call, callee, target = spawner
    if "app" in entry.params or _called_directly(ctx, entry) or _reads_other_app(ctx, entry):
        return None
    started = ctx.resolver.value_of(site_scope, target)
    if started.kind == "scopes" or (started.kind == "scope" and started.name != entry.qualname):
        return None  # the site starts several functions (a loop, a union): one app argument would reach them all
    site_app = _site_app(ctx, site_scope, call)
    style = SPAWN_ARGUMENT_STYLE.get(callee)
    if site_app is None or style is None:
        return None
    app_expr, edits = site_app
    site_module = ctx.module(site_scope.qualname)
    entry_module = ctx.module(entry.qualname)
    bound = _partial_of(site_scope, target)
    if bound is not None:
        # ``partial(f, x)`` fills the first parameters and the spawner's arguments the next: the app
        # goes in by keyword, into a parameter no positional argument can reach.
        passing: list[TextEdit] | None = [text.append_call_argument(site_module, bound, f"app={app_expr}")]
        parameter = text.add_keyword_parameter(entry_module, entry.node, "app")
    else:
        passing = _pass_argument(site_module, call, target, style, app_expr)
        is_method = entry.class_qualname is not None and bool(entry.params) and \
            ctx.resolver.lookup(entry, entry.params[0]).kind == "instance"
        parameter = text.add_first_parameter(entry_module, entry.node, "app", is_method)
    if passing is None:
        return None
    body = text.body_without_docstring(entry.node.body)
    wrap = text.wrap_statements(entry_module, body[0], body[-1], f"with app.{context_method(ctx, finding)}():")
    if parameter is None or wrap is None:
        return None
    edits.extend([*passing, parameter, wrap])
    return Fix(f"Pass the app to `{entry.name}` and push its context there", tuple(edits),
               safe=context_method(ctx, finding) == "app_context")


def _reads_other_app(ctx: FixContext, function: Scope) -> bool:
    """The body reads a name ``app`` that is not ``current_app`` (``from flask import current_app as
    app``, which the real app passed in may shadow): a new ``app`` parameter would change what it means."""
    if function.node is None or not any(isinstance(n, ast.Name) and n.id == "app" for n in ast.walk(function.node)):
        return False
    return ctx.resolver.lookup(function, "app") != Value("external", "flask.current_app")


def _partial_of(site_scope: Scope, target: ast.expr) -> ast.Call | None:
    """The ``functools.partial(...)`` call the spawned target is, written in place or bound to a
    local name of the spawning function (``send = partial(track, "signup"); Thread(target=send)``)."""
    if isinstance(target, ast.Name):
        binding = site_scope.locals.get(target.id)
        target = binding.expr if binding is not None and binding.kind == "assign" and binding.expr is not None \
            else target
    if isinstance(target, ast.Call) and dotted_text(target.func) in ("partial", "functools.partial") \
            and target.args:
        return target
    return None


def _called_directly(ctx: FixContext, entry: Scope) -> bool:
    return bool(ctx.resolver.callers_of(entry))


def _pass_argument(module: ModuleIndex, call: ast.Call, target: ast.expr, style: str,
                   app: str) -> list[TextEdit] | None:
    if style == AFTER_TARGET:
        line, col, end_line, end_col = text.node_span(module, target)
        return [TextEdit(module.path, end_line, end_col, end_line, end_col, f", {app}")]
    if style == PARTIAL:
        edits = [text.replace_node(module, target, f"functools.partial({text.source_of(module, target)}, {app})")]
        imported = text.add_module_import(module, "functools")
        if imported:
            edits.append(imported)
        return edits
    args = next((k.value for k in call.keywords if k.arg == "args"), None)
    if isinstance(args, (ast.Tuple, ast.List)):
        if args.elts:
            line, col, _, _ = text.node_span(module, args.elts[0])
            return [TextEdit(module.path, line, col, line, col, f"{app}, ")]
        closing = "]" if isinstance(args, ast.List) else ",)"
        opening = "[" if isinstance(args, ast.List) else "("
        return [text.replace_node(module, args, f"{opening}{app}{closing}")]
    if args is not None:
        return [text.replace_node(module, args, f"({app}, *{text.source_of(module, args)})")]
    return [text.append_call_argument(module, call, f"args=({app},)")]


def proxy_escape(ctx: FixContext, finding: Finding) -> Fix | None:
    """Pass the object behind the proxy, not the proxy."""
    if finding.code != "FCX103":
        return None
    module = ctx.ws.module_of_scope[finding.chain[0].scope]
    span = finding.span
    edit = TextEdit(module.path, span.line, span.col, span.end_line, span.end_col,
                    f"{finding.symbol}._get_current_object()")
    safe = finding.symbol.split(".")[-1] in ("current_app", "g")
    return Fix(f"Pass `{finding.symbol}._get_current_object()`", (edit,), safe=safe)
