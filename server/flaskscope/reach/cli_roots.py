"""Click commands as roots: which the app's CLI runs, and in which context.

``flask <command>`` loads the app and runs a command registered on ``app.cli`` (by
``@app.cli.command`` or ``app.cli.add_command``) inside the app context it pushed for that; a
plain click command run by the project's own ``cli()`` has whatever context that call has. What
decides it is spread over the project: registrations (possibly in another module than the
command), ``app.cli()`` or ``cli()`` calls in a ``manage.py``, a group's ``with_appcontext`` (and
the Flask version that makes it cover subcommands). Each module's facts are kept apart
(``CliFacts``) so a focused run reads only the modules it re-reads, then merged project-wide.
"""

from __future__ import annotations

import ast

from flaskscope.findings import Gap
from flaskscope.index.ast_util import call_argument
from flaskscope.index.model import CallSite, Scope
from flaskscope.knowledge import roots as table
from flaskscope.knowledge.gaps import GapKind
from flaskscope.knowledge.project import Knowledge
from flaskscope.levels import Level
from flaskscope.reach.decorator_levels import decorator_level, pushed_by_decorators
from flaskscope.reach.entry_data import CliFacts, Registrations
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value, scope_names


class CliRoots:
    """The project's CLI registrations and invocations, and the level each click command gets from them."""

    def __init__(self, resolver: Resolver, knowledge: Knowledge, flask_version: tuple[int, int] | None,
                 commands: dict[str, set[str]], registered: Registrations) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.knowledge = knowledge
        self._flask_version = flask_version
        self.commands = commands  # ``Entries.commands``, filled here
        self.registered: set[str] = set(registered.cli_added)  # commands added by ``app.cli.add_command``
        self.facts: dict[str, CliFacts] = dict(registered.cli_facts)  # by module name
        # The project-wide view of ``facts``, merged once the registrations are read:
        self._invoked: dict[str, Level] = {}  # click command or group -> least level the project calls it at
        self._app_cli_level: Level | None = None  # least level the project calls ``app.cli()`` at, if it does
        self._unnamed_registration: Gap | None = None  # ``app.cli.add_command(<unresolvable>)``, if any

    def read_registration(self, scope: Scope, call: CallSite, callee: str) -> None:
        """``app.cli.add_command(cmd)`` (``callee``: the call's external name, or empty), and calls that
        run the CLI from the project's own code: ``app.cli()``, ``cli()`` of a click group."""
        receiver = self.resolver.value_of(scope, call.func.value) if isinstance(call.func, ast.Attribute) else None
        # Only the app's own ``app.cli`` (an instance): a command added to a ``FlaskGroup`` group of the
        # project's (a decorated function) is found by that group before it loads the app, with no context.
        if callee in table.APP_CLI_REGISTRARS and call.node.args and receiver is not None \
                and receiver.kind == "instance":
            target = self.resolver.value_of(scope, call.node.args[0])
            for name in scope_names(target):  # one command, or each of a loop's (``for cmd in (...)``)
                self.registered.add(name)
                self.name_command(name, call_argument(call.node, 1, "name"))
            facts = self.facts.setdefault(scope.module, CliFacts())
            if not scope_names(target) and facts.unnamed_registration is None:
                facts.unnamed_registration = Gap(GapKind.DYNAMIC_REGISTRATION.value, self.ws.path_of(scope),
                                                 call.span.line, "a command added to `app.cli` that cannot be named")
        if not callee and not call.is_decorator:
            invoked = self.resolver.value_of(scope, call.func)
            function = self.ws.scopes.get(invoked.name) if invoked.kind == "scope" else None
            if invoked == Value("instance", table.CLI_GROUP_CLASS):
                # ``app.cli()`` from ``python manage.py``: the app's commands run in whatever this has
                level = max(call.level, decorator_level(self.resolver, self.knowledge, scope.qualname))
                facts = self.facts.setdefault(scope.module, CliFacts())
                facts.app_cli_level = level if facts.app_cli_level is None else min(facts.app_cli_level, level)
            if function is not None and function.decorators:
                # ``cli()`` inside ``with app.app_context():``: a click group or command run from here
                level = max(call.level, decorator_level(self.resolver, self.knowledge, scope.qualname))
                facts = self.facts.setdefault(scope.module, CliFacts())
                facts.invoked[invoked.name] = min(facts.invoked.get(invoked.name, level), level)

    def merge_facts(self) -> None:
        """The project's CLI facts from each module's, in the workspace's module order."""
        for module in self.ws.modules:
            facts = self.facts.get(module)
            if facts is None:
                continue
            for name, level in facts.invoked.items():
                self._invoked[name] = min(self._invoked.get(name, level), level)
            if facts.app_cli_level is not None:
                self._app_cli_level = facts.app_cli_level if self._app_cli_level is None \
                    else min(self._app_cli_level, facts.app_cli_level)
            self._unnamed_registration = self._unnamed_registration or facts.unnamed_registration

    def forget(self, modules: frozenset[str]) -> None:
        """Drop the facts of ``modules``, which are read again (a focused run's edited modules)."""
        for name in modules:
            self.facts.pop(name, None)

    def command_level(self, name: str, spec: table.DecoratorRoot, scope: Scope, decorator: ast.expr,
                      level: Level) -> tuple[Level, Gap | None, bool]:
        """The context a function decorated ``name`` (``spec``'s row) runs in when that makes it a click
        command, from ``level`` (its decorator's own): (level, gap, whether the project itself runs it)."""
        run_by_project = False  # by its own ``cli()``/``app.cli()`` rather than by ``flask``
        if spec.kind == "click-command" and (scope.qualname in self.registered
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
        return level, gap, run_by_project

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
        return group.kind == "scope" and group.name in self.registered

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
        version = self._flask_version
        if version is None:
            return level, Gap(GapKind.FLASK_VERSION.value, self.ws.path_of(group_scope), group_scope.span.line,
                              "the group's `with_appcontext` covers its subcommands only since Flask 2.2")
        return (Level.APP if version >= table.GROUP_CONTEXT_SINCE else level), None

    def name_command(self, function: str, name: ast.expr | None = None) -> None:
        """Record the names ``function`` is invoked by on the app's CLI: ``name`` when given (the
        ``name=`` of ``add_command``), else its command decorator's, else derived as click does."""
        names = {name.value} if isinstance(name, ast.Constant) and isinstance(name.value, str) else set()
        scope = self.ws.scopes.get(function)
        if not names and scope is not None:
            for decorator_name, decorator in self.resolver.decorators(scope):
                spec = self.knowledge.decorator_roots.get(decorator_name)
                if spec is not None and spec.kind == "click-command" and isinstance(decorator, ast.Call):
                    given = call_argument(decorator, 0, "name")
                    if isinstance(given, ast.Constant) and isinstance(given.value, str):
                        names.add(given.value)
            if not names:
                derived = scope.name.lower().replace("_", "-")
                names.add(derived)
                left, dash, suffix = derived.rpartition("-")
                if dash and suffix in table.CLICK_NAME_SUFFIXES:
                    names.add(left)
        for command in names:
            self.commands.setdefault(command, set()).add(function)
