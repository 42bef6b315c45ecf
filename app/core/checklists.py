"""Checklists built from the tutorials, and the engine that runs them.

A checklist is content (loaded from files by `app.checklists`); a run is one person going
through it, for a session or for practice. Two ways to run: *read-do* (guided, one step at
a time with the tutorial) and *do-confirm* (the whole list, tick what is done). Steps may be
ticked automatically when the check they are bound to passes. A run ends with a sign-off;
signed-off guided runs are training records.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode
from app.errors import RegieError, ValidationError

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class PausePoint(StrEnum):
    """The moments a checklist stops for: before, just before, at the start, after."""

    T30 = "T-30"
    T5 = "T-5"
    START = "start"
    END = "end"


PAUSE_ORDER: tuple[PausePoint, ...] = tuple(PausePoint)
PAUSE_LABELS: dict[PausePoint, str] = {
    PausePoint.T30: _N("labels", "30 minutes before"),
    PausePoint.T5: _N("labels", "5 minutes before"),
    PausePoint.START: _N("labels", "At the start"),
    PausePoint.END: _N("labels", "After the session"),
}

# Automatic checks a step may be bound to; ticked when the check passes.
AUTO_CHECKS: dict[str, str] = {
    "camera": _N("labels", "Camera check"),
    "audio": _N("labels", "Audio check"),
    "echo": _N("labels", "Echo check"),
    "licence_assigned": _N("labels", "Licence assigned"),
    "vault_ready": _N("labels", "Licence secrets ready"),
    "zoom_launched": _N("labels", "Zoom launched"),
}


class RunMode(StrEnum):
    READ_DO = "read_do"
    DO_CONFIRM = "do_confirm"


RUN_MODE_LABELS: dict[RunMode, str] = {
    RunMode.READ_DO: _N("labels", "Guided (one step at a time)"),
    RunMode.DO_CONFIRM: _N("labels", "Checklist (whole list)"),
}


class StepState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"


class RunStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SIGNED_OFF = "signed_off"
    ABANDONED = "abandoned"


def pause_due(start: datetime, end: datetime, now: datetime) -> PausePoint:
    """Which pause point the clock has reached for a session (T-30 until T-5, etc.)."""
    if now >= end:
        return PausePoint.END
    if now >= start:
        return PausePoint.START
    if now >= start - timedelta(minutes=5):
        return PausePoint.T5
    return PausePoint.T30


# ---------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a content file, with where it is (`file:line: problem`).

    `message` is an English source sentence (context "checklists") formatted with `params`.
    """

    path: Path
    line: int
    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)

    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.text()}"


@dataclass(frozen=True, slots=True)
class TutorialSection:
    anchor: str
    title: str
    level: int
    line: int
    markdown: str


@dataclass(frozen=True, slots=True)
class Tutorial:
    id: str
    title: str
    path: Path
    markdown: str
    sections: Mapping[str, TutorialSection]
    images: tuple[str, ...] = ()

    @property
    def folder(self) -> Path:
        """Images are relative to this folder."""
        return self.path.parent


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    pause: PausePoint
    why: str
    tutorial: str | None = None
    section: str | None = None
    image: str | None = None
    check: str | None = None
    details: str = ""
    modes: tuple[SessionMode, ...] = (SessionMode.REMOTE, SessionMode.HYBRID)


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    title: str
    version: int
    types: tuple[str, ...]
    modes: tuple[SessionMode, ...]
    steps: tuple[Step, ...]
    description: str = ""
    path: Path | None = None

    def applies_to(self, type_code: str, mode: SessionMode) -> bool:
        return type_code in self.types and mode in self.modes

    def steps_for(self, mode: SessionMode) -> tuple[Step, ...]:
        """The steps that apply in `mode`, grouped by pause point, file order within one."""
        chosen = [s for s in self.steps if mode in s.modes]
        return tuple(sorted(chosen, key=lambda s: PAUSE_ORDER.index(s.pause)))


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded: the valid content, and each invalid file with its problems."""

    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    tutorials: Mapping[str, Tutorial] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def invalid_files(self) -> dict[Path, list[Problem]]:
        out: dict[Path, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append(p)
        return out

    def for_session(self, type_code: str, mode: SessionMode) -> list[Checklist]:
        return sorted(
            (c for c in self.checklists.values() if c.applies_to(type_code, mode)),
            key=lambda c: c.title,
        )

    def checklist(self, checklist_id: str) -> Checklist:
        try:
            return self.checklists[checklist_id]
        except KeyError:
            raise RegieError(
                _N("errors", "There is no checklist “{id}”."),
                _N("errors", "See the list with “regie checklists list”."),
                id=checklist_id,
            ) from None


# ---------------------------------------------------------------------- run state


@dataclass(slots=True)
class StepRecord:
    step_id: str
    state: StepState = StepState.PENDING
    skip_reason: str = ""
    note: str = ""
    auto: bool = False
    started_at: datetime | None = None
    done_at: datetime | None = None

    @property
    def resolved(self) -> bool:
        return self.state is not StepState.PENDING

    @property
    def seconds(self) -> float | None:
        """Time spent on the step, when known."""
        if self.started_at is None or self.done_at is None:
            return None
        return max(0.0, (self.done_at - self.started_at).total_seconds())


@dataclass(slots=True)
class RunState:
    """Everything needed to resume a run; saved after every change."""

    checklist_id: str
    checklist_version: int
    checklist_title: str
    mode: RunMode
    session_mode: SessionMode
    started_at: datetime
    records: list[StepRecord]
    session_id: int | None = None
    staff_id: int | None = None
    id: int | None = None
    index: int = 0
    status: RunStatus = RunStatus.IN_PROGRESS
    updated_at: datetime | None = None
    finished_at: datetime | None = None
    signed_off_by: int | None = None
    # Who the run is, on every computer and engine: the network database matches a run
    # written offline (no id yet) to the one it may already hold by this key.
    key: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def practice(self) -> bool:
        return self.session_id is None

    @property
    def kept_locally(self) -> bool:
        """Started while the network database was out of reach: it has no id there yet
        (a negative id is its place in this computer's queue)."""
        return self.id is not None and self.id < 0

    def as_json(self) -> dict[str, Any]:
        """The whole state, for the offline queue (read back by `from_json`)."""
        return {
            "key": self.key,
            "id": self.id,
            "checklist_id": self.checklist_id,
            "checklist_version": self.checklist_version,
            "checklist_title": self.checklist_title,
            "mode": self.mode.value,
            "session_mode": self.session_mode.value,
            "session_id": self.session_id,
            "staff_id": self.staff_id,
            "status": self.status.value,
            "index": self.index,
            "started_at": self.started_at.isoformat(),
            "updated_at": _iso(self.updated_at),
            "finished_at": _iso(self.finished_at),
            "signed_off_by": self.signed_off_by,
            "records": [
                {
                    "step_id": r.step_id,
                    "state": r.state.value,
                    "skip_reason": r.skip_reason,
                    "note": r.note,
                    "auto": r.auto,
                    "started_at": _iso(r.started_at),
                    "done_at": _iso(r.done_at),
                }
                for r in self.records
            ],
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> RunState:
        """Raises KeyError/ValueError on a payload of another shape."""
        return cls(
            key=str(d["key"]),
            id=d.get("id"),
            checklist_id=str(d["checklist_id"]),
            checklist_version=int(d["checklist_version"]),
            checklist_title=str(d["checklist_title"]),
            mode=RunMode(d["mode"]),
            session_mode=SessionMode(d["session_mode"]),
            session_id=d.get("session_id"),
            staff_id=d.get("staff_id"),
            status=RunStatus(d["status"]),
            index=int(d.get("index", 0)),
            started_at=datetime.fromisoformat(d["started_at"]),
            updated_at=_from_iso(d.get("updated_at")),
            finished_at=_from_iso(d.get("finished_at")),
            signed_off_by=d.get("signed_off_by"),
            records=[
                StepRecord(
                    step_id=str(r["step_id"]),
                    state=StepState(r["state"]),
                    skip_reason=str(r.get("skip_reason", "")),
                    note=str(r.get("note", "")),
                    auto=bool(r.get("auto", False)),
                    started_at=_from_iso(r.get("started_at")),
                    done_at=_from_iso(r.get("done_at")),
                )
                for r in d["records"]
            ],
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


class CheckStatusProvider(Protocol):
    """Answers whether an automatic check passes: True, False, or None (unknown)."""

    def status(self, check: str, session_id: int | None) -> bool | None: ...


class ChecklistRun:
    """The engine: one run of one checklist, with no knowledge of widgets or storage."""

    def __init__(self, checklist: Checklist, state: RunState, *, clock: Clock = utc_now) -> None:
        self.checklist = checklist
        self.state = state
        self._clock = clock
        self.steps = checklist.steps_for(state.session_mode)
        self._align_records()
        self.state.index = min(max(0, state.index), max(0, len(self.steps) - 1))
        if state.mode is RunMode.READ_DO and self.steps and state.status is RunStatus.IN_PROGRESS:
            self._mark_started(self.current)

    @classmethod
    def start(
        cls,
        checklist: Checklist,
        mode: RunMode,
        session_mode: SessionMode,
        *,
        session_id: int | None = None,
        staff_id: int | None = None,
        clock: Clock = utc_now,
    ) -> ChecklistRun:
        if session_mode not in checklist.modes:
            raise ValidationError(
                "mode",
                _N("errors", "The checklist “{title}” is not meant for this mode."),
                _N("errors", "Choose a checklist written for this session's mode."),
                title=checklist.title,
            )
        state = RunState(
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            checklist_title=checklist.title,
            mode=mode,
            session_mode=session_mode,
            started_at=clock(),
            records=[],
            session_id=session_id,
            staff_id=staff_id,
        )
        return cls(checklist, state, clock=clock)

    def _align_records(self) -> None:
        """One record per step, in step order; records of steps no longer in the
        checklist (edited since) are dropped, new steps start pending."""
        by_id = {r.step_id: r for r in self.state.records}
        self.state.records = [by_id.get(s.id) or StepRecord(s.id) for s in self.steps]

    # -- reading
    @property
    def finished(self) -> bool:
        return self.state.status is not RunStatus.IN_PROGRESS

    @property
    def index(self) -> int:
        return self.state.index

    @property
    def current(self) -> Step:
        if not self.steps:
            raise RegieError(
                _N("errors", "The checklist “{title}” has no step for this mode."),
                _N("errors", "Ask your technician to complete the checklist file."),
                title=self.checklist.title,
            )
        return self.steps[self.state.index]

    def record(self, step_id: str) -> StepRecord:
        for r in self.state.records:
            if r.step_id == step_id:
                return r
        raise KeyError(step_id)

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def groups(self) -> list[tuple[PausePoint, list[Step]]]:
        out: list[tuple[PausePoint, list[Step]]] = []
        for s in self.steps:
            if not out or out[-1][0] is not s.pause:
                out.append((s.pause, []))
            out[-1][1].append(s)
        return out

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def resolved_count(self) -> int:
        return sum(1 for r in self.state.records if r.resolved)

    @property
    def complete(self) -> bool:
        return all(r.resolved for r in self.state.records)

    def pending(self) -> list[Step]:
        return [s for s, r in zip(self.steps, self.state.records, strict=True) if not r.resolved]

    def skipped(self) -> list[StepRecord]:
        return [r for r in self.state.records if r.state is StepState.SKIPPED]

    def first_pending_index(self, pause: PausePoint | None = None) -> int | None:
        for i, (s, r) in enumerate(zip(self.steps, self.state.records, strict=True)):
            if not r.resolved and (pause is None or s.pause is pause):
                return i
        return None

    # -- moving (read-do)
    def next(self) -> bool:
        """Move to the next step; in guided mode the current one must be done or skipped."""
        self._ensure_open()
        if self.state.mode is RunMode.READ_DO and not self.record(self.current.id).resolved:
            raise RegieError(
                _N("errors", "The step “{title}” is not done yet."),
                _N("errors", "Do it and tick it, or skip it with a reason."),
                title=self.current.title,
            )
        if self.state.index + 1 >= len(self.steps):
            return False
        self.state.index += 1
        self._mark_started(self.current)
        self._touch()
        return True

    def back(self) -> bool:
        self._ensure_open()
        if self.state.index == 0:
            return False
        self.state.index -= 1
        self._touch()
        return True

    def go_to(self, index: int) -> None:
        self._ensure_open()
        if not 0 <= index < len(self.steps):
            raise IndexError(index)
        self.state.index = index
        self._mark_started(self.current)
        self._touch()

    # -- changing steps
    def tick(self, step_id: str | None = None, *, auto: bool = False) -> StepRecord:
        """Mark a step done (the current one by default)."""
        self._ensure_open()
        rec = self.record(step_id or self.current.id)
        now = self._clock()
        if rec.started_at is None:
            rec.started_at = self._last_activity()
        rec.state = StepState.DONE
        rec.skip_reason = ""
        rec.auto = auto
        rec.done_at = now
        self._touch()
        return rec

    def untick(self, step_id: str | None = None) -> StepRecord:
        self._ensure_open()
        rec = self.record(step_id or self.current.id)
        rec.state = StepState.PENDING
        rec.skip_reason = ""
        rec.auto = False
        rec.done_at = None
        self._touch()
        return rec

    def skip(self, reason: str, step_id: str | None = None) -> StepRecord:
        """Skip a step; a reason is required so the sign-off knows why."""
        self._ensure_open()
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError(
                "reason",
                _N("errors", "A skipped step needs a reason."),
                _N("errors", "Say in a few words why this step was not done."),
            )
        rec = self.record(step_id or self.current.id)
        if rec.started_at is None:
            rec.started_at = self._last_activity()
        rec.state = StepState.SKIPPED
        rec.skip_reason = reason
        rec.auto = False
        rec.done_at = self._clock()
        self._touch()
        return rec

    def set_note(self, text: str, step_id: str | None = None) -> StepRecord:
        self._ensure_open()
        rec = self.record(step_id or self.current.id)
        rec.note = text.strip()
        self._touch()
        return rec

    def pending_checks(self) -> set[str]:
        """The automatic checks that could still tick a step of this run."""
        if self.finished:
            return set()
        return {
            s.check
            for s, r in zip(self.steps, self.state.records, strict=True)
            if s.check is not None and not r.resolved
        }

    def apply_statuses(self, statuses: Mapping[str, bool | None]) -> list[str]:
        """Tick the pending steps whose bound check passed; returns their ids.

        Separate from reading the statuses so a screen can read them in a worker and
        tick on its own thread.
        """
        if self.finished:
            return []
        ticked: list[str] = []
        for s, r in zip(self.steps, self.state.records, strict=True):
            if s.check is None or r.resolved:
                continue
            if statuses.get(s.check) is True:
                self.tick(s.id, auto=True)
                ticked.append(s.id)
        return ticked

    def apply_checks(self, provider: CheckStatusProvider) -> list[str]:
        """Tick the pending steps whose bound check passes; returns their ids."""
        return self.apply_statuses(check_statuses(self, provider))

    def sign_off(self, staff_id: int) -> None:
        """End the run: every step done or skipped, signed by a staff member."""
        self._ensure_open()
        if not self.complete:
            raise RegieError(
                _N("errors", "{count} step(s) are neither done nor skipped."),
                _N("errors", "Tick them, or skip them with a reason, then sign off."),
                count=len(self.pending()),
            )
        now = self._clock()
        self.state.signed_off_by = staff_id
        if self.state.staff_id is None:
            self.state.staff_id = staff_id
        self.state.status = RunStatus.SIGNED_OFF
        self.state.finished_at = now
        self.state.updated_at = now

    def abandon(self) -> None:
        self._ensure_open()
        self.state.status = RunStatus.ABANDONED
        self.state.finished_at = self._clock()
        self._touch()

    def timings(self) -> dict[str, float | None]:
        return {r.step_id: r.seconds for r in self.state.records}

    # -- internals
    def _ensure_open(self) -> None:
        if self.finished:
            raise RegieError(
                _N("errors", "This run is already finished."),
                _N("errors", "Start a new run to go through the checklist again."),
            )

    def _mark_started(self, step: Step) -> None:
        rec = self.record(step.id)
        if rec.started_at is None and not rec.resolved:
            rec.started_at = self._clock()

    def _last_activity(self) -> datetime:
        done = [r.done_at for r in self.state.records if r.done_at is not None]
        return max([self.state.started_at, *done])

    def _touch(self) -> None:
        self.state.updated_at = self._clock()


# ---------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class RunSummary:
    """A run as lists show it (unfinished runs to resume, history)."""

    id: int
    checklist_id: str
    checklist_title: str
    checklist_version: int
    mode: RunMode
    session_mode: SessionMode
    status: RunStatus
    session_id: int | None
    session_title: str | None
    staff_id: int | None
    staff_name: str | None
    started_at: datetime
    updated_at: datetime | None
    resolved: int
    total: int
    local: bool = False  # waiting on this computer for the network database
    key: str | None = None  # RunState.key

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kept_on_this_computer": self.local,
            "checklist": self.checklist_id,
            "title": self.checklist_title,
            "version": self.checklist_version,
            "mode": self.mode.value,
            "session_mode": self.session_mode.value,
            "status": self.status.value,
            "session_id": self.session_id,
            "session": self.session_title,
            "staff": self.staff_name,
            "started_at": self.started_at.isoformat(),
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
            "progress": [self.resolved, self.total],
        }


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    """A guided run that was signed off: proof a staff member went through a checklist."""

    run_id: int
    staff_id: int
    staff_name: str
    checklist_id: str
    checklist_title: str
    checklist_version: int
    session_mode: SessionMode
    session_id: int | None
    session_title: str | None
    started_at: datetime
    finished_at: datetime
    signed_off_by: str | None
    steps: int
    skipped: int

    @property
    def minutes(self) -> float:
        return round((self.finished_at - self.started_at).total_seconds() / 60, 1)

    def as_json(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "staff_id": self.staff_id,
            "staff": self.staff_name,
            "checklist": self.checklist_id,
            "title": self.checklist_title,
            "version": self.checklist_version,
            "mode": self.session_mode.value,
            "practice": self.session_id is None,
            "session_id": self.session_id,
            "session": self.session_title,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "minutes": self.minutes,
            "signed_off_by": self.signed_off_by,
            "steps": self.steps,
            "skipped": self.skipped,
        }


class ChecklistRepository(Protocol):
    def save(self, state: RunState) -> int: ...
    def load(self, run_id: int) -> RunState: ...
    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]: ...
    def runs(self, *, session_id: int | None = None, limit: int = 200) -> list[RunSummary]: ...
    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]: ...


class CatalogCache:
    """The loaded content, kept until a reload (after a technician edits a file)."""

    def __init__(self, loader: Callable[[], Catalog]) -> None:
        self._loader = loader
        self._catalog: Catalog | None = None

    def __call__(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._loader()
        return self._catalog

    def reload(self) -> Catalog:
        self._catalog = None
        return self()


class ChecklistService:
    """Starts, saves, resumes and signs off runs; every change is saved at once, so a
    closed window loses nothing."""

    def __init__(
        self,
        catalog: CatalogCache,
        repo: ChecklistRepository,
        checks: CheckStatusProvider,
        *,
        clock: Clock = utc_now,
    ) -> None:
        self._catalog = catalog
        self.repo = repo
        self.checks = checks
        self._clock = clock

    @property
    def catalog(self) -> Catalog:
        return self._catalog()

    def reload(self) -> Catalog:
        """Read the content files again."""
        return self._catalog.reload()

    def start(
        self,
        checklist_id: str,
        mode: RunMode,
        session_mode: SessionMode,
        *,
        session_id: int | None = None,
        staff_id: int | None = None,
    ) -> ChecklistRun:
        run = self.begin(
            checklist_id, mode, session_mode, session_id=session_id, staff_id=staff_id
        )
        run.apply_checks(self.checks)
        self.save(run)
        return run

    def begin(
        self,
        checklist_id: str,
        mode: RunMode,
        session_mode: SessionMode,
        *,
        session_id: int | None = None,
        staff_id: int | None = None,
    ) -> ChecklistRun:
        """A new run, neither checked nor saved yet: a screen saves it and reads its
        automatic checks in the background."""
        checklist = self.catalog.checklist(checklist_id)
        return ChecklistRun.start(
            checklist, mode, session_mode, session_id=session_id, staff_id=staff_id,
            clock=self._clock,
        )

    def resume(self, run_id: int) -> ChecklistRun:
        state = self.repo.load(run_id)
        checklist = self.catalog.checklists.get(state.checklist_id)
        if checklist is None:
            raise RegieError(
                _N("errors", "The checklist “{id}” of this run is no longer installed."),
                _N("errors", "Put its file back in the checklists folder, or start anew."),
                id=state.checklist_id,
            )
        if checklist.version != state.checklist_version and state.status is RunStatus.IN_PROGRESS:
            state.checklist_version = checklist.version
            state.checklist_title = checklist.title
        run = ChecklistRun(checklist, state, clock=self._clock)
        if not run.finished:
            run.apply_checks(self.checks)
        return run

    def save(self, run: ChecklistRun) -> int:
        run_id = self.repo.save(run.state)
        run.state.id = run_id
        return run_id

    def check_statuses(self, run: ChecklistRun) -> dict[str, bool | None]:
        """Read the run's pending automatic checks (reads only: fine in a worker)."""
        return check_statuses(run, self.checks)

    def sign_off(self, run: ChecklistRun, staff_id: int) -> None:
        run.sign_off(staff_id)
        self.save(run)

    def abandon(self, run: ChecklistRun) -> None:
        run.abandon()
        self.save(run)

    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]:
        return self.repo.unfinished(session_id=session_id)

    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]:
        return self.repo.training_records(staff_id=staff_id)


def check_statuses(run: ChecklistRun, provider: CheckStatusProvider) -> dict[str, bool | None]:
    """Ask `provider` once per automatic check the run still waits for."""
    return {check: provider.status(check, run.state.session_id) for check in run.pending_checks()}
