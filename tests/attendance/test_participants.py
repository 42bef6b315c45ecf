"""The Zoom participant report importer, over every export shape it meets."""

from __future__ import annotations

import codecs
from datetime import datetime

import pytest

from app.core.csvfiles import FileFormatError
from app.zoom.participants import read_participants
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US, to_french_excel, us_to

HOST = ("bib-zoom1@ville.fr",)


def check_standard(report) -> None:
    """Hand-counted from ZOOM_US: Marie (2 rows), Jean (2 rows), Ahmed; host and Zoé out."""
    assert report.unique_attendees == 3
    assert report.rows_read == 7
    assert report.merged_reconnections == 2
    assert report.skipped_host == 1
    assert report.skipped_waiting_room == 1
    assert report.skipped_rows == 2
    names = sorted(p.name for p in report.attendees)
    assert names == ["Ahmed Benali (Ahmed)", "Dupont, Marie", "Jean Martin"]
    minutes = {p.name: p.minutes for p in report.attendees}
    assert minutes == {"Dupont, Marie": 87, "Jean Martin": 75, "Ahmed Benali (Ahmed)": 60}
    assert report.peak_concurrent == 3
    assert report.median_minutes == 75.0


def test_us_export_with_meeting_block_bom_crlf_and_quoted_commas() -> None:
    data = codecs.BOM_UTF8 + (HEADER_BLOCK + ZOOM_US).encode("utf-8")
    report = read_participants(data)
    check_standard(report)
    assert report.meeting["Topic"] == "Cercle de lecture, novembre"
    assert report.meeting["User Email"] == "bib-zoom1@ville.fr"
    marie = next(p for p in report.attendees if p.name.startswith("Dupont"))
    assert marie.connections == 2
    assert marie.first_join == datetime(2026, 11, 24, 14, 1).astimezone()


def test_table_only_without_bom_lf_host_given_by_licence() -> None:
    data = ZOOM_US.replace("\r\n", "\n").encode("utf-8")
    check_standard(read_participants(data, HOST))


def test_without_host_information_the_host_counts() -> None:
    report = read_participants(ZOOM_US.encode("utf-8"))
    assert report.unique_attendees == 4
    assert report.skipped_host == 0


def test_headers_in_any_case_and_plain_email_column() -> None:
    text = ZOOM_US.replace("Name (Original Name),User Email,Join Time,Leave Time", (
        "name (original name),EMAIL,join time,LEAVE TIME"
    )).replace("Duration (Minutes)", "duration (minutes)").replace(
        "In Waiting Room", "in waiting room"
    )
    check_standard(read_participants(text.encode("utf-8"), HOST))


@pytest.mark.parametrize(
    "fmt",
    [
        "%m/%d/%Y %H:%M:%S",  # US 24-hour
        "%m/%d/%Y %I:%M %p",  # US 12-hour without seconds
        "%Y-%m-%d %H:%M:%S",  # ISO with a space
        "%Y-%m-%dT%H:%M:%S",  # ISO with a T
    ],
)
def test_time_formats(fmt: str) -> None:
    check_standard(read_participants(us_to(fmt).encode("utf-8"), HOST))


def test_iso_with_offset_keeps_the_offset() -> None:
    text = us_to("%Y-%m-%dT%H:%M:%S+01:00")
    report = read_participants(text.encode("utf-8"), HOST)
    check_standard(report)
    marie = next(p for p in report.attendees if p.name.startswith("Dupont"))
    assert marie.first_join is not None
    assert marie.first_join.utcoffset() is not None
    assert marie.first_join.isoformat().startswith("2026-11-24T14:01:00+01:00")


def test_french_excel_resave_semicolon_cp1252_day_first() -> None:
    data = to_french_excel(HEADER_BLOCK + ZOOM_US)
    assert b";" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = read_participants(data)
    assert report.delimiter == ";"
    assert report.encoding == "cp1252"
    check_standard(report)
    assert "Zoé Roux" not in [p.name for p in report.attendees]


def test_day_first_decided_by_a_day_above_twelve() -> None:
    # 03/11 alone is ambiguous; the 13/11 row settles dd/mm for the whole file.
    text = (
        "Name,Email,Join Time,Leave Time,Duration (Minutes)\n"
        "A,a@x.fr,03/11/2026 10:00,03/11/2026 11:00,60\n"
        "B,b@x.fr,13/11/2026 10:00,13/11/2026 10:30,30\n"
    )
    report = read_participants(text.encode())
    a = next(p for p in report.attendees if p.name == "A")
    assert a.first_join == datetime(2026, 11, 3, 10, 0).astimezone()


def test_unique_users_export_uses_total_duration() -> None:
    text = (
        "Name (Original Name),User Email,Total Duration (Minutes),Guest\n"
        '"Dupont, Marie",marie@example.fr,87,Yes\n'
        "Jean Martin,,75,Yes\n"
        "Ahmed Benali,ahmed@example.fr,60,Yes\n"
        "Bibliothèque Zoom 1 (Host),bib-zoom1@ville.fr,95,No\n"
    )
    report = read_participants(text.encode())
    assert report.unique_attendees == 3
    assert report.skipped_host == 1
    assert report.merged_reconnections == 0
    assert report.median_minutes == 75.0
    assert report.peak_concurrent is None  # no times in this export


def test_utf16_tab_separated_from_excel_unicode_text() -> None:
    text = ZOOM_US.replace(",", "\t").replace('"Dupont\t Marie"', "Dupont, Marie")
    report = read_participants(text.encode("utf-16"), HOST)
    check_standard(report)


def test_no_participants_is_an_empty_meeting() -> None:
    report = read_participants((HEADER_BLOCK + ZOOM_US.splitlines()[0] + "\r\n").encode())
    assert report.unique_attendees == 0
    assert report.rows_read == 0
    assert report.peak_concurrent == 0


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("Jean,,not a date,11/24/2026 03:00:00 PM,60,Yes,,No", 5, "join time"),
        ("Jean,,11/24/2026 03:00:00 PM,yesterday,60,Yes,,No", 5, "leave time"),
        ("Jean,,11/24/2026 03:00:00 PM,11/24/2026 02:00:00 PM,60,Yes,,No", 5, "before"),
        ("Jean,,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,-4,Yes,,No", 5, "duration"),
        ("Dupont, Marie,,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60,Yes,,No", 5, "9 values"),
        (",,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60,Yes,,No", 5, "neither"),
        ("Jean,jean-at-home,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60,Yes,,No", 5, "e-mail"),
        ("Jean,,13/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60,Yes,,No", 5, "join time"),
    ],
)
def test_bad_rows_name_their_line(body: str, line: int, words: str) -> None:
    text = HEADER_BLOCK + ZOOM_US.splitlines()[0] + "\r\n" + body + "\r\n"
    with pytest.raises(FileFormatError) as info:
        read_participants(text.encode())
    assert info.value.line == line
    assert f"Line {line}" in info.value.text()
    assert words in info.value.text()


def test_not_a_report() -> None:
    with pytest.raises(FileFormatError, match="No table header"):
        read_participants(b"Hello,World\n1,2\n")
    with pytest.raises(FileFormatError, match="not a text"):
        read_participants(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(FileFormatError, match="not valid CSV"):
        read_participants(b'Name,Email,Join Time\n"unterminated,a@b.fr,x\n')
