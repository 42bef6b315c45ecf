"""Readiness facts read from the database, and the decisions an agent signs (a step
skipped, "ready" set by hand), kept with their reason, who and when, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.models import MeetingRecord, SessionMode, SessionStatus
from app.core.readiness import StepKey, StepState
from app.core.secrets import SecretKind
from app.errors import NotFoundError, ValidationError
from app.services import Services
from app.services.readiness import (
    facts_of,
    readiness,
    set_ready_override,
    skip_step,
    today,
    unskip_step,
)
from app.storage.readiness import readiness_decisions
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import Network

At = Callable[..., datetime]


def audio(**criteria: Verdict) -> CheckResult:
    return CheckResult(
        CheckKind.AUDIO, "Jabra 510",
        {name: Criterion(name, 1.0, verdict) for name, verdict in criteria.items()},
    )


def camera(verdict: Verdict = Verdict.PASS) -> CheckResult:
    return CheckResult(CheckKind.CAMERA, "Logitech C920",
                       {"brightness": Criterion("brightness", 0.5, verdict)})


def hybrid(network: Network, title: str, start: datetime) -> int:
    sid = network.session(title, start)
    s = network.services.sessions
    s.update(sid, dataclasses.replace(s.get(sid), mode=SessionMode.HYBRID))
    return sid


def prepare(network: Network, sid: int, *, sound: CheckResult | None = None) -> int:
    """Every fact before the launch, without the keyring: the host key's reference only."""
    services, f = network.services, network.feature
    lid = network.licence(f"Zoom {sid}")
    f.service.assign(sid, lid)
    f.repo.set_secret_ref(lid, SecretKind.HOST_KEY, f"regie/test/{lid}/host-key")
    f.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    services.checks.save(camera(), operator="Camille", session_id=sid, at=FIXED_NOW)
    services.checks.save(sound or audio(signal=Verdict.PASS), operator="Camille",
                         session_id=sid, at=FIXED_NOW)
    return lid


def decisions(services: Services) -> list[tuple[int, str, str, str, datetime]]:
    d = readiness_decisions.c
    with services.db.read() as conn:
        rows = conn.execute(
            sa.select(d.session_id, d.step, d.reason, d.decided_by, d.decided_at).order_by(
                d.session_id, d.step
            )
        ).all()
    return [tuple(r) for r in rows]


# ------------------------------------------------------------------ facts from storage
def test_facts_read_from_what_was_saved_for_the_session(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    other = network.session("Conte", at(19))
    services.checks.save(camera(Verdict.FAIL), operator="x", session_id=other, at=FIXED_NOW)
    r = readiness(services, sid)
    assert r.step(StepKey.CAMERA).state is StepState.TODO  # another session's check
    prepare(network, sid)
    r = readiness(services, sid)
    assert [r.step(k).state for k in (StepKey.CAMERA, StepKey.SOUND, StepKey.LICENCE,
                                      StepKey.MEETING)] == [StepState.DONE] * 4
    assert r.step(StepKey.CAMERA).at == FIXED_NOW
    assert r.step(StepKey.CHECKLIST).state is StepState.TODO  # no run yet
    assert r.next_step is StepKey.CHECKLIST


def test_a_hybrid_room_needs_its_echo_test_saved(network: Network, at: At) -> None:
    services = network.services
    sid = hybrid(network, "Rencontre", at(18))
    prepare(network, sid, sound=audio(signal=Verdict.PASS))
    assert readiness(services, sid).step(StepKey.SOUND).state is StepState.TODO
    services.checks.save(
        audio(signal=Verdict.PASS, speaker=Verdict.PASS, echo=Verdict.FAIL),
        operator="x", session_id=sid, at=FIXED_NOW + timedelta(minutes=1),
    )
    assert readiness(services, sid).step(StepKey.SOUND).state is StepState.FAILED
    services.checks.save(
        audio(signal=Verdict.PASS, speaker=Verdict.PASS, echo=Verdict.PASS),
        operator="x", session_id=sid, at=FIXED_NOW + timedelta(minutes=2),
    )
    assert readiness(services, sid).step(StepKey.SOUND).state is StepState.DONE
    # The same echo failure does not count against a remote session.
    remote = network.session("Café FLE", at(19))
    services.checks.save(audio(signal=Verdict.PASS, echo=Verdict.FAIL), operator="x",
                         session_id=remote, at=FIXED_NOW)
    assert readiness(services, remote).step(StepKey.SOUND).state is StepState.DONE


def test_attendance_means_who_came(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(8))  # over at 10:00
    r = readiness(services, sid)
    assert r.step(StepKey.ATTENDANCE).state is StepState.TODO
    services.attendance.set_counts(sid, registered=12)  # registrations only
    assert readiness(services, sid).step(StepKey.ATTENDANCE).state is StepState.TODO
    services.attendance.set_counts(sid, connected=9)
    r = readiness(services, sid)
    assert r.step(StepKey.ATTENDANCE).state is StepState.DONE and r.next_step is None


def test_the_checklist_before_the_launch_is_its_preparation(network: Network, at: At) -> None:
    """At T-5 the steps due are the launch and what follows it: until Zoom is launched the
    checklist is judged on its T-30 steps."""
    from app.core.checklists import PausePoint, RunMode
    from app.services import build_checklists

    services = network.services
    sid = network.session("Café FLE", at(10, 3))  # starts in 3 minutes: T-5 reached
    checklists = build_checklists(services)
    run = checklists.start("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE, session_id=sid)
    for item in run.steps:
        if item.pause is PausePoint.T30 and not run.record(item.id).resolved:
            run.tick(item.id)
    checklists.save(run)
    done, total = run.progress_at(PausePoint.T30)
    assert done == total
    assert run.progress_at(PausePoint.T5)[0] < run.progress_at(PausePoint.T5)[1]
    step = readiness(services, sid).step(StepKey.CHECKLIST)
    assert step.state is StepState.DONE
    assert step.as_json()["detail"] == f"{total}/{total} steps at T-30"


# ------------------------------------------------------------------ skips
def test_a_skip_is_kept_with_its_reason_who_and_when(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    r = skip_step(services, sid, "camera", "  No camera   in this room ", "Camille")
    step = r.step(StepKey.CAMERA)
    assert step.state is StepState.SKIPPED
    assert step.as_json() == {
        "step": "camera", "state": "skipped", "detail": "Skipped: No camera in this room",
        "at": FIXED_NOW.isoformat(), "by": "Camille",
    }
    assert decisions(services) == [(sid, "camera", "No camera in this room", "Camille",
                                     FIXED_NOW)]
    facts = facts_of(services, services.sessions.row(sid), FIXED_NOW)
    assert facts.skipped == {StepKey.CAMERA: "No camera in this room"}
    assert facts.skip_notes[StepKey.CAMERA].by == "Camille"
    # Skipping again replaces the reason; taking it back makes the step to do again.
    skip_step(services, sid, StepKey.CAMERA, "Borrowed camera", "Dominique")
    assert decisions(services) == [(sid, "camera", "Borrowed camera", "Dominique", FIXED_NOW)]
    r = unskip_step(services, sid, "camera")
    assert r.step(StepKey.CAMERA).state is StepState.TODO
    assert decisions(services) == []


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_a_skip_without_a_reason_is_refused(network: Network, at: At, reason: str) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    with pytest.raises(ValidationError) as err:
        skip_step(services, sid, "sound", reason, "Camille")
    assert err.value.field == "reason"
    assert err.value.text() == (
        "A skipped step needs a reason. Say in a few words why it is left out (for "
        "example: no camera in this room)."
    )
    assert decisions(services) == []


def test_only_skippable_steps_of_known_sessions(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    for step in ("meeting", "launch", "coffee"):
        with pytest.raises(ValidationError, match=f"“{step}” cannot be skipped") as err:
            skip_step(services, sid, step, "because", "Camille")
        assert "camera, sound, checklist, licence, attendance" in err.value.text()
    with pytest.raises(NotFoundError, match="Session 999 does not exist"):
        skip_step(services, 999, "camera", "because", "Camille")
    with pytest.raises(ValidationError, match="longer than 500"):
        skip_step(services, sid, "camera", "x" * 501, "Camille")
    assert decisions(services) == []


def test_storage_refuses_a_decision_without_reason_or_on_an_unknown_step(
    network: Network, at: At
) -> None:
    """Whatever the client: the table's own checks, on both engines."""
    services = network.services
    sid = network.session("Café FLE", at(18))
    for step, reason in [("camera", "  "), ("meeting", "because"), ("launch", "because")]:
        with pytest.raises(sa.exc.IntegrityError), services.db.begin() as conn:
            conn.execute(readiness_decisions.insert().values(
                session_id=sid, step=step, reason=reason, decided_by="x",
                decided_at=FIXED_NOW))
    assert decisions(services) == []


def test_decisions_go_with_their_session(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    skip_step(services, sid, "camera", "No camera", "Camille")
    with services.db.begin() as conn:
        conn.execute(sa.delete(sa.table("sessions", sa.column("id"))).where(
            sa.column("id") == sid))
    assert decisions(services) == []


# ------------------------------------------------------------------ ready by hand
def test_ready_by_hand_keeps_its_reason_and_sets_the_status(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    network.feature.repo.set_meeting(MeetingRecord(sid, "12345678901", None, None))
    r = set_ready_override(services, sid, "Checked by phone with the branch", "Camille")
    assert r.ready and r.override == "Checked by phone with the branch"
    assert r.override_note is not None and r.override_note.by == "Camille"
    assert r.next_step is StepKey.LAUNCH
    assert services.sessions.row(sid).status is SessionStatus.READY
    assert decisions(services) == [
        (sid, "ready", "Checked by phone with the branch", "Camille", FIXED_NOW)
    ]
    # Taken back: nothing else says it is ready, so it is planned again.
    r = set_ready_override(services, sid, None, "Camille")
    assert not r.ready and r.override is None
    assert services.sessions.row(sid).status is SessionStatus.PLANNED
    assert decisions(services) == []


def test_taking_a_skip_back_unreadies_a_session_it_made_ready(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    prepare(network, sid)
    skip_step(services, sid, "checklist", "Regular session, known room", "Camille")
    services.sessions.set_status(sid, SessionStatus.READY)
    assert readiness(services, sid).ready
    unskip_step(services, sid, "checklist")
    assert services.sessions.row(sid).status is SessionStatus.PLANNED


def test_ready_by_hand_needs_a_reason_and_a_planned_session(network: Network, at: At) -> None:
    services = network.services
    sid = network.session("Café FLE", at(18))
    with pytest.raises(ValidationError) as err:
        set_ready_override(services, sid, "  ", "Camille")
    assert err.value.text() == (
        "Marking a session ready by hand needs a reason. Say in a few words why it is "
        "ready although steps are missing."
    )
    services.sessions.cancel(sid)
    with pytest.raises(ValidationError, match="“cancelled”: only a planned session"):
        set_ready_override(services, sid, "because", "Camille")
    assert decisions(services) == []
    assert services.sessions.row(sid).status is SessionStatus.CANCELLED


# ------------------------------------------------------------------ today
def test_today_lists_the_days_sessions_in_time_order(network: Network, at: At) -> None:
    services = network.services
    late = network.session("Soirée jeux", at(20))
    early = network.session("Café FLE", at(11))
    tomorrow = network.session("Conte", at(10, day=1))
    other = network.session("Lecture", at(15), branch=network.branch_b)
    cancelled = network.session("Annulée", at(16))
    services.sessions.cancel(cancelled)
    assert [r.row.id for r in today(services, days=1)] == [early, other, late]
    assert [r.row.id for r in today(services, days=2)] == [early, other, late, tomorrow]
    assert [r.row.id for r in today(services, days=1, branch_id=network.branch_b)] == [other]
    next_day = (FIXED_NOW + timedelta(days=1)).date()
    assert [r.row.id for r in today(services, day=next_day, days=1)] == [tomorrow]
