"""The context a Celery task runs in, from how the project set up its app and task classes.

Celery runs a task's body inside its task class's ``__call__``; Flask projects make that push an
app context in several ways: ``Celery(task_cls=FlaskTask)``, ``celery.Task = ContextTask`` (in a
factory such as ``make_celery(app)``), ``@celery.task(base=ContextTask)``, or a ``Celery``
subclass that installs its task class in ``init_app``. Which app a ``@celery.task`` belongs to
decides which of these apply, so a task's level is read per app (see ``resolve.origins``), and a
project-wide default covers tasks whose app cannot be found (``@shared_task``).
"""

from __future__ import annotations

import ast

from flaskscope.index.model import Scope
from flaskscope.knowledge import roots as table
from flaskscope.levels import Level
from flaskscope.resolve.origins import creating_call
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value


class CeleryLevels:
    """Task levels of one workspace's Celery apps and task classes, each worked out once."""

    def __init__(self, resolver: Resolver, default: Level | None = None) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self._celery_default: Level | None = default  # a project-wide fact: known from a whole run
        self._app_levels: dict[int, Level] = {}
        self._task_assignment_list: list[tuple[Scope, ast.expr, ast.expr]] | None = None

    def decorator_root_level(self, spec: table.DecoratorRoot, function: Scope, decorator: ast.expr,
                             where: Scope | None = None) -> Level:
        """The context a root decorator runs the function in, by its table row: a Celery task's is its
        app's or base's (the decorator read in ``where``, when it is applied by a call there)."""
        if spec.level == table.CELERY:
            return self.task_level(function, decorator, where)
        return spec.level  # type: ignore[return-value]

    def task_level(self, scope: Scope, decorator: ast.expr, where: Scope | None = None) -> Level:
        """The context a Celery task runs in: its ``base=``, else its own app's task class. The decorator
        expression is read where it is written: the task's parent, or ``where`` (``celery.task(...)(f)``)."""
        parent = where or self.ws.scopes.get(scope.parent or "")
        if parent is None:
            return self.default_level()
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "base":
                    return self._task_class_level(self.resolver.value_of(parent, keyword.value))
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(func, ast.Attribute):  # ``@celery.task``: that app, when it can be found
            origin = creating_call(self.resolver, parent, func.value)
            if origin is not None:
                return self._app_level(*self._constructed(*origin))
        return self.default_level()

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

    def _app_level(self, scope: Scope, construction: ast.Call) -> Level:
        """The task class level of one ``Celery(...)`` app: ``task_cls=`` and ``<app>.Task = ...``."""
        known = self._app_levels.get(id(construction))
        if known is not None:
            return known
        level = Level.NONE
        for keyword in construction.keywords:
            if keyword.arg == table.CELERY_TASK_CLASS_KEYWORD:
                level = max(level, self._task_class_level(self.resolver.value_of(scope, keyword.value)))
        for assigning, target, expr in self._task_assignments():
            found = creating_call(self.resolver, assigning, target)
            if found is not None and found[1] is construction:
                level = max(level, self._task_class_level(self.resolver.value_of(assigning, expr)))
        made = self.resolver.value_of(scope, construction.func)
        if made.kind == "class" and made.name in self.ws.classes:
            level = max(level, self._subclass_task_level(made.name))
        self._app_levels[id(construction)] = level
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
                            if keyword.arg == table.CELERY_TASK_CLASS_KEYWORD:
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
        """The level a task class gives the tasks it runs: a project class's ``__call__``, or Celery's own."""
        if value.kind == "class" and value.name in self.ws.classes:
            return self.pushed_by_call(value.name)
        if value.kind in ("class", "external") and value.name == "celery.Celery.Task":
            return self.default_level()
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
            return max(level, self.default_level())
        return level

    def default_level(self) -> Level:
        """``Celery(task_cls=FlaskTask)`` or ``celery.Task = ContextTask`` anywhere in the project."""
        if self._celery_default is not None:
            return self._celery_default
        self._celery_default = Level.NONE
        best = Level.NONE
        for scope in self.ws.scopes.values():
            for call in scope.calls:
                callee = self.resolver.value_of(scope, call.func)
                if not (callee.kind == "external" and callee.name == table.CELERY_APP_CLASS):
                    continue
                for keyword in call.node.keywords:
                    if keyword.arg == table.CELERY_TASK_CLASS_KEYWORD:
                        value = self.resolver.value_of(scope, keyword.value)
                        if value.kind == "class" and value.name in self.ws.classes:
                            best = max(best, self.pushed_by_call(value.name))
        for assigning, _target, expr in self._task_assignments():
            value = self.resolver.value_of(assigning, expr)
            if value.kind == "class" and value.name in self.ws.classes:
                best = max(best, self.pushed_by_call(value.name))
        self._celery_default = best
        return best


def _is_super_call(func: ast.expr) -> bool:
    """``super().__call__`` (or ``Base.__call__(self, ...)``): the base's ``__call__`` runs too."""
    return isinstance(func, ast.Attribute) and func.attr == "__call__" and (
        (isinstance(func.value, ast.Call) and getattr(func.value.func, "id", "") == "super")
        or isinstance(func.value, (ast.Name, ast.Attribute)))
