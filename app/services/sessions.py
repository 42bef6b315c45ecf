"""A session as the form saves it: its fields, its Zoom licence and its meeting, as one
change, and what each licence says about it beforehand.

Used by the session form (in a worker: everything here reads the database, the keyring
or both) and open to the command line. Nothing is half-saved from the user's point of
view: every typed value is checked before the first write; the session and its licence
are written in one transaction (storage books the licence under the rules there); the
meeting is written last, and if that fails the session is put back as it was (a new one
is removed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final, Literal

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.licences import (
    NEW_SESSION,
    Booking,
    LicenceClashError,
    choose_free_licence,
    licence_fits,
)
from app.core.models import Licence, MeetingRecord, SessionDraft
from app.core.secrets import SecretKind
from app.core.sessions import validate_draft
from app.errors import RegieError, ValidationError
from app.storage.bookings import ATTEMPTS, REACH
from app.zoom.launch import ZoomLauncher, clean_join_url, normalise_meeting_id, parse_join_link
from app.zoom.vault import clean_secret

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)

AUTO: Final = "auto"
# A licence id, the best free licence at save time, or no licence.
LicenceChoice = int | Literal["auto"] | None


@dataclass(frozen=True, slots=True)
class MeetingEntry:
    """The meeting as typed in the form, not yet checked. No ID and no link: the session
    has no meeting (a recorded one is forgotten, its passcode with it)."""

    meeting_id: str = ""
    join_url: str = ""
    # A new passcode; None keeps the one in the keyring unless `remove_passcode`.
    passcode: str | None = field(default=None, repr=False)
    remove_passcode: bool = False


@dataclass(frozen=True, slots=True)
class LicenceOptions:
    """Every licence with why it cannot carry the session (None: it can), and what the
    best free choice would book now, or why there is none."""

    fits: list[tuple[Licence, LicenceClashError | None]]
    best: Licence | None
    no_best: RegieError | None = None


@dataclass(frozen=True, slots=True)
class SavedSession:
    session_id: int
    licence_id: int | None
    meeting: MeetingRecord | None


@dataclass(frozen=True, slots=True)
class _Meeting:
    meeting_id: str
    join_url: str | None
    passcode: str | None = field(repr=False)
    keep_passcode: bool


def _booking(session_id: int, d: SessionDraft) -> Booking:
    return Booking(
        session_id, d.title, d.branch_id, d.start, d.end, d.capacity, d.licence_id, d.status
    )


def licence_options(
    services: Services, session_id: int | None, draft: SessionDraft
) -> LicenceOptions:
    """How each licence would take the session as typed (`session_id` None: a new one)."""
    f = services.licences
    policy = f.service.policy()
    licences = f.service.licences()
    candidate = _booking(session_id or NEW_SESSION, draft)
    books = f.repo.bookings(draft.start - REACH, draft.end + REACH)
    before = None
    if session_id is not None:
        before = _booking(session_id, services.sessions.get(session_id))
    fits = licence_fits(licences, candidate, books, policy, before=before)
    try:
        return LicenceOptions(fits, choose_free_licence(licences, candidate, books, policy))
    except RegieError as err:
        return LicenceOptions(fits, None, err)


def check_meeting(entry: MeetingEntry) -> _Meeting | None:
    """The meeting to record, checked without writing anything; None for no meeting.
    The meeting ID may come from the join link, which must then be for that meeting."""
    typed_id = entry.meeting_id.strip()
    typed_url = entry.join_url.strip()
    passcode = entry.passcode or ""
    link_id: str | None = None
    url: str | None = None
    if typed_url:
        try:
            link = parse_join_link(typed_url)
        except ValidationError:
            if not typed_id:
                raise
            url = clean_join_url(typed_url)  # a link naming no meeting (a personal room)
        else:
            link_id, url = link.meeting_id, link.join_url
            if not passcode.strip() and link.passcode:
                passcode = link.passcode
    if not typed_id and link_id is None:
        if passcode.strip():
            raise ValidationError(
                "meeting_id",
                _N("errors", "A passcode needs its meeting ID."),
                _N("errors", "Type the meeting ID, or paste the join link."),
            )
        return None
    meeting_id = normalise_meeting_id(typed_id) if typed_id else str(link_id)
    if link_id is not None and link_id != meeting_id:
        raise ValidationError(
            "join_url",
            _N("errors", "The join link is for meeting {link}, not {meeting}."),
            _N("errors", "Paste the link of this meeting, or correct its ID."),
            link=link_id,
            meeting=meeting_id,
        )
    value = clean_secret(SecretKind.PASSCODE, passcode) if passcode.strip() else None
    return _Meeting(meeting_id, url, value, keep_passcode=not entry.remove_passcode)


def save_session(
    services: Services,
    session_id: int | None,
    draft: SessionDraft,
    *,
    licence: LicenceChoice,
    meeting: MeetingEntry | None = None,
) -> SavedSession:
    """Create (`session_id` None) or update a session with its licence and meeting.

    `licence` replaces the draft's; AUTO books the best free licence (the choice of
    `regie sessions assign --auto`). `meeting` None leaves the meeting as it is. Raises the
    first refusal (a rule, a clash, the keyring), having kept or restored what was there.
    """
    draft = validate_draft(draft)
    checked = check_meeting(meeting) if meeting is not None else None
    f = services.licences
    if checked is not None and checked.passcode is not None:
        f.secrets.require_usable()
    before = services.sessions.get(session_id) if session_id is not None else None
    licence_id: int | None = None
    saved_id = session_id
    for attempt in range(ATTEMPTS):
        licence_id = _chosen(services, session_id, draft, licence)
        try:
            saved_id = _write(services, session_id, replace(draft, licence_id=licence_id))
            break
        except LicenceClashError:
            # Booked by someone else since the choice: choose again on what is booked now.
            if licence != AUTO or attempt == ATTEMPTS - 1:
                raise
    assert saved_id is not None
    if meeting is not None:
        try:
            _record(f.launcher, saved_id, checked)
        except BaseException:
            _undo(services, saved_id, before)
            raise
    return SavedSession(saved_id, licence_id, f.launcher.meeting(saved_id))


def _chosen(
    services: Services, session_id: int | None, draft: SessionDraft, licence: LicenceChoice
) -> int | None:
    if licence != AUTO:
        return licence
    f = services.licences
    candidate = _booking(session_id or NEW_SESSION, draft)
    books = f.repo.bookings(draft.start - REACH, draft.end + REACH)
    return choose_free_licence(f.service.licences(), candidate, books, f.service.policy()).id


def _write(services: Services, session_id: int | None, draft: SessionDraft) -> int:
    if session_id is None:
        return services.sessions.create(draft)
    services.sessions.update(session_id, draft)
    return session_id


def _record(launcher: ZoomLauncher, session_id: int, meeting: _Meeting | None) -> None:
    if meeting is None:
        launcher.clear_meeting(session_id)
        return
    launcher.set_meeting(
        session_id,
        meeting.meeting_id,
        meeting.passcode,
        meeting.join_url,
        keep_passcode=meeting.keep_passcode,
    )


def _undo(services: Services, session_id: int, before: SessionDraft | None) -> None:
    """Put the session back as it was before this save (remove it if it is new)."""
    try:
        if before is None:
            services.session_repo.discard(session_id)
        else:
            services.session_repo.update(session_id, before)
    except Exception as err:  # the failure being reported is the first one
        log.warning(
            "session %s not restored after a failed save: %s", session_id, type(err).__name__
        )
