"""The engine: one run of one checklist, guided (*read-do*) or as a whole list
(*do-confirm*), ticked by hand or by the automatic checks, ended by a sign-off."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Protocol

from app.core.checklists.content import Checklist, PausePoint, Step
from app.core.checklists.state import RunMode, RunState, RunStatus, StepRecord, StepState
from app.core.clock import Clock
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode
from app.errors import RegieError, ValidationError


def utc_now() -> datetime:
    return datetime.now(UTC)  # wall clock: default when no clock is injected


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

    def progress_at(self, pause: PausePoint) -> tuple[int, int]:
        """Steps resolved, and steps due, up to and including the pause point `pause`
        (what "prepared so far" means for a session at that moment)."""
        order = list(PausePoint)
        due = [
            r
            for s, r in zip(self.steps, self.state.records, strict=True)
            if order.index(s.pause) <= order.index(pause)
        ]
        return sum(1 for r in due if r.resolved), len(due)

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


def check_statuses(run: ChecklistRun, provider: CheckStatusProvider) -> dict[str, bool | None]:
    """Ask `provider` once per automatic check the run still waits for."""
    return {check: provider.status(check, run.state.session_id) for check in run.pending_checks()}
