"""Verdicts of device checks, shared by the camera and audio checks.

A check measures criteria; each criterion gets pass/warn/fail and one sentence of advice
saying what to do. The overall verdict is the worst criterion. Results are saved against
the device (and the session, when the check was run for one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.core.i18n import QT_TRANSLATE_NOOP


class Verdict(StrEnum):
    PASS = "pass"  # noqa: S105 - a verdict, not a password
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @staticmethod
    def worst(verdicts: list[Verdict]) -> Verdict:
        """The overall verdict: the worst one, pass when there is nothing to judge."""
        return max(verdicts, key=lambda v: v.rank, default=Verdict.PASS)


_RANK = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.FAIL: 2}

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.PASS: QT_TRANSLATE_NOOP("labels", "OK"),
    Verdict.WARN: QT_TRANSLATE_NOOP("labels", "Check"),
    Verdict.FAIL: QT_TRANSLATE_NOOP("labels", "Problem"),
}

# How a saved device name is said: the simulated devices (training rooms) by what they
# are, PortAudio's "default" by that word; real names stay as the system gives them.
SIMULATED_MIC_TEXT = QT_TRANSLATE_NOOP("labels", "Simulated microphone ({name})")
SIMULATED_CAMERA_TEXT = QT_TRANSLATE_NOOP("labels", "Simulated camera ({name})")
SYSTEM_DEFAULT_TEXT = QT_TRANSLATE_NOOP("labels", "System default")
_SIMULATED_CAMERA = re.compile(r"Simulated camera \((?P<name>.*)\)")


def device_words(device: str, say: Callable[[str, str], str], *, camera: bool = False) -> str:
    """`device` as saved with a check (or listed), in the words of the interface."""
    if device.startswith("simulated:"):
        name = device.removeprefix("simulated:")
        return say("labels", SIMULATED_CAMERA_TEXT if camera else SIMULATED_MIC_TEXT).format(
            name=name)
    found = _SIMULATED_CAMERA.fullmatch(device)
    if found:
        return say("labels", SIMULATED_CAMERA_TEXT).format(name=found["name"])
    if device == "default":
        return say("labels", SYSTEM_DEFAULT_TEXT)
    return device


class CheckKind(StrEnum):
    CAMERA = "camera"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class Criterion:
    """One measured criterion. `advice` is an English source sentence (UI translates it)."""

    name: str
    value: float | int | str | bool | None
    verdict: Verdict
    advice: str = ""
    unit: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "unit": self.unit,
            "verdict": self.verdict.value,
            "advice": self.advice,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    kind: CheckKind
    device: str
    criteria: dict[str, Criterion]
    device_key: str = ""
    metrics: dict[str, object] = field(default_factory=dict)

    @property
    def verdict(self) -> Verdict:
        return Verdict.worst([c.verdict for c in self.criteria.values()])

    def as_json(self) -> dict[str, object]:
        """The stable shape `regie check ... --json` prints."""
        return {
            "kind": self.kind.value,
            "device": self.device,
            "verdict": self.verdict.value,
            "criteria": {name: c.as_json() for name, c in self.criteria.items()},
            "metrics": self.metrics,
        }


EQUIPMENT_TEST = "equipment_test"  # metrics key: filed on purpose under no session


def as_equipment_test(result: CheckResult) -> CheckResult:
    """The result, marked as a test of the equipment chosen on purpose (not a check for
    a session): the choice stays with the saved result."""
    return replace(result, metrics={**result.metrics, EQUIPMENT_TEST: True})


@dataclass(frozen=True, slots=True)
class SavedCheck:
    """A check result as stored: who ran it, when, and for which session."""

    id: int
    kind: CheckKind
    device: str
    device_key: str
    verdict: Verdict
    result: dict[str, object]
    created_at: datetime
    operator: str
    staff_id: int | None = None
    session_id: int | None = None
    device_id: int | None = None  # the inventory record it is about, when known
