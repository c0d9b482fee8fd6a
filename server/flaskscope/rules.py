"""The rules: one code, one name, one text — used by ``flaskscope rule``, ``docs/rules/``, hover and
the diagnostics' ``codeDescription`` (ruff's convention: What it does / Why is this bad? / Example /
Use instead / Fix safety / References)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DOCS_URL = "https://github.com/flaskscope/flaskscope/blob/main/docs/rules/{code}.md"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    summary: str
    what: str
    why: str
    example: str
    use_instead: str
    fix_safety: str
    references: tuple[str, ...]

    def markdown(self) -> str:
        refs = "\n".join(f"- {ref}" for ref in self.references)
        return (f"# {self.name} ({self.code})\n\n"
                f"Default severity: {self.severity}. {self.summary}\n\n"
                f"## What it does\n{self.what}\n\n## Why is this bad?\n{self.why}\n\n"
                f"## Example\n```python\n{self.example.strip()}\n```\n\n"
                f"Use instead:\n```python\n{self.use_instead.strip()}\n```\n\n"
                f"## Fix safety\n{self.fix_safety}\n\n## References\n{refs}\n")


_FLASK_DOCS = "https://flask.palletsprojects.com/en/stable"

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "FCX101", "app-context-required", "error",
            "Code that needs an application context runs where Flask has pushed none.",
            what=("Finds uses of `current_app`, `g`, `url_for`, `render_template`, `jsonify`, Flask-SQLAlchemy's "
                  "`db.session`/`db.engine`/`db.create_all()`/`Model.query`, Flask-Mail's `send()` and "
                  "`Message()` without `sender=`, Flask-Babel's date helpers, and project-defined proxies "
                  "over them, that are reached from an entry point Flask does not give an application "
                  "context: a thread or executor target, a Celery/RQ/Dramatiq/Huey task, an APScheduler "
                  "job, import-time code, a script's `__main__` block, a pytest test (a plain click command "
                  "it runs with `app.test_cli_runner().invoke(...)` included: unlike the `flask` command, the "
                  "test runner pushes no context), a plain click command, an `atexit` or signal handler, WSGI "
                  "middleware, or a streamed response generator."),
            why=("Flask keeps the current app in a context-local. Views get one for free; everything else "
                 "starts with an empty stack, so the use raises `RuntimeError: Working outside of "
                 "application context` — usually far from the request that started the work, in production, "
                 "in a worker log nobody reads."),
            example='''
import threading
from flask import current_app

def send_report():
    recipient = current_app.config["REPORT_RECIPIENT"]  # FCX101

@bp.route("/report")
def report():
    threading.Thread(target=send_report).start()
    return "started"
''',
            use_instead='''
def send_report(app):
    with app.app_context():
        recipient = current_app.config["REPORT_RECIPIENT"]

@bp.route("/report")
def report():
    app = current_app._get_current_object()
    threading.Thread(target=send_report, args=(app,)).start()
    return "started"
''',
            fix_safety=("The quick fix follows the scenario: it passes the real app object into threads and "
                        "scheduled jobs, gives a Celery app the docs' `FlaskTask` base, wraps scripts, tests "
                        "and import-time code in `with app.app_context():` using the app in scope, adds "
                        "`@with_appcontext` to click commands and `stream_with_context` to streamed "
                        "generators. When no app object is in scope it builds one with the project's factory "
                        "(`create_app()`): such fixes are marked as guesses and are only applied by "
                        "`--fix --unsafe-fixes`."),
            references=(f"{_FLASK_DOCS}/appcontext/", f"{_FLASK_DOCS}/patterns/celery/",
                        f"{_FLASK_DOCS}/cli/#application-context")),
        Rule(
            "FCX102", "request-context-required", "error",
            "Code that needs a request context runs outside a request.",
            what=("Finds uses of `request`, `session`, `flash`, `get_flashed_messages`, `send_file`, "
                  "`after_this_request`, Flask-Login's `login_user`, and creating `stream_with_context` or "
                  "`copy_current_request_context` outside a request, when reached from an entry point with "
                  "no context, or with an application context only (a CLI command, a Celery task with a "
                  "Flask base, a script inside `app.app_context()`)."),
            why=("An application context is not a request: `request` and `session` raise `RuntimeError: "
                 "Working outside of request context` even where `current_app` works. Most historical bugs "
                 "of this class are request data read from background work."),
            example='''
@shared_task
def audit():
    agent = request.headers["User-Agent"]  # FCX102
''',
            use_instead='''
@shared_task
def audit(agent):
    ...

audit.delay(request.headers["User-Agent"])  # read it in the view, pass the value
''',
            fix_safety=("In a thread started from a view the fix wraps the target in "
                        "`copy_current_request_context` (safe). Elsewhere it wraps the code in "
                        "`app.test_request_context()`, which gives an empty request: marked as a guess, "
                        "since passing the data is usually what the code needs."),
            references=(f"{_FLASK_DOCS}/reqcontext/", f"{_FLASK_DOCS}/api/#flask.copy_current_request_context")),
        Rule(
            "FCX103", "context-proxy-escape", "error",
            "A context-local proxy is handed to code that runs in another thread, process or worker.",
            what=("Finds `current_app`, `g`, `request` or `session` passed as an argument to a thread, "
                  "executor, process, scheduler or task queue."),
            why=("The proxy is not the object: it looks the object up in the *current* context when used. "
                 "In the new thread there is none, so the first use raises — often inside the "
                 "`with app.app_context():` that was meant to fix the problem."),
            example='''
threading.Thread(target=export, args=(current_app,)).start()  # FCX103
''',
            use_instead='''
threading.Thread(target=export, args=(current_app._get_current_object(),)).start()
''',
            fix_safety=("Replacing `current_app`/`g` by `._get_current_object()` is safe. For `request` and "
                        "`session` it is marked as a guess: the request object outlives its context badly; "
                        "pass the values instead."),
            references=(f"{_FLASK_DOCS}/reqcontext/#notes-on-proxies",)),
        Rule(
            "FCX104", "url-for-without-server-name", "warning",
            "`url_for` runs in an application context without a request and no SERVER_NAME is configured.",
            what=("Finds `url_for` reached with an application context but no request (CLI commands, tasks "
                  "with a Flask base, scripts), in a project that never sets `SERVER_NAME`."),
            why=("Outside a request Flask does not know the host to build URLs for and raises "
                 "`RuntimeError: Unable to build URLs outside an active request without 'SERVER_NAME' "
                 "configured`."),
            example='''
@app.cli.command("send-reminders")
def send_reminders():
    link = url_for("main.index", _external=True)  # FCX104
''',
            use_instead='''
app.config["SERVER_NAME"] = "example.com"  # in the factory
''',
            fix_safety=("The quick fix wraps the code in `app.test_request_context()`: a guess (it builds URLs "
                        "for localhost)."),
            references=(f"{_FLASK_DOCS}/config/#SERVER_NAME", f"{_FLASK_DOCS}/api/#flask.url_for")),
        Rule(
            "FCX105", "current-user-outside-request", "warning",
            "Flask-Login's `current_user` is None outside a request.",
            what="Finds Flask-Login's `current_user` dereferenced where no request is active.",
            why=("Unlike Flask's own proxies it does not raise: it is `None` outside a request, so the "
                 "code fails later with `AttributeError: 'NoneType' object has no attribute ...`, or "
                 "silently takes the anonymous branch."),
            example='''
def audit_export(name):
    AuditEntry(user_id=current_user.id, report=name)  # FCX105
''',
            use_instead='''
def audit_export(name, user_id):
    AuditEntry(user_id=user_id, report=name)

scheduler.add_job(id="audit", func=audit_export, args=[name, current_user.id])  # in the view
''',
            fix_safety="No automatic fix: no pushed context provides a user; pass the user's id in.",
            references=("https://flask-login.readthedocs.io/en/latest/#flask_login.current_user",)),
    )
}

# One vocabulary for severities, in `[tool.flaskscope]` and in editor settings alike. Each output maps
# them to its own (LSP Information and Hint, SARIF note, GitHub notice).
SEVERITIES = ("error", "warning", "info", "hint")
SEVERITY_ALIASES = {"information": "info"}  # the LSP's word, accepted wherever a severity is set


def severity_named(word: str) -> str | None:
    """The severity a configuration word names (``information`` is ``info``), or None."""
    word = SEVERITY_ALIASES.get(word, word)
    return word if word in SEVERITIES else None


def names_a_rule(code: str) -> bool:
    """A rule code or a prefix of some (``FCX``, ``FCX1``, ``FCX101``)."""
    return any(rule.startswith(code) for rule in RULES)


def selected(code: str, select: Iterable[str] | None, ignore: Iterable[str]) -> bool:
    """Whether a rule is reported under ``select`` (None: every rule) and ``ignore``: both are codes or
    prefixes, as ruff reads them, in the CLI's configuration and in editor settings alike."""
    chosen = select is None or any(code.startswith(prefix) for prefix in select)
    return chosen and not any(code.startswith(prefix) for prefix in ignore)
