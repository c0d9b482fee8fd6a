"""Random edit sequences through the real server: half-typed code on every keystroke.

Each sequence (seeded, so a failure can be replayed) inserts fragments editors see mid-typing —
unbalanced brackets, half a ``with`` statement, tabs among spaces, stray quotes — deletes ranges and
duplicates lines, sending every step as a ``didChange``. The server must answer hover and pull
requests throughout, and the diagnostics it ends with must equal a fresh analysis of the final text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flaskscope.analysis import Analyzer
from lsp_support import change, copy_case, open_file, start

FRAGMENTS = ["(", ")", "[", "]", "{", "with app.app_context(", "with current_app.app_context():\n    ",
             "\t", "    ", "current_app.", "request.args[", "def f(:", "\n", "'''", '"', "#", "yield ",
             "db.session.add(", "lambda: ", "async ", "if has_app_context():\n", ":", "@", "\\"]
CASES = ["thread_config_read", "guards_look_alike", "celery_shared_task_db", "script_main_block"]


def mutate(text: str, rng: random.Random) -> str:
    kind = rng.random()
    position = rng.randint(0, len(text))
    if kind < 0.55:
        return text[:position] + rng.choice(FRAGMENTS) + text[position:]
    if kind < 0.8 and text:
        end = min(len(text), position + rng.randint(1, 40))
        return text[:position] + text[end:]
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    line = rng.randrange(len(lines))
    return "".join(lines[: line + 1] + [lines[line]] + lines[line + 1:])


async def pull(client: LanguageClient, uri: str) -> set[tuple[int, str]]:
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri)))
    return {(d.range.start.line + 1, str(d.code)) for d in report.items}


@pytest.mark.parametrize("case", CASES)
async def test_random_edit_sequences(client: LanguageClient, tmp_path: Path, case: str) -> None:
    project = copy_case(case, tmp_path) / "project"
    await start(client, project, "neovim")
    files = sorted(project.rglob("*.py"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    versions = {path: 1 for path in files}
    for path in files:
        open_file(client, path)
    analyzer = Analyzer(project)
    for seed in range(8):
        rng = random.Random(f"{case}-{seed}")
        target = rng.choice(files)
        for _ in range(rng.randint(3, 15)):
            texts[target] = mutate(texts[target], rng)
            versions[target] += 1
            change(client, target.as_uri(), versions[target], texts[target])
            if rng.random() < 0.2:
                await client.text_document_hover_async(types.HoverParams(
                    types.TextDocumentIdentifier(target.as_uri()), types.Position(rng.randint(0, 5), 0)))
        served = {path: await pull(client, path.as_uri()) for path in files}
        fresh = analyzer.run([project], lambda message: None,
                             overlay={path.absolute(): text for path, text in texts.items()})
        expected = {path: {(f.span.line, f.code) for f in fresh.findings if f.path.absolute() == path.absolute()}
                    for path in files}
        assert served == expected, f"seed {seed}: {target.name}"
