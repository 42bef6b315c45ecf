"""Editing a booked session checks the licence rules again, in the write's transaction
(on both engines): new times, a larger capacity or another branch may no longer fit."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.licences import ClashReason, LicenceClashError
from app.core.models import Session, SessionDraft, SessionStatus
from tests.zoom.conftest import Network


def _draft(s: Session, **changes: object) -> SessionDraft:
    fields = {f.name for f in dataclasses.fields(SessionDraft)}
    d = SessionDraft(**{k: getattr(s, k) for k in fields})
    return dataclasses.replace(d, **changes)  # type: ignore[arg-type]


def _holds(network: Network) -> dict[int, tuple[int, object, object]]:
    import sqlalchemy as sa

    from app.storage.bookings import licence_holds as h

    with network.services.db.read() as conn:
        rows = conn.execute(sa.select(h.c.session_id, h.c.licence_id, h.c.held_from, h.c.held_to))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_moving_onto_a_booked_time_is_refused_naming_the_session(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    first = network.session("Café FLE", at(14))
    second = network.session("Atelier BD", at(16))
    svc.assign(first, lid)
    svc.assign(second, lid)
    before = _holds(network)
    current = sessions.get(second)
    # 15:10 is after the end of the first (15:00) but inside its buffers (5 + 10 min).
    moved = _draft(current, start=at(15, 10), end=at(16, 10))
    with pytest.raises(LicenceClashError) as err:
        sessions.update(second, moved)
    assert err.value.reason is ClashReason.OVERLAP
    assert f"session {first}" in err.value.text() and "Café FLE" in err.value.text()
    assert sessions.get(second).start == current.start  # nothing written
    assert _holds(network) == before
    # Beyond the buffers it goes through, and the hold follows.
    sessions.update(second, _draft(current, start=at(15, 15), end=at(16, 15)))
    assert _holds(network)[second][1] == at(15, 5)


def test_a_longer_session_is_refused_when_it_runs_into_the_next(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    first = network.session("Conte", at(10))
    second = network.session("Lecture", at(12))
    svc.assign(first, lid)
    svc.assign(second, lid)
    current = sessions.get(first)
    with pytest.raises(LicenceClashError, match=f"session {second}"):
        sessions.update(first, _draft(current, end=at(11, 50)))
    assert sessions.get(first).end == at(11)


def test_concurrent_limit_counts_with_buffers(network: Network, at) -> None:
    from app.core.models import LicencePlan

    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Business", 300, plan=LicencePlan.BUSINESS, concurrent_limit=2)
    a = network.session("A", at(9))
    b = network.session("B", at(9, 30))
    c = network.session("C", at(13))
    for sid in (a, b, c):
        svc.assign(sid, lid)
    current = sessions.get(c)
    with pytest.raises(LicenceClashError, match=f"session {a}"):
        sessions.update(c, _draft(current, start=at(10, 5), end=at(11)))  # 3 at 10:05
    sessions.update(c, _draft(current, start=at(10, 45), end=at(11, 45)))  # a is over
    assert sessions.get(c).start == at(10, 45)


def test_capacity_above_the_cap_is_refused(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1", 100)
    sid = network.session("Conférence", at(18), capacity=80)
    svc.assign(sid, lid)
    current = sessions.get(sid)
    with pytest.raises(LicenceClashError) as err:
        sessions.update(sid, _draft(current, capacity=150))
    assert err.value.reason is ClashReason.CAPACITY
    assert "expects 150 participants" in err.value.text() and "admits 100" in err.value.text()
    assert sessions.get(sid).capacity == 80
    sessions.update(sid, _draft(current, capacity=100))
    assert sessions.get(sid).capacity == 100


def test_other_branch_is_refused_for_a_reserved_licence(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Centre", branch_id=network.branch_a)
    sid = network.session("Atelier", at(14))
    svc.assign(sid, lid)
    current = sessions.get(sid)
    with pytest.raises(LicenceClashError) as err:
        sessions.update(sid, _draft(current, branch_id=network.branch_b))
    assert err.value.reason is ClashReason.BRANCH
    assert sessions.get(sid).branch_id == network.branch_a


def test_notes_still_change_after_the_licence_was_restricted(network: Network, at) -> None:
    """Rules that a change cannot break are not checked again (history stays editable)."""
    from app.core.licences import LicenceDraft
    from app.core.models import LicencePlan

    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    sid = network.session("Atelier", at(14), capacity=50)
    svc.assign(sid, lid)
    svc.update(
        lid,
        LicenceDraft(
            "Zoom 1", "zoom.1@bm.fr", LicencePlan.PRO, 40, branch_id=network.branch_b, active=False
        ),
    )
    current = sessions.get(sid)
    sessions.update(sid, _draft(current, notes="Salle 2", capacity=45))
    assert sessions.get(sid).notes == "Salle 2"


def test_cancelled_session_planned_again_is_checked(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    first = network.session("A", at(14))
    svc.assign(first, lid)
    sessions.cancel(first)
    second = network.session("B", at(14))
    svc.assign(second, lid)  # the cancelled one freed the licence
    with pytest.raises(LicenceClashError, match=f"session {second}"):
        sessions.set_status(first, SessionStatus.PLANNED)
    assert sessions.get(first).status is SessionStatus.CANCELLED
    assert first not in _holds(network)


def test_new_session_with_a_booked_licence_is_refused(network: Network, at) -> None:
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    first = network.session("A", at(14))
    svc.assign(first, lid)
    draft = _draft(sessions.get(first), title="B", licence_id=lid)
    count = network.services.session_repo.count()
    with pytest.raises(LicenceClashError, match=f"session {first}"):
        sessions.create(draft)
    assert network.services.session_repo.count() == count


def test_racing_edits_onto_one_slot_book_it_once(network: Network, at) -> None:
    """Six people move six booked sessions onto the same hour at once (threads, each its
    own connection): the database lets exactly one through; the others get the clash."""
    import threading

    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    ids = [network.session(f"S{i}", at(8 + 2 * i)) for i in range(6)]
    for sid in ids:
        svc.assign(sid, lid)
    drafts = {sid: _draft(sessions.get(sid), start=at(21), end=at(22)) for sid in ids}
    gate = threading.Barrier(len(ids))
    outcome: dict[int, str] = {}

    def move(sid: int) -> None:
        gate.wait()
        try:
            sessions.update(sid, drafts[sid])
            outcome[sid] = "ok"
        except LicenceClashError as err:
            outcome[sid] = err.text()

    threads = [threading.Thread(target=move, args=(sid,)) for sid in ids]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    winners = [sid for sid, text in outcome.items() if text == "ok"]
    assert len(winners) == 1, outcome
    assert all(
        f"session {winners[0]}" in text for sid, text in outcome.items() if sid != winners[0]
    )
    late = [sid for sid in ids if sessions.get(sid).start == at(21)]
    assert late == winners


def test_cli_edit_refuses_the_clash_and_saves_the_rest(
    network: Network, at, capsys, monkeypatch
) -> None:
    import json

    from tests.zoom.test_cli import run

    monkeypatch.setenv("REGIE_DB", network.services.config.db_url)
    svc, sessions = network.feature.service, network.services.sessions
    lid = network.licence("Zoom 1")
    first = network.session("Café FLE", at(14))
    second = network.session("Atelier BD", at(16))
    svc.assign(first, lid)
    svc.assign(second, lid)
    start = at(14, 30).isoformat()
    code, _, err = run(capsys, monkeypatch, "sessions", "edit", str(second), "--start", start)
    assert code == 1 and f"session {first}" in err and "Café FLE" in err
    assert sessions.get(second).start == at(16)
    code, out, _ = run(
        capsys,
        monkeypatch,
        "sessions",
        "edit",
        str(second),
        "--start",
        at(17).isoformat(),
        "--notes",
        "Salle 2",
        "--json",
    )
    row = json.loads(out)
    assert code == 0 and row["notes"] == "Salle 2"
    assert sessions.get(second).end == at(18)  # the duration is kept
