"""What needs a Flask context, and what happens without it.

``trigger`` says which use of the name raises:
- ``deref``: a proxy raises only when looked through (attribute, call, subscript, operator);
  passing the proxy object around is silent — until the receiver uses it (rule FCX103).
- ``call``: a function raises when called; referencing it is harmless.
- ``access``: the attribute raises as soon as it is read (descriptors such as ``Model.query``).
"""

from __future__ import annotations

from dataclasses import dataclass

from flaskscope.levels import Level


@dataclass(frozen=True)
class Sink:
    name: str
    needs: Level
    trigger: str  # "deref" | "call" | "access"
    rule: str = ""  # defaults to FCX101 / FCX102 by ``needs``
    # A call with this keyword argument does not need the context (``Message(sender=...)``).
    unless_keyword: str | None = None
    # Rule raised when an app context is present but no request (``url_for`` without SERVER_NAME).
    app_only_rule: str | None = None
    is_proxy: bool = False
    # What the access returns is a plain object (an ``Engine``): stored inside a context
    # (``engine = db.engine``), it is used later without one.
    value_outlives_context: bool = False

    @property
    def rule_code(self) -> str:
        if self.rule:
            return self.rule
        return "FCX101" if self.needs is Level.APP else "FCX102"


APP, REQUEST = Level.APP, Level.REQUEST

SINKS: tuple[Sink, ...] = (
    # Flask proxies
    Sink("flask.current_app", APP, "deref", is_proxy=True),
    Sink("flask.g", APP, "deref", is_proxy=True),
    Sink("flask.request", REQUEST, "deref", is_proxy=True),
    Sink("flask.session", REQUEST, "deref", is_proxy=True),
    # Flask helpers
    Sink("flask.url_for", APP, "call", app_only_rule="FCX104"),
    Sink("flask.jsonify", APP, "call"),
    Sink("flask.make_response", APP, "call"),
    Sink("flask.render_template", APP, "call"),
    Sink("flask.render_template_string", APP, "call"),
    Sink("flask.stream_template", APP, "call"),
    Sink("flask.stream_template_string", APP, "call"),
    Sink("flask.get_template_attribute", APP, "call"),
    Sink("flask.flash", REQUEST, "call"),
    Sink("flask.get_flashed_messages", REQUEST, "call"),
    Sink("flask.send_file", REQUEST, "call"),
    Sink("flask.send_from_directory", REQUEST, "call"),
    Sink("flask.after_this_request", REQUEST, "call"),
    Sink("flask.stream_with_context", REQUEST, "call"),
    Sink("flask.copy_current_request_context", REQUEST, "call"),
    # Flask-SQLAlchemy 3: the session and engine are scoped to the app context
    Sink("flask_sqlalchemy.SQLAlchemy.session", APP, "deref"),
    Sink("flask_sqlalchemy.SQLAlchemy.engine", APP, "access", value_outlives_context=True),
    Sink("flask_sqlalchemy.SQLAlchemy.engines", APP, "access", value_outlives_context=True),
    Sink("flask_sqlalchemy.SQLAlchemy.create_all", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.drop_all", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.reflect", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.get_or_404", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.first_or_404", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.one_or_404", APP, "call"),
    Sink("flask_sqlalchemy.SQLAlchemy.paginate", APP, "call"),
    Sink("flask_sqlalchemy.Model.query", APP, "access"),
    # Flask-Mail 0.10: send() signals with current_app; Message() reads the default sender
    Sink("flask_mail.Mail.send", APP, "call"),
    Sink("flask_mail.Mail.send_message", APP, "call"),
    Sink("flask_mail.Mail.connect", APP, "call"),
    Sink("flask_mail.Message", APP, "call", unless_keyword="sender"),
    # Flask-Babel 4: gettext/ngettext/get_locale fall back to untranslated text without a context
    # (observed: they check ``if not g``); the date/time helpers read current_app and raise.
    Sink("flask_babel.format_datetime", APP, "call"),
    Sink("flask_babel.format_date", APP, "call"),
    Sink("flask_babel.format_time", APP, "call"),
    Sink("flask_babel.format_timedelta", APP, "call"),
    Sink("flask_babel.get_timezone", APP, "call"),
    Sink("flask_babel.to_user_timezone", APP, "call"),
    Sink("flask_babel.to_utc", APP, "call"),
    # Flask-WTF: the CSRF token lives in the session
    Sink("flask_wtf.csrf.generate_csrf", REQUEST, "call"),
    # Flask-Login: outside a request current_user is None — an AttributeError, not a RuntimeError
    Sink("flask_login.current_user", REQUEST, "deref", rule="FCX105", is_proxy=True),
    Sink("flask_login.login_user", REQUEST, "call"),
    Sink("flask_login.logout_user", REQUEST, "call"),
)

SINKS_BY_NAME: dict[str, Sink] = {sink.name: sink for sink in SINKS}

# The last name of every sink: a cheap filter before resolving a reference.
# Sinks that an app context alone does not satisfy when the project sets no SERVER_NAME (``url_for``
# builds no URL then): a fix for them pushes a request context. Keyed by the name as written.
NEED_SERVER_NAME_TAILS: frozenset[str] = frozenset(
    sink.name.rsplit(".", 1)[-1] for sink in SINKS if sink.app_only_rule is not None)

SINK_TAILS: frozenset[str] = frozenset(sink.name.rsplit(".", 1)[-1] for sink in SINKS)

# Proxies whose *object* must not cross into another thread or task (FCX103).
ESCAPING_PROXIES: frozenset[str] = frozenset(
    s.name for s in SINKS if s.is_proxy and s.rule_code != "FCX105"
)

# Classes whose instances are context-local proxies defined by the project itself.
PROXY_FACTORIES: frozenset[str] = frozenset({"werkzeug.LocalProxy"})
