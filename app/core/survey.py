"""The yearly survey's figures: the year's sessions by type, by branch and for the network.

Every session belongs to the one branch that organises it, so the network's line counts
each session once — a session open to the whole network is never counted again for each
branch its audience came from. Additive figures (sessions, participants, hours…) of the
type lines and of the branch lines add up to the network's; unique registrants do not:
a person registered in two branches is one person for the network.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.csvfiles import SpreadsheetWriter
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode, SessionStatus


@dataclass(frozen=True, slots=True)
class SurveySession:
    """One session of the year with its counts and who registered (person keys)."""

    session_id: int
    type_code: str
    type_name: str
    branch_code: str
    branch_name: str
    status: SessionStatus
    mode: SessionMode
    start: datetime
    end: datetime
    registered: int | None = None
    connected: int | None = None
    on_site: int | None = None
    registrants: frozenset[str] = frozenset()  # person keys of its registrations
    anonymous_registrants: int = 0  # registrations whose personal data were purged

    @property
    def held(self) -> bool:
        """Took place: marked done, or someone was counted there (as the activity report)."""
        if self.status is SessionStatus.CANCELLED:
            return False
        return (
            self.status is SessionStatus.DONE
            or self.connected is not None
            or self.on_site is not None
        )


@dataclass(frozen=True, slots=True)
class SurveyLine:
    code: str
    label: str
    held: int
    cancelled: int
    registered: int
    participants: int
    unique_registrants: int
    hours: float
    remote: int
    hybrid: int

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "label": self.label,
            "held": self.held,
            "cancelled": self.cancelled,
            "registered": self.registered,
            "participants": self.participants,
            "unique_registrants": self.unique_registrants,
            "hours": round(self.hours, 2),
            "remote": self.remote,
            "hybrid": self.hybrid,
        }


# Column titles and definitions (English source, translated by the UI in context "survey").
COLUMNS: tuple[str, ...] = (
    _N("survey", "Sessions held"),
    _N("survey", "Cancelled"),
    _N("survey", "Registered"),
    _N("survey", "Participants"),
    _N("survey", "Unique registrants"),
    _N("survey", "Hours"),
    _N("survey", "Remote"),
    _N("survey", "Hybrid"),
)
TYPE_TITLE = _N("survey", "Session type")
BRANCH_TITLE = _N("survey", "Branch")
NETWORK_TITLE = _N("survey", "Network")
DEFINITIONS_TITLE = _N("survey", "Definitions")
DEFINITIONS: tuple[str, ...] = (
    _N("survey", "Year: sessions starting between 1 January and 31 December, local time."),
    _N(
        "survey",
        "Sessions held: not cancelled, and marked done or with attendance recorded.",
    ),
    _N("survey", "Cancelled: sessions of the year marked cancelled."),
    _N("survey", "Registered: the registration counts of the sessions held."),
    _N(
        "survey",
        "Participants: people connected plus people on site, over the sessions held.",
    ),
    _N(
        "survey",
        "Unique registrants: people registered to at least one session (by e-mail, else "
        "phone, else name), counted once per line; registrations whose personal data "
        "were purged count once each. A person registered in two branches counts once "
        "for the network, so the network's figure may be below the sum of the branches'.",
    ),
    _N("survey", "Hours: scheduled duration of the sessions held."),
    _N("survey", "Remote, hybrid: sessions held in each mode."),
    _N(
        "survey",
        "Each session belongs to the branch that organises it and is counted once for "
        "the network, even when it is open to every branch.",
    ),
)


@dataclass(frozen=True, slots=True)
class YearSurvey:
    year: int
    by_type: tuple[SurveyLine, ...]
    by_branch: tuple[SurveyLine, ...]
    network: SurveyLine

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "by_type": [x.as_json() for x in self.by_type],
            "by_branch": [x.as_json() for x in self.by_branch],
            "network": self.network.as_json(),
            "definitions": list(DEFINITIONS),
        }


def _line(code: str, label: str, sessions: Iterable[SurveySession]) -> SurveyLine:
    held = cancelled = registered = participants = remote = hybrid = anonymous = 0
    hours = 0.0
    people: set[str] = set()
    for s in sessions:
        if s.status is SessionStatus.CANCELLED:
            cancelled += 1
            continue
        if not s.held:
            continue
        held += 1
        registered += s.registered or 0
        participants += (s.connected or 0) + (s.on_site or 0)
        hours += (s.end - s.start).total_seconds() / 3600
        if s.mode is SessionMode.HYBRID:
            hybrid += 1
        else:
            remote += 1
        people |= s.registrants
        anonymous += s.anonymous_registrants
    return SurveyLine(
        code, label, held, cancelled, registered, participants, len(people) + anonymous,
        hours, remote, hybrid,
    )


def build_survey(
    year: int, sessions: Sequence[SurveySession], types: Sequence[tuple[str, str]] = ()
) -> YearSurvey:
    """The lines by type (every type in `types` order, empty ones too), by branch and for
    the network; each session once in each table."""
    unique = {s.session_id: s for s in sessions}.values()  # a session is one session
    by_type: dict[str, list[SurveySession]] = {code: [] for code, _ in types}
    type_names = dict(types)
    by_branch: dict[str, list[SurveySession]] = {}
    branch_names: dict[str, str] = {}
    for s in unique:
        by_type.setdefault(s.type_code, []).append(s)
        type_names.setdefault(s.type_code, s.type_name)
        by_branch.setdefault(s.branch_code, []).append(s)
        branch_names[s.branch_code] = s.branch_name
    return YearSurvey(
        year=year,
        by_type=tuple(_line(c, type_names[c], g) for c, g in by_type.items()),
        by_branch=tuple(
            _line(c, branch_names[c], g)
            for c, g in sorted(by_branch.items(), key=lambda kv: branch_names[kv[0]].casefold())
        ),
        network=_line("network", NETWORK_TITLE, unique),
    )


def hours_text(value: float, decimal: str = ",") -> str:
    return f"{value:.1f}".replace(".", decimal)


def survey_csv(
    survey: YearSurvey,
    translate: dict[str, str] | None = None,
    *,
    delimiter: str = ";",
    decimal: str = ",",
) -> str:
    """Type table, branch table (each closed by the network line), then the definitions."""
    t = translate or {}

    def title(text: str) -> str:
        return t.get(text, text)

    buf = io.StringIO(newline="")
    w = SpreadsheetWriter(buf, delimiter=delimiter, lineterminator="\r\n")
    heads = [title(c) for c in COLUMNS]

    def table(first: str, rows: Sequence[SurveyLine]) -> None:
        w.writerow([title(first), *heads])
        for x in (*rows, survey.network):
            label = title(x.label) if x is survey.network else x.label
            w.writerow(
                [label, x.held, x.cancelled, x.registered, x.participants,
                 x.unique_registrants, hours_text(x.hours, decimal), x.remote, x.hybrid]
            )

    w.writerow([str(survey.year)])
    table(TYPE_TITLE, survey.by_type)
    w.writerow([])
    table(BRANCH_TITLE, survey.by_branch)
    w.writerow([])
    w.writerow([title(DEFINITIONS_TITLE)])
    for d in DEFINITIONS:
        w.writerow([title(d)])
    return buf.getvalue()


def survey_csv_bytes(survey: YearSurvey, translate: dict[str, str] | None = None) -> bytes:
    """UTF-8 with a BOM, for Excel."""
    return survey_csv(survey, translate).encode("utf-8-sig")
