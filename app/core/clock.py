"""The desk's clock, handed to whatever needs "now" so that no rule reads the wall clock
behind its caller's back (tests and support fix it; `--now` on the command line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def now_local() -> datetime:
    """The wall clock, time-zone aware in the machine's zone."""
    return datetime.now().astimezone()


def fixed_clock(at: datetime) -> Clock:
    """A clock stopped at `at` (made time-zone aware in the machine's zone if naive)."""
    moment = at if at.tzinfo is not None else at.astimezone()

    def clock() -> datetime:
        return moment

    return clock
