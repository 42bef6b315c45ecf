"""The equipment inventory and each device's check results.

Results stay in `device_checks` (one row per check, with its session): a row also names
the device record it was about (`device_id`), chosen by the technician or matched when
saved (`app.core.equipment.match_device`), also when a result queued offline arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from app.core.checks import CheckKind, SavedCheck
from app.core.clock import Clock, now_local
from app.core.demo_equipment import DemoDevice
from app.core.equipment import (
    CHECKED_KINDS,
    Device,
    DeviceDraft,
    DeviceKind,
    DeviceStatus,
    ImportRow,
    InventoryImportError,
    LineProblem,
    Loan,
    StatusChange,
    chosen_device,
    clean_draft,
    match_device,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import NotFoundError, ValidationError
from app.storage import schema as t
from app.storage.database import Database
from app.storage.rows import saved_check

devices = sa.Table(
    "devices",
    t.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("label", sa.String(120), nullable=False),
    sa.Column("make", sa.String(120), nullable=False, server_default=""),
    sa.Column("model", sa.String(120), nullable=False, server_default=""),
    sa.Column("serial", sa.String(80), nullable=True, unique=True),
    sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id"), nullable=True),
    sa.Column("room", sa.String(120), nullable=False, server_default=""),
    sa.Column("purchased_on", sa.Date, nullable=True),
    sa.Column("status", sa.String(12), nullable=False, server_default="in_service"),
    sa.Column("loan_to", sa.String(120), nullable=True),
    sa.Column("loan_until", sa.Date, nullable=True),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("match_key", sa.String(200), nullable=True, index=True),
    sa.Column("created_at", t.UtcDateTime(), nullable=False),
    sa.Column("updated_at", t.UtcDateTime(), nullable=False),
    sa.CheckConstraint(
        "kind IN ('camera', 'microphone', 'speaker', 'speakerphone', 'headset')", name="kind"
    ),
    sa.CheckConstraint("status IN ('in_service', 'on_loan', 'broken', 'retired')", name="status"),
    # A loan says to whom and until when; any other status has no loan.
    sa.CheckConstraint(
        "(status = 'on_loan') = (loan_to IS NOT NULL AND loan_until IS NOT NULL)",
        name="loan_complete",
    ),
)


def _missing(device_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "Device {id} does not exist."),
        _N("errors", "Check the number with “regie devices list”."),
        id=device_id,
    )


def _serial_taken(serial: str, other: Device) -> ValidationError:
    return ValidationError(
        "serial",
        _N("errors", "The serial number {serial} already belongs to device {id} (“{label}”)."),
        _N("errors", "Check the number on the device's label; each serial is recorded once."),
        serial=other.draft.serial or serial,
        id=other.id,
        label=other.label,
    )


def _select() -> sa.Select[Any]:
    b = t.branches.c
    return sa.select(devices, b.code.label("branch_code"), b.name.label("branch_name")).outerjoin(
        t.branches, t.branches.c.id == devices.c.branch_id
    )


def device_from_row(r: Any) -> Device:
    loan = Loan(r.loan_to, r.loan_until) if r.loan_to is not None and r.loan_until else None
    return Device(
        id=r.id,
        draft=DeviceDraft(
            kind=DeviceKind(r.kind),
            label=r.label,
            make=r.make,
            model=r.model,
            serial=r.serial,
            branch_id=r.branch_id,
            room=r.room,
            purchased_on=r.purchased_on,
            notes=r.notes,
            match_key=r.match_key,
        ),
        status=DeviceStatus(r.status),
        loan=loan,
        branch_code=r.branch_code or "",
        branch_name=r.branch_name or "",
    )


def _values(d: DeviceDraft) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "label": d.label,
        "make": d.make,
        "model": d.model,
        "serial": d.serial,
        "branch_id": d.branch_id,
        "room": d.room,
        "purchased_on": d.purchased_on,
        "notes": d.notes,
        "match_key": d.match_key,
    }


def _status_values(change: StatusChange) -> dict[str, Any]:
    return {
        "status": change.status.value,
        "loan_to": change.loan.to if change.loan else None,
        "loan_until": change.loan.until if change.loan else None,
    }


def _all(conn: sa.Connection) -> list[Device]:
    return [device_from_row(r) for r in conn.execute(_select().order_by(devices.c.id))]


def _one(conn: sa.Connection, device_id: int) -> Device:
    r = conn.execute(_select().where(devices.c.id == device_id)).first()
    if r is None:
        raise _missing(device_id)
    return device_from_row(r)


def _check_branch(conn: sa.Connection, branch_id: int | None) -> None:
    if branch_id is None:
        return
    found = conn.execute(sa.select(t.branches.c.id).where(t.branches.c.id == branch_id)).first()
    if found is None:
        raise ValidationError(
            "branch",
            _N("errors", "Branch {id} does not exist."),
            _N("errors", "Choose one of the network's branches."),
            id=branch_id,
        )


def _serial_owner(conn: sa.Connection, serial: str | None, but: int | None) -> Device | None:
    if serial is None:
        return None
    q = _select().where(sa.func.lower(devices.c.serial) == serial.casefold())
    if but is not None:
        q = q.where(devices.c.id != but)
    r = conn.execute(q).first()
    return device_from_row(r) if r is not None else None


def resolve_device(
    conn: sa.Connection, kind: CheckKind, key: str, name: str, metrics: Mapping[str, object]
) -> int | None:
    """The record a result is about: the one chosen (when it still exists and is of a
    kind this check judges), else the one its device matches, else none."""
    chosen = chosen_device(metrics)
    kinds = [k.value for k in CHECKED_KINDS[kind]]
    if chosen is not None:
        found = conn.execute(
            sa.select(devices.c.id).where(devices.c.id == chosen, devices.c.kind.in_(kinds))
        ).first()
        if found is not None:
            return chosen
    q = _select().where(devices.c.kind.in_(kinds), devices.c.status != "retired")
    found_device = match_device((device_from_row(r) for r in conn.execute(q)), kind, key, name)
    return found_device.id if found_device is not None else None


class SqlEquipmentRepository:
    def __init__(self, db: Database, clock: Clock = now_local) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> datetime:
        return self._clock().astimezone(UTC)

    # ------------------------------------------------------------ reading
    def all(self, *, include_retired: bool = True) -> list[Device]:
        with self._db.read() as conn:
            found = _all(conn)
        return [d for d in found if include_retired or d.status is not DeviceStatus.RETIRED]

    def get(self, device_id: int) -> Device:
        with self._db.read() as conn:
            return _one(conn, device_id)

    def checks(self, device_ids: Iterable[int]) -> dict[int, list[SavedCheck]]:
        """Every result filed against these devices, oldest first, in one query."""
        ids = sorted(set(device_ids))
        out: dict[int, list[SavedCheck]] = {i: [] for i in ids}
        if not ids:
            return out
        c = t.device_checks.c
        q = sa.select(t.device_checks).where(c.device_id.in_(ids)).order_by(c.created_at, c.id)
        with self._db.read() as conn:
            for r in conn.execute(q):
                out[r.device_id].append(saved_check(r))
        return out

    def in_branches(self, branch_ids: Iterable[int]) -> list[Device]:
        """The kit kept at these branches (not retired), in one query."""
        ids = sorted(set(branch_ids))
        if not ids:
            return []
        q = _select().where(devices.c.branch_id.in_(ids), devices.c.status != "retired")
        with self._db.read() as conn:
            return [device_from_row(r) for r in conn.execute(q.order_by(devices.c.id))]

    # ------------------------------------------------------------ writing
    def add(self, draft: DeviceDraft) -> int:
        draft = clean_draft(draft)
        with self._db.begin() as conn:
            return self._add(conn, draft, DeviceStatus.IN_SERVICE, None)

    def _add(
        self, conn: sa.Connection, draft: DeviceDraft, status: DeviceStatus, loan: Loan | None
    ) -> int:
        _check_branch(conn, draft.branch_id)
        other = _serial_owner(conn, draft.serial, None)
        if other is not None:
            assert draft.serial is not None
            raise _serial_taken(draft.serial, other)
        now = self._now()
        values = _values(draft) | _status_values(StatusChange(status, loan))
        key = conn.execute(
            devices.insert().values(**values, created_at=now, updated_at=now)
        ).inserted_primary_key
        assert key is not None
        return int(key[0])

    def update(self, device_id: int, draft: DeviceDraft) -> None:
        draft = clean_draft(draft)
        with self._db.begin() as conn:
            self._update(conn, device_id, draft)

    def _update(self, conn: sa.Connection, device_id: int, draft: DeviceDraft) -> None:
        _one(conn, device_id)
        _check_branch(conn, draft.branch_id)
        other = _serial_owner(conn, draft.serial, device_id)
        if other is not None:
            assert draft.serial is not None
            raise _serial_taken(draft.serial, other)
        conn.execute(
            devices.update()
            .where(devices.c.id == device_id)
            .values(**_values(draft), updated_at=self._now())
        )

    def change_status(self, device_id: int, rule: Callable[[Device], StatusChange]) -> Device:
        """Apply a status rule (`app.core.equipment.lend`, `retire`…) to the device as it
        is in the database now, in one transaction; returns the device after it."""
        with self._db.begin() as conn:
            device = _one(conn, device_id)
            change: StatusChange = rule(device)
            conn.execute(
                devices.update()
                .where(devices.c.id == device_id)
                .values(**_status_values(change), updated_at=self._now())
            )
            return _one(conn, device_id)

    def import_rows(
        self, rows: list[ImportRow], problems: Iterable[LineProblem] = ()
    ) -> tuple[int, int]:
        """Apply an inventory file in one transaction: every line, or none. Returns
        (added, updated). Problems only the database knows (an unknown id, a serial held
        by another device) are reported per line, with the file's own (`problems`)."""
        problems = list(problems)
        added = updated = 0
        with self._db.begin() as conn:
            existing = {d.id: d for d in _all(conn)}
            in_file = {r.device_id for r in rows if r.device_id is not None}
            for row in rows:
                if row.device_id is not None and row.device_id not in existing:
                    problems.append(
                        LineProblem(
                            row.line,
                            _N("errors", "device {id} does not exist"),
                            {"id": row.device_id},
                        )
                    )
                    continue
                serial = row.draft.serial
                if serial is not None:
                    owner = next(
                        (
                            d
                            for d in existing.values()
                            if d.draft.serial
                            and d.draft.serial.casefold() == serial.casefold()
                            and d.id != row.device_id
                            and d.id not in in_file
                        ),
                        None,
                    )
                    if owner is not None:
                        problems.append(
                            LineProblem(
                                row.line,
                                _N(
                                    "errors",
                                    "serial {serial} already belongs to device {id} (“{label}”)",
                                ),
                                {"serial": serial, "id": owner.id, "label": owner.label},
                            )
                        )
                        continue
            if problems:
                raise InventoryImportError(sorted(problems, key=lambda p: p.line))
            # Serials may move between devices of the file: free them all first.
            for row in rows:
                if row.device_id is not None:
                    conn.execute(
                        devices.update().where(devices.c.id == row.device_id).values(serial=None)
                    )
            for row in rows:
                change = _status_values(StatusChange(row.status, row.loan))
                if row.device_id is None:
                    self._add(conn, row.draft, row.status, row.loan)
                    added += 1
                else:
                    self._update(conn, row.device_id, row.draft)
                    conn.execute(
                        devices.update().where(devices.c.id == row.device_id).values(**change)
                    )
                    updated += 1
        return added, updated

    def assign_checks(self, device_id: int, device_key: str) -> int:
        """File the results already saved for this stable id (not yet filed elsewhere)
        under a device just added to the inventory; returns how many."""
        c = t.device_checks.c
        with self._db.begin() as conn:
            _one(conn, device_id)
            done = conn.execute(
                t.device_checks.update()
                .where(c.device_key == device_key, c.device_id.is_(None))
                .values(device_id=device_id)
            )
        return int(done.rowcount or 0)


def write_demo_equipment(
    conn: sa.Connection,
    devices_: Sequence[DemoDevice],
    branch_ids: Mapping[str, int],
    now: datetime,
) -> int:
    """The demo's devices and their checks, inside the demo's own transaction."""
    for d in devices_:
        draft = replace(d.draft, branch_id=branch_ids.get(d.branch_code))
        values = _values(draft) | _status_values(StatusChange(d.status, d.loan))
        key = conn.execute(
            devices.insert().values(**values, created_at=now, updated_at=now)
        ).inserted_primary_key
        assert key is not None
        for at, result in d.checks:
            conn.execute(
                t.device_checks.insert().values(
                    kind=result.kind.value,
                    device=result.device,
                    device_key=result.device_key,
                    verdict=result.verdict.value,
                    result=result.as_json(),
                    operator="Démo",
                    created_at=at.astimezone(UTC),
                    device_id=int(key[0]),
                )
            )
    return len(devices_)
