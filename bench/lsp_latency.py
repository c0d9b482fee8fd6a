"""Edit-to-diagnostics latency of the real ``flaskscope server`` over stdio.

For each edit the client sends ``didChange`` (a statement added to a function body, on a line of its
own: ``edit_of_a_function``) and then a pull ``textDocument/diagnostic`` request;
the server answers it only from an analysis that includes the edit, so the time from sending the
change to receiving the answer is what a user waits for after typing (with the debounce set to 0;
editors add the debounce, 200 ms by default, on top).

    python bench/lsp_latency.py examples/blog --file blog/notifications.py --edits 40
    python bench/lsp_latency.py --corpus --edits 4      # every buggy corpus case, its sink file

Prints one JSON object per workspace (and one summary line for --corpus), with ``first_ms``: the
time from ``initialized`` to the opened file's first diagnostics (a pull answered only by a run
that includes the file).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER_ARGS: list[str] = []  # e.g. ["-v", "--log-file", "server.log"] to see where the time goes


class Client:
    """The smallest JSON-RPC client that can talk LSP over a subprocess's stdio."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.next_id = 0
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            header = await stdout.readuntil(b"\r\n\r\n")
            length = int(next(line.split(b":")[1] for line in header.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            message = json.loads(await stdout.readexactly(length))
            if "id" in message and "method" in message:  # a request from the server: accept it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message and message["id"] in self.pending:
                self.pending.pop(message["id"]).set_result(message.get("result"))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    async def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return await asyncio.wait_for(future, 60)


async def measure(workspace: Path, file: Path, edits: int) -> tuple[float, list[float]]:
    """(ms from ``initialized`` to the opened file's first diagnostics, ms of each edit's diagnostics)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "flaskscope", "server", *SERVER_ARGS, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    client = Client(process)
    capabilities = {"textDocument": {"diagnostic": {"dynamicRegistration": False}}}
    await client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(),
                                        "capabilities": capabilities, "initializationOptions": {"debounceMs": 0}})
    opened = time.perf_counter()
    client.notify("initialized", {})
    uri = file.as_uri()
    text = file.read_text(encoding="utf-8")
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                            "text": text}})
    await client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})  # indexing done
    first = (time.perf_counter() - opened) * 1000
    latencies = []
    for number in range(edits):
        edited = edit_of_a_function(text, number)
        started = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": number + 2},
                                                 "contentChanges": [{"text": edited}]})
        await client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        latencies.append((time.perf_counter() - started) * 1000)
    await client.request("shutdown", {})
    client.notify("exit", {})
    await process.wait()
    client.reader.cancel()
    return first, latencies


def edit_of_a_function(text: str, number: int) -> str:
    """``text`` with a statement added to the first function body that allows it, on a line of its own
    (``stmt; _edited = N``): the function's tree changes, as typing in it changes it, and no line
    moves. A file with no function gets a comment at its end."""
    import ast

    lines = text.splitlines(keepends=True)
    try:
        tree = ast.parse(text)
    except SyntaxError:
        tree = ast.Module(body=[], type_ignores=[])
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for stmt in function.body:
            if stmt.lineno == stmt.end_lineno and not hasattr(stmt, "body") and stmt.end_col_offset is not None:
                line = lines[stmt.lineno - 1]
                cut = len(line.encode("utf-8")[: stmt.end_col_offset].decode("utf-8", "ignore"))
                lines[stmt.lineno - 1] = f"{line[:cut]}; _edited = {number}{line[cut:]}"
                return "".join(lines)
    return text + f"\n# edit {number}\n"


def summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"edits": len(ordered), "median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workspace", nargs="?", type=Path)
    parser.add_argument("--file", type=Path, help="the file to edit, relative to the workspace")
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--corpus", action="store_true", help="every buggy corpus case, editing its sink file")
    args = parser.parse_args(argv)
    if args.corpus:
        every: list[float] = []
        for expected in sorted((ROOT / "tests" / "corpus").glob("*/expected.json")):
            findings = json.loads(expected.read_text())["findings"]
            if not findings:
                continue
            project = expected.parent / "project"
            first, latencies = asyncio.run(measure(project, project / findings[0]["path"], args.edits))
            every.extend(latencies)
            print(json.dumps({"workspace": expected.parent.name, "first_ms": round(first, 1), **summary(latencies)}),
                  flush=True)
        print(json.dumps({"workspace": "corpus (all buggy cases)", **summary(every)}))
        return 0
    if args.workspace is None or args.file is None:
        parser.error("give a workspace and --file, or --corpus")
    workspace = args.workspace.resolve()
    first, latencies = asyncio.run(measure(workspace, workspace / args.file, args.edits))
    print(json.dumps({"workspace": str(args.workspace), "file": str(args.file), "first_ms": round(first, 1),
                      **summary(latencies)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
