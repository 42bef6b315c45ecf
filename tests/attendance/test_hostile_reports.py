"""Property tests of the Zoom participant report reader on files built to hurt: any
delimiter and encoding, quotes, formulas, control characters, long and odd cells. The
reader gives a report that adds up or a FileFormatError naming a line, in bounded time;
an import is saved whole or not at all."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import timedelta

import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.csvfiles import FileFormatError, email_key
from app.core.models import LicencePlan, SessionFilter
from app.errors import RegieError
from app.services import Services, build_attendance
from app.storage import attendance as store
from app.zoom.participants import read_participants
from tests.attendance.helpers import HEADER_BLOCK, add_session, network

HEADER = ["Name (Original Name)", "User Email", "Join Time", "Leave Time",
          "Duration (Minutes)", "Guest", "Recording Consent", "In Waiting Room"]
HOST = "bib-zoom1@ville.fr"

CELLS = st.one_of(
    st.sampled_from([
        "", " ", "Marie Dupont", "Dupont, Marie", "Jean \"JJ\" Martin", "=1+1", "@SUM(A1)",
        "-2+3", "+33 6 00", "\t=cmd", "a;b", "a\tb", "x\r\ny", "\x00", "\x1b[31m", "ﬁ", "Ω",
        "marie@example.fr", "MARIE@EXAMPLE.FR", "not-an-email", "@", HOST,
        "11/24/2026 02:00:00 PM", "11/24/2026 03:30:00 PM", "24/11/2026 14:00",
        "2026-11-24T14:00:00Z", "13/45/2026 25:61", "99/99/9999 99:99", "0", "60", "-5",
        "1e308", "NaN", "9" * 40, "Yes", "No", "oui", "(Host)", "Jean (Host)",
    ]),
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from("xé \"';,\t@"), min_size=500, max_size=3000),
)


NAMES = ["Marie Dupont", "Dupont, Marie", "Jean Martin", "jean  MARTIN", "Zoé (Zoé)",
         "Ahmed Benali", "=HYPERLINK(\"x\")", "Jean (Host)", "\x1b[31mRouge"]
EMAILS = ["", "marie@example.fr", "MARIE@example.fr ", "jean@example.fr", HOST]


@st.composite
def plausible_row(draw: st.DrawFn) -> list[str]:
    """A row as Zoom writes it (join at 2 pm, a few minutes to an hour later)."""
    join = draw(st.integers(0, 59))
    stay = draw(st.integers(0, 90))
    return [
        draw(st.sampled_from(NAMES)),
        draw(st.sampled_from(EMAILS)),
        f"11/24/2026 02:{join:02d}:00 PM",
        f"11/24/2026 {2 + (join + stay) // 60:02d}:{(join + stay) % 60:02d}:00 PM",
        str(stay),
        draw(st.sampled_from(["Yes", "No"])),
        "Y",
        draw(st.sampled_from(["No", "No", "No", "Yes"])),
    ]


@st.composite
def report_files(draw: st.DrawFn) -> bytes:
    """A participant report as Zoom writes one, or a mangled one, in any usual dress."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = list(HEADER)
    order = list(range(len(header)))
    if draw(st.integers(0, 3)) == 0:
        order = draw(st.permutations(order))[: draw(st.integers(1, len(header)))]
    header = [header[i] for i in order]
    if draw(st.integers(0, 9)) == 0:
        header[draw(st.integers(0, len(header) - 1))] = draw(CELLS)
    any_row = st.one_of(plausible_row(), plausible_row(), plausible_row(),
                        st.lists(CELLS, max_size=len(header) + 2))
    rows = [r if len(r) != len(HEADER) else [r[i] for i in order]
            for r in draw(st.lists(any_row, max_size=25))]
    if rows and draw(st.integers(0, 3)) == 0:  # one cell of a good row spoilt
        r = rows[draw(st.integers(0, len(rows) - 1))]
        if r:
            r[draw(st.integers(0, len(r) - 1))] = draw(CELLS)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter,
                        lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"])))
    if draw(st.booleans()):
        buf.write(HEADER_BLOCK.replace(",", delimiter))
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    text = buf.getvalue()
    if draw(st.integers(0, 4)) == 0:  # cut anywhere
        text = text[: draw(st.integers(0, len(text)))]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 6)) == 0:  # a stray byte
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
    return data


def check(data: bytes) -> str:
    """Read `data`: a clear refusal, or a report whose figures add up."""
    refused: FileFormatError | None = None
    try:
        report = read_participants(data, [HOST])
    except FileFormatError as err:
        refused = err
    if refused is not None:
        assert refused.text().strip()
        assert refused.line >= 0
        return "refused"
    assert report.unique_attendees + report.merged_reconnections + report.skipped_rows == (
        report.rows_read
    )
    emails = [email_key(p.email) for p in report.attendees if p.email]
    assert len(emails) == len(set(emails))  # one person per address
    for person in report.attendees:
        assert person.connections >= 1
        assert person.name or person.email
        assert person.minutes is None or person.minutes >= 0
        if person.first_join is not None and person.last_leave is not None:
            assert person.first_join <= person.last_leave
        assert email_key(person.email or "") != HOST
    if report.peak_concurrent is not None:
        assert 0 <= report.peak_concurrent <= report.rows_read
    return "read"


@given(report_files())
@settings(max_examples=120, deadline=timedelta(seconds=3))
def test_any_report_is_read_or_refused_clearly(data: bytes) -> None:
    event(check(data))


@given(st.binary(max_size=4000))
@settings(max_examples=80, deadline=timedelta(seconds=3))
def test_any_bytes_are_read_or_refused_clearly(data: bytes) -> None:
    event(check(data))


@given(report_files())
@settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_an_import_is_whole_or_absent(services: Services, data: bytes) -> None:
    if not services.references.branches():
        network(services)
        sid = add_session(services)
        lic = services.references.add_licence("Zoom 1", HOST, LicencePlan.PRO, 100)
        draft = services.session_repo.get(sid)
        services.session_repo.update(sid, dataclasses.replace(draft, licence_id=lic))
    svc = build_attendance(services)
    sid = services.session_repo.list_rows(SessionFilter())[0].id
    before = (svc.record(sid), svc.people(sid))
    try:
        report = svc.commit_zoom(svc.preview_zoom(sid, data))
    except RegieError:
        event("refused")
        assert (svc.record(sid), svc.people(sid)) == before
        return
    event("imported")
    with services.db.read() as conn:
        stored = conn.execute(
            sa.select(sa.func.count()).select_from(store.attendance_people).where(
                store.attendance_people.c.session_id == sid,
                store.attendance_people.c.kind == "attendee",
            )
        ).scalar_one()
    assert report.connected == stored
    record = svc.record(sid)
    assert record is not None and record.connected == stored
