"""Which lines of a text survive an edit, and where they are now.

A file's last version that parsed is analysed while its current text does not (``stale``), and a
cached result is moved onto texts that changed only in what the engine does not read
(``cache.cutoff``): both need the old line of each unchanged line mapped to its new one.
"""

from __future__ import annotations

import difflib

from flaskscope.index.model import Span

_MAX_DIFF_WORK = 4_000_000  # lines x lines of a changed middle worth diffing


class LineMap:
    """Old line numbers (1-based) of unchanged lines -> their new line numbers."""

    def __init__(self, old_text: str, new_text: str) -> None:
        old, new = old_text.splitlines(), new_text.splitlines()
        # An edit is usually local: the common head and tail map one to one, and only the middle
        # is diffed (a line diff is quadratic on repetitive text: seconds for a 20k-line module).
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        self._moves: dict[int, int] = {line: line for line in range(1, head + 1)}
        self._moves.update({len(old) - k: len(new) - k for k in range(tail)})
        middle_old, middle_new = old[head:len(old) - tail], new[head:len(new) - tail]
        if len(middle_old) * len(middle_new) <= _MAX_DIFF_WORK:  # beyond: the middle keeps no results
            matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
            for block in matcher.get_matching_blocks():
                for offset in range(block.size):
                    self._moves[head + block.a + offset + 1] = head + block.b + offset + 1

    def line(self, old_line: int) -> int | None:
        return self._moves.get(old_line)

    def span(self, span: Span) -> Span | None:
        start, end = self.line(span.line), self.line(span.end_line)
        if start is None or end is None or end - start != span.end_line - span.line:
            return None
        return Span(start, span.col, end, span.end_col)
