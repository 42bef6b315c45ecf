"""Row mappers: how rows of the schema become the domain's records, in one place for
every repository (the hot paths unpack positionally)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from app.core.checks import CheckKind, SavedCheck, Verdict
from app.core.licences import Booking
from app.core.models import Licence, LicencePlan, SessionMode, SessionRow, SessionStatus
from app.storage import schema as t


def licence_from_row(r: Any) -> Licence:
    """A `licences` row as the domain's Licence."""
    return Licence(
        id=r.id,
        label=r.label,
        email=r.email,
        plan=LicencePlan(r.plan),
        participant_cap=r.participant_cap,
        concurrent_limit=r.concurrent_limit,
        branch_id=r.branch_id,
        active=r.active,
    )


SESSION_ROW_COLUMNS: Sequence[sa.ColumnElement[Any]] = (
    t.sessions.c.id,
    t.sessions.c.title,
    t.sessions.c.type_id,
    t.session_types.c.code.label("type_code"),
    t.session_types.c.name.label("type_name"),
    t.sessions.c.branch_id,
    t.branches.c.code.label("branch_code"),
    t.branches.c.name.label("branch_name"),
    t.sessions.c.starts_at,
    t.sessions.c.ends_at,
    t.sessions.c.mode,
    t.sessions.c.capacity,
    t.sessions.c.host_id,
    t.staff.c.name.label("host_name"),
    t.sessions.c.licence_id,
    t.licences.c.label.label("licence_label"),
    t.sessions.c.status,
    t.sessions.c.notes,
)

SESSION_ROW_FROM = (
    t.sessions.join(t.session_types, t.session_types.c.id == t.sessions.c.type_id)
    .join(t.branches, t.branches.c.id == t.sessions.c.branch_id)
    .outerjoin(t.staff, t.staff.c.id == t.sessions.c.host_id)
    .outerjoin(t.licences, t.licences.c.id == t.sessions.c.licence_id)
)


_MODES = {m.value: m for m in SessionMode}
_STATUSES = {st.value: st for st in SessionStatus}


def session_row(r: Sequence[Any]) -> SessionRow:
    """Positional unpacking in `SESSION_ROW_COLUMNS` order: the hot path of every list."""
    (
        sid,
        title,
        type_id,
        type_code,
        type_name,
        branch_id,
        branch_code,
        branch_name,
        start,
        end,
        mode,
        capacity,
        host_id,
        host_name,
        licence_id,
        licence_label,
        status,
        notes,
    ) = r
    return SessionRow(
        sid,
        title,
        type_id,
        type_code,
        type_name,
        branch_id,
        branch_code,
        branch_name,
        start,
        end,
        _MODES[mode],
        capacity,
        host_id,
        host_name,
        licence_id,
        licence_label,
        _STATUSES[status],
        notes,
    )


def saved_check(r: sa.Row[Any]) -> SavedCheck:
    return SavedCheck(
        id=r.id,
        kind=CheckKind(r.kind),
        device=r.device,
        device_key=r.device_key,
        verdict=Verdict(r.verdict),
        result=dict(r.result),
        created_at=r.created_at,
        operator=r.operator,
        staff_id=r.staff_id,
        session_id=r.session_id,
        device_id=getattr(r, "device_id", None),
    )


def booking_from_row(r: Any) -> Booking:
    return Booking(
        session_id=r.id,
        title=r.title,
        branch_id=r.branch_id,
        start=r.starts_at,
        end=r.ends_at,
        capacity=r.capacity,
        licence_id=r.licence_id,
        status=SessionStatus(r.status),
    )


BOOKING_COLUMNS = (
    t.sessions.c.id,
    t.sessions.c.title,
    t.sessions.c.branch_id,
    t.sessions.c.starts_at,
    t.sessions.c.ends_at,
    t.sessions.c.capacity,
    t.sessions.c.licence_id,
    t.sessions.c.status,
)
