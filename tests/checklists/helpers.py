"""Small builders for checklist tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.checklists import Checklist, PausePoint, Step
from app.core.models import SessionMode


class FakeClock:
    """A clock the test moves by hand, so timings are exact."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_checklist(version: int = 1) -> Checklist:
    both = (SessionMode.REMOTE, SessionMode.HYBRID)
    return Checklist(
        id="demo",
        title="Demo",
        version=version,
        types=("talk",),
        modes=both,
        steps=(
            Step("end-1", "Close", PausePoint.END, "why"),
            Step("licence", "Licence", PausePoint.T30, "why", check="licence_assigned"),
            Step("echo", "Echo", PausePoint.T30, "why", check="echo",
                 modes=(SessionMode.HYBRID,)),
            Step("start-1", "Greet", PausePoint.START, "why"),
            Step("zoom", "Launch", PausePoint.T5, "why", check="zoom_launched"),
        ),
    )


class DictStatus:
    """A CheckStatusProvider answering from a dict (the engine needs nothing more)."""

    def __init__(self, values: dict[str, bool | None]) -> None:
        self.values = values
        self.calls: list[tuple[str, int | None]] = []

    def status(self, check: str, session_id: int | None) -> bool | None:
        self.calls.append((check, session_id))
        return self.values.get(check)
