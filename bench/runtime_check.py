"""Run a generated workspace for real and check its context errors are exactly the planted bugs.

    python bench/runtime_check.py /tmp/ws10k

The static answer (planted.json) is only worth comparing flaskscope against if the code really
fails where it says and nowhere else. This drives every entry point the way production would,
with real Flask, Flask-SQLAlchemy, Flask-Mail, Celery, APScheduler and pytest: the views through
the test client (threads they start are joined), every Celery task of both apps with ``apply()``,
every APScheduler job in a plain thread (as its executor does), every blueprint CLI command, every
script as ``__main__``, and the test suite. It records each "Working outside of ... context" error
at the innermost workspace line, and any other exception as a failure of the generator.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, Callable

PACKAGE = "portal"


class Recorder:
    """Context errors by (path, line) in the workspace; anything else as a readable failure."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.context_errors: set[tuple[str, int]] = set()
        self.other: list[str] = []

    def record(self, where: str, exc: BaseException, tb: TracebackType | None = None) -> None:
        tb = tb or exc.__traceback__
        if isinstance(exc, RuntimeError) and "Working outside of" in str(exc):
            frames = [f for f in traceback.extract_tb(tb) if Path(f.filename).resolve().is_relative_to(self.root)]
            if frames:
                last = frames[-1]
                self.context_errors.add((Path(last.filename).resolve().relative_to(self.root).as_posix(),
                                         last.lineno or 0))
                return
        self.other.append(f"{where}: {type(exc).__name__}: {exc}\n" + "".join(traceback.format_tb(tb)[-3:]))

    def call(self, where: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - everything is recorded
            self.record(where, exc)
            return None


def _in_thread(rec: Recorder, where: str, fn: Callable[..., Any], *args: Any) -> None:
    worker = threading.Thread(target=rec.call, args=(where, fn, *args))
    worker.start()
    worker.join()


def drive(root: Path) -> Recorder:
    rec = Recorder(root)
    threading.excepthook = lambda hook: rec.record(f"thread {hook.thread}", hook.exc_value or RuntimeError(),
                                                   hook.exc_traceback)
    from portal import create_app
    from portal.reports_worker import reports  # import time: create_app()
    from portal.scheduler import scheduler

    app = create_app({"TESTING": True, "MAIL_SUPPRESS_SEND": True})
    client = app.test_client()
    before = set(threading.enumerate())
    packages = sorted(p.parent.name for p in (root / PACKAGE).glob("*/views.py"))
    for pkg in packages:
        rec.call(f"import {pkg}.reports", _import_if_present, root, f"{PACKAGE}.{pkg}.reports")
        url = "/" + pkg.replace("_", "-")
        created = client.post(f"{url}/", json={"name": "First", "owner_email": "owner@example.com"})
        item = created.get_json()["id"]
        for method, path in (("post", f"/{item}/notify"), ("post", f"/{item}/totals"), ("get", "/"),
                             ("get", f"/{item}"), ("get", "/stats"), ("get", "/export.csv"), ("get", "/digest")):
            response = getattr(client, method)(url + path, json={"amounts": [100, 250]})
            if response.status_code >= 400:
                rec.other.append(f"{method.upper()} {url}{path}: HTTP {response.status_code}")
        for command in ("purge", "stats"):
            result = app.test_cli_runner().invoke(args=[pkg, command])
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                rec.record(f"flask {pkg} {command}", result.exception, result.exc_info[2] if result.exc_info else None)
    for worker in set(threading.enumerate()) - before:
        worker.join(timeout=5)  # the notify threads the views started

    celery = app.extensions["celery"]
    # shared_task binds every task to both apps; each worker only runs the tasks routed to it.
    for name, task in sorted(celery.tasks.items()):
        if name.startswith(PACKAGE + ".") and ".reports." not in name:
            args = (1, [100, 250]) if ".recalculate_" in name else ()
            rec.call(f"task {name}", lambda t=task, a=args: t.apply(args=a, throw=True).get())
    for name, task in sorted(reports.tasks.items()):
        if name.startswith(PACKAGE + ".") and ".reports." in name:
            rec.call(f"report {name}", lambda t=task: t.apply(throw=True).get())

    jobs = {job.id: job for job in scheduler.get_jobs()}
    with contextlib.redirect_stdout(io.StringIO()):
        for job_id, job in sorted(jobs.items()):
            _in_thread(rec, f"job {job_id}", job.func, *job.args)

    for script in sorted((root / "scripts").glob("*.py")):
        sys.argv = [str(script)]
        with contextlib.redirect_stdout(io.StringIO()):
            rec.call(f"script {script.name}", runpy.run_path, str(script), run_name="__main__")

    _run_pytest(root, rec)
    return rec


def _import_if_present(root: Path, module: str) -> None:
    if (root / (module.replace(".", "/") + ".py")).is_file():
        __import__(module)


def _run_pytest(root: Path, rec: Recorder) -> None:
    import pytest

    class Plugin:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
            outcome = yield
            if call.excinfo is not None and outcome.get_result().failed:
                rec.record(f"pytest {item.nodeid}", call.excinfo.value, call.excinfo.tb)

    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(["-q", "-p", "no:cacheprovider", str(root / "tests")], plugins=[Plugin()])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(args[0]).resolve()
    planted = {(p["path"], p["line"]) for p in json.loads((root / "planted.json").read_text())["planted"]}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(DATABASE_URL=f"sqlite:///{tmp}/runtime.db", CELERY_BROKER_URL="memory://",
                          REPORTS_BROKER_URL="memory://")
        os.environ.pop("SCHEDULER_ENABLED", None)
        os.chdir(root)
        sys.path.insert(0, str(root))
        rec = drive(root)
    for failure in rec.other:
        print("OTHER ERROR", failure)
    for path, line in sorted(rec.context_errors - planted):
        print(f"UNPLANTED context error at {path}:{line}")
    for path, line in sorted(planted - rec.context_errors):
        print(f"PLANTED but not observed: {path}:{line}")
    ok = rec.context_errors == planted and not rec.other
    print(f"{'OK' if ok else 'MISMATCH'}: {len(rec.context_errors)} context errors observed, {len(planted)} planted")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
