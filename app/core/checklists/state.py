"""What a run is: the state saved after every change (enough to resume it on any
computer), and the summaries lists and training records show."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode


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
