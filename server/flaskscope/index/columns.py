"""Spans in the columns editors count, from the byte offsets ``ast`` gives.

``ast`` reports columns as UTF-8 byte offsets; the index, the reports and the language server
speak in code points. The conversion lives here so the builder and the reporting of escapes
convert the same way, and so pure-ASCII sources (nearly all) skip it.
"""

from __future__ import annotations

import ast

from flaskscope.index.model import Span


class SourceColumns:
    """Convert ast's UTF-8 byte offsets to code-point columns."""

    def __init__(self, source: str) -> None:
        self._lines = source.splitlines()
        self._ascii = source.isascii()  # then every byte offset is already a code-point column

    def col(self, line: int, byte_col: int) -> int:
        if self._ascii or line - 1 >= len(self._lines):
            return byte_col
        text = self._lines[line - 1]
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        if self._ascii:
            return Span(line, getattr(node, "col_offset", 0), end_line, getattr(node, "end_col_offset", None) or 0)
        col = self.col(line, getattr(node, "col_offset", 0))
        end_col = self.col(end_line, getattr(node, "end_col_offset", None) or 0)
        return Span(line, col, end_line, end_col)

    def prefix_spans(self, nodes: list[ast.expr]) -> tuple[Span, ...]:
        """The spans of ``a``, ``a.b``, ``a.b.c``: all start where the base name starts."""
        base = nodes[0]
        line = base.lineno
        if self._ascii:  # the common case, and one of the builder's hottest lines
            col = base.col_offset
            return tuple([Span(line, col, n.end_lineno or line, n.end_col_offset or 0) for n in nodes])
        col = self.col(line, base.col_offset)
        return tuple([Span(line, col, n.end_lineno or line, self.col(n.end_lineno or line, n.end_col_offset or 0))
                      for n in nodes])
