"""Defects found trying flaskscope as a user (issue 17), through the real CLI.

A suppression silences exactly the entry points that carry it; recursion does not hide what a
root reaches; configuration naming a project function applies to it; a parameter that merely
has a proxy's name is not the proxy; a file in newer Python syntax is explained, not called a
syntax error; a fix never breaks black-formatted code or stacks on another fix.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TWO_THREADS = """\
import threading

from flask import current_app


def a(n):
    if n:
        b(n - 1)
    return current_app.config["X"]


def b(n):
    if n:
        a(n - 1)


def start():
    threading.Thread(target=a, args=(1,)).start(){first}
    threading.Thread(target=b, args=(1,)).start(){second}
"""


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _check(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", "check", "--no-cache", *options, "."],
                          cwd=root, capture_output=True, text=True, timeout=300)


def _diagnostics(root: Path) -> list[dict]:
    proc = _check(root, "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"]


def test_a_suppressed_root_leaves_the_others_reported_through_a_cycle(tmp_path: Path) -> None:
    """Both threads crash at line 9; the comment on the first thread must not hide the second, and
    the second reaches the sink only through the a <-> b cycle."""
    _write(tmp_path, {"work.py": TWO_THREADS.format(first="  # noqa: FCX101", second="")})
    [diagnostic] = _diagnostics(tmp_path)
    assert (diagnostic["line"], diagnostic["root"]["line"]) == (9, 19)
    assert [hop["name"] for hop in diagnostic["chain"]] == ["b", "a", "current_app"]
    unused = _check(tmp_path, "--unused-suppressions")
    assert "unused flaskscope suppression" not in unused.stdout  # the comment silenced its thread


def test_suppressing_every_root_or_the_sink_silences_the_finding(tmp_path: Path) -> None:
    _write(tmp_path, {"work.py": TWO_THREADS.format(first="  # noqa: FCX101", second="  # noqa: FCX101")})
    assert _diagnostics(tmp_path) == []
    sink_only = TWO_THREADS.format(first="", second="").replace(
        'return current_app.config["X"]', 'return current_app.config["X"]  # noqa: FCX101')
    _write(tmp_path, {"work.py": sink_only})
    assert _diagnostics(tmp_path) == []


# A project test decorator that pushes a context, declared a provider in the configuration (and
# a misspelt second name that matches nothing).
PROVIDER_FUNCTION_PROJECT = {
    "shop/__init__.py": """\
        from flask import Flask, current_app


        def create_app():
            return Flask(__name__)


        def currency():
            return current_app.config.get("CURRENCY", "EUR")
        """,
    "tests/__init__.py": "",
    "tests/base.py": """\
        from functools import wraps

        from shop import create_app

        app = create_app()


        def with_context(f):
            @wraps(f)
            def wrapper(*args, **kwargs):
                with app.app_context():
                    return f(*args, **kwargs)
            return wrapper
        """,
    "tests/test_shop.py": """\
        from shop import currency
        from tests.base import with_context


        @with_context
        def test_currency():
            assert currency() == "EUR"


        def test_without_context():
            assert currency() == "EUR"
        """,
    "pyproject.toml": """\
        [tool.flaskscope]
        extra-providers = { "tests.base.with_context" = "app", "tests.base.with_contxt" = "app" }
        """,
}


def test_a_provider_declared_in_the_configuration_may_be_a_project_function(tmp_path: Path) -> None:
    _write(tmp_path, PROVIDER_FUNCTION_PROJECT)
    proc = _check(tmp_path, "--format", "json")
    roots = [d["root"]["line"] for d in json.loads(proc.stdout)["diagnostics"]]
    assert roots == [10]  # only the undecorated test
    assert "`tests.base.with_contxt`, which is not defined in the project" in proc.stderr


# Parameters named like Flask proxies, in a module that never imports Flask.
PROXY_NAMED_PARAMETERS = {"handlers.py": """\
        import threading


        def client_ip(request):
            return request.remote_addr


        def user_name(current_user, session):
            return current_user.name, session.get("x")


        def start(req, user):
            threading.Thread(target=client_ip, args=(req,)).start()
            threading.Thread(target=user_name, args=(user, {})).start()
        """,
        "tests/test_names.py": """\
        def test_uses_pytest_request(request):
            assert request.node.name
        """}


def test_a_parameter_named_like_a_proxy_is_not_the_proxy(tmp_path: Path) -> None:
    _write(tmp_path, PROXY_NAMED_PARAMETERS)
    assert _diagnostics(tmp_path) == []


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the running Python reads 3.12 syntax")
def test_newer_syntax_names_the_python_it_needs(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.12"\n',
        "fstrings.py": 'row = {"a": 1}\nlabel = f"{row["a"]}"\n',
        "aliases.py": "type Rows = list[dict]\n",
        "broken.py": "def f(:\n    pass\n",
    })
    warnings = _check(tmp_path).stderr
    assert "fstrings.py:2: uses an f-string written the Python 3.12 way" in warnings
    assert "aliases.py:1: uses a `type` alias statement (PEP 695), syntax of Python 3.12" in warnings
    assert "(the project declares requires-python >=3.12)" in warnings
    assert "install flaskscope under Python 3.12 or newer" in warnings
    assert "broken.py:1: syntax error: invalid syntax; skipped" in warnings  # a real error stays one


BLACK_CELERY = """\
import os

from celery import Celery
from flask import Flask, current_app

flask_app = Flask(__name__)
celery = Celery(
    "myapp-worker",
    broker=os.environ.get("CELERY_BROKER_URL", "memory://"),
    include=["webhooks"],  # the tasks
)


@celery.task
def ping():
    return current_app.name
"""


def test_a_fix_in_a_black_formatted_call_parses_and_is_applied_once(tmp_path: Path) -> None:
    _write(tmp_path, {"worker.py": BLACK_CELERY})
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--fix", "--unsafe-fixes", "."],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "Applied 1 fix." in proc.stderr, proc.stderr
    fixed = (tmp_path / "worker.py").read_text(encoding="utf-8")
    ast.parse(fixed)
    assert '    include=["webhooks"],  # the tasks\n    task_cls=FlaskTask,\n)' in fixed
    assert "with flask_app.app_context():\n            return self.run" in fixed
    assert fixed.count("app_context()") == 1  # no second fix stacked on the first


def test_no_property_fix_for_an_attribute_read_through_its_class(tmp_path: Path) -> None:
    """``ReportSettings.recipients`` would give the property object itself once it is a property."""
    _write(tmp_path, {
        "settings.py": """\
            from flask import current_app


            class ReportSettings:
                recipients = current_app.config["RECIPIENTS"]


            class PageSettings:
                size = current_app.config["PAGE_SIZE"]

                def show(self):
                    return self.size


            def send():
                return list(ReportSettings.recipients)
            """,
        "pages.py": """\
            from flask import current_app


            class PageSettings:
                size = current_app.config["PAGE_SIZE"]

                def show(self):
                    return self.size
            """,
    })
    proc = _check(tmp_path, "--format", "json", "--show-fixes")
    fixes = {(d["path"], d["line"]): [f["title"] for f in d["fixes"]] for d in json.loads(proc.stdout)["diagnostics"]}
    assert not any("property" in title for title in fixes[("settings.py", 5)])
    assert any("property" in title for title in fixes[("pages.py", 5)])  # read through instances only


def test_a_proxy_passed_on_a_line_with_non_ascii_text_is_found(tmp_path: Path) -> None:
    """ast counts columns in bytes, spans in editor columns: the passed proxy is found either way."""
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "corpus" / "rc_arg_property_result" / "project", project)
    commands = project / "crew" / "commands.py"
    text = commands.read_text(encoding="utf-8")
    assert "click.echo(send_invite(current_user, email))" in text
    commands.write_text(text.replace("click.echo(send_invite(current_user, email))",
                                     'click.echo("é " + send_invite(current_user, email))'), encoding="utf-8")
    found = [(d["path"], d["code"], d["symbol"]) for d in _diagnostics(project)]
    assert found == [("crew/commands.py", "FCX105", "current_user")]
