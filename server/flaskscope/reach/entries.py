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
from flaskscope.index.ast_util import call_argument
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
        self._import_levels = ImportLevels(self.ws)
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
        for module in self.ws.modules.values():
            if only is not None and module.name not in only:
                continue
            body = module.body_scope
            if self.facts.uses_flask_migrate and _is_migration(module):
                self._add(Root("import-time", module.path, 1, Level.APP, "a migration run by `flask db`",
                               body.qualname))
            else:
                level = self._import_levels.level_of(module.name)
                what = "import-time code" if level is Level.NONE else "import-time code, imported only in a context"
                self._add(Root("import-time", module.path, 1, level, what, body.qualname))
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
        return self.entries

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
            wrapped = any(self._is_stream_wrapper(view, w) for w in call.wrappers)
            level = Level.REQUEST if wrapped else decorator_level(self.resolver, self.knowledge, generator.qualname)
            self._add(Root("stream", self.ws.path_of(view), call.span.line, level,
                           "a streamed response generator", generator.qualname, True, call.node, view.qualname))

    def _is_stream_wrapper(self, scope: Scope, func: ast.expr) -> bool:
        """``stream_with_context`` (or another wrapping provider): the generator keeps the request."""
        value = self.resolver.value_of(scope, func)
        return value.kind == "external" and value.name in self.knowledge.wrapping_providers


def _is_migration(module: ModuleIndex) -> bool:
    """An Alembic script (``env.py`` or a revision): it imports Alembic at its top level, or it is a
    revision (its ``revision`` and ``down_revision`` identifiers), which Alembic loads by path."""
    return all(name in module.globals for name in table.MIGRATION_REVISION_GLOBALS) or any(
        b.kind == "import" and (b.target in table.MIGRATION_IMPORTS or b.target.startswith("alembic."))
        for b in module.globals.values())
