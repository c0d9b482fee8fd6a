"""Memory returns to its baseline after a flood of edits (issue 8): a long editing session must not
grow the server without bound.

One session on ``thread_config_read``: after a warm-up (both texts analysed once, so one-off caches
are already full), the idle server's RSS is the baseline. Then 1,000 ``didChange`` in 20 bursts of
50, alternating ``app/reports.py`` between its own text and a version with 200 extra functions
(~100 KB), with a pull after each burst so analysis runs see both texts. Once the final diagnostics
are in and the server is idle again, its RSS must be within ``MARGIN`` of the baseline. Keeping
every version's text alone would be ~50 MB; keeping every run's indexes, far more.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_support import TIMEOUT, change, copy_case, open_file, start
from session_support import internal_errors, logged_session, pull, server_alive, server_pid

MARGIN_KB = 30 * 1024
BURSTS, PER_BURST = 20, 50
GOOD_LINE = 5


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for {pid}")


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of the whole line)


async def idle_rss_kb(pid: int) -> int:
    """RSS once the process has used no CPU for 0.5 s (at most 20 s of waiting), the last of 5 readings."""
    deadline = time.monotonic() + 20
    ticks = cpu_ticks(pid)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        now = cpu_ticks(pid)
        if now == ticks:
            break
        ticks = now
    readings = []
    for _ in range(5):
        readings.append(rss_kb(pid))
        await asyncio.sleep(0.1)
    return readings[-1]


def padded(text: str) -> str:
    """The same module with 200 extra functions, ~550 bytes each."""
    extra = "".join(f'\n\ndef extra_{n}(value):\n    """{"Pads the module with a docstring of some length. " * 10}"""\n'
                    f"    return [value, {n}, 'extra_{n}']\n" for n in range(200))
    return text + extra


async def test_memory_returns_to_baseline_after_a_flood(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    async with logged_session(log) as client:
        await _flood(client, tmp_path)
    assert internal_errors(log) == [], "\n".join(internal_errors(log))


async def _flood(client: LanguageClient, tmp_path: Path) -> None:
    project = copy_case("thread_config_read", tmp_path) / "project"
    reports = project / "app" / "reports.py"
    small = reports.read_text()
    big = padded(small)
    assert len(big) > 100_000
    await asyncio.wait_for(start(client, project, "neovim"), TIMEOUT)
    pid = server_pid(client)
    uri = open_file(client, reports)
    version = 1

    async def served() -> set[tuple[int, str]]:
        return {(d.range.start.line + 1, str(d.code)) for d in await pull(client, uri)}

    for text in (big, small, big, small):  # warm-up: each text analysed, caches filled once
        version += 1
        change(client, uri, version, text)
        assert await served() == {(GOOD_LINE, "FCX101")}
    baseline = await idle_rss_kb(pid)

    peak = baseline
    for burst in range(BURSTS):
        for step in range(PER_BURST):
            version += 1
            # Alternate, and end each burst on the other text than the previous burst did.
            change(client, uri, version, big if (step + burst) % 2 else small + f"# {version}\n")
        assert await served() == {(GOOD_LINE, "FCX101")}
        peak = max(peak, rss_kb(pid))
    version += 1
    change(client, uri, version, small)
    assert await served() == {(GOOD_LINE, "FCX101")}
    answer = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(GOOD_LINE - 1, 20))), TIMEOUT)
    assert answer is not None
    after = await idle_rss_kb(pid)
    print(f"RSS baseline {baseline // 1024} MB, peak during the flood {peak // 1024} MB, after {after // 1024} MB")
    assert server_alive(client)
    assert after <= baseline + MARGIN_KB, (
        f"RSS grew from {baseline} kB to {after} kB after {BURSTS * PER_BURST} edits (peak {peak} kB)")
