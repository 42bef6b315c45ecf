"""Reading the facts a session's readiness is judged on, for a day's sessions at once.

The desk asks for a handful to a few dozen sessions every refresh. Each kind of fact is
read for all of them in one query (the newest device checks, the meetings, the attendance
counts, the decisions signed, the licences' secret references); the checklist content is
loaded once, and each session's checklist run is resumed with its automatic checks
answered from those same facts. Only each session's newest run is then loaded on its own.

Wired by the composition root (`app.services.open_services`); the public functions are in
`app.services.readiness`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.core.checklists import (
    CheckFn,
    ChecklistService,
    CheckStatusProvider,
    StoredCheckStatus,
)
from app.core.checks import CheckKind, SavedCheck, Verdict
from app.core.clock import Clock
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import Session, SessionRow, SessionStatus
from app.core.readiness import (
    ChecklistFact,
    DeviceFact,
    KitFact,
    Readiness,
    SessionFacts,
    StepKey,
    checklist_pause,
    judge,
)
from app.core.secrets import SecretKind
from app.errors import NotFoundError
from app.storage.attendance import SqlAttendanceRepository
from app.storage.licences import SqlLicenceRepository
from app.storage.readiness import OVERRIDE, SqlReadinessRepository
from app.storage.repositories import SqlCheckRepository, SqlSessionRepository

# The checklist service for one read, its automatic checks answered by the given provider.
ChecklistFactory = Callable[[CheckStatusProvider], ChecklistService]


def launch_checks(
    session: Callable[[int], Session], kinds: Callable[[int], Collection[SecretKind]]
) -> dict[str, CheckFn]:
    """The automatic checklist checks that the licence feature answers: the session's
    licence has its host key registered (references only, never the keyring: this is
    polled), and Zoom was launched for it."""

    def vault_ready(session_id: int) -> bool | None:
        licence_id = session(session_id).licence_id
        if licence_id is None:
            return False
        return SecretKind.HOST_KEY in kinds(licence_id)

    def zoom_launched(session_id: int) -> bool | None:
        return session(session_id).status in (SessionStatus.RUNNING, SessionStatus.DONE)

    return {"vault_ready": vault_ready, "zoom_launched": zoom_launched}


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


def session_of(row: SessionRow) -> Session:
    return Session(
        id=row.id,
        title=row.title,
        type_id=row.type_id,
        branch_id=row.branch_id,
        start=row.start,
        end=row.end,
        mode=row.mode,
        capacity=row.capacity,
        host_id=row.host_id,
        licence_id=row.licence_id,
        status=row.status,
        notes=row.notes,
    )


@dataclass
class _Read:
    """The facts read for one batch, answering the checklist's automatic checks too."""

    rows: dict[int, SessionRow]
    checks: dict[int, list[SavedCheck]]
    kinds: dict[int, list[SecretKind]] = field(default_factory=dict)

    def latest_for_session(self, session_id: int) -> list[SavedCheck]:
        return self.checks.get(session_id, [])

    def get(self, session_id: int) -> Session:
        row = self.rows.get(session_id)
        if row is None:
            raise NotFoundError(  # not read in this batch: unknown, as for a lost id
                _N("errors", "Session {id} does not exist."),
                _N("errors", "Check the number with “regie sessions list”."),
                id=session_id,
            )
        return session_of(row)

    def licence_kinds(self, licence_id: int) -> list[SecretKind]:
        return self.kinds.get(licence_id, [])


@dataclass
class FactReader:
    """Reads and judges the preparation of many sessions in a few queries."""

    checks: SqlCheckRepository
    licences: SqlLicenceRepository
    attendance: SqlAttendanceRepository
    decisions: SqlReadinessRepository
    sessions: SqlSessionRepository
    checklists: ChecklistFactory
    clock: Clock
    offline: Callable[[], bool] = lambda: False
    # The equipment kept at these branches, each device with its flag (one read).
    kit: Callable[[Collection[int]], dict[int, list[KitFact]]] = lambda _branches: {}

    def facts(self, rows: Sequence[SessionRow], now: datetime) -> list[SessionFacts]:
        """What is known of these sessions' preparation, in the order given."""
        if not rows:
            return []
        ids = [r.id for r in rows]
        read = _Read({r.id: r for r in rows}, self.checks.latest_for_sessions(ids))
        if any(r.licence_id is not None for r in rows):
            read.kinds = self.licences.all_secret_kinds()
        meetings = self.licences.meetings(ids)
        counts = self.attendance.get_many(ids)
        decided = self.decisions.decisions(ids)
        runs = self._checklists(rows, read, now)
        kits = self.kit({r.branch_id for r in rows})
        out: list[SessionFacts] = []
        for row in rows:
            camera = sound = None
            for saved in read.latest_for_session(row.id):
                if saved.kind is CheckKind.CAMERA:
                    camera = device_fact(saved)
                elif saved.kind is CheckKind.AUDIO:
                    sound = device_fact(saved)
            record = counts.get(row.id)
            mine = decided.get(row.id, {})
            skip_notes = {StepKey(k): d for k, d in mine.items() if k != OVERRIDE}
            override = mine.get(OVERRIDE)
            out.append(
                SessionFacts(
                    row=row,
                    camera=camera,
                    sound=sound,
                    checklist=runs.get(row.id),
                    host_key=row.licence_id is not None
                    and SecretKind.HOST_KEY in read.licence_kinds(row.licence_id),
                    meeting=row.id in meetings,
                    # Who came: registrations imported beforehand are not attendance.
                    attendance=record is not None
                    and (record.connected is not None or record.on_site is not None),
                    skipped={k: d.reason for k, d in skip_notes.items()},
                    override=override.reason if override else None,
                    skip_notes=skip_notes,
                    override_note=override,
                    kit=tuple(kits.get(row.branch_id, ())),
                )
            )
        return out

    def _checklists(
        self, rows: Sequence[SessionRow], read: _Read, now: datetime
    ) -> dict[int, ChecklistFact]:
        """Each session's newest checklist run, counted at the pause point it is judged
        at (`checklist_pause`); the content is loaded once for all of them."""
        status = StoredCheckStatus(
            read, read, launch_checks(read.get, read.licence_kinds), offline=self.offline
        )
        service = self.checklists(status)
        newest = service.repo.newest_runs(r.id for r in rows)
        out: dict[int, ChecklistFact] = {}
        for row in rows:
            summary = newest.get(row.id)
            if summary is None:
                continue
            try:
                run = service.resume(summary.id)
            except NotFoundError:
                continue
            due = checklist_pause(row, now)
            done, total = run.progress_at(due)
            out[row.id] = ChecklistFact(pause=due.value, done=done, total=total)
        return out

    def readiness_of(self, rows: Sequence[SessionRow]) -> list[Readiness]:
        now = self.clock()
        return [judge(f, now) for f in self.facts(rows, now)]

    def readiness(self, session_id: int) -> Readiness:
        return self.readiness_of([self.sessions.row(session_id)])[0]
