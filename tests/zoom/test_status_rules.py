"""Statuses follow the facts: "ready" only when the readiness says so, "running" only in
the launch window and on a licence not already carrying all the meetings it can (storage
checks that again, in the transaction of the status, on SQLite and PostgreSQL alike); the
Zoom launcher says why it refuses before anything opens."""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from app.core.licences import Booking, BookingPolicy
from app.core.models import Licence, LicencePlan, MeetingRecord, SessionStatus
from app.errors import RegieError, ValidationError
from app.services import open_services
from app.services.readiness import readiness, set_ready_override, skip_step
from app.storage.bookings import check_running
from app.storage.schema import sessions
from tests.support.fixtures import desk_config
from tests.zoom.conftest import Network

At = Callable[..., datetime]


def status(network: Network, sid: int) -> SessionStatus:
    return network.services.sessions.row(sid).status


def blindly(licence_id: int) -> Callable[[Booking, list[Licence], list[Booking]], Licence]:
    def choose(_c: Booking, licences: list[Licence], _b: list[Booking]) -> Licence:
        return next(x for x in licences if x.id == licence_id)

    return choose


# ------------------------------------------------------------------ ready
def test_ready_only_when_the_facts_say_so(network: Network, at: At) -> None:
    services, sessions = network.services, network.services.sessions
    sid = network.session("Café FLE", at(18))
    with pytest.raises(ValidationError) as err:
        sessions.set_status(sid, SessionStatus.READY)
    assert err.value.field == "status"
    assert err.value.text() == (
        "Session 1 is not ready yet: camera, sound, checklist, licence, meeting still to "
        "do. Do those steps, skip them with a reason, or mark it ready by hand with a "
        "reason (“regie sessions ready 1 --reason …”)."
    )
    # Through the edit form too.
    with pytest.raises(ValidationError, match="not ready yet"):
        sessions.update(sid, dataclasses.replace(sessions.get(sid), status=SessionStatus.READY))
    assert status(network, sid) is SessionStatus.PLANNED
    # Skipped steps and a meeting entered: the facts now say ready.
    network.feature.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    for step in ("camera", "sound", "checklist"):
        skip_step(services, sid, step, "Rehearsed yesterday", "Camille")
    with pytest.raises(ValidationError, match=r"not ready yet: licence still to do"):
        sessions.set_status(sid, SessionStatus.READY)
    skip_step(services, sid, "licence", "The host's own account", "Camille")
    assert readiness(services, sid).ready
    sessions.set_status(sid, SessionStatus.READY)
    assert status(network, sid) is SessionStatus.READY


def test_ready_by_hand_with_its_reason(network: Network, at: At) -> None:
    sid = network.session("Café FLE", at(18))
    set_ready_override(network.services, sid, "Checked by phone", "Camille")
    assert status(network, sid) is SessionStatus.READY
    # Planned again, ready again: the reason kept still holds.
    network.services.sessions.set_status(sid, SessionStatus.PLANNED)
    network.services.sessions.set_status(sid, SessionStatus.READY)
    assert status(network, sid) is SessionStatus.READY


def test_a_new_session_starts_planned(network: Network, at: At) -> None:
    sessions = network.services.sessions
    sid = network.session("Modèle", at(18))
    for typed in (SessionStatus.READY, SessionStatus.RUNNING):
        draft = dataclasses.replace(sessions.get(sid), status=typed)
        with pytest.raises(ValidationError, match="A new session starts as planned"):
            sessions.create(draft)
    assert network.services.session_repo.count() == 1


# ------------------------------------------------------------------ running: the window
def test_running_only_from_thirty_minutes_before_until_the_end(network: Network, at: At) -> None:
    """The desk's clock says 10:00."""
    sessions = network.services.sessions
    early = network.session("Trop tôt", at(10, 31))
    with pytest.raises(ValidationError) as err:
        sessions.set_status(early, SessionStatus.RUNNING)
    assert err.value.text() == (
        f"Session {early} can be launched from 24/11/2026 10:01, 30 minutes before it "
        f"starts, until it ends. Prepare it meanwhile (“regie sessions prepare {early}”)."
    )
    with pytest.raises(ValidationError, match="can be launched from 24/11/2026 10:01"):
        sessions.update(early, dataclasses.replace(sessions.get(early),
                                                   status=SessionStatus.RUNNING))
    over = network.session("Fini", at(8), minutes=120)  # ends at 10:00 sharp
    with pytest.raises(ValidationError) as err:
        sessions.set_status(over, SessionStatus.RUNNING)
    assert err.value.text() == (
        f"Session {over} ended at 24/11/2026 10:00: it can no longer be launched. Record "
        "its attendance, or duplicate it to hold it again."
    )
    assert status(network, early) is status(network, over) is SessionStatus.PLANNED
    just = network.session("Juste à temps", at(10, 30))
    sessions.set_status(just, SessionStatus.RUNNING)
    during = network.session("En cours", at(9), minutes=61)
    sessions.set_status(during, SessionStatus.RUNNING)
    assert status(network, just) is status(network, during) is SessionStatus.RUNNING
    # Moving a session into its window with the same edit is judged on its new times.
    moved = network.session("Avancée", at(15))
    sessions.update(moved, dataclasses.replace(
        sessions.get(moved), start=at(10, 10), end=at(11), status=SessionStatus.RUNNING))
    assert status(network, moved) is SessionStatus.RUNNING


# ------------------------------------------------------------------ running: the licence
def two_on_one_licence(network: Network, at: At, limit: int = 1) -> tuple[int, int, int]:
    """A licence, a session still marked running from earlier (never marked done: the
    stale case a desk meets), and one that can be launched now."""
    plan = LicencePlan.PRO if limit == 1 else LicencePlan.BUSINESS
    lid = network.licence("Zoom 1", plan=plan, concurrent_limit=limit)
    stale = network.session("Conte du matin", at(9), minutes=50)  # held until 9:55
    now = network.session("Café FLE", at(10, 15))  # held from 10:05
    svc = network.feature.service
    svc.assign(stale, lid)
    svc.assign(now, lid)
    network.services.session_repo.set_status(stale, SessionStatus.RUNNING)
    return lid, stale, now


CLASH = (
    "The licence “Zoom 1” is already in use by session {other} (“Conte du matin”), which "
    "is running: it holds 1 meeting(s) at once. End that session first (“regie sessions "
    "edit {other} --status done”), or give this one another licence."
)


def test_one_running_meeting_per_licence(network: Network, at: At) -> None:
    _lid, stale, now = two_on_one_licence(network, at)
    sessions = network.services.sessions
    with pytest.raises(ValidationError) as err:
        sessions.set_status(now, SessionStatus.RUNNING)
    assert err.value.text() == CLASH.format(other=stale)
    assert status(network, now) is SessionStatus.PLANNED
    sessions.set_status(stale, SessionStatus.DONE)
    sessions.set_status(now, SessionStatus.RUNNING)
    assert status(network, now) is SessionStatus.RUNNING


def test_storage_refuses_a_second_running_meeting_whatever_the_client(
    network: Network, at: At
) -> None:
    """Straight to the repositories, past the session service's own check."""
    lid, stale, now = two_on_one_licence(network, at)
    repo = network.services.session_repo
    with pytest.raises(ValidationError) as err:
        repo.set_status(now, SessionStatus.RUNNING)
    assert err.value.text() == CLASH.format(other=stale)
    with pytest.raises(ValidationError, match="already in use by session"):
        repo.update(now, dataclasses.replace(repo.get(now), status=SessionStatus.RUNNING))
    assert status(network, now) is SessionStatus.PLANNED
    # A running session moved onto the busy licence is refused the same way.
    network.feature.service.unassign(now)
    repo.set_status(now, SessionStatus.RUNNING)
    with pytest.raises(ValidationError, match="already in use by session"):
        network.feature.repo.assign(now, blindly(lid))
    assert repo.get(now).licence_id is None


def test_a_licence_for_two_meetings_runs_two(network: Network, at: At) -> None:
    _lid, stale, now = two_on_one_licence(network, at, limit=2)
    third = network.session("Atelier", at(10, 20))
    network.feature.service.assign(third, _lid)
    sessions = network.services.sessions
    sessions.set_status(now, SessionStatus.RUNNING)
    with pytest.raises(ValidationError, match=f"in use by session {stale} .* holds 2 meeting"):
        sessions.set_status(third, SessionStatus.RUNNING)
    with pytest.raises(ValidationError, match="holds 2 meeting"):
        network.services.session_repo.set_status(third, SessionStatus.RUNNING)


# ------------------------------------------------------------------ the launcher
def test_the_launcher_says_why_before_anything_opens(network: Network, at: At) -> None:
    launcher = network.feature.launcher
    _lid, stale, now = two_on_one_licence(network, at)
    later = network.session("Soirée", at(18))
    for sid in (now, later):
        launcher.set_meeting(sid, "123 4567 8901", None, None)
    with pytest.raises(ValidationError, match="can be launched from 24/11/2026 17:30"):
        launcher.prepare(later, with_secrets=False)
    with pytest.raises(ValidationError, match="can be launched from 24/11/2026 17:30"):
        launcher.prepare(later)
    with pytest.raises(ValidationError) as err:
        launcher.prepare(now, with_secrets=False)
    assert err.value.text() == CLASH.format(other=stale)
    with pytest.raises(ValidationError, match="already in use by session"):
        launcher.mark_running(now)
    with pytest.raises(ValidationError, match="can be launched from"):
        launcher.mark_running(later)
    assert status(network, now) is status(network, later) is SessionStatus.PLANNED
    network.services.sessions.set_status(stale, SessionStatus.DONE)
    plan = launcher.prepare(now, with_secrets=False)
    assert plan.session_id == now
    launcher.mark_running(now)
    assert status(network, now) is SessionStatus.RUNNING
    # A running session may be launched again (Zoom closed by mistake).
    assert launcher.prepare(now, with_secrets=False).session_id == now
    # Still: the meeting missing is said first, it can be fixed at once.
    bare = network.session("Sans réunion", at(18))
    with pytest.raises(RegieError, match="no Zoom meeting yet"):
        launcher.prepare(bare, with_secrets=False)


# ------------------------------------------------------------------ racing launches
def test_a_launch_waits_for_one_under_way_on_the_same_licence(network: Network, at: At) -> None:
    """A launch whose transaction is still open holds the licence: a second one on it
    waits for that transaction, then counts it (PostgreSQL: the licence's row is locked;
    SQLite: the write lock), instead of both going through."""
    lid = network.licence("Zoom 1")
    first = network.session("Conte", at(9, 30), minutes=35)  # held until 10:10
    second = network.session("Café FLE", at(10, 20))  # held from 10:10
    for sid in (first, second):
        network.feature.service.assign(sid, lid)
    db, repo = network.services.db, network.services.session_repo
    outcome: list[str] = []

    def launch_second() -> None:
        try:
            repo.set_status(second, SessionStatus.RUNNING)
            outcome.append("won")
        except ValidationError as err:
            outcome.append(err.text())

    waiter = threading.Thread(target=launch_second)
    with db.begin(immediate=True) as conn:
        conn.execute(sa.update(sessions).where(sessions.c.id == first).values(status="running"))
        check_running(conn, first)
        waiter.start()
        waiter.join(1.0)
        assert waiter.is_alive(), outcome  # it waits for this transaction
    waiter.join(30)
    assert outcome == [CLASH.format(other=first).replace("Conte du matin", "Conte")]
    assert status(network, second) is SessionStatus.PLANNED


def _launch(db_url: str, session_id: int, barrier: object, out: object, delay: float) -> None:
    """Child process: its own connection; waits for the others, then marks running."""
    time.sleep(delay)  # opening is staggered (the write-probe file is shared by name)
    try:
        services = open_services(desk_config(db_url), migrate=False)
    except Exception as err:
        out.put((session_id, "error", repr(err)))  # type: ignore[attr-defined]
        barrier.abort()  # type: ignore[attr-defined]
        return
    try:
        barrier.wait(30)  # type: ignore[attr-defined]
        services.sessions.set_status(session_id, SessionStatus.RUNNING)
        out.put((session_id, "won", ""))  # type: ignore[attr-defined]
    except ValidationError as err:
        out.put((session_id, "refused", err.text()))  # type: ignore[attr-defined]
    except Exception as err:  # reported to the parent, which fails the test
        out.put((session_id, "error", repr(err)))  # type: ignore[attr-defined]
    finally:
        services.close()


@pytest.mark.slow
def test_racing_launches_on_one_licence_let_one_through(network: Network, at: At) -> None:
    """Three back-to-back sessions on one licence, all in their launch window at 10:00,
    launched by three processes at the same instant: one runs, the others are told
    which, on SQLite (write lock) as on PostgreSQL (the licence's row locked)."""
    network.feature.repo.apply_policy(BookingPolicy(timedelta(0), timedelta(0)), since=at(0))
    lid = network.licence("Zoom 1")
    sids = [network.session(f"Séance {i}", at(9, 45) + timedelta(minutes=20 * i), minutes=20)
            for i in range(3)]
    for sid in sids:
        network.feature.service.assign(sid, lid)
    url = network.services.config.db_url
    network.services.db.dispose()
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(len(sids)), ctx.Queue()
    procs = [ctx.Process(target=_launch, args=(url, s, barrier, out, 0.05 * i), daemon=True)
             for i, s in enumerate(sids)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert sorted(kind for _s, kind, _t in results) == ["refused", "refused", "won"], results
    (winner,) = [s for s, kind, _t in results if kind == "won"]
    for _s, kind, text in results:
        if kind == "refused":
            assert f"already in use by session {winner} " in text, text
    running = [s for s in sids if status(network, s) is SessionStatus.RUNNING]
    assert running == [winner]
