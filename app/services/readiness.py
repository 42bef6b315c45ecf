"""Gathering the facts a session's readiness is judged on (`app.core.readiness`), for the
Aujourd'hui area, the Préparer stepper and `regie today` / `regie sessions prepare`.

Reads only: device checks saved for the session, its checklist run at the pause point
reached, the licence's host-key reference (never the keyring itself: this is polled), the
meeting record and the attendance record. Runs in workers on the window's side.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.core.checks import CheckKind, SavedCheck, Verdict
from app.core.models import SessionFilter, SessionRow, SessionStatus
from app.core.readiness import (
    ChecklistFact,
    DeviceFact,
    Readiness,
    SessionFacts,
    checklist_pause,
    judge,
)
from app.core.secrets import SecretKind
from app.errors import NotFoundError

if TYPE_CHECKING:
    from app.services import Services


def facts_of(services: Services, row: SessionRow, now: datetime) -> SessionFacts:
    """What is known of one session's preparation."""
    camera = sound = None
    for saved in services.checks.latest_for_session(row.id):
        fact = device_fact(saved)
        if saved.kind is CheckKind.CAMERA:
            camera = fact
        elif saved.kind is CheckKind.AUDIO:
            sound = fact
    host_key = row.licence_id is not None and SecretKind.HOST_KEY in (
        services.licences.secrets.kinds(row.licence_id)
    )
    meeting = services.licences.repo.meeting(row.id) is not None
    record = services.attendance.record(row.id)
    # Who came: registrations imported before the session are not its attendance.
    attendance = record is not None and (
        record.connected is not None or record.on_site is not None
    )
    return SessionFacts(
        row=row,
        camera=camera,
        sound=sound,
        checklist=_checklist(services, row, now),
        host_key=host_key,
        meeting=meeting,
        attendance=attendance,
    )


def device_fact(saved: SavedCheck) -> DeviceFact:
    """A saved check as readiness reads it: its verdict and each criterion's."""
    criteria: dict[str, Verdict] = {}
    raw = saved.result.get("criteria")
    if isinstance(raw, dict):
        for name, crit in raw.items():
            verdict = crit.get("verdict") if isinstance(crit, dict) else None
            if verdict in {v.value for v in Verdict}:
                criteria[str(name)] = Verdict(verdict)
    return DeviceFact(saved.verdict, saved.created_at, saved.device, criteria)


def _checklist(services: Services, row: SessionRow, now: datetime) -> ChecklistFact | None:
    """The newest checklist run of the session, counted at the pause point it is judged
    at (`checklist_pause`)."""
    from app.services import build_checklists

    service = build_checklists(services)
    runs = service.repo.runs(session_id=row.id, limit=1)
    if not runs:
        return None
    try:
        run = service.resume(runs[0].id)
    except NotFoundError:
        return None
    due = checklist_pause(row, now)
    done, total = run.progress_at(due)
    return ChecklistFact(pause=due.value, done=done, total=total)


def readiness_of(services: Services, rows: list[SessionRow]) -> list[Readiness]:
    now = services.clock()
    return [judge(facts_of(services, row, now), now) for row in rows]


def readiness(services: Services, session_id: int) -> Readiness:
    """One session's readiness (`regie sessions prepare`, the Préparer stepper)."""
    return readiness_of(services, [services.sessions.row(session_id)])[0]


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
