"""What the desk reads about sessions and staff: the live database, or, while the network
database cannot be reached, its last known copy (`Snapshot`). Headless: the window's
screens call it from their workers, and the command line may too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from app.core.snapshot import Snapshot, filter_rows
from app.errors import NotFoundError

if TYPE_CHECKING:
    from app.core.models import SessionFilter, SessionRow, Staff
    from app.services import Services


class DeskState(Protocol):
    """Where a screen stands: `offline` (reading `snapshot`, the last known data) or live."""

    @property
    def offline(self) -> bool: ...

    @property
    def snapshot(self) -> Snapshot | None: ...


def session_rows(
    offline: bool, snapshot: Snapshot | None, services: Services, flt: SessionFilter
) -> list[SessionRow]:
    """Sessions from the database, or from its last copy while it cannot be reached."""
    if offline:
        return filter_rows(snapshot.rows if snapshot else [], flt)
    return services.sessions.list(flt)


def session_row(
    offline: bool, snapshot: Snapshot | None, services: Services, session_id: int
) -> SessionRow | None:
    """One session as lists show it; None when it is not (or no longer) there."""
    if offline:
        return snapshot.row(session_id) if snapshot else None
    try:
        return services.sessions.row(session_id)
    except NotFoundError:
        return None


def staff_of(offline: bool, snapshot: Snapshot | None, services: Services) -> list[Staff]:
    """Staff members, from the database or its last copy."""
    if offline:
        return list(snapshot.staff) if snapshot else []
    return services.references.staff()
