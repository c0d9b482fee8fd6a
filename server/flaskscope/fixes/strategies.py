"""One function per fix idiom. Each returns a ``Fix`` or None when it does not apply.

Which idioms are tried for which scenario, and in which order, is the table in
``fixes/__init__.py``; nothing here decides that.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flaskscope.findings import Finding
from flaskscope.fixes import text
from flaskscope.fixes.app_source import AppFinder, AppSource
from flaskscope.fixes.model import Fix, TextEdit
from flaskscope.index.builder import _is_main_guard, dotted_text
from flaskscope.index.model import CallSite, ModuleIndex, Scope
from flaskscope.knowledge.roots import AFTER_TARGET, PARTIAL, SPAWN_ARGUMENT_STYLE
from flaskscope.knowledge.sinks import NEED_SERVER_NAME_TAILS
from flaskscope.levels import Level
from flaskscope.reach.certainty import Certainty
from flaskscope.resolve.values import Resolver


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
        self._certainty: Certainty | None = None

    def certainty(self) -> Certainty:
        """What makes a path certain (mocks on a test, among others), built on first use."""
        if self._certainty is None:
            self._certainty = Certainty(self.ws, self.resolver)
        return self._certainty

    def celery_constructions(self) -> list[tuple[Scope, CallSite]]:
        """Every ``Celery(...)`` without ``task_cls=`` in the workspace (computed once)."""
        if self._celery_constructions is None:
            self._celery_constructions = [
                (scope, call) for scope in self.ws.scopes.values() for call in scope.calls
                if self.resolver.value_of(scope, call.func).name == "celery.Celery"
                and not any(k.arg == "task_cls" for k in call.node.keywords)]
        return self._celery_constructions

    def fixture_names(self) -> set[str]:
        """Names of the workspace's pytest fixtures (computed once: a scan of every function)."""
        if self._fixture_names is None:
            self._fixture_names = {
                s.name for s in self.ws.scopes.values()
                if any("fixture" in (dotted_text(d.func if isinstance(d, ast.Call) else d) or "")
                       for d in s.decorators)}
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


def _context_method(ctx: FixContext, finding: Finding) -> str:
    """A request-level need gets a test request context; so does ``url_for`` when the project sets no
    SERVER_NAME (an app context alone would trade FCX101 for FCX104); everything else an app context."""
    needs_server_name = finding.code == "FCX104" or (
        finding.symbol.rsplit(".", 1)[-1] in NEED_SERVER_NAME_TAILS and not ctx.server_name_configured)
    return "test_request_context" if finding.needs is Level.REQUEST or needs_server_name else "app_context"


def _body_of(ctx: FixContext, scope: Scope) -> list[ast.stmt] | None:
    node = scope.node
    if scope.kind == "script" and isinstance(node, ast.Module):
        guard = next((s for s in node.body if _is_main_guard(s)), None)
        return guard.body if isinstance(guard, ast.If) else None
    if scope.kind == "module" and isinstance(node, ast.Module):
        return [s for s in node.body if not _is_main_guard(s)]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.body
    return None


def _wrap_in_scope(ctx: FixContext, scope: Scope, line: int, header: str,
                   import_from: tuple[str, str] | None) -> list[TextEdit] | None:
    """Wrap, in ``scope``, the top-level statement spanning ``line`` (to the end of a function or
    script body: Python never runs what follows a failure, so those statements need it too)."""
    body = _body_of(ctx, scope)
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


def wrap_chain(ctx: FixContext, finding: Finding) -> Fix | None:
    """Push the context at the nearest point of the chain where an app object is at hand, else
    where one can be built (``create_app()``)."""
    return wrap_with_app_at_hand(ctx, finding) or _wrap_with_built_app(ctx, finding)


def wrap_with_app_at_hand(ctx: FixContext, finding: Finding) -> Fix | None:
    """Push the context with an app object already in scope on the chain (never one built for it:
    a test's app is the one its fixtures configured, not a fresh ``create_app()``)."""
    method = _context_method(ctx, finding)
    hops = list(finding.chain)
    if finding.root.kind not in ("import-time", "script"):
        hops = hops[1:]  # the first hop is the spawn or registration site, which has its context
    for hop in reversed(hops):
        scope = ctx.scope(hop.scope)
        if scope is None:
            continue
        app = ctx.apps.visible(scope)
        if app is not None:
            edits = _wrap_in_scope(ctx, scope, hop.line, f"with {app.expr}.{method}():", None)
            if edits:
                return Fix(f"Wrap in `with {app.expr}.{method}():`", tuple(edits), safe=method == "app_context")
    return None


def _wrap_with_built_app(ctx: FixContext, finding: Finding) -> Fix | None:
    method = _context_method(ctx, finding)
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
        edits = _wrap_in_scope(ctx, scope, hop.line, f"with {app.expr}.{method}():", app.import_from)
        if edits:
            return Fix(f"Wrap in `with {app.expr}.{method}():`", tuple(edits),
                       safe=app.safe and method == "app_context")
    return None


# ------------------------------------------------------------------ spawn sites


def _spawner(ctx: FixContext, finding: Finding) -> tuple[Scope, ast.Call, str, ast.expr] | None:
    """The spawning call of a spawned root, as the entry finder matched it (scope, call, spawner, target)."""
    root = finding.root
    site_scope = ctx.scope(root.site_scope)
    if root.site is None or root.site_target is None or site_scope is None or not root.site_callee:
        return None
    return site_scope, root.site, root.site_callee, root.site_target


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
    spawner = _spawner(ctx, finding)
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
    spawner = _spawner(ctx, finding)
    entry = ctx.scope(finding.root.scope)
    if spawner is None or entry is None or not isinstance(entry.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    site_scope, call, callee, target = spawner
    if "app" in entry.params or _called_directly(ctx, entry):
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
    passing = _pass_argument(site_module, call, target, style, app_expr)
    if passing is None:
        return None
    entry_module = ctx.module(entry.qualname)
    is_method = entry.class_qualname is not None and bool(entry.params) and \
        ctx.resolver.lookup(entry, entry.params[0]).kind == "instance"
    parameter = text.add_first_parameter(entry_module, entry.node, "app", is_method)
    body = text.body_without_docstring(entry.node.body)
    wrap = text.wrap_statements(entry_module, body[0], body[-1], f"with app.{_context_method(ctx, finding)}():")
    if parameter is None or wrap is None:
        return None
    edits.extend([*passing, parameter, wrap])
    return Fix(f"Pass the app to `{entry.name}` and push its context there", tuple(edits),
               safe=_context_method(ctx, finding) == "app_context")


def _called_directly(ctx: FixContext, entry: Scope) -> bool:
    return bool(ctx.resolver.callers_of(entry))


def _pass_argument(module: ModuleIndex, call: ast.Call, target: ast.expr, style: str,
                   app: str) -> list[TextEdit] | None:
    if isinstance(target, ast.Call) and dotted_text(target.func) in ("partial", "functools.partial") \
            and target.args:
        # ``partial(f, x)`` binds the first arguments: the app goes in right after ``f``, whatever the
        # spawner hands over after them.
        _, _, end_line, end_col = text.node_span(module, target.args[0])
        return [TextEdit(module.path, end_line, end_col, end_line, end_col, f", {app}")]
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


def stream_with_context(ctx: FixContext, finding: Finding) -> Fix | None:
    root = finding.root
    site_scope = ctx.scope(root.site_scope)
    if root.kind != "stream" or root.site is None or site_scope is None:
        return None
    module = ctx.module(site_scope.qualname)
    edits = [text.replace_node(module, root.site, f"stream_with_context({text.source_of(module, root.site)})")]
    imported = text.add_import(module, "flask", "stream_with_context")
    if imported:
        edits.append(imported)
    return Fix("Wrap the generator in `stream_with_context(...)`", tuple(edits))


def with_appcontext(ctx: FixContext, finding: Finding) -> Fix | None:
    """A plain click command: ``@with_appcontext`` loads the app and pushes its context."""
    entry = ctx.scope(finding.root.scope)
    if entry is None or finding.needs is not Level.APP or finding.had is not Level.NONE:
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


def lazy_default(ctx: FixContext, finding: Finding) -> Fix | None:
    """A default argument evaluated at import time: compute it when the function runs."""
    body_hop = finding.chain[0]
    scope = ctx.scope(body_hop.scope)
    if scope is None or scope.kind != "module" or not isinstance(scope.node, ast.Module):
        return None
    for stmt in ast.walk(scope.node):
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        args = stmt.args
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
        for arg, default in pairs:
            start = (default.lineno, default.col_offset)
            end = (default.end_lineno or default.lineno, default.end_col_offset or 0)
            if start <= (finding.span.line, finding.span.col) < end:
                module = ctx.module(scope.qualname)
                expression = text.source_of(module, default)
                first = text.body_without_docstring(stmt.body)[0]
                edits = [text.replace_node(module, default, "None"),
                         text.insert_before_statement(module, first, [
                             f"if {arg.arg} is None:", f"    {arg.arg} = {expression}"])]
                return Fix(f"Compute the default of `{arg.arg}` when the function runs", tuple(edits))
    return None


def lazy_class_attribute(ctx: FixContext, finding: Finding) -> Fix | None:
    """A class attribute computed at import time: compute it on access with a property."""
    body_hop = finding.chain[0]
    scope = ctx.scope(body_hop.scope)
    if scope is None or scope.kind != "module" or not isinstance(scope.node, ast.Module):
        return None
    for klass in ast.walk(scope.node):
        if not isinstance(klass, ast.ClassDef):
            continue
        for stmt in klass.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and stmt.lineno <= finding.span.line <= (stmt.end_lineno or stmt.lineno):
                module = ctx.module(scope.qualname)
                name = stmt.targets[0].id
                if _read_through_class(ctx, f"{module.name}.{klass.name}", name):
                    return None  # ``Class.attr`` would give the property object itself, not the value
                expression = text.source_of(module, stmt.value)
                indent = text.indent_of(module.source.splitlines()[stmt.lineno - 1])
                unit = text.indent_unit(module)
                new_text = (f"{indent}@property\n{indent}def {name}(self):\n"
                            f"{indent}{unit}return {expression}\n")
                edit = TextEdit(module.path, stmt.lineno, 0, (stmt.end_lineno or stmt.lineno) + 1, 0, new_text)
                # A guess: ``Class.attr`` (not through an instance) would now give the property itself.
                return Fix(f"Compute `{name}` on access (a property)", (edit,), safe=False)
    return None


def _read_through_class(ctx: FixContext, class_qualname: str, attribute: str) -> bool:
    """Is ``attribute`` read from the class itself anywhere (``Settings.x``, ``cls.x``), or could it be?

    Only reads through instances keep working once the attribute is a property. A class whose
    qualified name the index does not know is assumed to be read through the class.
    """
    if class_qualname not in ctx.ws.classes:
        return True
    for scope in ctx.ws.scopes.values():
        for ref in scope.refs:
            if attribute not in ref.names[1:]:
                continue
            position = ref.names.index(attribute, 1)
            value = ctx.resolver.lookup(scope, ref.names[0])
            for name in ref.names[1:position]:
                value = ctx.resolver.attribute(value, name)
            if value.kind == "class" and value.name == class_qualname:
                return True
    return False


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


def pytest_app_fixture(ctx: FixContext, finding: Finding) -> Fix | None:
    """A test without a context: request the project's ``app`` fixture and push its context."""
    entry = ctx.scope(finding.root.scope)
    if entry is None or not isinstance(entry.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    if "app" not in ctx.fixture_names():
        return None
    if entry.class_qualname is not None and ctx.resolver.external_bases(entry.class_qualname):
        return None  # a unittest.TestCase method: pytest hands it no fixtures as parameters
    module = ctx.module(entry.qualname)
    edits: list[TextEdit] = []
    if "app" not in entry.params:
        parameter = text.add_last_parameter(module, entry.node, "app")
        if parameter is None:
            return None
        edits.append(parameter)
    hop = next((h for h in finding.chain if h.scope == entry.qualname), None)
    if hop is None:
        return None
    wrapped = _wrap_in_scope(ctx, entry, hop.line, f"with app.{_context_method(ctx, finding)}():", None)
    if not wrapped:
        return None
    return Fix(f"Use the `app` fixture and wrap in `with app.{_context_method(ctx, finding)}():`",
               tuple(edits + wrapped))


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
    body = _body_of(ctx, scope)
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
