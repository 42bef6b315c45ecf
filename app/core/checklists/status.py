"""Answering "does this automatic check pass?" from what the app has recorded.

Camera and audio come from the newest saved device check of the session; the echo check
is the audio result's `echo` criterion; "licence assigned" is the session's licence.
"Vault ready" and "Zoom launched" belong to the licence feature: they are plugged in as
callables, and stay unknown (None) until then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from app.core.checklists.content import AUTO_CHECKS
from app.core.checks import CheckKind, SavedCheck, Verdict
from app.core.models import Session
from app.errors import NotFoundError, RegieError, ServerUnreachable

# A pluggable check: given the session id, True (passes), False (fails) or None (unknown).
CheckFn = Callable[[int], bool | None]


class LatestChecks(Protocol):
    """What the device checks are answered from (a `CheckRepository`, or facts already
    read for many sessions at once)."""

    def latest_for_session(self, session_id: int) -> list[SavedCheck]: ...


class SessionLookup(Protocol):
    """What "licence assigned" is answered from (a `SessionRepository`, or rows already
    read)."""

    def get(self, session_id: int) -> Session: ...


class StoredCheckStatus:
    """A `CheckStatusProvider` reading saved checks and sessions."""

    def __init__(
        self,
        checks: LatestChecks,
        sessions: SessionLookup,
        extra: Mapping[str, CheckFn] | None = None,
        *,
        offline: Callable[[], bool] | None = None,
    ) -> None:
        self._checks = checks
        self._sessions = sessions
        self._offline = offline
        self._extra: dict[str, CheckFn] = {}
        for name, fn in (extra or {}).items():
            self.register(name, fn)

    def register(self, check: str, fn: CheckFn) -> None:
        """Plug in a check owned by another feature (vault_ready, zoom_launched…)."""
        if check not in AUTO_CHECKS:
            raise ValueError(f"unknown automatic check {check!r}")
        self._extra[check] = fn

    def status(self, check: str, session_id: int | None) -> bool | None:
        """Unknown (None) too while the network database cannot be reached: the step
        is then ticked by hand, and the run goes on."""
        if session_id is None:
            return None  # practice runs: nothing to confirm, the trainee ticks by hand
        if self._offline is not None and self._offline():
            return None
        try:
            return self._status(check, session_id)
        except RegieError as err:
            if isinstance(err, ServerUnreachable):  # a StorageError
                return None
            raise

    def _status(self, check: str, session_id: int) -> bool | None:
        if check in self._extra:
            return self._extra[check](session_id)
        if check in ("camera", "audio", "echo"):
            return self._device(check, session_id)
        if check == "licence_assigned":
            try:
                return self._sessions.get(session_id).licence_id is not None
            except NotFoundError:
                return None
        return None

    def _device(self, check: str, session_id: int) -> bool | None:
        kind = CheckKind.CAMERA if check == "camera" else CheckKind.AUDIO
        saved = next((s for s in self._checks.latest_for_session(session_id) if s.kind is kind),
                     None)
        if saved is None:
            return None
        if check == "echo":
            return _criterion_passes(saved, "echo")
        return saved.verdict is Verdict.PASS


def _criterion_passes(saved: SavedCheck, name: str) -> bool | None:
    criteria = saved.result.get("criteria")
    if not isinstance(criteria, dict):
        return None
    crit = criteria.get(name)
    if not isinstance(crit, dict):
        return None
    return crit.get("verdict") == Verdict.PASS.value
