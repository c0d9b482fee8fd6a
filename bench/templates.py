"""Source text of every module of a generated Flask workspace.

Each function renders one file from a plan (``Blueprint``/``Workspace``). A line that holds a
planted bug (the first context-requiring use on a context-less path) ends with ``MARK``;
``generate.py`` strips the mark and records the line. The code is meant to look and behave
like a real project: ``bench/runtime_check.py`` runs it with real Flask, Celery and APScheduler.

Bug slots (``FEATURES``), one sink per path, each in a function only that path reaches first:

- ``notify``  a view starts ``threading.Thread(target=email.deliver_...)``: ``mail.send``;
- ``recalc``  a Celery task with ``base=RetryingTask`` (no Flask base): ``db.session.add``;
- ``cleanup`` an APScheduler job added without ``args=[app]``: ``Model.query``;
- ``export``  a script's ``__main__`` block without ``app.app_context()``: ``current_app.config``;
- ``stats``   a pytest test using the context-less ``plain_app`` fixture: ``db.session``;
- ``digest``  a Celery task with ``base=RetryingTask`` reading the *previous* blueprint's
  repository through its services: ``Model.query`` in that other package.

The safe variant of every slot keeps the same functions and calls them with a context.
"""

from __future__ import annotations

from dataclasses import dataclass

MARK = "  #@planted"
PACKAGE = "portal"
FEATURES = ("notify", "recalc", "cleanup", "export", "stats", "digest")


@dataclass(frozen=True)
class Blueprint:
    """One blueprint package: a domain (``billing`` + ``invoice``) and which slots are buggy."""

    pkg: str  # billing_invoices
    one: str  # invoice
    many: str  # invoices
    model: str  # BillingInvoice
    extra_models: tuple[str, ...]  # suffixes: ("Tag", "Attachment")
    helpers: int  # extra pure helpers in schemas.py
    extra_views: tuple[str, ...]  # extra status transitions: ("archive", "reopen")
    prev: str | None  # package whose digest this blueprint's task sends
    has_report: bool  # has a task on the second ("reports") Celery app
    bugs: frozenset[str]  # buggy slots among FEATURES
    feeds_bug: bool = False  # the next blueprint's buggy digest task reaches our repository

    @property
    def url(self) -> str:
        return "/" + self.pkg.replace("_", "-")


def bug(flag: bool, root_kind: str) -> str:
    """The mark for a planted sink line; ``root_kind`` is the context-less entry that reaches it."""
    return f"{MARK}:{root_kind}" if flag else ""


def _lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------- shared modules
def package_init(blueprints: list[Blueprint]) -> str:
    imports = [f"    from {PACKAGE} import {b.pkg}" for b in blueprints]
    inits = [f"    {b.pkg}.init_app(app)" for b in blueprints]
    return _lines(
        '"""Application factory."""',
        "",
        "import os",
        "",
        "from flask import Flask",
        "",
        f"from {PACKAGE}.celery_app import celery_init_app",
        f"from {PACKAGE}.extensions import db, mail",
        f"from {PACKAGE}.scheduler import init_scheduler",
        "",
        "",
        "def create_app(config=None):",
        "    app = Flask(__name__)",
        "    app.config.from_mapping(",
        '        SECRET_KEY=os.environ.get("SECRET_KEY", "dev"),',
        '        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite:///portal.db"),',
        '        MAIL_DEFAULT_SENDER="noreply@portal.example.com",',
        "        CELERY=dict(",
        '            broker_url=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),',
        "            task_ignore_result=True,",
        "        ),",
        '        SCHEDULER_ENABLED=os.environ.get("SCHEDULER_ENABLED") == "1",',
        '        EXPORT_DELIMITER=",",',
        "        PAGE_SIZE=50,",
        "        DIGEST_SIZE=10,",
        "    )",
        "    app.config.update(config or {})",
        "    db.init_app(app)",
        "    mail.init_app(app)",
        "    celery_init_app(app)",
        "",
        *imports,
        "",
        *inits,
        "",
        "    with app.app_context():",
        "        db.create_all()",
        "    init_scheduler(app)",
        "    return app",
    )


def extensions() -> str:
    return _lines(
        '"""Extension objects, bound to the app in create_app (no app at import time)."""',
        "",
        "from flask_mail import Mail",
        "from flask_sqlalchemy import SQLAlchemy",
        "",
        "db = SQLAlchemy()",
        "mail = Mail()",
    )


def celery_app() -> str:
    return _lines(
        '"""The main Celery app; every task runs inside an app context (Flask docs pattern)."""',
        "",
        "from celery import Celery, Task",
        "",
        "",
        "def celery_init_app(app):",
        "    class FlaskTask(Task):",
        "        def __call__(self, *args, **kwargs):",
        "            with app.app_context():",
        "                return self.run(*args, **kwargs)",
        "",
        "    celery = Celery(app.name, task_cls=FlaskTask)",
        '    celery.config_from_object(app.config["CELERY"])',
        "    celery.set_default()",
        '    app.extensions["celery"] = celery',
        "    return celery",
    )


def task_bases() -> str:
    return _lines(
        '"""Task bases shared by the blueprints."""',
        "",
        "from celery import Task",
        "",
        "",
        "class RetryingTask(Task):",
        '    """Retries transient network failures with backoff (SMTP, HTTP APIs)."""',
        "",
        "    autoretry_for = (ConnectionError, TimeoutError)",
        "    retry_backoff = True",
        '    retry_kwargs = {"max_retries": 5}',
    )


def scheduler() -> str:
    return _lines(
        '"""The in-process APScheduler; blueprints add their jobs in init_app."""',
        "",
        "from apscheduler.schedulers.background import BackgroundScheduler",
        "",
        'scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1})',
        "",
        "",
        "def init_scheduler(app):",
        '    if app.config["SCHEDULER_ENABLED"] and not scheduler.running:',
        "        scheduler.start()",
    )


def reports_worker(blueprints: list[Blueprint]) -> str:
    include = [f'        "{PACKAGE}.{b.pkg}.reports",' for b in blueprints if b.has_report]
    return _lines(
        '"""Second Celery app for heavy reports: celery -A portal.reports_worker.reports worker.',
        "",
        "It has no Flask task base: its tasks push flask_app.app_context() themselves.",
        '"""',
        "",
        "import os",
        "",
        "from celery import Celery",
        "",
        f"from {PACKAGE} import create_app",
        "",
        "flask_app = create_app()",
        "reports = Celery(",
        '    "reports",',
        '    broker=os.environ.get("REPORTS_BROKER_URL", "redis://localhost:6379/1"),',
        "    include=[",
        *include,
        "    ],",
        ")",
    )


def conftest() -> str:
    return _lines(
        "import pytest",
        "",
        f"from {PACKAGE} import create_app",
        "",
        'TEST_CONFIG = {"TESTING": True, "MAIL_SUPPRESS_SEND": True}',
        "",
        "",
        "@pytest.fixture()",
        "def app():",
        "    app = create_app(TEST_CONFIG)",
        "    with app.app_context():",
        "        yield app",
        "",
        "",
        "@pytest.fixture()",
        "def client(app):",
        "    return app.test_client()",
        "",
        "",
        "@pytest.fixture()",
        "def plain_app():",
        '    """An app with no context pushed, for configuration tests."""',
        "    return create_app(TEST_CONFIG)",
    )


def requirements() -> str:
    return _lines("Flask", "Flask-SQLAlchemy", "Flask-Mail", "celery", "APScheduler", "pytest")


# ---------------------------------------------------------------------- blueprint modules
def bp_init(b: Blueprint) -> str:
    return _lines(
        "from flask import Blueprint",
        "",
        f'bp = Blueprint("{b.pkg}", __name__, url_prefix="{b.url}")',
        "",
        "",
        "def init_app(app):",
        f"    from {PACKAGE}.{b.pkg} import cli, jobs, views  # noqa: F401  (routes and commands)",
        "",
        "    app.register_blueprint(bp)",
        "    jobs.register_jobs(app)",
    )


def models(b: Blueprint) -> str:
    m = b.model
    out = [
        "from datetime import datetime",
        "",
        f"from {PACKAGE}.extensions import db",
        "",
        "",
        f"class {m}(db.Model):",
        "    id = db.Column(db.Integer, primary_key=True)",
        "    name = db.Column(db.String(120), nullable=False)",
        "    owner_email = db.Column(db.String(255), nullable=False)",
        '    status = db.Column(db.String(20), default="open", nullable=False)',
        "    amount_cents = db.Column(db.Integer, default=0, nullable=False)",
        "    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)",
        "",
        "    def __repr__(self):",
        f'        return f"<{m} {{self.id}} {{self.name!r}}>"',
        "",
        "",
        f"class {m}Total(db.Model):",
        "    id = db.Column(db.Integer, primary_key=True)",
        f"    {b.one}_id = db.Column(db.Integer, db.ForeignKey({m}.id), nullable=False)",
        "    total_cents = db.Column(db.Integer, nullable=False)",
        "    line_count = db.Column(db.Integer, nullable=False)",
        "    computed_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)",
    ]
    for suffix in b.extra_models:
        out += [
            "",
            "",
            f"class {m}{suffix}(db.Model):",
            "    id = db.Column(db.Integer, primary_key=True)",
            f"    {b.one}_id = db.Column(db.Integer, db.ForeignKey({m}.id), nullable=False)",
            "    label = db.Column(db.String(80), nullable=False)",
            "    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)",
        ]
    return _lines(*out)


def repository(b: Blueprint) -> str:
    m, one, many = b.model, b.one, b.many
    out = [
        '"""Data access for this blueprint: every function needs an app context."""',
        "",
        f"from {PACKAGE}.extensions import db",
        f"from {PACKAGE}.{b.pkg}.models import {m}, {m}Total" + "".join(f", {m}{s}" for s in b.extra_models),
        "",
        "",
        f"def get_{one}({one}_id):",
        f"    return db.session.get({m}, {one}_id)",
        "",
        "",
        f"def list_{many}(status=None, limit=50):",
        f"    query = {m}.query.order_by({m}.created_at.desc())",
        "    if status:",
        "        query = query.filter_by(status=status)",
        "    return query.limit(limit).all()",
        "",
        "",
        f"def create_{one}(name, owner_email, amount_cents=0):",
        f"    {one} = {m}(name=name, owner_email=owner_email, amount_cents=amount_cents)",
        f"    db.session.add({one})",
        "    db.session.commit()",
        f"    return {one}",
        "",
        "",
        f"def set_status({one}, status):",
        f"    {one}.status = status",
        "    db.session.commit()",
        f"    return {one}",
        "",
        "",
        f"def store_totals({one}_id, total_cents, line_count):",
        f"    snapshot = {m}Total({one}_id={one}_id, total_cents=total_cents, line_count=line_count)",
        f"    db.session.add(snapshot){bug('recalc' in b.bugs, 'celery-task')}",
        "    db.session.commit()",
        "    return snapshot",
        "",
        "",
        "def delete_older_than(cutoff):",
        f"    removed = {m}.query.filter({m}.created_at < cutoff, {m}.status == \"closed\").delete()"
        + bug("cleanup" in b.bugs, "scheduler-job"),
        "    db.session.commit()",
        "    return removed",
        "",
        "",
        "def rows_for_export(status, limit):",
        f"    return {m}.query.filter_by(status=status).order_by({m}.id).limit(limit).all()",
        "",
        "",
        "def status_counts():",
        f"    rows = db.session.query({m}.status, db.func.count({m}.id)).group_by({m}.status).all()"
        + bug("stats" in b.bugs, "pytest"),
        "    return dict(rows)",
        "",
        "",
        "def recent_for_digest(limit):",
        f"    return {m}.query.order_by({m}.created_at.desc()).limit(limit).all(){bug(b.feeds_bug, 'celery-task')}",
    ]
    for suffix in b.extra_models:
        out += [
            "",
            "",
            f"def add_{suffix.lower()}({one}_id, label):",
            f"    row = {m}{suffix}({one}_id={one}_id, label=label)",
            "    db.session.add(row)",
            "    db.session.commit()",
            "    return row",
            "",
            "",
            f"def {suffix.lower()}_labels({one}_id):",
            f"    rows = {m}{suffix}.query.filter_by({one}_id={one}_id).order_by({m}{suffix}.label).all()",
            "    return [row.label for row in rows]",
        ]
    return _lines(*out)


def schemas(b: Blueprint) -> str:
    """Pure helpers (no context): validation, formatting, arithmetic."""
    one = b.one
    out = [
        '"""Validation and formatting; pure functions, safe anywhere."""',
        "",
        "from datetime import datetime, timedelta",
        "",
        f'STATUSES = ("open", "closed"{"".join(f", {v!r}" for v in _view_statuses(b))})',
        "",
        "",
        "def normalise_email(value):",
        "    return (value or \"\").strip().lower()",
        "",
        "",
        f"def validate_{one}(payload):",
        '    name = str(payload.get("name", "")).strip()',
        "    if not name:",
        '        raise ValueError("name is required")',
        '    owner_email = normalise_email(payload.get("owner_email"))',
        '    if "@" not in owner_email:',
        '        raise ValueError("owner_email is invalid")',
        '    amount_cents = int(payload.get("amount_cents", 0))',
        '    return {"name": name, "owner_email": owner_email, "amount_cents": amount_cents}',
        "",
        "",
        f"def {one}_to_dict({one}):",
        "    return {",
        f'        "id": {one}.id,',
        f'        "name": {one}.name,',
        f'        "owner_email": {one}.owner_email,',
        f'        "status": {one}.status,',
        f'        "amount": format_money({one}.amount_cents),',
        "    }",
        "",
        "",
        "def format_money(cents):",
        '    return f"{cents // 100}.{cents % 100:02d}"',
        "",
        "",
        "def sum_cents(amounts):",
        "    return sum(int(amount) for amount in amounts)",
        "",
        "",
        "def cutoff(days):",
        "    return datetime.utcnow() - timedelta(days=days)",
        "",
        "",
        f"def csv_line({one}, delimiter):",
        f"    fields = [str({one}.id), {one}.name, {one}.owner_email, {one}.status, format_money({one}.amount_cents)]",
        "    return delimiter.join(fields)",
        "",
        "",
        "def with_percentages(counts):",
        "    total = sum(counts.values())",
        '    shares = {status: round(100 * count / total, 1) if total else 0.0 for status, count in counts.items()}',
        '    return {"total": total, "counts": counts, "shares": shares}',
        "",
        "",
        f"def headline({one}):",
        f'    return f"#{{{one}.id}} {{{one}.name}} ({{{one}.status}}, {{format_money({one}.amount_cents)}})"',
        "",
        "",
        "def notice_body(name):",
        f'    return f"Hello,\\n\\nthere is news about your {one} {{name!r}}.\\n"',
    ]
    for i in range(b.helpers):
        out += ["", "", *_helper(i, one)]
    return _lines(*out)


def _view_statuses(b: Blueprint) -> list[str]:
    return [f"{verb}d" if verb.endswith("e") else f"{verb}ed" for verb in b.extra_views]


def _helper(i: int, one: str) -> list[str]:
    kind = i % 4
    if kind == 0:
        return [f"def slug_{i}(value):",
                '    cleaned = "".join(ch if ch.isalnum() else "-" for ch in value.lower())',
                '    return "-".join(part for part in cleaned.split("-") if part)']
    if kind == 1:
        return [f"def bucket_{i}(amount_cents, edges=(1000, 10000, 100000)):",
                "    for index, edge in enumerate(edges):",
                "        if amount_cents < edge:",
                "            return index",
                "    return len(edges)"]
    if kind == 2:
        return [f"def summarise_{i}({one}s):",
                f"    amounts = [{one}.amount_cents for {one} in {one}s]",
                '    return {"count": len(amounts), "total": format_money(sum_cents(amounts))}']
    return [f"def mask_email_{i}(value):",
            '    local, _, domain = normalise_email(value).partition("@")',
            '    return f"{local[:1]}***@{domain}" if domain else "***"']


def services(b: Blueprint) -> str:
    one = b.one
    imports = [f"from {PACKAGE}.{b.pkg} import repository, schemas"]
    out = [
        '"""Business logic: views, tasks, jobs, scripts and tests all come through here."""',
        "",
        "from flask import current_app",
        "",
        *imports,
        "",
        "",
        f"def {one}_or_none({one}_id):",
        f"    return repository.get_{one}({one}_id)",
        "",
        "",
        f"def open_{one}(payload):",
        f"    data = schemas.validate_{one}(payload)",
        f"    return repository.create_{one}(data[\"name\"], data[\"owner_email\"], data[\"amount_cents\"])",
        "",
        "",
        f"def change_status({one}, status):",
        "    if status not in schemas.STATUSES:",
        '        raise ValueError(f"unknown status {status!r}")',
        f"    return repository.set_status({one}, status)",
        "",
        "",
        "def page_size():",
        '    return current_app.config["PAGE_SIZE"]',
        "",
        "",
        f"def {one}_contact({one}):",
        f"    return schemas.normalise_email({one}.owner_email), {one}.name",
        "",
        "",
        f"def recalculate_totals({one}_id, amounts):",
        "    total = schemas.sum_cents(amounts)",
        f"    return repository.store_totals({one}_id, total, len(amounts))",
        "",
        "",
        "def purge_stale(days=30):",
        "    return repository.delete_older_than(schemas.cutoff(days))",
        "",
        "",
        'def export_lines(status="open"):',
        f"    delimiter = current_app.config[\"EXPORT_DELIMITER\"]{bug('export' in b.bugs, 'script')}",
        "    rows = repository.rows_for_export(status, limit=1000)",
        f"    return [schemas.csv_line({one}, delimiter) for {one} in rows]",
        "",
        "",
        "def dashboard_stats():",
        "    return schemas.with_percentages(repository.status_counts())",
        "",
        "",
        "def digest_lines(limit=10):",
        f"    return [schemas.headline({one}) for {one} in repository.recent_for_digest(limit)]",
    ]
    for suffix in b.extra_models:
        low = suffix.lower()
        out += ["", "", f"def label_{one}({one}_id, label):",
                f"    if label in repository.{low}_labels({one}_id):",
                "        return None",
                f"    return repository.add_{low}({one}_id, label.strip())"]
    return _lines(*out)


def email(b: Blueprint) -> str:
    one = b.one
    return _lines(
        '"""Outgoing mail. Flask-Mail needs an app context to send."""',
        "",
        "from flask_mail import Message",
        "",
        f"from {PACKAGE}.extensions import mail",
        f"from {PACKAGE}.{b.pkg} import schemas",
        "",
        'SENDER = "noreply@portal.example.com"',
        "",
        "",
        f"def build_{one}_notice(address, name):",
        f'    return Message(subject=f"Your {one} {{name}}", sender=SENDER, recipients=[address],',
        "                   body=schemas.notice_body(name))",
        "",
        "",
        f"def deliver_{one}_notice(address, name):",
        f"    msg = build_{one}_notice(address, name)",
        f"    mail.send(msg){bug('notify' in b.bugs, 'thread')}",
        "",
        "",
        f"def deliver_{one}_notice_in_app(app, address, name):",
        "    with app.app_context():",
        f"        deliver_{one}_notice(address, name)",
        "",
        "",
        "def send_digest(recipient, title, lines):",
        '    body = "\\n".join(lines) or "Nothing new this week."',
        "    mail.send(Message(subject=title, sender=SENDER, recipients=[recipient], body=body))",
    )


def tasks(b: Blueprint) -> str:
    one = b.one
    buggy_digest = b.prev is not None and "digest" in b.bugs
    out = ["from celery import shared_task", ""]
    if "recalc" in b.bugs or buggy_digest:
        out.append(f"from {PACKAGE}.task_bases import RetryingTask")
    out.append(f"from {PACKAGE}.{b.pkg} import {'email, ' if b.prev else ''}services")
    if b.prev:
        out.append(f"from {PACKAGE}.{b.prev} import services as {b.prev}_services")
    out += [
        "",
        "",
        "@shared_task(base=RetryingTask)" if "recalc" in b.bugs else "@shared_task",
        f"def recalculate_{one}_totals({one}_id, amounts=()):",
        f"    snapshot = services.recalculate_totals({one}_id, list(amounts))",
        "    return snapshot.total_cents",
    ]
    if b.prev:
        out += [
            "",
            "",
            "@shared_task(base=RetryingTask)" if buggy_digest else "@shared_task",
            f'def send_{b.prev}_digest(recipient="ops@portal.example.com"):',
            f"    lines = {b.prev}_services.digest_lines(limit=10)",
            f'    email.send_digest(recipient, "{b.prev.replace("_", " ").title()} this week", lines)',
            "    return len(lines)",
        ]
    return _lines(*out)


def jobs(b: Blueprint) -> str:
    many = b.many
    if "cleanup" in b.bugs:
        purge = (f'    scheduler.add_job(purge_stale_{many}, "interval", hours=6, id="{b.pkg}-purge", '
                 'replace_existing=True)')
    else:
        purge = (f'    scheduler.add_job(purge_stale_{many}_in_app, "interval", hours=6, args=[app], '
                 f'id="{b.pkg}-purge", replace_existing=True)')
    return _lines(
        f"from {PACKAGE}.scheduler import scheduler",
        f"from {PACKAGE}.{b.pkg} import services",
        "",
        "",
        f"def purge_stale_{many}():",
        "    removed = services.purge_stale(days=30)",
        f'    print(f"purged {{removed}} stale {many}")',
        "    return removed",
        "",
        "",
        f"def purge_stale_{many}_in_app(app):",
        "    with app.app_context():",
        f"        return purge_stale_{many}()",
        "",
        "",
        f"def log_{many}_heartbeat():",
        f'    print("{b.pkg} scheduler alive")',
        "",
        "",
        "def register_jobs(app):",
        purge,
        f'    scheduler.add_job(log_{many}_heartbeat, "interval", minutes=5, id="{b.pkg}-heartbeat", '
        'replace_existing=True)',
    )


def views(b: Blueprint) -> str:
    one, many = b.one, b.many
    if "notify" in b.bugs:
        thread = [f"    worker = threading.Thread(target=email.deliver_{one}_notice, args=(address, name), "
                  "daemon=True)"]
    else:
        thread = ["    app = current_app._get_current_object()",
                  f"    worker = threading.Thread(target=email.deliver_{one}_notice_in_app, args=(app, address, name),",
                  "                              daemon=True)"]
    out = [
        "import threading",
        "",
        "from flask import abort, current_app, jsonify, request",
        "",
        f"from {PACKAGE}.{b.pkg} import bp, email, repository, schemas, services, tasks",
        "",
        "",
        '@bp.get("/")',
        f"def list_{many}():",
        f'    {many} = repository.list_{many}(request.args.get("status"), services.page_size())',
        f"    return jsonify([schemas.{one}_to_dict({one}) for {one} in {many}])",
        "",
        "",
        '@bp.post("/")',
        f"def create_{one}():",
        "    try:",
        f"        {one} = services.open_{one}(request.get_json(force=True) or {{}})",
        "    except ValueError as exc:",
        '        return jsonify(error=str(exc)), 400',
        f"    return jsonify(schemas.{one}_to_dict({one})), 201",
        "",
        "",
        f'@bp.get("/<int:{one}_id>")',
        f"def show_{one}({one}_id):",
        f"    {one} = services.{one}_or_none({one}_id)",
        f"    if {one} is None:",
        "        abort(404)",
        f"    return jsonify(schemas.{one}_to_dict({one}))",
        "",
        "",
        f'@bp.post("/<int:{one}_id>/notify")',
        f"def notify_{one}_owner({one}_id):",
        f"    {one} = services.{one}_or_none({one}_id)",
        f"    if {one} is None:",
        "        abort(404)",
        f"    address, name = services.{one}_contact({one})",
        *thread,
        "    worker.start()",
        "    return jsonify(queued=True), 202",
        "",
        "",
        f'@bp.post("/<int:{one}_id>/totals")',
        f"def recalculate_{one}({one}_id):",
        '    amounts = (request.get_json(silent=True) or {}).get("amounts", [])',
        f"    tasks.recalculate_{one}_totals.delay({one}_id, amounts)",
        "    return jsonify(queued=True), 202",
        "",
        "",
        '@bp.get("/stats")',
        f"def {many}_stats():",
        "    return jsonify(services.dashboard_stats())",
        "",
        "",
        '@bp.get("/export.csv")',
        f"def export_{many}():",
        '    lines = services.export_lines(request.args.get("status", "open"))',
        '    return "\\n".join(lines), 200, {"Content-Type": "text/csv"}',
        "",
        "",
        '@bp.get("/digest")',
        f"def {many}_digest():",
        '    return jsonify(services.digest_lines(current_app.config["DIGEST_SIZE"]))',
    ]
    for verb, status in zip(b.extra_views, _view_statuses(b), strict=True):
        out += ["", "", f'@bp.post("/<int:{one}_id>/{verb}")', f"def {verb}_{one}({one}_id):",
                f"    {one} = services.{one}_or_none({one}_id)",
                f"    if {one} is None:", "        abort(404)",
                f'    return jsonify(schemas.{one}_to_dict(services.change_status({one}, "{status}")))']
    for suffix in b.extra_models:
        low = suffix.lower()
        out += ["", "", f'@bp.post("/<int:{one}_id>/{low}s")', f"def add_{one}_{low}({one}_id):",
                '    label = (request.get_json(silent=True) or {}).get("label", "")',
                f"    services.label_{one}({one}_id, label)",
                "    return jsonify(ok=True), 201"]
    return _lines(*out)


def cli(b: Blueprint) -> str:
    return _lines(
        "import click",
        "",
        f"from {PACKAGE}.{b.pkg} import bp, services",
        "",
        "",
        '@bp.cli.command("purge")',
        '@click.option("--days", default=30, show_default=True)',
        "def purge_command(days):",
        f'    """Delete closed {b.many} older than DAYS (flask {b.pkg} purge)."""',
        '    click.echo(f"removed {services.purge_stale(days)}")',
        "",
        "",
        '@bp.cli.command("stats")',
        "def stats_command():",
        "    click.echo(services.dashboard_stats())",
    )


def reports(b: Blueprint) -> str:
    return _lines(
        f"from {PACKAGE}.reports_worker import flask_app, reports",
        f"from {PACKAGE}.{b.pkg} import services",
        "",
        "",
        "@reports.task",
        f'def build_{b.many}_report(status="open"):',
        "    with flask_app.app_context():",
        "        lines = services.export_lines(status)",
        "    return len(lines)",
    )


def export_script(b: Blueprint) -> str:
    if "export" in b.bugs:
        main = ["    app = create_app()", "    main(sys.argv[1] if len(sys.argv) > 1 else \"open\")"]
    else:
        main = ["    app = create_app()", "    with app.app_context():",
                "        main(sys.argv[1] if len(sys.argv) > 1 else \"open\")"]
    return _lines(
        f'"""Export {b.many} as CSV: python scripts/export_{b.pkg}.py [status]"""',
        "",
        "import sys",
        "",
        f"from {PACKAGE} import create_app",
        f"from {PACKAGE}.{b.pkg} import services",
        "",
        "",
        "def main(status):",
        "    for line in services.export_lines(status):",
        "        print(line)",
        "",
        "",
        'if __name__ == "__main__":',
        *main,
    )


def test_module(b: Blueprint) -> str:
    one, many = b.one, b.many
    stats_fixture = "plain_app" if "stats" in b.bugs else "app"
    return _lines(
        f"from {PACKAGE}.{b.pkg} import schemas, services",
        "",
        "",
        f"def test_{one}_validation_normalises_email():",
        f'    data = schemas.validate_{one}({{"name": " A ", "owner_email": " Ann@Example.COM "}})',
        '    assert data == {"name": "A", "owner_email": "ann@example.com", "amount_cents": 0}',
        "",
        "",
        f"def test_{many}_page_size(plain_app):",
        '    assert plain_app.config["PAGE_SIZE"] == 50',
        "",
        "",
        f"def test_{many}_stats_shape({stats_fixture}):",
        "    stats = services.dashboard_stats()",
        '    assert set(stats) == {"total", "counts", "shares"}',
        "",
        "",
        f"def test_create_and_show_{one}(client):",
        f'    created = client.post("{b.url}/", json={{"name": "First", "owner_email": "a@example.com"}})',
        "    assert created.status_code == 201",
        f'    shown = client.get(f"{b.url}/{{created.get_json()[\'id\']}}")',
        '    assert shown.get_json()["name"] == "First"',
        "",
        "",
        f"def test_export_{many}_uses_delimiter(app):",
        f'    services.open_{one}({{"name": "Exported", "owner_email": "e@example.com"}})',
        '    assert all("," in line for line in services.export_lines("open"))',
    )
