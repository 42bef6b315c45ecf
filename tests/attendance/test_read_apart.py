"""Large participant reports read in a child process (the window's way): the same
report or the same error as read in place, and the reading thread left nearly idle."""

from __future__ import annotations

import time

import pytest

from app.core.csvfiles import FileFormatError
from app.zoom.participants import read_participants
from app.zoom.participants_apart import (
    ReadingStoppedError,
    _receive,
    read_participants_apart,
)
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US
from tests.benchmarks.bench_stall import zoom_report

HOSTS = ("bib-zoom1@ville.fr",)


def test_a_report_read_apart_is_the_one_read_in_place() -> None:
    small = (HEADER_BLOCK + ZOOM_US).encode()
    assert read_participants_apart(small, HOSTS, apart_from=0) == read_participants(
        small, HOSTS)
    large = zoom_report(30_000)
    here = read_participants(large, HOSTS)
    apart = read_participants_apart(large, HOSTS, apart_from=0)
    assert apart == here
    assert len(apart.attendees) == len(here.attendees) > 9_000


def test_the_reading_thread_does_little_of_the_work() -> None:
    """What the window's process spends (this thread's CPU time) is a fraction of the
    reading itself: the child did it. CPU time, so that machine load does not count."""
    data = zoom_report(60_000)
    start = time.thread_time()
    read_participants(data, HOSTS)
    in_place = time.thread_time() - start
    start = time.thread_time()
    read_participants_apart(data, HOSTS, apart_from=0)
    apart = time.thread_time() - start
    assert apart < in_place / 3, (apart, in_place)


def test_a_bad_file_read_apart_names_the_same_line() -> None:
    good = zoom_report(200).decode()
    lines = good.split("\r\n")
    lines[120] = lines[120].replace("PM", "XM", 1).replace("AM", "XM", 1)
    bad = "\r\n".join(lines).encode()
    with pytest.raises(FileFormatError) as here:
        read_participants(bad, HOSTS)
    with pytest.raises(FileFormatError) as apart:
        read_participants_apart(bad, HOSTS, apart_from=0)
    assert apart.value.line == here.value.line > 0
    assert (apart.value.message, apart.value.fix, apart.value.params) == (
        here.value.message, here.value.fix, here.value.params)


def test_a_child_that_stops_without_answering_is_said_so() -> None:
    import multiprocessing

    receive, send = multiprocessing.get_context("spawn").Pipe(duplex=False)
    send.close()  # as a child killed before its first message
    with pytest.raises(ReadingStoppedError) as stopped:
        _receive(receive)
    assert "Import it again" in stopped.value.fix
