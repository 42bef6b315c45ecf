"""Is a session ready, and what should the agent do next? Derived from facts, never typed.

The facts of one session (device checks saved *for it*, its checklist's progress at the
pause point the clock has reached, its licence and the host key in the keyring, its Zoom
meeting, whether it was launched, its attendance) are gathered by the composition root
(`app.services.readiness`) and judged here: each becomes a `Step` with a state, the
session gets an overall verdict, the next action is the first step still to do, and the
"ready" and "running" statuses follow from them. The window (Aujourd'hui, Préparer, the
sessions table) and the command line (`regie today`, `regie sessions prepare`) show the
same judgement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.core.checks import Verdict
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionRow, SessionStatus

CTX = "readiness"

# "En cours" may be set from this long before the start until the end.
RUNNING_LEAD = timedelta(minutes=30)


class StepKey(StrEnum):
    """The preparation steps, in the order an agent takes them."""

    CAMERA = "camera"
    SOUND = "sound"
    CHECKLIST = "checklist"
    LICENCE = "licence"
    MEETING = "meeting"
    LAUNCH = "launch"
    ATTENDANCE = "attendance"


class StepState(StrEnum):
    DONE = "done"  # the fact holds (a check passed, a licence is booked…)
    WARNING = "warning"  # done, with something to look at (an orange verdict)
    FAILED = "failed"  # tried and failed (a red verdict): do it again
    TODO = "todo"  # not done yet
    SKIPPED = "skipped"  # left out on purpose, with the reason kept
    NOT_NEEDED = "not_needed"  # does not apply to this session (not yet, or not its kind)


# Steps that make a session ready to launch (the launch itself and attendance follow).
BEFORE_LAUNCH = (
    StepKey.CAMERA,
    StepKey.SOUND,
    StepKey.CHECKLIST,
    StepKey.LICENCE,
    StepKey.MEETING,
)

STEP_LABELS: dict[StepKey, str] = {
    StepKey.CAMERA: _N("readiness", "Camera"),
    StepKey.SOUND: _N("readiness", "Sound"),
    StepKey.CHECKLIST: _N("readiness", "Checklist"),
    StepKey.LICENCE: _N("readiness", "Licence"),
    StepKey.MEETING: _N("readiness", "Zoom meeting"),
    StepKey.LAUNCH: _N("readiness", "Launch"),
    StepKey.ATTENDANCE: _N("readiness", "Attendance"),
}

# The one primary button of a session whose next step is this one.
ACTIONS: dict[StepKey, str] = {
    StepKey.CAMERA: _N("readiness", "Check the camera"),
    StepKey.SOUND: _N("readiness", "Check the sound"),
    StepKey.CHECKLIST: _N("readiness", "Run the checklist"),
    StepKey.LICENCE: _N("readiness", "Book a licence"),
    StepKey.MEETING: _N("readiness", "Enter the Zoom meeting"),
    StepKey.LAUNCH: _N("readiness", "Launch Zoom"),
    StepKey.ATTENDANCE: _N("readiness", "Record attendance"),
}


@dataclass(frozen=True, slots=True)
class DeviceFact:
    """The newest camera or sound check saved for the session."""

    verdict: Verdict
    at: datetime
    device: str


@dataclass(frozen=True, slots=True)
class ChecklistFact:
    """The session's checklist run at the pause point the clock has reached."""

    pause: str  # t-30, t-5, start, end
    done: int  # steps resolved at or before that pause point
    total: int  # steps due by that pause point


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """Everything readiness is judged on, gathered in one read for many sessions."""

    row: SessionRow
    camera: DeviceFact | None = None
    sound: DeviceFact | None = None
    checklist: ChecklistFact | None = None
    host_key: bool = False  # the licence's host key is registered in the keyring
    meeting: bool = False  # a Zoom meeting ID is set
    attendance: bool = False  # counts were recorded
    skipped: dict[StepKey, str] = field(default_factory=dict)  # step → reason given
    override: str | None = None  # "ready" set by hand: the reason given


@dataclass(frozen=True, slots=True)
class Step:
    key: StepKey
    state: StepState
    detail: str = ""  # English source (context "readiness") formatted with `params`
    params: dict[str, str] = field(default_factory=dict)
    at: datetime | None = None  # when the fact was established (a check's time)

    @property
    def label(self) -> str:
        return STEP_LABELS[self.key]

    @property
    def open(self) -> bool:
        """Still something to do here."""
        return self.state in (StepState.TODO, StepState.FAILED)

    def as_json(self) -> dict[str, object]:
        return {
            "step": self.key.value,
            "state": self.state.value,
            "detail": self.detail.format(**self.params) if self.detail else "",
            "at": self.at.isoformat() if self.at else None,
        }


@dataclass(frozen=True, slots=True)
class Readiness:
    """A session's preparation as the desk shows it."""

    row: SessionRow
    steps: tuple[Step, ...]
    ready: bool  # every step before the launch is done, warned, skipped or overridden
    override: str | None
    next_step: StepKey | None
    verdict: Verdict | None  # green / orange / red summary; None when nothing applies

    def step(self, key: StepKey) -> Step:
        return next(s for s in self.steps if s.key is key)

    @property
    def missing(self) -> list[Step]:
        """What is still open before the launch (said before launching anyway)."""
        return [s for s in self.steps if s.key in BEFORE_LAUNCH and s.open]

    @property
    def next_action(self) -> str | None:
        return ACTIONS[self.next_step] if self.next_step is not None else None

    def as_json(self) -> dict[str, object]:
        row = self.row
        return {
            "session": row.id,
            "title": row.title,
            "branch": row.branch_code,
            "start": row.start.isoformat(),
            "end": row.end.isoformat(),
            "mode": row.mode.value,
            "status": row.status.value,
            "licence": row.licence_label,
            "ready": self.ready,
            "override": self.override,
            "verdict": self.verdict.value if self.verdict else None,
            "next_step": self.next_step.value if self.next_step else None,
            "next_action": self.next_action,
            "steps": [s.as_json() for s in self.steps],
        }


def _device(key: StepKey, fact: DeviceFact | None, skipped: str | None) -> Step:
    if fact is None:
        if skipped is not None:
            return Step(key, StepState.SKIPPED, _N("readiness", "Skipped: {reason}"),
                        {"reason": skipped})
        return Step(key, StepState.TODO, _N("readiness", "Not checked for this session yet"))
    state = {
        Verdict.PASS: StepState.DONE,
        Verdict.WARN: StepState.WARNING,
        Verdict.FAIL: StepState.FAILED,
    }[fact.verdict]
    return Step(key, state, _N("readiness", "Checked with {device}"), {"device": fact.device},
                fact.at)


def _skippable(key: StepKey, done: bool, skipped: str | None, todo: str, done_text: str) -> Step:
    if done:
        return Step(key, StepState.DONE, done_text)
    if skipped is not None:
        return Step(key, StepState.SKIPPED, _N("readiness", "Skipped: {reason}"),
                    {"reason": skipped})
    return Step(key, StepState.TODO, todo)


def judge(facts: SessionFacts, now: datetime) -> Readiness:
    """The session's steps, verdict, readiness and next action at `now`."""
    row, skip = facts.row, facts.skipped
    steps: list[Step] = [
        _device(StepKey.CAMERA, facts.camera, skip.get(StepKey.CAMERA)),
        _device(StepKey.SOUND, facts.sound, skip.get(StepKey.SOUND)),
    ]
    cl = facts.checklist
    if cl is None:
        steps.append(
            _skippable(
                StepKey.CHECKLIST,
                False,
                skip.get(StepKey.CHECKLIST),
                _N("readiness", "No checklist run for this session yet"),
                "",
            )
        )
    elif cl.done >= cl.total:
        steps.append(
            Step(StepKey.CHECKLIST, StepState.DONE,
                 _N("readiness", "{done}/{total} steps at {pause}"),
                 {"done": str(cl.done), "total": str(cl.total), "pause": cl.pause})
        )
    else:
        steps.append(
            Step(
                StepKey.CHECKLIST,
                StepState.SKIPPED if StepKey.CHECKLIST in skip else StepState.TODO,
                _N("readiness", "{done}/{total} steps at {pause}"),
                {"done": str(cl.done), "total": str(cl.total), "pause": cl.pause},
            )
        )
    if row.licence_id is None:
        steps.append(
            _skippable(StepKey.LICENCE, False, skip.get(StepKey.LICENCE),
                       _N("readiness", "No licence booked"), "")
        )
    elif not facts.host_key:
        steps.append(
            Step(StepKey.LICENCE, StepState.WARNING,
                 _N("readiness", "{licence} booked; its host key is not in the keyring"),
                 {"licence": row.licence_label or ""})
        )
    else:
        steps.append(
            Step(StepKey.LICENCE, StepState.DONE, _N("readiness", "{licence} booked"),
                 {"licence": row.licence_label or ""})
        )
    steps.append(
        _skippable(StepKey.MEETING, facts.meeting, skip.get(StepKey.MEETING),
                   _N("readiness", "No Zoom meeting entered"), _N("readiness", "Meeting entered"))
    )
    launched = row.status in (SessionStatus.RUNNING, SessionStatus.DONE)
    steps.append(
        Step(StepKey.LAUNCH, StepState.DONE, _N("readiness", "Launched"))
        if launched
        else Step(StepKey.LAUNCH, StepState.TODO, _N("readiness", "Not launched yet"))
    )
    if now < row.end and row.status is not SessionStatus.DONE:
        steps.append(Step(StepKey.ATTENDANCE, StepState.NOT_NEEDED,
                          _N("readiness", "After the session")))
    else:
        steps.append(
            _skippable(StepKey.ATTENDANCE, facts.attendance, skip.get(StepKey.ATTENDANCE),
                       _N("readiness", "Not recorded yet"), _N("readiness", "Recorded"))
        )
    before = [s for s in steps if s.key in BEFORE_LAUNCH]
    ready = facts.override is not None or not any(s.open for s in before)
    if row.status is SessionStatus.CANCELLED:
        return Readiness(row, tuple(steps), False, facts.override, None, None)
    over = now >= row.end or row.status is SessionStatus.DONE
    if over:
        order = [StepKey.ATTENDANCE]
    elif launched:
        order = []
    else:
        order = [*BEFORE_LAUNCH, StepKey.LAUNCH]
    next_step = next(
        (s.key for key in order for s in steps if s.key is key and s.open), None
    )
    return Readiness(row, tuple(steps), ready, facts.override, next_step, _verdict(steps))


def _verdict(steps: list[Step]) -> Verdict | None:
    states = {s.state for s in steps if s.key in BEFORE_LAUNCH}
    if not states:
        return None
    if StepState.FAILED in states:
        return Verdict.FAIL
    if StepState.TODO in states or StepState.WARNING in states or StepState.SKIPPED in states:
        return Verdict.WARN
    return Verdict.PASS


def may_run(row: SessionRow, now: datetime) -> bool:
    """'Running' only from `RUNNING_LEAD` before the start until the end."""
    return row.start - RUNNING_LEAD <= now < row.end


def derived_status(readiness: Readiness) -> SessionStatus:
    """The status the facts give: planned or ready before the launch; a status the agent
    moved on (running, done, cancelled) stays."""
    status = readiness.row.status
    if status in (SessionStatus.PLANNED, SessionStatus.READY):
        return SessionStatus.READY if readiness.ready else SessionStatus.PLANNED
    return status
