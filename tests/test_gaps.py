"""Analysis gaps through the real CLI: sinks reached only on uncertain paths are data, never problems.

The cases are corpus look-alikes observed with real Flask to run clean (their oracles say so): a
test that patches a function on the chain, and a call whose constant argument rules the branch out.
"""

from __future__ import annotations

import json
import subprocess
import sys

from test_corpus import CORPUS


def _check(case: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", "check", "--no-cache", *options, "."],
                          cwd=CORPUS / case / "project", capture_output=True, text=True, timeout=300)


def test_mocked_chain_is_a_gap_listed_in_json() -> None:
    proc = _check("rc_pt_mock_patch_fixed", "--format", "json", "--show-gaps")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["diagnostics"] == []
    mocked = {(g["path"], g["line"]) for g in report["gaps"] if g["kind"] == "mocked"}
    assert ("shop/billing.py", 11) in mocked and ("shop/billing.py", 19) in mocked
    assert all(g["root"]["kind"] == "pytest" for g in report["gaps"])


def test_constant_argument_gap_is_counted_by_statistics() -> None:
    proc = _check("rc_app_const_arg_branch_fixed", "--statistics")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "    2  gap[constant-argument]" in proc.stdout
    assert "No problems found" in proc.stdout


def test_json_without_show_gaps_keeps_its_schema() -> None:
    proc = _check("rc_pt_mock_patch_fixed", "--format", "json")
    assert set(json.loads(proc.stdout)) == {"version", "diagnostics"}


def test_the_buggy_twin_is_still_reported() -> None:
    proc = _check("rc_app_const_arg_branch", "--show-gaps")
    assert proc.returncode == 1
    assert "cart/store.py:11" in proc.stdout and "0 analysis gaps" in proc.stdout


def test_context_the_project_itself_provides_is_a_gap_of_its_kind() -> None:
    """Look-alikes that run clean (their oracles say so) because of what the analysis can only
    suspect: a worker the project starts inside an app context, a value a cached property may
    already hold, a context an earlier test's session fixture left pushed, a use behind a test of what
    a `before_request` hook stored on `g`."""
    expected = {"rc_job_rq_string_ok": "worker-context", "rc_prop_cached_request_script_ok": "cached-value",
                "rc_fp_session_fixture_leak_ok": "leaked-context",
                "rc_g_state_log_filter_ok": "stored-state", "rc_g_state_in_check_ok": "stored-state",
                "rc_g_state_get_default_ok": "stored-state"}
    for case, kind in expected.items():
        proc = _check(case, "--format", "json", "--show-gaps")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        report = json.loads(proc.stdout)
        assert report["diagnostics"] == []
        assert kind in {g["kind"] for g in report["gaps"]}, (case, report["gaps"])
