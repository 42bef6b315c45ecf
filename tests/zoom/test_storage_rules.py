"""The booking rules as storage itself enforces them, on SQLite and PostgreSQL alike.

Every write here goes straight to the repositories: `SqlLicenceRepository.assign` with
a chooser that checks nothing, and `SqlSessionRepository` without the session service.
So the rules the service checks first cannot hide a hole in the holds, the buffers or
the write's own check.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from app.core.licences import Booking, BookingPolicy, ClashReason, LicenceClashError
from app.core.models import Licence, LicencePlan, SessionDraft, SessionMode, SessionStatus
from app.storage.bookings import licence_holds
from tests.zoom.conftest import Network

Chooser = Callable[[Booking, list[Licence], list[Booking]], Licence]


def blindly(licence_id: int) -> Chooser:
    """A chooser that takes the licence it is told, whatever the rules say."""

    def choose(_cand: Booking, licences: list[Licence], _books: list[Booking]) -> Licence:
        return next(x for x in licences if x.id == licence_id)

    return choose


def draft(network: Network, start: datetime, minutes: int = 60, **changes: object) -> SessionDraft:
    d = SessionDraft(
        title="Séance",
        type_id=network.type_id,
        branch_id=network.branch_a,
        start=start,
        end=start + timedelta(minutes=minutes),
        mode=SessionMode.REMOTE,
        capacity=20,
    )
    return dataclasses.replace(d, **changes)  # type: ignore[arg-type]


def add(network: Network, title: str, start: datetime, minutes: int = 60) -> int:
    return network.services.session_repo.add(draft(network, start, minutes, title=title))


def holds(network: Network) -> dict[int, tuple[int, datetime, datetime]]:
    h = licence_holds.c
    with network.services.db.read() as conn:
        rows = conn.execute(sa.select(h.session_id, h.licence_id, h.held_from, h.held_to))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


def licence_of(network: Network, sid: int) -> int | None:
    return network.services.session_repo.get(sid).licence_id


def test_an_overlapping_booking_is_refused_by_storage(network: Network, at) -> None:
    repo = network.feature.repo
    lid = network.licence("Zoom 1")
    first = add(network, "Café FLE", at(14))
    second = add(network, "Atelier BD", at(14, 30))
    repo.assign(first, blindly(lid))
    before = holds(network)
    with pytest.raises(LicenceClashError) as err:
        repo.assign(second, blindly(lid))
    assert err.value.reason is ClashReason.OVERLAP
    assert f"session {first}" in err.value.text() and "Café FLE" in err.value.text()
    assert licence_of(network, second) is None
    assert holds(network) == before
    # A session written with the licence already set is refused the same way.
    count = network.services.session_repo.count()
    with pytest.raises(LicenceClashError, match=f"session {first}"):
        network.services.session_repo.add(draft(network, at(14, 30), licence_id=lid))
    assert network.services.session_repo.count() == count


@pytest.mark.parametrize(
    ("start", "minutes", "fits"),
    [
        ((15, 14), 60, False),  # held from 15:04, the first is held until 15:05
        ((15, 15), 60, True),  # held from 15:05: back to back with the first's hold
        ((12, 46), 60, False),  # held until 13:51, the first is held from 13:50
        ((12, 45), 60, True),  # held until 13:50
    ],
)
def test_buffers_before_and_after_are_held(
    network: Network, at, start: tuple[int, int], minutes: int, fits: bool
) -> None:
    """Default buffers: 10 min before each session, 5 min after it."""
    repo = network.feature.repo
    lid = network.licence("Zoom 1")
    first = add(network, "Conte", at(14))  # held 13:50–15:05
    repo.assign(first, blindly(lid))
    assert holds(network)[first] == (lid, at(13, 50), at(15, 5))
    other = add(network, "Lecture", at(*start), minutes)
    if fits:
        repo.assign(other, blindly(lid))
        begin, end = at(*start), at(*start) + timedelta(minutes=minutes)
        assert holds(network)[other] == (lid, begin - timedelta(minutes=10),
                                         end + timedelta(minutes=5))
        assert licence_of(network, other) == lid
    else:
        with pytest.raises(LicenceClashError, match=f"session {first}"):
            repo.assign(other, blindly(lid))
        assert licence_of(network, other) is None
        assert other not in holds(network)


def test_back_to_back_sessions_share_a_licence_without_buffers(network: Network, at) -> None:
    """Holds are half-open: one ending at 15:00 and one starting at 15:00 do not meet."""
    repo = network.feature.repo
    assert repo.apply_policy(BookingPolicy(timedelta(0), timedelta(0)), since=at(0)) == 0
    lid = network.licence("Zoom 1")
    middle = add(network, "Milieu", at(14))
    before = add(network, "Avant", at(13))
    after = add(network, "Après", at(15))
    for sid in (middle, before, after):
        repo.assign(sid, blindly(lid))
    assert {sid: licence_of(network, sid) for sid in (middle, before, after)} == {
        middle: lid, before: lid, after: lid,
    }
    assert holds(network)[after][1] == holds(network)[middle][2] == at(15)
    one_minute_over = add(network, "Débord", at(14, 59), 30)
    with pytest.raises(LicenceClashError, match=f"session {middle}"):
        repo.assign(one_minute_over, blindly(lid))
    # Moving a booked session onto the next one's time is refused too.
    sessions = network.services.session_repo
    with pytest.raises(LicenceClashError, match=f"session {middle}"):
        sessions.update(after, draft(network, at(14, 30), title="Après", licence_id=lid))
    assert sessions.get(after).start == at(15)


def test_a_cancelled_session_frees_its_slot(network: Network, at) -> None:
    repo, sessions = network.feature.repo, network.services.session_repo
    lid = network.licence("Zoom 1")
    first = add(network, "Annulée", at(10))
    repo.assign(first, blindly(lid))
    sessions.set_status(first, SessionStatus.CANCELLED)
    assert first not in holds(network)
    assert licence_of(network, first) == lid  # kept in its history, holding nothing
    second = add(network, "Remplaçante", at(10))
    assert repo.assign(second, blindly(lid)).id == lid
    assert set(holds(network)) == {second}
    # Planned again, the first would now clash: refused, and still cancelled.
    with pytest.raises(LicenceClashError, match=f"session {second}"):
        sessions.set_status(first, SessionStatus.PLANNED)
    assert sessions.get(first).status is SessionStatus.CANCELLED
    assert set(holds(network)) == {second}


def test_two_meetings_at_once_on_a_licence_that_allows_two(network: Network, at) -> None:
    repo = network.feature.repo
    lid = network.licence("Business", 300, plan=LicencePlan.BUSINESS, concurrent_limit=2)
    a, b, c = (add(network, name, at(9)) for name in ("A", "B", "C"))
    repo.assign(a, blindly(lid))
    repo.assign(b, blindly(lid))
    with pytest.raises(LicenceClashError):
        repo.assign(c, blindly(lid))
    assert set(holds(network)) == {a, b}
    assert licence_of(network, c) is None


def test_a_capacity_above_the_licence_cap_is_refused(network: Network, at) -> None:
    repo, sessions = network.feature.repo, network.services.session_repo
    lid = network.licence("Zoom 1", 100)
    big = sessions.add(draft(network, at(20), capacity=250, title="Concert"))
    with pytest.raises(LicenceClashError) as err:
        repo.assign(big, blindly(lid))
    assert err.value.reason is ClashReason.CAPACITY
    assert "expects 250 participants" in err.value.text() and "admits 100" in err.value.text()
    assert licence_of(network, big) is None and big not in holds(network)
    count = sessions.count()
    with pytest.raises(LicenceClashError, match="expects 250 participants"):
        sessions.add(draft(network, at(22), capacity=250, licence_id=lid))
    assert sessions.count() == count
    small = sessions.add(draft(network, at(9), capacity=100, licence_id=lid))
    with pytest.raises(LicenceClashError, match="expects 101 participants"):
        sessions.update(small, draft(network, at(9), capacity=101, licence_id=lid))
    assert sessions.get(small).capacity == 100


def test_an_inactive_or_reserved_licence_is_refused(network: Network, at) -> None:
    repo = network.feature.repo
    nord = network.licence("Nord", branch_id=network.branch_b)
    off = network.licence("Ancienne", active=False)
    sid = add(network, "Atelier", at(11))  # a session of the other branch
    with pytest.raises(LicenceClashError) as err:
        repo.assign(sid, blindly(nord))
    assert err.value.reason is ClashReason.BRANCH
    with pytest.raises(LicenceClashError) as err:
        repo.assign(sid, blindly(off))
    assert err.value.reason is ClashReason.INACTIVE
    assert licence_of(network, sid) is None and holds(network) == {}
