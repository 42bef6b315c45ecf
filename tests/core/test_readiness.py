"""The readiness judgement on facts alone: each step's state, the next action before and
after the session, the verdict, the running window, the derived status, skips and the
"ready" override."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest

from app.core.checklists import PausePoint
from app.core.checks import Verdict
from app.core.models import SessionMode, SessionRow, SessionStatus
from app.core.readiness import (
    ACTIONS,
    BEFORE_LAUNCH,
    RUNNING_LEAD,
    SKIPPABLE,
    STEP_LABELS,
    ChecklistFact,
    Decision,
    DeviceFact,
    Readiness,
    SessionFacts,
    StepKey,
    StepState,
    checklist_pause,
    derived_status,
    judge,
    may_run,
    runs_from,
)
from tests.support.fixtures import FIXED_NOW

START = FIXED_NOW + timedelta(hours=8)  # 18:00 on the fixed day
END = START + timedelta(minutes=90)
CHECKED = FIXED_NOW - timedelta(hours=1)


def row(**changes: Any) -> SessionRow:
    base = SessionRow(
        id=7, title="Café FLE", type_id=1, type_code="conversation", type_name="Conversation",
        branch_id=1, branch_code="centre", branch_name="Médiathèque centrale",
        start=START, end=END, mode=SessionMode.REMOTE, capacity=15, host_id=None,
        host_name=None, licence_id=3, licence_label="Zoom 1", status=SessionStatus.PLANNED,
        notes="",
    )
    return base._replace(**changes)


def device(verdict: Verdict = Verdict.PASS, **criteria: Verdict) -> DeviceFact:
    return DeviceFact(verdict, CHECKED, "Logitech C920", dict(criteria))


def sound(**criteria: Verdict) -> DeviceFact:
    """A saved sound check: its criteria, the overall verdict the worst of them."""
    return DeviceFact(Verdict.worst(list(criteria.values())), CHECKED, "Jabra 510",
                      dict(criteria))


HYBRID_SOUND = {"signal": Verdict.PASS, "speaker": Verdict.PASS, "echo": Verdict.PASS}


def prepared(**changes: object) -> SessionFacts:
    """A session whose every step before the launch holds."""
    r = changes.pop("row", row())
    assert isinstance(r, SessionRow)
    facts = SessionFacts(
        row=r, camera=device(), sound=sound(**HYBRID_SOUND),
        checklist=ChecklistFact("T-30", 8, 8), host_key=True, meeting=True,
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def states(r: Readiness) -> dict[StepKey, StepState]:
    return {s.key: s.state for s in r.steps}


# ------------------------------------------------------------------ each step
def test_nothing_done_yet() -> None:
    r = judge(SessionFacts(row=row(licence_id=None, licence_label=None)), FIXED_NOW)
    assert [s.key for s in r.steps] == [*BEFORE_LAUNCH, StepKey.LAUNCH, StepKey.ATTENDANCE]
    assert states(r) == {
        StepKey.CAMERA: StepState.TODO,
        StepKey.SOUND: StepState.TODO,
        StepKey.CHECKLIST: StepState.TODO,
        StepKey.LICENCE: StepState.TODO,
        StepKey.MEETING: StepState.TODO,
        StepKey.LAUNCH: StepState.TODO,
        StepKey.ATTENDANCE: StepState.NOT_NEEDED,
    }
    assert not r.ready and r.next_step is StepKey.CAMERA and r.verdict is Verdict.WARN
    assert r.next_action == "Check the camera"
    assert [s.key for s in r.missing] == list(BEFORE_LAUNCH)


def test_everything_prepared() -> None:
    r = judge(prepared(), FIXED_NOW)
    assert all(states(r)[k] is StepState.DONE for k in BEFORE_LAUNCH)
    assert r.ready and r.verdict is Verdict.PASS and r.missing == []
    assert r.next_step is StepKey.LAUNCH and r.next_action == ACTIONS[StepKey.LAUNCH]


@pytest.mark.parametrize(
    ("verdict", "state"),
    [(Verdict.PASS, StepState.DONE), (Verdict.WARN, StepState.WARNING),
     (Verdict.FAIL, StepState.FAILED)],
)
def test_camera_follows_its_verdict(verdict: Verdict, state: StepState) -> None:
    r = judge(prepared(camera=device(verdict)), FIXED_NOW)
    step = r.step(StepKey.CAMERA)
    assert step.state is state
    assert step.at == CHECKED and step.as_json()["detail"] == "Checked with Logitech C920"
    assert r.ready is (state is not StepState.FAILED)
    assert r.verdict is verdict


@pytest.mark.parametrize(
    ("mode", "criteria", "state"),
    [
        # hybrid: the speakers and the echo are part of the check
        (SessionMode.HYBRID, HYBRID_SOUND, StepState.DONE),
        (SessionMode.HYBRID, {"signal": Verdict.PASS}, StepState.TODO),
        (SessionMode.HYBRID, {"signal": Verdict.PASS, "speaker": Verdict.PASS},
         StepState.TODO),
        (SessionMode.HYBRID, {**HYBRID_SOUND, "echo": Verdict.WARN}, StepState.WARNING),
        (SessionMode.HYBRID, {**HYBRID_SOUND, "echo": Verdict.FAIL}, StepState.FAILED),
        (SessionMode.HYBRID, {"signal": Verdict.FAIL}, StepState.FAILED),
        # remote: neither needed, and a measured echo is not read
        (SessionMode.REMOTE, {"signal": Verdict.PASS}, StepState.DONE),
        (SessionMode.REMOTE, {"signal": Verdict.WARN}, StepState.WARNING),
        (SessionMode.REMOTE, {"signal": Verdict.PASS, "echo": Verdict.FAIL}, StepState.DONE),
        (SessionMode.REMOTE, {"signal": Verdict.FAIL, "echo": Verdict.PASS},
         StepState.FAILED),
        (SessionMode.REMOTE, {"echo": Verdict.PASS}, StepState.TODO),
    ],
)
def test_sound_reads_the_criteria_the_session_needs(
    mode: SessionMode, criteria: dict[str, Verdict], state: StepState
) -> None:
    r = judge(prepared(row=row(mode=mode), sound=sound(**criteria)), FIXED_NOW)
    step = r.step(StepKey.SOUND)
    assert step.state is state
    assert step.at == CHECKED
    assert r.ready is (state in (StepState.DONE, StepState.WARNING))
    if state is StepState.TODO:
        assert r.next_step is StepKey.SOUND and r.verdict is Verdict.WARN


def test_hybrid_sound_without_the_room_tests_says_what_is_missing() -> None:
    facts = prepared(row=row(mode=SessionMode.HYBRID), sound=sound(signal=Verdict.PASS))
    detail = judge(facts, FIXED_NOW).step(StepKey.SOUND).as_json()["detail"]
    assert detail == (
        "Checked with Jabra 510, without the speaker and echo tests a hybrid room needs"
    )


def test_a_sound_fact_without_criteria_is_judged_on_its_verdict() -> None:
    for mode in SessionMode:
        for verdict, state in [(Verdict.PASS, StepState.DONE), (Verdict.FAIL, StepState.FAILED)]:
            facts = prepared(row=row(mode=mode), sound=device(verdict))
            assert judge(facts, FIXED_NOW).step(StepKey.SOUND).state is state


def test_checklist_counts_the_steps_due() -> None:
    partial = judge(prepared(checklist=ChecklistFact("T-30", 5, 8)), FIXED_NOW)
    step = partial.step(StepKey.CHECKLIST)
    assert step.state is StepState.TODO and step.as_json()["detail"] == "5/8 steps at T-30"
    assert partial.next_step is StepKey.CHECKLIST and not partial.ready
    none = judge(prepared(checklist=None), FIXED_NOW)
    assert none.step(StepKey.CHECKLIST).state is StepState.TODO
    full = judge(prepared(checklist=ChecklistFact("T-30", 8, 8)), FIXED_NOW)
    assert full.step(StepKey.CHECKLIST).state is StepState.DONE


def test_licence_and_host_key() -> None:
    r = judge(prepared(row=row(licence_id=None, licence_label=None)), FIXED_NOW)
    assert r.step(StepKey.LICENCE).state is StepState.TODO and r.next_step is StepKey.LICENCE
    no_key = judge(prepared(host_key=False), FIXED_NOW)
    step = no_key.step(StepKey.LICENCE)
    assert step.state is StepState.WARNING
    assert step.as_json()["detail"] == "Zoom 1 booked; its host key is not in the keyring"
    assert no_key.ready and no_key.verdict is Verdict.WARN  # launchable, to look at
    assert judge(prepared(), FIXED_NOW).step(StepKey.LICENCE).state is StepState.DONE


def test_meeting() -> None:
    r = judge(prepared(meeting=False), FIXED_NOW)
    assert r.step(StepKey.MEETING).state is StepState.TODO
    assert r.next_step is StepKey.MEETING and not r.ready


# ------------------------------------------------------------------ the next action
def test_next_action_takes_the_steps_in_order() -> None:
    facts = SessionFacts(row=row(licence_id=None, licence_label=None))
    for key, fill in [
        (StepKey.CAMERA, {"camera": device()}),
        (StepKey.SOUND, {"sound": sound(signal=Verdict.PASS)}),
        (StepKey.CHECKLIST, {"checklist": ChecklistFact("T-30", 3, 3)}),
        (StepKey.LICENCE, {"row": row()}),
        (StepKey.MEETING, {"meeting": True}),
    ]:
        assert judge(facts, FIXED_NOW).next_step is key
        facts = dataclasses.replace(facts, **fill)  # type: ignore[arg-type]
    assert judge(facts, FIXED_NOW).next_step is StepKey.LAUNCH


def test_a_failed_step_comes_back_as_the_next_action() -> None:
    r = judge(prepared(sound=sound(signal=Verdict.FAIL)), FIXED_NOW)
    assert r.next_step is StepKey.SOUND and r.verdict is Verdict.FAIL and not r.ready
    warned = judge(prepared(sound=sound(signal=Verdict.WARN)), FIXED_NOW)
    assert warned.next_step is StepKey.LAUNCH  # a warning is done, with a look


def test_nothing_to_do_while_running() -> None:
    during = START + timedelta(minutes=10)
    r = judge(SessionFacts(row=row(status=SessionStatus.RUNNING)), during)
    assert r.step(StepKey.LAUNCH).state is StepState.DONE
    assert r.step(StepKey.ATTENDANCE).state is StepState.NOT_NEEDED
    assert r.next_step is None and r.next_action is None


def test_after_the_session_attendance_is_next() -> None:
    after = END + timedelta(minutes=1)
    for status in (SessionStatus.RUNNING, SessionStatus.PLANNED, SessionStatus.DONE):
        r = judge(SessionFacts(row=row(status=status)), after)
        assert r.step(StepKey.ATTENDANCE).state is StepState.TODO
        assert r.next_step is StepKey.ATTENDANCE
        assert r.next_action == "Record attendance"
    recorded = judge(SessionFacts(row=row(status=SessionStatus.DONE), attendance=True), after)
    assert recorded.step(StepKey.ATTENDANCE).state is StepState.DONE
    assert recorded.next_step is None


def test_a_session_done_early_asks_for_attendance_at_once() -> None:
    during = START + timedelta(minutes=30)
    r = judge(SessionFacts(row=row(status=SessionStatus.DONE)), during)
    assert r.step(StepKey.ATTENDANCE).state is StepState.TODO
    assert r.next_step is StepKey.ATTENDANCE


def test_attendance_is_not_needed_until_the_end() -> None:
    just_before = END - timedelta(seconds=1)
    r = judge(SessionFacts(row=row(status=SessionStatus.RUNNING)), just_before)
    assert r.step(StepKey.ATTENDANCE).state is StepState.NOT_NEEDED
    at_end = judge(SessionFacts(row=row(status=SessionStatus.RUNNING)), END)
    assert at_end.step(StepKey.ATTENDANCE).state is StepState.TODO


def test_cancelled_sessions_have_nothing_to_do() -> None:
    r = judge(prepared(row=row(status=SessionStatus.CANCELLED)), FIXED_NOW)
    assert r.next_step is None and r.verdict is None and not r.ready


# ------------------------------------------------------------------ the verdict
def test_verdict_is_the_worst_before_the_launch() -> None:
    assert judge(prepared(), FIXED_NOW).verdict is Verdict.PASS
    assert judge(prepared(host_key=False), FIXED_NOW).verdict is Verdict.WARN
    assert judge(prepared(meeting=False), FIXED_NOW).verdict is Verdict.WARN
    assert judge(prepared(skipped={StepKey.CAMERA: "x"}, camera=None),
                 FIXED_NOW).verdict is Verdict.WARN
    failed = prepared(camera=device(Verdict.FAIL), meeting=False)
    assert judge(failed, FIXED_NOW).verdict is Verdict.FAIL
    # The launch and attendance are not part of it.
    after = judge(prepared(row=row(status=SessionStatus.DONE)), END + timedelta(hours=1))
    assert after.step(StepKey.ATTENDANCE).state is StepState.TODO
    assert after.verdict is Verdict.PASS


# ------------------------------------------------------------------ skips
def test_a_skipped_step_keeps_its_reason_who_and_when() -> None:
    when = FIXED_NOW - timedelta(minutes=5)
    note = Decision("No camera in this room", "Camille", when)
    facts = prepared(camera=None, skipped={StepKey.CAMERA: note.reason},
                     skip_notes={StepKey.CAMERA: note})
    r = judge(facts, FIXED_NOW)
    step = r.step(StepKey.CAMERA)
    assert step.state is StepState.SKIPPED
    assert step.as_json() == {
        "step": "camera", "state": "skipped", "detail": "Skipped: No camera in this room",
        "at": when.isoformat(), "by": "Camille",
    }
    assert r.ready and r.next_step is StepKey.LAUNCH and r.verdict is Verdict.WARN


def test_a_skip_replaces_a_failure_but_not_a_fact_that_holds() -> None:
    skip = {StepKey.CAMERA: "Camera broken, sound only", StepKey.SOUND: "x"}
    r = judge(prepared(camera=device(Verdict.FAIL), skipped=skip), FIXED_NOW)
    assert r.step(StepKey.CAMERA).state is StepState.SKIPPED
    assert r.step(StepKey.SOUND).state is StepState.DONE  # checked: the fact wins
    assert r.ready and r.verdict is Verdict.WARN


def test_skips_of_every_skippable_step() -> None:
    after = END + timedelta(minutes=5)
    empty = SessionFacts(
        row=row(licence_id=None, licence_label=None, status=SessionStatus.DONE),
        checklist=ChecklistFact("end", 2, 9),
        skipped={k: f"because {k}" for k in StepKey},
    )
    r = judge(empty, after)
    for key in SKIPPABLE:
        assert r.step(key).state is StepState.SKIPPED, key
        assert r.step(key).as_json()["detail"] == f"Skipped: because {key}"
    # The meeting cannot be skipped: Zoom is launched from it.
    assert r.step(StepKey.MEETING).state is StepState.TODO
    assert not r.ready
    assert r.next_step is None  # over: attendance only, and it was skipped


def test_the_meeting_and_the_launch_cannot_be_skipped() -> None:
    facts = prepared(meeting=False, skipped={StepKey.MEETING: "x", StepKey.LAUNCH: "y"})
    r = judge(facts, FIXED_NOW)
    assert r.step(StepKey.MEETING).state is StepState.TODO
    assert r.step(StepKey.LAUNCH).state is StepState.TODO
    assert not r.ready and r.next_step is StepKey.MEETING


def test_a_skipped_attendance_ends_the_session() -> None:
    after = END + timedelta(minutes=5)
    facts = SessionFacts(row=row(status=SessionStatus.DONE),
                         skipped={StepKey.ATTENDANCE: "Nobody came"})
    r = judge(facts, after)
    assert r.step(StepKey.ATTENDANCE).state is StepState.SKIPPED
    assert r.next_step is None
    # Before the end it is not needed, skipped or not.
    early = judge(dataclasses.replace(facts, row=row()), FIXED_NOW)
    assert early.step(StepKey.ATTENDANCE).state is StepState.NOT_NEEDED


# ------------------------------------------------------------------ the override
def test_ready_by_hand_keeps_its_reason_and_points_at_the_launch() -> None:
    note = Decision("Camera checked on the laptop", "Camille", FIXED_NOW)
    facts = SessionFacts(row=row(), meeting=True, override=note.reason, override_note=note)
    r = judge(facts, FIXED_NOW)
    assert r.ready and r.override == "Camera checked on the laptop"
    assert r.next_step is StepKey.LAUNCH
    assert r.verdict is Verdict.WARN  # the facts still say what is missing
    assert StepKey.CAMERA in {s.key for s in r.missing}
    data = r.as_json()
    assert data["override"] == note.reason and data["override_by"] == "Camille"
    assert data["override_at"] == FIXED_NOW.isoformat()
    assert derived_status(r) is SessionStatus.READY


def test_an_override_does_not_hide_what_follows_the_launch() -> None:
    facts = SessionFacts(row=row(status=SessionStatus.RUNNING), override="x")
    assert judge(facts, START).next_step is None
    assert judge(facts, END).next_step is StepKey.ATTENDANCE


# ------------------------------------------------------------------ statuses
def test_may_run_from_the_lead_until_the_end() -> None:
    r = row()
    assert timedelta(minutes=30) == RUNNING_LEAD
    assert runs_from(r) == START - timedelta(minutes=30)
    assert not may_run(r, START - timedelta(minutes=30, seconds=1))
    assert may_run(r, START - timedelta(minutes=30))
    assert may_run(r, START)
    assert may_run(r, END - timedelta(seconds=1))
    assert not may_run(r, END)
    assert not may_run(r, FIXED_NOW)


@pytest.mark.parametrize(
    ("status", "ready", "derived"),
    [
        (SessionStatus.PLANNED, True, SessionStatus.READY),
        (SessionStatus.PLANNED, False, SessionStatus.PLANNED),
        (SessionStatus.READY, False, SessionStatus.PLANNED),
        (SessionStatus.READY, True, SessionStatus.READY),
        (SessionStatus.RUNNING, False, SessionStatus.RUNNING),
        (SessionStatus.DONE, False, SessionStatus.DONE),
        (SessionStatus.CANCELLED, True, SessionStatus.CANCELLED),
    ],
)
def test_derived_status(status: SessionStatus, ready: bool, derived: SessionStatus) -> None:
    facts = prepared(row=row(status=status)) if ready else SessionFacts(row=row(status=status))
    assert derived_status(judge(facts, FIXED_NOW)) is derived


def test_checklist_pause_before_and_after_the_launch() -> None:
    planned = row()
    for moment in (FIXED_NOW, START - timedelta(minutes=4), START + timedelta(minutes=1)):
        assert checklist_pause(planned, moment) is PausePoint.T30
    running = row(status=SessionStatus.RUNNING)
    assert checklist_pause(running, START - timedelta(minutes=4)) is PausePoint.T5
    assert checklist_pause(running, START + timedelta(minutes=1)) is PausePoint.START
    assert checklist_pause(row(status=SessionStatus.DONE), END) is PausePoint.END


def test_as_json_shape() -> None:
    data = judge(prepared(), FIXED_NOW).as_json()
    assert data["session"] == 7 and data["branch"] == "centre" and data["status"] == "planned"
    assert data["ready"] is True and data["verdict"] == "pass"
    assert data["next_step"] == "launch" and data["next_action"] == "Launch Zoom"
    assert data["override"] is None and data["override_by"] is None
    steps = data["steps"]
    assert isinstance(steps, list) and [s["step"] for s in steps] == [k.value for k in StepKey]


def test_every_marked_sentence_names_its_context_literally() -> None:
    """lupdate extracts `_N("context", "text")` only with literals: a context held in a
    variable leaves the sentence out of the catalogue, shown in English in French."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "app"
    hidden = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_N", "QT_TRANSLATE_NOOP")
                and not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
                )
            ):
                hidden.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert hidden == []
    assert STEP_LABELS[StepKey.CAMERA] == "Camera"
