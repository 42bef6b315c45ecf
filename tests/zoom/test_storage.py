"""Licences and bookings on a real SQLite file: the service, its repository, migration."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.core.licences import BookingPolicy, LicenceClashError, LicenceDraft
from app.core.models import LicencePlan, MeetingRecord, SessionStatus
from app.errors import NotFoundError, RegieError, ValidationError
from tests.zoom.conftest import Network


def test_migration_creates_the_tables(network: Network, at) -> None:
    """The migrated licence tables are the models' (columns, types, keys), their kind
    check refuses what is not a secret kind, and a session's meeting goes with it."""
    from datetime import UTC, datetime

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.storage.bookings import licence_holds
    from app.storage.licences import licence_secrets, session_meetings
    from app.storage.tables import metadata

    mine = ("licence_secrets", "session_meetings", "licence_holds", "licences")
    db = network.services.db
    with db.read() as conn:
        inspector = sa.inspect(conn)
        assert set(mine) <= set(inspector.get_table_names())
        for table in (licence_secrets, session_meetings, licence_holds):
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.c.keys())
        assert inspector.get_pk_constraint("licence_secrets")["constrained_columns"] == [
            "licence_id", "kind"]
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert [d for d in diff if any(name in repr(d) for name in mine)] == []

    lid = network.licence("Zoom 1")
    sid = network.session("S", at(9))
    now = datetime.now(UTC)
    with pytest.raises(sa.exc.IntegrityError), db.begin() as conn:
        conn.execute(licence_secrets.insert().values(
            licence_id=lid, kind="passcode", ref="x", updated_at=now))
    network.feature.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    with db.begin() as conn:
        conn.execute(sa.text("DELETE FROM sessions WHERE id = :id"), {"id": sid})
    assert network.feature.repo.meeting(sid) is None


def test_add_edit_and_duplicate_label(network: Network) -> None:
    svc = network.feature.service
    lid = network.licence("Zoom 1")
    with pytest.raises(ValidationError, match="already exists"):
        network.licence("Zoom 1")
    svc.update(lid, LicenceDraft("Zoom Un", "un@bm.fr", LicencePlan.BUSINESS, 300, 2))
    lic = svc.by_label("zoom un")
    assert (lic.plan, lic.participant_cap, lic.concurrent_limit) == (LicencePlan.BUSINESS, 300, 2)
    with pytest.raises(NotFoundError, match="regie licences list"):
        svc.by_label("absent")


def test_manual_assignment_refuses_overlap_naming_the_session(network: Network, at) -> None:
    svc = network.feature.service
    lid = network.licence("Zoom 1")
    first = network.session("Café FLE", at(14))
    second = network.session("Atelier BD", at(14, 30))
    assert svc.assign(first, lid).label == "Zoom 1"
    with pytest.raises(LicenceClashError) as err:
        svc.assign(second, lid)
    assert f"session {first}" in err.value.text() and "Café FLE" in err.value.text()
    assert network.services.sessions.get(second).licence_id is None  # nothing written


def test_buffer_policy_is_a_network_setting(network: Network, at) -> None:
    svc = network.feature.service
    assert svc.policy() == BookingPolicy()  # 10 min before, 5 after
    lid = network.licence("Zoom 1")
    svc.assign(network.session("A", at(14)), lid)
    later = network.session("B", at(15, 10))  # 10 min gap: less than 5 + 10
    with pytest.raises(LicenceClashError):
        svc.assign(later, lid)
    svc.set_policy(BookingPolicy(timedelta(minutes=5), timedelta(minutes=5)))
    assert network.services.settings.get("licences.buffer_before_minutes") == "5"
    assert svc.assign(later, lid).id == lid
    with pytest.raises(ValidationError):
        svc.set_policy(BookingPolicy(timedelta(minutes=-1), timedelta(0)))


def _holds(network: Network) -> dict[int, tuple[object, object]]:
    from app.storage.bookings import licence_holds

    h = licence_holds.c
    with network.services.db.read() as conn:
        rows = conn.execute(sa.select(h.session_id, h.held_from, h.held_to)).all()
    return {r.session_id: (r.held_from, r.held_to) for r in rows}


def test_new_buffers_apply_to_upcoming_bookings_or_change_nothing(
    network: Network, at
) -> None:
    repo = network.feature.service._repo
    svc = network.feature.service
    svc.set_policy(BookingPolicy(timedelta(minutes=5), timedelta(minutes=5)))
    lid = network.licence("Zoom 1")
    past = network.session("Conte d'hier", at(9, 0, -1))
    a = network.session("Café FLE", at(14))
    b = network.session("Atelier", at(15, 10))  # 10 min after A: fits with 5 + 5
    for sid in (past, a, b):
        svc.assign(sid, lid)
    since = at(0)  # "now", for the test: the session of the day before is over
    held = _holds(network)

    # 10 min before + 5 after: A and B would overlap on a one-meeting licence.
    with pytest.raises(ValidationError) as err:
        repo.apply_policy(BookingPolicy(timedelta(minutes=10), timedelta(minutes=5)),
                          since=since)
    text = err.value.text()
    assert "Café FLE" in text and "Atelier" in text and "Zoom 1" in text
    assert "another licence" in text
    assert network.services.settings.get("licences.buffer_before_minutes") == "5"
    assert _holds(network) == held  # nothing changed

    assert repo.apply_policy(BookingPolicy(timedelta(0), timedelta(minutes=2)),
                             since=since) == 2
    assert svc.policy() == BookingPolicy(timedelta(0), timedelta(minutes=2))
    after = _holds(network)
    start_a = network.services.sessions.get(a).start
    assert after[a][0] == start_a  # no buffer before, now
    assert after[past] == held[past]  # the hold of a session already over stays
    # The minutes freed between A and B are bookable at once (held 15:02 to 15:10).
    c = network.session("Point info", at(15, 2), minutes=6)
    assert svc.assign(c, lid).id == lid


def test_auto_assignment_and_cancelled_sessions(network: Network, at) -> None:
    svc = network.feature.service
    small = network.licence("Petit", 100)
    big = network.licence("Grand", 300, plan=LicencePlan.BUSINESS)
    nord = network.licence("Nord", 100, branch_id=network.branch_b)
    s1 = network.session("Conte", at(10))
    s2 = network.session("Conte bis", at(10))
    s3 = network.session("Conte ter", at(10))
    s_nord = network.session("Lecture", at(10), branch=network.branch_b)
    assert svc.assign_auto(s_nord).id == nord  # own branch first
    assert svc.assign_auto(s1).id == small  # smallest cap that fits
    assert svc.assign_auto(s2).id == big
    with pytest.raises(RegieError, match="No licence is free"):
        svc.assign_auto(s3)
    network.services.sessions.cancel(s1)
    assert svc.assign_auto(s3).id == small  # a cancelled session frees its licence
    svc.unassign(s3)
    assert network.services.sessions.get(s3).licence_id is None


def test_capacity_above_cap_refused(network: Network, at) -> None:
    lid = network.licence("Zoom 1", 100)
    sid = network.session("Concert", at(20), capacity=250)
    with pytest.raises(LicenceClashError, match="250 participants"):
        network.feature.service.assign(sid, lid)


def test_finished_sessions_keep_their_licence(network: Network, at) -> None:
    """The licence a session was held on is part of its history: once the session is
    over (or cancelled) no verb changes or removes it, and its notes still change."""
    import dataclasses

    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    other = network.licence("Zoom 2")
    done = network.session("Passé", at(9, 45))  # launched at 10:00, then over
    svc.assign(done, lid)
    sessions.set_status(done, SessionStatus.RUNNING)
    sessions.set_status(done, SessionStatus.DONE)
    cancelled = network.session("Annulé", at(12))
    svc.assign(cancelled, lid)
    sessions.cancel(cancelled)
    for sid in (done, cancelled):
        with pytest.raises(ValidationError, match="over or cancelled"):
            svc.assign(sid, other)
        with pytest.raises(ValidationError, match="over or cancelled"):
            svc.assign_auto(sid)
        with pytest.raises(ValidationError, match="over or cancelled"):
            svc.unassign(sid)
        for licence_id in (None, other):
            changed = dataclasses.replace(sessions.get(sid), licence_id=licence_id)
            with pytest.raises(ValidationError, match="only its notes"):
                sessions.update(sid, changed)
        assert sessions.get(sid).licence_id == lid
    sessions.update(done, dataclasses.replace(sessions.get(done), notes="Salle comble"))
    kept = sessions.get(done)
    assert (kept.licence_id, kept.notes, kept.status) == (lid, "Salle comble", SessionStatus.DONE)
    # The session that took place still holds its time on the licence; the cancelled
    # one holds nothing.
    booked = network.feature.repo.bookings()
    assert [(b.session_id, b.licence_id) for b in booked] == [(done, lid)]


def test_delete_only_unused_licences(network: Network, at) -> None:
    svc = network.feature.service
    used = network.licence("Utilisée")
    unused = network.licence("Libre")
    svc.assign(network.session("S", at(9)), used)
    with pytest.raises(ValidationError, match="Deactivate it instead"):
        svc.delete(used)
    svc.delete(unused)
    assert [x.label for x in svc.licences()] == ["Utilisée"]


def test_planning_from_the_database(network: Network, at) -> None:
    svc = network.feature.service
    lid = network.licence("Zoom 1")
    svc.assign(network.session("Matin", at(10)), lid)
    rows = svc.planning(at(0), at(0, day=1))
    assert len(rows) == 1 and len(rows[0].booked) == 1 and len(rows[0].gaps) == 2


def test_meeting_record_round_trip(network: Network, at) -> None:
    sid = network.session("S", at(9))
    repo = network.feature.repo
    assert repo.meeting(sid) is None
    repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    repo.set_meeting(MeetingRecord(sid, "98765432109", "https://zoom.us/j/98765432109", "ref"))
    got = repo.meeting(sid)
    assert got is not None and got.meeting_id == "98765432109" and got.passcode_ref == "ref"
    with pytest.raises(NotFoundError):
        repo.set_meeting(MeetingRecord(9999, "12345678901", None, None))
    assert network.services.sessions.get(sid).status is SessionStatus.PLANNED
