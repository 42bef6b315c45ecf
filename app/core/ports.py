"""What the core needs from the outside world, as Protocols.

The storage package implements them; tests may hand in their own. A composition root
(`app.services.open_services`) wires the real ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from app.core.checks import CheckKind, CheckResult, SavedCheck
from app.core.models import (
    Branch,
    Licence,
    Session,
    SessionDraft,
    SessionFilter,
    SessionRow,
    SessionStatus,
    SessionType,
    Staff,
)


class ReferenceRepository(Protocol):
    """Branches, session types, staff and licences: the lists forms pick from."""

    def branches(self) -> list[Branch]: ...
    def session_types(self, *, include_inactive: bool = False) -> list[SessionType]: ...
    def staff(self) -> list[Staff]: ...
    def licences(self) -> list[Licence]: ...
    def add_branch(self, code: str, name: str) -> int: ...
    def add_session_type(self, code: str, name: str) -> int: ...
    def rename_session_type(self, type_id: int, name: str) -> None: ...
    def set_session_type_active(self, type_id: int, active: bool) -> None: ...
    def add_staff(self, name: str, branch_id: int, role: str, email: str | None = None) -> int: ...


class SessionRepository(Protocol):
    def list_rows(
        self,
        flt: SessionFilter,
        *,
        today: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[SessionRow]: ...
    def row(self, session_id: int) -> SessionRow: ...
    def get(self, session_id: int) -> Session: ...
    def add(self, draft: SessionDraft) -> int: ...
    def add_many(self, drafts: Iterable[SessionDraft]) -> list[int]: ...
    def update(self, session_id: int, draft: SessionDraft) -> None: ...
    def set_status(self, session_id: int, status: SessionStatus) -> None: ...
    def count(self) -> int: ...


class CheckRepository(Protocol):
    """Saved device-check results (camera, audio)."""

    def save(
        self,
        result: CheckResult,
        *,
        operator: str,
        staff_id: int | None = None,
        session_id: int | None = None,
        at: datetime | None = None,
    ) -> int: ...
    def latest_for_session(self, session_id: int) -> list[SavedCheck]: ...
    def history(
        self, *, kind: CheckKind | None = None, device_key: str | None = None, limit: int = 100
    ) -> list[SavedCheck]: ...
