"""Large reports are read a chunk at a time (so that a window reading one on a worker
keeps the interpreter within reach): the chunks' seams change nothing."""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime, timedelta

import pytest

from app.core.csvfiles import CHUNK, chunked_map, chunked_set, release
from app.zoom.participants import read_participants
from tests.attendance import reference_reader

SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7]


@pytest.mark.parametrize("size", SIZES)
def test_chunked_helpers_are_their_plain_forms(size: int) -> None:
    items = [f"v{k % 977}" for k in range(size)]
    assert chunked_map(str.upper, items) == [v.upper() for v in items]
    assert chunked_set(items, [*items[::-1], "last"]) == set(items) | {"last"}
    held = list(items)
    release(held)
    assert held == []


def big_report(rows: int, rng: random.Random) -> bytes:
    """A per-connection export with the host, the waiting room, people without e-mail
    who also connected with one, and rows spread over every chunk."""
    out = io.StringIO(newline="")
    out.write("Meeting ID,Topic,Host\r\n812,Lecture,Bib Zoom\r\n\r\n")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time",
                "Duration (Minutes)", "In Waiting Room"])
    start = datetime(2026, 11, 24, 14, 0)
    for k in range(rows):
        p = rng.randrange(rows // 3)
        join = start + timedelta(minutes=rng.randrange(200), seconds=rng.randrange(60))
        leave = join + timedelta(minutes=rng.randrange(0, 40), seconds=rng.randrange(60))
        name = "Bib Zoom" if k % 997 == 0 else f"Personne {p}"
        email = f"p{p}@ex.fr" if p % 4 and k % 5 else ""
        w.writerow([name, email, join.strftime("%m/%d/%Y %I:%M:%S %p"),
                    leave.strftime("%m/%d/%Y %I:%M:%S %p"), (leave - join).seconds // 60,
                    "Yes" if k % 101 == 0 else "No"])
    return out.getvalue().encode("utf-8-sig")


def test_a_report_over_several_chunks_reads_as_the_reference() -> None:
    data = big_report(3 * CHUNK + 123, random.Random(7))
    got = read_participants(data, ["p8@ex.fr"])
    expected = reference_reader.read_participants(data, ["p8@ex.fr"])
    assert got == expected
    assert [repr(p) for p in got.attendees] == [repr(p) for p in expected.attendees]
    assert got.skipped_host > 1 and got.skipped_waiting_room > 1
    assert got.merged_reconnections > 0
