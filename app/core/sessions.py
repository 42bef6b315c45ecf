"""Session rules: what a valid session is, how lists are ordered, which changes are allowed."""

from __future__ import annotations

import builtins
import dataclasses
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from app.core.clock import now_local
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.licences import running_clash
from app.core.models import (
    Session,
    SessionDraft,
    SessionFilter,
    SessionRow,
    SessionStatus,
)
from app.core.ports import ReferenceRepository, SessionRepository
from app.core.readiness import RUNNING_LEAD, Readiness, may_run, runs_from
from app.errors import RegieError, ValidationError

T = TypeVar("T")

# A session's readiness, judged on its facts (wired by the composition root).
ReadinessOf = Callable[[int], Readiness]

MAX_TITLE = 200
MAX_CAPACITY = 100_000
MAX_DURATION = timedelta(hours=12)
# Sessions are planned in a sane span: none before this year, none further ahead than this
# from the desk's "now" (a year 9999 is a typing slip, and overflows some date arithmetic).
FIRST_YEAR = 2000
MAX_YEARS_AHEAD = 5
# Line breaks and tabs are fine (in a title they become spaces); other control characters
# (terminal escape codes, NUL…) would reach terminals, CSV files and reports as they are.
_WHITESPACE = frozenset("\t\n\r\x0b\x0c")

# Which status may follow which. Done and cancelled are final, except that a
# cancelled session may be planned again (a mistake undone).
_TRANSITIONS: dict[SessionStatus, frozenset[SessionStatus]] = {
    SessionStatus.PLANNED: frozenset(
        {SessionStatus.READY, SessionStatus.RUNNING, SessionStatus.CANCELLED}
    ),
    SessionStatus.READY: frozenset(
        {SessionStatus.PLANNED, SessionStatus.RUNNING, SessionStatus.CANCELLED}
    ),
    SessionStatus.RUNNING: frozenset({SessionStatus.DONE, SessionStatus.READY}),
    SessionStatus.DONE: frozenset(),
    SessionStatus.CANCELLED: frozenset({SessionStatus.PLANNED}),
}


def today_first(rows: list[SessionRow], today: date) -> list[SessionRow]:
    """Today's sessions first (by time), then upcoming ones (soonest first), then past
    ones (most recent first): the order an agent scans the desk in."""
    lo = datetime.combine(today, time.min).astimezone().timestamp()
    hi = datetime.combine(today + timedelta(days=1), time.min).astimezone().timestamp()

    def key(row: SessionRow) -> tuple[int, float]:
        ts = row.start.timestamp()
        if ts < lo:
            return (2, -ts)
        return (0 if ts < hi else 1, ts)

    return sorted(rows, key=key)


# How far ahead a device check run without a session may be filed: the coming week.
CHECK_TARGET_DAYS = 7


def check_targets(today: date, branch_id: int | None = None) -> SessionFilter:
    """The sessions a device check run without one may be for: today's and the coming
    week's, of one branch (None: every branch), neither over nor cancelled."""
    return SessionFilter(
        branch_id=branch_id,
        date_from=today,
        date_to=today + timedelta(days=CHECK_TARGET_DAYS),
        statuses=frozenset({SessionStatus.PLANNED, SessionStatus.READY, SessionStatus.RUNNING}),
    )


def _has_control(text: str, allowed: frozenset[str]) -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def validate_draft(draft: SessionDraft, now: datetime | None = None) -> SessionDraft:
    """Return the draft with its title tidied, or raise ValidationError naming the field.
    With `now` (the desk's clock), a start too far ahead is refused too."""
    if _has_control(draft.title, _WHITESPACE):
        raise ValidationError(
            "title",
            _N("errors", "The title holds control characters (such as terminal codes)."),
            _N("errors", "Type it again, or paste it as plain text."),
        )
    if _has_control(draft.notes, _WHITESPACE):
        raise ValidationError(
            "notes",
            _N("errors", "The notes hold control characters (such as terminal codes)."),
            _N("errors", "Type them again, or paste them as plain text."),
        )
    title = " ".join(draft.title.split())
    if not title:
        raise ValidationError(
            "title", _N("errors", "The title is empty."), _N("errors", "Type a title.")
        )
    if len(title) > MAX_TITLE:
        raise ValidationError(
            "title",
            _N("errors", "The title is longer than {max} characters."),
            _N("errors", "Shorten it."),
            max=MAX_TITLE,
        )
    if draft.start.tzinfo is None or draft.end.tzinfo is None:
        raise ValueError("session times must be time-zone aware")
    if draft.start.year < FIRST_YEAR:
        raise ValidationError(
            "start",
            _N("errors", "The session starts before {year}."),
            _N("errors", "Check the year of the start date."),
            year=FIRST_YEAR,
        )
    if now is not None and draft.start > _years_after(now, MAX_YEARS_AHEAD):
        raise ValidationError(
            "start",
            _N("errors", "The session starts more than {years} years from now."),
            _N("errors", "Check the year of the start date."),
            years=MAX_YEARS_AHEAD,
        )
    if draft.end <= draft.start:
        raise ValidationError(
            "end",
            _N("errors", "The session ends before it starts."),
            _N("errors", "Set an end time after the start time."),
        )
    if draft.end - draft.start > MAX_DURATION:
        raise ValidationError(
            "end",
            _N("errors", "The session lasts more than {hours} hours."),
            _N("errors", "Check the end date and time."),
            hours=int(MAX_DURATION.total_seconds() // 3600),
        )
    if draft.capacity <= 0:
        raise ValidationError(
            "capacity",
            _N("errors", "The capacity must be at least 1."),
            _N("errors", "Enter how many people may register."),
        )
    if draft.capacity > MAX_CAPACITY:
        raise ValidationError(
            "capacity",
            _N("errors", "The capacity is larger than {max}."),
            _N("errors", "Enter a realistic number of places."),
            max=MAX_CAPACITY,
        )
    return dataclasses.replace(draft, title=title, notes=draft.notes.strip())


def _years_after(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


class SessionService:
    """Creates, edits, duplicates and cancels sessions; lists them in desk order.

    Statuses follow the facts: "ready" only when the session's readiness says so (its
    steps done or skipped, or "ready" set by hand with a reason), "running" only from
    `RUNNING_LEAD` before the start until the end, on a licence not already carrying
    all the meetings it can (storage checks that last rule again, in the transaction
    that writes the status). Without `readiness` nothing can say a session is ready.
    """

    def __init__(
        self,
        sessions: SessionRepository,
        references: ReferenceRepository,
        clock: Callable[[], datetime] = now_local,
        *,
        readiness: ReadinessOf | None = None,
    ) -> None:
        self._sessions = sessions
        self._refs = references
        self._clock = clock
        self._readiness = readiness

    def now(self) -> datetime:
        """The desk's "now" (the clock this service was given)."""
        return self._clock()

    def list(
        self, flt: SessionFilter | None = None, *, offset: int = 0, limit: int | None = None
    ) -> list[SessionRow]:
        """Today-first (`today_first`); `offset` and `limit` read a page of that order."""
        return self._sessions.list_rows(
            flt or SessionFilter(), today=self._clock().date(), offset=offset, limit=limit
        )

    def row(self, session_id: int) -> SessionRow:
        return self._sessions.row(session_id)

    def get(self, session_id: int) -> Session:
        return self._sessions.get(session_id)

    def create(self, draft: SessionDraft) -> int:
        draft = self._check_references(validate_draft(draft, self._clock()))
        if draft.status in (SessionStatus.READY, SessionStatus.RUNNING):
            # Nothing is prepared for a session not saved yet, nor launched.
            raise ValidationError(
                "status",
                _N("errors", "A new session starts as planned."),
                _N("errors", "Save it as planned, then prepare and launch it."),
            )
        return self._sessions.add(draft)

    def update(self, session_id: int, draft: SessionDraft) -> None:
        current = self._sessions.get(session_id)
        if current.status in (SessionStatus.DONE, SessionStatus.CANCELLED) and (
            draft.status == current.status
        ):
            # Notes may still be completed after the fact; the rest is history.
            if _essentials(current) != _essentials(draft):
                raise ValidationError(
                    "status",
                    _N("errors", "This session is over or cancelled; only its notes can change."),
                    _N("errors", "Duplicate it to plan it again."),
                )
        elif draft.status != current.status:
            self._check_transition(current.status, draft.status)
        draft = self._check_references(validate_draft(draft, self._clock()))
        if draft.status != current.status:
            self._check_status(session_id, draft.status, draft)
        self._sessions.update(session_id, draft)

    def duplicate(self, session_id: int, start: datetime | None = None) -> SessionDraft:
        """A planned copy (no licence, no notes) one week later unless a start is given.

        Returned as a draft so the dialog can show it before it is saved.
        """
        src = self._sessions.get(session_id)
        new_start = start or src.start + timedelta(days=7)
        return SessionDraft(
            title=src.title,
            type_id=src.type_id,
            branch_id=src.branch_id,
            start=new_start,
            end=new_start + (src.end - src.start),
            mode=src.mode,
            capacity=src.capacity,
            host_id=src.host_id,
            licence_id=None,
            status=SessionStatus.PLANNED,
            notes="",
        )

    def cancel(self, session_id: int) -> None:
        self.set_status(session_id, SessionStatus.CANCELLED)

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        current = self._sessions.get(session_id)
        if current.status == status:
            return
        self._check_transition(current.status, status)
        self._check_status(session_id, status, current)
        self._sessions.set_status(session_id, status)

    def check_launch(self, session_id: int) -> None:
        """Raise ValidationError, saying why, when Zoom may not be launched for the session
        now (what "running" needs); reads only."""
        self._check_running(session_id, self._sessions.get(session_id))

    def _check_status(
        self, session_id: int, status: SessionStatus, session: SessionDraft
    ) -> None:
        if status is SessionStatus.READY:
            self._check_ready(session_id)
        elif status is SessionStatus.RUNNING:
            self._check_running(session_id, session)

    def _check_ready(self, session_id: int) -> None:
        judged = self._readiness(session_id) if self._readiness is not None else None
        if judged is not None and judged.ready:
            return
        missing = ", ".join(s.key.value for s in judged.missing) if judged else ""
        raise ValidationError(
            "status",
            _N("errors", "Session {id} is not ready yet: {missing} still to do."),
            _N(
                "errors",
                "Do those steps, skip them with a reason, or mark it ready by hand with a "
                "reason (“regie sessions ready {id} --reason …”).",
            ),
            id=session_id,
            missing=missing or "?",
        )

    def _check_running(self, session_id: int, session: SessionDraft) -> None:
        now = self._clock()
        row = self._sessions.row(session_id)._replace(start=session.start, end=session.end)
        if not may_run(row, now):
            if now >= row.end:
                raise ValidationError(
                    "status",
                    _N("errors", "Session {id} ended at {end}: it can no longer be launched."),
                    _N("errors", "Record its attendance, or duplicate it to hold it again."),
                    id=session_id,
                    end=_when(row.end),
                )
            raise ValidationError(
                "status",
                _N(
                    "errors",
                    "Session {id} can be launched from {start}, {minutes} minutes before it "
                    "starts, until it ends.",
                ),
                _N("errors", "Prepare it meanwhile (“regie sessions prepare {id}”)."),
                id=session_id,
                start=_when(runs_from(row)),
                minutes=int(RUNNING_LEAD.total_seconds() // 60),
            )
        if session.licence_id is None:
            return
        licence = next((x for x in self._refs.licences() if x.id == session.licence_id), None)
        if licence is None:
            return  # storage refuses a licence that no longer exists
        running = [
            r
            for r in self._sessions.list_rows(
                SessionFilter(statuses=frozenset({SessionStatus.RUNNING}))
            )
            if r.licence_id == licence.id and r.id != session_id
        ]
        if len(running) >= licence.concurrent_limit:
            first = min(running, key=lambda r: (r.start, r.id))
            raise running_clash(licence.label, licence.concurrent_limit, first.id, first.title)

    def allowed_statuses(self, current: SessionStatus) -> builtins.list[SessionStatus]:
        return [current, *sorted(_TRANSITIONS[current], key=list(SessionStatus).index)]

    @staticmethod
    def _check_transition(old: SessionStatus, new: SessionStatus) -> None:
        if new not in _TRANSITIONS[old]:
            raise ValidationError(
                "status",
                _N("errors", "A session cannot go from “{old}” to “{new}”."),
                _N("errors", "Choose another status, or duplicate the session."),
                old=old.value,
                new=new.value,
            )

    def _check_references(self, draft: SessionDraft) -> SessionDraft:
        if draft.type_id not in {t.id for t in self._refs.session_types(include_inactive=True)}:
            raise ValidationError(
                "type", _N("errors", "Unknown session type."), _N("errors", "Pick a type.")
            )
        if draft.branch_id not in {b.id for b in self._refs.branches()}:
            raise ValidationError(
                "branch", _N("errors", "Unknown branch."), _N("errors", "Pick a branch.")
            )
        if draft.host_id is not None and draft.host_id not in {s.id for s in self._refs.staff()}:
            raise ValidationError(
                "host", _N("errors", "Unknown host."), _N("errors", "Pick a staff member.")
            )
        if draft.licence_id is not None:
            licence = next((x for x in self._refs.licences() if x.id == draft.licence_id), None)
            if licence is None:
                raise ValidationError(
                    "licence", _N("errors", "Unknown licence."), _N("errors", "Pick a licence.")
                )
            # The licence rules (capacity, branch, overlaps) are checked by storage, in
            # the transaction that writes the session.
        return draft


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _essentials(d: SessionDraft) -> tuple[object, ...]:
    """What a session over or cancelled keeps as it was, its licence included."""
    return (
        d.title.strip(),
        d.type_id,
        d.branch_id,
        d.start,
        d.end,
        d.mode,
        d.capacity,
        d.licence_id,
    )


_UNKNOWN = {
    "type": _N("errors", "Unknown session type “{value}”."),
    "branch": _N("errors", "Unknown branch “{value}”."),
}


def find_by_code_or_name(items: list[T], value: str, *, what: str) -> T:
    """Resolve what a person typed (a code or a name, any case) to one item."""
    wanted = value.strip().casefold()
    for item in items:
        if str(getattr(item, "code", "")).casefold() == wanted:
            return item
    for item in items:
        if str(getattr(item, "name", "")).casefold() == wanted:
            return item
    raise RegieError(
        _UNKNOWN[what],
        _N("errors", "Use one of the values that “regie sessions list --json” prints."),
        value=value,
    )
