"""flaskscope in CI: output formats, --diff, suppressions, configuration, rule docs (real CLI, real files)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from flaskscope.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flaskscope", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of a buggy case: a thread started in app/views.py:12 reaches current_app at app/reports.py:5."""
    target = tmp_path / "project"
    shutil.copytree(CORPUS / "thread_config_read" / "project", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_sarif_is_valid_and_carries_the_chain(project: Path) -> None:
    proc = run(["check", "--format", "sarif", "."], project)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    schema = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "FCX101" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 17)
    flow = [loc["location"]["physicalLocation"]["region"]["startLine"]
            for loc in result["codeFlows"][0]["threadFlows"][0]["locations"]]
    assert flow == [12, 10, 5]
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == set(RULES) and rules["FCX101"]["helpUri"].endswith("FCX101.md")


def test_github_annotations_and_output_file(project: Path) -> None:
    proc = run(["check", "--format", "github", "--output-file", "report.txt", "."], project)
    assert proc.returncode == 1 and proc.stdout == ""
    [line] = (project / "report.txt").read_text().splitlines()
    assert line.startswith("::error file=app/reports.py,line=5,col=17,endLine=5,endColumn=28,title=flaskscope FCX101::")


def test_diff_shows_the_fix_and_writes_nothing(project: Path) -> None:
    before = {p: p.read_text() for p in project.rglob("*.py")}
    proc = run(["check", "--diff", "."], project)
    assert proc.returncode == 1
    assert "+    with app.app_context():" in proc.stdout and "args=(current_app._get_current_object(),)" in proc.stdout
    assert "+from flask import Blueprint, current_app" in proc.stdout  # joins the existing import
    assert {p: p.read_text() for p in project.rglob("*.py")} == before


def test_fix_leaves_nothing_and_reports_the_count(project: Path) -> None:
    proc = run(["check", "--fix", "."], project)
    assert proc.returncode == 0, proc.stdout
    assert "Applied 1 fix." in proc.stderr


@pytest.mark.parametrize("comment", ["# noqa: FCX101", "# noqa: E501, FCX101", "# flaskscope: ignore[FCX101]",
                                     "# flaskscope: ignore"])
def test_suppression_on_the_sink_line(project: Path, comment: str) -> None:
    reports = project / "app" / "reports.py"
    lines = reports.read_text().splitlines()
    lines[4] += f"  {comment}"
    reports.write_text("\n".join(lines) + "\n")
    assert run(["check", "."], project).returncode == 0


def test_suppression_on_the_root_line(project: Path) -> None:
    views = project / "app" / "views.py"
    views.write_text(views.read_text().replace("target=send_report)", "target=send_report)  # noqa: FCX101"))
    assert run(["check", "."], project).returncode == 0


def test_bare_noqa_counts_only_when_configured(project: Path) -> None:
    reports = project / "app" / "reports.py"
    reports.write_text(reports.read_text().replace('["REPORT_RECIPIENT"]', '["REPORT_RECIPIENT"]  # noqa'))
    assert run(["check", "."], project).returncode == 1
    (project / "pyproject.toml").write_text("[tool.flaskscope]\nallow-bare-noqa = true\n")
    assert run(["check", "."], project).returncode == 0


def test_add_noqa_then_unused_suppressions(project: Path) -> None:
    proc = run(["check", "--add-noqa", "."], project)
    assert proc.returncode == 0 and "Added 1 suppression." in proc.stderr
    assert "# noqa: FCX101" in (project / "app" / "reports.py").read_text().splitlines()[4]
    assert run(["check", "."], project).returncode == 0
    views = project / "app" / "views.py"  # fix the bug for real: the suppression is now stale
    views.write_text(views.read_text().replace("target=send_report", "target=print"))
    proc = run(["check", "--unused-suppressions", "."], project)
    assert proc.returncode == 1
    assert "app/reports.py:5: unused flaskscope suppression (FCX101)" in proc.stdout


def test_config_select_ignore_severity_and_per_file_ignores(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.flaskscope]\nseverity = { FCX101 = "warning" }\n')
    diag = json.loads(run(["check", "--format", "json", "."], project).stdout)["diagnostics"][0]
    assert diag["severity"] == "warning"
    config.write_text('[tool.flaskscope]\nignore = ["FCX101"]\n')
    assert run(["check", "."], project).returncode == 0
    config.write_text('[tool.flaskscope]\nselect = ["FCX102"]\n')
    assert run(["check", "."], project).returncode == 0
    config.write_text('[tool.flaskscope]\nper-file-ignores = { "app/reports.py" = ["FCX1"] }\n')
    assert run(["check", "."], project).returncode == 0
    config.write_text('[tool.flaskscope]\nextend-exclude = ["reports.py"]\n')
    assert run(["check", "."], project).returncode == 0
    (project / "pyproject.toml").unlink()
    (project / "flaskscope.toml").write_text('ignore = ["FCX101"]\n')
    assert run(["check", "."], project).returncode == 0


def test_config_declares_project_sinks_roots_and_providers(tmp_path: Path) -> None:
    (tmp_path / "tenancy.py").write_text(
        "from myframework import TenantProxy\n\ncurrent_tenant = TenantProxy()\n")
    (tmp_path / "jobs.py").write_text(
        "from tenancy import current_tenant\nfrom myframework import background, with_tenant_app\n\n\n"
        "@background\ndef nightly():\n    return current_tenant.name\n\n\n"
        "@background\n@with_tenant_app\ndef hourly():\n    return current_tenant.name\n")
    assert run(["check", "."], tmp_path).returncode == 0  # nothing known: nothing claimed
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flaskscope]\nextra-sinks = { "tenancy.current_tenant" = "app" }\n'
        'extra-roots = ["myframework.background"]\nextra-providers = { "myframework.with_tenant_app" = "app" }\n')
    proc = run(["check", "--format", "json", "."], tmp_path)
    found = [(d["path"], d["line"], d["root"]["kind"]) for d in json.loads(proc.stdout)["diagnostics"]]
    assert found == [("jobs.py", 7, "custom")]


def test_config_app_is_used_by_fixes(tmp_path: Path) -> None:
    """An RQ job has no app in scope: the factory fix is a guess, unless the project names its app."""
    shutil.copytree(CORPUS / "rq_enqueue_job" / "project", tmp_path / "p", ignore=shutil.ignore_patterns("__pycache__"))
    project = tmp_path / "p"
    assert run(["check", "--fix", "."], project).returncode == 1  # safe fixes only: the guess is not applied
    (project / "pyproject.toml").write_text('[tool.flaskscope]\napp = "app.worker:flask_app"\n')
    assert run(["check", "--fix", "."], project).returncode == 0
    jobs = (project / "app" / "jobs.py").read_text()
    assert "from app.worker import flask_app" in jobs and "with flask_app.app_context():" in jobs


@pytest.mark.parametrize(("text", "key"), [
    ('[tool.flaskscope]\nselect = "FCX101"\n', "select"),
    ('[tool.flaskscope]\nselect = ["XYZ1"]\n', "select"),
    ('[tool.flaskscope]\nseverity = { FCX101 = "loud" }\n', "severity"),
    ('[tool.flaskscope]\nextra-sinks = { "a.b" = "session" }\n', "extra-sinks"),
    ('[tool.flaskscope]\napp = "create_app()"\n', "app"),
    ('[tool.flaskscope]\nunknown-key = 1\n', "unknown-key"),
    ('[tool.flaskscope\nselect = [\n', "not valid TOML"),
])
def test_bad_config_exits_2_naming_key_and_file(project: Path, text: str, key: str) -> None:
    (project / "pyproject.toml").write_text(text)
    proc = run(["check", "."], project)
    assert proc.returncode == 2
    assert "pyproject.toml" in proc.stderr and key in proc.stderr and "Traceback" not in proc.stderr


def test_rule_command_and_docs_are_current(tmp_path: Path) -> None:
    proc = run(["rule", "FCX101"], tmp_path)
    assert proc.returncode == 0 and proc.stdout == RULES["FCX101"].markdown()
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety",
                    "## References"):
        assert heading in proc.stdout
    listing = run(["rule", "--all"], tmp_path).stdout.splitlines()
    assert [line.split()[0] for line in listing] == list(RULES)
    assert run(["rule", "FCX999"], tmp_path).returncode == 2
    for code, rule in RULES.items():
        page = ROOT / "docs" / "rules" / f"{code}.md"
        assert page.read_text(encoding="utf-8") == rule.markdown(), (
            f"{page} is stale: regenerate with `flaskscope rule --write-docs docs/rules`")


def test_pre_commit_hook_definition() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "flaskscope" and hook["entry"] == "flaskscope check" and hook["language"] == "python"
