"""How a readiness step is said: a symbol and a word for each state, so the desk, its
printed sheet and the command line never rely on colour alone, and the words of a step
(its detail, the time a check was made) read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.core.checks import VERDICT_LABELS, Verdict, device_words
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.readiness import CTX, STEP_LABELS, Step, StepKey, StepState

# (context, English source) → the text in the interface language.
Translate = Callable[[str, str], str]

STATE_LABELS: dict[StepState, str] = {
    StepState.DONE: _N("readiness", "Done"),
    StepState.WARNING: _N("readiness", "To look at"),
    StepState.FAILED: _N("readiness", "Problem"),
    StepState.TODO: _N("readiness", "To do"),
    StepState.SKIPPED: _N("readiness", "Skipped"),
    StepState.NOT_NEEDED: _N("readiness", "Not needed"),
}

STATE_SYMBOLS: dict[StepState, str] = {
    StepState.DONE: "✔",
    StepState.WARNING: "▲",
    StepState.FAILED: "✖",
    StepState.TODO: "○",
    StepState.SKIPPED: "↷",
    StepState.NOT_NEEDED: "–",
}

READY_TEXT = _N("readiness", "Ready to launch")
NOT_READY_TEXT = _N("readiness", "Not ready")
READY_BY_HAND_TEXT = _N("readiness", "Ready (set by hand: {reason})")


def when_text(at: datetime, now: datetime) -> str:
    """A check's time: the hour on the same day, the date and hour otherwise."""
    local = at.astimezone()
    if local.date() == now.astimezone().date():
        return f"{local:%H:%M}"
    return f"{local:%d/%m %H:%M}"


def is_device(step: Step) -> bool:
    return step.key in (StepKey.CAMERA, StepKey.SOUND)


_DEVICE_VERDICT = {
    StepState.DONE: Verdict.PASS,
    StepState.WARNING: Verdict.WARN,
    StepState.FAILED: Verdict.FAIL,
}


def _source(_context: str, text: str) -> str:
    return text


# How a step's name, state word and detail are put together (French puts a space
# before the colon).
SHORT_TEXT = _N("readiness", "{label}: {word}")
FULL_TEXT = _N("readiness", "{short} — {detail}")


@dataclass(frozen=True, slots=True)
class StepWords:
    """A step as it is said: "✔ Camera: OK — 09:12 · Logitech C920"."""

    step: Step
    symbol: str
    label: str  # "Camera"
    word: str  # "OK", "To do", "Skipped"…
    detail: str  # "09:12 · Logitech C920", "3/7 steps at t-30", "Skipped: no camera here"
    short: str  # "✔ Camera: OK"
    full: str  # short, then the detail


def describe(step: Step, now: datetime, say: Translate = _source) -> StepWords:
    """The words of a step; a device check says its verdict, when and with what."""
    label = say(CTX, STEP_LABELS[step.key])
    word = say(CTX, STATE_LABELS[step.state])
    detail = say(CTX, step.detail).format(**step.params) if step.detail else ""
    if is_device(step) and step.at is not None and step.state in _DEVICE_VERDICT:
        word = say("labels", VERDICT_LABELS[_DEVICE_VERDICT[step.state]])
        device = device_words(step.params.get("device", ""), say,
                              camera=step.key is StepKey.CAMERA)
        detail = " · ".join(x for x in (when_text(step.at, now), device) if x)
    symbol = STATE_SYMBOLS[step.state]
    short = f"{symbol} " + say(CTX, SHORT_TEXT).format(label=label, word=word)
    full = say(CTX, FULL_TEXT).format(short=short, detail=detail) if detail else short
    return StepWords(step, symbol, label, word, detail, short, full)
