"""Benchmark flaskscope against the parse floor: one JSON object per workspace size on stdout.

    .venv/bin/python bench/run.py                      # 10k, 50k and 200k lines
    .venv/bin/python bench/run.py --sizes 10000 50000

For each size: generate the workspace (bench/generate.py) into a temp dir, measure the floor
(read + ``ast.parse`` of every file, in this process), then run ``flaskscope check . --format
json`` three times as a fresh subprocess: cold (no flaskscope, jedi or parso cache), warm (nothing
changed), and after appending one harmless line to one module. Every run's findings must be
exactly the planted bugs, so speed never comes from skipping work; a mismatch is reported on
stderr and with ``"match": false``. Then the language server: edit-to-diagnostics latency over
stdio (``bench/lsp_latency.py``) on the same module, after indexing. Progress goes to stderr,
results only to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import lsp_latency  # noqa: E402
import measure  # noqa: E402
import templates  # noqa: E402

DEFAULT_SIZES = (10_000, 50_000, 200_000)
# The module the edit run touches: reached from views, tasks, jobs, scripts and tests alike.
EDITED = "services.py"


def flaskscope_command() -> list[str]:
    script = Path(sys.executable).with_name("flaskscope")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "flaskscope"]
    return [*base, "check", ".", "--format", "json"]


def bench_size(lines: int, seed: int, timeout: float | None, keep: Path | None,
               lsp_edits: int) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix=f"flaskscope-bench-{lines}-"))
    try:
        workspace = tmp / "workspace"
        meta = generate.generate(lines, workspace, seed)
        planted = {(p["path"], p["line"]) for p in meta["planted"]}  # type: ignore[attr-defined]
        files = measure.python_files(workspace)
        floor = measure.parse_floor(files)
        # Fresh caches for the cold run (jedi and parso keep theirs under XDG_CACHE_HOME); the
        # warm and edit runs reuse whatever the cold run left, like a developer's second run.
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
        shutil.rmtree(workspace / ".flaskscope_cache", ignore_errors=True)
        candidates = sorted(workspace.glob(f"{templates.PACKAGE}/*/{EDITED}"))
        edited = candidates[len(candidates) // 2]
        runs: dict[str, measure.Run] = {}
        for name in ("cold", "warm", "edit", "code_edit"):
            if name == "edit":  # a constant no code reads: answered by the cache's early cutoff
                with edited.open("a", encoding="utf-8") as handle:
                    handle.write("\nBENCH_EDIT_MARKER = 1\n")
            if name == "code_edit":  # a new function reading it: the engine runs
                with edited.open("a", encoding="utf-8") as handle:
                    handle.write("\n\ndef bench_edit_helper():\n    return BENCH_EDIT_MARKER\n")
            _log(f"{lines} lines: {name} run")
            runs[name] = measure.run(flaskscope_command(), workspace, env, timeout)
        result: dict[str, object] = {
            "lines": meta["lines"], "files": len(files), "cores": os.cpu_count(),
            "floor_seconds": round(floor, 3), "edited": edited.relative_to(workspace).as_posix(),
        }
        matches = []
        for name, r in runs.items():
            result[f"{name}_seconds"] = round(r.seconds, 3)
            result[f"{name}_exit"] = r.exit_code
            matches.append(_check(name, r, planted, lines))
        for name in runs:
            result[f"{name}_ratio"] = round(runs[name].seconds / floor, 2)
        result["peak_rss_mb"] = round(max(r.peak_rss_mb for r in runs.values()), 1)
        result["peak_tree_rss_mb"] = round(max(r.peak_tree_rss_mb for r in runs.values()), 1)
        result["rss_method"] = "os.wait4 ru_maxrss (largest process); tree: /proc VmRSS sum sampled every 20 ms"
        if lsp_edits:
            _log(f"{lines} lines: language server, {lsp_edits} edits")
            _, latencies = asyncio.run(lsp_latency.measure(workspace, edited, lsp_edits))
            result.update({f"lsp_{key}": value for key, value in lsp_latency.summary(latencies).items()})
        result["findings"] = _count(runs["cold"])
        result["planted"] = len(planted)
        result["match"] = all(matches)
        if keep:
            shutil.copytree(workspace, keep / f"ws{lines}", dirs_exist_ok=True)
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _findings(run: measure.Run) -> set[tuple[str, int]] | None:
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None
    return {(d["path"], d["line"]) for d in report["diagnostics"]}


def _count(run: measure.Run) -> int | None:
    found = _findings(run)
    return None if found is None else len(found)


def _check(name: str, run: measure.Run, planted: set[tuple[str, int]], lines: int) -> bool:
    found = _findings(run)
    if found == planted:
        return True
    if found is None:
        _log(f"MISMATCH {lines} lines, {name} run: no JSON report (exit {run.exit_code}): {run.stderr[-500:]}")
        return False
    _log(f"MISMATCH {lines} lines, {name} run: {len(found)} findings, {len(planted)} planted")
    for path, line in sorted(found - planted):
        _log(f"  extra finding {path}:{line}")
    for path, line in sorted(planted - found):
        _log(f"  missed planted {path}:{line}")
    return False


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="lines per workspace")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--timeout", type=float, default=None, help="kill a check run after this many seconds")
    parser.add_argument("--keep", type=Path, default=None, help="copy each workspace here (for debugging)")
    parser.add_argument("--lsp-edits", type=int, default=40, help="edits for the language server latency (0: skip)")
    args = parser.parse_args(argv)
    ok = True
    for lines in args.sizes:
        result = bench_size(lines, args.seed, args.timeout, args.keep, args.lsp_edits)
        ok = ok and bool(result["match"])
        print(json.dumps(result), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
