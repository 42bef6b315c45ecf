"""Every colour Régie draws text or a focus frame in, with the background it is drawn on.

Kept in one place so that a test can hold each text/background pair to WCAG 2.2 AA's
4.5:1 (tests/ui/test_contrast.py). Colour never says anything alone: symbols and words
say the same.
"""

from __future__ import annotations

from typing import NamedTuple


class Pair(NamedTuple):
    """Text (or frame) colour and the background under it."""

    fg: str
    bg: str


PASS = Pair("#1b7a2f", "#e3f4e6")  # ✔ verdicts and steps done
WARN = Pair("#8a5300", "#fff1d6")  # ▲ to watch
FAIL = Pair("#a31515", "#fde4e4")  # ✖ problems
TODO = Pair("#2b2b2b", "#eeeeee")
SKIPPED = Pair("#3d3d8f", "#ebebf7")
NOT_NEEDED = Pair("#5a5a5a", "#fafafa")
BANNER = Pair("#5c3b00", "#fff1d6")  # the window's lasting warnings
BANNER_EDGE = "#8a5300"
PREVIEW = Pair("#dddddd", "#202020")  # the camera preview's placeholder text
BOOKED = Pair("#ffffff", "#2f5d8a")  # a booking's bar in the licences' planning

# Text drawn straight on the window's or a list's own background (the palette's Window,
# Base and AlternateBase colours).
OK_TEXT = "#1b7a2f"
ERROR_TEXT = "#a31515"
NOT_READY_TEXT = "#5c3b00"
CANCELLED_TEXT = "#595959"  # cancelled sessions, greyed but readable
FREE_TEXT = "#2e4a33"  # "free" on the planning's gaps
FREE_EDGE = "#4f7356"

# The keyboard focus frame: a dark ring with a light one inside, seen on any background.
FOCUS = Pair("#1a4f8b", "#ffffff")

PAIRS: dict[str, Pair] = {
    "pass": PASS, "warn": WARN, "fail": FAIL, "todo": TODO, "skipped": SKIPPED,
    "not needed": NOT_NEEDED, "banner": BANNER, "preview": PREVIEW, "booked": BOOKED,
    "focus": FOCUS,
}
ON_WINDOW: dict[str, str] = {
    "ok": OK_TEXT, "error": ERROR_TEXT, "not ready": NOT_READY_TEXT,
    "cancelled": CANCELLED_TEXT, "free": FREE_TEXT, "focus": FOCUS.fg,
}


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    h = colour.lstrip("#")
    r, g, b = (linear(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
