"""Registrations per session (places, waiting list, cancellations) and the queries the
forecast and the yearly survey read.

A registration row is kept for its counts; its name, e-mail and phone are blanked by the
attendance purge once the retention period is over (`attendance.forget_people`, next to
where the table is declared). Every change also writes the session's "registered" count
(source "registrations"), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from app.core.attendance import CountSource
from app.core.forecast import HeldSession
from app.core.models import SessionMode, SessionStatus
from app.core.survey import SurveySession
from app.core.waiting_list import (
    PersonDraft,
    Registration,
    RegistrationCounts,
    RegStatus,
    not_found,
    person_key,
)
from app.storage import schema as t
from app.storage.attendance import _upsert, attendance, registrations
from app.storage.database import Database
from app.storage.repositories import local_day_bounds


def _registration(r: Any) -> Registration:
    return Registration(
        id=r.id,
        session_id=r.session_id,
        status=RegStatus(r.status),
        name=r.name,
        email=r.email,
        phone=r.phone,
        created_at=r.created_at,
        cancelled_at=r.cancelled_at,
        promoted_at=r.promoted_at,
    )


def _taken(conn: sa.Connection, session_id: int) -> int:
    c = registrations.c
    return int(
        conn.execute(
            sa.select(sa.func.count()).where(
                c.session_id == session_id, c.status == RegStatus.REGISTERED.value
            )
        ).scalar_one()
    )


def _sync_count(conn: sa.Connection, session_id: int, at: datetime) -> None:
    """The session's registered count follows its registration list."""
    _upsert(
        conn,
        session_id,
        {
            "registered": _taken(conn, session_id),
            "registered_source": CountSource.REGISTRATIONS.value,
            "updated_at": at,
        },
    )


class SqlRegistrationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(self, session_id: int) -> list[Registration]:
        c = registrations.c
        q = sa.select(registrations).where(c.session_id == session_id).order_by(
            c.created_at, c.id
        )
        with self._db.read() as conn:
            return [_registration(r) for r in conn.execute(q)]

    def get(self, registration_id: int) -> Registration:
        with self._db.read() as conn:
            r = conn.execute(
                sa.select(registrations).where(registrations.c.id == registration_id)
            ).first()
        if r is None:
            raise not_found(registration_id)
        return _registration(r)

    def counts(self, session_id: int) -> RegistrationCounts:
        c = registrations.c
        q = sa.select(
            sa.func.count().filter(c.status == RegStatus.REGISTERED.value),
            sa.func.count().filter(c.status == RegStatus.WAITING.value),
            sa.func.count().filter(c.status == RegStatus.CANCELLED.value),
            sa.func.count(c.promoted_at),
        ).where(c.session_id == session_id)
        with self._db.read() as conn:
            reg, wait, canc, prom = conn.execute(q).one()
        return RegistrationCounts(int(reg), int(wait), int(canc), int(prom))

    def counts_many(self, session_ids: Sequence[int]) -> dict[int, RegistrationCounts]:
        """The counts of these sessions in one grouped query (those without any left
        out)."""
        ids = sorted(set(session_ids))
        if not ids:
            return {}
        c = registrations.c
        q = (
            sa.select(
                c.session_id,
                sa.func.count().filter(c.status == RegStatus.REGISTERED.value),
                sa.func.count().filter(c.status == RegStatus.WAITING.value),
                sa.func.count().filter(c.status == RegStatus.CANCELLED.value),
                sa.func.count(c.promoted_at),
            )
            .where(c.session_id.in_(ids))
            .group_by(c.session_id)
        )
        with self._db.read() as conn:
            return {
                sid: RegistrationCounts(int(a), int(b), int(d), int(e))
                for sid, a, b, d, e in conn.execute(q)
            }

    def add(
        self, session_id: int, people: Sequence[PersonDraft], *, limit: int, at: datetime
    ) -> list[Registration]:
        """Places first, then the waiting list; counted and written in one transaction."""
        with self._db.begin(immediate=True) as conn:
            # On PostgreSQL, the session row's lock serialises two desks adding at once.
            conn.execute(
                sa.select(t.sessions.c.id).where(t.sessions.c.id == session_id).with_for_update()
            )
            taken = _taken(conn, session_id)
            ids: list[int] = []
            for p in people:
                status = RegStatus.REGISTERED if taken < limit else RegStatus.WAITING
                taken += status is RegStatus.REGISTERED
                key = conn.execute(
                    registrations.insert().values(
                        session_id=session_id,
                        status=status.value,
                        name=p.name or None,
                        email=p.email or None,
                        phone=p.phone or None,
                        created_at=at,
                    )
                ).inserted_primary_key
                assert key is not None
                ids.append(int(key[0]))
            _sync_count(conn, session_id, at)
            rows = conn.execute(
                sa.select(registrations).where(registrations.c.id.in_(ids))
            ).all()
        by_id = {r.id: _registration(r) for r in rows}
        return [by_id[i] for i in ids]

    def cancel(self, registration_id: int, *, at: datetime) -> Registration:
        return self._set_status(registration_id, RegStatus.CANCELLED, at, cancelled_at=at)

    def promote(self, registration_id: int, *, at: datetime) -> Registration:
        return self._set_status(
            registration_id,
            RegStatus.REGISTERED,
            at,
            promoted_at=at,
            only_from=RegStatus.WAITING,
        )

    def _set_status(
        self,
        registration_id: int,
        status: RegStatus,
        at: datetime,
        *,
        only_from: RegStatus | None = None,
        **values: Any,
    ) -> Registration:
        c = registrations.c
        where = [c.id == registration_id]
        if only_from is not None:
            where.append(c.status == only_from.value)
        with self._db.begin(immediate=True) as conn:
            done = conn.execute(
                registrations.update().where(*where).values(status=status.value, **values)
            )
            if done.rowcount == 0:
                raise not_found(registration_id)
            r = conn.execute(sa.select(registrations).where(c.id == registration_id)).one()
            _sync_count(conn, r.session_id, at)
        return _registration(r)

    # ------------------------------------------------------------ forecast
    def held_sessions(self) -> list[HeldSession]:
        """Every held session with registrations and attendance known, oldest first."""
        s, a = t.sessions.c, attendance.c
        q = (
            sa.select(
                s.id,
                t.session_types.c.code,
                t.session_types.c.name,
                t.branches.c.code.label("branch_code"),
                s.starts_at,
                s.capacity,
                a.registered,
                (sa.func.coalesce(a.connected, 0) + sa.func.coalesce(a.on_site, 0)).label(
                    "attended"
                ),
            )
            .select_from(
                t.sessions.join(attendance, a.session_id == s.id)
                .join(t.session_types, t.session_types.c.id == s.type_id)
                .join(t.branches, t.branches.c.id == s.branch_id)
            )
            .where(
                s.status != SessionStatus.CANCELLED.value,
                a.registered > 0,
                sa.or_(a.connected.is_not(None), a.on_site.is_not(None)),
            )
            .order_by(s.starts_at, s.id)
        )
        with self._db.read() as conn:
            return [
                HeldSession(
                    session_id=r.id,
                    type_code=r.code,
                    type_name=r.name,
                    branch_code=r.branch_code,
                    start=r.starts_at,
                    capacity=r.capacity,
                    registered=int(r.registered),
                    attended=int(r.attended),
                )
                for r in conn.execute(q)
            ]

    # ------------------------------------------------------------ survey
    def survey_sessions(self, year: int) -> list[SurveySession]:
        """The sessions starting in this local calendar year, with counts and the person
        keys of their registrations (waiting and cancelled ones left out)."""
        lo = local_day_bounds(date(year, 1, 1))[0]
        hi = local_day_bounds(date(year, 12, 31))[1]
        s, a, r = t.sessions.c, attendance.c, registrations.c
        q = (
            sa.select(
                s.id,
                t.session_types.c.code.label("type_code"),
                t.session_types.c.name.label("type_name"),
                t.branches.c.code.label("branch_code"),
                t.branches.c.name.label("branch_name"),
                s.status,
                s.mode,
                s.starts_at,
                s.ends_at,
                a.registered,
                a.connected,
                a.on_site,
            )
            .select_from(
                t.sessions.outerjoin(attendance, a.session_id == s.id)
                .join(t.session_types, t.session_types.c.id == s.type_id)
                .join(t.branches, t.branches.c.id == s.branch_id)
            )
            .where(s.starts_at >= lo, s.starts_at < hi)
            .order_by(s.starts_at, s.id)
        )
        people = (
            sa.select(r.session_id, r.name, r.email, r.phone)
            .select_from(registrations.join(t.sessions, s.id == r.session_id))
            .where(
                s.starts_at >= lo,
                s.starts_at < hi,
                r.status == RegStatus.REGISTERED.value,
            )
        )
        keys: dict[int, set[str]] = {}
        anonymous: dict[int, int] = {}
        with self._db.read() as conn:
            rows = conn.execute(q).all()
            for p in conn.execute(people):
                key = person_key(p.name, p.email, p.phone)
                if key is None:
                    anonymous[p.session_id] = anonymous.get(p.session_id, 0) + 1
                else:
                    keys.setdefault(p.session_id, set()).add(key)
        return [
            SurveySession(
                session_id=x.id,
                type_code=x.type_code,
                type_name=x.type_name,
                branch_code=x.branch_code,
                branch_name=x.branch_name,
                status=SessionStatus(x.status),
                mode=SessionMode(x.mode),
                start=x.starts_at,
                end=x.ends_at,
                registered=x.registered,
                connected=x.connected,
                on_site=x.on_site,
                registrants=frozenset(keys.get(x.id, ())),
                anonymous_registrants=anonymous.get(x.id, 0),
            )
            for x in rows
        ]


def write_registrations(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Bulk registrations in the caller's transaction (the demo network), with each
    session's registered count following."""
    if not rows:
        return
    conn.execute(registrations.insert(), list(rows))
    at = max(r["created_at"] for r in rows)
    for session_id in sorted({r["session_id"] for r in rows}):
        _sync_count(conn, session_id, at)
