"""A day's readiness read in a few queries gives what one session at a time gives, on
SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.checklists import RunMode
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.models import MeetingRecord, SessionMode, SessionRow
from app.core.readiness import ChecklistFact, DeviceFact, SessionFacts, StepKey, checklist_pause
from app.core.secrets import SecretKind
from app.errors import NotFoundError
from app.services import Services, build_checklists
from app.services.readiness import readiness_of, set_ready_override, skip_step, today
from app.storage.readiness import OVERRIDE
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import Network

At = Callable[..., datetime]


def result(kind: CheckKind, device: str, **criteria: Verdict) -> CheckResult:
    return CheckResult(
        kind, device, {n: Criterion(n, 1.0, v) for n, v in criteria.items()}
    )


def one_at_a_time(services: Services, row: SessionRow, now: datetime) -> SessionFacts:
    """The facts of one session read the plain way, one repository call each."""
    camera = sound = None
    for saved in services.checks.latest_for_session(row.id):
        criteria = {
            name: Verdict(c["verdict"])
            for name, c in saved.result["criteria"].items()  # type: ignore[attr-defined]
        }
        fact = DeviceFact(saved.verdict, saved.created_at, saved.device, criteria)
        if saved.kind is CheckKind.CAMERA:
            camera = fact
        else:
            sound = fact
    checklists = build_checklists(services)
    runs = checklists.repo.runs(session_id=row.id, limit=1)
    checklist = None
    if runs:
        run = checklists.resume(runs[0].id)
        pause = checklist_pause(row, now)
        done, total = run.progress_at(pause)
        checklist = ChecklistFact(pause.value, done, total)
    record = services.attendance.record(row.id)
    decided = services.facts.decisions.decisions([row.id]).get(row.id, {})
    notes = {StepKey(k): d for k, d in decided.items() if k != OVERRIDE}
    override = decided.get(OVERRIDE)
    return SessionFacts(
        row=row,
        camera=camera,
        sound=sound,
        checklist=checklist,
        host_key=row.licence_id is not None
        and SecretKind.HOST_KEY in services.licences.secrets.kinds(row.licence_id),
        meeting=services.licences.repo.meeting(row.id) is not None,
        attendance=record is not None
        and (record.connected is not None or record.on_site is not None),
        skipped={k: d.reason for k, d in notes.items()},
        override=override.reason if override else None,
        skip_notes=notes,
        override_note=override,
    )


def a_busy_day(network: Network, at: At) -> list[int]:
    """Sessions with every kind of fact, several checks of a kind, and none at all."""
    services, f = network.services, network.feature
    saved = services.checks.save
    ids = [network.session(f"Séance {h}", at(h)) for h in (8, 11, 13, 15, 17, 19)]
    early, s11, s13, s15, s17, s19 = ids
    keyed, bare = network.licence("Zoom 1"), network.licence("Zoom 2")
    f.service.assign(s11, keyed)
    f.service.assign(s13, bare)
    f.repo.set_secret_ref(keyed, SecretKind.HOST_KEY, "regie/test/host-key")
    f.repo.set_secret_ref(bare, SecretKind.PASSWORD, "regie/test/password")
    for sid in (s11, s15):
        f.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    for minutes, verdict in [(1, Verdict.FAIL), (2, Verdict.PASS)]:
        when = FIXED_NOW - timedelta(minutes=60 - minutes)
        saved(result(CheckKind.CAMERA, "C920", brightness=verdict), operator="x",
              session_id=s11, at=when)
        saved(result(CheckKind.AUDIO, "Jabra", signal=Verdict.PASS, echo=verdict),
              operator="x", session_id=s13, at=when)
    saved(result(CheckKind.AUDIO, "Jabra", signal=Verdict.WARN), operator="x",
          session_id=s11, at=FIXED_NOW)
    saved(result(CheckKind.CAMERA, "Other", brightness=Verdict.PASS), operator="x", at=FIXED_NOW)
    services.attendance.set_counts(early, connected=7)
    skip_step(services, s15, "camera", "No camera in this room", "Camille")
    skip_step(services, s15, "checklist", "Known room", "Camille")
    set_ready_override(services, s17, "Rehearsed yesterday", "Dominique")
    checklists = build_checklists(services)
    for sid, tick in [(s11, -1), (s19, -1), (s19, 0)]:  # s19's newest run ticks its first
        run = checklists.start("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE, session_id=sid)
        run.tick(run.steps[tick].id)
        checklists.save(run)
    return ids


def test_a_day_read_at_once_gives_what_each_session_gives(network: Network, at: At) -> None:
    services = network.services
    ids = a_busy_day(network, at)
    rows = [services.sessions.row(i) for i in ids]
    batch = services.facts.facts(rows, FIXED_NOW)
    alone = [one_at_a_time(services, r, FIXED_NOW) for r in rows]
    assert batch == alone
    # The day holds each kind of fact at least once, so the comparison means something.
    assert {f.row.id for f in batch if f.camera} and {f.row.id for f in batch if f.sound}
    assert sum(f.checklist is not None for f in batch) == 2
    assert [f.host_key for f in batch].count(True) == 1
    assert [f.meeting for f in batch].count(True) == 2
    assert [f.attendance for f in batch].count(True) == 1
    assert [bool(f.skipped) for f in batch].count(True) == 1
    assert [f.override is not None for f in batch].count(True) == 1
    # The newest check of each kind wins, and the newest checklist run.
    s11 = batch[1]
    assert s11.camera is not None and s11.camera.verdict is Verdict.PASS
    assert s11.sound is not None and s11.sound.verdict is Verdict.WARN
    assert s11.checklist == ChecklistFact("T-30", 3, 7)  # licence, its key, camera: auto
    assert batch[5].checklist == ChecklistFact("T-30", 1, 7)
    # And the judgement of the day is that of each session.
    assert readiness_of(services, rows) == [services.facts.readiness(i) for i in ids]
    assert [r.row.id for r in today(services, days=1)] == ids


def test_an_empty_day_and_unknown_sessions(network: Network) -> None:
    services = network.services
    assert services.facts.facts([], FIXED_NOW) == []
    assert today(services, days=1) == []
    assert services.checks.latest_for_sessions([]) == {}
    assert services.checks.latest_for_sessions([404]) == {}
    assert services.licences.repo.meetings([404]) == {}
    with pytest.raises(NotFoundError, match="Session 404 does not exist"):
        services.facts.readiness(404)


@contextmanager
def counting(services: Services) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    sa.event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(services.db.engine, "before_cursor_execute", count)


def queries_for_today(services: Services) -> int:
    with counting(services) as statements:
        today(services, days=1)
    return len(statements)


def test_the_reads_do_not_grow_with_the_sessions(network: Network, at: At) -> None:
    """Checks, meetings, attendance, decisions and secrets are read once for the day;
    only a session's checklist run is read on its own."""
    services, f = network.services, network.feature
    lid = network.licence("Zoom 1")
    f.repo.set_secret_ref(lid, SecretKind.HOST_KEY, "regie/test/host-key")

    def add(hour: int, minute: int) -> int:
        sid = network.session(f"Séance {hour}:{minute}", at(hour, minute), minutes=10)
        f.service.assign(sid, lid)
        f.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
        services.checks.save(result(CheckKind.CAMERA, "C920", b=Verdict.PASS),
                             operator="x", session_id=sid, at=FIXED_NOW)
        skip_step(services, sid, "sound", "Headset", "x")
        return sid

    added = [add(11, 0), add(11, 30), add(12, 0)]
    few = queries_for_today(services)
    added += [add(h, m) for h in range(13, 19) for m in (0, 30)]
    assert len(today(services, days=1)) == 15
    assert queries_for_today(services) == few

    checklists = build_checklists(services)
    for sid in added[:2]:
        checklists.save(checklists.begin("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE,
                                         session_id=sid))
    two = queries_for_today(services)
    for sid in added[2:8]:
        checklists.save(checklists.begin("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE,
                                         session_id=sid))
    eight = queries_for_today(services)
    # Each run read is the run and its steps; no check, meeting or session read for it.
    assert eight - two == 6 * 2
