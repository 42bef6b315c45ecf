"""The kinds of secret a licence or meeting has. The values live in the keyring only; the
database and every other adapter speak of them by kind and reference."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.i18n import QT_TRANSLATE_NOOP as _N


class SecretKind(StrEnum):
    PASSWORD = "password"  # noqa: S105 - a kind, not a secret; the Zoom account's password
    HOST_KEY = "host-key"  # claims host in a meeting started by someone else
    PASSCODE = "passcode"  # a meeting's passcode


KIND_LABELS: dict[SecretKind, str] = {
    SecretKind.PASSWORD: _N("labels", "Account password"),
    SecretKind.HOST_KEY: _N("labels", "Host key"),
    SecretKind.PASSCODE: _N("labels", "Meeting passcode"),
}


@dataclass(frozen=True, slots=True)
class SecretChange:
    """A secret typed by the user (value) or a request to delete it (value None)."""

    kind: SecretKind
    value: str | None
