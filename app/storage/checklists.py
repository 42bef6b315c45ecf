"""Checklist runs, their step records, and the training records derived from them.

A run is saved after every change (one transaction rewrites its step records), so a
closed window or a crash loses at most the last click.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from app.core.checklists import (
    RunMode,
    RunState,
    RunStatus,
    RunSummary,
    StepRecord,
    StepState,
    TrainingRecord,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode
from app.errors import NotFoundError
from app.storage import schema as t
from app.storage.database import Database
from app.storage.schema import UtcDateTime, metadata

checklist_runs = sa.Table(
    "checklist_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("checklist_id", sa.String(80), nullable=False),
    sa.Column("checklist_version", sa.Integer, nullable=False),
    sa.Column("checklist_title", sa.String(200), nullable=False),
    sa.Column("mode", sa.String(12), nullable=False),
    sa.Column("session_mode", sa.String(10), nullable=False),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=True, index=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("current_index", sa.Integer, nullable=False, server_default="0"),
    sa.Column("started_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=True),
    sa.Column("finished_at", UtcDateTime(), nullable=True),
    sa.Column("signed_off_by", sa.Integer, sa.ForeignKey("staff.id"), nullable=True),
    # RunState.key: matches a run written offline to the one this database may hold.
    sa.Column("client_key", sa.String(32), nullable=True, unique=True),
    sa.CheckConstraint("mode IN ('read_do', 'do_confirm')", name="mode"),
    sa.CheckConstraint("session_mode IN ('remote', 'hybrid')", name="session_mode"),
    sa.CheckConstraint("status IN ('in_progress', 'signed_off', 'abandoned')", name="status"),
)

checklist_steps = sa.Table(
    "checklist_steps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "run_id",
        sa.Integer,
        sa.ForeignKey("checklist_runs.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("step_id", sa.String(80), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("state", sa.String(8), nullable=False),
    sa.Column("skip_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("auto", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("started_at", UtcDateTime(), nullable=True),
    sa.Column("done_at", UtcDateTime(), nullable=True),
    sa.UniqueConstraint("run_id", "step_id"),
    sa.CheckConstraint("state IN ('pending', 'done', 'skipped')", name="state"),
)


# Runs read to find the newest of a day's sessions (a few each, practice runs have none).
NEWEST_LIMIT = 10_000


def _missing(run_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "Checklist run {id} does not exist."),
        _N("errors", "Pick a run from the list of unfinished runs."),
        id=run_id,
    )


def write_run(conn: sa.Connection, state: RunState, *, by_id: bool = True) -> int:
    """Write `state` in the caller's transaction; returns the run's id.

    The run is found by its id, else by its key (sent again after a dropped link, or
    saved once more after its offline copy reached the server), else inserted. With
    `by_id=False` (a copy kept offline, whose id may be this computer's own) the id is
    trusted only when the key does not answer and the id holds no other run.
    """
    r = checklist_runs.c
    values = {
        "checklist_id": state.checklist_id,
        "checklist_version": state.checklist_version,
        "checklist_title": state.checklist_title[:200],
        "mode": state.mode.value,
        "session_mode": state.session_mode.value,
        "session_id": state.session_id,
        "staff_id": state.staff_id,
        "status": state.status.value,
        "current_index": state.index,
        "started_at": state.started_at,
        "updated_at": state.updated_at,
        "finished_at": state.finished_at,
        "signed_off_by": state.signed_off_by,
        "client_key": state.key,
    }
    run_id: int | None = None
    if by_id and state.id is not None and state.id > 0:
        done = conn.execute(checklist_runs.update().where(r.id == state.id).values(**values))
        if done.rowcount == 0:
            raise _missing(state.id)
        run_id = state.id
    else:
        found = conn.execute(sa.select(r.id).where(r.client_key == state.key)).first()
        if found is None and state.id is not None and state.id > 0:
            found = conn.execute(
                sa.select(r.id).where(
                    r.id == state.id, sa.or_(r.client_key.is_(None), r.client_key == state.key)
                )
            ).first()
        if found is not None:
            run_id = int(found[0])
            conn.execute(checklist_runs.update().where(r.id == run_id).values(**values))
        else:
            key = conn.execute(checklist_runs.insert().values(**values)).inserted_primary_key
            assert key is not None
            run_id = int(key[0])
    conn.execute(checklist_steps.delete().where(checklist_steps.c.run_id == run_id))
    if state.records:
        conn.execute(
            checklist_steps.insert(),
            [
                {
                    "run_id": run_id,
                    "step_id": rec.step_id,
                    "position": pos,
                    "state": rec.state.value,
                    "skip_reason": rec.skip_reason,
                    "note": rec.note,
                    "auto": rec.auto,
                    "started_at": rec.started_at,
                    "done_at": rec.done_at,
                }
                for pos, rec in enumerate(state.records)
            ],
        )
    return run_id


class SqlChecklistRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, state: RunState) -> int:
        """Insert or update the run and rewrite its step records, all in one transaction."""
        with self._db.begin() as conn:
            return write_run(conn, state)

    def load(self, run_id: int) -> RunState:
        with self._db.read() as conn:
            run = conn.execute(
                sa.select(checklist_runs).where(checklist_runs.c.id == run_id)
            ).first()
            if run is None:
                raise _missing(run_id)
            steps = conn.execute(
                sa.select(checklist_steps)
                .where(checklist_steps.c.run_id == run_id)
                .order_by(checklist_steps.c.position)
            ).all()
        return RunState(
            id=run.id,
            checklist_id=run.checklist_id,
            checklist_version=run.checklist_version,
            checklist_title=run.checklist_title,
            mode=RunMode(run.mode),
            session_mode=SessionMode(run.session_mode),
            session_id=run.session_id,
            staff_id=run.staff_id,
            status=RunStatus(run.status),
            index=run.current_index,
            started_at=run.started_at,
            updated_at=run.updated_at,
            finished_at=run.finished_at,
            signed_off_by=run.signed_off_by,
            **({"key": run.client_key} if run.client_key else {}),
            records=[
                StepRecord(
                    step_id=s.step_id,
                    state=StepState(s.state),
                    skip_reason=s.skip_reason,
                    note=s.note,
                    auto=bool(s.auto),
                    started_at=s.started_at,
                    done_at=s.done_at,
                )
                for s in steps
            ],
        )

    def _summaries(self, where: list[Any], limit: int) -> list[RunSummary]:
        r = checklist_runs.c
        st = checklist_steps.c
        resolved = (
            sa.select(sa.func.count())
            .where(st.run_id == r.id, st.state != StepState.PENDING.value)
            .scalar_subquery()
        )
        total = sa.select(sa.func.count()).where(st.run_id == r.id).scalar_subquery()
        q = (
            sa.select(
                checklist_runs,
                t.sessions.c.title.label("session_title"),
                t.staff.c.name.label("staff_name"),
                resolved.label("resolved"),
                total.label("total"),
            )
            .select_from(
                checklist_runs.outerjoin(t.sessions, t.sessions.c.id == r.session_id).outerjoin(
                    t.staff, t.staff.c.id == r.staff_id
                )
            )
            .where(*where)
            .order_by(sa.func.coalesce(r.updated_at, r.started_at).desc(), r.id.desc())
            .limit(limit)
        )
        with self._db.read() as conn:
            rows = conn.execute(q).all()
        return [
            RunSummary(
                id=x.id,
                checklist_id=x.checklist_id,
                checklist_title=x.checklist_title,
                checklist_version=x.checklist_version,
                mode=RunMode(x.mode),
                session_mode=SessionMode(x.session_mode),
                status=RunStatus(x.status),
                session_id=x.session_id,
                session_title=x.session_title,
                staff_id=x.staff_id,
                staff_name=x.staff_name,
                started_at=x.started_at,
                updated_at=x.updated_at,
                resolved=int(x.resolved),
                total=int(x.total),
                key=x.client_key,
            )
            for x in rows
        ]

    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]:
        where: list[Any] = [checklist_runs.c.status == RunStatus.IN_PROGRESS.value]
        if session_id is not None:
            where.append(checklist_runs.c.session_id == session_id)
        return self._summaries(where, 500)

    def runs(self, *, session_id: int | None = None, limit: int = 200) -> list[RunSummary]:
        where: list[Any] = []
        if session_id is not None:
            where.append(checklist_runs.c.session_id == session_id)
        return self._summaries(where, limit)

    def newest_runs(self, session_ids: Iterable[int]) -> dict[int, RunSummary]:
        """Each session's newest run (what `runs(session_id=…, limit=1)` gives), for many
        sessions in one query; sessions without a run are left out."""
        ids = sorted(set(session_ids))
        if not ids:
            return {}
        out: dict[int, RunSummary] = {}
        for run in self._summaries([checklist_runs.c.session_id.in_(ids)], NEWEST_LIMIT):
            if run.session_id is not None:
                out.setdefault(run.session_id, run)  # newest first
        return out

    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]:
        """Signed-off guided runs, per staff member, newest first."""
        r = checklist_runs.c
        st = checklist_steps.c
        signer = t.staff.alias("signer")
        trainee = t.staff.alias("trainee")
        steps = sa.select(sa.func.count()).where(st.run_id == r.id).scalar_subquery()
        skipped = (
            sa.select(sa.func.count())
            .where(st.run_id == r.id, st.state == StepState.SKIPPED.value)
            .scalar_subquery()
        )
        q = (
            sa.select(
                checklist_runs,
                trainee.c.name.label("staff_name"),
                signer.c.name.label("signer_name"),
                t.sessions.c.title.label("session_title"),
                steps.label("steps"),
                skipped.label("skipped"),
            )
            .select_from(
                checklist_runs.join(trainee, trainee.c.id == r.staff_id)
                .outerjoin(signer, signer.c.id == r.signed_off_by)
                .outerjoin(t.sessions, t.sessions.c.id == r.session_id)
            )
            .where(
                r.mode == RunMode.READ_DO.value,
                r.status == RunStatus.SIGNED_OFF.value,
                r.finished_at.is_not(None),
            )
            .order_by(trainee.c.name, r.finished_at.desc(), r.id.desc())
        )
        if staff_id is not None:
            q = q.where(r.staff_id == staff_id)
        with self._db.read() as conn:
            rows = conn.execute(q).all()
        return [
            TrainingRecord(
                run_id=x.id,
                staff_id=x.staff_id,
                staff_name=x.staff_name,
                checklist_id=x.checklist_id,
                checklist_title=x.checklist_title,
                checklist_version=x.checklist_version,
                session_mode=SessionMode(x.session_mode),
                session_id=x.session_id,
                session_title=x.session_title,
                started_at=x.started_at,
                finished_at=x.finished_at,
                signed_off_by=x.signer_name,
                steps=int(x.steps),
                skipped=int(x.skipped),
            )
            for x in rows
        ]
