"""Is a session ready, and what should the agent do next? Derived from facts, never typed.

The facts of one session (device checks saved *for it*, its checklist's progress, its
licence and the host key in the keyring, its Zoom meeting, whether it was launched, its
attendance, and the decisions an agent signed: a step skipped, "ready" set by hand) are
gathered by the composition root (`app.services.readiness`) and judged here: each becomes
a `Step` with a state, the session gets an overall verdict, the next action is the first
step still to do, and the "ready" and "running" statuses follow from them. The window
(Aujourd'hui, Préparer, the sessions table) and the command line (`regie today`,
`regie sessions prepare`) show the same judgement.

Rules worth knowing:

- Sound: a hybrid session needs the speaker and echo tests (the room's speakers feed the
  microphone); a check saved without them leaves the step to do. A remote session needs
  neither, and its sound step ignores an `echo` criterion if one was measured (the echo
  test is about a room's speakers, which a remote session does not use).
- Checklist: before the launch it is judged at the T-30 pause point (the preparation:
  the T-5 steps are the launch itself and what follows it); once launched, at the pause
  point the clock has reached.
- A skip (with its reason) replaces a step that is still open (to do or failed); a step
  whose fact holds stays done. The launch and the meeting it needs cannot be skipped.
- "Ready" set by hand (the override, with its reason) makes the session ready and its
  next action the launch; the verdict still shows what the facts say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.core.checklists.content import PausePoint, pause_due
from app.core.checks import Verdict
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode, SessionRow, SessionStatus

CTX = "readiness"  # the translation context of the strings below (literal there: lupdate)

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

# Steps an agent may leave out with a reason. Not the meeting (Zoom is launched from it)
# nor the launch (the point of it all).
SKIPPABLE = (
    StepKey.CAMERA,
    StepKey.SOUND,
    StepKey.CHECKLIST,
    StepKey.LICENCE,
    StepKey.ATTENDANCE,
)

# What a hybrid room's sound check must include; what a remote session's does not read.
SOUND_NEEDS: dict[SessionMode, tuple[str, ...]] = {
    SessionMode.HYBRID: ("speaker", "echo"),
    SessionMode.REMOTE: (),
}
SOUND_IGNORES: dict[SessionMode, tuple[str, ...]] = {
    SessionMode.HYBRID: (),
    SessionMode.REMOTE: ("echo",),
}

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
    """The newest camera or sound check saved for the session.

    `criteria` holds each measured criterion's verdict (the sound step reads the speaker
    and echo tests from it); empty, the overall `verdict` alone is judged.
    """

    verdict: Verdict
    at: datetime
    device: str
    criteria: dict[str, Verdict] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChecklistFact:
    """The session's checklist run at the pause point it is judged at."""

    pause: str  # T-30, T-5, start, end
    done: int  # steps resolved at or before that pause point
    total: int  # steps due by that pause point


@dataclass(frozen=True, slots=True)
class Decision:
    """A step skipped or "ready" set by hand: the reason given, by whom, when."""

    reason: str
    by: str
    at: datetime

    def as_json(self) -> dict[str, object]:
        return {"reason": self.reason, "by": self.by, "at": self.at.astimezone().isoformat()}


@dataclass(frozen=True, slots=True)
class KitNote:
    """Why a device needs attention, as a sentence each front end translates: `source` is
    marked in the "equipment" context, `params` fill it; `criteria` (check criteria, by
    name) fill `{criteria}` once the front end has put them in its words."""

    source: str
    params: tuple[tuple[str, str], ...] = ()
    criteria: tuple[str, ...] = ()

    def text(self, translate: Callable[[str], str], criterion: Callable[[str], str]) -> str:
        """The sentence through the front end's `translate` and `criterion` words."""
        params = dict(self.params)
        if self.criteria:
            params["criteria"] = ", ".join(criterion(c) for c in self.criteria)
        return translate(self.source).format(**params)

    def english(self) -> str:
        return self.text(lambda s: s, lambda c: c)


@dataclass(frozen=True, slots=True)
class KitFact:
    """A device kept at the session's branch (the room's kit); `notes` say why it needs
    attention, none when it is fine. `flag` is their English (scripts read it)."""

    device_id: int
    label: str
    kind: str
    notes: tuple[KitNote, ...] = ()

    @property
    def flag(self) -> str:
        return "; ".join(n.english() for n in self.notes)

    def as_json(self) -> dict[str, object]:
        return {"id": self.device_id, "label": self.label, "kind": self.kind,
                "flag": self.flag or None}


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """Everything readiness is judged on, gathered in one read for many sessions.

    `skipped` and `override` are the reasons alone; `skip_notes` and `override_note`,
    when known, add who decided and when (shown next to the reason).
    """

    row: SessionRow
    camera: DeviceFact | None = None
    sound: DeviceFact | None = None
    checklist: ChecklistFact | None = None
    host_key: bool = False  # the licence's host key is registered in the keyring
    meeting: bool = False  # a Zoom meeting ID is set
    attendance: bool = False  # counts of who came were recorded
    skipped: dict[StepKey, str] = field(default_factory=dict)  # step → reason given
    override: str | None = None  # "ready" set by hand: the reason given
    skip_notes: dict[StepKey, Decision] = field(default_factory=dict)
    override_note: Decision | None = None
    kit: tuple[KitFact, ...] = ()  # the equipment kept where the session takes place


@dataclass(frozen=True, slots=True)
class Step:
    key: StepKey
    state: StepState
    detail: str = ""  # English source (context "readiness") formatted with `params`
    params: dict[str, str] = field(default_factory=dict)
    at: datetime | None = None  # when the fact was established (a check's time, a skip's)
    by: str = ""  # who skipped it, when it was skipped

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
            "at": self.at.astimezone().isoformat() if self.at else None,
            "by": self.by or None,
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
    override_note: Decision | None = None
    kit: tuple[KitFact, ...] = ()

    @property
    def failing_kit(self) -> list[KitFact]:
        """The room's devices flagged as failing: named in the summary."""
        return [k for k in self.kit if k.flag]

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
        note = self.override_note
        return {
            "session": row.id,
            "title": row.title,
            "branch": row.branch_code,
            "start": row.start.astimezone().isoformat(),
            "end": row.end.astimezone().isoformat(),
            "mode": row.mode.value,
            "status": row.status.value,
            "licence": row.licence_label,
            "ready": self.ready,
            "override": self.override,
            "override_by": note.by if note else None,
            "override_at": note.at.astimezone().isoformat() if note else None,
            "verdict": self.verdict.value if self.verdict else None,
            "next_step": self.next_step.value if self.next_step else None,
            "next_action": self.next_action,
            "steps": [s.as_json() for s in self.steps],
            "kit": [k.as_json() for k in self.kit],
        }


_BY_VERDICT = {
    Verdict.PASS: StepState.DONE,
    Verdict.WARN: StepState.WARNING,
    Verdict.FAIL: StepState.FAILED,
}


_NOT_CHECKED = _N("readiness", "Not checked for this session yet")
_CHECKED_WITH = _N("readiness", "Checked with {device}")


def _camera(fact: DeviceFact | None) -> Step:
    if fact is None:
        return Step(StepKey.CAMERA, StepState.TODO, _NOT_CHECKED)
    return Step(StepKey.CAMERA, _BY_VERDICT[fact.verdict], _CHECKED_WITH,
                {"device": fact.device}, fact.at)


def _sound(fact: DeviceFact | None, mode: SessionMode) -> Step:
    """The sound check read for the session's kind (see the module's rules)."""
    key = StepKey.SOUND
    if fact is None:
        return Step(key, StepState.TODO, _NOT_CHECKED)
    params = {"device": fact.device}
    if not fact.criteria:
        return Step(key, _BY_VERDICT[fact.verdict], _CHECKED_WITH, params, fact.at)
    read = [v for name, v in fact.criteria.items() if name not in SOUND_IGNORES[mode]]
    missing = [name for name in SOUND_NEEDS[mode] if name not in fact.criteria]
    verdict = Verdict.worst(read)
    if verdict is Verdict.FAIL:
        return Step(key, StepState.FAILED, _CHECKED_WITH, params, fact.at)
    if missing:
        return Step(
            key, StepState.TODO,
            _N("readiness",
               "Checked with {device}, without the speaker and echo tests a hybrid room needs"),
            params, fact.at,
        )
    if not read:
        return Step(
            key, StepState.TODO,
            _N("readiness", "Checked with {device}, with the echo test only: test the microphone"),
            params, fact.at,
        )
    return Step(key, _BY_VERDICT[verdict], _CHECKED_WITH, params, fact.at)


def _checklist(cl: ChecklistFact | None) -> Step:
    if cl is None:
        return Step(StepKey.CHECKLIST, StepState.TODO,
                    _N("readiness", "No checklist run for this session yet"))
    state = StepState.DONE if cl.done >= cl.total else StepState.TODO
    return Step(StepKey.CHECKLIST, state, _N("readiness", "{done}/{total} steps at {pause}"),
                {"done": str(cl.done), "total": str(cl.total), "pause": cl.pause})


def _licence(row: SessionRow, host_key: bool) -> Step:
    if row.licence_id is None:
        return Step(StepKey.LICENCE, StepState.TODO, _N("readiness", "No licence booked"))
    params = {"licence": row.licence_label or ""}
    if not host_key:
        return Step(StepKey.LICENCE, StepState.WARNING,
                    _N("readiness", "{licence} booked; its host key is not in the keyring"), params)
    return Step(StepKey.LICENCE, StepState.DONE, _N("readiness", "{licence} booked"), params)


def _skip(step: Step, facts: SessionFacts) -> Step:
    """An open step the agent left out on purpose becomes skipped, reason kept."""
    reason = facts.skipped.get(step.key)
    if reason is None or not step.open or step.key not in SKIPPABLE:
        return step
    note = facts.skip_notes.get(step.key)
    return Step(
        step.key, StepState.SKIPPED, _N("readiness", "Skipped: {reason}"), {"reason": reason},
        note.at if note else None, note.by if note else "",
    )


def judge(facts: SessionFacts, now: datetime) -> Readiness:
    """The session's steps, verdict, readiness and next action at `now`."""
    row = facts.row
    launched = row.status in (SessionStatus.RUNNING, SessionStatus.DONE)
    over = now >= row.end or row.status is SessionStatus.DONE
    steps: list[Step] = [
        _camera(facts.camera),
        _sound(facts.sound, row.mode),
        _checklist(facts.checklist),
        _licence(row, facts.host_key),
        Step(StepKey.MEETING, StepState.DONE, _N("readiness", "Meeting entered"))
        if facts.meeting
        else Step(StepKey.MEETING, StepState.TODO, _N("readiness", "No Zoom meeting entered")),
        Step(StepKey.LAUNCH, StepState.DONE, _N("readiness", "Launched"))
        if launched
        else Step(StepKey.LAUNCH, StepState.TODO, _N("readiness", "Not launched yet")),
    ]
    if not over:
        steps.append(Step(StepKey.ATTENDANCE, StepState.NOT_NEEDED,
                          _N("readiness", "After the session")))
    elif facts.attendance:
        steps.append(Step(StepKey.ATTENDANCE, StepState.DONE, _N("readiness", "Recorded")))
    else:
        steps.append(Step(StepKey.ATTENDANCE, StepState.TODO, _N("readiness", "Not recorded yet")))
    steps = [_skip(s, facts) for s in steps]
    before = [s for s in steps if s.key in BEFORE_LAUNCH]
    ready = facts.override is not None or not any(s.open for s in before)
    if row.status is SessionStatus.CANCELLED:
        return Readiness(row, tuple(steps), False, facts.override, None, None,
                         facts.override_note, facts.kit)
    if over:
        order = [StepKey.ATTENDANCE]
    elif launched:
        order = []
    elif facts.override is not None:
        order = [StepKey.LAUNCH]  # ready by hand: what is missing is said at the launch
    else:
        order = [*BEFORE_LAUNCH, StepKey.LAUNCH]
    open_keys = {s.key for s in steps if s.open}
    next_step = next((key for key in order if key in open_keys), None)
    return Readiness(row, tuple(steps), ready, facts.override, next_step, _verdict(before),
                     facts.override_note, facts.kit)


def _verdict(before: list[Step]) -> Verdict | None:
    states = {s.state for s in before}
    if not states:
        return None
    if StepState.FAILED in states:
        return Verdict.FAIL
    if states & {StepState.TODO, StepState.WARNING, StepState.SKIPPED}:
        return Verdict.WARN
    return Verdict.PASS


def checklist_pause(row: SessionRow, now: datetime) -> PausePoint:
    """The pause point the session's checklist is judged at: T-30 until the launch (the
    steps after it are the launch itself and the session), then the one reached."""
    if row.status in (SessionStatus.RUNNING, SessionStatus.DONE):
        return pause_due(row.start, row.end, now)
    return PausePoint.T30


def runs_from(row: SessionRow) -> datetime:
    """When the session may first be marked running (Zoom launched for it)."""
    return row.start - RUNNING_LEAD


def may_run(row: SessionRow, now: datetime) -> bool:
    """'Running' only from `RUNNING_LEAD` before the start until the end."""
    return runs_from(row) <= now < row.end


def derived_status(readiness: Readiness) -> SessionStatus:
    """The status the facts give: planned or ready before the launch; a status the agent
    moved on (running, done, cancelled) stays."""
    status = readiness.row.status
    if status in (SessionStatus.PLANNED, SessionStatus.READY):
        return SessionStatus.READY if readiness.ready else SessionStatus.PLANNED
    return status
