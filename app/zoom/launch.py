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

from app.config import operator_name
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
            "client_url": self.masked_client_url,
            "web_url": self.masked_web_url,
            "passcode": MASK if self.has_passcode else None,
            "host_key": MASK if self.has_host_key else None,
            "next_steps": [s.english() for s in self.next_steps],
        }


class MeetingStore(Protocol):
    def meeting(self, session_id: int) -> MeetingRecord | None: ...
    def set_meeting(self, record: MeetingRecord) -> None: ...


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
    _N("launch", "This session has no licence: assign one in Sessions so the host key is ready.")
)


class ZoomLauncher:
    """Prepares launches and records a session's meeting; opening is left to the caller."""

    def __init__(
        self,
        sessions: SessionService,
        meetings: MeetingStore,
        secrets: LicenceSecrets,
        display_name: str | None = None,
    ) -> None:
        self._sessions = sessions
        self._meetings = meetings
        self._secrets = secrets
        self._display_name = display_name

    @property
    def vault(self) -> CredentialVault:
        return self._secrets.vault

    def set_meeting(
        self, session_id: int, meeting_id: str, passcode: str | None, join_url: str | None
    ) -> None:
        """Record the meeting; the passcode goes to the keyring, the DB keeps its reference."""
        mid = normalise_meeting_id(meeting_id)
        url = clean_join_url(join_url) if join_url else None
        self._sessions.get(session_id)  # a clear error for an unknown session
        ref = None
        if passcode:
            value = clean_secret(SecretKind.PASSCODE, passcode)
            ref = self._secrets.session_ref(session_id)
            self.vault.put(ref, value)
        else:
            old = self._meetings.meeting(session_id)
            if old is not None and old.passcode_ref:
                self.vault.delete(old.passcode_ref)
        self._meetings.set_meeting(MeetingRecord(session_id, mid, url, ref))

    def prepare(self, session_id: int, *, with_secrets: bool = True) -> LaunchPlan:
        """Everything needed to open the meeting. Reads the keyring: run it off the GUI thread.

        `with_secrets=False` (dry runs) never touches the keyring.
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
                    "Enter its meeting ID and passcode (Sessions › Meeting, or "
                    "“regie sessions meeting {id} --meeting-id … --passcode-stdin”).",
                ),
                id=session_id,
            )
        passcode: str | None = None
        host_key: str | None = None
        has_passcode = meeting.passcode_ref is not None
        if with_secrets:
            if meeting.passcode_ref is not None:
                passcode = self.vault.get(meeting.passcode_ref)
                if passcode is None:
                    raise VaultError(
                        _N("vault", "The passcode of session {id} is not on this computer."),
                        _N("vault", "Enter the meeting's passcode again (Sessions › Meeting)."),
                        state=VaultState.USABLE,
                        id=session_id,
                    )
            if row.licence_id is not None:
                host_key = self._secrets.read(row.licence_id, SecretKind.HOST_KEY)
        # Placeholder values keep the dry run's URL shape; they are masked anyway.
        shown_pwd = passcode if with_secrets else (MASK if has_passcode else None)
        host = join_host(meeting.join_url)
        name = self._uname(row)
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
            host_key=host_key,
            has_passcode=has_passcode,
            has_host_key=has_host_key,
            next_steps=tuple(steps),
        )

    def mark_running(self, session_id: int) -> None:
        self._sessions.set_status(session_id, SessionStatus.RUNNING)

    def _uname(self, row: SessionRow) -> str:
        return self._display_name or row.host_name or operator_name()


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
