"""Sessions through the service on a real SQLite file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.demo import build_demo
from app.core.licences import LicenceClashError
from app.core.models import SessionDraft, SessionFilter, SessionMode, SessionStatus
from app.core.readiness import Decision
from app.core.sessions import today_first
from app.errors import NotFoundError, RegieError, ValidationError
from app.services import Services
from app.storage.demo import load_demo, network_is_empty
from tests.support.fixtures import FIXED_NOW


@pytest.fixture
def demo(services: Services) -> Services:
    load_demo(services.db, build_demo(FIXED_NOW))
    return services


def _draft(s: Services, **changes: object) -> SessionDraft:
    start = datetime(2026, 12, 3, 18, 30).astimezone()
    d = SessionDraft(
        title="Cercle polar",
        type_id=s.references.session_types()[0].id,
        branch_id=s.references.branches()[0].id,
        start=start,
        end=start + timedelta(minutes=90),
        mode=SessionMode.HYBRID,
        capacity=15,
    )
    return replace(d, **changes)  # type: ignore[arg-type]


def test_demo_loads_once_and_lists_today_first(demo: Services) -> None:
    assert not network_is_empty(demo.db)
    rows = demo.sessions.list()
    assert len(rows) == 257
    assert rows[0].start.astimezone().date() >= rows[-1].start.astimezone().date()
    with pytest.raises(RegieError, match="already holds a network"):
        load_demo(demo.db, build_demo(FIXED_NOW))
    assert demo.session_repo.count() == 257


def test_the_database_sorts_today_first_as_core_does_and_pages_add_up(demo: Services) -> None:
    """The list is sorted by the database (a first page is read alone): in exactly the
    order of `today_first`, equal starts included, and its pages make the whole list."""
    rows = demo.sessions.list()
    by_start = demo.session_repo.list_rows(SessionFilter())
    assert [r.id for r in rows] == [r.id for r in today_first(by_start, FIXED_NOW.date())]
    day = FIXED_NOW.date()
    buckets = [0 if r.start.astimezone().date() == day else 2 if r.start < FIXED_NOW.replace(
        hour=0, minute=0) else 1 for r in rows]
    assert buckets == sorted(buckets) and set(buckets) == {0, 1, 2}  # all three kinds
    twin = demo.sessions.create(_draft(demo, start=rows[-1].start, end=rows[-1].end))
    rows = demo.sessions.list()
    assert [r.id for r in rows] == [
        r.id for r in today_first(demo.session_repo.list_rows(SessionFilter()), day)
    ]
    assert rows.index(demo.sessions.row(twin)) == len(rows) - 1  # the later id after
    coming = sum(1 for r in rows if r.start.astimezone().date() >= day)
    for size in (1, coming - 1, coming, coming + 1, 200, len(rows) + 5):
        assert demo.sessions.list(limit=size) + demo.sessions.list(offset=size) == rows
        assert demo.sessions.list(offset=size, limit=7) == rows[size : size + 7]
    assert all(r.start.tzinfo is not None and r.start.utcoffset() == timedelta(0) for r in rows)


def test_create_edit_duplicate_cancel(demo: Services) -> None:
    s = demo.sessions
    sid = s.create(_draft(demo, title="  Cercle   polar "))
    row = s.row(sid)
    assert row.title == "Cercle polar"
    assert row.status == SessionStatus.PLANNED
    assert row.start == datetime(2026, 12, 3, 18, 30).astimezone()

    # "Ready" follows the facts: here the reason given for marking it ready by hand.
    demo.facts.decisions.decide(sid, "ready", Decision("Rehearsed", "test", FIXED_NOW))
    s.update(sid, _draft(demo, capacity=20, status=SessionStatus.READY))
    assert s.row(sid).capacity == 20 and s.row(sid).status == SessionStatus.READY

    copy = s.duplicate(sid)
    assert copy.start == row.start + timedelta(days=7)
    assert copy.licence_id is None and copy.status == SessionStatus.PLANNED
    new_id = s.create(copy)
    assert new_id != sid

    s.cancel(sid)
    assert s.row(sid).status == SessionStatus.CANCELLED
    with pytest.raises(ValidationError):
        s.set_status(sid, SessionStatus.DONE)


def test_done_sessions_only_take_notes(demo: Services) -> None:
    done = next(r for r in demo.sessions.list() if r.status == SessionStatus.DONE)
    session = demo.sessions.get(done.id)
    demo.sessions.update(done.id, replace(session, notes="Bonne participation"))
    assert demo.sessions.row(done.id).notes == "Bonne participation"
    with pytest.raises(ValidationError, match="only its notes"):
        demo.sessions.update(done.id, replace(session, capacity=session.capacity + 1))


def test_invalid_input_writes_nothing(demo: Services) -> None:
    before = demo.session_repo.count()
    for bad in (
        _draft(demo, title=""),
        _draft(demo, capacity=0),
        _draft(demo, type_id=999),
        _draft(demo, branch_id=999),
        _draft(demo, host_id=999),
    ):
        with pytest.raises(ValidationError):
            demo.sessions.create(bad)
    assert demo.session_repo.count() == before


def test_capacity_must_fit_the_licence(demo: Services) -> None:
    small = next(lic for lic in demo.references.licences() if lic.participant_cap == 100)
    before = demo.session_repo.count()
    with pytest.raises(LicenceClashError, match="expects 150 participants"):
        demo.sessions.create(_draft(demo, capacity=150, licence_id=small.id))
    assert demo.session_repo.count() == before


def test_filters(demo: Services) -> None:
    branch = demo.references.branches()[0]
    talk = next(t for t in demo.references.session_types() if t.code == "talk")
    by_branch = demo.sessions.list(SessionFilter(branch_id=branch.id))
    assert by_branch and all(r.branch_id == branch.id for r in by_branch)
    talks = demo.sessions.list(SessionFilter(type_id=talk.id))
    assert len(talks) == 27
    december = demo.sessions.list(
        SessionFilter(date_from=date(2026, 12, 1), date_to=date(2026, 12, 31))
    )
    assert december and all(r.start.astimezone().month == 12 for r in december)
    done = demo.sessions.list(SessionFilter(statuses=frozenset({SessionStatus.DONE})))
    assert done and all(r.status == SessionStatus.DONE for r in done)
    text = demo.sessions.list(SessionFilter(text="café fle"))
    assert text and all("café fle" in r.title.lower() for r in text)


def test_unknown_session(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.sessions.get(12345)


def test_times_are_stored_in_utc(services: Services, db_path: object) -> None:
    branch = services.references.add_branch("vaise", "Vaise")
    start = datetime(2026, 12, 3, 18, 30).astimezone()
    services.sessions.create(
        _draft(services, branch_id=branch, start=start, end=start + timedelta(hours=1))
    )
    with sqlite3.connect(str(db_path)) as raw:
        (stored,) = raw.execute("SELECT starts_at FROM sessions").fetchone()
    assert stored.startswith("2026-12-03 17:30:00")  # Paris is UTC+1 in December


def test_check_results_are_saved_against_the_session(demo: Services) -> None:
    sid = demo.sessions.list()[0].id
    result = CheckResult(
        CheckKind.CAMERA,
        "Webcam C920",
        {"exposure": Criterion("exposure", 0.42, Verdict.PASS, "", "")},
        device_key="v4l2:/dev/video0",
    )
    demo.checks.save(result, operator="agent", session_id=sid)
    latest = demo.checks.latest_for_session(sid)
    assert [c.kind for c in latest] == [CheckKind.CAMERA]
    assert latest[0].verdict == Verdict.PASS
    criteria = latest[0].result["criteria"]
    assert isinstance(criteria, dict)
    assert criteria["exposure"]["value"] == 0.42
    assert criteria == {"exposure": result.criteria["exposure"].as_json()}
    assert (latest[0].session_id, latest[0].operator) == (sid, "agent")
    assert demo.checks.history(device_key="v4l2:/dev/video0")[0].device == "Webcam C920"


def test_settings_round_trip(services: Services) -> None:
    assert services.settings.get("retention_months", "12") == "12"
    services.settings.set("retention_months", "6")
    services.settings.set("retention_months", "9")
    assert services.settings.get("retention_months") == "9"
