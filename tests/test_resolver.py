"""What the resolver says names and calls target, on the tricky shapes of real Flask code.

These check resolution facts only (no detection claim); detection is checked against real
Flask by the corpus.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flaskscope.index.loader import index_files
from flaskscope.resolve.jedi_fallback import JediFallback
from flaskscope.resolve.resolver import Resolver
from flaskscope.resolve.values import Value
from flaskscope.resolve.workspace import Workspace


def make_project(root: Path, files: dict[str, str]) -> tuple[Workspace, Resolver]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    warnings: list[str] = []
    ws = Workspace(index_files([root], warnings.append))
    assert not warnings
    return ws, Resolver(ws)


def ref_value(ws: Workspace, resolver: Resolver, scope: str, text: str) -> Value:
    scope_obj = ws.scopes[scope]
    for ref in scope_obj.refs:
        for i in range(len(ref.names)):
            if ".".join(ref.names[: i + 1]) == text:
                value = resolver.lookup(scope_obj, ref.names[0])
                for name in ref.names[1 : i + 1]:
                    value = resolver.attribute(value, name)
                return value
    raise AssertionError(f"no reference {text} in {scope}")


def test_import_aliases(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {"a.py": """
        import flask
        from flask import current_app as app
        from flask.globals import request as req

        def f():
            app.config
            flask.g.user
            req.args
    """})
    assert ref_value(ws, r, "a.f", "app") == Value("external", "flask.current_app")
    assert ref_value(ws, r, "a.f", "flask.g") == Value("external", "flask.g")
    assert ref_value(ws, r, "a.f", "req") == Value("external", "flask.request")


def test_reexport_through_package_init(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {
        "app/__init__.py": "",
        "app/services/__init__.py": "from .reports import build\n",
        "app/services/reports.py": "def build():\n    pass\n",
        "app/jobs.py": "from app.services import build\n\ndef job():\n    build()\n",
    })
    assert ref_value(ws, r, "app.jobs.job", "build") == Value("scope", "app.services.reports.build")


def test_extension_instance_across_modules(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {
        "ext.py": "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n",
        "models.py": "from ext import db\n\nclass User(db.Model):\n    pass\n",
        "jobs.py": "from ext import db\nfrom models import User\n\n"
                   "def job():\n    db.session.add(1)\n    User.query.all()\n",
    })
    assert ref_value(ws, r, "jobs.job", "db.session") == Value("external", "flask_sqlalchemy.SQLAlchemy.session")
    assert ref_value(ws, r, "jobs.job", "User.query") == Value("external", "flask_sqlalchemy.Model.query")


def test_partial_lambda_nested_and_bound_methods(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {"m.py": """
        import functools

        class Service:
            def run(self):
                pass

        service = Service()

        def outer():
            def inner():
                pass
            p = functools.partial(inner)
            f = lambda: inner()
            service.run
            p
            f
    """})
    assert ref_value(ws, r, "m.outer", "p") == Value("scope", "m.outer.inner")
    assert ref_value(ws, r, "m.outer", "f").name.startswith("m.outer.<lambda:")
    assert ref_value(ws, r, "m.outer", "service.run") == Value("scope", "m.Service.run", bound=True)


def test_local_proxy_and_caller_inferred_parameter(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {"m.py": """
        from flask import Flask, g
        from werkzeug.local import LocalProxy

        tenant = LocalProxy(lambda: g.tenant)

        def register(app):
            app.cli

        def create_app():
            app = Flask(__name__)
            register(app)
            tenant
            return app
    """})
    assert ref_value(ws, r, "m.create_app", "tenant").kind == "proxy"
    assert ref_value(ws, r, "m.register", "app.cli") == Value("instance", "flask.cli.AppGroup")
    assert r.return_value("m.create_app") == Value("instance", "flask.Flask")


def test_loop_over_literal_tuple_of_functions(tmp_path: Path) -> None:
    ws, r = make_project(tmp_path, {"m.py": """
        def a():
            pass

        def b():
            pass

        JOBS = (a, b)

        def run_all():
            for job in JOBS:
                job
    """})
    assert ref_value(ws, r, "m.run_all", "job") == Value("scopes", "m.a|m.b")


def test_jedi_resolves_method_on_list_element(tmp_path: Path) -> None:
    """The index cannot type elements of a list of instances; jedi can."""
    ws, r = make_project(tmp_path, {"notify.py": """
        class EmailNotifier:
            def notify(self, event):
                return event

        NOTIFIERS = [EmailNotifier()]

        def fan_out(event):
            for notifier in NOTIFIERS:
                notifier.notify(event)
    """})
    scope = ws.scopes["notify.fan_out"]
    call = next(c for c in scope.calls if getattr(c.func, "attr", "") == "notify")
    assert r.value_of(scope, call.func).kind == "unknown"
    jedi = JediFallback(tmp_path, ws.modules.values())
    module = ws.module_of_scope[scope.qualname]
    column = call.span.end_col - len("notify")
    targets = jedi.targets(module.path.resolve(), module.source, call.span.end_line, column)
    assert targets == ("notify.EmailNotifier.notify",)
    assert jedi.queries == 1
    jedi.targets(module.path.resolve(), module.source, call.span.end_line, column)
    assert jedi.queries == 1  # answers are remembered


def test_jedi_refuses_other_threads(tmp_path: Path) -> None:
    import threading

    jedi = JediFallback(tmp_path, [])
    errors: list[BaseException] = []

    def other() -> None:
        try:
            jedi.targets(tmp_path / "x.py", "x = 1\n", 1, 0)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert errors, "jedi objects must stay on their owner thread"


@pytest.mark.parametrize("source", ["def f(:\n", "x = (\n"])
def test_syntax_errors_are_warnings(tmp_path: Path, source: str) -> None:
    (tmp_path / "bad.py").write_text(source)
    (tmp_path / "good.py").write_text("x = 1\n")
    warnings: list[str] = []
    modules = index_files([tmp_path], warnings.append)
    assert [m.name for m in modules] == ["good"]
    assert len(warnings) == 1 and "syntax error" in warnings[0]
