"""Run `flaskscope check` over checkouts of real projects and say, per project, what it reports.

    python bench/realworld.py /path/to/owner+name ... [--triage bench/realworld/triage.json] [--no-jedi]
                              [--jedi-difference]

For each directory: lines of Python, findings, analysis gaps by kind, the parse floor (reading and
`ast.parse` of every .py file, measured in this run) and the check's wall time as a ratio of it, the
check's peak RSS, the share of calls on the entry points' paths that stay unresolved
(`check --statistics`: a measure of recall that needs no labels, to drive down without adding false
positives), and what jedi was asked, answered and left unasked by its budget, in how many seconds.
`--jedi-difference` runs each project again with `--no-jedi` and lists the findings jedi adds (with
the hops of their chains) and any it loses, so jedi's value can be set against its cost.
With `--triage`, each finding is looked up in the triage record (repo, path, line, code) and counted
as TP, FP or untriaged, so precision is measured on code nobody here wrote. A directory named
`owner+name` (what `../shared/tools/materialise` writes) is the repository `owner/name`.

Checkouts are never part of this repository; CI does not run this.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

EXCLUDED = {".git", ".venv", "venv", "node_modules", "__pycache__", "build", "dist", ".tox"}


def python_files(root: Path) -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d not in EXCLUDED)
        found.extend(Path(directory) / f for f in sorted(files) if f.endswith(".py"))
    return found


def parse_floor(files: list[Path]) -> tuple[float, int]:
    """Seconds to read and parse every file once (the least any analysis of them costs), and lines."""
    lines = 0
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files:
            data = path.read_bytes()
            lines += data.count(b"\n")
            try:
                ast.parse(data)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                pass
    return time.perf_counter() - start, lines


def check(root: Path, no_jedi: bool) -> tuple[float, dict, int]:
    """Wall seconds, the JSON report and the peak RSS (MiB) of one cold ``flaskscope check``."""
    command = [sys.executable, "-m", "flaskscope", "check", "--no-cache", "--format", "json", "--show-gaps",
               "--statistics", "."]
    if no_jedi:
        command.append("--no-jedi")
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, cwd=root, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # the child's own peak RSS, not the maximum of all children
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{root}: flaskscope exited {proc.returncode}: {stderr[-2000:]}")
    return elapsed, json.loads(stdout), usage.ru_maxrss // 1024


def _finding_key(finding: dict) -> tuple[str, int, str]:
    return finding["path"], finding["line"], finding["code"]


def jedi_difference(with_jedi: dict, without: dict) -> tuple[list[dict], list[dict]]:
    """Findings only the jedi run has (with the hop jedi resolved, as the chain shows it) and
    findings only the ``--no-jedi`` run has (jedi's findings should be a superset)."""
    before = {_finding_key(f) for f in without["diagnostics"]}
    after = {_finding_key(f) for f in with_jedi["diagnostics"]}
    return ([f for f in with_jedi["diagnostics"] if _finding_key(f) not in before],
            [f for f in without["diagnostics"] if _finding_key(f) not in after])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("projects", nargs="+", type=Path)
    parser.add_argument("--triage", type=Path, help="triage record (JSON list of verdicts)")
    parser.add_argument("--no-jedi", action="store_true")
    parser.add_argument("--jedi-difference", action="store_true",
                        help="also run with --no-jedi and list the findings only one of the two runs has")
    parser.add_argument("--json", type=Path, help="also write the per-project rows there")
    args = parser.parse_args()
    verdicts: dict[tuple[str, str, int, str], str] = {}
    known_bugs: dict[str, set[tuple[str, int]]] = collections.defaultdict(set)  # repo -> real bugs' sinks
    if args.triage:
        for row in json.loads(args.triage.read_text(encoding="utf-8")):
            # A real bug the tool once missed ("FN") is a true positive when it is reported.
            verdict = "TP" if row["verdict"] == "FN" else row["verdict"]
            verdicts[(row["repo"], row["path"], row["line"], row["code"])] = verdict
            if row["verdict"] in ("TP", "FN"):
                known_bugs[row["repo"]].add((row["path"], row["line"]))
    rows = []
    header = f"{'project':38} {'lines':>7} {'find':>5} {'TP':>4} {'FP':>4} {'untr':>4} {'floor s':>8} " \
             f"{'check s':>8} {'ratio':>6} {'RSS MB':>6} {'unres':>6} {'jedi a/ans/left':>15} {'s':>5}  gaps by kind"
    print(header)
    totals = collections.Counter()
    for project in args.projects:
        repo = project.name.replace("+", "/", 1)
        floor, lines = parse_floor(python_files(project))
        elapsed, report, rss = check(project, args.no_jedi)
        findings = report["diagnostics"]
        gaps = collections.Counter(g["kind"] for g in report.get("gaps", []))
        judged = collections.Counter(verdicts.get((repo, f["path"], f["line"], f["code"]), "untriaged")
                                     for f in findings)
        reported = {(f["path"], f["line"]) for f in findings}
        totals.update({"findings": len(findings), "TP": judged["TP"], "FP": judged["FP"],
                       "untriaged": judged["untriaged"] + judged["unsure"], "gaps": sum(gaps.values()),
                       "known bugs": len(known_bugs[repo]), "known bugs found": len(known_bugs[repo] & reported)})
        row = {"repo": repo, "lines": lines, "findings": len(findings), "tp": judged["TP"], "fp": judged["FP"],
               "untriaged": judged["untriaged"] + judged["unsure"], "floor_s": round(floor, 3),
               "check_s": round(elapsed, 2), "ratio": round(elapsed / floor, 1) if floor else None,
               "gaps": dict(sorted(gaps.items())), "resolution": report.get("resolution"), "rss_mb": rss,
               "jedi": report.get("jedi")}
        resolution = report.get("resolution") or {}
        totals.update({"calls": resolution.get("calls", 0), "unresolved": resolution.get("unresolved", 0)})
        rows.append(row)
        jedi = report.get("jedi") or {}
        asked = f"{jedi.get('asked', 0)}/{jedi.get('answered', 0)}/{jedi.get('unasked', 0)}"
        print(f"{repo:38} {lines:7d} {len(findings):5d} {row['tp']:4d} {row['fp']:4d} {row['untriaged']:4d} "
              f"{floor:8.2f} {elapsed:8.2f} {row['ratio'] or 0:6.1f} {rss:6d} {resolution.get('share', 0):6.1%} "
              f"{asked:>15} {jedi.get('seconds', 0):5.1f}  " + ", ".join(f"{k} {v}" for k, v in sorted(gaps.items())))
        if args.jedi_difference and not args.no_jedi:
            without_seconds, without, _ = check(project, True)
            added, lost = jedi_difference(report, without)
            row.update({"no_jedi_s": round(without_seconds, 2), "jedi_added": len(added), "jedi_lost": len(lost)})
            print(f"    --no-jedi: {without_seconds:.2f} s ({without_seconds / floor:.1f}x); jedi adds {len(added)}, "
                  f"loses {len(lost)}")
            for label, listed in (("added by jedi", added), ("only without jedi", lost)):
                for f in listed:
                    hops = " <- ".join(f"{h['path']}:{h['line']}" for h in f.get("chain", [])[:-1])
                    print(f"      {label}: {f['path']}:{f['line']} {f['code']} via {hops or '-'}")
    judged_total = totals["TP"] + totals["FP"]
    precision = f"{totals['TP'] / judged_total:.2f}" if judged_total else "n/a"
    print(f"total: {totals['findings']} findings ({totals['TP']} TP, {totals['FP']} FP, {totals['untriaged']} "
          f"untriaged; precision {precision}), {totals['gaps']} gaps; known real bugs reported: "
          f"{totals['known bugs found']} of {totals['known bugs']}")
    if totals["calls"]:
        print(f"calls on the entry points' paths: {totals['calls']}, unresolved {totals['unresolved']} "
              f"({totals['unresolved'] / totals['calls']:.1%}): the label-free recall measure (lower is better)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
