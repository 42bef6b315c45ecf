"""Property tests: whatever a damaged file looks like, an import is whole or absent."""

from __future__ import annotations

import csv
import dataclasses
import io

import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.csvfiles import FileFormatError, decode, email_key, name_key
from app.core.models import LicencePlan, SessionFilter
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


HOST_EMAIL = "bib-zoom1@ville.fr"
HEADER = LINES[3].split(",")  # the participants' column titles, as Zoom writes them
Expected = list[tuple[str, str | None, int]]  # (name key, e-mail key, connections)


def expected_attendees(data: bytes) -> Expected | None:
    """Who the file says attended, worked out here from its rows, without the reader:
    the host (the licence's account) and the waiting room out, one person per e-mail,
    else per name, a row without e-mail joining the person of that name who gave one.

    None when the participants' header itself was damaged: then the columns are no
    longer where Zoom put them and only the reader knows what it made of them.
    """
    text = decode(data).text  # decoding has its own tests; the rows are what count here
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", strict=True))
    titles = [h.casefold() for h in HEADER]
    start = next((i for i, r in enumerate(rows) if r == HEADER), None)
    if start is None:
        return None
    groups: dict[str, list[tuple[str, str]]] = {}
    person_of_name: dict[str, str] = {}
    for cells in rows[start + 1 :]:
        cells = [c.strip() for c in cells] + [""] * len(HEADER)
        name, email, waiting = cells[0], cells[1], cells[7].casefold()
        if not any(cells) or [c.casefold() for c in cells[: len(HEADER)]] == titles:
            continue  # a blank row, or the titles repeated
        if email_key(email) == HOST_EMAIL or waiting in {"yes", "y", "true", "1", "oui", "vrai"}:
            continue
        key = "e:" + email_key(email) if email else "n:" + name_key(name)
        if email:
            person_of_name.setdefault(name_key(name), key)
        groups.setdefault(key, []).append((name, email))
    for key in [k for k in groups if k.startswith("n:") and k[2:] in person_of_name]:
        groups[person_of_name[key[2:]]].extend(groups.pop(key))
    out: Expected = []
    for group in groups.values():
        given = next((e for _n, e in group if e), "")
        name = next((n for n, _e in group if n), given)
        out.append((name_key(name), email_key(given) or None, len(group)))
    return sorted(out)


def stored_attendees(services: Services, sid: int) -> Expected:
    return sorted(
        (name_key(p.name), email_key(p.email) if p.email else None, p.connections)
        for kind, p in build_attendance(services).people(sid)
        if kind == "attendee"
    )


def test_the_independent_count_of_the_good_file() -> None:
    """The expectations below, checked once against the file counted by hand."""
    assert expected_attendees(GOOD) == [
        ("ahmed benali (ahmed)", "ahmed@example.fr", 1),
        ("dupont, marie", "marie@example.fr", 2),
        ("jean martin", None, 2),
    ]


@given(damaged())
@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_damaged_files_never_half_import(services: Services, data: bytes) -> None:
    """Whatever the damage, the session ends with the people of the good file or with
    exactly the people the damaged file lists, never a part of either."""
    if not services.references.branches():
        network(services)
        sid = add_session(services)
        # The host is known from the session's licence, whatever happened to the
        # meeting block above the table.
        lic = services.references.add_licence("Zoom 1", HOST_EMAIL, LicencePlan.PRO, 100)
        draft = services.session_repo.get(sid)
        services.session_repo.update(sid, dataclasses.replace(draft, licence_id=lic))
    svc = build_attendance(services)
    sid = services.session_repo.list_rows(SessionFilter())[0].id
    svc.commit_zoom(svc.preview_zoom(sid, GOOD))
    before = (svc.record(sid), svc.people(sid))
    good = expected_attendees(GOOD)
    assert stored_attendees(services, sid) == good
    try:
        report = svc.commit_zoom(svc.preview_zoom(sid, data))
    except RegieError:
        event("refused")
        assert (svc.record(sid), svc.people(sid)) == before
        assert stored_attendees(services, sid) == good
        return
    # Whole: the count is exactly the people stored...
    with services.db.read() as conn:
        stored = conn.execute(
            sa.select(sa.func.count()).select_from(store.attendance_people).where(
                store.attendance_people.c.session_id == sid,
                store.attendance_people.c.kind == "attendee",
            )
        ).scalar_one()
    assert report.connected == stored
    # ... and they are the people the file lists, every one of them.
    expected = expected_attendees(data)
    event("imported, " + ("checked" if expected is not None else "header damaged"))
    if expected is not None:
        assert stored_attendees(services, sid) == expected
        assert report.connected == len(expected)
