"""Aujourd'hui's choices remembered on this computer (the branch, how many days): read
by the first screen before the Aujourd'hui area and its services load."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTING_BRANCH = "today/branch"  # a branch code, or WHOLE_NETWORK
SETTING_DAYS = "today/days"
WHOLE_NETWORK = "*"
DEFAULT_DAYS = 3
MAX_DAYS = 14


def saved_branch() -> str | None:
    """The branch code chosen once on this computer (WHOLE_NETWORK), None if never."""
    value = QSettings().value(SETTING_BRANCH)
    return str(value) if value else None


def save_branch(code: str) -> None:
    QSettings().setValue(SETTING_BRANCH, code)


def saved_days() -> int:
    raw = QSettings().value(SETTING_DAYS, DEFAULT_DAYS)
    try:
        days = int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_DAYS
    return days if 1 <= days <= MAX_DAYS else DEFAULT_DAYS


def save_days(days: int) -> None:
    QSettings().setValue(SETTING_DAYS, days)


def glance_branch() -> str | None:
    """The branch the first screen shows: the remembered one, None for the network."""
    code = saved_branch()
    return None if code in (None, WHOLE_NETWORK) else code
