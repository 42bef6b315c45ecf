"""Writing the demo network into an empty database, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from app.core.attendance import AttendanceRecord
from app.core.demo import DemoNetwork
from app.core.demo_equipment import DemoDevice
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionRow
from app.core.waiting_list import DemoRegistration, RegStatus
from app.errors import RegieError
from app.storage import schema as t
from app.storage.attendance import write_counts
from app.storage.bookings import sync_sessions
from app.storage.database import Database
from app.storage.equipment import write_demo_equipment
from app.storage.registrations import write_registrations
from app.storage.rows import SESSION_ROW_COLUMNS, SESSION_ROW_FROM, session_row


@dataclass(frozen=True, slots=True)
class DemoCounts:
    branches: int
    staff: int
    licences: int
    sessions: int


def network_is_empty(db: Database) -> bool:
    """No branch and no session yet: a fresh install that may want the demo."""
    with db.read() as conn:
        n = conn.execute(
            sa.select(
                sa.select(sa.func.count()).select_from(t.branches).scalar_subquery()
                + sa.select(sa.func.count()).select_from(t.sessions).scalar_subquery()
            )
        ).scalar_one()
    return int(n) == 0


# The attendance of the demo's sessions, from the sessions as just written.
DemoAttendance = Callable[[list[SessionRow]], Sequence[AttendanceRecord]]
# The registrations of its coming sessions, likewise.
DemoRegistrations = Callable[[list[SessionRow]], Sequence[DemoRegistration]]


def load_demo(
    db: Database,
    network: DemoNetwork,
    attendance: DemoAttendance | None = None,
    registrations: DemoRegistrations | None = None,
    equipment: Sequence[DemoDevice] = (),
) -> DemoCounts:
    """Insert the whole network, and the counts `attendance` gives for its sessions, or
    nothing: one transaction, so a demo cut short leaves the database empty and the demo
    can be loaded again. Refuses a database that already has data."""
    now = datetime.now(UTC)  # wall clock: when the row was written (audit)
    with db.begin(immediate=True) as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(t.branches)).scalar_one():
            raise RegieError(
                _N("errors", "This database already holds a network; the demo was not loaded."),
                _N("errors", "Use an empty database, e.g. regie --db demo.sqlite3 demo."),
            )
        types = dict(conn.execute(sa.select(t.session_types.c.code, t.session_types.c.id)).all())
        branch_ids: dict[str, int] = {}
        for code, name in network.branches:
            key = conn.execute(
                t.branches.insert().values(code=code, name=name)
            ).inserted_primary_key
            assert key is not None
            branch_ids[code] = int(key[0])
        staff_ids: list[int] = []
        for person in network.staff:
            key = conn.execute(
                t.staff.insert().values(
                    name=person.name,
                    branch_id=branch_ids[person.branch_code],
                    role=person.role.value,
                    email=person.email,
                )
            ).inserted_primary_key
            assert key is not None
            staff_ids.append(int(key[0]))
        licence_ids: dict[str, int] = {}
        for label, email, plan, cap, concurrent in network.licences:
            key = conn.execute(
                t.licences.insert().values(
                    label=label,
                    email=email,
                    plan=plan.value,
                    participant_cap=cap,
                    concurrent_limit=concurrent,
                )
            ).inserted_primary_key
            assert key is not None
            licence_ids[label] = int(key[0])
        if network.sessions:
            conn.execute(
                t.sessions.insert(),
                [
                    {
                        "title": s.title,
                        "type_id": types[s.type_code],
                        "branch_id": branch_ids[s.branch_code],
                        "starts_at": s.start,
                        "ends_at": s.end,
                        "mode": s.mode.value,
                        "capacity": s.capacity,
                        "host_id": staff_ids[s.host_index],
                        "licence_id": licence_ids[s.licence_label] if s.licence_label else None,
                        "status": s.status.value,
                        "notes": "",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for s in network.sessions
                ],
            )
            sync_sessions(
                conn,
                conn.execute(
                    sa.select(t.sessions.c.id).where(t.sessions.c.licence_id.is_not(None))
                ).scalars(),
            )
        write_demo_equipment(conn, equipment, branch_ids, now)
        if attendance is not None or registrations is not None:
            q = (
                sa.select(*SESSION_ROW_COLUMNS)
                .select_from(SESSION_ROW_FROM)
                .order_by(t.sessions.c.starts_at, t.sessions.c.id)
            )
            rows = [session_row(r) for r in conn.execute(q).all()]
            if attendance is not None:
                write_counts(conn, attendance(rows))
            if registrations is not None:
                write_registrations(
                    conn,
                    [
                        {
                            "session_id": r.session_id,
                            "status": r.status.value,
                            "name": r.person.name or None,
                            "email": r.person.email or None,
                            "phone": r.person.phone or None,
                            "created_at": r.created_at,
                            "cancelled_at": r.created_at
                            if r.status is RegStatus.CANCELLED
                            else None,
                        }
                        for r in registrations(rows)
                    ],
                )
    return DemoCounts(
        len(network.branches), len(network.staff), len(network.licences), len(network.sessions)
    )
