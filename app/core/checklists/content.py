"""What a checklist is: content loaded from files (by `app.checklists`), with its steps,
the pause points they stop at, and the automatic checks a step may be bound to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode
from app.errors import RegieError


class PausePoint(StrEnum):
    """The moments a checklist stops for: before, just before, at the start, after."""

    T30 = "T-30"
    T5 = "T-5"
    START = "start"
    END = "end"


PAUSE_ORDER: tuple[PausePoint, ...] = tuple(PausePoint)
PAUSE_LABELS: dict[PausePoint, str] = {
    PausePoint.T30: _N("labels", "30 minutes before"),
    PausePoint.T5: _N("labels", "5 minutes before"),
    PausePoint.START: _N("labels", "At the start"),
    PausePoint.END: _N("labels", "After the session"),
}

# Automatic checks a step may be bound to; ticked when the check passes.
AUTO_CHECKS: dict[str, str] = {
    "camera": _N("labels", "Camera check"),
    "audio": _N("labels", "Audio check"),
    "echo": _N("labels", "Echo check"),
    "licence_assigned": _N("labels", "Licence assigned"),
    "vault_ready": _N("labels", "Licence secrets ready"),
    "zoom_launched": _N("labels", "Zoom launched"),
}


def pause_due(start: datetime, end: datetime, now: datetime) -> PausePoint:
    """Which pause point the clock has reached for a session (T-30 until T-5, etc.)."""
    if now >= end:
        return PausePoint.END
    if now >= start:
        return PausePoint.START
    if now >= start - timedelta(minutes=5):
        return PausePoint.T5
    return PausePoint.T30


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a content file, with where it is (`file:line: problem`).

    `message` is an English source sentence (context "checklists") formatted with `params`.
    """

    path: Path
    line: int
    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)

    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.text()}"


@dataclass(frozen=True, slots=True)
class TutorialSection:
    anchor: str
    title: str
    level: int
    line: int
    markdown: str


@dataclass(frozen=True, slots=True)
class Tutorial:
    id: str
    title: str
    path: Path
    markdown: str
    sections: Mapping[str, TutorialSection]
    images: tuple[str, ...] = ()

    @property
    def folder(self) -> Path:
        """Images are relative to this folder."""
        return self.path.parent


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    pause: PausePoint
    why: str
    tutorial: str | None = None
    section: str | None = None
    image: str | None = None
    check: str | None = None
    details: str = ""
    modes: tuple[SessionMode, ...] = (SessionMode.REMOTE, SessionMode.HYBRID)


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    title: str
    version: int
    types: tuple[str, ...]
    modes: tuple[SessionMode, ...]
    steps: tuple[Step, ...]
    description: str = ""
    path: Path | None = None

    def applies_to(self, type_code: str, mode: SessionMode) -> bool:
        return type_code in self.types and mode in self.modes

    def steps_for(self, mode: SessionMode) -> tuple[Step, ...]:
        """The steps that apply in `mode`, grouped by pause point, file order within one."""
        chosen = [s for s in self.steps if mode in s.modes]
        return tuple(sorted(chosen, key=lambda s: PAUSE_ORDER.index(s.pause)))


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded: the valid content, and each invalid file with its problems."""

    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    tutorials: Mapping[str, Tutorial] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def invalid_files(self) -> dict[Path, list[Problem]]:
        out: dict[Path, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append(p)
        return out

    def for_session(self, type_code: str, mode: SessionMode) -> list[Checklist]:
        return sorted(
            (c for c in self.checklists.values() if c.applies_to(type_code, mode)),
            key=lambda c: c.title,
        )

    def checklist(self, checklist_id: str) -> Checklist:
        try:
            return self.checklists[checklist_id]
        except KeyError:
            raise RegieError(
                _N("errors", "There is no checklist “{id}”."),
                _N("errors", "See the list with “regie checklists list”."),
                id=checklist_id,
            ) from None
