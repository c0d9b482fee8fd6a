"""Signals: ``send`` runs every connected receiver, in the sender's thread and context.

Matched after resolution. A signal object is known by the call that made it (``Namespace().signal
("order-placed")``), or by its name for ``blinker.signal(name)`` (one object per name, process-wide),
or as one of Flask's own signals; receivers connect with ``@sig.connect``, ``@sig.connect_via(x)``
or ``sig.connect(fn)``.
"""

from __future__ import annotations

# Calls that make a signal object.
SIGNAL_FACTORIES: frozenset[str] = frozenset({
    "blinker.Namespace.signal", "blinker.base.Namespace.signal", "flask.signals.Namespace.signal",
    "blinker.Signal", "blinker.base.Signal", "blinker.NamedSignal", "blinker.base.NamedSignal",
})
# ``blinker.signal("name")``: the same object for the same name everywhere.
NAMED_SIGNAL_FACTORIES: frozenset[str] = frozenset({"blinker.signal", "blinker.base.signal"})

CONNECT_METHODS: frozenset[str] = frozenset({"connect", "connect_via"})
SEND_METHODS: frozenset[str] = frozenset({"send"})

# Flask's own signals, by every name they are imported under.
FLASK_SIGNALS: dict[str, str] = {
    f"{prefix}.{name}": f"flask.signals.{name}"
    for prefix in ("flask", "flask.signals")
    for name in ("template_rendered", "before_render_template", "request_started", "request_finished",
                 "request_tearing_down", "got_request_exception", "appcontext_tearing_down",
                 "appcontext_pushed", "appcontext_popped", "message_flashed")
}

# Flask functions that send a signal of Flask's while they run (and so run its receivers there).
SENT_BY_LIBRARY_CALLS: dict[str, tuple[str, ...]] = {
    "flask.render_template": ("flask.signals.before_render_template", "flask.signals.template_rendered"),
    "flask.render_template_string": ("flask.signals.before_render_template", "flask.signals.template_rendered"),
    "flask.templating.render_template": ("flask.signals.before_render_template", "flask.signals.template_rendered"),
    "flask.flash": ("flask.signals.message_flashed",),
}
