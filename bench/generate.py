"""Generate a deterministic, realistic Flask workspace of about N lines with known planted bugs.

    python bench/generate.py --lines 10000 --out /tmp/ws10k [--seed 7]

The same ``--lines`` and ``--seed`` always give byte-identical files (one seeded ``random.Random``,
no clock, no hash order). The workspace grows by adding blueprint packages, never by making
files longer. ``<out>/planted.json`` lists every planted bug (path, line, root kind): the
findings a correct analyzer must report, no more and no fewer.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import templates as t  # noqa: E402

AREAS = ("billing", "catalog", "support", "shipping", "people", "sales", "stock", "marketing", "insight",
         "payroll", "legal", "fleet", "venue", "learning", "purchasing", "warehouse", "partner", "loyalty",
         "content", "compliance")
NOUNS = (("invoice", "invoices"), ("ticket", "tickets"), ("order", "orders"), ("shipment", "shipments"),
         ("contract", "contracts"), ("lead", "leads"), ("campaign", "campaigns"), ("asset", "assets"),
         ("course", "courses"), ("vendor", "vendors"), ("booking", "bookings"), ("claim", "claims"),
         ("survey", "surveys"), ("payment", "payments"), ("vehicle", "vehicles"), ("member", "members"),
         ("article", "articles"), ("license", "licenses"), ("refund", "refunds"), ("quote", "quotes"))
EXTRA_MODELS = ("Tag", "Note", "Attachment", "Comment", "Review")
VERBS = ("archive", "reopen", "approve", "escalate", "reject", "confirm")
BUG_RATE = 0.3
DEFAULT_SEED = 7


def _domains(rng: random.Random, count: int) -> list[tuple[str, str, str, str]]:
    """(package, one, many, model class) for ``count`` blueprints: area x noun in a seeded order,
    then again with a numeric suffix (``billing_invoices_2``) once the pairs run out."""
    pairs = list(itertools.product(AREAS, NOUNS))
    rng.shuffle(pairs)
    out = []
    for index in range(count):
        area, (one, many) = pairs[index % len(pairs)]
        n = index // len(pairs)
        tail = f"_{n + 1}" if n else ""
        out.append((f"{area}_{many}{tail}", f"{area}_{one}{tail}", f"{area}_{many}{tail}",
                    area.title() + one.title() + (str(n + 1) if n else "")))
    return out


def plan(target_lines: int, seed: int) -> list[t.Blueprint]:
    """Blueprints until the workspace reaches ``target_lines`` (at least two, for the digest)."""
    rng = random.Random(seed)
    domains = _domains(rng, max(2, target_lines // 100))  # a blueprint is several hundred lines
    blueprints: list[t.Blueprint] = []
    total = sum(_count(text) for _, text in _shared_files([]))
    while total < target_lines or len(blueprints) < 2:
        index = len(blueprints)
        pkg, one, many, model = domains[index]
        prev = blueprints[-1].pkg if blueprints else None
        slots = [f for f in t.FEATURES if f != "digest" or prev]
        blueprint = t.Blueprint(
            pkg=pkg, one=one, many=many, model=model,
            extra_models=tuple(rng.sample(EXTRA_MODELS, rng.randint(0, 4))),
            helpers=rng.randint(3, 12),
            extra_views=tuple(rng.sample(VERBS, rng.randint(1, 5))),
            prev=prev,
            has_report=rng.random() < 0.5,
            bugs=frozenset(f for f in slots if rng.random() < BUG_RATE),
        )
        blueprints.append(blueprint)
        total += sum(_count(text) for _, text in _blueprint_files(blueprint))
        total += 2 + int(blueprint.has_report)  # its lines in create_app and reports_worker
    # The producer's sink is planted when the next blueprint's digest task is the buggy one.
    return [replace(b, feeds_bug=i + 1 < len(blueprints) and "digest" in blueprints[i + 1].bugs)
            for i, b in enumerate(blueprints)]


def _count(text: str) -> int:
    return text.count("\n")


def _shared_files(blueprints: list[t.Blueprint]) -> list[tuple[str, str]]:
    p = t.PACKAGE
    return [
        (f"{p}/__init__.py", t.package_init(blueprints)),
        (f"{p}/extensions.py", t.extensions()),
        (f"{p}/celery_app.py", t.celery_app()),
        (f"{p}/task_bases.py", t.task_bases()),
        (f"{p}/scheduler.py", t.scheduler()),
        (f"{p}/reports_worker.py", t.reports_worker(blueprints)),
        ("tests/conftest.py", t.conftest()),
        ("requirements.txt", t.requirements()),
    ]


def _blueprint_files(b: t.Blueprint) -> list[tuple[str, str]]:
    base = f"{t.PACKAGE}/{b.pkg}"
    files = [
        (f"{base}/__init__.py", t.bp_init(b)),
        (f"{base}/models.py", t.models(b)),
        (f"{base}/repository.py", t.repository(b)),
        (f"{base}/schemas.py", t.schemas(b)),
        (f"{base}/services.py", t.services(b)),
        (f"{base}/email.py", t.email(b)),
        (f"{base}/tasks.py", t.tasks(b)),
        (f"{base}/jobs.py", t.jobs(b)),
        (f"{base}/views.py", t.views(b)),
        (f"{base}/cli.py", t.cli(b)),
        (f"scripts/export_{b.pkg}.py", t.export_script(b)),
        (f"tests/test_{b.pkg}.py", t.test_module(b)),
    ]
    if b.has_report:
        files.append((f"{base}/reports.py", t.reports(b)))
    return files


_MARK = re.compile(re.escape(t.MARK) + r":(\S+)$")


def generate(target_lines: int, out: Path, seed: int = DEFAULT_SEED) -> dict[str, object]:
    """Write the workspace under ``out`` (which must not hold another one) and return planted.json."""
    blueprints = plan(target_lines, seed)
    files = _shared_files(blueprints) + [f for b in blueprints for f in _blueprint_files(b)]
    planted: list[dict[str, object]] = []
    lines = py_files = 0
    for rel, text in files:
        clean = []
        for number, line in enumerate(text.splitlines(), start=1):
            match = _MARK.search(line)
            if match:
                planted.append({"path": rel, "line": number, "root_kind": match.group(1)})
                line = line[:match.start()]
            clean.append(line)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(clean) + "\n", encoding="utf-8")
        if rel.endswith(".py"):
            py_files += 1
            lines += len(clean)
    planted.sort(key=lambda p: (str(p["path"]), int(str(p["line"]))))
    meta: dict[str, object] = {"seed": seed, "target_lines": target_lines, "lines": lines, "files": py_files,
                               "blueprints": len(blueprints), "planted": planted}
    (out / "planted.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, required=True, help="approximate size in lines of Python")
    parser.add_argument("--out", type=Path, required=True, help="directory to create (must be empty or absent)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    meta = generate(args.lines, args.out, args.seed)
    print(f"{args.out}: {meta['lines']} lines in {meta['files']} files, {meta['blueprints']} blueprints, "
          f"{len(meta['planted'])} planted bugs")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
