"""Property tests of the checklist and tutorial validator: whatever the bytes of a file,
a checklist that matches its TOML or `file:line` problems (never both, never a crash),
within a deadline."""

from __future__ import annotations

import re
import tempfile
import tomllib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.checklists.loader import (
    SHIPPED_SESSION_TYPES,
    load_catalog,
    parse_checklist,
    parse_tutorial,
    shipped_layer,
)
from app.config import resources_dir

TUTORIALS = load_catalog([shipped_layer()]).tutorials
GOOD = (resources_dir() / "checklists" / "conte.toml").read_text(encoding="utf-8")
GOOD_LINES = GOOD.splitlines()
TUTORIAL = (resources_dir() / "tutorials" / "webcam.md").read_text(encoding="utf-8")
TOKENS = ["[", "]", "[[", "]]", "{", "}", "=", ".", ",", '"', "'", '"""', "'''", "#", "\\",
          "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", " ", "\t", "steps", "id", "title",
          "x", "1", "1.5", "1979-05-27", "true",
          "é", "\x00", "\x1b", "\ufeff", "9" * 30, "a.b.c.d.e.f.g.h.i", "[" * 20, "]" * 20]


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@st.composite
def checklist_files(draw: st.DrawFn) -> bytes:
    """The shipped `conte.toml` with edits (lines cut, garbled, repeated, dropped, or
    replaced by TOML-looking noise), in UTF-8 with or without a mark, or other bytes."""
    lines = list(GOOD_LINES)
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["cut", "garble", "noise", "repeat", "drop"]))
        if kind == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif kind == "garble":
            lines[i] = draw(st.text(max_size=40))
        elif kind == "noise":
            lines.insert(i, "".join(draw(st.lists(st.sampled_from(TOKENS), max_size=30))))
        elif kind == "repeat":
            lines[i:i] = lines[i : i + draw(st.integers(1, 12))] * draw(st.integers(1, 30))
        else:
            del lines[i]
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


def check_checklist(folder: Path, data: bytes) -> str:
    path = folder / "c.toml"
    path.write_bytes(data)
    checklist, problems = parse_checklist(path, TUTORIALS, SHIPPED_SESSION_TYPES)
    lines = data.count(b"\n") + 1
    for p in problems:
        assert p.path == path
        assert 1 <= p.line <= lines, p
        assert str(p).startswith(f"{path}:{p.line}: ")
    if problems:
        assert checklist is None  # an invalid file never loads in part
        return "problems"
    assert checklist is not None
    parsed = tomllib.loads(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    assert checklist.id == parsed["id"].strip()
    assert checklist.version == parsed["version"]
    assert [s.id for s in checklist.steps] == [s["id"].strip() for s in parsed["steps"]]
    return "loaded"


@given(checklist_files())
@settings(max_examples=150, deadline=timedelta(seconds=3))
def test_any_checklist_loads_whole_or_says_where(folder: Path, data: bytes) -> None:
    event(check_checklist(folder, data))


@given(st.lists(st.sampled_from(TOKENS), max_size=300).map("".join))
@settings(max_examples=150, deadline=timedelta(seconds=3))
def test_toml_noise_loads_whole_or_says_where(folder: Path, text: str) -> None:
    event(check_checklist(folder, text.encode("utf-8")))


@given(st.binary(max_size=3000))
@settings(max_examples=80, deadline=timedelta(seconds=3))
def test_any_bytes_load_whole_or_say_where(folder: Path, data: bytes) -> None:
    event(check_checklist(folder, data))


@given(st.lists(st.one_of(st.sampled_from(TUTORIAL.splitlines()),
                          st.sampled_from(["#", "## ", "# " + " " * 50 + "#", "![a](", "](",
                                           "![x](../../etc/passwd)", "```", "![" * 50]),
                          st.text(max_size=40)),
                max_size=60).map("\n".join))
@settings(max_examples=120, deadline=timedelta(seconds=3))
def test_any_tutorial_loads_or_says_where(folder: Path, text: str) -> None:
    path = folder / "t.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    tutorial, problems = parse_tutorial(path)
    lines = len(re.split(r"\r\n|\r|\n", text))  # as an editor numbers them
    for p in problems:
        assert 1 <= p.line <= lines, p
    if tutorial is not None:
        for section in tutorial.sections.values():
            assert 1 <= section.line <= lines
            assert section.markdown.strip()
    event("problems" if problems else "loaded")
