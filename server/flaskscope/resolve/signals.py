"""Which functions a signal's ``send`` runs: its receivers, found once for the workspace.

``order_placed.send(order)`` calls every receiver connected to ``order_placed`` right there, so for
the search it is a call of each of them (``knowledge/signals.py`` says what counts as a signal).
"""

from __future__ import annotations

import ast

from flaskscope.index.model import Scope
from flaskscope.knowledge.signals import (
    CONNECT_METHODS,
    FLASK_SIGNALS,
    NAMED_SIGNAL_FACTORIES,
    SEND_METHODS,
    SENT_BY_LIBRARY_CALLS,
    SIGNAL_FACTORIES,
)
from flaskscope.resolve.origins import creating_call
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import scope_names

SignalKey = tuple[str, ...]


class Signals:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.ws = resolver.ws
        self._receivers: dict[SignalKey, list[str]] | None = None

    def key(self, scope: Scope, expr: ast.expr) -> SignalKey | None:
        """What identifies the signal ``expr`` is: the call that made it, its name, or Flask's name for it."""
        value = self.resolver.value_of(scope, expr)
        if value.kind == "external" and value.name in FLASK_SIGNALS:
            return ("flask", FLASK_SIGNALS[value.name])
        origin = creating_call(self.resolver, scope, expr)
        if origin is None:
            return None
        made_in, call = origin
        factory = self.resolver.value_of(made_in, call.func)
        if factory.kind != "external":
            return None
        if factory.name in NAMED_SIGNAL_FACTORIES and call.args and isinstance(call.args[0], ast.Constant):
            return ("named", str(call.args[0].value))
        if factory.name in SIGNAL_FACTORIES:
            return ("made", made_in.module, str(call.lineno), str(call.col_offset))
        return None

    def sent_by(self, scope: Scope, call: ast.Call) -> tuple[str, ...]:
        """The receivers a call runs: ``sig.send(...)``, or a Flask function that sends Flask's signals."""
        func = call.func
        keys: list[SignalKey] = []
        if isinstance(func, ast.Attribute) and func.attr in SEND_METHODS:
            key = self.key(scope, func.value)
            if key is not None:
                keys.append(key)
        else:
            value = self.resolver.value_of(scope, func)
            if value.kind == "external":
                keys.extend(("flask", name) for name in SENT_BY_LIBRARY_CALLS.get(value.name, ()))
        if not keys:
            return ()
        receivers = self.receivers()
        return tuple(dict.fromkeys(r for key in keys for r in receivers.get(key, ()) if r in self.ws.scopes))

    def receivers(self) -> dict[SignalKey, list[str]]:
        if self._receivers is None:
            self._receivers = {}
            for scope in list(self.ws.scopes.values()):
                self._decorated_receivers(scope)
                for site in scope.calls:
                    func = site.func
                    if isinstance(func, ast.Attribute) and func.attr in CONNECT_METHODS and site.node.args \
                            and not site.is_decorator:
                        key = self.key(scope, func.value)
                        if key is not None:
                            for name in scope_names(self.resolver.value_of(scope, site.node.args[0])):
                                self._receivers.setdefault(key, []).append(name)
        return self._receivers

    def _decorated_receivers(self, scope: Scope) -> None:
        """``@sig.connect`` / ``@sig.connect_via(app)`` on a function."""
        parent = self.ws.scopes.get(scope.parent or "")
        if scope.kind != "function" or parent is None:
            return
        for decorator in scope.decorators:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            if isinstance(func, ast.Attribute) and func.attr in CONNECT_METHODS:
                key = self.key(parent, func.value)
                if key is not None and self._receivers is not None:
                    self._receivers.setdefault(key, []).append(scope.qualname)
