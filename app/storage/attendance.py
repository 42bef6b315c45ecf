"""Attendance tables and their repository; counts are kept, people are purged.

`attendance` holds one row of counts per session, forever. `attendance_people` holds the
names and e-mails of imported files only, until the retention period ends. Imports
replace a session's people and counts in one transaction: all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.core.attendance import (
    AttendanceRecord,
    CountSource,
    ParticipantReport,
    Person,
    Progress,
)
from app.core.registrations import Registrant, RegistrationList
from app.core.report import (
    DayGrouping,
    ReportCell,
    ReportData,
    ReportFilter,
    offset_segments,
)
from app.storage import schema as t
from app.storage.bulk import insert_columns
from app.storage.database import Database
from app.storage.repositories import local_day_bounds
from app.storage.schema import UtcDateTime, metadata

attendance = sa.Table(
    "attendance",
    metadata,
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("registered", sa.Integer, nullable=True),
    sa.Column("connected", sa.Integer, nullable=True),
    sa.Column("on_site", sa.Integer, nullable=True),
    sa.Column("registered_source", sa.String(16), nullable=True),
    sa.Column("connected_source", sa.String(16), nullable=True),
    sa.Column("peak_concurrent", sa.Integer, nullable=True),
    sa.Column("median_minutes", sa.Float, nullable=True),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.CheckConstraint(
        "(registered IS NULL OR registered >= 0) AND (connected IS NULL OR connected >= 0)"
        " AND (on_site IS NULL OR on_site >= 0)",
        name="counts_non_negative",
    ),
)

attendance_people = sa.Table(
    "attendance_people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(200), nullable=True),
    sa.Column("minutes", sa.Integer, nullable=True),
    sa.Column("first_join", UtcDateTime(), nullable=True),
    sa.Column("last_leave", UtcDateTime(), nullable=True),
    sa.Column("connections", sa.Integer, nullable=False, server_default="1"),
    sa.Column("imported_at", UtcDateTime(), nullable=False, index=True),
    sa.CheckConstraint("kind IN ('attendee', 'registrant')", name="kind"),
)

# A session's registrations (app.storage.registrations); here because the purge below
# blanks their personal data with the imported people's.
registrations = sa.Table(
    "registrations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("name", sa.String(200), nullable=True),
    sa.Column("email", sa.String(200), nullable=True),
    sa.Column("phone", sa.String(200), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False, index=True),
    sa.Column("cancelled_at", UtcDateTime(), nullable=True),
    sa.Column("promoted_at", UtcDateTime(), nullable=True),
    sa.CheckConstraint("status IN ('registered', 'waiting', 'cancelled')", name="status"),
)


ATTENDEE = "attendee"
_CHUNK = 2_000  # people written between two progress reports
REGISTRANT = "registrant"


class epoch_seconds(FunctionElement[int]):  # noqa: N801 - SQL function style
    """Seconds since 1970 of a UtcDateTime column, on SQLite and PostgreSQL alike."""

    type = sa.BigInteger()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # julianday() is several times faster than strftime('%s'); +0.5 rounds away the
    # floating-point error so a session at 10:00:00 is not counted at 09:59:59.
    value = compiler.process(element.clauses, **kw)
    return f"CAST((julianday({value}) - 2440587.5) * 86400 + 0.5 AS INTEGER)"


@compiles(epoch_seconds)
def _epoch_default(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) AS BIGINT)"


def _people_columns(
    session_id: int, kind: str, people: Sequence[Person] | Sequence[Registrant], at: datetime
) -> dict[str, Any]:
    """What every imported person's row holds, as `insert_columns` takes it."""
    return {
        "session_id": session_id,
        "kind": kind,
        "name": [p.name[:200] for p in people],
        "email": [p.email[:200] if p.email else None for p in people],
        "imported_at": at,
    }


class SqlAttendanceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -------------------------------------------------------------- counts
    def get(self, session_id: int) -> AttendanceRecord | None:
        with self._db.read() as conn:
            r = conn.execute(
                sa.select(attendance).where(attendance.c.session_id == session_id)
            ).first()
        return None if r is None else _record(r)

    def get_many(self, session_ids: Iterable[int]) -> dict[int, AttendanceRecord]:
        """The counts of these sessions, in one query (those without any left out)."""
        ids = sorted(set(session_ids))
        if not ids:
            return {}
        with self._db.read() as conn:
            rows = conn.execute(
                sa.select(attendance).where(attendance.c.session_id.in_(ids))
            ).all()
        return {r.session_id: _record(r) for r in rows}

    def set_counts(
        self,
        session_id: int,
        *,
        registered: int | None,
        connected: int | None,
        on_site: int | None,
        at: datetime,
    ) -> AttendanceRecord:
        values: dict[str, Any] = {"updated_at": at}
        if registered is not None:
            values |= {"registered": registered, "registered_source": CountSource.TYPED.value}
        if connected is not None:
            values |= {"connected": connected, "connected_source": CountSource.TYPED.value}
        if on_site is not None:
            values["on_site"] = on_site
        with self._db.begin(immediate=True) as conn:
            _upsert(conn, session_id, values)
            return _record(_fetch(conn, session_id))

    def save_participants(
        self,
        session_id: int,
        report: ParticipantReport,
        *,
        at: datetime,
        progress: Progress | None = None,
    ) -> AttendanceRecord:
        values = {
            "connected": report.unique_attendees,
            "connected_source": CountSource.ZOOM.value,
            "peak_concurrent": report.peak_concurrent,
            "median_minutes": report.median_minutes,
            "updated_at": at,
        }
        people = report.attendees
        columns = _people_columns(session_id, ATTENDEE, people, at) | {
            "minutes": [p.minutes for p in people],
            "first_join": [p.first_join for p in people],
            "last_leave": [p.last_leave for p in people],
            "connections": [p.connections for p in people],
        }
        return self._replace(session_id, ATTENDEE, values, columns, len(people), progress)

    def save_registrations(
        self,
        session_id: int,
        registrations: RegistrationList,
        *,
        at: datetime,
        progress: Progress | None = None,
    ) -> AttendanceRecord:
        values = {
            "registered": registrations.count,
            "registered_source": CountSource.REGISTRATIONS.value,
            "updated_at": at,
        }
        people = registrations.registrants
        columns = _people_columns(session_id, REGISTRANT, people, at) | {"connections": 1}
        return self._replace(session_id, REGISTRANT, values, columns, len(people), progress)

    def _replace(
        self,
        session_id: int,
        kind: str,
        values: dict[str, Any],
        columns: dict[str, Any],
        total: int,
        progress: Progress | None = None,
    ) -> AttendanceRecord:
        """One transaction: the counts, the old people out, the new ones in (by chunks,
        so that `progress` hears from a long import), or nothing at all. `columns` as
        `insert_columns` takes them, `total` rows long."""
        p = attendance_people.c
        with self._db.begin(immediate=True) as conn:
            _upsert(conn, session_id, values)
            conn.execute(
                attendance_people.delete().where(p.session_id == session_id, p.kind == kind)
            )
            for done in range(0, total, _CHUNK):
                insert_columns(conn, attendance_people, {
                    name: v[done : done + _CHUNK] if isinstance(v, list) else v
                    for name, v in columns.items()
                })
                if progress is not None:
                    progress(min(done + _CHUNK, total), total)
            return _record(_fetch(conn, session_id))

    def people(self, session_id: int) -> list[tuple[str, Person]]:
        p = attendance_people.c
        q = (
            sa.select(attendance_people)
            .where(p.session_id == session_id)
            .order_by(p.kind, p.name, p.id)
        )
        with self._db.read() as conn:
            rows = conn.execute(q).all()
        return [
            (
                r.kind,
                Person(
                    name=r.name,
                    email=r.email,
                    minutes=r.minutes,
                    first_join=r.first_join,
                    last_leave=r.last_leave,
                    connections=r.connections,
                ),
            )
            for r in rows
        ]

    def imported(self, session_id: int, source: CountSource) -> tuple[int, datetime | None]:
        """How many people the session's last import of this kind holds, and when it was
        imported (0 and None when there is none, or its names were purged)."""
        p = attendance_people.c
        kind = ATTENDEE if source is CountSource.ZOOM else REGISTRANT
        q = sa.select(sa.func.count(), sa.func.max(p.imported_at)).where(
            p.session_id == session_id, p.kind == kind
        )
        with self._db.read() as conn:
            count, at = conn.execute(q).one()
        return int(count), at

    def purge_people(self, imported_before: datetime) -> int:
        """Forget imported people and the personal data of registrations taken before the
        cutoff, in one transaction; returns how many people were forgotten."""
        with self._db.begin() as conn:
            res = conn.execute(
                attendance_people.delete().where(attendance_people.c.imported_at < imported_before)
            )
            forgotten = forget_people(conn, imported_before)
        return int(res.rowcount or 0) + forgotten

    def write_many(self, records: Iterable[AttendanceRecord]) -> int:
        """Bulk counts (the demo network); existing rows of those sessions are replaced."""
        with self._db.begin() as conn:
            return write_counts(conn, records)

    # -------------------------------------------------------------- report
    def report_data(self, flt: ReportFilter, tz: tzinfo | None = None) -> ReportData:
        """Grouped queries only: sums per type × branch, and sessions per local day."""
        s = t.sessions.c
        a = attendance.c
        # Held: marked done, or someone was counted there. Registrations alone come in
        # before a session and say nothing about whether it took place.
        where: list[sa.ColumnElement[bool]] = [
            s.status != "cancelled",
            sa.or_(s.status == "done", a.connected.is_not(None), a.on_site.is_not(None)),
        ]
        if flt.branch_id is not None:
            where.append(s.branch_id == flt.branch_id)
        if flt.date_from is not None:
            where.append(s.starts_at >= local_day_bounds(flt.date_from)[0])
        if flt.date_to is not None:
            where.append(s.starts_at < local_day_bounds(flt.date_to)[1])
        joined = t.sessions.outerjoin(attendance, a.session_id == s.id)
        attended = sa.func.coalesce(a.connected, 0) + sa.func.coalesce(a.on_site, 0)
        known = sa.and_(
            a.registered > 0, sa.or_(a.connected.is_not(None), a.on_site.is_not(None))
        )
        sums = (
            sa.select(
                s.type_id,
                s.branch_id,
                sa.func.count().label("sessions"),
                sa.func.count(a.session_id).label("with_attendance"),
                sa.func.coalesce(sa.func.sum(a.registered), 0).label("registered"),
                sa.func.coalesce(sa.func.sum(a.connected), 0).label("connected"),
                sa.func.coalesce(sa.func.sum(a.on_site), 0).label("on_site"),
                sa.func.coalesce(
                    sa.func.sum(sa.case((known, a.registered), else_=0)), 0
                ).label("ns_registered"),
                sa.func.coalesce(
                    sa.func.sum(
                        sa.case(
                            (sa.and_(known, a.registered > attended), a.registered - attended),
                            else_=0,
                        )
                    ),
                    0,
                ).label("ns_missing"),
            )
            .select_from(joined)
            .where(*where)
            .group_by(s.type_id, s.branch_id)
        )
        with self._db.read() as conn:
            types = {
                r.id: r
                for r in conn.execute(
                    sa.select(t.session_types).order_by(
                        t.session_types.c.position, t.session_types.c.id
                    )
                )
            }
            branches = {r.id: r for r in conn.execute(sa.select(t.branches))}
            rows = conn.execute(sums).all()
            day_counts = self._day_counts(conn, joined, where, tz)
        cells = [
            ReportCell(
                type_code=types[r.type_id].code,
                type_name=types[r.type_id].name,
                type_position=types[r.type_id].position,
                branch_code=branches[r.branch_id].code,
                branch_name=branches[r.branch_id].name,
                sessions=int(r.sessions),
                with_attendance=int(r.with_attendance),
                registered=int(r.registered),
                connected=int(r.connected),
                on_site=int(r.on_site),
                ns_registered=int(r.ns_registered),
                ns_missing=int(r.ns_missing),
            )
            for r in rows
        ]
        label = (
            branches[flt.branch_id].name
            if flt.branch_id is not None and flt.branch_id in branches
            else None
        )
        return ReportData(
            cells=cells,
            day_counts=day_counts,
            types=[(r.code, r.name) for r in types.values() if r.active],
            branch_label=label,
        )


    @staticmethod
    def _day_counts(
        conn: sa.Connection,
        joined: sa.FromClause,
        where: list[sa.ColumnElement[bool]],
        tz: tzinfo | None,
    ) -> list[tuple[int, int]]:
        """Sessions per local day, exact across daylight-saving changes.

        The database groups by day under the period's smallest UTC offset, with no
        per-row look-up of the offset; only sessions in the last hour or so of such a day
        (where a larger offset could move them to the next) are grouped finer. A few
        thousand groups, even over ten years, are placed on their local days here (see
        `DayGrouping`)."""
        starts = t.sessions.c.starts_at
        bounds = sa.select(
            sa.select(sa.func.min(starts)).scalar_subquery(),  # two index look-ups
            sa.select(sa.func.max(starts)).scalar_subquery(),
        )
        first, last = conn.execute(bounds).one()
        if first is None or last is None:
            return []
        grouping = DayGrouping.over(
            offset_segments(int(first.timestamp()), int(last.timestamp()), tz)
        )
        local = epoch_seconds(starts) + grouping.base
        day = (local // 86400).label("day")
        tail: sa.ColumnElement[int]
        if grouping.span:
            rest = local % 86400
            tail = sa.case(
                (rest >= 86400 - grouping.span, rest // grouping.size), else_=-1
            ).label("tail")
        else:
            tail = sa.literal(-1, sa.Integer).label("tail")
        q = (
            sa.select(day, tail, sa.func.count())
            .select_from(joined)
            .where(*where)
            .group_by(day, tail)
        )
        # Fetched whole, in C: a few thousand groups a row at a time cost more than the query.
        return grouping.local_days([(int(d), int(b), int(n)) for d, b, n in conn.execute(q).all()])


def _fetch(conn: sa.Connection, session_id: int) -> sa.Row[Any]:
    return conn.execute(sa.select(attendance).where(attendance.c.session_id == session_id)).one()


def _upsert(conn: sa.Connection, session_id: int, values: dict[str, Any]) -> None:
    done = conn.execute(
        attendance.update().where(attendance.c.session_id == session_id).values(**values)
    )
    if done.rowcount == 0:
        conn.execute(attendance.insert().values(session_id=session_id, **values))


def _values(r: AttendanceRecord) -> dict[str, Any]:
    assert r.updated_at is not None
    return {
        "session_id": r.session_id,
        "registered": r.registered,
        "connected": r.connected,
        "on_site": r.on_site,
        "registered_source": r.registered_source.value if r.registered_source else None,
        "connected_source": r.connected_source.value if r.connected_source else None,
        "peak_concurrent": r.peak_concurrent,
        "median_minutes": r.median_minutes,
        "updated_at": r.updated_at,
    }


def _record(r: sa.Row[Any]) -> AttendanceRecord:
    return AttendanceRecord(
        session_id=r.session_id,
        registered=r.registered,
        connected=r.connected,
        on_site=r.on_site,
        registered_source=CountSource(r.registered_source) if r.registered_source else None,
        connected_source=CountSource(r.connected_source) if r.connected_source else None,
        peak_concurrent=r.peak_concurrent,
        median_minutes=r.median_minutes,
        updated_at=r.updated_at,
    )


def write_counts(conn: sa.Connection, records: Iterable[AttendanceRecord]) -> int:
    """Bulk counts in the caller's transaction; existing rows of those sessions are
    replaced."""
    rows = [_values(r) for r in records]
    if not rows:
        return 0
    ids = [r["session_id"] for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(attendance.delete().where(attendance.c.session_id.in_(chunk)))
    conn.execute(attendance.insert(), rows)
    return len(rows)


def write_demo_attendance(db: Database, records: Sequence[AttendanceRecord]) -> int:
    """Store the demo generator's counts (`app.core.attendance.demo_attendance`)."""
    return SqlAttendanceRepository(db).write_many(records)


def forget_people(conn: sa.Connection, before: datetime) -> int:
    """Blank the name, e-mail and phone of registrations taken before `before` (the
    retention cutoff); the rows stay, for the counts."""
    c = registrations.c
    done = conn.execute(
        registrations.update()
        .where(
            c.created_at < before,
            sa.or_(c.name.is_not(None), c.email.is_not(None), c.phone.is_not(None)),
        )
        .values(name=None, email=None, phone=None)
    )
    return int(done.rowcount or 0)
