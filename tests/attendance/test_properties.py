"""Property tests: whatever a damaged file looks like, an import is whole or absent."""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.csvfiles import FileFormatError
from app.core.models import SessionFilter
from app.errors import RegieError
from app.services import Services, build_attendance
from app.storage import attendance as store
from app.zoom.participants import read_participants
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US, add_session, network

GOOD = (HEADER_BLOCK + ZOOM_US).encode()
LINES = (HEADER_BLOCK + ZOOM_US).split("\r\n")


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A good report with a few random edits: lines cut, swapped, garbled or inserted."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["cut", "garble", "insert", "drop", "cell"]))
        if kind == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif kind == "garble":
            lines[i] = draw(st.text(max_size=40))
        elif kind == "insert":
            lines.insert(i, draw(st.text(alphabet=st.sampled_from(',;"\t ab@1:/-\n'),
                                         max_size=30)))
        elif kind == "drop":
            del lines[i]
        else:
            cells = lines[i].split(",")
            j = draw(st.integers(0, max(0, len(cells) - 1)))
            cells[j] = draw(st.sampled_from(["", "x", "-1", "13/45/2026 25:61", '"', "a,b"]))
            lines[i] = ",".join(cells)
    text = "\r\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


@given(st.binary(max_size=400))
@settings(max_examples=150, deadline=None)
def test_any_bytes_read_or_refused_clearly(data: bytes) -> None:
    try:
        report = read_participants(data)
    except FileFormatError as err:
        message = err.text()
        assert message
    else:
        assert report.unique_attendees + report.merged_reconnections + report.skipped_rows == (
            report.rows_read
        )


@given(damaged())
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_damaged_files_never_half_import(services: Services, data: bytes) -> None:
    if not services.references.branches():
        network(services)
        add_session(services)
    svc = build_attendance(services)
    sid = services.session_repo.list_rows(SessionFilter())[0].id
    svc.commit_zoom(svc.preview_zoom(sid, GOOD))
    before = (svc.record(sid), svc.people(sid))
    try:
        report = svc.commit_zoom(svc.preview_zoom(sid, data))
    except RegieError:
        assert (svc.record(sid), svc.people(sid)) == before
        return
    # Whole: the count is exactly the people stored.
    with services.db.read() as conn:
        stored = conn.execute(
            sa.select(sa.func.count()).select_from(store.attendance_people).where(
                store.attendance_people.c.session_id == sid,
                store.attendance_people.c.kind == "attendee",
            )
        ).scalar_one()
    assert report.connected == stored
