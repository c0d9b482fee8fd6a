"""Context levels: what Flask has pushed at a point of execution.

They form a chain, ``NONE < APP < REQUEST``: a request context always comes with an
application context, so "needs APP" is satisfied by either.
"""

from __future__ import annotations

import enum


class Level(enum.IntEnum):
    NONE = 0
    APP = 1
    REQUEST = 2

    @property
    def noun(self) -> str:
        return {Level.NONE: "no context", Level.APP: "an application context", Level.REQUEST: "a request context"}[self]

    @property
    def short(self) -> str:
        return {Level.NONE: "none", Level.APP: "app", Level.REQUEST: "request"}[self]
