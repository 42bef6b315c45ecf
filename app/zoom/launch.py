"""Launching a session's Zoom meeting: which URL to open, what to copy, what to say.

No Qt here: `ZoomLauncher.prepare` gathers the meeting and its secrets into a
`LaunchPlan`; the window opens the plan's URL through the desktop's URL handler (the CLI
through the system opener), copies the host key, and reports the plan's next steps.
Secrets stay out of every printable form: `masked` URLs for logs and dry runs, and the
plan's repr hides them.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import MeetingRecord, SessionRow, SessionStatus
from app.core.sessions import SessionService
from app.errors import RegieError, ValidationError
from app.zoom.vault import (
    MASK,
    CredentialVault,
    LicenceSecrets,
    SecretKind,
    VaultError,
    VaultState,
    clean_secret,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

DEFAULT_HOST = "zoom.us"
_MEETING_ID = re.compile(r"^\d{9,11}$")


# ------------------------------------------------------------------ URLs
def normalise_meeting_id(value: str) -> str:
    """Digits only ("123 4567 8901" → "12345678901"), or ValidationError."""
    digits = re.sub(r"[\s.\-]", "", value)
    if not _MEETING_ID.match(digits):
        raise ValidationError(
            "meeting_id",
            _N("errors", "“{value}” is not a Zoom meeting ID (9 to 11 digits)."),
            _N("errors", "Copy the meeting ID from the Zoom invitation."),
            value=value.strip()[:40],
        )
    return digits


def clean_join_url(url: str) -> str:
    """The join link without its embedded passcode (`pwd`), which is a secret."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname or "zoom" not in parts.hostname:
        raise ValidationError(
            "join_url",
            _N("errors", "The join link must be a Zoom https:// address."),
            _N("errors", "Copy the link from the Zoom invitation (https://…zoom.us/j/…)."),
        )
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "pwd"]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# Where the meeting ID sits in a join link's path: /j/<id> (meeting), /w/<id> (webinar),
# /s/<id> (start), /wc/join/<id> and /wc/<id>/join (web client).
_LINK_ID = re.compile(r"/(?:j|w|s|wc|wc/join)/(\d{9,11})(?:/|$)")
_LINK_IN_TEXT = re.compile(r"https://\S+")


@dataclass(frozen=True, slots=True)
class JoinLink:
    """What a pasted invitation link says: the meeting, its passcode, the link without it."""

    meeting_id: str
    join_url: str
    passcode: str | None = field(default=None, repr=False)


def parse_join_link(text: str) -> JoinLink:
    """The meeting ID and passcode of a Zoom join link (`https://…zoom.us/j/<id>?pwd=…`),
    also when the link is pasted with the invitation around it. The returned `join_url`
    has no passcode in it; ValidationError when the text holds no Zoom meeting link."""
    text = text.strip()
    found = _LINK_IN_TEXT.search(text)
    url = (found.group(0) if found else text).rstrip(".,;)>»”\"'")
    cleaned = clean_join_url(url)
    match = _LINK_ID.search(urlsplit(cleaned).path)
    if match is None:
        raise ValidationError(
            "join_url",
            _N("errors", "This Zoom link does not name a meeting."),
            _N("errors", "Copy the link from the Zoom invitation (https://…zoom.us/j/…)."),
        )
    pwd = next((v for k, v in parse_qsl(urlsplit(url).query) if k.lower() == "pwd"), "")
    passcode = clean_secret(SecretKind.PASSCODE, pwd) if pwd.strip() else None
    return JoinLink(match.group(1), cleaned, passcode)


def join_host(join_url: str | None) -> str:
    """The account's Zoom domain (vanity domains such as bm.zoom.us), zoom.us by default."""
    if join_url:
        host = urlsplit(join_url).hostname
        if host:
            return host
    return DEFAULT_HOST


def client_url(
    meeting_id: str, passcode: str | None, display_name: str | None, host: str = DEFAULT_HOST
) -> str:
    """`zoommtg://zoom.us/join?action=join&confno=…&pwd=…&uname=…` for the Zoom client."""
    query: list[tuple[str, str]] = [("action", "join"), ("confno", meeting_id)]
    if passcode:
        query.append(("pwd", passcode))
    if display_name:
        query.append(("uname", display_name))
    return f"zoommtg://{host}/join?" + urlencode(query, quote_via=quote)


def web_url(meeting_id: str, passcode: str | None, host: str = DEFAULT_HOST) -> str:
    """`https://zoom.us/j/<id>?pwd=…`: joins from the browser when no client is installed."""
    url = f"https://{host}/j/{meeting_id}"
    return url + ("?" + urlencode([("pwd", passcode)], quote_via=quote) if passcode else "")


def mask_url(url: str) -> str:
    """The URL with its passcode replaced by a mask, for logs and dry runs."""
    parts = urlsplit(url)
    query = [(k, MASK if k.lower() == "pwd" else v) for k, v in parse_qsl(parts.query)]
    return urlunsplit(
        (parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote, safe="*"), "")
    )


def display_name(row: SessionRow, launched_by: str | None = None) -> str | None:
    """The name Zoom shows the participants: the session's host, else the staff member
    launching it; None when neither is known (the caller asks). Never the computer's
    account name, which says nothing to the participants and may be someone else's."""
    for name in (row.host_name, launched_by):
        if name and name.strip():
            return name.strip()
    return None


# ------------------------------------------------------------------ the plan
@dataclass(frozen=True, slots=True)
class Step:
    """A sentence for the person launching: English source marked for translation."""

    text: str
    params: dict[str, object] = field(default_factory=dict)

    def english(self) -> str:
        return self.text.format(**self.params)


@dataclass(frozen=True, slots=True)
class LaunchPlan:
    session_id: int
    title: str
    meeting_id: str
    licence_label: str | None
    client_url: str = field(repr=False)
    web_url: str = field(repr=False)
    # The name participants see: the session's host, else the staff member launching.
    display_name: str | None = None
    host_key: str | None = field(repr=False, default=None)
    has_passcode: bool = False
    has_host_key: bool = False
    next_steps: tuple[Step, ...] = ()

    @property
    def masked_client_url(self) -> str:
        return mask_url(self.client_url)

    @property
    def masked_web_url(self) -> str:
        return mask_url(self.web_url)

    def uncopied(self) -> LaunchPlan:
        """The plan where nothing is put on the clipboard (the command line): the host
        key is typed, not pasted."""
        if self.licence_label is None:
            return self
        pasted = step_claim_host(self.licence_label)
        typed = step_claim_host(self.licence_label, copied=False)
        steps = tuple(typed if step == pasted else step for step in self.next_steps)
        return dataclasses.replace(self, next_steps=steps)

    def as_json(self) -> dict[str, object]:
        """Printable: secrets masked, the host key only said to exist."""
        return {
            "session_id": self.session_id,
            "title": self.title,
            "meeting_id": self.meeting_id,
            "licence": self.licence_label,
            "display_name": self.display_name,
            "client_url": self.masked_client_url,
            "web_url": self.masked_web_url,
            "passcode": MASK if self.has_passcode else None,
            "host_key": MASK if self.has_host_key else None,
            "next_steps": [s.english() for s in self.next_steps],
        }


class MeetingStore(Protocol):
    def meeting(self, session_id: int) -> MeetingRecord | None: ...
    def set_meeting(self, record: MeetingRecord) -> None: ...
    def delete_meeting(self, session_id: int) -> None: ...


def step_claim_host(licence: str, *, copied: bool = True) -> Step:
    """Claiming host: with the key the window has copied, or (the command line copies
    nothing) with the key typed from where the licence's owner sees it."""
    if not copied:
        return Step(
            _N(
                "launch",
                "In Zoom, open Participants, choose “Claim host” and type the host key of "
                "“{licence}” (on that account's Zoom profile page; Régie's window copies "
                "it for you).",
            ),
            {"licence": licence},
        )
    return Step(
        _N(
            "launch",
            "In Zoom, open Participants, choose “Claim host” and paste the host key of "
            "“{licence}” (Ctrl+V).",
        ),
        {"licence": licence},
    )


def step_no_host_key(licence: str) -> Step:
    return Step(
        _N(
            "launch",
            "No host key for “{licence}” is saved on this computer: sign in to Zoom with "
            "the licence's account, or ask the coordinator to add the host key in Licences.",
        ),
        {"licence": licence},
    )


STEP_NO_LICENCE = Step(
    _N(
        "launch",
        "This session has no licence, so no host key is ready: choose one in Sessions › "
        "Edit › Licence and meeting.",
    )
)
# The command line's way to enter a meeting (the window's is in the messages).
CLI_MEETING_FIX = _N(
    "errors",
    "Enter its meeting ID and passcode with "
    "“regie sessions meeting {id} --meeting-id … --passcode-stdin”.",
)


class ZoomLauncher:
    """Prepares launches and records a session's meeting; opening is left to the caller."""

    def __init__(
        self, sessions: SessionService, meetings: MeetingStore, secrets: LicenceSecrets
    ) -> None:
        self._sessions = sessions
        self._meetings = meetings
        self._secrets = secrets

    @property
    def vault(self) -> CredentialVault:
        return self._secrets.vault

    def meeting(self, session_id: int) -> MeetingRecord | None:
        """The session's recorded meeting (the passcode only by its keyring reference)."""
        return self._meetings.meeting(session_id)

    def set_meeting(
        self,
        session_id: int,
        meeting_id: str,
        passcode: str | None,
        join_url: str | None,
        *,
        keep_passcode: bool = False,
    ) -> None:
        """Record the meeting; the passcode goes to the keyring, the DB keeps its reference.

        Without a `passcode` the stored one is removed, unless `keep_passcode`. All or
        nothing: when the record cannot be written the keyring gets its previous passcode
        back, and a passcode leaves the keyring only once no record refers to it.
        """
        mid = normalise_meeting_id(meeting_id)
        url = clean_join_url(join_url) if join_url else None
        value = clean_secret(SecretKind.PASSCODE, passcode) if passcode else None
        self._sessions.get(session_id)  # a clear error for an unknown session
        old = self._meetings.meeting(session_id)
        old_ref = old.passcode_ref if old is not None else None
        if value is None:
            ref = old_ref if keep_passcode else None
            self._meetings.set_meeting(MeetingRecord(session_id, mid, url, ref))
        else:
            ref = self._secrets.session_ref(session_id)
            previous = self.vault.get(ref)
            self.vault.put(ref, value)
            try:
                self._meetings.set_meeting(MeetingRecord(session_id, mid, url, ref))
            except BaseException:
                self._put_back(ref, previous)
                raise
        if old is not None and old_ref is not None and old_ref != ref:
            self._forget(old_ref, old)

    def clear_meeting(self, session_id: int) -> None:
        """Forget the session's meeting and its passcode (nothing happens without one)."""
        old = self._meetings.meeting(session_id)
        if old is None:
            return
        self._meetings.delete_meeting(session_id)
        if old.passcode_ref is not None:
            self._forget(old.passcode_ref, old)

    def _forget(self, ref: str, old: MeetingRecord) -> None:
        """Delete a passcode no record refers to any more; if the keyring refuses, the
        record that referred to it is written back, so the two still agree."""
        try:
            self.vault.delete(ref)
        except BaseException:
            self._meetings.set_meeting(old)
            raise

    def _put_back(self, ref: str, previous: str | None) -> None:
        try:
            if previous is None:
                self.vault.delete(ref)
            else:
                self.vault.put(ref, previous)
        except Exception as err:  # the first failure is the one to report
            log.warning("passcode of %s not restored: %s", ref, type(err).__name__)

    def prepare(
        self, session_id: int, *, with_secrets: bool = True, launched_by: str | None = None
    ) -> LaunchPlan:
        """Everything needed to open the meeting. Reads the keyring: run it off the GUI thread.

        Refused (a RegieError saying why) for a session over or cancelled, not yet or no
        longer in its launch window, or whose licence is already running another meeting.
        `with_secrets=False` (dry runs) never touches the keyring. `launched_by` is the
        staff member opening it, whose name Zoom shows when the session has no host.
        """
        row = self._sessions.row(session_id)
        if row.status in (SessionStatus.DONE, SessionStatus.CANCELLED):
            raise RegieError(
                _N("errors", "Session {id} is over or cancelled; it cannot be launched."),
                _N("errors", "Check the session number with “regie sessions list”."),
                id=session_id,
            )
        meeting = self._meetings.meeting(session_id)
        if meeting is None:
            raise RegieError(
                _N("errors", "Session {id} has no Zoom meeting yet."),
                _N(
                    "errors",
                    "Enter its meeting ID and passcode in Sessions › Edit › Licence and meeting.",
                ),
                cli_fix=CLI_MEETING_FIX,
                id=session_id,
            )
        # Before anything opens: the time window and the licence's running meetings, the
        # rules `mark_running` applies afterwards (and storage once more).
        self._sessions.check_launch(session_id)
        passcode: str | None = None
        host_key: str | None = None
        has_passcode = meeting.passcode_ref is not None
        if with_secrets:
            if meeting.passcode_ref is not None:
                passcode = self.vault.get(meeting.passcode_ref)
                if passcode is None:
                    raise VaultError(
                        _N("vault", "The passcode of session {id} is not on this computer."),
                        _N(
                            "vault",
                            "Enter the meeting's passcode again in Sessions › Edit › "
                            "Licence and meeting.",
                        ),
                        cli_fix=CLI_MEETING_FIX,
                        state=VaultState.USABLE,
                        id=session_id,
                    )
            if row.licence_id is not None:
                host_key = self._secrets.read(row.licence_id, SecretKind.HOST_KEY)
        # Placeholder values keep the dry run's URL shape; they are masked anyway.
        shown_pwd = passcode if with_secrets else (MASK if has_passcode else None)
        host = join_host(meeting.join_url)
        name = display_name(row, launched_by)
        has_host_key = host_key is not None or (
            not with_secrets
            and row.licence_id is not None
            and SecretKind.HOST_KEY in self._secrets.kinds(row.licence_id)
        )
        steps: list[Step] = []
        if row.licence_label is None:
            steps.append(STEP_NO_LICENCE)
        elif has_host_key:
            steps.append(step_claim_host(row.licence_label))
        else:
            steps.append(step_no_host_key(row.licence_label))
        return LaunchPlan(
            session_id=session_id,
            title=row.title,
            meeting_id=meeting.meeting_id,
            licence_label=row.licence_label,
            client_url=client_url(meeting.meeting_id, shown_pwd, name, host),
            web_url=web_url(meeting.meeting_id, shown_pwd, host),
            display_name=name,
            host_key=host_key,
            has_passcode=has_passcode,
            has_host_key=has_host_key,
            next_steps=tuple(steps),
        )

    def mark_running(self, session_id: int) -> None:
        """The session is running: refused (ValidationError, saying why) outside its time
        window or when its licence already carries all the meetings it can."""
        self._sessions.set_status(session_id, SessionStatus.RUNNING)


def system_open(url: str) -> bool:
    """Open a URL with the system's handler (CLI only; the window uses Qt). False when
    nothing handles it, so the caller can fall back to the web link."""
    try:
        if sys.platform == "win32":
            os.startfile(url)  # type: ignore[attr-defined]  # noqa: S606
            return True
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        done = subprocess.run([opener, url], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
