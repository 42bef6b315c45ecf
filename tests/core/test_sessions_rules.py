"""Pure session rules, without storage or Qt."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app.core.demo import CANCELLED_EXTRA, TYPE_PLAN, build_demo, term_start
from app.core.models import SessionDraft, SessionMode, SessionRow, SessionStatus
from app.core.sessions import today_first, validate_draft
from app.errors import ValidationError

START = datetime(2026, 12, 3, 18, 30).astimezone()


def draft(**changes: object) -> SessionDraft:
    base = SessionDraft(
        title="  Café   FLE ",
        type_id=1,
        branch_id=1,
        start=START,
        end=START + timedelta(minutes=90),
        mode=SessionMode.REMOTE,
        capacity=15,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_pure_packages_import_no_qt() -> None:
    """Core, storage, devices, zoom, checklists and the CLI load without Qt (fresh process)."""
    code = (
        "import importlib, pkgutil, sys, app\n"
        "for pkg in ('core', 'storage', 'devices', 'zoom', 'checklists', 'cli'):\n"
        "    m = importlib.import_module('app.' + pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "        if '.migrations' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith('PySide6'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_valid_draft_is_tidied() -> None:
    assert validate_draft(draft()).title == "Café FLE"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"end": START}, "end"),
        ({"end": START - timedelta(minutes=1)}, "end"),
        ({"end": START + timedelta(hours=13)}, "end"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": -3}, "capacity"),
        ({"capacity": 100_001}, "capacity"),
    ],
)
def test_invalid_drafts_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(**changes))
    assert caught.value.field == field
    assert caught.value.fix  # every message says what to do


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        validate_draft(draft(start=datetime(2026, 12, 3, 18), end=datetime(2026, 12, 3, 19)))


def _row(day: date, hour: int, sid: int) -> SessionRow:
    start = datetime(day.year, day.month, day.day, hour).astimezone()
    return SessionRow(
        sid,
        "t",
        1,
        "talk",
        "Rencontres",
        1,
        "vaise",
        "Vaise",
        start,
        start + timedelta(hours=1),
        SessionMode.REMOTE,
        10,
        None,
        None,
        None,
        None,
        SessionStatus.PLANNED,
        "",
    )


def test_today_first_then_upcoming_then_most_recent_past() -> None:
    today = date(2026, 11, 24)
    rows = [
        _row(date(2026, 11, 20), 10, 1),
        _row(date(2026, 11, 23), 10, 2),
        _row(today, 18, 3),
        _row(today, 9, 4),
        _row(date(2026, 11, 30), 10, 5),
        _row(date(2026, 11, 25), 10, 6),
    ]
    ordered = [r.id for r in today_first(rows, today)]
    assert ordered == [4, 3, 6, 5, 2, 1]


def test_demo_term_matches_the_activity_report() -> None:
    now = datetime(2026, 11, 24, 10).astimezone()
    net = build_demo(now)
    assert len(net.branches) == 10
    assert len(net.staff) >= 20
    held = [s for s in net.sessions if s.status != SessionStatus.CANCELLED]
    assert Counter(s.type_code for s in held) == {code: n for code, n, *_ in TYPE_PLAN}
    assert len(net.sessions) - len(held) == CANCELLED_EXTRA
    assert net.sessions[0].start.date() >= date(2026, 11, 2)
    assert net.sessions[-1].start.date() <= date(2027, 3, 31)
    weeks = Counter((s.start.date() - date(2026, 11, 2)).days // 7 for s in net.sessions)
    assert 8 <= weeks[0] <= 12 and 27 <= max(weeks.values()) <= 33
    assert any(s.start.date() == now.date() for s in net.sessions)
    # no licence is double booked
    for label in {s.licence_label for s in net.sessions if s.licence_label}:
        booked = sorted((s.start, s.end) for s in net.sessions if s.licence_label == label)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(booked))
    assert build_demo(now) == net  # deterministic


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 24), date(2026, 11, 2)),
        (date(2027, 2, 10), date(2026, 11, 2)),
        (date(2026, 6, 1), date(2025, 11, 3)),
        (date(2026, 7, 1), date(2026, 11, 2)),
        (date(2025, 12, 1), date(2025, 11, 3)),
    ],
)
def test_term_start(today: date, expected: date) -> None:
    assert term_start(today) == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "\x1b[31mRouge\x1b[0m"}, "title"),
        ({"title": "Café\x00FLE"}, "title"),
        ({"title": "Café\x85FLE"}, "title"),  # a C1 control (NEL)
        ({"notes": "ok\n\x1b]0;pwned\x07"}, "notes"),
        ({"notes": "\x7f"}, "notes"),
        ({"start": datetime(1999, 12, 31, 18).astimezone(),
          "end": datetime(1999, 12, 31, 19).astimezone()}, "start"),
    ],
)
def test_control_characters_and_dates_out_of_range_are_refused(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(**changes))
    assert caught.value.field == field
    assert caught.value.fix


def test_whitespace_controls_are_tidied_not_refused() -> None:
    tidy = validate_draft(draft(title="Café\tFLE\r\n", notes="Ligne 1\r\n\tLigne 2\n"))
    assert tidy.title == "Café FLE"
    assert tidy.notes == "Ligne 1\r\n\tLigne 2"


def test_a_start_more_than_five_years_ahead_of_the_desk_is_refused() -> None:
    now = datetime(2026, 11, 24, 10).astimezone()
    far = datetime(2031, 11, 24, 11).astimezone()
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(start=far, end=far + timedelta(hours=1)), now)
    assert caught.value.field == "start"
    assert "5 years" in caught.value.text()
    near = datetime(2031, 11, 24, 9).astimezone()
    assert validate_draft(draft(start=near, end=near + timedelta(hours=1)), now)
    leap = datetime(2028, 2, 29, 10).astimezone()
    assert validate_draft(draft(start=near, end=near + timedelta(hours=1)), leap)
