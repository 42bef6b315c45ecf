"""The licence rules, pure: holds, buffers, concurrency, caps, branches, auto-pick, grid."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.licences import (
    NEW_SESSION,
    Booking,
    BookingPolicy,
    ClashReason,
    LicenceDraft,
    SegmentKind,
    check_fit,
    choose_free_licence,
    licence_fits,
    no_free_licence,
    overlaps,
    pick_free_licence,
    planning,
    validate_licence,
)
from app.core.models import Licence, LicencePlan, SessionStatus
from app.errors import RegieError, ValidationError

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
NONE = BookingPolicy(timedelta(0), timedelta(0))
PRO = Licence(1, "Zoom 1", "z1@bm.fr", LicencePlan.PRO, 100)
BIG = Licence(2, "Zoom 300", "z2@bm.fr", LicencePlan.BUSINESS, 300)


def book(sid: int, start_h: float, end_h: float, lic: int | None = 1, **kw: object) -> Booking:
    return Booking(
        session_id=sid,
        title=f"Session {sid}",
        branch_id=kw.pop("branch", 1),  # type: ignore[arg-type]
        start=T0 + timedelta(hours=start_h),
        end=T0 + timedelta(hours=end_h),
        capacity=kw.pop("capacity", 20),  # type: ignore[arg-type]
        licence_id=lic,
        status=kw.pop("status", SessionStatus.PLANNED),  # type: ignore[arg-type]
    )


def test_each_licence_says_whether_it_fits_and_why_not() -> None:
    other_branch = Licence(3, "Zoom Nord", "z3@bm.fr", LicencePlan.PRO, 100, branch_id=2)
    off = Licence(4, "Zoom ancien", "z4@bm.fr", LicencePlan.PRO, 100, active=False)
    small = Licence(5, "Zoom 50", "z5@bm.fr", LicencePlan.PRO, 50)
    free = Licence(6, "Zoom libre", "z6@bm.fr", LicencePlan.PRO, 100)
    existing = [book(7, 0, 2, lic=1)]
    cand = book(0, 1, 2, lic=None, capacity=80)  # a session not saved yet
    fits = licence_fits([PRO, other_branch, off, small, free], cand, existing, NONE)
    got = {lic.label: err for lic, err in fits}
    reasons = {label: err.reason if err else None for label, err in got.items()}
    assert reasons == {
        "Zoom 1": ClashReason.OVERLAP,
        "Zoom Nord": ClashReason.BRANCH,
        "Zoom ancien": ClashReason.INACTIVE,
        "Zoom 50": ClashReason.CAPACITY,
        "Zoom libre": None,
    }
    clash = got["Zoom 1"]
    assert clash is not None and clash.clashing is not None
    assert clash.clashing.session_id == 7 and clash.params["session_id"] == 7
    capacity = got["Zoom 50"]
    assert capacity is not None and (capacity.params["capacity"], capacity.params["cap"]) == (
        80, 50
    )


def test_the_licence_already_held_is_judged_by_what_changed() -> None:
    """As storage does: a booking made before its licence was restricted to another
    branch keeps it while the times stay; moving the session checks the licence again."""
    restricted = replace(PRO, branch_id=2)
    before = book(3, 0, 1, lic=1)
    same = replace(before, title="Renamed")
    assert licence_fits([restricted], same, [], NONE, before=before) == [(restricted, None)]
    [(_, err)] = licence_fits([restricted], same, [], NONE)  # a new booking: every rule
    assert err is not None and err.reason is ClashReason.BRANCH
    moved = replace(before, branch_id=5)
    [(_, err)] = licence_fits([restricted], moved, [], NONE, before=before)
    assert err is not None and err.reason is ClashReason.BRANCH
    cancelled = replace(before, status=SessionStatus.CANCELLED, capacity=500)
    assert licence_fits([restricted], cancelled, [], NONE, before=before) == [(restricted, None)]


def test_intervals_are_half_open() -> None:
    a, b, c = T0, T0 + timedelta(hours=1), T0 + timedelta(hours=2)
    assert not overlaps(a, b, b, c)
    assert overlaps(a, c, b, c)
    assert overlaps(a, b + timedelta(seconds=1), b, c)


def test_back_to_back_fits_without_buffer_but_not_with_one() -> None:
    existing = [book(1, 0, 1)]
    cand = book(2, 1, 2, lic=None)
    assert check_fit(PRO, cand, existing, NONE) is None
    err = check_fit(PRO, cand, existing, BookingPolicy(timedelta(minutes=10), timedelta(0)))
    assert err is not None and err.reason is ClashReason.OVERLAP
    # Buffers add up: 10 min after the first + 5 min before the second need a 15 min gap.
    policy = BookingPolicy(timedelta(minutes=5), timedelta(minutes=10))
    assert check_fit(PRO, book(2, 1.25, 2, lic=None), existing, policy) is None
    assert check_fit(PRO, book(2, 1.24, 2, lic=None), existing, policy) is not None


def test_clash_message_names_the_clashing_session() -> None:
    err = check_fit(PRO, book(9, 0.5, 1.5, lic=None), [book(4, 0, 1)], NONE)
    assert err is not None
    assert err.clashing is not None and err.clashing.session_id == 4
    text = err.text()
    assert "session 4" in text and "“Session 4”" in text and "Zoom 1" in text
    assert "10:00–11:00" in text  # local (Paris) time of the clashing session


def test_cancelled_sessions_and_the_session_itself_do_not_hold() -> None:
    existing = [book(1, 0, 1, status=SessionStatus.CANCELLED), book(2, 0, 1)]
    assert check_fit(PRO, book(2, 0, 1), existing, NONE) is None  # re-assigning itself


def test_concurrent_limit_counts_peak_not_every_overlap() -> None:
    lic = Licence(3, "Biz", "b@bm.fr", LicencePlan.BUSINESS, 300, concurrent_limit=2)
    # Two bookings overlap the candidate but not each other: peak is 1, a second fits.
    existing = [book(1, 0, 1, lic=3), book(2, 1, 2, lic=3)]
    assert check_fit(lic, book(3, 0.5, 1.5, lic=None), existing, NONE) is None
    # Once two are alive together, a third is refused.
    existing.append(book(3, 0.5, 1.5, lic=3))
    err = check_fit(lic, book(4, 0.75, 0.9, lic=None), existing, NONE)
    assert err is not None and err.reason is ClashReason.OVERLAP


def test_capacity_branch_and_inactive_are_refused_with_reasons() -> None:
    cap = check_fit(PRO, book(1, 0, 1, lic=None, capacity=150), [], NONE)
    assert cap is not None and cap.reason is ClashReason.CAPACITY
    assert "150" in cap.text() and "100" in cap.text()
    reserved = Licence(5, "Nord", "n@bm.fr", LicencePlan.PRO, 100, branch_id=2)
    br = check_fit(reserved, book(1, 0, 1, lic=None, branch=1), [], NONE)
    assert br is not None and br.reason is ClashReason.BRANCH
    assert check_fit(reserved, book(1, 0, 1, lic=None, branch=2), [], NONE) is None
    off = Licence(6, "Off", "o@bm.fr", LicencePlan.PRO, 100, active=False)
    inactive = check_fit(off, book(1, 0, 1, lic=None), [], NONE)
    assert inactive is not None and inactive.reason is ClashReason.INACTIVE


def test_auto_pick_prefers_own_branch_then_smallest_fitting_cap() -> None:
    own = Licence(7, "Nord 300", "n@bm.fr", LicencePlan.BUSINESS, 300, branch_id=2)
    cand = book(1, 0, 1, lic=None, branch=2)
    assert pick_free_licence([PRO, BIG, own], cand, [], NONE) == own
    assert pick_free_licence([BIG, PRO], book(1, 0, 1, lic=None), [], NONE) == PRO
    busy = [book(2, 0, 1, lic=1)]
    assert pick_free_licence([PRO, BIG], book(1, 0, 1, lic=None), busy, NONE) == BIG
    assert pick_free_licence([PRO], book(1, 0, 1, lic=None), busy, NONE) is None
    err = no_free_licence([PRO], book(1, 0, 1, lic=None), busy, NONE)
    assert "session 2" in err.text()  # says who holds the licence


def test_a_session_not_saved_yet_is_not_called_session_0() -> None:
    busy = [book(2, 0, 1, lic=1)]
    with pytest.raises(RegieError) as got:
        choose_free_licence([PRO], book(NEW_SESSION, 0, 1, lic=None), busy, NONE)
    text = got.value.text()
    assert text.startswith("No licence is free at that time.") and "session 0" not in text
    assert "session 2" in text  # the licence's holder, from the nested clash
    assert choose_free_licence([PRO, BIG], book(NEW_SESSION, 0, 1, lic=None), busy, NONE) == BIG


def test_the_command_line_gets_its_own_fix_and_the_window_none_of_it() -> None:
    """The command line prints `text()`: its options; the window shows `fix`, which
    names no option (the form offers the best free licence)."""
    err = check_fit(PRO, book(9, 0.5, 1.5, lic=None), [book(4, 0, 1)], NONE)
    assert err is not None
    assert "--auto" in err.text() and "--auto" not in err.fix
    assert "best free one" in err.fix
    none = no_free_licence([], book(1, 0, 1, lic=None), [], NONE)
    assert "regie licences add" in none.text() and "regie" not in none.fix


def test_planning_shows_bookings_and_gaps() -> None:
    books = [book(1, 1, 2), book(2, 1.5, 3), book(3, 5, 6), book(4, 0, 1, lic=2)]
    rows = planning([PRO, BIG], books, T0, T0 + timedelta(hours=8))
    pro = rows[0]
    assert [(s.kind, s.start.hour, s.end.hour) for s in pro.segments] == [
        (SegmentKind.FREE, 9, 10),
        (SegmentKind.BOOKED, 10, 12),  # 1 and 2 merged
        (SegmentKind.FREE, 12, 14),
        (SegmentKind.BOOKED, 14, 15),
        (SegmentKind.FREE, 15, 17),
    ]
    assert [b.session_id for b in pro.booked[0].bookings] == [1, 2]
    assert len(rows[1].booked) == 1 and rows[1].segments[0].kind is SegmentKind.BOOKED


def test_licence_validation() -> None:
    good = validate_licence(LicenceDraft("  Zoom   A ", " a@bm.fr ", LicencePlan.PRO, 100))
    assert good.label == "Zoom A" and good.email == "a@bm.fr"
    with pytest.raises(ValidationError) as e:
        validate_licence(LicenceDraft("Z", "nope", LicencePlan.PRO, 100))
    assert e.value.field == "email"
    with pytest.raises(ValidationError) as e:
        validate_licence(LicenceDraft("Z", "a@b.fr", LicencePlan.PRO, 100, concurrent_limit=2))
    assert e.value.field == "concurrent_limit"
    with pytest.raises(ValidationError):
        validate_licence(LicenceDraft("Z", "a@b.fr", LicencePlan.PRO, 0))


slots = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.integers(1, 400)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(slots, st.integers(0, 30), st.integers(0, 30))
def test_greedy_auto_pick_never_double_books(
    raw: list[tuple[int, int, int]], before: int, after: int
) -> None:
    """Whatever the order and sizes, what auto-pick books respects every rule."""
    policy = BookingPolicy(timedelta(minutes=before), timedelta(minutes=after))
    lics = [PRO, BIG, Licence(3, "Biz2", "b@bm.fr", LicencePlan.BUSINESS, 300, concurrent_limit=2)]
    booked: list[Booking] = []
    for sid, (start_q, length_q, cap) in enumerate(raw, start=1):
        cand = book(sid, start_q / 4, (start_q + length_q) / 4, lic=None, capacity=cap)
        lic = pick_free_licence(lics, cand, booked, policy)
        if lic is not None:
            booked.append(replace(cand, licence_id=lic.id))
    for b in booked:
        lic = next(x for x in lics if x.id == b.licence_id)
        assert check_fit(lic, b, booked, policy) is None
