"""Writes made while the network database cannot be reached, and how they are sent later.

Each write gets a key when it is made; the server records the keys it has applied in the
same transaction as the write itself, so sending a write twice (the link dropped after the
server committed but before the local copy was removed) changes nothing the second time.
Writes are sent in the order they were made; the first one the server cannot take because
it is unreachable again stops the round, and the rest wait for the next one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.core.checks import CheckResult
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError


class PendingKind(StrEnum):
    ATTENDANCE = "attendance"
    DEVICE_CHECK = "device_check"
    CHECKLIST_RUN = "checklist_run"  # the whole run as last saved (newer replaces older)


@dataclass(frozen=True, slots=True)
class PendingWrite:
    key: str
    kind: PendingKind
    payload: dict[str, Any]
    created_at: datetime
    error: str | None = None  # why the server refused it (kept, never dropped silently)
    ref: str | None = None  # what a newer write of the same thing replaces (a run's key)
    seq: int = 0  # place in the queue, stable while the write waits


def new_key() -> str:
    return uuid.uuid4().hex


def attendance_payload(
    session_id: int, *, registered: int | None, connected: int | None, on_site: int | None
) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "registered": registered,
        "connected": connected,
        "on_site": on_site,
    }


def device_check_payload(
    result: CheckResult,
    *,
    operator: str,
    staff_id: int | None,
    session_id: int | None,
    at: datetime,
) -> dict[str, Any]:
    """A camera or sound check result as it will be stored, with the time it was made
    (not the time it reaches the server)."""
    return {
        "kind": result.kind.value,
        "device": result.device[:200],
        "device_key": (result.device_key or result.device)[:200],
        "verdict": result.verdict.value,
        "result": result.as_json(),
        "operator": operator[:120],
        "staff_id": staff_id,
        "session_id": session_id,
        "created_at": at.isoformat(),
    }


class SavedOfflineError(RegieError):
    """The write was kept on this computer because the server cannot be reached: nothing
    is lost, it is sent when the server answers again."""

    def __init__(self, waiting: int) -> None:
        super().__init__(
            _N(
                "errors",
                "The database server cannot be reached: the result is kept on this computer "
                "and will be sent when the server answers again ({count} waiting).",
            ),
            "",
            count=waiting,
        )
        self.waiting = waiting


@dataclass(slots=True)
class ReplayReport:
    sent: list[str] = field(default_factory=list)  # applied now
    already: list[str] = field(default_factory=list)  # applied before (sent twice)
    refused: dict[str, RegieError] = field(default_factory=dict)  # the server said no
    still_offline: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "sent": len(self.sent),
            "already_applied": len(self.already),
            "refused": len(self.refused),
            "still_offline": self.still_offline,
        }


def replay(
    items: Iterable[PendingWrite],
    apply: Callable[[PendingWrite], bool],
    forget: Callable[[str], None],
    refuse: Callable[[str, RegieError], None],
    is_unreachable: Callable[[BaseException], bool],
) -> ReplayReport:
    """Send each waiting write in order. `apply` returns False when the server had
    already applied that key. A refused write stays queued with its reason."""
    report = ReplayReport()
    for item in items:
        if item.error is not None:
            continue
        try:
            fresh = apply(item)
        except Exception as err:
            if is_unreachable(err):
                report.still_offline = True
                break
            if isinstance(err, RegieError):
                refuse(item.key, err)
                report.refused[item.key] = err
                continue
            raise
        forget(item.key)
        (report.sent if fresh else report.already).append(item.key)
    return report
