"""Attendance on a real SQLite file: counts, imports (all or nothing), purge, migration."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.attendance import (
    RETENTION_KEY,
    CountSource,
    demo_attendance,
)
from app.core.models import SessionFilter, SessionMode, SessionStatus
from app.errors import NotFoundError, RegieError, ValidationError
from app.services import Services, build_attendance
from app.storage import attendance as store
from app.storage.schema import metadata
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US, add_session, network

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def people_rows(services: Services, session_id: int) -> int:
    with services.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).select_from(store.attendance_people).where(
                    store.attendance_people.c.session_id == session_id
                )
            ).scalar_one()
        )


def test_migration_matches_the_tables(services: Services) -> None:
    with services.db.read() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    mine = [d for d in diffs if "attendance" in repr(d)]
    assert mine == []


def test_typed_counts_and_derived_figures(services: Services) -> None:
    net = network(services)
    sid = add_session(services, mode=SessionMode.HYBRID, capacity=40)
    svc = net.attendance
    assert svc.record(sid) is None
    svc.set_counts(sid, registered=36, connected=14)
    svc.set_counts(sid, on_site=8)  # the others keep their value
    record = svc.record(sid)
    assert record is not None
    assert (record.registered, record.connected, record.on_site) == (36, 14, 8)
    assert record.registered_source is CountSource.TYPED
    f = svc.figures(sid)
    assert f.attended == 22
    assert f.no_show_rate == pytest.approx(14 / 36)
    assert f.fill_rate == pytest.approx(22 / 40)


def test_counts_are_checked(services: Services) -> None:
    net = network(services)
    remote = add_session(services)
    with pytest.raises(ValidationError, match="remote"):
        net.attendance.set_counts(remote, on_site=3)
    with pytest.raises(ValidationError, match="between 0"):
        net.attendance.set_counts(remote, registered=-1)
    cancelled = add_session(services, status=SessionStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"):
        net.attendance.set_counts(cancelled, registered=3)
    with pytest.raises(NotFoundError):
        net.attendance.set_counts(9999, registered=3)
    assert net.attendance.record(remote) is None


def test_zoom_import_saves_count_and_people(services: Services) -> None:
    net = network(services)
    sid = add_session(services)
    svc = net.attendance
    preview = svc.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode())
    assert svc.record(sid) is None  # a preview writes nothing
    record = svc.commit_zoom(preview)
    assert record.connected == 3
    assert record.connected_source is CountSource.ZOOM
    assert record.peak_concurrent == 3
    assert record.median_minutes == 75.0
    people = svc.people(sid)
    assert [p.name for _k, p in people] == ["Ahmed Benali (Ahmed)", "Dupont, Marie", "Jean Martin"]
    # Importing again replaces, never adds.
    svc.commit_zoom(preview)
    assert people_rows(services, sid) == 3


def test_host_recognised_from_the_session_licence_when_no_meeting_block(
    services: Services,
) -> None:
    from app.core.models import LicencePlan

    net = network(services)
    lic = services.references.add_licence("Zoom 1", "bib-zoom1@ville.fr", LicencePlan.PRO, 100)
    sid = add_session(services)
    draft = services.session_repo.get(sid)
    services.session_repo.update(sid, dataclasses.replace(draft, licence_id=lic))
    report = net.attendance.preview_zoom(sid, ZOOM_US.encode()).report
    assert report.unique_attendees == 3
    assert report.skipped_host == 1


def test_registrations_import(services: Services) -> None:
    net = network(services)
    sid = add_session(services)
    data = (
        "Prénom;Nom;E-mail;Statut\r\n"
        "Marie;Dupont;marie@example.fr;Confirmé\r\n"
        "Marie;Dupont;MARIE@example.fr;Confirmé\r\n"
        "Jean;Martin;;Confirmé\r\n"
        "Paul;Durand;paul@example.fr;Annulé\r\n"
    ).encode("cp1252")
    preview = net.attendance.preview_registrations(sid, data)
    assert preview.registrations.summary() == {
        "registered": 2, "rows_read": 4, "duplicates": 1, "skipped_rows": 1,
    }
    record = net.attendance.commit_registrations(preview)
    assert record.registered == 2
    assert record.registered_source is CountSource.REGISTRATIONS


# A new report of four people and a new list of four registrants: the database gives
# up on the third row of either (see `_fail_on_third_row`).
FOUR_ATTENDEES = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\r\n"
    "Anne Roy,anne@example.fr,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60\r\n"
    "Bruno Lefort,bruno@example.fr,11/24/2026 02:05:00 PM,11/24/2026 03:00:00 PM,55\r\n"
    "Chloé Morel,,11/24/2026 02:10:00 PM,11/24/2026 02:40:00 PM,30\r\n"
    "Driss Amrani,driss@example.fr,11/24/2026 02:15:00 PM,11/24/2026 03:15:00 PM,60\r\n"
).encode()
FOUR_REGISTRANTS = (
    "Prénom;Nom;E-mail\r\n"
    "Anne;Roy;anne@example.fr\r\n"
    "Bruno;Lefort;bruno@example.fr\r\n"
    "Chloé;Morel;chloe@example.fr\r\n"
    "Driss;Amrani;driss@example.fr\r\n"
).encode("cp1252")
MIDWAY = "regie-test: the write failed midway"


def _fail_on_third_row(services: Services) -> None:
    """A trigger on the real database: the third person of one kind written for a
    session aborts the statement, as a full disk or a lost server would part-way."""
    with services.db.begin() as conn:
        if services.db.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER regie_test_midway BEFORE INSERT ON attendance_people "
                "WHEN (SELECT count(*) FROM attendance_people WHERE session_id = NEW.session_id"
                f" AND kind = NEW.kind) >= 2 BEGIN SELECT RAISE(ABORT, '{MIDWAY}'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION regie_test_midway() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN IF (SELECT count(*) FROM attendance_people WHERE session_id = "
                "NEW.session_id AND kind = NEW.kind) >= 2 THEN "
                f"RAISE EXCEPTION '{MIDWAY}'; END IF; RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER regie_test_midway BEFORE INSERT ON attendance_people "
                "FOR EACH ROW EXECUTE FUNCTION regie_test_midway()"
            )


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
    indirect=True,
)
@pytest.mark.parametrize("kind", ["attendee", "registrant"])
def test_a_failing_write_changes_nothing(services: Services, kind: str) -> None:
    """The database fails on the third row of a new import: the session keeps its
    previous counts and people, all of them, and the error is the database's own."""
    net = network(services)
    svc = net.attendance
    sid = add_session(services)
    svc.commit_zoom(svc.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode()))
    svc.commit_registrations(
        svc.preview_registrations(sid, b"Nom;E-mail\r\nMarie Dupont;marie@example.fr\r\n"
                                       b"Paul Durand;paul@example.fr\r\n")
    )
    before = (svc.record(sid), svc.people(sid))
    assert before[0] is not None
    assert (before[0].registered, before[0].connected) == (2, 3)
    assert sorted(k for k, _p in before[1]) == ["attendee"] * 3 + ["registrant"] * 2
    _fail_on_third_row(services)
    zoom = svc.preview_zoom(sid, FOUR_ATTENDEES)
    listed = svc.preview_registrations(sid, FOUR_REGISTRANTS)
    assert (zoom.report.unique_attendees, listed.registrations.count) == (4, 4)
    with pytest.raises((sa.exc.DBAPIError, RegieError)) as caught:
        svc.commit_zoom(zoom) if kind == "attendee" else svc.commit_registrations(listed)
    assert MIDWAY in f"{caught.value} {caught.value.__cause__}"
    assert (svc.record(sid), svc.people(sid)) == before


def test_a_bad_file_changes_nothing(services: Services) -> None:
    net = network(services)
    sid = add_session(services)
    net.attendance.commit_zoom(net.attendance.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode()))
    before = (net.attendance.record(sid), net.attendance.people(sid))
    bad = ZOOM_US + "Late Person,,11/24/2026 03:00:00 PM,tomorrow,5,Yes,,No\r\n"
    with pytest.raises(RegieError, match="Line 9"):
        net.attendance.preview_zoom(sid, bad.encode())
    assert (net.attendance.record(sid), net.attendance.people(sid)) == before


def test_purge_forgets_people_after_retention_but_keeps_counts(services: Services) -> None:
    network(services)
    now = [T0]
    svc = build_attendance(services, clock=lambda: now[0])
    sid = add_session(services)
    svc.commit_zoom(svc.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode()))
    now[0] = datetime(2027, 11, 1, tzinfo=UTC)  # eleven months later
    assert svc.purge().people_removed == 0
    now[0] = datetime(2027, 11, 25, tzinfo=UTC)  # twelve months and a day
    result = svc.purge()
    assert result.retention_months == 12
    assert result.people_removed == 3
    assert svc.people(sid) == []
    record = svc.record(sid)
    assert record is not None
    assert record.connected == 3


def test_retention_setting(services: Services) -> None:
    network(services)
    now = [T0]
    svc = build_attendance(services, clock=lambda: now[0])
    sid = add_session(services)
    svc.commit_zoom(svc.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode()))
    services.settings.set(RETENTION_KEY, "24")
    now[0] = datetime(2028, 1, 1, tzinfo=UTC)
    assert svc.purge().people_removed == 0
    services.settings.set(RETENTION_KEY, "zero")
    with pytest.raises(RegieError, match="retention"):
        svc.purge()


def test_demo_attendance_for_done_sessions(services: Services) -> None:
    import random

    network(services)
    for i in range(30):
        add_session(services, capacity=20 + i, mode=SessionMode.HYBRID if i % 3 else
                    SessionMode.REMOTE, status=SessionStatus.DONE if i < 25 else
                    SessionStatus.PLANNED)
    rows = services.sessions.list(SessionFilter())
    records = demo_attendance(rows, random.Random(7))
    assert len(records) == 25
    for r in records:
        row = next(x for x in rows if x.id == r.session_id)
        assert r.registered is not None
        assert r.connected is not None
        assert 0.75 * row.capacity - 1 <= r.registered <= row.capacity
        attended = r.connected + (r.on_site or 0)
        assert 0.28 <= 1 - attended / r.registered <= 0.52
        assert (r.on_site is not None) == (row.mode is SessionMode.HYBRID)
    assert store.write_demo_attendance(services.db, records) == 25
    report = build_attendance(services).report()
    assert report.total.sessions == 25
    assert report.total.no_show_rate is not None
    assert 0.30 <= report.total.no_show_rate <= 0.50


def test_earlier_import_says_what_a_new_one_replaces(services: Services) -> None:
    """Per kind: the people of the last import and when it came; once its names were
    purged, its count without a date; typed counts are not an import."""
    network(services)
    now = [T0]
    svc = build_attendance(services, clock=lambda: now[0])
    sid = add_session(services)
    zoom = svc.preview_zoom(sid, (HEADER_BLOCK + ZOOM_US).encode())
    registrations = svc.preview_registrations(sid, b"Email\na@x.fr\nb@x.fr\n")
    assert svc.earlier_import(zoom) is None
    svc.set_counts(sid, registered=40, connected=12)  # typed: nothing imported yet
    assert svc.earlier_import(zoom) is None and svc.earlier_import(registrations) is None

    svc.commit_zoom(zoom)
    earlier = svc.earlier_import(zoom)
    assert earlier is not None
    assert (earlier.source, earlier.people, earlier.imported_at) == (CountSource.ZOOM, 3, T0)
    assert svc.earlier_import(registrations) is None  # another kind

    now[0] = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    svc.commit_registrations(registrations)
    earlier = svc.earlier_import(registrations)
    assert earlier is not None
    assert (earlier.source, earlier.people) == (CountSource.REGISTRATIONS, 2)
    assert earlier.imported_at == now[0]

    now[0] = datetime(2028, 1, 1, tzinfo=UTC)
    assert svc.purge().people_removed == 5
    earlier = svc.earlier_import(zoom)
    assert earlier is not None
    assert (earlier.source, earlier.people, earlier.imported_at) == (CountSource.ZOOM, 3, None)
