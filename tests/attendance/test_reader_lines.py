"""A bad row is reported on the line where it starts in the file, also below a name
that spans several lines inside quotes (the table is then read row by row)."""

from __future__ import annotations

import pytest

from app.core.csvfiles import FileFormatError
from app.zoom.participants import read_participants

HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n"
GOOD = "Marie Dupont,marie@ex.fr,11/24/2026 02:00:00 PM,11/24/2026 02:30:00 PM,30\r\n"
BAD = "Jean Martin,not-an-email,11/24/2026 02:00:00 PM,11/24/2026 02:30:00 PM,30\r\n"


def line_of_error(text: str) -> int:
    with pytest.raises(FileFormatError) as caught:
        read_participants(text.encode("utf-8"))
    return caught.value.line


def test_bad_row_line_in_a_plain_file() -> None:
    assert line_of_error(HEADER + GOOD + GOOD + BAD) == 4


def test_bad_row_line_below_a_name_on_two_lines() -> None:
    two_lines = ('"Zoé\r\nMartin",zoe@ex.fr,11/24/2026 02:00:00 PM,'
                 "11/24/2026 02:10:00 PM,10\r\n")
    assert line_of_error(HEADER + GOOD + two_lines + GOOD + BAD) == 6


def test_a_name_on_two_lines_is_read() -> None:
    two_lines = ('"Zoé\nMartin",zoe@ex.fr,11/24/2026 02:00:00 PM,'
                 "11/24/2026 02:10:00 PM,10\r\n")
    report = read_participants((HEADER + GOOD + two_lines).encode("utf-8"))
    assert sorted(p.email or "" for p in report.attendees) == ["marie@ex.fr", "zoe@ex.fr"]
    assert report.rows_read == 2


def test_a_leave_and_a_join_at_the_same_second_do_not_overlap() -> None:
    rows = ("Marie Dupont,marie@ex.fr,11/24/2026 02:00:00 PM,11/24/2026 02:30:00 PM,30\r\n"
            "Jean Martin,jean@ex.fr,11/24/2026 02:30:00 PM,11/24/2026 03:00:00 PM,30\r\n")
    report = read_participants((HEADER + rows).encode("utf-8"))
    assert report.peak_concurrent == 1  # Marie had left as Jean came
