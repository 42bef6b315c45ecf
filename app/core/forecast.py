"""No-show forecast: how many registrations to accept so a session fills without spilling.

A third to a half of registrants never come. From the sessions already held (their
registered and attended counts) this measures, per session type — and per branch where it
has enough history — the share of registrants who did not come, with a Wilson interval
and the number of sessions it rests on. For a session of `capacity` places it then finds
the largest number of registrations whose attendance, each registrant coming
independently with the measured probability, exceeds the capacity with a chance no
larger than the chosen risk (a binomial tail). Pure arithmetic, no storage or Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.core.attendance import AttendanceRecord
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionRow, SessionStatus
from app.errors import ValidationError

# Fewer sessions than this and a rate says more about chance than about the audience.
MIN_SESSIONS = 8
DEFAULT_RISK = 0.10
Z95 = 1.959963984540054
# Registrations are never advised beyond this many times the capacity (a type whose
# registrants almost never come would otherwise call for thousands).
MAX_FACTOR = 4


class Scope(StrEnum):
    BRANCH = "branch"  # this type in this branch
    TYPE = "type"  # this type, every branch
    NETWORK = "network"  # every type, every branch: the fallback


@dataclass(frozen=True, slots=True)
class HeldSession:
    """One held session's counts, the material of the forecast."""

    session_id: int
    type_code: str
    type_name: str
    branch_code: str
    start: datetime
    capacity: int
    registered: int
    attended: int

    @property
    def no_shows(self) -> int:
        """Registrants who did not come (0 when more came than registered)."""
        return max(0, self.registered - self.attended)


@dataclass(frozen=True, slots=True)
class NoShowRate:
    """The measured share of registrants who did not come, over `sessions` sessions."""

    scope: Scope
    type_code: str | None
    branch_code: str | None
    sessions: int
    registered: int
    no_shows: int

    @property
    def rate(self) -> float:
        return self.no_shows / self.registered if self.registered else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        """The 95 % Wilson interval of the rate."""
        return wilson(self.no_shows, self.registered)

    def as_json(self) -> dict[str, object]:
        low, high = self.interval
        return {
            "scope": self.scope.value,
            "type": self.type_code,
            "branch": self.branch_code,
            "sessions": self.sessions,
            "registered": self.registered,
            "no_shows": self.no_shows,
            "rate": round(self.rate, 4),
            "interval_95": [round(low, 4), round(high, 4)],
        }


def held_sessions(
    rows: Iterable[SessionRow], counts: Mapping[int, AttendanceRecord]
) -> list[HeldSession]:
    """The forecast's material from sessions and their counts: those not cancelled with
    registrations and someone counted, oldest first."""
    out: list[HeldSession] = []
    for row in rows:
        rec = counts.get(row.id)
        if rec is None or row.status is SessionStatus.CANCELLED or not rec.registered:
            continue
        if rec.connected is None and rec.on_site is None:
            continue
        out.append(
            HeldSession(
                session_id=row.id,
                type_code=row.type_code,
                type_name=row.type_name,
                branch_code=row.branch_code,
                start=row.start,
                capacity=row.capacity,
                registered=rec.registered,
                attended=(rec.connected or 0) + (rec.on_site or 0),
            )
        )
    return sorted(out, key=lambda h: (h.start, h.session_id))


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion; (0, 1) with no trials."""
    if trials <= 0:
        return (0.0, 1.0)
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def measure(
    history: Iterable[HeldSession],
    scope: Scope = Scope.NETWORK,
    type_code: str | None = None,
    branch_code: str | None = None,
) -> NoShowRate:
    """The rate over the sessions of `history` matching the type and branch given."""
    sessions = registered = missing = 0
    for h in history:
        if h.registered <= 0:
            continue
        if type_code is not None and h.type_code != type_code:
            continue
        if branch_code is not None and h.branch_code != branch_code:
            continue
        sessions += 1
        registered += h.registered
        missing += h.no_shows
    return NoShowRate(scope, type_code, branch_code, sessions, registered, missing)


def rate_for(
    history: Sequence[HeldSession], type_code: str, branch_code: str | None = None
) -> tuple[NoShowRate, NoShowRate | None]:
    """The rate to use for a session of this type (and branch), and — when the type's
    own history is too short — the type's own thin measure that was set aside.

    The branch's rate when it rests on `MIN_SESSIONS` or more; else the type's across
    the network; else the network's rate, every type together.
    """
    if branch_code is not None:
        own = measure(history, Scope.BRANCH, type_code, branch_code)
        if own.sessions >= MIN_SESSIONS:
            return own, None
    typed = measure(history, Scope.TYPE, type_code)
    if typed.sessions >= MIN_SESSIONS:
        return typed, None
    return measure(history, Scope.NETWORK), typed


def overflow_risk(accepted: int, capacity: int, show: float) -> float:
    """P(more than `capacity` of `accepted` registrants come), each coming with `show`."""
    if accepted <= capacity:
        return 0.0
    if show <= 0.0:
        return 0.0
    if show >= 1.0:
        return 1.0
    log_p, log_q = math.log(show), math.log1p(-show)
    lg_n = math.lgamma(accepted + 1)
    total = 0.0
    for k in range(capacity + 1, accepted + 1):
        total += math.exp(
            lg_n - math.lgamma(k + 1) - math.lgamma(accepted - k + 1) + k * log_p
            + (accepted - k) * log_q
        )
    return min(1.0, total)


def registrations_to_accept(capacity: int, no_show: float, risk: float = DEFAULT_RISK) -> int:
    """The most registrations whose attendance exceeds `capacity` with probability at most
    `risk`; never fewer than the capacity, never more than `MAX_FACTOR` times it."""
    check_capacity(capacity)
    check_risk(risk)
    show = 1.0 - no_show
    cap = capacity * MAX_FACTOR
    if overflow_risk(cap, capacity, show) <= risk:
        return cap
    lo, hi = capacity, cap  # risk(lo) <= risk < risk(hi); the tail grows with n
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if overflow_risk(mid, capacity, show) <= risk:
            lo = mid
        else:
            hi = mid
    return lo


def check_capacity(capacity: int) -> None:
    if capacity < 1:
        raise ValidationError(
            "capacity",
            _N("errors", "The capacity “{value}” must be at least 1."),
            _N("errors", "Enter how many places the session has."),
            value=capacity,
        )


def check_risk(risk: float) -> None:
    if not 0.0 < risk < 1.0:
        raise ValidationError(
            "risk",
            _N("errors", "The risk “{value}” must lie between 0 and 1 (e.g. 0.1 for 10 %)."),
            _N("errors", "Give the accepted chance of a full room as a fraction."),
            value=risk,
        )


# Advice sentences (English source, translated in context "forecast", then formatted).
ADVICE_TEXT = _N(
    "forecast",
    "For {capacity} places, accept {accept} registrations: {rate} % no-shows on average "
    "over {sessions} sessions “{label}”.",
)
FALLBACK_TEXT = _N(
    "forecast",
    "Too little history for “{label}” (sessions held: {own}): with the network's rate, "
    "{rate} % no-shows over {sessions} sessions, accept {accept} registrations for "
    "{capacity} places.",
)
NO_HISTORY_TEXT = _N(
    "forecast",
    "No session held yet with registrations and attendance: accept {capacity} "
    "registrations for {capacity} places.",
)


@dataclass(frozen=True, slots=True)
class Advice:
    """How many registrations to accept for a session, and why."""

    capacity: int
    accept: int
    risk: float
    basis: NoShowRate
    label: str  # the type (and branch) the rate is about
    set_aside: NoShowRate | None = None  # the type's own too-thin measure

    @property
    def fallback(self) -> bool:
        return self.set_aside is not None

    def sentence(self) -> tuple[str, dict[str, object]]:
        """The English source sentence and its fields (rate as a whole percent)."""
        if self.basis.sessions == 0:
            return NO_HISTORY_TEXT, {"capacity": self.capacity}
        fields: dict[str, object] = {
            "capacity": self.capacity,
            "accept": self.accept,
            "rate": round(self.basis.rate * 100),
            "sessions": self.basis.sessions,
            "label": self.label,
        }
        if self.set_aside is not None:
            fields["own"] = self.set_aside.sessions
            return FALLBACK_TEXT, fields
        return ADVICE_TEXT, fields

    def text(self) -> str:
        template, fields = self.sentence()
        return template.format(**fields)

    def as_json(self) -> dict[str, object]:
        return {
            "capacity": self.capacity,
            "accept": self.accept,
            "risk": self.risk,
            "fallback": self.fallback,
            "basis": self.basis.as_json(),
            "type_sessions": None if self.set_aside is None else self.set_aside.sessions,
            "advice": self.text(),
        }


def advise(
    history: Sequence[HeldSession],
    *,
    capacity: int,
    type_code: str,
    type_name: str,
    branch_code: str | None = None,
    branch_name: str | None = None,
    risk: float = DEFAULT_RISK,
) -> Advice:
    """The advice for a session of this type (and branch) and capacity."""
    check_capacity(capacity)
    check_risk(risk)
    basis, set_aside = rate_for(history, type_code, branch_code)
    accept = (
        capacity if basis.sessions == 0 else registrations_to_accept(capacity, basis.rate, risk)
    )
    label = type_name
    if basis.scope is Scope.BRANCH and branch_name:
        label = f"{type_name}, {branch_name}"
    return Advice(capacity, accept, risk, basis, label, set_aside)


def rates_table(
    history: Sequence[HeldSession], types: Sequence[tuple[str, str]], branch: str | None = None
) -> list[tuple[str, str, NoShowRate, bool]]:
    """(type code, type name, rate used, fallback) for each type: the forecast at a glance."""
    out = []
    for code, name in types:
        basis, set_aside = rate_for(history, code, branch)
        out.append((code, name, basis, set_aside is not None))
    return out


# ------------------------------------------------------------------ was it right?
@dataclass(frozen=True, slots=True)
class Hindsight:
    """One held session judged with only the sessions held before it."""

    session_id: int
    predicted_rate: float
    actual_rate: float
    accept: int
    registered: int
    attended: int
    capacity: int

    @property
    def followed(self) -> bool:
        """The registrations stayed within the advice."""
        return self.registered <= self.accept

    @property
    def overflow(self) -> bool:
        return self.attended > self.capacity


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How the advice fared over a period: each session forecast from its past only."""

    sessions: int
    mean_abs_error: float | None  # of the no-show rate, in points of proportion
    followed: int  # sessions whose registrations stayed within the advice
    overflowed: int  # of those, the ones where more came than there were places
    risk: float

    @property
    def overflow_share(self) -> float | None:
        return self.overflowed / self.followed if self.followed else None

    @property
    def right(self) -> bool | None:
        """True when rooms overflowed no more often than the risk chosen (None: nothing
        to judge)."""
        share = self.overflow_share
        return None if share is None else share <= self.risk

    def as_json(self) -> dict[str, object]:
        share = self.overflow_share
        return {
            "sessions": self.sessions,
            "mean_abs_error": None if self.mean_abs_error is None else round(
                self.mean_abs_error, 4
            ),
            "followed": self.followed,
            "overflowed": self.overflowed,
            "overflow_share": None if share is None else round(share, 4),
            "risk": self.risk,
            "right": self.right,
        }


def hindsight(
    history: Sequence[HeldSession],
    period: Sequence[HeldSession],
    risk: float = DEFAULT_RISK,
) -> tuple[list[Hindsight], Accuracy]:
    """Judge the advice on each session of `period` as it would have been given then:
    from the sessions of `history` that started before it."""
    judged: list[Hindsight] = []
    for s in sorted(period, key=lambda x: (x.start, x.session_id)):
        if s.registered <= 0:
            continue
        past = [h for h in history if h.start < s.start]
        basis, _aside = rate_for(past, s.type_code, s.branch_code)
        if basis.sessions == 0:
            continue
        judged.append(
            Hindsight(
                session_id=s.session_id,
                predicted_rate=basis.rate,
                actual_rate=s.no_shows / s.registered,
                accept=registrations_to_accept(s.capacity, basis.rate, risk),
                registered=s.registered,
                attended=s.attended,
                capacity=s.capacity,
            )
        )
    followed = [j for j in judged if j.followed]
    mae = (
        sum(abs(j.predicted_rate - j.actual_rate) for j in judged) / len(judged)
        if judged
        else None
    )
    return judged, Accuracy(
        sessions=len(judged),
        mean_abs_error=mae,
        followed=len(followed),
        overflowed=sum(1 for j in followed if j.overflow),
        risk=risk,
    )
