"""The knowledge tables are consistent: canonical names, known rules, no dead rows."""

from __future__ import annotations

import pytest

from flaskscope.knowledge import providers, roots, sinks
from flaskscope.knowledge.names import canonical
from flaskscope.knowledge.roots import WHY_NO_CONTEXT
from flaskscope.levels import Level
from flaskscope.rules import RULES


@pytest.mark.parametrize(
    ("spelled", "canonical_name"),
    [
        ("flask.globals.current_app", "flask.current_app"),
        ("flask.helpers.url_for", "flask.url_for"),
        ("flask.json.jsonify", "flask.jsonify"),
        ("flask_sqlalchemy.extension.SQLAlchemy.session", "flask_sqlalchemy.SQLAlchemy.session"),
        ("flask.Blueprint.route", "flask.Flask.route"),
        ("flask.cli.FlaskGroup.command", "flask.cli.AppGroup.command"),
        ("concurrent.futures.thread.ThreadPoolExecutor.submit", "concurrent.futures.Executor.submit"),
        ("apscheduler.schedulers.background.BackgroundScheduler.add_job", "apscheduler.BaseScheduler.add_job"),
        ("celery.app.base.Celery.task", "celery.Celery.task"),
        ("celery.app.shared_task", "celery.shared_task"),
        ("dramatiq.actor", "dramatiq.actor"),
        ("werkzeug.local.LocalProxy", "werkzeug.LocalProxy"),
        ("myproject.views.index", "myproject.views.index"),
    ],
)
def test_canonical_names(spelled: str, canonical_name: str) -> None:
    assert canonical(spelled) == canonical_name


def _table_names() -> list[str]:
    names = [s.name for s in sinks.SINKS]
    names += [r.callee for r in roots.CALL_ROOTS]
    names += [r.decorator for r in roots.DECORATOR_ROOTS]
    names += [r.base for r in roots.CLASS_ROOTS]
    names += list(roots.VIEW_DECORATORS) + list(roots.APP_CLI_REGISTRARS) + list(roots.VIEW_REGISTRARS)
    names += list(providers.WRAPPING_PROVIDERS) + list(providers.GUARD_CALLS)
    return names


@pytest.mark.parametrize("name", _table_names())
def test_table_keys_are_canonical(name: str) -> None:
    """A row spelled in a non-canonical way could never match a resolved name."""
    assert canonical(name) == name


def test_every_sink_rule_exists() -> None:
    for sink in sinks.SINKS:
        assert sink.rule_code in RULES
        if sink.app_only_rule:
            assert sink.app_only_rule in RULES
        assert sink.trigger in ("deref", "call", "access")
        assert sink.needs in (Level.APP, Level.REQUEST)


def test_request_sinks_use_request_rule() -> None:
    for sink in sinks.SINKS:
        if sink.needs is Level.REQUEST and not sink.rule:
            assert sink.rule_code == "FCX102"


def test_flask_babel_gettext_is_not_a_sink() -> None:
    """Observed with Flask-Babel 4.0: gettext falls back to the untranslated text without a context."""
    assert "flask_babel.gettext" not in sinks.SINKS_BY_NAME
    assert "flask_babel.format_date" in sinks.SINKS_BY_NAME


# Kinds the entry finder gives roots itself, besides those of the tables.
_FOUND_KINDS = {"import-time", "script", "pytest", "stream", "wsgi-middleware", "custom"}


def test_every_entry_point_kind_has_a_hover_explanation() -> None:
    kinds = {r.kind for r in roots.CALL_ROOTS} | {r.kind for r in roots.DECORATOR_ROOTS}
    kinds |= {r.kind for r in roots.CLASS_ROOTS} | _FOUND_KINDS
    assert kinds - {"view"} <= set(WHY_NO_CONTEXT), sorted(kinds - {"view"} - set(WHY_NO_CONTEXT))
    assert set(WHY_NO_CONTEXT) <= kinds  # no explanation for a kind that never occurs
