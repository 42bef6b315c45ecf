"""The same Alembic migrations build the same schema on SQLite and PostgreSQL, and the
licence holds stay in step with the bookings on both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.core.licences import LicenceClashError
from app.core.models import LicencePlan, Session, SessionDraft, SessionStatus
from app.storage import schema, tables
from app.storage.bookings import licence_holds
from app.storage.database import Database
from tests.zoom.conftest import Network


def _holds(db: Database) -> dict[int, tuple[int, int, datetime, datetime]]:
    h = licence_holds.c
    with db.read() as conn:
        rows = conn.execute(sa.select(h.session_id, h.licence_id, h.slot, h.held_from, h.held_to))
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def test_upgrade_from_empty_and_schema_matches(empty_url: str, engine: str) -> None:
    db = Database(empty_url)
    report = db.migrate()
    assert report.before is None and report.after == db.head_revision()
    with db.engine.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), tables.metadata
        )
        types = conn.execute(sa.select(sa.func.count()).select_from(schema.session_types))
        assert types.scalar() == 8
        if engine == "postgresql":
            kinds = conn.exec_driver_sql(
                "SELECT contype FROM pg_constraint WHERE conname = 'ex_licence_holds_overlap'"
            ).scalars().all()
            assert kinds == ["x"]  # an exclusion constraint
    assert set(tables.metadata.tables) <= names
    assert diff == []
    # and back down one step, then up again: the revision is reversible on both engines
    from alembic import command

    command.downgrade(db.alembic_config(), "0004")
    assert db.current_revision() == "0004"
    db.migrate()
    assert db.current_revision() == db.head_revision()
    db.dispose()


def test_upgrade_from_first_revision_keeps_bookings(empty_url: str) -> None:
    db = Database(empty_url)
    first = ScriptDirectory.from_config(db.alembic_config()).get_bases()[0]
    db.migrate(target="0004")
    start = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    with db.begin() as conn:
        conn.execute(schema.branches.insert().values(id=1, code="vaise", name="Vaise"))
        conn.execute(
            schema.licences.insert().values(
                id=1, label="Zoom 1", email="z@bm.fr", plan="business", participant_cap=100,
                concurrent_limit=2,
            )
        )
        for sid, (h, status) in enumerate([(17, "planned"), (17, "planned"), (19, "cancelled")]):
            conn.execute(
                schema.sessions.insert().values(
                    id=sid + 1, title=f"S{sid}", type_id=1, branch_id=1,
                    starts_at=start.replace(hour=h), ends_at=start.replace(hour=h + 1),
                    mode="remote", capacity=10, licence_id=1, status=status,
                    created_at=start, updated_at=start,
                )
            )
    assert first == "0001"
    db.migrate()
    holds = _holds(db)
    # the cancelled session holds nothing; the two others share the licence in two slots
    assert sorted(holds) == [1, 2]
    assert sorted(v[1] for v in holds.values()) == [1, 2]
    assert holds[1][2] == start - timedelta(minutes=10)
    assert holds[1][3] == start.replace(hour=18) + timedelta(minutes=5)
    db.dispose()


def test_holds_follow_the_bookings(network: Network, at) -> None:
    s = network.services
    lid = network.licence("Zoom 1")
    a = network.session("Heure du conte", at(16))
    b = network.session("Club manga", at(18))
    network.feature.service.assign(a, lid)
    network.feature.service.assign(b, lid)
    assert set(_holds(s.db)) == {a, b}
    # moving a session moves its hold
    draft = s.sessions.get(a)
    s.session_repo.update(a, _as_draft(draft, at(14)))
    assert _holds(s.db)[a][2] == at(14).astimezone(UTC) - timedelta(minutes=10)
    # cancelling or unassigning frees the licence
    s.session_repo.set_status(a, SessionStatus.CANCELLED)
    assert set(_holds(s.db)) == {b}
    network.feature.service.unassign(b)
    assert _holds(s.db) == {}


def _as_draft(sess: Session, start: datetime) -> SessionDraft:
    return SessionDraft(
        title=sess.title,
        type_id=sess.type_id,
        branch_id=sess.branch_id,
        start=start,
        end=start + (sess.end - sess.start),
        mode=sess.mode,
        capacity=sess.capacity,
        licence_id=sess.licence_id,
    )


def test_two_slots_are_dealt_again_when_needed(network: Network, at) -> None:
    """Limit 2: A 9–11 and B 12–14 took different slots; C 10:30–12:30 overlaps both but
    never more than one at once, so the holds are re-dealt and C gets in."""
    lid = network.licence("Business", 300, plan=LicencePlan.BUSINESS, concurrent_limit=2)
    svc = network.feature.service
    a = network.session("A", at(9), 120)
    x = network.session("X", at(11, 30), 30)
    b = network.session("B", at(12), 120)
    svc.assign(a, lid)
    svc.assign(x, lid)  # slot 1 taken by A's buffer: X goes to slot 2
    svc.assign(b, lid)  # overlaps X: slot 1
    svc.unassign(x)
    c = network.session("C", at(10, 30), 120)
    svc.assign(c, lid)
    holds = _holds(network.services.db)
    assert {holds[a][1], holds[c][1]} == {1, 2}
    assert {holds[b][1], holds[c][1]} == {1, 2}
    d = network.session("D", at(10, 45), 30)
    with pytest.raises(LicenceClashError) as caught:
        svc.assign(d, lid)
    assert "already booked for session" in caught.value.text()


@pytest.mark.postgresql
@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_database_itself_refuses_an_overlapping_hold(
    network: Network, at, engine: str
) -> None:
    lid = network.licence("Zoom 1")
    a = network.session("A", at(16))
    b = network.session("B", at(16, 30))
    c = network.session("C", at(17, 15))
    network.feature.service.assign(a, lid)
    db = network.services.db
    hold = _holds(db)[a]
    with pytest.raises(sa.exc.IntegrityError) as caught, db.begin() as conn:
        conn.execute(
            licence_holds.insert().values(
                session_id=b, licence_id=lid, slot=1, held_from=hold[2], held_to=hold[3]
            )
        )
    assert getattr(caught.value.orig, "sqlstate", None) == "23P01"
    # back to back (half-open ranges) is allowed
    with db.begin() as conn:
        conn.execute(
            licence_holds.insert().values(
                session_id=c, licence_id=lid, slot=1, held_from=hold[3],
                held_to=hold[3] + timedelta(hours=1),
            )
        )
