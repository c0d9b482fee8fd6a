"""Where a fix gets the Flask app from.

In order of preference:
1. an app object already visible in the scope: a parameter, a local, an enclosing or module
   global (``app``), ``self.app``, or a Flask-APScheduler ``scheduler.app``; safe;
2. the project's one module-level app object elsewhere (``wsgi.app``), imported where used;
3. the project's app factory (``create_app()``): a guess, since it builds a new app.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flaskscope.index.model import Scope
from flaskscope.knowledge.names import APP_FACTORY_SIDE_EFFECT_METHODS
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value

FLASK = Value("instance", "flask.Flask")
SCHEDULER = Value("instance", "flask_apscheduler.APScheduler")


@dataclass(frozen=True)
class AppSource:
    expr: str  # "app", "self.app", "scheduler.app", "create_app()"
    import_from: tuple[str, str] | None  # (module, name) to import before use
    safe: bool


class AppFinder:
    def __init__(self, resolver: Resolver, configured: str | None = None) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self.configured = configured
        self._project_apps: list[tuple[str, str]] | None = None
        self._factories: list[str] | None = None

    def project_apps(self) -> list[tuple[str, str]]:
        """(module, name) of every module-level Flask app object (computed once)."""
        if self._project_apps is None:
            self._project_apps = [
                (m.name, name) for m in self.ws.modules.values() for name in m.globals
                if f"{m.name}.<main>" not in m.scopes  # a script's app: importing it would run the script
                and not name.startswith("_") and m.globals[name].kind == "assign"
                and self.resolver.lookup(m.body_scope, name) == FLASK]
        return self._project_apps

    def factories(self) -> list[str]:
        """App factories callable without arguments, ``create_app`` first (computed once)."""
        if self._factories is None:
            self._factories = sorted(
                (q for q, s in self.ws.scopes.items()
                 if s.kind == "function" and s.class_qualname is None and s.parent
                 and s.parent.endswith(".<module>") and self.resolver.return_value(q) == FLASK
                 and _no_required_params(s) and not self._starts_something(s)),
                key=lambda q: (self.ws.scopes[q].name != "create_app", q.count("."), q))
        return self._factories

    def _starts_something(self, function: Scope, depth: int = 0) -> bool:
        """Does the factory start a scheduler or a thread (see APP_FACTORY_SIDE_EFFECT_METHODS), itself
        or through the project's functions it calls (``init_scheduler(app)``)?"""
        for call in function.calls:
            if isinstance(call.func, ast.Attribute) and call.func.attr in APP_FACTORY_SIDE_EFFECT_METHODS:
                return True
            target = self.resolver.value_of(function, call.func)
            callee = self.ws.scopes.get(target.name) if target.kind == "scope" else None
            if callee is not None and depth < 3 and callee is not function \
                    and self._starts_something(callee, depth + 1):
                return True
        return False

    def visible(self, scope: Scope) -> AppSource | None:
        """An app reachable by name from ``scope`` without importing anything."""
        walk: Scope | None = scope
        while walk is not None:
            names = sorted(walk.locals, key=lambda n: (n != "app", n))
            for name in names:
                value = self.resolver.lookup(scope, name)
                if value == FLASK:
                    return AppSource(name, None, True)
                if value == SCHEDULER:
                    return AppSource(f"{name}.app", None, True)
            walk = self.ws.scopes.get(walk.parent) if walk.parent else None
        if scope.class_qualname and scope.params:
            for info in self.resolver.class_chain(scope.class_qualname):
                for attr in info.attributes:
                    if self.resolver.class_member(info.qualname, attr, True) == FLASK:
                        return AppSource(f"{scope.params[0]}.{attr}", None, True)
        return None

    def find(self, scope: Scope) -> AppSource | None:
        found = self.visible(scope)
        if found is not None:
            return found
        module = self.ws.module_of_scope[scope.qualname].name
        if self.configured:  # the project said which app fixes should use
            home, expression = self.configured.split(":", 1)
            name = expression.split("(", 1)[0].split(".", 1)[0].strip()
            return AppSource(expression.strip(), None if home == module else (home, name), True)
        apps = self.project_apps()
        if len(apps) == 1:
            app_module, name = apps[0]
            return AppSource(name, None if app_module == module else (app_module, name), True)
        factories = self.factories()
        if factories:
            factory = self.ws.scopes[factories[0]]
            home = self.ws.module_of_scope[factory.qualname].name
            return AppSource(f"{factory.name}()", None if home == module else (home, factory.name), False)
        return None


def _no_required_params(scope: Scope) -> bool:
    node = scope.node
    args = getattr(node, "args", None)
    if args is None:
        return True
    positional = [*args.posonlyargs, *args.args]
    return len(args.defaults) == len(positional) and all(d is not None for d in args.kw_defaults)
