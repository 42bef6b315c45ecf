"""A long CSV text is handed to the reader a slice at a time (so that copying it never
holds the interpreter for long): the lines, and so the rows, are exactly those of the
whole text read at once."""

from __future__ import annotations

import csv
import io
import random

import pytest

from app.core import csvfiles
from app.core.csvfiles import text_lines

ENDINGS = ("\n", "\r\n", "\r")


def _text(rng: random.Random, rows: int) -> str:
    out = []
    for i in range(rows):
        name = rng.choice(["Zoé", "Anaïs, lectrice", 'Dit "Jo"', "Line\r\nbreak", "x\ry"])
        field = '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\r\n') \
            else name
        out.append(f"{i},{field},{rng.randrange(100)}{rng.choice(ENDINGS)}")
    return "".join(out)


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 18])
def test_slices_give_the_lines_and_rows_of_the_whole_text(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvfiles, "TEXT_CHUNK", chunk)
    rng = random.Random(chunk)
    for rows in (0, 1, 3, 200):
        text = _text(rng, rows)
        whole = list(io.StringIO(text, newline=""))
        assert list(text_lines(text)) == whole
        assert list(csv.reader(text_lines(text))) == list(
            csv.reader(io.StringIO(text, newline="")))
    assert list(text_lines("a\r")) == ["a\r"]
    assert list(text_lines("a\r\nb")) == ["a\r\n", "b"]


def test_a_long_text_is_copied_in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfiles, "TEXT_CHUNK", 100)
    made: list[int] = []
    real = io.StringIO

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, value: str = "", newline: str | None = "\n") -> None:
            made.append(len(value))
            super().__init__(value, newline)

    monkeypatch.setattr(io, "StringIO", Counting)
    text = "".join(f"{i},name {i}\r\n" for i in range(1000))
    assert len(list(text_lines(text))) == 1000
    assert len(made) > 10 and max(made) < 200


@pytest.mark.parametrize("junk", ["\x0c", "\x1e", "\x1c\x1d", "\x85", "\u2028", "\x0b"])
def test_separators_other_than_line_breaks_do_not_move_the_header(junk: str) -> None:
    """The reader breaks lines at \\r and \\n only; the header scan did too little the same
    (`str.splitlines` also breaks at form feeds and the like), found the header some
    lines away from where the reader saw it and dropped the first people as preamble."""
    from app.zoom.participants import read_participants
    from tests.attendance.test_properties import GOOD

    clean = read_participants(GOOD)
    damaged = read_participants(junk.encode("utf-8") + b"\r\n" + GOOD)
    assert [(p.name, p.connections) for p in damaged.attendees] == [
        (p.name, p.connections) for p in clean.attendees]
    assert damaged.rows_read == clean.rows_read
