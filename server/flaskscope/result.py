"""What a run of the engine gives its adapters: findings and what hover and reports need besides.

Kept apart from the engine so that reading a stored result (the CLI's cache) does not import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flaskscope.config import Config
from flaskscope.findings import Finding, Root
from flaskscope.index.model import Span
from flaskscope.levels import Level
from flaskscope.suppressions import Suppression


@dataclass(frozen=True)
class SinkSite:
    """A use of something that needs a context, wherever it is (for explanations on hover)."""

    path: Path
    span: Span
    symbol: str
    sink: str  # canonical name, e.g. flask.current_app
    needs: Level
    scope: str
    local_level: Level  # what the code around it provides (with-blocks, guards)
    in_view: bool


@dataclass(frozen=True)
class JediUse:
    """What jedi cost in a run and what it gave, for ``check --statistics`` and the benches."""

    asked: int
    answered: int  # questions answered with a workspace function
    unasked: int  # questions left when the budget was spent: their calls stay unresolved
    seconds: float
    budget: float | None  # seconds; None: no limit

    def as_data(self) -> dict[str, float | int | None]:
        return {"asked": self.asked, "answered": self.answered, "unasked": self.unasked,
                "seconds": round(self.seconds, 3), "budget": None if self.budget is None else round(self.budget, 3)}


@dataclass
class AnalysisResult:
    findings: list[Finding]  # what is left after configuration and suppressions
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    jedi_queries: int = 0
    jedi: JediUse | None = None  # None: jedi was not used
    roots: list[Root] = field(default_factory=list)
    sink_sites: list[SinkSite] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)  # every file analysed
    suppressed: list[Finding] = field(default_factory=list)
    gaps: list[Finding] = field(default_factory=list)  # sinks reached only on paths that are not certain
    unused_suppressions: list[Suppression] = field(default_factory=list)
    config: Config = field(default_factory=Config)
    # ``reach.resolution``'s measure of the calls on the roots' paths, when asked for (``--statistics``)
    resolution: dict[str, float | int] | None = None
