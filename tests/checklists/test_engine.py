"""The checklist engine, without Qt or storage."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from app.core.checklists import (
    ChecklistRun,
    PausePoint,
    RunMode,
    RunStatus,
    StepState,
    pause_due,
)
from app.core.models import SessionMode
from app.errors import RegieError, ValidationError
from tests.checklists.helpers import DictStatus, FakeClock, make_checklist


def test_steps_are_ordered_by_pause_point_and_filtered_by_mode() -> None:
    cl = make_checklist()
    remote = ChecklistRun.start(cl, RunMode.DO_CONFIRM, SessionMode.REMOTE)
    assert [s.id for s in remote.steps] == ["licence", "zoom", "start-1", "end-1"]
    hybrid = ChecklistRun.start(cl, RunMode.DO_CONFIRM, SessionMode.HYBRID)
    assert [s.id for s in hybrid.steps] == ["licence", "echo", "zoom", "start-1", "end-1"]
    assert [(p, [s.id for s in steps]) for p, steps in hybrid.groups()] == [
        (PausePoint.T30, ["licence", "echo"]),
        (PausePoint.T5, ["zoom"]),
        (PausePoint.START, ["start-1"]),
        (PausePoint.END, ["end-1"]),
    ]


def test_pause_due_follows_the_clock() -> None:
    start = datetime(2026, 11, 24, 18, 0).astimezone()
    end = start + timedelta(hours=1)
    assert pause_due(start, end, start - timedelta(hours=2)) is PausePoint.T30
    assert pause_due(start, end, start - timedelta(minutes=5)) is PausePoint.T5
    assert pause_due(start, end, start) is PausePoint.START
    assert pause_due(start, end, end) is PausePoint.END


def test_read_do_moves_one_step_at_a_time_and_times_each_step() -> None:
    clock = FakeClock()
    run = ChecklistRun.start(make_checklist(), RunMode.READ_DO, SessionMode.REMOTE, clock=clock)
    assert run.current.id == "licence"
    with pytest.raises(RegieError, match="not done yet"):
        run.next()
    clock.advance(30)
    run.tick()
    assert run.next()
    assert run.current.id == "zoom"
    clock.advance(45)
    run.skip("  Zoom  already open ")
    assert run.record("zoom").skip_reason == "Zoom already open"
    assert run.back()
    assert run.current.id == "licence"
    assert not run.back()
    assert run.timings()["licence"] == 30.0
    assert run.timings()["zoom"] == 45.0
    assert run.timings()["start-1"] is None


def test_skip_needs_a_reason() -> None:
    run = ChecklistRun.start(make_checklist(), RunMode.DO_CONFIRM, SessionMode.REMOTE)
    with pytest.raises(ValidationError) as err:
        run.skip("   ", "zoom")
    assert err.value.field == "reason"
    assert run.record("zoom").state is StepState.PENDING


def test_do_confirm_ticks_in_any_order_with_notes() -> None:
    clock = FakeClock()
    run = ChecklistRun.start(make_checklist(), RunMode.DO_CONFIRM, SessionMode.REMOTE,
                             clock=clock)
    clock.advance(10)
    run.tick("end-1")
    clock.advance(5)
    run.tick("start-1")
    run.set_note("  the guest was late ", "start-1")
    assert run.record("start-1").note == "the guest was late"
    assert run.timings()["end-1"] == 10.0
    assert run.timings()["start-1"] == 5.0
    assert run.resolved_count == 2
    assert [s.id for s in run.pending()] == ["licence", "zoom"]
    run.untick("end-1")
    assert run.first_pending_index() == 0
    assert run.first_pending_index(PausePoint.END) == 3


def test_automatic_checks_tick_only_passing_steps() -> None:
    run = ChecklistRun.start(make_checklist(), RunMode.DO_CONFIRM, SessionMode.HYBRID,
                             session_id=7)
    status = DictStatus({"licence_assigned": True, "echo": False, "zoom_launched": None})
    assert run.apply_checks(status) == ["licence"]
    assert run.record("licence").auto
    assert run.record("echo").state is StepState.PENDING
    assert ("echo", 7) in status.calls
    status.values["echo"] = True
    assert run.apply_checks(status) == ["echo"]
    assert run.apply_checks(status) == []  # already ticked: nothing more


def test_sign_off_needs_every_step_resolved() -> None:
    run = ChecklistRun.start(make_checklist(), RunMode.READ_DO, SessionMode.REMOTE)
    with pytest.raises(RegieError, match="4 step"):
        run.sign_off(3)
    for s in run.steps:
        run.tick(s.id)
    run.sign_off(3)
    assert run.state.status is RunStatus.SIGNED_OFF
    assert run.state.signed_off_by == 3
    assert run.state.staff_id == 3  # nobody chosen at the start: the signer ran it
    with pytest.raises(RegieError, match="already finished"):
        run.tick("zoom")


def test_resume_keeps_progress_and_adapts_to_a_new_version() -> None:
    clock = FakeClock()
    run = ChecklistRun.start(make_checklist(), RunMode.READ_DO, SessionMode.REMOTE, clock=clock)
    run.tick()
    run.next()
    state = run.state
    again = ChecklistRun(make_checklist(), state, clock=clock)
    assert again.current.id == "zoom"
    assert again.record("licence").state is StepState.DONE
    # A newer version drops a step and adds another: records follow the steps.
    cl2 = make_checklist(version=2)
    steps = tuple(s for s in cl2.steps if s.id != "zoom")
    cl2 = dataclasses.replace(cl2, steps=steps)
    resumed = ChecklistRun(cl2, state, clock=clock)
    assert [r.step_id for r in resumed.state.records] == ["licence", "start-1", "end-1"]
    assert resumed.record("licence").state is StepState.DONE


def test_a_checklist_not_written_for_the_mode_cannot_start() -> None:
    cl = make_checklist()
    cl = dataclasses.replace(cl, modes=(SessionMode.REMOTE,))
    with pytest.raises(ValidationError):
        ChecklistRun.start(cl, RunMode.READ_DO, SessionMode.HYBRID)
