"""Find the roots of a workspace: every place where code starts running, and with which context.

The shapes come from ``knowledge.roots``; this module only matches them against resolved
names. Views are found too: they are not checked (Flask gives them a request), but a generator
they return without ``stream_with_context`` runs after the request is gone.

``EntryFinder`` walks the workspace and finds module bodies, ``__main__`` blocks, decorated
functions, framework subclasses and streamed responses itself; roots started by calls
(``call_roots``), click commands (``cli_roots``), tests and fixtures (``pytest_roots``) and the
level of Celery tasks (``celery_levels``) are each worked out by their own part.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Callable

from flaskscope.findings import Gap, Root
from flaskscope.index.ast_util import call_argument, dotted_text
from flaskscope.index.model import CallSite, ModuleIndex, Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.levels import Level
from flaskscope.reach.call_roots import CallRoots
from flaskscope.reach.celery_levels import CeleryLevels
from flaskscope.reach.cli_roots import CliRoots
from flaskscope.reach.decorator_levels import decorator_level, pushed_by_decorators
from flaskscope.reach.entry_data import Entries, ProjectFacts, Registrations
from flaskscope.reach.import_sites import ImportLevels
from flaskscope.reach.pytest_roots import PytestRoots
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value


class EntryFinder:
    """The roots of one workspace (or of some of its modules, in a focused run) and what they register."""

    def __init__(self, resolver: Resolver, facts: ProjectFacts,
                 checkpoint: Callable[[], None] = lambda: None, celery_default: Level | None = None,
                 fixtures: tuple[dict[str, str], list[str]] | None = None,
                 registered: Registrations | None = None) -> None:
        self.checkpoint = checkpoint  # called now and then; it raises to give the search up
        self.resolver = resolver
        self.ws = resolver.ws
        self.facts = facts
        self.knowledge = facts.knowledge
        registered = registered or Registrations()
        self.entries = Entries(views=set(registered.views),
                               commands={name: set(functions) for name, functions in registered.commands.items()})
        self._known: set[Root] = set()
        self._import_levels = ImportLevels(self.ws, self._loaded_from_outside, lambda: self.facts.reached_by_import)
        self._rq_worker: tuple[Gap | None] | None = None
        # celery_default: a project-wide fact, known from a whole run
        self._celery = CeleryLevels(resolver, celery_default)
        self._cli = CliRoots(resolver, self.knowledge, facts.flask_version, self.entries.commands, registered)
        self._calls = CallRoots(resolver, self.knowledge, self._celery, self._add, self.entries.escapes)
        self._pytest = PytestRoots(resolver, self.knowledge, facts.uses_pytest_flask, self._add, fixtures,
                                   registered.tests)

    def find(self, only: frozenset[str] | None = None, edited: frozenset[str] | None = None) -> Entries:
        """The roots of the workspace, or only those declared in the modules named in ``only``.

        With ``only`` (a focused run after an edit), the views, registered commands and fixtures
        known from the last whole run (``registered``, ``fixtures``) are kept and those of the
        ``only`` modules are found again; a registration the edit removed stays until the whole run.
        Tests are worked out again where ``edited`` (default ``only``) changed what they were read from.
        """
        edited = (only or frozenset()) if edited is None else edited
        scopes = list(self.ws.scopes.values()) if only is None else self.ws.scopes_in(only)
        self.resolver.use_fixtures(self.fixture_table(only)[0])
        self._cli.forget(only or frozenset())  # read again below
        for number, scope in enumerate(scopes):
            if number % 256 == 0:
                self.checkpoint()
            for call in scope.calls:
                self._registrations(scope, call)
        self._cli.merge_facts()
        import_time: list[tuple[int, ModuleIndex]] = []  # placed once every other root is known
        for module in self.ws.modules.values():
            if only is not None and module.name not in only:
                continue
            body = module.body_scope
            if self.facts.uses_flask_migrate and _is_migration(module):
                self._add(Root("import-time", module.path, 1, Level.APP, "a migration run by `flask db`",
                               body.qualname))
            else:
                import_time.append((len(self.entries.roots), module))
            script = module.scopes.get(f"{module.name}.<main>")
            if script is not None:
                self._add(Root("script", module.path, script.span.line, Level.NONE,
                               "the script's `__main__` block", script.qualname))
        for number, scope in enumerate(scopes):
            if number % 256 == 0:
                self.checkpoint()
            for call in scope.calls:
                self._calls.read_call(scope, call)
            if scope.kind == "function":
                self._decorated_root(scope)
        self._calls.configured_jobs(only)
        for info in self.ws.classes.values():
            if only is None or info.module in only:
                self._class_roots(info.qualname)
        self._pytest.add_roots(only, edited)
        for view in sorted(self.entries.views):
            view_scope = self.ws.scopes.get(view)  # a view kept from a whole run may since have been renamed
            if view_scope is not None and (only is None or view_scope.module in only):
                self._stream_roots(view_scope)
        self._import_time_roots(import_time, only is None)
        return self.entries

    def _makes_an_application(self, module: str) -> bool:
        """Its top level makes a Flask or Celery app (``app = create_app()``, ``celery = make_celery(app)``)."""
        body = self.ws.modules[module].body_scope
        for call in body.calls:
            value = self.resolver.call_result(body, call.node)
            if value.kind == "instance" and value.name in table.APPLICATION_OBJECTS:
                return True
        return False

    def _import_time_roots(self, modules: list[tuple[int, ModuleIndex]], whole: bool) -> None:
        """A root for each module body that runs on its own import (``ImportLevels``), inserted where
        the module walk found it. A module imported only in functions the workspace runs (called, or
        roots) is reached by the search from those imports instead: ``facts.reached_by_import``.
        A focused run keeps the whole run's answer (its roots are those of the edited modules only)."""
        if whole:
            started = {root.scope for root in self.entries.roots}
            reached = self._import_levels.reached_by_import(
                lambda function: function.qualname in started or bool(self.resolver.callers_of(function)),
                self._makes_an_application)
            self.facts.reached_by_import.clear()
            self.facts.reached_by_import.update(reached)
        for position, module in reversed(modules):
            if module.name in self.facts.reached_by_import:
                continue
            level = self._import_levels.level_of(module.name)
            what = "import-time code" if level is Level.NONE else "import-time code, imported only in a context"
            root = Root("import-time", module.path, 1, level, what, module.body_scope.qualname,
                        gap=self._first_import_unknown(module))
            if root not in self._known:
                self._known.add(root)
                self.entries.roots.insert(position, root)

    def _first_import_unknown(self, module: ModuleIndex) -> Gap | None:
        """The module's least context comes from an import inside a function (whose caller's context
        is not known here), not from one at a module's top level: which import runs it first is not
        certain. A module servers or workers load by name runs first on that load."""
        uncertain = self._import_levels.uncertain_importer(module.name)
        if uncertain is None or self._makes_an_application(module.name):
            return None
        where, line, what = uncertain
        scope = self.ws.scopes.get(where)
        path = self.ws.path_of(scope) if scope is not None else module.path
        return Gap(GapKind.FIRST_IMPORT.value, path, line,
                   f"{what}: which import runs `{module.name}` first is not known")

    def _loaded_from_outside(self, module: str) -> bool:
        """A module nothing in the workspace imports is an entry when it is top-level (a script,
        ``wsgi.py``, a test directory without ``__init__``), a test module, run as ``python -m``,
        named as servers and workers load it, or makes the application (``ImportLevels``)."""
        if "." not in module:
            return True
        last = module.rsplit(".", 1)[-1]
        index = self.ws.modules.get(module)
        return last in table.ENTRY_MODULE_NAMES or last.startswith("test_") or last.endswith("_test") \
            or last == "conftest" or index is None or f"{module}.<main>" in index.scopes \
            or self._makes_an_application(module)

    def registrations(self) -> Registrations:
        """Views (by route decorator or ``add_url_rule``) and CLI commands (by ``app.cli.add_command``
        or ``@app.cli.command``) found so far."""
        return Registrations(set(self.entries.views), set(self._cli.registered),
                             {name: set(functions) for name, functions in self.entries.commands.items()},
                             dict(self._cli.facts), dict(self._pytest.tests))

    def fixture_table(self, only: frozenset[str] | None = None) -> tuple[dict[str, str], list[str]]:
        """(fixture name -> qualname, autouse fixture names) of the workspace (see ``PytestRoots``)."""
        return self._pytest.fixture_table(only)

    def celery_default_level(self) -> Level:
        """``Celery(task_cls=FlaskTask)`` or ``celery.Task = ContextTask`` anywhere in the project."""
        return self._celery.default_level()

    def _add(self, root: Root) -> None:
        """Record a root once; an RQ job gets the gap of a worker the project runs in a context."""
        if root.kind == table.RQ_JOB_KIND and root.level < Level.APP and root.gap is None:
            worker = self._worker_in_context()
            if worker is not None:
                root = replace(root, gap=worker)
        if root not in self._known:
            self._known.add(root)
            self.entries.roots.append(root)

    def _worker_in_context(self) -> Gap | None:
        """Where the project itself runs an RQ worker inside an app context, if it does (computed once)."""
        if self._rq_worker is None:
            self._rq_worker = (None,)
            for scope in self.ws.scopes.values():
                for call in scope.calls:
                    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "work"):
                        continue
                    value = self.resolver.value_of(scope, call.func)
                    level = max(call.level, decorator_level(self.resolver, self.knowledge, scope.qualname),
                                Level.APP if scope.qualname in self._cli.registered else Level.NONE)
                    if value.kind == "external" and value.name in table.RQ_WORKER_RUNS and level >= Level.APP:
                        self._rq_worker = (Gap(GapKind.WORKER_CONTEXT.value, self.ws.path_of(scope), call.span.line,
                                               "an RQ worker started here, inside an app context"),)
                        return self._rq_worker[0]
        return self._rq_worker[0]

    def _callee(self, scope: Scope, call: CallSite) -> str:
        """The external name a call targets (``flask.Flask.add_url_rule``), or empty for any other call."""
        value = self.resolver.value_of(scope, call.func)
        return value.name if value.kind == "external" else ""

    # ------------------------------------------------------------ registrations
    def _registrations(self, scope: Scope, call: CallSite) -> None:
        """``app.add_url_rule(view_func=...)``, and the CLI's (``app.cli.add_command(cmd)``, see ``cli_roots``)."""
        callee = self._callee(scope, call)
        self._cli.read_registration(scope, call, callee)
        if callee in table.VIEW_REGISTRARS:
            position, keyword = table.VIEW_REGISTRARS[callee]
            expr = call_argument(call.node, position, keyword)
            if expr is not None:
                target = self.resolver.value_of(scope, expr)
                if target.kind == "scope":
                    self.entries.views.add(target.name)

    # ------------------------------------------------------- decorator roots
    def _decorated_root(self, scope: Scope) -> None:
        """The roots and views a function's decorators make of it (``@celery.task``, ``@app.route``...)."""
        names = self.resolver.decorators(scope)
        provided = pushed_by_decorators(names, self.knowledge)
        for name, decorator in names:
            if name in table.VIEW_DECORATORS:
                self.entries.views.add(scope.qualname)
                continue
            spec = self.knowledge.decorator_roots.get(name)
            if spec is None:
                continue
            level = self._celery.decorator_root_level(spec, scope, decorator)
            level, gap, run_by_project = self._cli.command_level(name, spec, scope, decorator, level)
            if name == table.CLI_GROUP_CLASS + ".command":  # ``@app.cli.command()``
                self._cli.name_command(scope.qualname)
            if spec.kind == "view":
                self.entries.views.add(scope.qualname)
                continue
            self._add(Root(spec.kind, self.ws.path_of(scope), scope.span.line, max(level, provided), spec.what,
                           scope.qualname, gap=gap, run_by_project=run_by_project))

    # -------------------------------------------------------------- classes
    def _class_roots(self, class_qualname: str) -> None:
        """Methods the framework calls on a subclass (``Thread.run``, a ``Task``), class views, WSGI middleware."""
        bases = set(self.resolver.external_bases(class_qualname))
        chain = self.resolver.class_chain(class_qualname)
        info = chain[0]
        methods: dict[str, str] = {}
        for klass in reversed(chain):
            methods.update(klass.methods)
        path = self.ws.modules[info.module].path
        if bases & set(table.VIEW_BASES):
            self.entries.views.update(methods.values())
        for spec in table.CLASS_ROOTS:
            if spec.base in bases and spec.method in info.methods:
                level = self._celery.default_level() if spec.level == table.CELERY else spec.level
                if spec.kind == "celery-task":
                    level = self._celery.pushed_by_call(class_qualname)
                method = self.ws.scopes[info.methods[spec.method]]
                self._add(Root(spec.kind, path, method.span.line, level, spec.what, method.qualname))  # type: ignore[arg-type]
        call = info.methods.get("__call__")
        if call is not None and self.ws.scopes[call].params[1:3] == table.WSGI_CALL_PARAMS:
            method = self.ws.scopes[call]
            self._add(Root("wsgi-middleware", path, method.span.line, Level.NONE, "WSGI middleware", call))

    # ------------------------------------------------------------ streaming
    def _stream_roots(self, view: Scope) -> None:
        """A generator a view returns runs as the response is sent, after the view (and its request) ended."""
        for call in view.calls:
            if not call.in_return:
                continue
            target = self.resolver.value_of(view, call.func)
            if target.kind != "scope":
                continue
            generator = self.ws.scopes.get(target.name)
            if generator is None or not generator.is_generator:
                continue
            fate = self._returned_generator_fate(view, call)
            if fate is None:
                continue  # iterated inside the view, with the request still there
            wrapped, gap = fate
            level = Level.REQUEST if wrapped else decorator_level(self.resolver, self.knowledge, generator.qualname)
            self._add(Root("stream", self.ws.path_of(view), call.span.line, level,
                           "a streamed response generator", generator.qualname, True,
                           self.ws.span_of(view, call.node), view.qualname,
                           gap=gap))

    def _returned_generator_fate(self, view: Scope, call: CallSite, depth: int = 0) -> Fate:
        """What the calls around a returned generator do with it (``knowledge.roots.STREAMING_RESPONSES``)."""
        return self._fate_through(view, call.wrappers, call.node, call.span.line, depth)

    def _fate_through(self, scope: Scope, wrappers: tuple[ast.expr, ...], argument: ast.expr, line: int,
                      depth: int) -> Fate:
        """The fate of ``argument`` (a generator) given the calls around it, innermost first.

        None when one of them iterates it inside the view (``list(rows())``, ``"".join(rows())``,
        ``jsonify(...)``); else whether a wrapping provider keeps the request for it
        (``stream_with_context``), with a gap when that cannot be known. A function of the project
        that makes the response (``json_stream(rows())``) is followed into: its own return decides.
        """
        for func in wrappers:
            if isinstance(func, ast.Attribute) and isinstance(func.value, (ast.Constant, ast.JoinedStr)):
                return None  # ``"".join(...)``: a str method
            call = next((c for c in scope.calls if c.func is func), None)
            value = self.resolver.value_of(scope, func)
            if value.kind == "external":
                if value.name in self.knowledge.wrapping_providers:
                    return True, None
                if value.name in table.STREAMING_RESPONSES or value.name in table.LAZY_ITERATORS:
                    argument = call.node if call is not None else argument  # ``map(f, rows())`` goes on
                    continue
                return None  # a library call: it iterates the generator here
            if value.kind == "class" and value.name in self.ws.classes \
                    and set(self.resolver.external_bases(value.name)) & table.STREAMING_RESPONSES:
                continue  # the project's own Response subclass
            helper = self._helper_taking(call, argument, value)
            if helper is not None and depth < _MAX_HELPER_DEPTH:
                return self._fate_in_helper(*helper, depth + 1)
            return False, Gap(GapKind.STREAM_HELPER.value, self.ws.path_of(scope), line,
                              f"the generator is handed to `{dotted_text(func) or 'a call'}`, which makes the response")
        return False, None

    def _helper_taking(self, call: CallSite | None, argument: ast.expr, value: Value) -> tuple[Scope, str] | None:
        """The project function ``call`` calls (``value``) and its parameter that receives ``argument`` directly."""
        helper = self.ws.scopes.get(value.name) if value.kind == "scope" and not value.bound else None
        if helper is None or helper.kind != "function" or helper.class_qualname or call is None:
            return None
        for position, given in enumerate(call.node.args):
            if given is argument and position < len(helper.params):
                return helper, helper.params[position]
        keyword = next((k.arg for k in call.node.keywords if k.value is argument), None)
        return (helper, keyword) if keyword in helper.params else None

    def _fate_in_helper(self, helper: Scope, parameter: str, depth: int) -> Fate:
        """Where a helper's returns put the iterable it got as ``parameter``: returned itself, or
        iterated by a generator of the helper that is returned. Returned nowhere: iterated (or
        dropped) inside the view's call, never streamed."""
        fates: list[Fate] = []
        for returned in helper.returns:
            for wrappers, node in _enclosing_calls(returned, parameter):
                fates.append(self._fate_through(helper, wrappers, node, helper.span.line, depth))
        inner = {s.qualname for s in self.ws.scopes.values() if s.parent == helper.qualname and s.is_generator
                 and any(ref.names[0] == parameter for ref in s.refs)}
        for call in helper.calls:
            target = self.resolver.value_of(helper, call.func) if call.in_return else None
            if target is not None and target.kind == "scope" and target.name in inner:
                fates.append(self._returned_generator_fate(helper, call, depth))
        streamed = [fate for fate in fates if fate is not None]
        if not streamed:
            return None
        gap = next((g for _, g in streamed if g is not None), None)
        return all(wrapped for wrapped, _ in streamed), gap


Fate = tuple[bool, Gap | None] | None  # None: iterated inside the view; else (kept in a request, why unsure)
_MAX_HELPER_DEPTH = 3  # project functions followed from a view's return to the response they make


def _enclosing_calls(expression: ast.expr, name: str) -> list[tuple[tuple[ast.expr, ...], ast.expr]]:
    """Each use of ``name`` in ``expression`` with the funcs of the calls it is an argument of, innermost first."""
    found: list[tuple[tuple[ast.expr, ...], ast.expr]] = []

    def visit(node: ast.expr, around: tuple[ast.expr, ...]) -> None:
        if isinstance(node, ast.Name) and node.id == name:
            found.append((around, node))
            return
        if isinstance(node, ast.Call):
            for child in (*node.args, *(k.value for k in node.keywords)):
                visit(child, (node.func, *around))
            return
        if isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                visit(element, around)
        elif isinstance(node, ast.Starred):
            visit(node.value, around)

    visit(expression, ())
    return found


def _is_migration(module: ModuleIndex) -> bool:
    """An Alembic script (``env.py`` or a revision): it imports Alembic at its top level, or it is a
    revision (its ``revision`` and ``down_revision`` identifiers), which Alembic loads by path."""
    return all(name in module.globals for name in table.MIGRATION_REVISION_GLOBALS) or any(
        b.kind == "import" and (b.target in table.MIGRATION_IMPORTS or b.target.startswith("alembic."))
        for b in module.globals.values())
