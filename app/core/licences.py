"""Licence rules: which Zoom licence may carry which session, and the planning grid.

A licence is *held* by a session from `buffer_before` ahead of its start (the host opens
the meeting early) until `buffer_after` past its end (the meeting runs over). Holds are
half-open intervals, so with no buffer two back-to-back sessions share a licence. A
licence can carry `concurrent_limit` holds at any one instant (1 for a Pro account).

Everything here is pure: lists in, decisions out. Storage runs these rules inside its
write transaction; the demo network and the UI reuse them unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import Licence, LicencePlan, SessionStatus
from app.errors import NotFoundError, RegieError, ValidationError

CTX = "licences"

# Network policy, stored in the shared settings table (minutes).
SETTING_BUFFER_BEFORE = "licences.buffer_before_minutes"
SETTING_BUFFER_AFTER = "licences.buffer_after_minutes"
DEFAULT_BUFFER_BEFORE = timedelta(minutes=10)
DEFAULT_BUFFER_AFTER = timedelta(minutes=5)
MAX_BUFFER = timedelta(hours=4)

MAX_LABEL = 80
MAX_EMAIL = 200
MAX_CAP = 100_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Plans and the participant caps Zoom sells them with (first is the default).
PLAN_CAPS: dict[LicencePlan, tuple[int, ...]] = {
    LicencePlan.PRO: (100, 300, 500, 1000),
    LicencePlan.BUSINESS: (300, 500, 1000),
    LicencePlan.ENTERPRISE: (500, 1000),
    LicencePlan.ADDON: (500, 1000),
}
PLAN_LABELS: dict[LicencePlan, str] = {
    LicencePlan.PRO: _N("labels", "Pro"),
    LicencePlan.BUSINESS: _N("labels", "Business"),
    LicencePlan.ENTERPRISE: _N("labels", "Enterprise"),
    LicencePlan.ADDON: _N("labels", "Large meetings add-on"),
}

# Sessions that no longer need a licence.
_FREE_STATUSES = frozenset({SessionStatus.CANCELLED})


@dataclass(frozen=True, slots=True)
class BookingPolicy:
    """How long a licence stays held around each session."""

    buffer_before: timedelta = DEFAULT_BUFFER_BEFORE
    buffer_after: timedelta = DEFAULT_BUFFER_AFTER

    def hold(self, start: datetime, end: datetime) -> tuple[datetime, datetime]:
        return start - self.buffer_before, end + self.buffer_after

    def as_json(self) -> dict[str, int]:
        return {
            "buffer_before_minutes": int(self.buffer_before.total_seconds() // 60),
            "buffer_after_minutes": int(self.buffer_after.total_seconds() // 60),
        }


@dataclass(frozen=True, slots=True)
class Booking:
    """A session as the licence rules see it (also the candidate being placed)."""

    session_id: int
    title: str
    branch_id: int
    start: datetime
    end: datetime
    capacity: int
    licence_id: int | None = None
    status: SessionStatus = SessionStatus.PLANNED


class ClashReason(StrEnum):
    INACTIVE = "inactive"
    BRANCH = "branch"
    CAPACITY = "capacity"
    OVERLAP = "overlap"


class LicenceClashError(RegieError):
    """The licence cannot carry this session; the message names why (and with whom)."""

    context = CTX

    def __init__(
        self,
        reason: ClashReason,
        message: str,
        fix: str,
        *,
        clashing: Booking | None = None,
        cli_fix: str = "",
        **params: object,
    ) -> None:
        self.reason = reason
        self.clashing = clashing
        super().__init__(message, fix, cli_fix=cli_fix, **params)


ALL_RULES: frozenset[ClashReason] = frozenset(ClashReason)
# The session_id of a candidate not saved yet (no stored session has it).
NEW_SESSION = 0


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals [start, end): touching ends do not overlap."""
    return a_start < b_end and b_start < a_end


def _fmt(dt: datetime) -> str:
    return dt.astimezone().strftime("%d/%m/%Y %H:%M")


def _fmt_range(start: datetime, end: datetime) -> str:
    s, e = start.astimezone(), end.astimezone()
    if s.date() == e.date():
        return f"{s:%d/%m/%Y %H:%M}–{e:%H:%M}"
    return f"{_fmt(s)}–{_fmt(e)}"


def running_clash(
    licence: str, limit: int, other_id: int, other_title: str
) -> ValidationError:
    """A launch refused: the licence already carries as many running meetings as it can."""
    return ValidationError(
        "status",
        _N(
            "errors",
            "The licence “{licence}” is already in use by session {other} (“{title}”), "
            "which is running: it holds {limit} meeting(s) at once.",
        ),
        _N(
            "errors",
            "End that session first (“regie sessions edit {other} --status done”), or give "
            "this one another licence.",
        ),
        licence=licence,
        other=other_id,
        title=other_title,
        limit=limit,
    )


def holding(
    candidate: Booking, bookings: Iterable[Booking], licence_id: int, policy: BookingPolicy
) -> list[Booking]:
    """The other live bookings of `licence_id` whose hold overlaps the candidate's."""
    c_start, c_end = policy.hold(candidate.start, candidate.end)
    out = []
    for b in bookings:
        if b.licence_id != licence_id or b.session_id == candidate.session_id:
            continue
        if b.status in _FREE_STATUSES:
            continue
        b_start, b_end = policy.hold(b.start, b.end)
        if overlaps(c_start, c_end, b_start, b_end):
            out.append(b)
    return sorted(out, key=lambda b: (b.start, b.session_id))


def peak_overlap(
    candidate: Booking, others: Sequence[Booking], policy: BookingPolicy
) -> tuple[int, list[Booking]]:
    """The most other holds alive at one instant of the candidate's hold, and which ones.

    A sweep over hold boundaries: two bookings both overlapping the candidate need not
    overlap each other, so counting them would refuse a legal third meeting.
    """
    c_start, c_end = policy.hold(candidate.start, candidate.end)
    events: list[tuple[datetime, int, int]] = []
    for i, b in enumerate(others):
        s, e = policy.hold(b.start, b.end)
        events.append((max(s, c_start), 1, i))
        events.append((min(e, c_end), 0, i))  # ends sort before starts at the same instant
    events.sort(key=lambda ev: (ev[0], ev[1]))
    alive: set[int] = set()
    best: set[int] = set()
    for _at, kind, i in events:
        if kind == 1:
            alive.add(i)
            if len(alive) > len(best):
                best = set(alive)
        else:
            alive.discard(i)
    chosen = sorted((others[i] for i in best), key=lambda b: (b.start, b.session_id))
    return len(best), chosen


def check_fit(
    licence: Licence,
    candidate: Booking,
    bookings: Iterable[Booking],
    policy: BookingPolicy,
    *,
    rules: Collection[ClashReason] = ALL_RULES,
) -> LicenceClashError | None:
    """Why `licence` cannot carry `candidate`, or None when it can.

    `rules` narrows the check to what an edit changed: a booking made before a licence
    was deactivated or restricted keeps it while only its notes change.
    """
    if ClashReason.INACTIVE in rules and not licence.active:
        return LicenceClashError(
            ClashReason.INACTIVE,
            _N("licences", "The licence “{licence}” is deactivated."),
            _N("licences", "Reactivate it in Licences, or choose another licence."),
            licence=licence.label,
        )
    if (
        ClashReason.BRANCH in rules
        and licence.branch_id is not None
        and licence.branch_id != candidate.branch_id
    ):
        return LicenceClashError(
            ClashReason.BRANCH,
            _N("licences", "The licence “{licence}” is reserved for another branch."),
            _N("licences", "Choose a licence shared by the network or reserved for this branch."),
            licence=licence.label,
        )
    if ClashReason.CAPACITY in rules and candidate.capacity > licence.participant_cap:
        return LicenceClashError(
            ClashReason.CAPACITY,
            _N(
                "licences",
                "The session expects {capacity} participants but the licence “{licence}” "
                "admits {cap}.",
            ),
            _N("licences", "Choose a larger licence or lower the session's capacity."),
            licence=licence.label,
            capacity=candidate.capacity,
            cap=licence.participant_cap,
        )
    if ClashReason.OVERLAP not in rules:
        return None
    others = holding(candidate, bookings, licence.id, policy)
    if not others:
        return None
    peak, alive = peak_overlap(candidate, others, policy)
    if peak < licence.concurrent_limit:
        return None
    return overlap_error(licence, alive[0], policy)


def rules_for_change(before: Booking | None, after: Booking) -> frozenset[ClashReason]:
    """The licence rules a write of a booked session must pass again: all of them for a
    new booking (new session, other licence, cancelled one planned again), otherwise
    only those the change can break (a later end, a larger capacity, another branch)."""
    if (
        before is None
        or before.licence_id != after.licence_id
        or before.status in _FREE_STATUSES
    ):
        return ALL_RULES
    rules = set()
    if after.branch_id != before.branch_id:
        rules.add(ClashReason.BRANCH)
    if after.capacity > before.capacity:
        rules.add(ClashReason.CAPACITY)
    if (after.start, after.end) != (before.start, before.end):
        rules.add(ClashReason.OVERLAP)
    return frozenset(rules)


def licence_fits(
    licences: Iterable[Licence],
    candidate: Booking,
    bookings: Sequence[Booking],
    policy: BookingPolicy,
    *,
    before: Booking | None = None,
) -> list[tuple[Licence, LicenceClashError | None]]:
    """Each licence with why it cannot carry `candidate` (None when it can), judged as
    the write of the session will judge it: the licence the stored session (`before`)
    already holds by the rules the change can break only, any other by all the rules,
    and none at all for a cancelled session, which holds nothing."""
    out: list[tuple[Licence, LicenceClashError | None]] = []
    for lic in licences:
        rules = ALL_RULES
        if candidate.status in _FREE_STATUSES:
            rules = frozenset()
        elif before is not None and before.licence_id == lic.id:
            rules = rules_for_change(before, replace(candidate, licence_id=lic.id))
        out.append((lic, check_fit(lic, candidate, bookings, policy, rules=rules)))
    return out


def overlap_error(licence: Licence, first: Booking, policy: BookingPolicy) -> LicenceClashError:
    """The clash message naming the booking that holds the licence at that time."""
    return LicenceClashError(
        ClashReason.OVERLAP,
        _N(
            "licences",
            "The licence “{licence}” is already booked for session {session_id} "
            "“{title}” ({when}), which overlaps this one (buffers: {before} min before, "
            "{after} min after).",
        ),
        _N("licences", "Choose another licence or the best free one, or move one of the sessions."),
        cli_fix=_N("licences", "Choose another licence, use --auto, or move one of the sessions."),
        clashing=first,
        licence=licence.label,
        session_id=first.session_id,
        title=first.title,
        when=_fmt_range(first.start, first.end),
        before=policy.as_json()["buffer_before_minutes"],
        after=policy.as_json()["buffer_after_minutes"],
    )


def policy_from_settings(get: Callable[[str], str | None]) -> BookingPolicy:
    """The network's buffer policy from its settings; a missing or bad value falls back
    to the default, so storage and the service always agree on the holds."""

    def minutes(key: str, default: timedelta) -> timedelta:
        raw = get(key)
        try:
            value = timedelta(minutes=int(raw)) if raw is not None else default
        except ValueError:
            return default
        return value if timedelta(0) <= value <= MAX_BUFFER else default

    return BookingPolicy(
        minutes(SETTING_BUFFER_BEFORE, DEFAULT_BUFFER_BEFORE),
        minutes(SETTING_BUFFER_AFTER, DEFAULT_BUFFER_AFTER),
    )


def pick_free_licence(
    licences: Iterable[Licence],
    candidate: Booking,
    bookings: Sequence[Booking],
    policy: BookingPolicy,
) -> Licence | None:
    """The licence to give `candidate`, or None when none fits.

    Preference: a licence reserved for the session's branch, then a shared one; within
    that, the smallest cap that fits (large accounts stay free for large sessions), then
    the lightest-booked that day, then the label (a stable, explainable choice).
    """
    day = candidate.start.astimezone().date()
    load: dict[int, int] = {}
    for b in bookings:
        if b.licence_id is not None and b.start.astimezone().date() == day:
            load[b.licence_id] = load.get(b.licence_id, 0) + 1
    fitting = [lic for lic in licences if check_fit(lic, candidate, bookings, policy) is None]
    if not fitting:
        return None
    return min(
        fitting,
        key=lambda lic: (
            0 if lic.branch_id == candidate.branch_id else 1,
            lic.participant_cap,
            load.get(lic.id, 0),
            lic.label.casefold(),
        ),
    )


def choose_free_licence(
    licences: Sequence[Licence],
    candidate: Booking,
    bookings: Sequence[Booking],
    policy: BookingPolicy,
) -> Licence:
    """The automatic choice (`pick_free_licence`), or the error naming why none fits."""
    lic = pick_free_licence(licences, candidate, bookings, policy)
    if lic is None:
        raise no_free_licence(licences, candidate, bookings, policy)
    return lic


def no_free_licence(
    licences: Sequence[Licence],
    candidate: Booking,
    bookings: Sequence[Booking],
    policy: BookingPolicy,
) -> RegieError:
    """The error for --auto when nothing fits, naming the reason of the closest licence."""
    if not any(lic.active for lic in licences):
        return RegieError(
            _N("errors", "No active Zoom licence is registered."),
            _N("errors", "Add one in Licences."),
            cli_fix=_N("errors", "Add one with “regie licences add”."),
        )
    reasons = [
        err for lic in licences if (err := check_fit(lic, candidate, bookings, policy)) is not None
    ]
    # Show the most useful reason: a clash beats a cap, which beats a branch restriction.
    order = [ClashReason.OVERLAP, ClashReason.CAPACITY, ClashReason.BRANCH, ClashReason.INACTIVE]
    reasons.sort(key=lambda e: order.index(e.reason))
    detail: RegieError | str = reasons[0] if reasons else ""
    if candidate.session_id == NEW_SESSION:
        return RegieError(
            _N("errors", "No licence is free at that time. {detail}"),
            _N("errors", "Move the session, lower its capacity, or add a licence."),
            detail=detail,
        )
    return RegieError(
        _N("errors", "No licence is free for session {session_id} at that time. {detail}"),
        _N("errors", "Move the session, lower its capacity, or add a licence."),
        session_id=candidate.session_id,
        detail=detail,
    )


# ---------------------------------------------------------------------- planning grid
class SegmentKind(StrEnum):
    BOOKED = "booked"
    FREE = "free"


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    start: datetime
    end: datetime
    bookings: tuple[Booking, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "sessions": [{"id": b.session_id, "title": b.title} for b in self.bookings],
        }


@dataclass(frozen=True, slots=True)
class PlanningRow:
    licence: Licence
    segments: tuple[Segment, ...]

    @property
    def booked(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind is SegmentKind.BOOKED)

    @property
    def gaps(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind is SegmentKind.FREE)


def planning(
    licences: Iterable[Licence],
    bookings: Iterable[Booking],
    window_start: datetime,
    window_end: datetime,
) -> list[PlanningRow]:
    """Licences × time: each licence's bookings (overlapping ones merged) and the gaps
    between them, clipped to the window. Bookings are shown without their buffers."""
    by_licence: dict[int, list[Booking]] = {}
    for b in bookings:
        if b.licence_id is None or b.status in _FREE_STATUSES:
            continue
        if overlaps(b.start, b.end, window_start, window_end):
            by_licence.setdefault(b.licence_id, []).append(b)
    rows = []
    for lic in licences:
        items = sorted(by_licence.get(lic.id, []), key=lambda b: (b.start, b.session_id))
        segments: list[Segment] = []
        cursor = window_start
        for b in items:
            s, e = max(b.start, window_start), min(b.end, window_end)
            last = segments[-1] if segments else None
            if last is not None and last.kind is SegmentKind.BOOKED and s < last.end:
                segments[-1] = replace(last, end=max(last.end, e), bookings=(*last.bookings, b))
                cursor = max(cursor, e)
                continue
            if s > cursor:
                segments.append(Segment(SegmentKind.FREE, cursor, s))
            segments.append(Segment(SegmentKind.BOOKED, s, e, (b,)))
            cursor = max(cursor, e)
        if cursor < window_end:
            segments.append(Segment(SegmentKind.FREE, cursor, window_end))
        rows.append(PlanningRow(lic, tuple(segments)))
    return rows


# ---------------------------------------------------------------------- licence records
@dataclass(frozen=True, slots=True)
class LicenceDraft:
    """What the coordinator types for a licence; validated before storage."""

    label: str
    email: str
    plan: LicencePlan
    participant_cap: int
    concurrent_limit: int = 1
    branch_id: int | None = None
    active: bool = True


def validate_licence(draft: LicenceDraft) -> LicenceDraft:
    label = " ".join(draft.label.split())
    email = draft.email.strip()
    if not label:
        raise ValidationError(
            "label",
            _N("errors", "The licence has no label."),
            _N("errors", "Type a short name for it."),
        )
    if len(label) > MAX_LABEL:
        raise ValidationError(
            "label",
            _N("errors", "The label is longer than {max} characters."),
            _N("errors", "Shorten it."),
            max=MAX_LABEL,
        )
    if not _EMAIL.match(email) or len(email) > MAX_EMAIL:
        raise ValidationError(
            "email",
            _N("errors", "“{email}” is not an e-mail address."),
            _N("errors", "Type the address of the Zoom account, e.g. culture@library.fr."),
            email=email,
        )
    if not 0 < draft.participant_cap <= MAX_CAP:
        raise ValidationError(
            "participant_cap",
            _N("errors", "The participant cap must be between 1 and {max}."),
            _N("errors", "Enter the cap of the Zoom plan (100, 300, 500, 1000…)."),
            max=MAX_CAP,
        )
    if draft.concurrent_limit < 1:
        raise ValidationError(
            "concurrent_limit",
            _N("errors", "A licence carries at least one meeting at a time."),
            _N("errors", "Enter 1 for a Pro account."),
        )
    if draft.plan is LicencePlan.PRO and draft.concurrent_limit > 1:
        raise ValidationError(
            "concurrent_limit",
            _N("errors", "A Pro licence runs only one meeting at a time."),
            _N("errors", "Set the concurrent-meeting limit to 1, or choose the Business plan."),
        )
    return replace(draft, label=label, email=email)


class LicenceRepository(Protocol):
    """What licence rules need from storage. `assign` runs the rule and the write in one
    transaction that holds the write lock, so two people booking at once cannot both win."""

    def licences(self) -> list[Licence]: ...
    def licence(self, licence_id: int) -> Licence: ...
    def add(self, draft: LicenceDraft) -> int: ...
    def update(self, licence_id: int, draft: LicenceDraft) -> None: ...
    def delete(self, licence_id: int) -> None: ...
    def bookings(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[Booking]: ...
    def assign(
        self,
        session_id: int,
        choose: Callable[[Booking, list[Licence], list[Booking]], Licence],
    ) -> Licence: ...
    def unassign(self, session_id: int) -> None: ...
    def apply_policy(self, policy: BookingPolicy, *, since: datetime | None = None) -> int: ...


class SettingsStore(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


class LicenceService:
    """Registers licences and books them for sessions under the network's buffer policy."""

    def __init__(self, repo: LicenceRepository, settings: SettingsStore) -> None:
        self._repo = repo
        self._settings = settings

    # -- policy
    def policy(self) -> BookingPolicy:
        return policy_from_settings(self._settings.get)

    def set_policy(self, policy: BookingPolicy) -> int:
        """Change the buffers; upcoming bookings are held under them at once (the count
        of those that changed is returned), or nothing changes if one would clash."""
        for value in (policy.buffer_before, policy.buffer_after):
            if value < timedelta(0) or value > MAX_BUFFER:
                raise ValidationError(
                    "buffer",
                    _N("errors", "A buffer must be between 0 and {max} minutes."),
                    _N("errors", "Enter a number of minutes, e.g. 10."),
                    max=int(MAX_BUFFER.total_seconds() // 60),
                )
        return self._repo.apply_policy(policy)

    # -- licences
    def licences(self) -> list[Licence]:
        return self._repo.licences()

    def licence(self, licence_id: int) -> Licence:
        return self._repo.licence(licence_id)

    def by_label(self, label: str) -> Licence:
        wanted = label.strip().casefold()
        for lic in self._repo.licences():
            if lic.label.casefold() == wanted:
                return lic
        raise NotFoundError(
            _N("errors", "No licence is called “{label}”."),
            _N("errors", "Check the label with “regie licences list”."),
            label=label,
        )

    def add(self, draft: LicenceDraft) -> int:
        return self._repo.add(validate_licence(draft))

    def update(self, licence_id: int, draft: LicenceDraft) -> None:
        self._repo.update(licence_id, validate_licence(draft))

    def delete(self, licence_id: int) -> None:
        self._repo.delete(licence_id)

    # -- booking
    def assign(self, session_id: int, licence_id: int) -> Licence:
        """Book `licence_id` for the session, or raise LicenceClashError saying why not."""
        policy = self.policy()

        def choose(cand: Booking, licences: list[Licence], books: list[Booking]) -> Licence:
            lic = next((x for x in licences if x.id == licence_id), None)
            if lic is None:
                raise NotFoundError(
                    _N("errors", "This licence no longer exists."),
                    _N("errors", "Refresh the list and choose another one."),
                )
            err = check_fit(lic, cand, books, policy)
            if err is not None:
                raise err
            return lic

        return self._repo.assign(session_id, choose)

    def assign_auto(self, session_id: int) -> Licence:
        """Book the free licence that fits best (see `pick_free_licence`)."""
        policy = self.policy()

        def choose(cand: Booking, licences: list[Licence], books: list[Booking]) -> Licence:
            return choose_free_licence(licences, cand, books, policy)

        return self._repo.assign(session_id, choose)

    def unassign(self, session_id: int) -> None:
        self._repo.unassign(session_id)

    def planning(self, start: datetime, end: datetime) -> list[PlanningRow]:
        return planning(self._repo.licences(), self._repo.bookings(start, end), start, end)
