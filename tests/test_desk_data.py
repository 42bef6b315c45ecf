"""What the desk reads: the database while it answers, its last known copy while it
does not; headless, for the window and the command line alike."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from app.core.models import SessionDraft, SessionFilter, SessionMode
from app.core.snapshot import Snapshot
from app.services import Services
from app.services.desk_data import session_row, session_rows, staff_of
from tests.support.fixtures import FIXED_NOW
from tests.support.offline import add_cafe_fle


def test_live_reads_come_from_the_database(services: Services) -> None:
    sid = add_cafe_fle(services)
    branch = services.sessions.row(sid).branch_id
    services.references.add_staff("Inès Martin", branch, "trainee")
    assert [r.id for r in session_rows(False, None, services, SessionFilter())] == [sid]
    assert session_rows(False, None, services, SessionFilter(text="conte")) == []
    row = session_row(False, None, services, sid)
    assert row is not None and row.title == "Café FLE"
    assert session_row(False, None, services, sid + 1) is None  # gone: None, no error
    assert [p.name for p in staff_of(False, None, services)] == ["Inès Martin"]


def test_offline_reads_come_from_the_last_copy_filtered_like_the_database(
    services: Services,
) -> None:
    sid = add_cafe_fle(services)
    first = services.sessions.row(sid)
    services.references.add_staff("Inès Martin", first.branch_id, "trainee")
    snapshot = Snapshot(
        database="postgresql://regie@server/regie",
        taken_at=FIXED_NOW,
        rows=services.sessions.list(SessionFilter()),
        staff=services.references.staff(),
    )
    # The database moves on after the copy: offline, none of it shows.
    later = services.sessions.create(SessionDraft(
        title="Café FLE bis", type_id=first.type_id, branch_id=first.branch_id,
        start=first.start, end=first.end, mode=SessionMode.REMOTE, capacity=10,
    ))
    services.references.add_staff("Marc Roux", first.branch_id, "technician")
    assert later != sid

    assert [r.id for r in session_rows(True, snapshot, services, SessionFilter())] == [sid]
    assert session_rows(True, snapshot, services, SessionFilter(text="café")) == [first]
    assert session_rows(True, snapshot, services, SessionFilter(text="conte")) == []
    next_day = FIXED_NOW.date() + timedelta(days=1)
    assert session_rows(True, snapshot, services, SessionFilter(date_from=next_day)) == []
    assert session_rows(True, None, services, SessionFilter()) == []
    assert session_row(True, snapshot, services, sid) == first
    assert session_row(True, snapshot, services, later) is None
    assert session_row(True, None, services, sid) is None
    assert [p.name for p in staff_of(True, snapshot, services)] == ["Inès Martin"]
    assert staff_of(True, None, services) == []


def test_desk_data_needs_no_qt() -> None:
    """The command line reads it too: importing it must not load Qt."""
    code = (
        "import sys, app.services.desk_data; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
