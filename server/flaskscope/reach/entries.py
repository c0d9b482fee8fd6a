"""Find the roots of a workspace: every place where code starts running, and with which context.

The shapes come from ``knowledge.roots``; this module only matches them against resolved
names. Views are found too: they are not checked (Flask gives them a request), but a generator
they return without ``stream_with_context`` runs after the request is gone.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from flaskscope.findings import Gap, Root
from flaskscope.index.ast_util import dotted_text
from flaskscope.index.model import CallSite, ModuleIndex, Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.project import Knowledge
from flaskscope.knowledge.sinks import ESCAPING_PROXIES
from flaskscope.knowledge.testing import FIXTURE_DECORATORS
from flaskscope.levels import Level
from flaskscope.reach.import_sites import ImportLevels
from flaskscope.reach.pytest_model import PytestModel, declared_name, declares_autouse
from flaskscope.resolve.origins import creating_call
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value, scope_names


@dataclass(frozen=True)
class ProjectFacts:
    """What the project says beyond its Python code: its dependencies, settings and declarations."""

    uses_pytest_flask: bool = False
    server_name_configured: bool = False
    knowledge: Knowledge = field(default_factory=Knowledge)
    uses_flask_migrate: bool = False
    flask_version: tuple[int, int] | None = None  # the lowest the dependency files admit; None: not pinned


@dataclass(frozen=True)
class Escape:
    """A proxy object passed into code that runs elsewhere (FCX103)."""

    scope: str
    ref_expr: ast.expr
    symbol: str
    proxy: str
    root: Root


@dataclass
class Entries:
    roots: list[Root] = field(default_factory=list)
    escapes: list[Escape] = field(default_factory=list)
    views: set[str] = field(default_factory=set)
    # Name on an app's CLI (``flask <name>``) -> the functions registered under it, for
    # ``runner.invoke(args=[name])`` in tests.
    commands: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class CliFacts:
    """How one module's code runs the project's CLI itself (read again only when that module is)."""

    invoked: dict[str, Level] = field(default_factory=dict)  # click command or group -> least level it is called at
    app_cli_level: Level | None = None  # least level ``app.cli()`` is called at, if it is
    unnamed_registration: Gap | None = None  # ``app.cli.add_command(<unresolvable>)``, if any


@dataclass(frozen=True)
class ModuleTests:
    """A test module's tests as a run worked them out: a focused run keeps them unless one of the
    modules they were read from changed."""

    tests: tuple[tuple[str, Level, Gap | None, tuple[str, ...]], ...]  # qualname, level, gap, leaking fixtures
    requests: dict[str, Level]  # fixture -> the least setup level these tests request it at
    consulted: frozenset[str]  # the modules their levels were read from


@dataclass
class Registrations:
    """What the project registers by calls and decorators: a focused run keeps a whole run's."""

    views: set[str] = field(default_factory=set)
    cli_added: set[str] = field(default_factory=set)  # commands added by ``app.cli.add_command``
    commands: dict[str, set[str]] = field(default_factory=dict)  # as ``Entries.commands``
    cli_facts: dict[str, CliFacts] = field(default_factory=dict)  # by module name
    tests: dict[str, ModuleTests] = field(default_factory=dict)  # by module name


class EntryFinder:
    def __init__(self, resolver: Resolver, facts: ProjectFacts,
                 checkpoint: Callable[[], None] = lambda: None, celery_default: Level | None = None,
                 fixtures: tuple[dict[str, str], list[str]] | None = None,
                 registered: Registrations | None = None) -> None:
        self._fixtures = fixtures  # a whole run's fixture table, for a focused run
        self._fixture_tables: dict[frozenset[str] | None, tuple[dict[str, str], list[str]]] = {}
        self.checkpoint = checkpoint  # called now and then; it raises to give the search up
        self.resolver = resolver
        self.ws = resolver.ws
        self.facts = facts
        self.knowledge = facts.knowledge
        registered = registered or Registrations()
        self.entries = Entries(views=set(registered.views),
                               commands={name: set(functions) for name, functions in registered.commands.items()})
        self._cli_registered: set[str] = set(registered.cli_added)
        self._known: set[Root] = set()
        self._celery_default: Level | None = celery_default  # a project-wide fact: known from a whole run
        self._celery_app_levels: dict[int, Level] = {}
        self._task_assignment_list: list[tuple[Scope, ast.expr, ast.expr]] | None = None
        self._import_levels = ImportLevels(self.ws)
        self._rq_worker: tuple[Gap | None] | None = None
        self._cli_facts: dict[str, CliFacts] = dict(registered.cli_facts)
        self._module_tests: dict[str, ModuleTests] = dict(registered.tests)
        self._edited: frozenset[str] = frozenset()  # a focused run's changed modules
        # The project-wide view of ``_cli_facts``, merged once the registrations are read:
        self._invoked: dict[str, Level] = {}  # click command or group -> least level the project calls it at
        self._app_cli_level: Level | None = None  # least level the project calls ``app.cli()`` at, if it does
        self._unnamed_registration: Gap | None = None  # ``app.cli.add_command(<unresolvable>)``, if any

    def find(self, only: frozenset[str] | None = None, edited: frozenset[str] | None = None) -> Entries:
        """The roots of the workspace, or only those declared in the modules named in ``only``.

        With ``only`` (a focused run after an edit), the views, registered commands and fixtures
        known from the last whole run (``registered``, ``fixtures``) are kept and those of the
        ``only`` modules are found again; a registration the edit removed stays until the whole run.
        Tests are worked out again where ``edited`` (default ``only``) changed what they were read from.
        """
        self._edited = (only or frozenset()) if edited is None else edited
        scopes = list(self.ws.scopes.values()) if only is None else self._scopes_in(only)
        self.resolver.use_fixtures(self.fixture_table(only)[0])
        for name in only or ():
            self._cli_facts.pop(name, None)  # read again below
        for number, scope in enumerate(scopes):
            if number % 256 == 0:
                self.checkpoint()
            for call in scope.calls:
                self._registrations(scope, call)
        self._merge_cli_facts()
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
                self._call_root(scope, call)
            if scope.kind == "function":
                self._decorated_root(scope)
        self._configured_jobs(only)
        for info in self.ws.classes.values():
            if only is None or info.module in only:
                self._class_roots(info.qualname)
        self._pytest_roots(only)
        for view in sorted(self.entries.views):
            view_scope = self.ws.scopes.get(view)  # a view kept from a whole run may since have been renamed
            if view_scope is not None and (only is None or view_scope.module in only):
                self._stream_roots(view_scope)
        return self.entries

    def _scopes_in(self, modules: frozenset[str]) -> list[Scope]:
        return [s for name in sorted(modules) if name in self.ws.modules for s in self.ws.modules[name].scopes.values()]

    def registrations(self) -> Registrations:
        """Views (by route decorator or ``add_url_rule``) and CLI commands (by ``app.cli.add_command``
        or ``@app.cli.command``) found so far."""
        return Registrations(set(self.entries.views), set(self._cli_registered),
                             {name: set(functions) for name, functions in self.entries.commands.items()},
                             dict(self._cli_facts), dict(self._module_tests))

    def _merge_cli_facts(self) -> None:
        """The project's CLI facts from each module's, in the workspace's module order."""
        for module in self.ws.modules:
            facts = self._cli_facts.get(module)
            if facts is None:
                continue
            for name, level in facts.invoked.items():
                self._invoked[name] = min(self._invoked.get(name, level), level)
            if facts.app_cli_level is not None:
                self._app_cli_level = facts.app_cli_level if self._app_cli_level is None \
                    else min(self._app_cli_level, facts.app_cli_level)
            self._unnamed_registration = self._unnamed_registration or facts.unnamed_registration

    def _add(self, root: Root) -> None:
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
                    level = max(call.level, self._decorator_level(scope.qualname),
                                Level.APP if scope.qualname in self._cli_registered else Level.NONE)
                    if value.kind == "external" and value.name in table.RQ_WORKER_RUNS and level >= Level.APP:
                        self._rq_worker = (Gap(GapKind.WORKER_CONTEXT.value, self._path(scope), call.span.line,
                                               "an RQ worker started here, inside an app context"),)
                        return self._rq_worker[0]
        return self._rq_worker[0]

    def _path(self, scope: Scope) -> Path:
        return self.ws.module_of_scope[scope.qualname].path

    def _callee(self, scope: Scope, call: CallSite) -> str:
        value = self.resolver.value_of(scope, call.func)
        return value.name if value.kind == "external" else ""

    # ------------------------------------------------------------ call roots
    def _registrations(self, scope: Scope, call: CallSite) -> None:
        """``app.cli.add_command(cmd)`` and ``app.add_url_rule(view_func=...)``."""
        callee = self._callee(scope, call)
        receiver = self.resolver.value_of(scope, call.func.value) if isinstance(call.func, ast.Attribute) else None
        # Only the app's own ``app.cli`` (an instance): a command added to a ``FlaskGroup`` group of the
        # project's (a decorated function) is found by that group before it loads the app, with no context.
        if callee in table.APP_CLI_REGISTRARS and call.node.args and receiver is not None \
                and receiver.kind == "instance":
            target = self.resolver.value_of(scope, call.node.args[0])
            for name in scope_names(target):  # one command, or each of a loop's (``for cmd in (...)``)
                self._cli_registered.add(name)
                self._name_command(name, _argument(call.node, 1, "name"))
            facts = self._cli_facts.setdefault(scope.module, CliFacts())
            if not scope_names(target) and facts.unnamed_registration is None:
                facts.unnamed_registration = Gap(GapKind.DYNAMIC_REGISTRATION.value, self._path(scope),
                                                 call.span.line, "a command added to `app.cli` that cannot be named")
        if not callee and not call.is_decorator:
            invoked = self.resolver.value_of(scope, call.func)
            function = self.ws.scopes.get(invoked.name) if invoked.kind == "scope" else None
            if invoked == Value("instance", table.CLI_GROUP_CLASS):
                # ``app.cli()`` from ``python manage.py``: the app's commands run in whatever this has
                level = max(call.level, self._decorator_level(scope.qualname))
                facts = self._cli_facts.setdefault(scope.module, CliFacts())
                facts.app_cli_level = level if facts.app_cli_level is None else min(facts.app_cli_level, level)
            if function is not None and function.decorators:
                # ``cli()`` inside ``with app.app_context():``: a click group or command run from here
                level = max(call.level, self._decorator_level(scope.qualname))
                facts = self._cli_facts.setdefault(scope.module, CliFacts())
                facts.invoked[invoked.name] = min(facts.invoked.get(invoked.name, level), level)
        if callee in table.VIEW_REGISTRARS:
            position, keyword = table.VIEW_REGISTRARS[callee]
            expr = _argument(call.node, position, keyword)
            if expr is not None:
                target = self.resolver.value_of(scope, expr)
                if target.kind == "scope":
                    self.entries.views.add(target.name)

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
            level = self._decorator_root_level(spec, function, factory, scope)
            self._add(Root(spec.kind, self._path(function), function.span.line,
                           max(level, self._decorator_level(target)), spec.what, target))

    def _call_root(self, scope: Scope, call: CallSite) -> None:
        self._decorator_applied_by_call(scope, call)
        value = self.resolver.value_of(scope, call.func)
        spec = self.knowledge.call_roots.get(value.name) if value.kind == "external" else None
        if spec is None and value.kind in ("unknown", "external") and isinstance(call.func, ast.Attribute):
            spec = table.UNRESOLVED_METHOD_ROOTS.get(call.func.attr)
        if spec is None:
            return
        argument = _argument(call.node, spec.position, spec.keyword)
        if argument is None:
            return
        level, expr = self._unwrap(scope, argument)
        level = max(level, spec.level)
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str) and spec.callee in table.TEXTUAL_TARGET_CALLS:
            targets = self._textual_target(expr.value)
        else:
            targets = scope_names(self.resolver.value_of(scope, expr))
        path = self._path(scope)
        gap = None
        if spec.kind == table.PROCESS_KIND and scope.kind == "function" and level < Level.APP:
            gap = Gap(GapKind.FORKED_CONTEXT.value, path, call.span.line,
                      "started in a function whose callers' context a forked child keeps")
        for entry in targets:
            self._add(Root(spec.kind, path, call.span.line, max(level, self._decorator_level(entry)),
                           spec.what, entry, True, call.node, scope.qualname, spec.callee, argument, gap=gap))
        root = Root(spec.kind, path, call.span.line, level, spec.what, targets[0] if targets else "", True,
                    call.node, scope.qualname, spec.callee, argument)
        self._escapes(scope, call.node, expr, root)

    def _textual_target(self, text: str) -> tuple[str, ...]:
        """The workspace function a job's text names (``pkg.tasks.export``, ``pkg.jobs:nightly``)."""
        value = self.resolver.qualified(text.replace(":", ".").strip())
        return (value.name,) if value.kind == "scope" and value.name in self.ws.scopes else ()

    def _configured_jobs(self, only: frozenset[str] | None) -> None:
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
                            self._add(Root("scheduler-job", self._path(scope), value.lineno, Level.NONE,
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
                    self.entries.escapes.append(Escape(scope.qualname, element, text, name, root))

    def _proxy_name(self, scope: Scope, expr: ast.expr) -> str | None:
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        value = self.resolver.value_of(scope, expr)
        if value.kind == "external" and value.name in ESCAPING_PROXIES:
            return value.name
        return None

    # ------------------------------------------------------- decorator roots
    def _decorator_level(self, qualname: str) -> Level:
        scope = self.ws.scopes.get(qualname)
        return pushed_by_decorators(self.resolver.decorators(scope), self.knowledge) if scope else Level.NONE

    def _decorated_root(self, scope: Scope) -> None:
        names = self.resolver.decorators(scope)
        provided = pushed_by_decorators(names, self.knowledge)
        for name, decorator in names:
            if name in table.VIEW_DECORATORS:
                self.entries.views.add(scope.qualname)
                continue
            spec = self.knowledge.decorator_roots.get(name)
            if spec is None:
                continue
            level = self._decorator_root_level(spec, scope, decorator)
            run_by_project = False  # by its own ``cli()``/``app.cli()`` rather than by ``flask``
            if spec.kind == "click-command" and (scope.qualname in self._cli_registered
                                                 or self._in_registered_group(scope, decorator)):
                # Run by ``flask <command>``, inside the context it pushed to load the app; the project
                # running ``app.cli()`` itself decides instead.
                level = max(level, Level.APP if self._app_cli_level is None else self._app_cli_level)
                run_by_project = self._app_cli_level is not None
            if spec.kind == "click-command":
                level = max(level, self._invocation_level(scope, decorator) or Level.NONE)
                run_by_project = run_by_project or self._invocation_level(scope, decorator, None) is not None
            gap = self._unnamed_registration if spec.kind == "click-command" and level < Level.APP else None
            if name in table.GROUP_COMMAND_DECORATORS and isinstance(decorator, ast.Call) and level < Level.APP:
                level, group_gap = self._group_level(scope, decorator, level)
                gap = group_gap or (gap if level < Level.APP else None)
            if name == table.CLI_GROUP_CLASS + ".command":  # ``@app.cli.command()``
                self._name_command(scope.qualname)
            if spec.kind == "view":
                self.entries.views.add(scope.qualname)
                continue
            self._add(Root(spec.kind, self._path(scope), scope.span.line, max(level, provided), spec.what,
                           scope.qualname, gap=gap, run_by_project=run_by_project))

    def _decorator_root_level(self, spec: table.DecoratorRoot, function: Scope, decorator: ast.expr,
                              where: Scope | None = None) -> Level:
        """The context a root decorator runs the function in, by its table row: a Celery task's is its
        app's or base's (the decorator read in ``where``, when it is applied by a call there)."""
        if spec.level == table.CELERY:
            return self._celery_level(function, decorator, where)
        return spec.level  # type: ignore[return-value]

    def _invocation_level(self, command: Scope, decorator: ast.expr, uninvoked: Level | None = Level.NONE
                          ) -> Level | None:
        """The least context the project's own code invokes the command (or its group) in, when
        every visible invocation has one (``with app.app_context(): cli()``); ``uninvoked`` (NONE)
        when the project never invokes it itself."""
        parent = self.ws.scopes.get(command.parent or "")
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        names = [command.qualname]
        if parent is not None and isinstance(func, ast.Attribute):
            group = self.resolver.value_of(parent, func.value)
            if group.kind == "scope":
                names.append(group.name)
        levels = [self._invoked[name] for name in names if name in self._invoked]
        return min(levels) if levels else uninvoked

    def _in_registered_group(self, command: Scope, decorator: ast.expr) -> bool:
        """``@billing.command()`` where ``app.cli.add_command(billing)`` added the plain group: run as
        ``flask billing ...``, the context ``flask`` pushed to load the app is still there."""
        parent = self.ws.scopes.get(command.parent or "")
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if parent is None or not isinstance(func, ast.Attribute):
            return False
        group = self.resolver.value_of(parent, func.value)
        return group.kind == "scope" and group.name in self._cli_registered

    def _group_level(self, command: Scope, decorator: ast.Call, level: Level) -> tuple[Level, Gap | None]:
        """A subcommand of a group whose callback is ``@with_appcontext``: in the group's context since
        Flask 2.2; the project's Flask pin decides, and no pin is a gap."""
        parent = self.ws.scopes.get(command.parent or "")
        if parent is None or not isinstance(decorator.func, ast.Attribute):
            return level, None
        group = self.resolver.value_of(parent, decorator.func.value)
        group_scope = self.ws.scopes.get(group.name) if group.kind == "scope" else None
        if group_scope is None or pushed_by_decorators(self.resolver.decorators(group_scope), self.knowledge) \
                < Level.APP:
            return level, None
        version = self.facts.flask_version
        if version is None:
            return level, Gap(GapKind.FLASK_VERSION.value, self._path(group_scope), group_scope.span.line,
                              "the group's `with_appcontext` covers its subcommands only since Flask 2.2")
        return (Level.APP if version >= table.GROUP_CONTEXT_SINCE else level), None

    def _name_command(self, function: str, name: ast.expr | None = None) -> None:
        """Record the names ``function`` is invoked by on the app's CLI: ``name`` when given (the
        ``name=`` of ``add_command``), else its command decorator's, else derived as click does."""
        names = {name.value} if isinstance(name, ast.Constant) and isinstance(name.value, str) else set()
        scope = self.ws.scopes.get(function)
        if not names and scope is not None:
            for decorator_name, decorator in self.resolver.decorators(scope):
                spec = self.knowledge.decorator_roots.get(decorator_name)
                if spec is not None and spec.kind == "click-command" and isinstance(decorator, ast.Call):
                    given = _argument(decorator, 0, "name")
                    if isinstance(given, ast.Constant) and isinstance(given.value, str):
                        names.add(given.value)
            if not names:
                derived = scope.name.lower().replace("_", "-")
                names.add(derived)
                left, dash, suffix = derived.rpartition("-")
                if dash and suffix in table.CLICK_NAME_SUFFIXES:
                    names.add(left)
        for command in names:
            self.entries.commands.setdefault(command, set()).add(function)

    # -------------------------------------------------------------- celery
    def _celery_level(self, scope: Scope, decorator: ast.expr, where: Scope | None = None) -> Level:
        """The context a Celery task runs in: its ``base=``, else its own app's task class. The decorator
        expression is read where it is written: the task's parent, or ``where`` (``celery.task(...)(f)``)."""
        parent = where or self.ws.scopes.get(scope.parent or "")
        if parent is None:
            return self.celery_default_level()
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "base":
                    return self._task_class_level(self.resolver.value_of(parent, keyword.value))
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(func, ast.Attribute):  # ``@celery.task``: that app, when it can be found
            origin = creating_call(self.resolver, parent, func.value)
            if origin is not None:
                return self._celery_app_level(*self._constructed(*origin))
        return self.celery_default_level()

    def _constructed(self, scope: Scope, call: ast.Call, depth: int = 0) -> tuple[Scope, ast.Call]:
        """Through factories: ``celery = make_celery(app)`` is the ``Celery(...)`` that ``make_celery``
        returns (where its ``celery.Task = ContextTask`` is found)."""
        factory = self.resolver.value_of(scope, call.func)
        function = self.ws.scopes.get(factory.name) if factory.kind == "scope" else None
        if function is None or depth > 3:
            return scope, call
        for returned in function.returns:
            origin = creating_call(self.resolver, function, returned)
            if origin is not None:
                return self._constructed(*origin, depth + 1)
        return scope, call

    def _celery_app_level(self, scope: Scope, construction: ast.Call) -> Level:
        """The task class level of one ``Celery(...)`` app: ``task_cls=`` and ``<app>.Task = ...``."""
        known = self._celery_app_levels.get(id(construction))
        if known is not None:
            return known
        level = Level.NONE
        for keyword in construction.keywords:
            if keyword.arg == "task_cls":
                level = max(level, self._task_class_level(self.resolver.value_of(scope, keyword.value)))
        for assigning, target, expr in self._task_assignments():
            found = creating_call(self.resolver, assigning, target)
            if found is not None and found[1] is construction:
                level = max(level, self._task_class_level(self.resolver.value_of(assigning, expr)))
        made = self.resolver.value_of(scope, construction.func)
        if made.kind == "class" and made.name in self.ws.classes:
            level = max(level, self._subclass_task_level(made.name))
        self._celery_app_levels[id(construction)] = level
        return level

    def _subclass_task_level(self, class_qualname: str) -> Level:
        """A project subclass of Celery that installs its task class in its own methods: ``init_app``
        calling ``super().__init__(..., task_cls=AppContextTask)``, or ``self.Task = ...`` there. When
        it does so in any method, the least level among those it installs is the app's."""
        levels = []
        for info in self.resolver.class_chain(class_qualname):
            for method_name in info.methods.values():
                method = self.ws.scopes[method_name]
                for call in method.calls:
                    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
                    if isinstance(call.func, ast.Attribute) and call.func.attr == "__init__" \
                            and isinstance(receiver, ast.Call) and getattr(receiver.func, "id", "") == "super":
                        for keyword in call.node.keywords:
                            if keyword.arg == "task_cls":
                                levels.append(self._task_class_level(self.resolver.value_of(method, keyword.value)))
        for assigning, target, expr in self._task_assignments():
            if assigning.class_qualname == class_qualname and isinstance(target, ast.Name) \
                    and assigning.params and target.id == assigning.params[0]:
                levels.append(self._task_class_level(self.resolver.value_of(assigning, expr)))
        return min(levels) if levels else Level.NONE

    def _task_assignments(self) -> list[tuple[Scope, ast.expr, ast.expr]]:
        """Every ``<celery app>.Task = <class>`` in the workspace: (scope, app expression, class expression)."""
        if self._task_assignment_list is None:
            self._task_assignment_list = [
                (self.ws.scopes[scope_name], target, expr)
                for module in self.ws.modules.values()
                for scope_name, target, attr, expr in module.attribute_assignments if attr == "Task"]
        return self._task_assignment_list

    def _task_class_level(self, value: Value) -> Level:
        if value.kind == "class" and value.name in self.ws.classes:
            return self.pushed_by_call(value.name)
        if value.kind in ("class", "external") and value.name == "celery.Celery.Task":
            return self.celery_default_level()
        return Level.NONE

    def pushed_by_call(self, class_qualname: str) -> Level:
        """The context a Task class's ``__call__`` pushes around the task body."""
        level = Level.NONE
        for info in self.resolver.class_chain(class_qualname):
            method = info.methods.get("__call__")
            if method is None:
                continue
            scope = self.ws.scopes[method]
            level = max(level, max((c.level for c in scope.calls), default=Level.NONE))
            if not any(_is_super_call(c.func) for c in scope.calls):
                return level  # this __call__ does not delegate: bases do not run
        if "celery.Celery.Task" in self.resolver.external_bases(class_qualname):
            return max(level, self.celery_default_level())
        return level

    def celery_default_level(self) -> Level:
        """``Celery(task_cls=FlaskTask)`` or ``celery.Task = ContextTask`` anywhere in the project."""
        if self._celery_default is not None:
            return self._celery_default
        self._celery_default = Level.NONE
        best = Level.NONE
        for scope in self.ws.scopes.values():
            for call in scope.calls:
                if self._callee(scope, call) != "celery.Celery":
                    continue
                for keyword in call.node.keywords:
                    if keyword.arg == "task_cls":
                        value = self.resolver.value_of(scope, keyword.value)
                        if value.kind == "class" and value.name in self.ws.classes:
                            best = max(best, self.pushed_by_call(value.name))
        for assigning, _target, expr in self._task_assignments():
            value = self.resolver.value_of(assigning, expr)
            if value.kind == "class" and value.name in self.ws.classes:
                best = max(best, self.pushed_by_call(value.name))
        self._celery_default = best
        return best

    # -------------------------------------------------------------- classes
    def _class_roots(self, class_qualname: str) -> None:
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
                level = self.celery_default_level() if spec.level == table.CELERY else spec.level
                if spec.kind == "celery-task":
                    level = self.pushed_by_call(class_qualname)
                method = self.ws.scopes[info.methods[spec.method]]
                self._add(Root(spec.kind, path, method.span.line, level, spec.what, method.qualname))  # type: ignore[arg-type]
        call = info.methods.get("__call__")
        if call is not None and self.ws.scopes[call].params[1:3] == table.WSGI_CALL_PARAMS:
            method = self.ws.scopes[call]
            self._add(Root("wsgi-middleware", path, method.span.line, Level.NONE, "WSGI middleware", call))

    # --------------------------------------------------------------- pytest
    def fixture_table(self, only: frozenset[str] | None = None) -> tuple[dict[str, str], list[str]]:
        """(fixture name -> qualname, autouse fixture names) of the workspace.

        With ``only`` and a table from a whole run given to the constructor, that table with the
        fixtures of the ``only`` modules found again (a focused run reads no other module).
        Computed once per ``only``: ``find`` needs it first (the resolver's fixture values), then for roots.
        """
        known = self._fixture_tables.get(only)
        if known is None:
            known = self._fixture_tables[only] = self._find_fixtures(only)
        return known

    def _find_fixtures(self, only: frozenset[str] | None) -> tuple[dict[str, str], list[str]]:
        if self._fixtures is not None and only is not None:
            base, base_autouse = self._fixtures
            fixtures = {name: q for name, q in base.items() if self.ws.scopes.get(q) is not None
                        and self.ws.scopes[q].module not in only}
            autouse = [name for name in base_autouse if name in fixtures]
            scopes: Iterable[Scope] = self._scopes_in(only)
        else:
            fixtures, autouse = {}, []
            scopes = self.ws.scopes.values()
        for scope in scopes:
            if scope.kind != "function" or not scope.decorators:
                continue
            for name, decorator in self.resolver.decorators(scope):
                if name in FIXTURE_DECORATORS:
                    fixture_name = declared_name(decorator, scope.name)
                    if declares_autouse(decorator):
                        autouse.append(fixture_name)
                    fixtures[fixture_name] = scope.qualname
        return fixtures, autouse

    def _pytest_roots(self, only: frozenset[str] | None) -> None:
        fixtures, _autouse = self.fixture_table(only)
        model = PytestModel(self.resolver, fixtures, self.facts.uses_pytest_flask)
        # Every test's level is needed, also in a focused run: a fixture's level, and which tests run
        # after a leaked context, depend on the tests elsewhere. A focused run keeps the levels of the
        # test modules whose sources did not change; roots are added for ``only``'s modules.
        tests: list[tuple[ModuleIndex, Scope, Level, Gap | None, tuple[str, ...]]] = []
        for module in self.ws.modules.values():
            stem = module.path.stem
            if not (stem.startswith("test_") or stem.endswith("_test")):
                continue
            carried = self._module_tests.get(module.name)
            if only is None or carried is None or carried.consulted & self._edited:
                carried = self._module_tests[module.name] = self._work_out_tests(model, module)
            for qualname, level, gap, leaking in carried.tests:
                tests.append((module, self.ws.scopes[qualname], level, gap, leaking))
            for fixture, setup in carried.requests.items():
                model.requested(fixture, setup)
        for module, scope, level, gap in self._leaked_contexts(tests):
            if only is None or module.name in only:
                self._add(Root("pytest", module.path, scope.span.line, level, "a pytest test", scope.qualname,
                               gap=gap))
        # Fixtures after the tests: what the tests requesting a fixture set up first is known by then.
        for qualname in fixtures.values():
            scope = self.ws.scopes[qualname]
            if only is not None and scope.module not in only:
                continue
            level, gap = model.fixture_level(scope)
            level = max(level, self._decorator_level(qualname))
            self._add(Root("pytest", self._path(scope), scope.span.line, level, "a pytest fixture", qualname,
                           gap=gap))

    def _work_out_tests(self, model: PytestModel, module: ModuleIndex) -> ModuleTests:
        """The level of each test of a test module, and what they were read from."""
        tests = []
        requests: dict[str, Level] = {}
        consulted: set[str] = {module.name}
        for scope in module.scopes.values():
            if scope.kind != "function" or not scope.name.startswith("test"):
                continue
            if scope.parent != module.body_scope.qualname:
                continue
            if scope.class_qualname is not None:
                klass = self.ws.classes[scope.class_qualname]
                if not (klass.name.startswith("Test") or
                        "unittest.TestCase" in self.resolver.external_bases(klass.qualname)):
                    continue
            level, gap = model.test_level(scope)
            level = max(level, self._decorator_level(scope.qualname))  # a declared provider on the test
            tests.append((scope.qualname, level, gap, tuple(sorted(model.leaking_fixtures(scope)))))
            for fixture, setup in model.requests_of(scope).items():
                requests[fixture] = min(requests.get(fixture, setup), setup)
            consulted |= model.consulted_modules(scope)
        return ModuleTests(tuple(tests), requests, frozenset(consulted))

    def _leaked_contexts(self, tests: list[tuple[ModuleIndex, Scope, Level, Gap | None, tuple[str, ...]]]
                         ) -> list[tuple[ModuleIndex, Scope, Level, Gap | None]]:
        """A test with no context of its own, run after a test whose fixture left a context pushed
        (pytest's order: files by path, tests by position), has that context: not certain either way."""
        result = [(module, scope, level, gap) for module, scope, level, gap, _ in tests]
        ordered = sorted(range(len(tests)), key=lambda i: (tests[i][0].path.parts, tests[i][1].span.line))
        leaked: Gap | None = None
        for i in ordered:
            module, scope, level, gap, leaking = tests[i]
            if level is Level.NONE and gap is None and leaked is not None:
                result[i] = (module, scope, level, leaked)
            for qualname in leaking:
                fixture = self.ws.scopes[qualname]
                leaked = leaked or Gap(GapKind.LEAKED_CONTEXT.value, self._path(fixture), fixture.span.line,
                                       f"fixture `{fixture.name}` leaves a context pushed after {scope.name}")
        return result

    # ------------------------------------------------------------ streaming
    def _stream_roots(self, view: Scope) -> None:
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
            level = Level.REQUEST if wrapped else self._decorator_level(generator.qualname)
            self._add(Root("stream", self._path(view), call.span.line, level,
                           "a streamed response generator", generator.qualname, True, call.node, view.qualname))

    def _is_stream_wrapper(self, scope: Scope, func: ast.expr) -> bool:
        value = self.resolver.value_of(scope, func)
        return value.kind == "external" and value.name in self.knowledge.wrapping_providers


def pushed_by_decorators(decorators: list[tuple[str, ast.expr]], knowledge: Knowledge) -> Level:
    """The context a function's decorators (``Resolver.decorators``) push around every call of it:
    ``@with_appcontext``, ``@app.cli.command``, ``@copy_current_request_context``."""
    return max((knowledge.wrapping_providers.get(name, Level.NONE) for name, _ in decorators), default=Level.NONE)


def _is_migration(module: ModuleIndex) -> bool:
    """An Alembic script (``env.py`` or a revision): it imports Alembic at its top level, or it is a
    revision (its ``revision`` and ``down_revision`` identifiers), which Alembic loads by path."""
    return all(name in module.globals for name in table.MIGRATION_REVISION_GLOBALS) or any(
        b.kind == "import" and (b.target in table.MIGRATION_IMPORTS or b.target.startswith("alembic."))
        for b in module.globals.values())


def _argument(call: ast.Call, position: int | None, keyword: str | None) -> ast.expr | None:
    for kw in call.keywords:
        if keyword is not None and kw.arg == keyword:
            return kw.value
    if position is not None and len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def _elements(expr: ast.expr) -> list[ast.expr]:
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return [e for element in expr.elts for e in _elements(element)]
    if isinstance(expr, ast.Dict):
        return [e for value in expr.values for e in _elements(value)]
    return [expr]



def _is_super_call(func: ast.expr) -> bool:
    """``super().__call__`` (or ``Base.__call__(self, ...)``): the base's ``__call__`` runs too."""
    return isinstance(func, ast.Attribute) and func.attr == "__call__" and (
        (isinstance(func.value, ast.Call) and getattr(func.value.func, "id", "") == "super")
        or isinstance(func.value, (ast.Name, ast.Attribute)))
