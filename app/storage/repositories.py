"""SQL implementations of the core's repository Protocols.

Lists are read with Core selects into tuples (not ORM objects): the sessions table is
listed often and can hold years of history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa

from app.core.checks import CheckKind, CheckResult, SavedCheck
from app.core.clock import Clock, now_local
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import (
    Branch,
    Licence,
    LicencePlan,
    Session,
    SessionDraft,
    SessionFilter,
    SessionMode,
    SessionRow,
    SessionStatus,
    SessionType,
    Staff,
    StaffRole,
)
from app.errors import NotFoundError, ValidationError
from app.storage import schema as t
from app.storage.bookings import check_running, rebook, retrying, session_booking
from app.storage.database import Database
from app.storage.equipment import resolve_device
from app.storage.rows import (
    SESSION_ROW_COLUMNS,
    SESSION_ROW_FROM,
    licence_from_row,
    saved_check,
    session_row,
)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """[00:00, next 00:00) of a local calendar day, as aware datetimes."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start, end


class SqlReferenceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def branches(self) -> list[Branch]:
        with self._db.read() as conn:
            rows = conn.execute(sa.select(t.branches).order_by(t.branches.c.name)).all()
        return [Branch(id=r.id, code=r.code, name=r.name) for r in rows]

    def session_types(self, *, include_inactive: bool = False) -> list[SessionType]:
        q = sa.select(t.session_types).order_by(t.session_types.c.position, t.session_types.c.id)
        if not include_inactive:
            q = q.where(t.session_types.c.active.is_(True))
        with self._db.read() as conn:
            rows = conn.execute(q).all()
        return [
            SessionType(id=r.id, code=r.code, name=r.name, position=r.position, active=r.active)
            for r in rows
        ]

    def staff(self) -> list[Staff]:
        with self._db.read() as conn:
            rows = conn.execute(sa.select(t.staff).order_by(t.staff.c.name)).all()
        return [
            Staff(
                id=r.id,
                name=r.name,
                branch_id=r.branch_id,
                role=StaffRole(r.role),
                email=r.email,
                active=r.active,
            )
            for r in rows
        ]

    def licences(self) -> list[Licence]:
        with self._db.read() as conn:
            rows = conn.execute(sa.select(t.licences).order_by(t.licences.c.label)).all()
        return [licence_from_row(r) for r in rows]

    def add_branch(self, code: str, name: str) -> int:
        return self._insert(t.branches, {"code": code, "name": name}, "branch")

    def add_session_type(self, code: str, name: str) -> int:
        with self._db.begin() as conn:
            pos = conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(t.session_types.c.position), -1))
            ).scalar_one()
            return _insert_id(
                conn, t.session_types, {"code": code, "name": name, "position": pos + 1}, "type"
            )

    def rename_session_type(self, type_id: int, name: str) -> None:
        self._update(t.session_types, type_id, {"name": name})

    def set_session_type_active(self, type_id: int, active: bool) -> None:
        self._update(t.session_types, type_id, {"active": active})

    def add_staff(self, name: str, branch_id: int, role: str, email: str | None = None) -> int:
        values = {"name": name, "branch_id": branch_id, "role": StaffRole(role).value}
        return self._insert(t.staff, {**values, "email": email}, "staff")

    def add_licence(
        self,
        label: str,
        email: str,
        plan: LicencePlan,
        participant_cap: int,
        concurrent_limit: int = 1,
        branch_id: int | None = None,
    ) -> int:
        values = {
            "label": label,
            "email": email,
            "plan": plan.value,
            "participant_cap": participant_cap,
            "concurrent_limit": concurrent_limit,
            "branch_id": branch_id,
        }
        return self._insert(t.licences, values, "licence")

    def _insert(self, table: sa.Table, values: dict[str, Any], what: str) -> int:
        with self._db.begin() as conn:
            return _insert_id(conn, table, values, what)

    def _update(self, table: sa.Table, row_id: int, values: dict[str, Any]) -> None:
        with self._db.begin() as conn:
            done = conn.execute(table.update().where(table.c.id == row_id).values(**values))
            if done.rowcount == 0:
                raise NotFoundError(_N("errors", "This item no longer exists."))


def _insert_id(conn: sa.Connection, table: sa.Table, values: dict[str, Any], what: str) -> int:
    try:
        with conn.begin_nested():
            result = conn.execute(table.insert().values(**values))
    except sa.exc.IntegrityError as err:
        raise ValidationError(
            what,
            _N("errors", "This name or code is already used."),
            _N("errors", "Choose another name."),
        ) from err
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def session_filter_clauses(flt: SessionFilter) -> list[sa.ColumnElement[bool]]:
    """WHERE clauses for a SessionFilter; reused by features that list sessions."""
    c = t.sessions.c
    where: list[sa.ColumnElement[bool]] = []
    if flt.branch_id is not None:
        where.append(c.branch_id == flt.branch_id)
    if flt.type_id is not None:
        where.append(c.type_id == flt.type_id)
    if flt.date_from is not None:
        where.append(c.starts_at >= local_day_bounds(flt.date_from)[0])
    if flt.date_to is not None:
        where.append(c.starts_at < local_day_bounds(flt.date_to)[1])
    if flt.statuses:
        where.append(c.status.in_(sorted(s.value for s in flt.statuses)))
    if flt.text.strip():
        needle = f"%{flt.text.strip().lower()}%"
        where.append(sa.func.lower(c.title).like(needle))
    return where


class SqlSessionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_rows(
        self,
        flt: SessionFilter,
        *,
        today: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[SessionRow]:
        """By start time; with `today`, today-first (`app.core.sessions.today_first`'s
        order): the sessions from today on, soonest first, then the past ones, latest
        first, each part read along the start-time index, so that a first page costs
        a few rows whatever the list's length."""
        starts, sid = t.sessions.c.starts_at, t.sessions.c.id
        q = sa.select(*SESSION_ROW_COLUMNS).select_from(SESSION_ROW_FROM)
        q = q.where(*session_filter_clauses(flt))
        with self._db.read() as conn:

            def read(part: sa.Select[Any], skip: int, take: int | None) -> list[SessionRow]:
                part = part.offset(skip) if skip else part
                part = part.limit(take) if take is not None else part
                return [session_row(r) for r in conn.execute(part).all()]

            if today is None:
                return read(q.order_by(starts, sid), offset, limit)
            lo = local_day_bounds(today)[0]
            rows = read(q.where(starts >= lo).order_by(starts, sid), offset, limit)
            if limit is not None and len(rows) >= limit:
                return rows
            if rows or not offset:
                coming = offset + len(rows)  # the coming part ended within this page
            else:
                coming = conn.execute(
                    sa.select(sa.func.count()).select_from(
                        q.where(starts >= lo).with_only_columns(sid).subquery()
                    )
                ).scalar_one()
            past = q.where(starts < lo).order_by(starts.desc(), sid)
            return rows + read(
                past, max(0, offset - coming), None if limit is None else limit - len(rows)
            )

    def row(self, session_id: int) -> SessionRow:
        q = (
            sa.select(*SESSION_ROW_COLUMNS)
            .select_from(SESSION_ROW_FROM)
            .where(t.sessions.c.id == session_id)
        )
        with self._db.read() as conn:
            r = conn.execute(q).first()
        if r is None:
            raise _missing(session_id)
        return session_row(r)

    def get(self, session_id: int) -> Session:
        with self._db.read() as conn:
            r = conn.execute(sa.select(t.sessions).where(t.sessions.c.id == session_id)).first()
        if r is None:
            raise _missing(session_id)
        return Session(
            id=r.id,
            title=r.title,
            type_id=r.type_id,
            branch_id=r.branch_id,
            start=r.starts_at,
            end=r.ends_at,
            mode=SessionMode(r.mode),
            capacity=r.capacity,
            host_id=r.host_id,
            licence_id=r.licence_id,
            status=SessionStatus(r.status),
            notes=r.notes,
        )

    def add(self, draft: SessionDraft) -> int:
        return self.add_many([draft])[0]

    def add_many(self, drafts: Iterable[SessionDraft]) -> list[int]:
        """All or nothing: one transaction for the whole batch. A session created with a
        licence books it under the licence rules, like an assignment."""
        drafts = list(drafts)
        booking = any(d.licence_id is not None for d in drafts)
        return retrying(lambda tried: self._add_many(drafts, booking, tried))

    def _add_many(
        self, drafts: list[SessionDraft], booking: bool, tried: list[Licence]
    ) -> list[int]:
        now = datetime.now(UTC)  # wall clock: when the row was written (audit)
        ids: list[int] = []
        with self._db.begin(immediate=booking) as conn:
            for d in drafts:
                res = conn.execute(
                    t.sessions.insert().values(**_values(d), created_at=now, updated_at=now)
                )
                key = res.inserted_primary_key
                assert key is not None
                ids.append(int(key[0]))
                if d.licence_id is not None:
                    rebook(conn, ids[-1], None, tried)
                    check_running(conn, ids[-1])
        return ids

    def update(self, session_id: int, draft: SessionDraft) -> None:
        """Write the session, then check its licence again in the same transaction: new
        times, a larger capacity or another branch may no longer fit the licence."""
        retrying(lambda tried: self._write(session_id, tried, **_values(draft)))

    def discard(self, session_id: int) -> None:
        """Delete a session created a moment ago whose save could not be completed; its
        licence hold and meeting go with it (the foreign keys cascade)."""
        with self._db.begin() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.id == session_id))

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        """A cancelled session planned again books its licence anew, under the rules."""
        retrying(lambda tried: self._write(session_id, tried, status=status.value))

    def _write(self, session_id: int, tried: list[Licence], **values: Any) -> None:
        # SQLite: the write lock first, so the check and the hold cannot interleave with
        # another booking; PostgreSQL: the exclusion constraint guards the holds.
        with self._db.begin(immediate=True) as conn:
            before = session_booking(conn, session_id)
            if before is None:
                raise _missing(session_id)
            conn.execute(
                t.sessions.update()
                .where(t.sessions.c.id == session_id)
                # wall clock: when the row was written (audit)
                .values(**values, updated_at=datetime.now(UTC))
            )
            rebook(conn, session_id, before, tried)
            check_running(conn, session_id)

    def count(self) -> int:
        with self._db.read() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(t.sessions)).scalar_one()
            )


def _values(d: SessionDraft) -> dict[str, Any]:
    return {
        "title": d.title,
        "type_id": d.type_id,
        "branch_id": d.branch_id,
        "starts_at": d.start,
        "ends_at": d.end,
        "mode": d.mode.value,
        "capacity": d.capacity,
        "host_id": d.host_id,
        "licence_id": d.licence_id,
        "status": d.status.value,
        "notes": d.notes,
    }


def _missing(session_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "Session {id} does not exist."),
        _N("errors", "Check the number with “regie sessions list”."),
        id=session_id,
    )


class SqlCheckRepository:
    def __init__(self, db: Database, clock: Clock = now_local) -> None:
        self._db = db
        self._clock = clock  # when a result is saved without its own time

    def save(
        self,
        result: CheckResult,
        *,
        operator: str,
        staff_id: int | None = None,
        session_id: int | None = None,
        at: datetime | None = None,
    ) -> int:
        values = {
            "kind": result.kind.value,
            "device": result.device[:200],
            "device_key": (result.device_key or result.device)[:200],
            "verdict": result.verdict.value,
            "result": result.as_json(),
            "operator": operator[:120],
            "staff_id": staff_id,
            "session_id": session_id,
            "created_at": (at or self._clock()).astimezone(UTC),
        }
        with self._db.begin() as conn:
            values["device_id"] = resolve_device(
                conn, result.kind, str(values["device_key"]), result.device, result.metrics
            )
            key = conn.execute(t.device_checks.insert().values(**values)).inserted_primary_key
        assert key is not None
        return int(key[0])

    def latest_for_session(self, session_id: int) -> list[SavedCheck]:
        """The newest result of each kind for a session (its readiness)."""
        return self.latest_for_sessions([session_id]).get(session_id, [])

    def latest_for_sessions(self, session_ids: Iterable[int]) -> dict[int, list[SavedCheck]]:
        """The newest result of each kind for each of these sessions, in one query: a
        day's desk reads them all at once. Sessions never checked are left out."""
        ids = sorted(set(session_ids))
        if not ids:
            return {}
        c = t.device_checks.c
        newest = (
            sa.select(sa.func.max(c.id))
            .where(c.session_id.in_(ids))
            .group_by(c.session_id, c.kind)
        )
        q = sa.select(t.device_checks).where(c.id.in_(newest))
        with self._db.read() as conn:
            rows = conn.execute(q).all()
        out: dict[int, list[SavedCheck]] = {}
        for r in rows:
            out.setdefault(r.session_id, []).append(saved_check(r))
        for checks in out.values():
            checks.sort(key=lambda s: s.kind.value)
        return out

    def history_device(self, check_id: int) -> int | None:
        """The inventory record a saved result was filed under, if any."""
        c = t.device_checks.c
        with self._db.read() as conn:
            found = conn.execute(sa.select(c.device_id).where(c.id == check_id)).scalar()
        return None if found is None else int(found)

    def history(
        self, *, kind: CheckKind | None = None, device_key: str | None = None, limit: int = 100
    ) -> list[SavedCheck]:
        c = t.device_checks.c
        q = sa.select(t.device_checks).order_by(c.id.desc()).limit(limit)
        if kind is not None:
            q = q.where(c.kind == kind.value)
        if device_key is not None:
            q = q.where(c.device_key == device_key)
        with self._db.read() as conn:
            return [saved_check(r) for r in conn.execute(q)]


class SqlSettingsRepository:
    """Network-wide settings (retention period…): shared by every machine on the database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        with self._db.read() as conn:
            v = conn.execute(
                sa.select(t.settings.c.value).where(t.settings.c.key == key)
            ).scalar_one_or_none()
        return default if v is None else str(v)

    def set(self, key: str, value: str) -> None:
        with self._db.begin() as conn:
            done = conn.execute(
                t.settings.update().where(t.settings.c.key == key).values(value=value)
            )
            if done.rowcount == 0:
                conn.execute(t.settings.insert().values(key=key, value=value))
