"""Hypothesis-built edit sequences through the real server (issue 8: never crash, never lose work).

An example is a list of edits over the files of a corpus case, each sent as a ``didChange``:
fragments editors see mid-typing (those of ``test_edit_fuzz`` plus more), typed one key per
``didChange`` or pasted, range deletions, duplicated and deleted lines, unbalanced brackets,
half-typed ``with`` blocks, tab/space indentation mixes, complete statements, and undo (back to an
earlier text of the same file). Some steps also ask for a hover or a pull mid-sequence.

Properties, per example:

- the server answers every hover and pull within ``ANSWER_TIMEOUT`` and stays alive;
- for each file whose final text parses, the pulled diagnostics equal a fresh analysis of the final
  texts (``Analyzer.run(..., overlay=...)``, as ``test_edit_fuzz`` does). The server analyses a
  file that does not parse as its last version that parsed, which can change what *other* files
  see (a call into it still resolves), so the fresh analysis does the same; ``models`` explains
  how, given that the debounced server may have analysed any of the parsing texts it was sent;
- for each file whose final text does not parse, ``check_unparsable_file``: what a fitting model
  gives for it, on lines whose text is unchanged since the last version that parsed.

One server session per corpus case (a fixture), shared by all the examples of that case: each
example starts by sending the original texts back, so leftovers from earlier examples must not
matter either. Generation is deterministic (``derandomize=True``, no example database). Shrinking is
off so that a failure costs seconds, not minutes; set ``FLASKSCOPE_HYPOTHESIS_SHRINK=1`` to get a
minimal failing sequence.
"""

from __future__ import annotations

import ast
import asyncio
import itertools
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from lsprotocol import types
from pytest_lsp import LanguageClient

import test_edit_fuzz as fuzz
from flaskscope.analysis import Analyzer
from lsp_support import TIMEOUT, change, copy_case, open_file, start
from session_support import internal_errors, logged_session, pull, server_alive

EXAMPLES = 60  # per corpus case
MAX_STEPS = 12
ANSWER_TIMEOUT = 10.0  # seconds for a hover or a pull, mid-sequence or final
SHRINK = os.environ.get("FLASKSCOPE_HYPOTHESIS_SHRINK") == "1"
# Hypothesis caches constants it finds in the code under ``.hypothesis/``: keep the checkout clean.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "flaskscope-hypothesis")

FRAGMENTS = [*fuzz.FRAGMENTS, "((", "))", "[{(", "}])", "with app.app_context() as ctx", "    with ", "\t\t",
             " \t", "request.", "return current_app.config['X']", "g.", "session[", "@app.route('/x')\n",
             "import threading\n", "threading.Thread(target=", "from flask import current_app\n", "f'{",
             "else:", "try:\n", "except RuntimeError:\n", "é", "\u00a0", "\r\n", "\x0c"]
HALF_WITH = ["with app.app_context(", "with current_app.app_context():", "with current_app.app_context():\n",
             "with app.app_context():\n    pass", "with app.test_request_context(", "async with "]
STATEMENTS = ["pass", "x = current_app.config['A']", "print(request.args)", "return None", "db.session.commit()",
              "threading.Thread(target=print).start()", "if has_app_context():", "value = 1  # noqa: FCX101",
              "global x", "yield"]
INDENTS = ["", "\t", "  \t", "\t    ", "        ", " ", "    "]
KINDS = ["insert", "type", "delete", "duplicate_line", "delete_line", "half_with", "reindent", "statement", "undo"]


@dataclass(frozen=True)
class Edit:
    file: int  # index into the case's files (modulo their number)
    kind: str
    where: int  # a position or line, taken modulo the text's size when applied
    size: int
    choice: int  # which fragment, indent or statement (modulo the list)
    probe: int  # 1: hover after this step, 2: pull after this step, else nothing

    def describe(self) -> str:
        return f"{self.kind}@{self.where}/{self.size}/{self.choice} on file {self.file}"


edits = st.builds(Edit, file=st.integers(0, 7), kind=st.sampled_from(KINDS), where=st.integers(0, 1 << 16),
                  size=st.integers(1, 40), choice=st.integers(0, 63), probe=st.integers(0, 9))


def line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def apply(edit: Edit, text: str, history: list[str]) -> list[str]:
    """The texts the editor sends for ``edit`` (several when it is typed key by key)."""
    position = edit.where % (len(text) + 1)
    starts = line_starts(text)
    line = edit.where % len(starts)
    begin = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    current_line = text[begin:end]
    indent = current_line[: len(current_line) - len(current_line.lstrip(" \t"))]
    if edit.kind == "insert":
        return [text[:position] + FRAGMENTS[edit.choice % len(FRAGMENTS)] + text[position:]]
    if edit.kind == "type":
        fragment = FRAGMENTS[edit.choice % len(FRAGMENTS)]
        return [text[:position] + fragment[:n] + text[position:] for n in range(1, len(fragment) + 1)]
    if edit.kind == "delete":
        return [text[:position] + text[position + edit.size:]]
    if edit.kind == "duplicate_line":
        return [text[:end] + (current_line if current_line.endswith("\n") else "\n" + current_line) + text[end:]]
    if edit.kind == "delete_line":
        return [text[:begin] + text[end:]]
    if edit.kind == "half_with":
        return [text[:begin] + indent + HALF_WITH[edit.choice % len(HALF_WITH)] + "\n" + text[begin:]]
    if edit.kind == "reindent":
        return [text[:begin] + INDENTS[edit.choice % len(INDENTS)] + current_line.lstrip(" \t") + text[end:]]
    if edit.kind == "statement":
        return [text[:begin] + indent + STATEMENTS[edit.choice % len(STATEMENTS)] + "\n" + text[begin:]]
    assert edit.kind == "undo"
    return [history[-1 - edit.size % len(history)]]


def parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def check_parsable_file(name: str, served: set[tuple[int, str]], expected: set[tuple[int, str]]) -> None:
    """STRICT: the final text parses, so the server must serve exactly what a fresh analysis of the
    final texts finds (see ``models`` for how files that do not parse enter that analysis)."""
    assert served == expected, f"{name}: served {sorted(served)}, fresh analysis {sorted(expected)}"


def check_unparsable_file(name: str, served: set[tuple[int, str]], final_text: str,
                          models: list[tuple[str, set[tuple[int, str]]]]) -> None:
    """The final text does not parse: the server shows its last version that parsed, moved.

    ``models``: (last good text, the model analysis's findings for this file) of every model that
    fits the parsing files. Served diagnostics must equal one model's, and each must sit on a line of
    the final text whose text is unchanged since that last good version (an independent check of
    the carrying-over: no range may point at text that is not there any more).
    """
    final_lines = final_text.splitlines()
    for good, expected in models:
        good_lines = set(good.splitlines())
        if served == expected and all(0 < line <= len(final_lines) and final_lines[line - 1] in good_lines
                                      for line, _ in served):
            return
    raise AssertionError(f"{name}: served {sorted(served)}; models {[sorted(m) for _, m in models]}")


@dataclass(repr=False)
class Session:
    client: LanguageClient
    project: Path
    files: list[Path]
    originals: dict[Path, str]
    texts: dict[Path, str]
    versions: dict[Path, int]
    analyzer: Analyzer  # a fresh analysis as the server does it: keeping the last version that parsed
    log: Path  # the server's log: tracebacks and internal errors show up there, not in the protocol
    stats: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("examples", "steps", "didChange", "hovers", "mid_pulls", "strict_files", "weak_files",
         "examples_all_parse", "models_fitting"), 0))

    def __repr__(self) -> str:  # Hypothesis prints the arguments of a failing example: keep it short
        return f"Session({self.project.parent.name})"

    sent_parsable: dict[Path, list[str]] = field(default_factory=dict)  # this example's parsing texts, per file
    # What the server may hold as each file's last version that parsed, as the example starts (newest first).
    last_good: dict[Path, list[str]] = field(default_factory=dict)

    def candidates(self, path: Path) -> list[str]:
        """The texts the server may now hold as this file's last version that parsed, likeliest first."""
        return list(dict.fromkeys([*reversed(self.sent_parsable.get(path, [])), *self.last_good[path]]))

    def send(self, path: Path, text: str) -> None:
        if parses(text):
            self.sent_parsable.setdefault(path, []).append(text)
        self.versions[path] += 1
        self.texts[path] = text
        change(self.client, path.as_uri(), self.versions[path], text)
        self.stats["didChange"] += 1

    async def pull(self, path: Path) -> set[tuple[int, str]]:
        diagnostics = await pull(self.client, path.as_uri(), ANSWER_TIMEOUT)
        return {(d.range.start.line + 1, str(d.code)) for d in diagnostics}

    async def hover(self, path: Path, line: int) -> None:
        answer = await asyncio.wait_for(self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(path.as_uri()), types.Position(line, 0))), ANSWER_TIMEOUT)
        assert answer is None or isinstance(answer, types.Hover)


@pytest_asyncio.fixture(params=fuzz.CASES)
async def session(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Session]:
    project = copy_case(request.param, tmp_path) / "project"
    log = tmp_path / "server.log"
    async with logged_session(log) as client:
        await asyncio.wait_for(start(client, project, "neovim"), TIMEOUT)
        files = sorted(project.rglob("*.py"))
        texts = {path: path.read_text(encoding="utf-8") for path in files}
        for path in files:
            open_file(client, path)
        state = Session(client, project, files, dict(texts), texts, dict.fromkeys(files, 1),
                        Analyzer(project, keep_last_good=True), log,
                        last_good={path: [texts[path]] for path in files})
        yield state
    print(f"\n{request.param}: {state.stats}")
    assert internal_errors(log) == [], "\n".join(internal_errors(log))
    if state.stats["examples"] >= EXAMPLES:  # every example ran (none failed early)
        # Guard against a generator that never ends on parsing code: the strict property must be exercised.
        assert state.stats["strict_files"] >= EXAMPLES, state.stats


MAX_MODELS = 256  # combinations of last good texts tried for one example (likeliest first)


def models(state: Session) -> Iterator[tuple[dict[Path, str], dict[Path, set[tuple[int, str]]]]]:
    """Fresh analyses of the final texts: ({broken file: last good text used}, {file: {(line, code)}}).

    A file whose final text does not parse is analysed (by the server and here alike) as its last
    version that parsed, with the results moved onto the unchanged lines of its current text
    (``flaskscope.stale``). Which version that is depends on which texts the debounced server
    happened to analyse, so there is one model per candidate (``Session.candidates``: each parsing
    text sent during the example, newest first, then what the server may have held before it).
    The model analyzer learns a candidate the way the server does, by analysing it once, then
    analyses the final texts. Without any broken file there is exactly one model.
    """
    final = {path.absolute(): text for path, text in state.texts.items()}
    broken = [path for path in state.files if not parses(state.texts[path])]
    options = [state.candidates(path) for path in broken]
    for combination in itertools.islice(itertools.product(*options), MAX_MODELS):
        chosen = dict(zip(broken, combination, strict=True))
        if broken:
            primed = dict(final)
            primed.update({path.absolute(): text for path, text in chosen.items()})
            state.analyzer.run([state.project], lambda message: None, overlay=primed)
        result = state.analyzer.run([state.project], lambda message: None, overlay=final)
        yield chosen, {path: {(f.span.line, f.code) for f in result.findings if f.path.absolute() == path.absolute()}
                       for path in state.files}


PHASES = (Phase.explicit, Phase.reuse, Phase.generate, *((Phase.shrink,) if SHRINK else ()))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, phases=PHASES,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(steps=st.lists(edits, min_size=1, max_size=MAX_STEPS))
async def test_hypothesis_edit_sequences(session: Session, steps: list[Edit]) -> None:
    state = session
    state.stats["examples"] += 1
    state.sent_parsable = {}
    for path in state.files:  # back to the original texts: every example starts from the same place
        if state.texts[path] != state.originals[path]:
            state.send(path, state.originals[path])
    histories = {path: [state.originals[path]] for path in state.files}
    for step in steps:
        state.stats["steps"] += 1
        path = state.files[step.file % len(state.files)]
        for text in apply(step, state.texts[path], histories[path]):
            state.send(path, text)
        histories[path].append(state.texts[path])
        if step.probe == 1:
            state.stats["hovers"] += 1
            await state.hover(path, step.where % (state.texts[path].count("\n") + 1))
        elif step.probe == 2:
            state.stats["mid_pulls"] += 1
            await state.pull(path)
    served = {path: await state.pull(path) for path in state.files}
    assert server_alive(state.client)
    errors = internal_errors(state.log)
    assert errors == [], "the server logged an internal error (maybe during an earlier example):\n" + "\n".join(errors)

    def name(path: Path) -> str:
        return f"{path.relative_to(state.project)} after {[s.describe() for s in steps]}"

    parsing = [path for path in state.files if parses(state.texts[path])]
    first: dict[Path, set[tuple[int, str]]] | None = None
    fitting = 0
    matched: dict[Path, set[str]] = {}  # broken file -> the last good texts of the models that fit
    broken_models: dict[Path, list[tuple[str, set[tuple[int, str]]]]] = {}
    for chosen, model in models(state):
        first = first or model
        if all(served[path] == model[path] for path in parsing):
            fitting += 1
            for path, text in chosen.items():
                matched.setdefault(path, set()).add(text)
                broken_models.setdefault(path, []).append((text, model[path]))
    state.stats["models_fitting"] += fitting
    if not fitting:
        assert first is not None
        for path in parsing:  # no model fits: report against the likeliest one (newest last good texts)
            check_parsable_file(name(path), served[path], first[path])
    state.stats["strict_files"] += len(parsing)
    state.stats["examples_all_parse"] += len(parsing) == len(state.files)
    for path in state.files:
        if path not in parsing:
            state.stats["weak_files"] += 1
            check_unparsable_file(name(path), served[path], state.texts[path], broken_models.get(path, []))
    # What the server holds from now on: the final text where it parses, else what the fitting models used.
    state.last_good = {path: [state.texts[path]] if path in parsing
                       else [text for text in state.candidates(path) if text in matched.get(path, ())]
                       for path in state.files}
