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


# Reconnections and second devices (see `app.zoom.participants._merge`): one person per
# e-mail, else per name; a row without e-mail joins the named person who gave one; the
# time of one person is the union of their connections, not their sum.
TITLES = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"


def rows(*lines: str) -> bytes:
    return (TITLES + "".join(line + "\n" for line in lines)).encode()


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 24, hour, minute).astimezone()


@pytest.mark.parametrize("without_email_first", [False, True])
def test_a_row_without_email_is_the_named_person_who_gave_one(
    without_email_first: bool,
) -> None:
    with_email = "Élodie Durand,elodie@example.fr,11/24/2026 14:00,11/24/2026 14:30,30"
    without = "elodie  DURAND,,11/24/2026 14:40,11/24/2026 15:00,20"
    other = "Paul Simon,,11/24/2026 14:00,11/24/2026 15:00,60"
    lines = (without, other, with_email) if without_email_first else (with_email, other, without)
    report = read_participants(rows(*lines))
    assert (report.unique_attendees, report.rows_read, report.merged_reconnections) == (2, 3, 1)
    elodie = next(p for p in report.attendees if p.email)
    assert elodie.email == "elodie@example.fr"
    assert elodie.name == "Élodie Durand"  # the person who gave the e-mail
    assert elodie.connections == 2
    assert elodie.minutes == 50
    assert (elodie.first_join, elodie.last_leave) == (at(14, 0), at(15, 0))
    paul = next(p for p in report.attendees if not p.email)
    assert (paul.name, paul.connections, paul.minutes) == ("Paul Simon", 1, 60)


def test_one_email_under_two_names_is_one_person_and_two_emails_are_two() -> None:
    report = read_participants(rows(
        "Marie Dupont,marie@example.fr,11/24/2026 14:00,11/24/2026 14:20,20",
        "Marie (téléphone),MARIE@example.fr ,11/24/2026 14:25,11/24/2026 14:45,20",
        "Marie Dupont,m.dupont@autre.fr,11/24/2026 14:00,11/24/2026 15:00,60",
    ))
    assert report.unique_attendees == 2
    by_email = {p.email: p for p in report.attendees}
    assert by_email.keys() == {"marie@example.fr", "m.dupont@autre.fr"}
    assert (by_email["marie@example.fr"].connections, by_email["marie@example.fr"].minutes) == (
        2, 40)
    assert by_email["marie@example.fr"].name == "Marie Dupont"  # the first name given


@pytest.mark.parametrize(
    ("first", "second", "minutes"),
    [
        (("14:00", "15:00"), ("14:30", "15:30"), 90),  # laptop and phone, overlapping
        (("14:00", "15:30"), ("14:10", "14:20"), 90),  # the phone inside the laptop's time
        (("14:00", "14:30"), ("14:30", "15:00"), 60),  # end to end
        (("14:30", "15:00"), ("14:00", "14:10"), 40),  # listed out of order, with a gap
    ],
)
def test_overlapping_connections_count_their_union(
    first: tuple[str, str], second: tuple[str, str], minutes: int
) -> None:
    def line(span: tuple[str, str], device: str) -> str:
        # Zoom's own "Duration" column for each connection, as it reports it.
        a, b = (datetime.strptime(x, "%H:%M") for x in span)
        length = int((b - a).total_seconds() // 60)
        day = "11/24/2026"
        return f"Anne Roy ({device}),anne@example.fr,{day} {span[0]},{day} {span[1]},{length}"

    report = read_participants(rows(line(first, "PC"), line(second, "iPhone")))
    [anne] = report.attendees
    assert (anne.minutes, anne.connections) == (minutes, 2)
    assert report.median_minutes == float(minutes)
    assert report.peak_concurrent == 1  # two devices, one person


def test_peak_counts_people_not_devices() -> None:
    report = read_participants(rows(
        "Anne Roy,anne@example.fr,11/24/2026 14:00,11/24/2026 15:00,60",
        "Anne Roy,anne@example.fr,11/24/2026 14:30,11/24/2026 15:30,60",
        "Bruno Lefort,,11/24/2026 14:45,11/24/2026 15:15,30",
        "bruno lefort,,11/24/2026 14:50,11/24/2026 15:10,20",
        "Chloé Morel,,11/24/2026 15:30,11/24/2026 16:00,30",
    ))
    assert report.unique_attendees == 3
    assert report.merged_reconnections == 2
    assert report.peak_concurrent == 2  # Anne and Bruno; Chloé arrives as Anne leaves
    assert {p.name: p.minutes for p in report.attendees} == {
        "Anne Roy": 90, "Bruno Lefort": 30, "Chloé Morel": 30,
    }


def test_without_times_the_durations_add_up() -> None:
    """Only when Zoom gave no join and leave times is the sum all there is to go on."""
    text = (
        "Name (Original Name),User Email,Duration (Minutes)\n"
        "Anne Roy,anne@example.fr,25\n"
        "Anne Roy,anne@example.fr,15\n"
    )
    [anne] = read_participants(text.encode()).attendees
    assert (anne.minutes, anne.connections) == (40, 2)
