"""The runtime-verified corpus: Flask's behaviour is the truth, flaskscope must match it.

For each case folder (see tests/corpus/README.md):
- ``test_oracle`` runs the case with real Flask and checks the observed context errors equal the
  case's expectations, so no expectation is ever a guess;
- ``test_flaskscope`` runs the real ``flaskscope check --format json`` CLI on the case's project and
  checks it reports exactly the expected findings — nothing more on clean look-alikes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "corpus"
RUN_CASE = Path(__file__).parent / "oracle" / "run_case.py"
CASES = sorted(p.parent.name for p in CORPUS.glob("*/expected.json"))

# The oracle's error kind each rule corresponds to (FCX103 depends on the escaped proxy).
ERROR_OF_CODE = {
    "FCX101": "app",
    "FCX102": "request",
    "FCX104": "url_for_server_name",
    "FCX105": "current_user_none",
}
PROXY_ERROR = {"current_app": "app", "g": "app", "request": "request", "session": "request"}


def load_expected(case: str) -> dict[str, Any]:
    return json.loads((CORPUS / case / "expected.json").read_text(encoding="utf-8"))


def expected_observations(expected: dict[str, Any]) -> set[tuple[str, int, str]]:
    observed = set()
    for finding in expected["findings"]:
        where = finding.get("raises_at") or finding
        if finding["code"] == "FCX103":
            error = PROXY_ERROR[finding["symbol"].split(".")[-1]]
        else:
            error = ERROR_OF_CODE[finding["code"]]
        observed.add((where["path"], where["line"], error))
    return observed


@pytest.mark.parametrize("case", CASES)
def test_oracle(case: str, tmp_path: Path) -> None:
    output = tmp_path / "observed.json"
    proc = subprocess.run(
        [sys.executable, str(RUN_CASE), str(CORPUS / case), str(output)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    observed = json.loads(output.read_text(encoding="utf-8"))
    others = [o for o in observed if o["error"] == "other"]
    assert not others, f"unrelated exceptions: {others}"
    got = {(o["path"], o["line"], o["error"]) for o in observed}
    expected = load_expected(case)
    assert got == expected_observations(expected)
    assert expected["buggy"] == bool(expected["findings"])


@pytest.mark.parametrize("case", CASES)
def test_flaskscope(case: str) -> None:
    project = CORPUS / case / "project"
    proc = subprocess.run(
        [sys.executable, "-m", "flaskscope", "check", "--no-cache", "--format", "json", "."],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    expected = load_expected(case)
    assert proc.returncode == (1 if expected["findings"] else 0), proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    got = {
        (d["path"], d["line"], d["code"], d["symbol"], d["root"]["kind"])
        for d in report["diagnostics"]
    }
    want = {
        (f["path"], f["line"], f["code"], f["symbol"], f["root_kind"])
        for f in expected["findings"]
    }
    assert got == want
