"""Checklist runs go on while the network database is out of reach: each save keeps the
whole run in the local queue (the newest replaces the older), and the run reaches the
server once, by its key, however many times it is sent or saved again afterwards. The
PostgreSQL test stops the real server in the middle (and always starts it again)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.checklists import ChecklistService, RunMode, RunState, RunStatus, StepState
from app.core.models import SessionDraft, SessionMode
from app.core.outbox import PendingKind
from app.services import Services, build_checklists, open_services
from app.storage.checklists import checklist_runs, checklist_steps
from app.storage.database import StorageError
from app.storage.offline_runs import QueueingChecklistRepository
from app.storage.outbox import LocalOutbox, apply, send_pending
from tests.support.fixtures import FIXED_NOW, PgControl, desk_config

pytestmark = pytest.mark.usefixtures("collect_sockets")

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def _seed(services: Services) -> tuple[int, int]:
    refs = services.references
    branch = refs.add_branch("vaise", "Vaise")
    staff = refs.add_staff("Inès Martin", branch, "trainee")
    concert = next(t for t in refs.session_types() if t.code == "concert")
    sid = services.sessions.create(
        SessionDraft(
            title="Concert de Noël",
            type_id=concert.id,
            branch_id=branch,
            start=FIXED_NOW.replace(hour=18),
            end=FIXED_NOW.replace(hour=19),
            mode=SessionMode.HYBRID,
            capacity=50,
        )
    )
    return sid, staff


def _service(services: Services, repo: QueueingChecklistRepository) -> ChecklistService:
    return build_checklists(services, repo=repo)


def _server_runs(services: Services) -> list[sa.Row[tuple[object, ...]]]:
    with services.db.read() as conn:
        return list(conn.execute(sa.select(checklist_runs)).all())


def _server_steps(services: Services, run_id: int) -> dict[str, str]:
    with services.db.read() as conn:
        rows = conn.execute(
            sa.select(checklist_steps.c.step_id, checklist_steps.c.state).where(
                checklist_steps.c.run_id == run_id
            )
        ).all()
    return {r.step_id: r.state for r in rows}


def test_a_run_state_round_trips_through_json() -> None:
    state = RunState(
        checklist_id="conte",
        checklist_version=3,
        checklist_title="Heure du conte",
        mode=RunMode.READ_DO,
        session_mode=SessionMode.REMOTE,
        started_at=FIXED_NOW,
        records=[],
        session_id=4,
        staff_id=2,
        id=-7,
        index=2,
        updated_at=FIXED_NOW,
    )
    back = RunState.from_json(state.as_json())
    assert back == state and back.kept_locally


def test_the_queue_keeps_one_entry_per_run_in_its_first_place(tmp_path: Path) -> None:
    outbox = LocalOutbox(tmp_path)
    first = outbox.put(PendingKind.CHECKLIST_RUN, {"n": 1}, ref="run-a")
    outbox.add(PendingKind.ATTENDANCE, {"session_id": 1})
    again = outbox.put(PendingKind.CHECKLIST_RUN, {"n": 2}, ref="run-a")
    other = outbox.put(PendingKind.CHECKLIST_RUN, {"n": 1}, ref="run-b")
    assert again == first and other > first
    runs = outbox.items(PendingKind.CHECKLIST_RUN)
    assert [(w.ref, w.payload["n"]) for w in runs] == [("run-a", 2), ("run-b", 1)]
    assert outbox.count() == 3
    outbox.forget_ref("run-a")
    assert [w.ref for w in outbox.items()] == [None, "run-b"]


def test_a_queue_written_before_runs_were_kept_opens_and_keeps_its_writes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
        " kind TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL, error TEXT)"
    )
    conn.execute(
        "INSERT INTO pending (key, kind, payload, created_at) VALUES"
        " ('k1', 'attendance', '{\"session_id\": 1}', '2026-11-25T08:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    outbox = LocalOutbox(tmp_path)
    assert [w.key for w in outbox.items()] == ["k1"]
    outbox.put(PendingKind.CHECKLIST_RUN, {"n": 1}, ref="run-a")
    assert outbox.count() == 2


@pytest.mark.parametrize("engine", ENGINES, indirect=True)
def test_a_kept_run_lands_once_by_its_key(services: Services, tmp_path: Path) -> None:
    sid, staff = _seed(services)
    outbox = LocalOutbox(tmp_path)
    offline = True
    repo = QueueingChecklistRepository(services.db, outbox, offline=lambda: offline)
    svc = _service(services, repo)
    run = svc.start("concert-projection", RunMode.DO_CONFIRM, SessionMode.HYBRID,
                    session_id=sid, staff_id=staff)
    assert run.state.kept_locally and _server_runs(services) == []
    first = run.steps[0].id
    run.tick(first)
    svc.save(run)
    assert len(outbox.items()) == 1  # one entry per run, however many saves

    listed = svc.unfinished()
    assert [(s.id, s.local, s.resolved) for s in listed] == [(run.state.id, True, 1)]
    resumed = svc.resume(run.state.id or 0)
    assert resumed.record(first).state is StepState.DONE

    item = outbox.items()[0]
    assert apply(services.db, item) is True
    assert apply(services.db, item) is False  # sent twice (receipt): one run
    report = send_pending(services.db, outbox)
    assert report.already == [item.key] and outbox.count() == 0
    rows = _server_runs(services)
    assert len(rows) == 1 and rows[0].client_key == run.state.key
    assert _server_steps(services, rows[0].id)[first] == "done"

    # Back online, the run still on screen is saved again: the same run is updated.
    offline = False
    run.tick(run.steps[1].id)
    svc.save(run)
    rows = _server_runs(services)
    assert len(rows) == 1 and run.state.id == rows[0].id
    assert _server_steps(services, rows[0].id)[run.steps[1].id] == "done"
    assert [s.local for s in svc.unfinished()] == [False]

    # Offline again, a later save of the same run queues it under its server id, and the
    # server's older copy is not listed twice.
    offline = True
    run.tick(run.steps[2].id)
    assert svc.save(run) == rows[0].id
    assert [(s.id, s.local) for s in svc.unfinished()] == [(rows[0].id, True)]
    assert svc.resume(rows[0].id).record(run.steps[2].id).state is StepState.DONE
    offline = False
    send_pending(services.db, outbox)
    rows = _server_runs(services)
    assert len(rows) == 1
    assert _server_steps(services, rows[0].id)[run.steps[2].id] == "done"


@pytest.mark.parametrize("engine", ENGINES, indirect=True)
def test_a_kept_run_for_a_session_removed_meanwhile_lands_unlinked(
    services: Services, tmp_path: Path
) -> None:
    sid, staff = _seed(services)
    outbox = LocalOutbox(tmp_path)
    repo = QueueingChecklistRepository(services.db, outbox, offline=lambda: True)
    svc = _service(services, repo)
    run = svc.start("concert-projection", RunMode.DO_CONFIRM, SessionMode.HYBRID,
                    session_id=sid, staff_id=staff)
    with services.db.begin() as conn:
        from app.storage import schema as t

        conn.execute(t.sessions.delete().where(t.sessions.c.id == sid))
    report = send_pending(services.db, outbox)
    assert len(report.sent) == 1 and not report.refused
    rows = _server_runs(services)
    assert rows[0].session_id is None and rows[0].staff_id == staff
    assert rows[0].client_key == run.state.key


@pytest.mark.postgresql
def test_a_run_goes_on_through_a_server_stop(
    stoppable: tuple[str, PgControl], tmp_path: Path
) -> None:
    url, ctl = stoppable
    services = open_services(desk_config(url))
    try:
        sid, staff = _seed(services)
        outbox = LocalOutbox(tmp_path)
        queued: list[bool] = []
        repo = QueueingChecklistRepository(
            services.db, outbox, on_queued=lambda: queued.append(True)
        )
        svc = _service(services, repo)
        run = svc.start("concert-projection", RunMode.DO_CONFIRM, SessionMode.HYBRID,
                        session_id=sid, staff_id=staff)
        server_id = run.state.id
        assert server_id is not None and server_id > 0

        ctl.stop()
        for step in run.steps[:3]:
            run.tick(step.id)
            assert svc.save(run) == server_id  # kept here, under its server id
        assert queued and outbox.count() == 1
        listed = svc.unfinished()  # the server cannot say: this computer's copy
        assert [(s.id, s.local, s.resolved) for s in listed] == [(server_id, True, 3)]
        with pytest.raises(StorageError) as err:
            svc.training_records()
        assert err.value.kind == "unreachable"

        ctl.start()
        report = send_pending(services.db, outbox)
        assert len(report.sent) == 1 and outbox.count() == 0
        for step in run.steps[3:]:
            run.tick(step.id)
        svc.sign_off(run, staff)
        rows = _server_runs(services)
        assert len(rows) == 1 and rows[0].status == RunStatus.SIGNED_OFF.value
        steps = _server_steps(services, server_id)
        assert all(steps[s.id] == "done" for s in run.steps[:3])
    finally:
        services.close()
