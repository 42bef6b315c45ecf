"""Device check results made while the server is unreachable wait in the local queue and
reach it once (same receipts as attendance); the snapshot of the last known sessions and
bookings round-trips and filters like the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.licences import Booking
from app.core.models import (
    Licence,
    LicencePlan,
    SessionFilter,
    SessionStatus,
)
from app.core.outbox import PendingKind, SavedOfflineError, device_check_payload
from app.core.snapshot import Snapshot, filter_rows, is_unfiltered
from app.services import Services
from app.storage.database import Database
from app.storage.outbox import LocalOutbox, QueueingCheckRepository, apply, send_pending
from app.storage.snapshot import read_snapshot, take_snapshot, write_snapshot
from tests.support.fixtures import FIXED_NOW
from tests.support.offline import add_cafe_fle


def _result() -> CheckResult:
    return CheckResult(
        kind=CheckKind.CAMERA,
        device="Logitech C920",
        criteria={"brightness": Criterion("brightness", 0.52, Verdict.PASS)},
        device_key="usb-c920",
    )


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_a_queued_device_check_is_stored_once(services: Services, tmp_path: Path) -> None:
    sid = add_cafe_fle(services)
    outbox = LocalOutbox(tmp_path)
    made = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    key = outbox.add(
        PendingKind.DEVICE_CHECK,
        device_check_payload(_result(), operator="Claire", staff_id=None, session_id=sid, at=made),
    )
    # A result for a session removed meanwhile is kept, unlinked.
    outbox.add(
        PendingKind.DEVICE_CHECK,
        device_check_payload(_result(), operator="Claire", staff_id=None, session_id=9999,
                             at=made),
    )
    item = outbox.items()[0]
    assert apply(services.db, item) is True
    assert apply(services.db, item) is False  # sent twice: stored once
    report = send_pending(services.db, outbox)
    assert report.already == [key] and len(report.sent) == 1 and outbox.count() == 0
    saved = services.checks.latest_for_session(sid)
    assert len(saved) == 1 and saved[0].created_at == made and saved[0].device == "Logitech C920"
    assert len(services.checks.history(kind=CheckKind.CAMERA)) == 2


def test_an_unreachable_server_queues_the_result(tmp_path: Path) -> None:
    # A port nobody listens on: the connection is refused at once.
    db = Database("postgresql+psycopg://regie@127.0.0.1:9/none", password=None,
                  connect_timeout_s=2)
    queued: list[bool] = []
    checks = QueueingCheckRepository(db, LocalOutbox(tmp_path), lambda: queued.append(True))
    with pytest.raises(SavedOfflineError) as raised:
        checks.save(_result(), operator="Claire", session_id=3)
    assert raised.value.waiting == 1 and queued == [True]
    (item,) = LocalOutbox(tmp_path).items()
    assert item.kind is PendingKind.DEVICE_CHECK and item.payload["session_id"] == 3
    assert "kept on this computer" in raised.value.text()
    db.dispose()


# ------------------------------------------------------------------ snapshot
def test_snapshot_round_trip_and_filters(services: Services, tmp_path: Path) -> None:
    sid = add_cafe_fle(services)
    rows = services.sessions.list()
    path = take_snapshot(tmp_path, services.db, rows)
    assert path.is_file()
    snap = read_snapshot(tmp_path, services.db.url)
    assert snap is not None and snap.rows == rows and snap.rows[0].id == sid
    assert read_snapshot(tmp_path, "postgresql+psycopg://other/db") is None  # another server

    assert filter_rows(snap.rows, SessionFilter(text="café")) == rows
    assert filter_rows(snap.rows, SessionFilter(text="yoga")) == []
    day = FIXED_NOW.date()
    assert filter_rows(snap.rows, SessionFilter(date_from=day, date_to=day)) == rows
    assert filter_rows(snap.rows, SessionFilter(date_from=day + timedelta(days=1))) == []
    done = frozenset({SessionStatus.DONE})
    assert filter_rows(snap.rows, SessionFilter(statuses=done)) == []
    assert is_unfiltered(SessionFilter()) and not is_unfiltered(SessionFilter(text="x"))


def test_snapshot_keeps_licences_and_bookings(tmp_path: Path) -> None:
    lic = Licence(1, "Zoom 1", "zoom1@bm.fr", LicencePlan.PRO, 100, 2, None, True)
    booking = Booking(7, "Atelier", 2, FIXED_NOW, FIXED_NOW + timedelta(hours=1), 12, 1,
                      SessionStatus.READY)
    snap = Snapshot("postgresql+psycopg://db/regie", FIXED_NOW, [], [lic], [booking])
    write_snapshot(tmp_path, snap)
    back = read_snapshot(tmp_path, "postgresql+psycopg://db/regie")
    assert back == snap
    (tmp_path / "snapshot.json").write_text("{not json", encoding="utf-8")
    assert read_snapshot(tmp_path, "postgresql+psycopg://db/regie") is None
