"""What Aujourd'hui and Préparer show, read in workers: the branches, the sessions of
the coming days with their readiness, and how each step is said (symbol, word, colour,
detail — colour is never the only signal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.forecast import Advice
from app.core.models import STATUS_LABELS, Branch, SessionStatus
from app.core.readiness import CTX, Readiness, Step, StepState
from app.core.readiness_view import (
    NOT_READY_TEXT,
    READY_BY_HAND_TEXT,
    READY_TEXT,
    StepWords,
    describe,
)
from app.core.waiting_list import RegistrationCounts
from app.errors import ServerUnreachable
from app.services import readiness as prep
from app.ui import colours
from app.ui.i18n import core_text, label
from app.ui.today_settings import WHOLE_NETWORK
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.services import Services


# Text and background of each state (the symbol and the word say the same).
STATE_COLOURS: dict[StepState, tuple[str, str]] = {
    StepState.DONE: colours.PASS,
    StepState.WARNING: colours.WARN,
    StepState.FAILED: colours.FAIL,
    StepState.TODO: colours.TODO,
    StepState.SKIPPED: colours.SKIPPED,
    StepState.NOT_NEEDED: colours.NOT_NEEDED,
}


@dataclass(frozen=True, slots=True)
class StepView(StepWords):
    """A step as the desk says it, with the colours of its state."""

    fg: str
    bg: str


def step_view(step: Step, now: datetime) -> StepView:
    w = describe(step, now, QCoreApplication.translate)
    fg, bg = STATE_COLOURS[step.state]
    return StepView(w.step, w.symbol, w.label, w.word, w.detail, w.short, w.full, fg, bg)


def action_text(readiness: Readiness) -> str | None:
    """The one primary button's words ("Check the camera"…), None when nothing is next."""
    action = readiness.next_action
    return QCoreApplication.translate(CTX, action) if action else None


_MOVED_ON = {SessionStatus.RUNNING: "▶", SessionStatus.DONE: "✔", SessionStatus.CANCELLED: "✖"}


def status_text(r: Readiness) -> str:
    """Ready or not (with the hand-set reason), or where the session has moved on to."""
    status = r.row.status
    if status in _MOVED_ON:
        return f"{_MOVED_ON[status]} {label(STATUS_LABELS[status])}"
    if r.override is not None:
        return "● " + core_text(CTX, READY_BY_HAND_TEXT, reason=r.override)
    if r.ready:
        return "● " + core_text(CTX, READY_TEXT)
    return "○ " + core_text(CTX, NOT_READY_TEXT)


def missing_text(readiness: Readiness, now: datetime) -> str:
    """What is still to do before the launch, each with its state: for the confirmation."""
    return "\n".join("• " + step_view(s, now).full for s in readiness.missing)


# ---------------------------------------------------------------------- reading
@dataclass
class TodayData:
    """One reading: the branches, and the sessions of `day` and the next days."""

    day: date
    days: int
    branch_code: str  # WHOLE_NETWORK or a code
    branches: list[Branch]
    sessions: list[Readiness] = field(default_factory=list)
    now: datetime | None = None
    # Per session id: the forecast's advice and the registrations taken so far.
    advice: dict[int, Advice] = field(default_factory=dict)
    registrations: dict[int, RegistrationCounts] = field(default_factory=dict)

    @property
    def branch(self) -> Branch | None:
        return next((b for b in self.branches if b.code == self.branch_code), None)


class TodayModel(QObject):
    """Reads Aujourd'hui in a worker; only the newest reading is handed on."""

    loaded = Signal(object)  # TodayData
    failed = Signal(object)  # BaseException

    def __init__(
        self, services: Services, *, pool: Pool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._pool = pool
        self._generation = 0
        self.loading = False
        self.data: TodayData | None = None

    def load(self, branch_code: str, days: int) -> None:
        self._generation += 1
        generation = self._generation
        services = self.services
        self.loading = True

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> TodayData:
            now = services.clock()
            branches = services.references.branches()
            branch = next((b for b in branches if b.code == branch_code), None)
            code = branch.code if branch else WHOLE_NETWORK
            sessions = prep.today(
                services, day=now.date(), days=days, branch_id=branch.id if branch else None
            )
            data = TodayData(now.date(), days, code, branches, sessions, now)
            read_forecast(services, data)
            return data

        def done(data: TodayData) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.data = data
            self.loaded.emit(data)

        def failed(err: BaseException) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.failed.emit(err)

        run_task(read, on_success=done, on_error=failed, pool=self._pool, parent=self)


def read_forecast(services: Services, data: TodayData) -> None:
    """Each card's advice and registration counts: one history read for all of them."""
    if not data.sessions:
        return
    feature = services.registrations
    try:
        history = feature.history()
        data.registrations = feature.counts_many([r.row.id for r in data.sessions])
    except ServerUnreachable:
        return  # the cards still show; the advice comes back with the server
    data.advice = {r.row.id: feature.advice(r.row, history) for r in data.sessions}
