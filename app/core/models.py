"""The network's vocabulary: branches, session types, staff, licences and sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from app.core.i18n import QT_TRANSLATE_NOOP


class SessionMode(StrEnum):
    REMOTE = "remote"
    HYBRID = "hybrid"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    READY = "ready"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


class StaffRole(StrEnum):
    AGENT = "agent"
    TECHNICIAN = "technician"
    TRAINEE = "trainee"
    COORDINATOR = "coordinator"


class LicencePlan(StrEnum):
    PRO = "pro"
    BUSINESS = "business"
    ENTERPRISE = "enterprise"
    ADDON = "addon"


# Display labels (English source, translated by the UI in context "labels").
MODE_LABELS: dict[SessionMode, str] = {
    SessionMode.REMOTE: QT_TRANSLATE_NOOP("labels", "Remote"),
    SessionMode.HYBRID: QT_TRANSLATE_NOOP("labels", "Hybrid"),
}
STATUS_LABELS: dict[SessionStatus, str] = {
    SessionStatus.PLANNED: QT_TRANSLATE_NOOP("labels", "Planned"),
    SessionStatus.READY: QT_TRANSLATE_NOOP("labels", "Ready"),
    SessionStatus.RUNNING: QT_TRANSLATE_NOOP("labels", "Running"),
    SessionStatus.DONE: QT_TRANSLATE_NOOP("labels", "Done"),
    SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
}
ROLE_LABELS: dict[StaffRole, str] = {
    StaffRole.AGENT: QT_TRANSLATE_NOOP("labels", "Agent"),
    StaffRole.TECHNICIAN: QT_TRANSLATE_NOOP("labels", "AV technician"),
    StaffRole.TRAINEE: QT_TRANSLATE_NOOP("labels", "Trainee"),
    StaffRole.COORDINATOR: QT_TRANSLATE_NOOP("labels", "Coordinator"),
}


@dataclass(frozen=True, slots=True)
class Branch:
    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class SessionType:
    id: int
    code: str
    name: str
    position: int = 0
    active: bool = True


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    name: str
    branch_id: int
    role: StaffRole
    email: str | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class Licence:
    """A shared Zoom account. Its secrets live in the keyring, never here."""

    id: int
    label: str
    email: str
    plan: LicencePlan
    participant_cap: int
    concurrent_limit: int = 1
    branch_id: int | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class SessionDraft:
    """What a person types to create or edit a session; validated by SessionService."""

    title: str
    type_id: int
    branch_id: int
    start: datetime
    end: datetime
    mode: SessionMode
    capacity: int
    host_id: int | None = None
    licence_id: int | None = None
    status: SessionStatus = SessionStatus.PLANNED
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Session(SessionDraft):
    id: int = 0


class SessionRow(NamedTuple):
    """A session with its names resolved, as lists and tables show it.

    A NamedTuple rather than a frozen dataclass: lists build tens of thousands of these
    and a tuple is several times cheaper to create.
    """

    id: int
    title: str
    type_id: int
    type_code: str
    type_name: str
    branch_id: int
    branch_code: str
    branch_name: str
    start: datetime
    end: datetime
    mode: SessionMode
    capacity: int
    host_id: int | None
    host_name: str | None
    licence_id: int | None
    licence_label: str | None
    status: SessionStatus
    notes: str

    def as_json(self) -> dict[str, object]:
        """The stable shape `regie sessions list --json` prints."""
        return {
            "id": self.id,
            "title": self.title,
            "type": self.type_code,
            "type_name": self.type_name,
            "branch": self.branch_code,
            "branch_name": self.branch_name,
            "start": self.start.astimezone().isoformat(),
            "end": self.end.astimezone().isoformat(),
            "mode": self.mode.value,
            "capacity": self.capacity,
            "host": self.host_name,
            "licence": self.licence_label,
            "status": self.status.value,
            "notes": self.notes,
        }


@dataclass(frozen=True, slots=True)
class SessionFilter:
    """Everything optional: an empty filter lists every session."""

    branch_id: int | None = None
    type_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    statuses: frozenset[SessionStatus] = field(default_factory=frozenset)
    text: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A session's Zoom meeting; the passcode itself is in the keyring."""

    session_id: int
    meeting_id: str
    join_url: str | None
    passcode_ref: str | None
