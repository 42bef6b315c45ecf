"""Secrets kept out of logs and crash reports: URL passcodes and passwords, and every
secret the keyring vault has stored or handed out in this process (in memory only)."""

from __future__ import annotations

import re
import threading

MASK = "****"
# A Zoom passcode in a join or client URL (`…?pwd=…`), and a password in a URL's
# user part (`postgresql://user:…@host`).
_PWD_QUERY = re.compile(r"(?i)(\bpwd=)[^&\s'\"#]+")
_URL_PASSWORD = re.compile(r"(://[^:/@\s'\"]+:)[^@\s'\"]+(@)")
_marked: set[str] = set()
_marked_lock = threading.Lock()


def mark_secret(value: str) -> None:
    """Remember that `value` is a secret (the vault stored or handed it out), so that
    `mask_secrets` hides it wherever it turns up. Kept in memory only."""
    if value:
        with _marked_lock:
            _marked.add(value)


def mask_secrets(text: str) -> str:
    """`text` for logs and crash reports: URL passcodes and passwords, and every secret
    the vault has handled in this process, replaced by MASK."""
    text = _PWD_QUERY.sub(rf"\g<1>{MASK}", text)
    text = _URL_PASSWORD.sub(rf"\g<1>{MASK}\g<2>", text)
    with _marked_lock:
        secrets = sorted(_marked, key=len, reverse=True)
    if secrets:
        # Whole tokens only: a short passcode ("2024") leaves longer numbers alone.
        alternatives = "|".join(re.escape(s) for s in secrets)
        text = re.sub(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", MASK, text)
    return text
