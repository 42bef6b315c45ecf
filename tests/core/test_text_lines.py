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
