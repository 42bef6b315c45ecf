"""Zoom secrets in the operating system's keyring, and nowhere else.

Where the secrets go: the `keyring` library's backend for the platform (Windows
Credential Manager, macOS Keychain, the Secret Service on Linux), under the service name
`SERVICE` ("regie"). Each entry's user name is a *reference* such as
`3f2a…/licence/4/host-key`; the database keeps only that reference. The first part is a
random identifier of the network's database, so two databases on one computer (a
training copy, the demo) never read each other's secrets.

No silent fallback: a plaintext backend (`keyrings.alt`, keyring's own null/fail
backends) is reported as unusable and nothing is written.

Size limit: Windows Credential Manager stores at most 2560 bytes per credential and
keyring writes the secret there as UTF-16, so a secret may take at most 2560 bytes in
UTF-16 (1280 ordinary characters) on every platform — a licence set up on Linux then
works on Windows too.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N

# Masking lives in core, so that the crash handler masks without loading this module.
from app.core.masking import MASK as MASK  # re-exported
from app.core.masking import mark_secret as mark_secret
from app.core.masking import mask_secrets as mask_secrets
from app.core.secrets import KIND_LABELS as KIND_LABELS  # re-exported
from app.core.secrets import SecretKind as SecretKind
from app.errors import RegieError, ValidationError

log = logging.getLogger(__name__)

# Keyring backends make no promise about threads (Secret Service talks D-Bus over one
# connection), and the app reaches the keyring from several workers: one call at a time.
_KEYRING_LOCK = threading.RLock()

CTX = "vault"
SERVICE = "regie"
MAX_SECRET_BYTES = 2560  # Windows CRED_MAX_CREDENTIAL_BLOB_SIZE, counted in UTF-16
SETTING_NAMESPACE = "zoom.vault_namespace"
_PROBE = "health-probe"

# Backends that would keep secrets readable on disk, or not at all.
_REFUSED_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")
_REFUSED_NAMES = ("plaintext", "uncrypted", "unencrypted", "null", "fail")


class VaultState(StrEnum):
    USABLE = "usable"
    LOCKED = "locked"
    MISSING = "missing"  # no backend, or only an unsafe one
    BROKEN = "broken"  # a backend that fails for another reason


@dataclass(frozen=True, slots=True)
class VaultHealth:
    state: VaultState
    backend: str
    message: str
    fix: str

    @property
    def usable(self) -> bool:
        return self.state is VaultState.USABLE

    def as_json(self) -> dict[str, object]:
        return {
            "state": self.state.value,
            "usable": self.usable,
            "backend": self.backend,
            "service": SERVICE,
            "message": self.message,
            "fix": self.fix,
        }


class VaultError(RegieError):
    """The keyring refused or is unavailable. Never carries the secret."""

    context = CTX

    def __init__(
        self, message: str, fix: str, *, state: VaultState, cli_fix: str = "", **params: object
    ) -> None:
        self.state = state
        super().__init__(message, fix, cli_fix=cli_fix, **params)


class CredentialVault(Protocol):
    """Where secrets live. `ref` is a reference (no secret in it); values never leave."""

    def health(self) -> VaultHealth: ...
    def put(self, ref: str, secret: str) -> None: ...
    def get(self, ref: str) -> str | None: ...
    def delete(self, ref: str) -> None: ...


# ------------------------------------------------------------------ validation
_HOST_KEY = re.compile(r"^\d{6,10}$")
_PASSCODE = re.compile(r"^[A-Za-z0-9@*_.\-]{1,10}$")
# The passcode as an invitation link carries it (`?pwd=…`): an encoded form Zoom accepts
# in the same place, longer than what people type.
_LINK_PASSCODE = re.compile(r"^[A-Za-z0-9_.\-]{11,64}$")


def clean_secret(kind: SecretKind, value: str) -> str:
    """The secret as it will be stored, or ValidationError (the message never quotes it)."""
    value = value.strip("\r\n")
    mark_secret(value.strip())  # refused or not, it was typed as a secret
    if kind is SecretKind.HOST_KEY or kind is SecretKind.PASSCODE:
        value = value.strip()
    if not value:
        raise ValidationError(
            kind.value,
            _N("errors", "The secret is empty."),
            _N("errors", "Type it again; nothing was saved."),
            kind=kind.value,
        )
    if len(value.encode("utf-16-le")) > MAX_SECRET_BYTES:
        raise ValidationError(
            kind.value,
            _N(
                "errors",
                "The secret is too long for the keyring ({size} bytes; at most {max} "
                "bytes, about {chars} characters).",
            ),
            _N("errors", "Check what was pasted; nothing was saved."),
            kind=kind.value,
            size=len(value.encode("utf-16-le")),
            max=MAX_SECRET_BYTES,
            chars=MAX_SECRET_BYTES // 2,
        )
    if kind is SecretKind.HOST_KEY and not _HOST_KEY.match(value):
        raise ValidationError(
            kind.value,
            _N("errors", "A host key is 6 to 10 digits."),
            _N("errors", "Copy it from the Zoom profile page (Profile › Host key)."),
        )
    if kind is SecretKind.PASSCODE and not (
        _PASSCODE.match(value) or _LINK_PASSCODE.match(value)
    ):
        raise ValidationError(
            kind.value,
            _N("errors", "A Zoom passcode has 1 to 10 letters, digits or @ * _ - ."),
            _N("errors", "Copy it from the meeting invitation."),
        )
    return value


# ------------------------------------------------------------------ keyring backend
def _backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _unsafe(backend: Any) -> bool:
    parts = [backend]
    parts.extend(getattr(backend, "backends", []) or [])  # the chainer's members
    for b in parts:
        name = _backend_name(b).lower()
        if name.startswith(_REFUSED_MODULES) or any(w in name for w in _REFUSED_NAMES):
            return True
    members = getattr(backend, "backends", None)
    return members is not None and not members  # an empty chain stores nothing


def failure_state(err: BaseException) -> VaultState:
    """What a keyring failure means, the one reading of it for the health check and every
    operation: locked (also a keyring never created, whose creation prompt was
    dismissed: keyring's InitError), missing, or broken."""
    from keyring import errors as kerr

    if isinstance(err, kerr.KeyringLocked | kerr.InitError):
        return VaultState.LOCKED
    if isinstance(err, kerr.NoKeyringError):
        return VaultState.MISSING
    return VaultState.BROKEN


_MISSING = VaultHealth(
    VaultState.MISSING,
    "",
    _N("vault", "No secure password store is available on this computer."),
    _N(
        "vault",
        "On Windows and macOS it is built in; on Linux install and start GNOME Keyring or "
        "KWallet, then restart Régie. Zoom secrets cannot be saved until then.",
    ),
)


class KeyringVault:
    """The real vault, through the `keyring` library.

    `backend` is injected by tests; by default keyring's own choice for the platform.
    """

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def health(self) -> VaultHealth:
        """Usable, locked or missing — checked by writing, reading and deleting a probe."""
        try:
            backend = self._keyring()
        except Exception:  # keyring's own start-up failure: treat as no backend
            log.debug("keyring backend could not be loaded", exc_info=True)
            return _MISSING
        name = _backend_name(backend)
        if _unsafe(backend):
            return VaultHealth(VaultState.MISSING, name, _MISSING.message, _MISSING.fix)
        probe = uuid.uuid4().hex
        entry = f"{_PROBE}/{probe}"  # one entry per check: two checks at once must not collide
        try:
            with _KEYRING_LOCK:
                backend.set_password(SERVICE, entry, probe)
                ok = backend.get_password(SERVICE, entry) == probe
                backend.delete_password(SERVICE, entry)
        except Exception as err:
            state = failure_state(err)
            if state is VaultState.LOCKED:
                return VaultHealth(
                    VaultState.LOCKED,
                    name,
                    _N("vault", "The password store is locked."),
                    _N(
                        "vault",
                        "Unlock it (log in again, or open “Passwords and Keys”), then check "
                        "again.",
                    ),
                )
            if state is VaultState.MISSING:
                return VaultHealth(VaultState.MISSING, name, _MISSING.message, _MISSING.fix)
            log.debug("keyring probe failed: %s", type(err).__name__)
            ok = False
        if not ok:
            return VaultHealth(
                VaultState.BROKEN,
                name,
                _N("vault", "The password store does not answer correctly."),
                _N("vault", "Restart the computer; if it persists, call your technician."),
            )
        return VaultHealth(
            VaultState.USABLE,
            name,
            _N("vault", "Zoom secrets are kept in the system's password store."),
            "",
        )

    def health_apart(self, timeout: float = 60.0) -> VaultHealth:
        """`health()`, checked by `regie licences check-vault --json` in a child process
        for the platform's keyring: its libraries (some 20 MB) stay out of a process that
        may never need them. In this process when a backend was given, or when the child
        gives no answer."""
        if self._backend is None:
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "app", "licences", "check-vault", "--json"],
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    check=False,
                )
                answer = json.loads(done.stdout)
                return VaultHealth(
                    VaultState(answer["state"]),
                    str(answer["backend"]),
                    str(answer["message"]),
                    str(answer["fix"]),
                )
            except (OSError, subprocess.SubprocessError, ValueError, KeyError, TypeError):
                log.debug("keyring check in a child process failed", exc_info=True)
        return self.health()

    def put(self, ref: str, secret: str) -> None:
        mark_secret(secret)
        self._call("set_password", ref, secret)

    def get(self, ref: str) -> str | None:
        value = self._call("get_password", ref)
        if not isinstance(value, str):
            return None
        mark_secret(value)
        return value

    def delete(self, ref: str) -> None:
        from keyring import errors as kerr

        try:
            self._call("delete_password", ref)
        except VaultError as err:
            if isinstance(err.__cause__, kerr.PasswordDeleteError):
                return  # already gone: deleting is idempotent
            raise

    def _call(self, method: str, ref: str, *secret: str) -> Any:
        from keyring import errors as kerr

        backend = self._keyring()
        if _unsafe(backend):
            raise VaultError(_MISSING.message, _MISSING.fix, state=VaultState.MISSING)
        try:
            with _KEYRING_LOCK:
                return getattr(backend, method)(SERVICE, ref, *secret)
        except kerr.PasswordDeleteError as err:
            raise VaultError(
                _N("vault", "The secret was not in the password store."),
                "",
                state=VaultState.USABLE,
            ) from err
        except Exception as err:
            state = failure_state(err)
            if state is VaultState.LOCKED:
                raise VaultError(
                    _N("vault", "The password store is locked."),
                    _N("vault", "Unlock it, then try again. Nothing was changed."),
                    state=VaultState.LOCKED,
                ) from None
            if state is VaultState.MISSING:
                raise VaultError(_MISSING.message, _MISSING.fix, state=state) from None
            # The driver's message could echo its arguments: keep only the type.
            log.debug("keyring %s failed: %s", method, type(err).__name__)
            raise VaultError(
                _N("vault", "The password store refused the operation ({error})."),
                _N("vault", "Check that it is unlocked, then try again. Nothing was changed."),
                state=VaultState.BROKEN,
                error=type(err).__name__,
            ) from None


# ------------------------------------------------------------------ references
class SecretRefStore(Protocol):
    """The database side: which secrets exist, by reference only."""

    def secret_refs(self, licence_id: int) -> dict[SecretKind, str]: ...
    def set_secret_ref(self, licence_id: int, kind: SecretKind, ref: str) -> None: ...
    def drop_secret_ref(self, licence_id: int, kind: SecretKind) -> None: ...


class NamespaceSettings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


def namespace(settings: NamespaceSettings) -> str:
    """This database's random vault prefix, created on first use."""
    value = settings.get(SETTING_NAMESPACE)
    if not value:
        value = uuid.uuid4().hex
        settings.set(SETTING_NAMESPACE, value)
    return value


class LicenceSecrets:
    """Writes, replaces and deletes a licence's secrets together with its references."""

    def __init__(
        self, vault: CredentialVault, refs: SecretRefStore, prefix: Callable[[], str]
    ) -> None:
        self.vault = vault
        self._refs = refs
        self._prefix = prefix

    def licence_ref(self, licence_id: int, kind: SecretKind) -> str:
        return f"{self._prefix()}/licence/{licence_id}/{kind.value}"

    def session_ref(self, session_id: int) -> str:
        return f"{self._prefix()}/session/{session_id}/{SecretKind.PASSCODE.value}"

    def require_usable(self) -> None:
        health = self.vault.health()
        if not health.usable:
            raise VaultError(health.message, health.fix, state=health.state)

    def store(self, licence_id: int, kind: SecretKind, value: str) -> None:
        """Save (or replace) a licence secret, then record its reference."""
        value = clean_secret(kind, value)
        ref = self.licence_ref(licence_id, kind)
        self.vault.put(ref, value)
        self._refs.set_secret_ref(licence_id, kind, ref)

    def remove(self, licence_id: int, kind: SecretKind) -> None:
        ref = self._refs.secret_refs(licence_id).get(kind) or self.licence_ref(licence_id, kind)
        self.vault.delete(ref)
        self._refs.drop_secret_ref(licence_id, kind)

    def remove_all(self, licence_id: int) -> None:
        for kind in (SecretKind.PASSWORD, SecretKind.HOST_KEY):
            self.remove(licence_id, kind)

    def read(self, licence_id: int, kind: SecretKind) -> str | None:
        ref = self._refs.secret_refs(licence_id).get(kind)
        return None if ref is None else self.vault.get(ref)

    def kinds(self, licence_id: int) -> list[SecretKind]:
        """Which secrets the database says exist (no keyring access)."""
        return sorted(self._refs.secret_refs(licence_id), key=list(SecretKind).index)
