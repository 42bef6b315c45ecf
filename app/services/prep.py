"""Steps left out on purpose (with the reason) and a session set "ready" by hand, for the
Préparer stepper, Aujourd'hui and the launch confirmation.

What the agent says here is kept in memory for as long as the desk runs (one store per
`Services`): it is not written to the database, so a restart forgets it. `today` and
`readiness` give the judgement of `app.services.readiness` with it applied, so every
screen shows the same skips.
"""

from __future__ import annotations

import dataclasses
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.readiness import Readiness, StepKey, judge
from app.core.readiness_view import SKIPPABLE
from app.errors import ValidationError
from app.services import readiness as gathering

if TYPE_CHECKING:
    from app.services import Services

MAX_REASON = 300


@dataclass(frozen=True, slots=True)
class Note:
    """Why a step was skipped (or the session set ready), who said so, and when."""

    reason: str
    by: str
    at: datetime


@dataclass
class _Store:
    skips: dict[int, dict[StepKey, Note]] = field(default_factory=dict)
    overrides: dict[int, Note] = field(default_factory=dict)


_LOCK = threading.Lock()  # workers read while the window writes
_STORES: dict[int, _Store] = {}


def _store(services: Services) -> _Store:
    key = id(services)
    with _LOCK:
        store = _STORES.get(key)
        if store is None:
            store = _STORES[key] = _Store()
            weakref.finalize(services, _STORES.pop, key, None)
        return store


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ValidationError(
            "reason",
            _N("errors", "Say why this step is left out."),
            _N("errors", "Type the reason (e.g. “no camera in this room”), then skip it."),
        )
    if len(text) > MAX_REASON:
        raise ValidationError(
            "reason",
            _N("errors", "The reason is longer than {max} characters."),
            _N("errors", "Shorten it."),
            max=MAX_REASON,
        )
    return text


def skip_step(services: Services, session_id: int, step: StepKey, reason: str, by: str) -> None:
    """Leave `step` out for this session, keeping the reason (shown wherever it is)."""
    if step not in SKIPPABLE:
        raise ValidationError(
            "step",
            _N("errors", "The step “{step}” cannot be skipped."),
            _N("errors", "Do it, or set the session ready by hand with a reason."),
            step=step.value,
        )
    note = Note(_reason(reason), by, services.clock())
    store = _store(services)
    with _LOCK:
        store.skips.setdefault(session_id, {})[step] = note


def unskip_step(services: Services, session_id: int, step: StepKey) -> None:
    """The step is to be done again."""
    store = _store(services)
    with _LOCK:
        skipped = store.skips.get(session_id, {})
        skipped.pop(step, None)
        if not skipped:
            store.skips.pop(session_id, None)


def set_ready_override(
    services: Services, session_id: int, reason: str | None, by: str
) -> None:
    """Set the session ready whatever is left (with the reason), or undo it (None)."""
    store = _store(services)
    note = None if reason is None else Note(_reason(reason), by, services.clock())
    with _LOCK:
        if note is None:
            store.overrides.pop(session_id, None)
        else:
            store.overrides[session_id] = note


def skips(services: Services, session_id: int) -> dict[StepKey, Note]:
    store = _store(services)
    with _LOCK:
        return dict(store.skips.get(session_id, {}))


def applied(services: Services, found: list[Readiness]) -> list[Readiness]:
    """The judgements again for the sessions with a skip or an override."""
    store = _store(services)
    with _LOCK:
        skipped = {sid: dict(s) for sid, s in store.skips.items()}
        overrides = dict(store.overrides)
    if not skipped and not overrides:
        return found
    now = services.clock()
    out = []
    for r in found:
        sid = r.row.id
        if sid not in skipped and sid not in overrides:
            out.append(r)
            continue
        facts = gathering.facts_of(services, r.row, now)
        note = overrides.get(sid)
        facts = dataclasses.replace(
            facts,
            skipped={k: n.reason for k, n in skipped.get(sid, {}).items()},
            override=note.reason if note else None,
        )
        out.append(judge(facts, now))
    return out


def readiness(services: Services, session_id: int) -> Readiness:
    """One session's readiness, skips and override included."""
    return applied(services, [gathering.readiness(services, session_id)])[0]


def today(
    services: Services, *, day: date | None = None, days: int = 3, branch_id: int | None = None
) -> list[Readiness]:
    """The sessions of Aujourd'hui (see `app.services.readiness.today`), skips included."""
    return applied(services, gathering.today(services, day=day, days=days, branch_id=branch_id))
