"""What the screens need from the composition root, as narrow Protocols: a screen names
the services it uses, never the whole `app.services.Services` (which satisfies them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.core.clock import Clock
    from app.core.ports import CheckRepository, ReferenceRepository
    from app.core.sessions import SessionService


class CheckDesk(Protocol):
    """A camera or sound check: where results are saved, and the sessions they are for."""

    @property
    def checks(self) -> CheckRepository: ...
    @property
    def sessions(self) -> SessionService: ...
    @property
    def references(self) -> ReferenceRepository: ...
    @property
    def clock(self) -> Clock: ...
