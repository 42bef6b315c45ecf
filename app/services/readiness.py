"""Gathering the facts a session's readiness is judged on (`app.core.readiness`), for the
Aujourd'hui area, the Préparer stepper and `regie today` / `regie sessions prepare`.

Reads: device checks saved for the session, its checklist run at the pause point it is
judged at, the licence's host-key reference (never the keyring itself: this is polled),
the meeting record, the attendance record and the decisions signed for it (a step
skipped, "ready" set by hand). Writes: those decisions (`skip_step`, `unskip_step`,
`set_ready_override`). Runs in workers on the window's side.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionFilter, SessionRow, SessionStatus
from app.core.readiness import SKIPPABLE, Decision, Readiness, SessionFacts, StepKey
from app.errors import ValidationError
from app.storage.readiness import OVERRIDE

MAX_REASON = 500

if TYPE_CHECKING:
    from app.services import Services


def facts_of(services: Services, row: SessionRow, now: datetime) -> SessionFacts:
    """What is known of one session's preparation."""
    return services.facts.facts([row], now)[0]


def readiness_of(services: Services, rows: list[SessionRow]) -> list[Readiness]:
    """The readiness of these sessions, their facts read together (`FactReader`)."""
    return services.facts.readiness_of(rows)


def readiness(services: Services, session_id: int) -> Readiness:
    """One session's readiness (`regie sessions prepare`, the Préparer stepper)."""
    return services.facts.readiness(session_id)


def today(
    services: Services, *, day: date | None = None, days: int = 3, branch_id: int | None = None
) -> list[Readiness]:
    """The sessions of `day` (the desk's today by default) and the `days - 1` next days,
    in time order, cancelled ones left out; one branch, or the whole network."""
    first = day or services.clock().date()
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(first + timedelta(days=days), time.min).astimezone()
    flt = SessionFilter(date_from=first, date_to=first + timedelta(days=days - 1),
                        branch_id=branch_id)
    rows = [
        r
        for r in services.sessions.list(flt)
        if r.status is not SessionStatus.CANCELLED and start <= r.start < end
    ]
    rows.sort(key=lambda r: r.start)
    return readiness_of(services, rows)


# ------------------------------------------------------------------ decisions
def _skippable(step: StepKey | str) -> StepKey:
    key = StepKey(step) if step in {k.value for k in StepKey} else None
    if key is None or key not in SKIPPABLE:
        raise ValidationError(
            "step",
            _N("errors", "The step “{step}” cannot be skipped."),
            _N("errors", "Skip one of: {steps}. The Zoom meeting and the launch are needed."),
            step=str(step),
            steps=", ".join(k.value for k in SKIPPABLE),
        )
    return key


def _reason(reason: str | None, message: str, fix: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError("reason", message, fix)
    if len(text) > MAX_REASON:
        raise ValidationError(
            "reason",
            _N("errors", "The reason is longer than {max} characters."),
            _N("errors", "Shorten it."),
            max=MAX_REASON,
        )
    return text


def skip_step(
    services: Services, session_id: int, step: StepKey | str, reason: str, by: str
) -> Readiness:
    """Leave a step out on purpose; the reason, who and when are kept and shown."""
    key = _skippable(step)
    text = _reason(
        reason,
        _N("errors", "A skipped step needs a reason."),
        _N("errors", "Say in a few words why it is left out (for example: no camera in "
                     "this room)."),
    )
    services.sessions.row(session_id)  # NotFoundError for an unknown session
    decision = Decision(text, by, services.clock())
    services.facts.decisions.decide(session_id, key.value, decision)
    return readiness(services, session_id)


def unskip_step(services: Services, session_id: int, step: StepKey | str) -> Readiness:
    """Take a skip back: the step is to do again. A session marked ready only thanks to
    it goes back to planned."""
    key = _skippable(step)
    services.sessions.row(session_id)
    services.facts.decisions.undo(session_id, key.value)
    return _settle(services, session_id)


def set_ready_override(
    services: Services, session_id: int, reason: str | None, by: str
) -> Readiness:
    """Mark a planned session ready by hand, with the reason kept (`reason`), or take that
    back (`None`): the session is then ready only if its facts say so."""
    row = services.sessions.row(session_id)
    repo = services.facts.decisions
    if reason is None:
        repo.undo(session_id, OVERRIDE)
        return _settle(services, session_id)
    text = _reason(
        reason,
        _N("errors", "Marking a session ready by hand needs a reason."),
        _N("errors", "Say in a few words why it is ready although steps are missing."),
    )
    if row.status not in (SessionStatus.PLANNED, SessionStatus.READY):
        raise ValidationError(
            "status",
            _N("errors", "Session {id} is “{status}”: only a planned session can be marked "
                         "ready."),
            _N("errors", "Choose a session still to come (“regie today”)."),
            id=session_id,
            status=row.status.value,
        )
    repo.decide(session_id, OVERRIDE, Decision(text, by, services.clock()))
    if row.status is SessionStatus.PLANNED:
        services.sessions.set_status(session_id, SessionStatus.READY)
    return readiness(services, session_id)


def _settle(services: Services, session_id: int) -> Readiness:
    """A session marked ready stays so only while its facts or an override say so."""
    judged = readiness(services, session_id)
    if judged.row.status is SessionStatus.READY and not judged.ready:
        services.sessions.set_status(session_id, SessionStatus.PLANNED)
        judged = readiness(services, session_id)
    return judged
