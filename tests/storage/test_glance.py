"""The first screen's glance: today's sessions by one stdlib sqlite3 query, the same ones
Aujourd'hui then shows with their readiness, or nothing when the full reading must come
first. A real SQLite demo network at the fixed "now"."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from app.config import AppConfig
from app.core.models import SessionDraft, SessionMode, SessionStatus
from app.services import Services, load_demo_network, open_services
from app.services import readiness as prep
from app.services.glance import glance
from app.storage.glance import read_glance, sqlite_file
from app.storage.migrations import HEAD
from tests.support.fixtures import FIXED_NOW, desk_config


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[AppConfig, Services]]:
    config = desk_config(f"sqlite:///{tmp_path / 'glance.sqlite3'}")
    services = open_services(config)
    load_demo_network(services, FIXED_NOW)
    try:
        yield config, services
    finally:
        services.close()


def _today_ids(services: Services, days: int, branch: str | None) -> list[int]:
    branch_id = next(b.id for b in services.references.branches() if b.code == branch) \
        if branch else None
    return [r.row.id for r in prep.today(services, day=FIXED_NOW.date(), days=days,
                                         branch_id=branch_id)]


@pytest.mark.parametrize(("branch", "days"), [("bachut", 1), ("bachut", 3), (None, 3)])
def test_the_glance_lists_the_sessions_aujourdhui_shows(
    demo: tuple[AppConfig, Services], branch: str | None, days: int
) -> None:
    config, services = demo
    seen = glance(config, branch, days)
    assert seen is not None
    expected = _today_ids(services, days, branch)
    assert expected  # the fixed day has sessions to show
    assert [r.session_id for r in seen.rows] == expected
    assert seen.day == FIXED_NOW.date() and seen.days == days
    assert seen.branch_name == ("Bachut" if branch else None)
    rows = {r.row.id: r.row for r in prep.today(services, day=FIXED_NOW.date(), days=days)}
    for r in seen.rows:
        row = rows[r.session_id]
        assert (r.title, r.start, r.end, r.branch_name, r.licence_label) == (
            row.title, row.start, row.end, row.branch_name, row.licence_label)


def test_a_cancelled_session_leaves_the_glance(demo: tuple[AppConfig, Services]) -> None:
    config, services = demo
    before = glance(config, None, 1)
    assert before is not None and before.rows
    gone = before.rows[0].session_id
    services.sessions.set_status(gone, SessionStatus.CANCELLED)
    after = glance(config, None, 1)
    assert after is not None
    assert gone not in [r.session_id for r in after.rows]
    assert [r.session_id for r in after.rows] == _today_ids(services, 1, None)


def test_a_branch_since_removed_shows_the_whole_network(
    demo: tuple[AppConfig, Services],
) -> None:
    config, services = demo
    seen = glance(config, "no-such-branch", 1)
    assert seen is not None and seen.branch_name is None
    assert [r.session_id for r in seen.rows] == _today_ids(services, 1, None)


def test_no_glance_before_a_migration_on_a_first_start_or_on_a_server(
    demo: tuple[AppConfig, Services], tmp_path: Path
) -> None:
    config, _services = demo
    path = sqlite_file(config.db_url)
    assert path is not None and path.is_file()
    assert read_glance(path, HEAD, FIXED_NOW.date(), 1, None) is not None
    # A schema a migration will change first: its columns may not be those queried.
    assert read_glance(path, "0001", FIXED_NOW.date(), 1, None) is None
    assert glance(replace(config, db_url=f"sqlite:///{tmp_path / 'none.sqlite3'}"), None,
                  1) is None
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert read_glance(empty, HEAD, FIXED_NOW.date(), 1, None) is None
    assert sqlite_file("postgresql+psycopg://regie@db.lan/regie") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file(str(path)) == path


def test_the_day_is_the_desk_s_local_day(demo: tuple[AppConfig, Services]) -> None:
    """Just after local midnight is tomorrow, even where UTC still says today."""
    config, services = demo
    branch = services.references.branches()[0].id
    kind = services.references.session_types()[0].id
    midnight = datetime.combine(FIXED_NOW.date() + timedelta(days=1), time.min).astimezone()
    late, early = services.session_repo.add_many([
        SessionDraft("Veillée", kind, branch, midnight - timedelta(minutes=50),
                     midnight - timedelta(minutes=10), SessionMode.REMOTE, 20),
        SessionDraft("Nuit du conte", kind, branch, midnight + timedelta(minutes=30),
                     midnight + timedelta(minutes=90), SessionMode.REMOTE, 20),
    ])
    seen = glance(config, None, 1)
    assert seen is not None
    ids = [r.session_id for r in seen.rows]
    assert late in ids and early not in ids
    assert ids == _today_ids(services, 1, None)
