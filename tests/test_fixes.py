"""Every buggy corpus case, fixed by `flaskscope check --fix --unsafe-fixes`, runs clean with real Flask.

The fix is applied by the real CLI to a copy of the case; then the case's oracle runs the fixed
project (a fix that parses but still crashes fails here) and flaskscope must find nothing left.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_corpus import CORPUS, RUN_CASE, load_expected

BUGGY = sorted(p.parent.name for p in CORPUS.glob("*/expected.json") if json.loads(p.read_text())["buggy"])

# Cases where no automatic fix can be right, and what happens instead.
NO_AUTOMATIC_FIX = {
    # current_user is None outside a request whatever context is pushed: pass the user id instead.
    "flask_apscheduler_add_job_current_user": "finding stays",
    # The decorator factory's check runs when the decorator is applied (at import, inside create_app's
    # imports): the call belongs in the wrapper, a change of behaviour only the author can make.
    "rc_app_decorator_factory_check": "finding stays",
    # The tests patch (the wrong name, as it happens): a pushed real context would run them against
    # an app they never configured, so no fix is offered; correcting the patch target is the author's.
    "rc_pt_mock_patch": "finding stays",
    # A module-level read at import time, in a module imported outside the context: importing it inside
    # the factory's `with app.app_context():` (as its look-alike does) is a structural choice.
    "rc_ctx_import_inside_context": "finding stays",
    # A worker module's constant read from the app at import time: which app the worker should build
    # (and push) when loaded by name is the author's choice (the look-alike builds one).
    "import_entry_module_also_lazy": "finding stays",
    # A job named in Flask-APScheduler's JOBS setting: no call site to pass the app at, and the job
    # module cannot import the scheduler without a cycle; pushing `scheduler.app`'s context is the author's.
    "rc_job_flask_apscheduler_config": "finding stays",
    # Request data (session, headers, flash) read by a task or a `flask` command, which have an app
    # context and no request: no request exists whose data a pushed context could supply.
    "rc_reqonly_celery_ctxtask": "finding stays",
    "rc_reqonly_cli_session": "finding stays",
    "rc_g_state_get_default": "finding stays",
    "celery_task_request_data": "finding stays",
    "cli_command_reads_request": "finding stays",
    "rc_sig_flask_template": "finding stays",  # a receiver run by a `flask` command
    # The tests' context comes from a session fixture chain (app, database, data): which of those
    # fixtures a test needs is its author's choice.
    "rc_fp_session_fixture_leak": "finding stays",
    "rc_fp_session_fixture_leak_file_order": "finding stays",
    "rc_fp_session_fixture_autouse": "finding stays",
    # The code gets a context in the wrong place (a use after a helper's `with` block ends, a helper's
    # context never entered, a request read after `client.get` outside `with client:`): the fix moves
    # the use into the context it has, which only the author can place.
    "rc_ctx_contextmanager_helper_push": "finding stays",
    "rc_ctx_client_context_preserved": "finding stays",
    "rc_ctx_client_as_alias": "finding stays",
    "rc_ctx_class_stored_in_base": "finding stays",
    # A command passes Flask-Login's current_user proxy on: outside a request it is None whatever
    # context is pushed; the command must pass the user it loaded.
    "rc_arg_property_result": "finding stays",
    # An import cycle imported at module level by an ops module, outside the factory's context: like
    # rc_ctx_import_inside_context, where to import it is a structural choice.
    "rc_import_cycle_in_factory": "finding stays",
    # The test hands the project's current_org proxy on, and it reads request.view_args: a request
    # context a fix makes matches no route (view_args is None); the test should pass an Org.
    "rc_arg_proxy_callers_disagree": "finding stays",
}
# Cases where some findings get a fix and these keep none (the reason beside each).
PARTLY_FIXED: dict[str, set[tuple[str, int]]] = {
    # Threads started from a view with no way to pass the app in: a fresh `create_app()` in the
    # thread would be another app than the running one.
    "thread_target_shapes": {("app/notifications.py", 5)},
    # The test's `big_uploads` fixture builds its own app and keeps only its config.
    "rc_pt_flask_closure": {("app/prefs.py", 5)},
    # `request` is the stale name of the retry thread's renamed parameter (`request.attempts`): no
    # request has that attribute, so no pushed context helps; the fix is to use the parameter.
    "rc_app_param_shadows_proxy": {("newsletter/throttle.py", 22)},
}
# The fix removes the context error; what the code does next needs data only its author can add.
RESIDUAL_ERRORS = {
    # The script must also load the tenant into g (AttributeError: 'g' has no attribute 'tenant').
    "local_proxy_tenant": {("saas/tenancy.py", 19, "other")},
}


# Blind cases (written before the engine learned their mechanism) whose preferred fix is still wrong:
# each is a defect of the fixes for issue 17, kept visible as a strict xfail rather than hidden.
KNOWN_BAD_FIXES: dict[str, str] = {}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_BAD_FIXES[c], strict=True))
                                  if c in KNOWN_BAD_FIXES else c for c in BUGGY])
def test_preferred_fixes_make_the_case_run_clean(case: str, tmp_path: Path) -> None:
    copy = tmp_path / case
    shutil.copytree(CORPUS / case, copy, ignore=shutil.ignore_patterns("__pycache__"))
    fixed = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--fix", "--unsafe-fixes", "."],
                           cwd=copy / "project", capture_output=True, text=True, timeout=300)
    assert "Traceback" not in fixed.stderr, fixed.stderr
    for path in (copy / "project").rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")  # every fixed file parses
    run = subprocess.run([sys.executable, str(RUN_CASE), str(copy), str(tmp_path / "observed.json")],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    observed = {(o["path"], o["line"], o["error"]) for o in json.loads((tmp_path / "observed.json").read_text())}
    if case in NO_AUTOMATIC_FIX or case in PARTLY_FIXED:
        assert fixed.returncode == 1
        remaining = {(o[0], o[1]) for o in observed}
        everything = {((f.get("raises_at") or f)["path"], (f.get("raises_at") or f)["line"])
                      for f in load_expected(case)["findings"]}
        assert remaining == PARTLY_FIXED.get(case, everything)
        return
    assert fixed.returncode == 0, fixed.stdout
    assert observed == RESIDUAL_ERRORS.get(case, set())
