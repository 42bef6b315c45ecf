"""The last known sessions, licence bookings, staff and session types, kept to be shown
read-only (and to start checklists) while the network database cannot be reached.

Pure data: turning a snapshot into JSON and back, and filtering its rows the way the
database would, so the desk offers the same filters offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from app.core.licences import Booking
from app.core.models import (
    Licence,
    LicencePlan,
    SessionFilter,
    SessionMode,
    SessionRow,
    SessionStatus,
    SessionType,
    Staff,
    StaffRole,
)

SNAPSHOT_VERSION = 1  # staff and types were added later, optional on reading


@dataclass(frozen=True, slots=True)
class Snapshot:
    database: str  # the server it was taken from (never shown for another one)
    taken_at: datetime
    rows: list[SessionRow] = field(default_factory=list)
    licences: list[Licence] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    session_types: list[SessionType] = field(default_factory=list)

    def row(self, session_id: int) -> SessionRow | None:
        return next((r for r in self.rows if r.id == session_id), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": SNAPSHOT_VERSION,
            "database": self.database,
            "taken_at": self.taken_at.isoformat(),
            "sessions": [_row_json(r) for r in self.rows],
            "licences": [_licence_json(lic) for lic in self.licences],
            "bookings": [_booking_json(b) for b in self.bookings],
            "staff": [_staff_json(p) for p in self.staff],
            "session_types": [_type_json(st) for st in self.session_types],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        """Raises ValueError (or KeyError/TypeError) on a file of another shape."""
        if data.get("version") != SNAPSHOT_VERSION:
            raise ValueError("unknown snapshot version")
        return cls(
            database=str(data["database"]),
            taken_at=datetime.fromisoformat(data["taken_at"]),
            rows=[_row(d) for d in data["sessions"]],
            licences=[_licence(d) for d in data["licences"]],
            bookings=[_booking(d) for d in data["bookings"]],
            staff=[_staff(d) for d in data.get("staff", [])],
            session_types=[SessionType(**d) for d in data.get("session_types", [])],
        )


def filter_rows(rows: Iterable[SessionRow], flt: SessionFilter) -> list[SessionRow]:
    """The rows a database query with this filter would return, order kept."""
    needle = flt.text.strip().lower()
    lo = _day_start(flt.date_from) if flt.date_from is not None else None
    hi = _day_start(flt.date_to + timedelta(days=1)) if flt.date_to is not None else None
    out = []
    for r in rows:
        if flt.branch_id is not None and r.branch_id != flt.branch_id:
            continue
        if flt.type_id is not None and r.type_id != flt.type_id:
            continue
        if lo is not None and r.start < lo:
            continue
        if hi is not None and r.start >= hi:
            continue
        if flt.statuses and r.status not in flt.statuses:
            continue
        if needle and needle not in r.title.lower():
            continue
        out.append(r)
    return out


def is_unfiltered(flt: SessionFilter) -> bool:
    return flt == SessionFilter()


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def _row_json(r: SessionRow) -> dict[str, Any]:
    d = r._asdict()
    d["start"] = r.start.isoformat()
    d["end"] = r.end.isoformat()
    d["mode"] = r.mode.value
    d["status"] = r.status.value
    return d


def _row(d: dict[str, Any]) -> SessionRow:
    values = dict(d)
    values["start"] = datetime.fromisoformat(d["start"])
    values["end"] = datetime.fromisoformat(d["end"])
    values["mode"] = SessionMode(d["mode"])
    values["status"] = SessionStatus(d["status"])
    return SessionRow(**values)


def _licence_json(lic: Licence) -> dict[str, Any]:
    return {
        "id": lic.id,
        "label": lic.label,
        "email": lic.email,
        "plan": lic.plan.value,
        "participant_cap": lic.participant_cap,
        "concurrent_limit": lic.concurrent_limit,
        "branch_id": lic.branch_id,
        "active": lic.active,
    }


def _licence(d: dict[str, Any]) -> Licence:
    return Licence(**{**d, "plan": LicencePlan(d["plan"])})


def _booking_json(b: Booking) -> dict[str, Any]:
    return {
        "session_id": b.session_id,
        "title": b.title,
        "branch_id": b.branch_id,
        "start": b.start.isoformat(),
        "end": b.end.isoformat(),
        "capacity": b.capacity,
        "licence_id": b.licence_id,
        "status": b.status.value,
    }


def _booking(d: dict[str, Any]) -> Booking:
    return Booking(
        **{
            **d,
            "start": datetime.fromisoformat(d["start"]),
            "end": datetime.fromisoformat(d["end"]),
            "status": SessionStatus(d["status"]),
        }
    )


def _staff_json(p: Staff) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "branch_id": p.branch_id,
        "role": p.role.value,
        "active": p.active,
    }


def _staff(d: dict[str, Any]) -> Staff:
    return Staff(
        id=int(d["id"]),
        name=str(d["name"]),
        branch_id=int(d["branch_id"]),
        role=StaffRole(d["role"]),
        active=bool(d.get("active", True)),
    )


def _type_json(st: SessionType) -> dict[str, Any]:
    return {
        "id": st.id,
        "code": st.code,
        "name": st.name,
        "position": st.position,
        "active": st.active,
    }
