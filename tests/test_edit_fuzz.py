"""Random edit sequences through the real server: half-typed code on every keystroke.

Each sequence (seeded, so a failure can be replayed) inserts fragments editors see mid-typing —
unbalanced brackets, half a ``with`` statement, tabs among spaces, stray quotes — deletes ranges and
duplicates lines, sending every step as a ``didChange``. The server must answer hover and pull
requests throughout, and the diagnostics it ends with must equal a fresh analysis of the final text
— or, when the final text does not parse, of the last version sent that parsed, carried onto the
lines that did not change (the server keeps the last good analysis of a half-typed file).
"""

from __future__ import annotations

import ast
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


def parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def consistent(served: dict[Path, set[tuple[int, str]]], texts: dict[Path, str], target: Path,
               candidate: str, fresh: dict[Path, set[tuple[int, str]]]) -> bool:
    """Did the server analyse ``target`` as ``candidate`` (a version it was sent that parsed)?

    Every other file's diagnostics must be exactly those of that analysis; the broken target's must
    each sit on a line whose text is unchanged since the candidate and carry that line's finding.
    """
    if any(served[path] != fresh[path] for path in served if path != target):
        return False
    old_lines, new_lines = candidate.splitlines(), texts[target].splitlines()
    for line, code in served[target]:
        if not 0 < line <= len(new_lines):
            return False
        if not any(c == code and 0 < old <= len(old_lines) and old_lines[old - 1] == new_lines[line - 1]
                   for old, c in fresh[target]):
            return False
    return True


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

    def analysed(overlay: dict[Path, str]) -> dict[Path, set[tuple[int, str]]]:
        fresh = analyzer.run([project], lambda message: None, overlay={p.absolute(): t for p, t in overlay.items()})
        return {path: {(f.span.line, f.code) for f in fresh.findings if f.path.absolute() == path.absolute()}
                for path in files}

    for seed in range(8):
        rng = random.Random(f"{case}-{seed}")
        target = rng.choice(files)
        sent_parsing = [texts[target]] if parses(texts[target]) else []
        for _ in range(rng.randint(3, 15)):
            texts[target] = mutate(texts[target], rng)
            versions[target] += 1
            change(client, target.as_uri(), versions[target], texts[target])
            if parses(texts[target]):
                sent_parsing.append(texts[target])
            if rng.random() < 0.2:
                await client.text_document_hover_async(types.HoverParams(
                    types.TextDocumentIdentifier(target.as_uri()), types.Position(rng.randint(0, 5), 0)))
        served = {path: await pull(client, path.as_uri()) for path in files}
        if parses(texts[target]):
            assert served == analysed(texts), f"seed {seed}: {target.name}"
            continue
        # Broken at the end: the server shows the last version it analysed that parsed.
        assert any(consistent(served, texts, target, candidate, analysed({**texts, target: candidate}))
                   for candidate in reversed(sent_parsing)) or (not sent_parsing and not served[target]), \
            f"seed {seed}: {target.name}"
        texts[target] = sent_parsing[-1] if sent_parsing else texts[target]  # the next sequence starts parsing
        versions[target] += 1
        change(client, target.as_uri(), versions[target], texts[target])
