"""Check results as JSON data and back, for the result cache.

Only what reports read survives the trip: the AST nodes a root keeps for planning fixes are
dropped, which is why a cached result serves reports and never ``--fix``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flaskscope.edits import Fix, TextEdit
from flaskscope.findings import Finding, Gap, Hop, Root
from flaskscope.index.model import Span
from flaskscope.levels import Level
from flaskscope.suppressions import Suppression

Data = dict[str, Any]


def _span(span: Span) -> list[int]:
    return [span.line, span.col, span.end_line, span.end_col]


def _hop(hop: Hop) -> list[object]:
    return [str(hop.path), hop.line, hop.name, hop.scope]


def _root(root: Root) -> Data:
    return {"kind": root.kind, "path": str(root.path), "line": root.line, "level": root.level.value,
            "what": root.what, "scope": root.scope, "spawned": root.spawned, "site_scope": root.site_scope,
            "site_callee": root.site_callee, "site": _span(root.site) if root.site is not None else None,
            "site_target": _span(root.site_target) if root.site_target is not None else None}


def _fix(fix: Fix) -> Data:
    return {"title": fix.title, "safe": fix.safe,
            "edits": [[str(e.path), e.line, e.col, e.end_line, e.end_col, e.new_text] for e in fix.edits]}


def encode_finding(finding: Finding) -> Data:
    return {"code": finding.code, "path": str(finding.path), "span": _span(finding.span), "symbol": finding.symbol,
            "needs": finding.needs.value, "had": finding.had.value, "root": _root(finding.root),
            "chain": [_hop(h) for h in finding.chain], "other_roots": [_root(r) for r in finding.other_roots],
            "fixes": [_fix(f) for f in finding.fixes],
            "gap": [finding.gap.kind, str(finding.gap.path), finding.gap.line, finding.gap.detail]
            if finding.gap is not None else None, "root_patches": list(finding.root_patches)}


def encode_suppression(suppression: Suppression) -> Data:
    return {"path": str(suppression.path), "line": suppression.line,
            "codes": sorted(suppression.codes) if suppression.codes is not None else None}


def decode_finding(data: Data) -> Finding:
    """Raises ``KeyError``/``TypeError``/``ValueError`` on data of the wrong shape."""
    return Finding(str(data["code"]), Path(data["path"]), Span(*map(int, data["span"])), str(data["symbol"]),
                   Level(data["needs"]), Level(data["had"]), _decode_root(data["root"]),
                   tuple(Hop(Path(p), int(line), str(name), str(scope)) for p, line, name, scope in data["chain"]),
                   tuple(_decode_root(r) for r in data["other_roots"]),
                   tuple(Fix(str(f["title"]), tuple(TextEdit(Path(p), int(a), int(b), int(c), int(d), str(t))
                                                    for p, a, b, c, d, t in f["edits"]), bool(f["safe"]))
                         for f in data["fixes"]),
                   _decode_gap(data.get("gap")), tuple(str(n) for n in data.get("root_patches", ())))


def _decode_span(data: object) -> Span | None:
    return Span(*map(int, data)) if isinstance(data, list) and len(data) == 4 else None


def _decode_gap(data: object) -> Gap | None:
    if data is None:
        return None
    if not isinstance(data, list) or len(data) != 4:
        raise ValueError("a gap is [kind, path, line, detail]")
    return Gap(str(data[0]), Path(str(data[1])), int(data[2]), str(data[3]))


def decode_suppression(data: Data) -> Suppression:
    codes = data["codes"]
    return Suppression(Path(data["path"]), int(data["line"]), frozenset(map(str, codes)) if codes is not None else None)


def _decode_root(data: Data) -> Root:
    return Root(str(data["kind"]), Path(data["path"]), int(data["line"]), Level(data["level"]), str(data["what"]),
                str(data["scope"]), bool(data["spawned"]), _decode_span(data.get("site")), str(data["site_scope"]),
                str(data["site_callee"]), _decode_span(data.get("site_target")))
