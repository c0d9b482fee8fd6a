"""jedi in a process of its own: started before the run indexes, asked with a deadline, stopped when
the budget is spent.

jedi costs most before its first answer: importing it, building its project, and parsing the
libraries the code imports (0.3-4 s on real projects). In a child process that warm-up runs on the
second core while the parent reads and indexes the workspace, and a question that outlives the
run's budget is stopped by ending the child, not waited for: a thread could be neither interrupted
nor kept from taking the interpreter's lock while it goes on.

The child imports jedi and nothing of the workspace (``auto_import_modules`` is emptied, unsafe
extensions are not loaded) and writes nothing outside it (parso's pickles stay in memory).
Protocol, one JSON object a line: the parent sends ``{"path", "source", "line", "column"}``; the
child answers ``{"found": [[module path, line], ...]}`` (``[]`` when jedi fails).

    python -m flaskscope.resolve.jedi_process ROOT
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
import weakref
from pathlib import Path
from typing import Any

# ``import flask`` resolved once while the parent indexes: most of a first answer's cost is jedi
# loading Flask, Werkzeug and what they import.
_WARM_UP = "import flask\nflask.Flask\n"


class JediProcess:
    """The parent's end: one child, one question at a time, each with a deadline."""

    def __init__(self, root: Path) -> None:
        package_parent = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
        self._child: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "flaskscope.resolve.jedi_process", str(root)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self._pending = b""
        # The child ends with its owner (dropped, or at exit), not when it next reads its input.
        weakref.finalize(self, _end, self._child)

    @property
    def alive(self) -> bool:
        return self._child is not None and self._child.poll() is None

    def ask(self, path: Path, source: str, line: int, column: int,
            timeout: float | None) -> list[tuple[str, int]] | None:
        """jedi's ``goto`` targets (module path, line); None when no answer came within ``timeout``
        seconds (the child is then stopped: its work on the question cannot be taken back)."""
        child = self._child
        if child is None or child.stdin is None or child.stdout is None or child.poll() is not None:
            return None
        request = json.dumps({"path": str(path), "source": source, "line": line, "column": column}) + "\n"
        try:
            child.stdin.write(request.encode("utf-8"))
            child.stdin.flush()
        except OSError:
            self.stop()
            return None
        answer = self._read_line(child, timeout)
        if answer is None:
            self.stop()
            return None
        try:
            return [(str(p), int(n)) for p, n in json.loads(answer).get("found", [])]
        except (ValueError, TypeError):
            return []

    def _read_line(self, child: subprocess.Popen[bytes], timeout: float | None) -> bytes | None:
        assert child.stdout is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            while b"\n" not in self._pending:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0 or not selector.select(left):
                    return None
                chunk = os.read(child.stdout.fileno(), 65536)
                if not chunk:
                    return None  # the child ended
                self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            _end(child)


def _end(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
        child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


def keep_parses_in_memory() -> None:
    """jedi's parser (parso) pickles every library module it parses under the user's cache
    directory; flaskscope writes nothing outside the workspace, so its parses stay in memory.

    parso has no setting for it: its grammar module's ``try_to_save_module`` is wrapped to always
    pass ``pickling=False`` (the in-memory cache, which jedi needs, is kept), and its loader never
    looks on disk (looking creates the cache directory; and a pickle found there is never one to
    trust blindly).
    """
    import parso.cache
    import parso.grammar

    parso.cache._load_from_file_system = lambda *args, **kwargs: None

    save = parso.grammar.try_to_save_module
    if getattr(save, "flaskscope_in_memory", False):
        return

    def in_memory(hashed_grammar: Any, file_io: Any, module: Any, lines: Any, pickling: bool = True,
                  cache_path: Any = None) -> None:
        save(hashed_grammar, file_io, module, lines, pickling=False, cache_path=cache_path)

    in_memory.flaskscope_in_memory = True  # type: ignore[attr-defined]
    parso.grammar.try_to_save_module = in_memory


def _serve(root: Path) -> None:
    """The child: warm up, then answer each question on stdin with one line on stdout."""
    import jedi

    jedi.settings.auto_import_modules = []
    keep_parses_in_memory()
    project = jedi.Project(root, smart_sys_path=True, load_unsafe_extensions=False)
    try:
        jedi.Script(code=_WARM_UP, path=root / "__flaskscope_warm_up__.py", project=project).goto(2, 7)
    except Exception:  # noqa: BLE001,S110 - a warm-up that fails only leaves the first answer slower
        pass
    scripts: dict[str, tuple[str, Any]] = {}
    for raw in sys.stdin.buffer:
        found: list[list[object]] = []
        try:
            question = json.loads(raw)
            path, source = question["path"], question["source"]
            cached = scripts.get(path)
            if cached is None or cached[0] != source:
                cached = (source, jedi.Script(code=source, path=Path(path), project=project))
                scripts[path] = cached
            for name in cached[1].goto(question["line"], question["column"], follow_imports=True):
                if name.module_path is not None and name.line is not None:
                    found.append([str(name.module_path), name.line])
        except Exception:  # noqa: BLE001,S110 - jedi's failures are unanswered questions, never a crash
            found = []
        sys.stdout.write(json.dumps({"found": found}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve(Path(sys.argv[1]))
