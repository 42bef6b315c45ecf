"""A session's registrations: who holds a place, who waits (and in which rank), who
cancelled — and, when a place frees up, the next person to offer it to.

Counts stay forever; a person's name, e-mail and phone only as long as the retention
period allows (the attendance purge blanks them). Storage decides "registered" or
"waiting" in the transaction that counts the places taken, so two desks adding at once
cannot both take the last place.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.core.csvfiles import email_key, name_key
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode, SessionRow, SessionStatus
from app.core.registrations import parse_registrations
from app.errors import NotFoundError, ValidationError

MAX_NAME = 200
MAX_CONTACT = 200
_PHONE = re.compile(r"^\+?[0-9 .\-()]{6,30}$")


class RegStatus(StrEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


STATUS_LABELS: dict[RegStatus, str] = {
    RegStatus.REGISTERED: _N("registrations", "Registered"),
    RegStatus.WAITING: _N("registrations", "Waiting list"),
    RegStatus.CANCELLED: _N("registrations", "Cancelled"),
}


@dataclass(frozen=True, slots=True)
class PersonDraft:
    """What an agent types (or a list holds): a name, an e-mail or a phone, all optional
    but one."""

    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Registration:
    id: int
    session_id: int
    status: RegStatus
    name: str | None  # None once the personal data were purged
    email: str | None
    phone: str | None
    created_at: datetime
    cancelled_at: datetime | None = None
    promoted_at: datetime | None = None  # came off the waiting list
    rank: int | None = None  # 1, 2… on the waiting list

    @property
    def purged(self) -> bool:
        return self.name is None and self.email is None and self.phone is None

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "session": self.session_id,
            "status": self.status.value,
            "rank": self.rank,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "created_at": self.created_at.isoformat(),
            "cancelled_at": self.cancelled_at.isoformat() if self.cancelled_at else None,
            "promoted_at": self.promoted_at.isoformat() if self.promoted_at else None,
        }


@dataclass(frozen=True, slots=True)
class RegistrationCounts:
    registered: int = 0
    waiting: int = 0
    cancelled: int = 0
    promoted: int = 0

    def as_json(self) -> dict[str, int]:
        return {
            "registered": self.registered,
            "waiting": self.waiting,
            "cancelled": self.cancelled,
            "promoted": self.promoted,
        }


def person_key(name: str | None, email: str | None, phone: str | None) -> str | None:
    """Who a registration is, for counting people once: e-mail, else phone, else name."""
    if email:
        return "e:" + email_key(email)
    if phone:
        return "p:" + re.sub(r"\D", "", phone)
    if name:
        return "n:" + name_key(name)
    return None


def validate_person(draft: PersonDraft) -> PersonDraft:
    name = " ".join(draft.name.split())
    email = draft.email.strip()
    phone = draft.phone.strip()
    if not (name or email or phone):
        raise ValidationError(
            "name",
            _N("errors", "The registration names nobody."),
            _N("errors", "Type a name, an e-mail address or a phone number."),
        )
    if len(name) > MAX_NAME or len(email) > MAX_CONTACT or len(phone) > MAX_CONTACT:
        raise ValidationError(
            "name",
            _N("errors", "A name, e-mail or phone is longer than {max} characters."),
            _N("errors", "Shorten it."),
            max=MAX_NAME,
        )
    if email and ("@" not in email or any(c.isspace() for c in email)):
        raise ValidationError(
            "email",
            _N("errors", "“{value}” is not an e-mail address."),
            _N("errors", "Correct the e-mail address, or leave it empty."),
            value=email,
        )
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            "phone",
            _N("errors", "“{value}” is not a phone number."),
            _N("errors", "Type digits, spaces and an optional leading +."),
            value=phone,
        )
    return PersonDraft(name, email, phone)


def without_passcode(url: str) -> str:
    """The link without its `pwd` (the meeting passcode travels separately)."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "pwd"]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def had_passcode(url: str) -> bool:
    return any(k.lower() == "pwd" for k, _v in parse_qsl(urlsplit(url.strip()).query))


# The message offered to the next person (English source, context "registrations").
OFFER_TEXT = _N(
    "registrations",
    "Hello {name},\n\nA place has freed up for “{title}” on {date} at {time}: your "
    "registration is confirmed.",
)
OFFER_LINK_TEXT = _N("registrations", "Join the session with this link: {link}")
OFFER_PASSCODE_TEXT = _N("registrations", "The meeting passcode follows in a separate message.")
OFFER_SITE_TEXT = _N("registrations", "We look forward to seeing you at {branch}, or online.")
OFFER_CLOSING = _N("registrations", "If you can no longer come, please let us know.")


@dataclass(frozen=True, slots=True)
class Offer:
    """The next person on the waiting list and the message to send them (the pieces are
    English source strings; `text` joins them untranslated, the UI translates each)."""

    registration: Registration
    parts: tuple[tuple[str, dict[str, object]], ...]

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return "\n\n".join(translate(src).format(**fields) for src, fields in self.parts)

    def as_json(self) -> dict[str, object]:
        return {"registration": self.registration.as_json(), "message": self.text()}


def offer_for(
    row: SessionRow, reg: Registration, join_url: str | None, has_passcode: bool
) -> Offer:
    """The message proposing a freed place; never a passcode, even one carried by the
    link."""
    local = row.start.astimezone()
    who = reg.name or reg.email or reg.phone or ""
    parts: list[tuple[str, dict[str, object]]] = [
        (
            OFFER_TEXT,
            {
                "name": who,
                "title": row.title,
                "date": local.strftime("%d/%m/%Y"),
                "time": local.strftime("%H:%M"),
            },
        )
    ]
    if join_url:
        parts.append((OFFER_LINK_TEXT, {"link": without_passcode(join_url)}))
        if has_passcode or had_passcode(join_url):
            parts.append((OFFER_PASSCODE_TEXT, {}))
    if row.mode is SessionMode.HYBRID:
        parts.append((OFFER_SITE_TEXT, {"branch": row.branch_name}))
    parts.append((OFFER_CLOSING, {}))
    return Offer(reg, tuple(parts))


# ---------------------------------------------------------------------------- ports
class RegistrationRepository(Protocol):
    def entries(self, session_id: int) -> list[Registration]: ...
    def get(self, registration_id: int) -> Registration: ...
    def counts(self, session_id: int) -> RegistrationCounts: ...
    def add(
        self, session_id: int, people: Sequence[PersonDraft], *, limit: int, at: datetime
    ) -> list[Registration]: ...
    def cancel(self, registration_id: int, *, at: datetime) -> Registration: ...
    def promote(self, registration_id: int, *, at: datetime) -> Registration: ...


class SessionLookup(Protocol):
    def row(self, session_id: int) -> SessionRow: ...


# The session's Zoom join link and whether it has a passcode (None: no meeting).
MeetingOf = Callable[[int], tuple[str | None, bool]]


@dataclass(frozen=True, slots=True)
class Cancelled:
    registration: Registration
    offer: Offer | None  # the next on the waiting list, when a place freed up


def with_ranks(rows: Sequence[Registration]) -> list[Registration]:
    """The waiting ones numbered 1, 2… in the order they came (the list's order)."""
    out: list[Registration] = []
    rank = 0
    for r in rows:
        if r.status is RegStatus.WAITING:
            rank += 1
            out.append(_replace_rank(r, rank))
        else:
            out.append(_replace_rank(r, None))
    return out


def _replace_rank(r: Registration, rank: int | None) -> Registration:
    return Registration(
        r.id, r.session_id, r.status, r.name, r.email, r.phone, r.created_at,
        r.cancelled_at, r.promoted_at, rank,
    )


class RegistrationService:
    """Registrations of a session within its accepted number; the waiting list beyond."""

    def __init__(
        self,
        repo: RegistrationRepository,
        sessions: SessionLookup,
        *,
        limit: Callable[[SessionRow], int] = lambda row: row.capacity,
        meeting: MeetingOf = lambda _id: (None, False),
        # wall clock: default when no clock is injected
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._repo = repo
        self._sessions = sessions
        self._limit = limit
        self._meeting = meeting
        self._clock = clock

    def entries(self, session_id: int) -> list[Registration]:
        self._sessions.row(session_id)  # NotFoundError for an unknown id
        return with_ranks(self._repo.entries(session_id))

    def counts(self, session_id: int) -> RegistrationCounts:
        self._sessions.row(session_id)
        return self._repo.counts(session_id)

    def limit(self, session_id: int) -> int:
        """How many registrations the session accepts before the waiting list."""
        return max(1, self._limit(self._sessions.row(session_id)))

    def add(self, session_id: int, person: PersonDraft) -> Registration:
        """Register someone, or put them on the waiting list once the places are taken."""
        return self.add_many(session_id, [person])[0]

    def add_many(self, session_id: int, people: Sequence[PersonDraft]) -> list[Registration]:
        row = self._open(session_id)
        clean = [validate_person(p) for p in people]  # all valid, or nothing written
        if not clean:
            return []
        added = self._repo.add(
            session_id, clean, limit=max(1, self._limit(row)), at=self._clock()
        )
        ranked = {r.id: r for r in self.entries(session_id)}
        return [ranked.get(r.id, r) for r in added]

    def add_file(self, session_id: int, data: bytes) -> list[Registration]:
        """Everyone in a registration list (the booking tool's CSV); a file that is not
        one stops with its line number and nothing is added."""
        self._open(session_id)
        parsed = parse_registrations(data)
        return self.add_many(
            session_id, [PersonDraft(p.name, p.email or "") for p in parsed.registrants]
        )

    def cancel(self, registration_id: int) -> Cancelled:
        """Cancel a registration; when it held a place, offer it to the next in line."""
        reg = self._repo.get(registration_id)
        self._open(reg.session_id)
        if reg.status is RegStatus.CANCELLED:
            raise ValidationError(
                "registration",
                _N("errors", "Registration {id} is already cancelled."),
                _N("errors", "Choose a registration still active."),
                id=registration_id,
            )
        done = self._repo.cancel(registration_id, at=self._clock())
        offer = self.offer(reg.session_id) if reg.status is RegStatus.REGISTERED else None
        return Cancelled(done, offer)

    def offer(self, session_id: int) -> Offer | None:
        """The first on the waiting list and their message, when a place is free."""
        row = self._sessions.row(session_id)
        regs = self.entries(session_id)
        taken = sum(1 for r in regs if r.status is RegStatus.REGISTERED)
        first = next((r for r in regs if r.status is RegStatus.WAITING), None)
        if first is None or taken >= max(1, self._limit(row)):
            return None
        url, has_code = self._meeting(session_id)
        return offer_for(row, first, url, has_code)

    def promote(self, registration_id: int) -> Registration:
        """Give a waiting person a place (recorded with its time)."""
        reg = self._repo.get(registration_id)
        self._open(reg.session_id)
        if reg.status is not RegStatus.WAITING:
            raise ValidationError(
                "registration",
                _N("errors", "Registration {id} is not on the waiting list."),
                _N("errors", "Choose someone on the waiting list."),
                id=registration_id,
            )
        self._repo.promote(registration_id, at=self._clock())
        return next(r for r in self.entries(reg.session_id) if r.id == registration_id)

    def _open(self, session_id: int) -> SessionRow:
        row = self._sessions.row(session_id)
        if row.status is SessionStatus.CANCELLED:
            raise ValidationError(
                "session",
                _N("errors", "Session {id} was cancelled: it takes no registrations."),
                _N("errors", "Choose a session that will take place."),
                id=session_id,
            )
        if row.status is SessionStatus.DONE:
            raise ValidationError(
                "session",
                _N("errors", "Session {id} is over: its registrations are closed."),
                _N("errors", "Choose a session that will take place."),
                id=session_id,
            )
        return row


def not_found(registration_id: int) -> NotFoundError:
    return NotFoundError(
        _N("errors", "There is no registration {id}."),
        _N("errors", "Check the number in the session's registration list."),
        id=registration_id,
    )


# ---------------------------------------------------------------------------- demo
_FIRST = ("Camille", "Léa", "Hugo", "Nadia", "Karim", "Inès", "Paul", "Zoé", "Yanis", "Rose",
          "Malik", "Jeanne", "Tom", "Sofia", "Amine", "Lucie")
_LAST = ("Martin", "Bernard", "Diallo", "Nguyen", "Petit", "Haddad", "Moreau", "Garcia",
         "Roux", "Fontaine", "Benali", "Lefèvre", "Chevalier", "Mercier")

DEMO_SESSIONS = 12  # the soonest coming sessions get registrations


@dataclass(frozen=True, slots=True)
class DemoRegistration:
    session_id: int
    person: PersonDraft
    status: RegStatus
    created_at: datetime


def demo_registrations(
    rows: Sequence[SessionRow],
    now: datetime,
    rng: random.Random,
    limit: Callable[[SessionRow], int] = lambda row: row.capacity,
) -> list[DemoRegistration]:
    """Registrations for the soonest coming sessions, within each one's `limit`: every
    third one full with a waiting list, the others partly filled; a few cancelled."""
    coming = sorted(
        (r for r in rows if r.start > now and r.status in _OPEN),
        key=lambda r: (r.start, r.id),
    )[:DEMO_SESSIONS]
    out: list[DemoRegistration] = []
    for i, row in enumerate(coming):
        most = max(1, limit(row))
        full = i % 3 == 0
        places = most if full else max(1, round(most * rng.uniform(0.5, 0.95)))
        statuses = [RegStatus.REGISTERED] * places
        statuses += [RegStatus.WAITING] * (rng.randint(2, 4) if full else 0)
        statuses += [RegStatus.CANCELLED] * rng.randint(0, 2)
        tail = statuses[places:]
        rng.shuffle(tail)  # cancellations come among the waiting ones
        statuses = statuses[:places] + tail
        for n, status in enumerate(statuses):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            out.append(
                DemoRegistration(
                    row.id,
                    PersonDraft(f"{first} {last}", f"p{row.id}.{n}@example.org"),
                    status,
                    now - timedelta(days=7) + timedelta(minutes=n),
                )
            )
    return out


_OPEN = frozenset({SessionStatus.PLANNED, SessionStatus.READY})
