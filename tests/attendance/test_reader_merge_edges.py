"""Edge cases of the whole-table merge (`app.zoom.participants._spans` and `_groups`):
neighbouring people kept apart, ties resolved in row order, moved rows placed after the
person's own, the peak at a shared second, repeated headers however they are written."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.csvfiles import CHUNK
from app.zoom.participants import read_participants

TITLES = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
DAY = "11/24/2026"


def rows(*lines: str, titles: str = TITLES) -> bytes:
    return (titles + "".join(line + "\n" for line in lines)).encode()


def line(name: str, email: str, join: str, leave: str, minutes: str = "1") -> str:
    return f"{name},{email},{DAY} {join},{DAY} {leave},{minutes}"


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, second).astimezone()


def test_a_long_connection_does_not_reach_into_the_next_person() -> None:
    """People are merged side by side: one person's late leave must not join the gaps of
    the person whose rows come next."""
    report = read_participants(rows(
        line("Anne Roy", "anne@example.fr", "10:00", "12:00"),
        line("Bruno Lefort", "bruno@example.fr", "10:30", "10:40"),
        line("Bruno Lefort", "bruno@example.fr", "11:00", "11:10"),
        line("Chloé Morel", "", "09:00", "09:05"),
        line("Chloé Morel", "", "09:10", "09:20"),
    ))
    minutes = {p.name: (p.minutes, p.connections) for p in report.attendees}
    assert minutes == {"Anne Roy": (120, 1), "Bruno Lefort": (20, 2), "Chloé Morel": (15, 2)}
    assert report.peak_concurrent == 2


def test_several_spans_of_one_person_in_any_order() -> None:
    """Nested, touching, overlapping and separate connections of one person, listed out
    of order: the union, the earliest join and the latest leave."""
    report = read_participants(rows(
        line("Anne Roy", "anne@example.fr", "15:00", "15:10"),
        line("Anne Roy", "anne@example.fr", "14:00", "14:30"),
        line("Anne Roy", "anne@example.fr", "14:05", "14:10"),
        line("Anne Roy", "anne@example.fr", "14:30", "14:45"),
        line("Anne Roy", "anne@example.fr", "14:40", "14:50"),
        line("Anne Roy", "anne@example.fr", "16:00", "16:00"),
    ))
    [anne] = report.attendees
    assert (anne.minutes, anne.connections) == (60, 6)
    assert (anne.first_join, anne.last_leave) == (at(14, 0), at(16, 0))
    assert report.peak_concurrent == 1


def test_equal_times_keep_the_first_row_that_has_them() -> None:
    """Two rows with the same join second, one in UTC and one in local time (a file
    re-saved by hand mixes them): the person's first join is the first row's."""
    text = rows(
        "Anne Roy,anne@example.fr,2026-11-24T13:00:00Z,2026-11-24T14:00:00Z,60",
        "Anne Roy,anne@example.fr,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60",
    )
    [anne] = read_participants(text).attendees
    assert anne.first_join is not None and anne.last_leave is not None
    assert (anne.first_join, anne.last_leave) == (at(14, 0), at(15, 0))
    assert anne.first_join.utcoffset() == anne.last_leave.utcoffset() == timedelta(0)
    assert (anne.minutes, anne.connections) == (60, 2)


def test_rows_without_email_come_after_the_persons_own_rows() -> None:
    """Rows without e-mail of two spellings of the same name join the person who gave an
    e-mail: the connections count, the union, and the first name given is kept."""
    report = read_participants(rows(
        line("anne  ROY", "", "13:00", "13:20"),
        line("Paul Simon", "", "13:00", "13:01"),
        line("Anne Roy", "anne@example.fr", "14:00", "14:30"),
        line("Anne Röy", "", "14:20", "14:40"),
        line("Anne Roy", "anne@example.fr", "15:00", "15:10"),
    ))
    anne = next(p for p in report.attendees if p.email)
    assert (anne.name, anne.email) == ("Anne Roy", "anne@example.fr")
    assert (anne.connections, anne.minutes) == (4, 70)
    assert (anne.first_join, anne.last_leave) == (at(13, 0), at(15, 10))
    assert report.unique_attendees == 2
    assert report.merged_reconnections == 3


def test_a_leave_and_a_join_at_the_same_second_are_not_two_people() -> None:
    report = read_participants(rows(
        line("Anne Roy", "anne@example.fr", "14:00:00", "14:30:15"),
        line("Bruno Lefort", "bruno@example.fr", "14:30:15", "15:00:00"),
        line("Chloé Morel", "chloe@example.fr", "14:30:15", "14:40:00"),
    ))
    assert report.peak_concurrent == 2


def test_total_durations_are_the_largest_given_else_the_time_connected() -> None:
    titles = "Name (Original Name),User Email,Join Time,Leave Time,Total Duration (Minutes)\n"
    report = read_participants(rows(
        line("Anne Roy", "anne@example.fr", "14:00", "14:30", "45"),
        line("Anne Roy", "anne@example.fr", "14:40", "14:50", ""),
        line("Bruno Lefort", "bruno@example.fr", "14:00", "14:20", ""),
        line("Bruno Lefort", "bruno@example.fr", "14:30", "14:35", ""),
        titles=titles,
    ))
    assert {p.name: p.minutes for p in report.attendees} == {"Anne Roy": 45, "Bruno Lefort": 25}


def test_repeated_headers_are_left_out_however_written() -> None:
    """A header row repeated mid-file (a report pasted after another) is no attendee,
    in another case, with extra spaces, in quotes or behind a BOM."""
    repeated = [
        "NAME  (ORIGINAL NAME),USER EMAIL,JOIN TIME,LEAVE TIME,DURATION (MINUTES)",
        '" Name (Original Name) ",User Email,Join Time,Leave Time,Duration (Minutes)',
        "\ufeffName (Original\tName),User Email,Join Time,Leave Time,Duration (Minutes)",
    ]
    report = read_participants(rows(
        line("Anne Roy", "anne@example.fr", "14:00", "14:30"),
        *repeated,
        "",
        line("Bruno Lefort", "bruno@example.fr", "14:00", "14:20"),
    ))
    assert sorted(p.name for p in report.attendees) == ["Anne Roy", "Bruno Lefort"]
    assert report.rows_read == 2


def test_people_of_one_name_keep_their_order_over_several_chunks() -> None:
    """More people than a chunk, many under one name with their own e-mails: sorted by
    name, and those of one name in the order they first appear, as one stable sort."""
    count = CHUNK + CHUNK // 2
    lines = [line("Anne Roy" if k % 3 else f"Zoé {k:05d}", f"p{k:05d}@example.fr",
                  "14:00", "14:30") for k in range(count)]
    report = read_participants(rows(*reversed(lines)))
    assert report.unique_attendees == count
    annes = [p.email or "" for p in report.attendees if p.name == "Anne Roy"]
    assert annes == sorted(annes, reverse=True)  # the file lists them last to first
    assert [p.name for p in report.attendees] == sorted(p.name for p in report.attendees)
