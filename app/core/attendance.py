"""Who came to a session: counts always, people only when a file was imported.

The agent records three counts after a session — registered, connected (remote), on site
(hybrid) — typed or imported. The figures the network reports on (no-show rate, fill
rate, peak concurrent, median minutes) derive from them here, without storage or Qt.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode, SessionRow, SessionStatus
from app.core.registrations import RegistrationList, parse_registrations
from app.core.report import ActivityReport, ReportData, ReportFilter, build_report
from app.errors import RegieError, ValidationError

MAX_COUNT = 100_000
RETENTION_KEY = "attendance.retention_months"
DEFAULT_RETENTION_MONTHS = 12


class CountSource(StrEnum):
    TYPED = "typed"
    ZOOM = "zoom"
    REGISTRATIONS = "registrations"


@dataclass(frozen=True, slots=True)
class Person:
    """One participant after reconnections were merged (or one registrant)."""

    name: str
    email: str | None
    minutes: int | None = None
    first_join: datetime | None = None
    last_leave: datetime | None = None
    connections: int = 1


@dataclass(frozen=True, slots=True)
class ParticipantReport:
    """A Zoom participant report, read and merged, not yet saved."""

    attendees: tuple[Person, ...]
    rows_read: int
    merged_reconnections: int
    skipped_host: int
    skipped_waiting_room: int
    peak_concurrent: int | None
    median_minutes: float | None
    meeting: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    delimiter: str = ","

    @property
    def unique_attendees(self) -> int:
        return len(self.attendees)

    @property
    def skipped_rows(self) -> int:
        return self.skipped_host + self.skipped_waiting_room

    def summary(self) -> dict[str, object]:
        """The shape `regie attendance import --json` prints."""
        return {
            "unique_attendees": self.unique_attendees,
            "rows_read": self.rows_read,
            "merged_reconnections": self.merged_reconnections,
            "skipped_rows": self.skipped_rows,
            "skipped": {"host": self.skipped_host, "waiting_room": self.skipped_waiting_room},
            "peak_concurrent": self.peak_concurrent,
            "median_minutes": self.median_minutes,
            "meeting": dict(self.meeting),
        }


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """What is kept for a session, forever: counts and how they were obtained."""

    session_id: int
    registered: int | None = None
    connected: int | None = None
    on_site: int | None = None
    registered_source: CountSource | None = None
    connected_source: CountSource | None = None
    peak_concurrent: int | None = None
    median_minutes: float | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AttendanceFigures:
    """Derived figures; None where the counts needed are missing."""

    capacity: int
    registered: int | None
    unique_remote: int | None
    on_site: int | None
    attended: int | None
    no_show_rate: float | None
    fill_rate: float | None
    peak_concurrent: int | None
    median_minutes: float | None

    def as_json(self) -> dict[str, object]:
        return {
            "capacity": self.capacity,
            "registered": self.registered,
            "connected": self.unique_remote,
            "on_site": self.on_site,
            "attended": self.attended,
            "no_show_rate": _round(self.no_show_rate),
            "fill_rate": _round(self.fill_rate),
            "peak_concurrent": self.peak_concurrent,
            "median_minutes": self.median_minutes,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def attended_count(connected: int | None, on_site: int | None) -> int | None:
    if connected is None and on_site is None:
        return None
    return (connected or 0) + (on_site or 0)


def no_show_rate(registered: int | None, attended: int | None) -> float | None:
    """Share of registered people who did not come (0 when more came than registered)."""
    if registered is None or attended is None or registered <= 0:
        return None
    return max(0.0, (registered - attended) / registered)


def derive(capacity: int, record: AttendanceRecord | None) -> AttendanceFigures:
    r = record or AttendanceRecord(session_id=0)
    attended = attended_count(r.connected, r.on_site)
    return AttendanceFigures(
        capacity=capacity,
        registered=r.registered,
        unique_remote=r.connected,
        on_site=r.on_site,
        attended=attended,
        no_show_rate=no_show_rate(r.registered, attended),
        fill_rate=None if attended is None or capacity <= 0 else attended / capacity,
        peak_concurrent=r.peak_concurrent,
        median_minutes=r.median_minutes,
    )


def peak_concurrent(intervals: Iterable[tuple[datetime, datetime]]) -> int:
    """Most people connected at once; a leave at the instant of a join does not overlap."""
    return peak_concurrent_seconds(
        (start.timestamp(), end.timestamp()) for start, end in intervals
    )


def peak_concurrent_seconds(intervals: Iterable[tuple[float, float]]) -> int:
    """`peak_concurrent` over epoch seconds: a leave sorts before a join at the same
    instant, so one person reconnecting is not counted twice."""
    events: list[tuple[float, int]] = []
    for start, end in intervals:
        events.append((start, 1))
        events.append((end, -1))
    events.sort()  # at equal instants -1 sorts first: leaving before joining
    peak = current = 0
    for _at, step in events:
        current += step
        if current > peak:
            peak = current
    return peak


def median_minutes(people: Sequence[Person]) -> float | None:
    minutes = [p.minutes for p in people if p.minutes is not None]
    return float(statistics.median(minutes)) if minutes else None


# ---------------------------------------------------------------------------- ports
# Told (people written, people to write) as an import is saved.
Progress = Callable[[int, int], None]


class AttendanceRepository(Protocol):
    def get(self, session_id: int) -> AttendanceRecord | None: ...
    def set_counts(
        self,
        session_id: int,
        *,
        registered: int | None,
        connected: int | None,
        on_site: int | None,
        at: datetime,
    ) -> AttendanceRecord: ...
    def save_participants(
        self,
        session_id: int,
        report: ParticipantReport,
        *,
        at: datetime,
        progress: Progress | None = None,
    ) -> AttendanceRecord: ...
    def save_registrations(
        self,
        session_id: int,
        registrations: RegistrationList,
        *,
        at: datetime,
        progress: Progress | None = None,
    ) -> AttendanceRecord: ...
    def people(self, session_id: int) -> list[tuple[str, Person]]: ...
    def imported(self, session_id: int, source: CountSource) -> tuple[int, datetime | None]: ...
    def purge_people(self, imported_before: datetime) -> int: ...
    def report_data(self, flt: ReportFilter) -> ReportData: ...


class SessionLookup(Protocol):
    def row(self, session_id: int) -> SessionRow: ...


class Settings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


ParticipantReader = Callable[[bytes, Sequence[str]], ParticipantReport]


@dataclass(frozen=True, slots=True)
class ZoomPreview:
    """A read report waiting for the agent's go-ahead."""

    session_id: int
    source: str
    report: ParticipantReport


@dataclass(frozen=True, slots=True)
class RegistrationPreview:
    session_id: int
    source: str
    registrations: RegistrationList


@dataclass(frozen=True, slots=True)
class EarlierImport:
    """The import a new one of the same kind would replace: what it was, when, and how
    many people it held (said before replacing it)."""

    source: CountSource  # ZOOM or REGISTRATIONS
    people: int
    imported_at: datetime | None  # None once its names were purged: only the count stays


@dataclass(frozen=True, slots=True)
class PurgeResult:
    retention_months: int
    cutoff: datetime
    people_removed: int


class AttendanceService:
    """Records attendance for a session: typed counts, Zoom reports, registration lists."""

    def __init__(
        self,
        repo: AttendanceRepository,
        sessions: SessionLookup,
        settings: Settings,
        read_participants: ParticipantReader,
        *,
        host_emails: Callable[[SessionRow], Sequence[str]] = lambda _row: (),
        # wall clock: default when no clock is injected
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._repo = repo
        self._sessions = sessions
        self._settings = settings
        self._read = read_participants
        self._host_emails = host_emails
        self._clock = clock

    def session(self, session_id: int) -> SessionRow:
        return self._sessions.row(session_id)

    def record(self, session_id: int) -> AttendanceRecord | None:
        self._sessions.row(session_id)  # NotFoundError for an unknown id
        return self._repo.get(session_id)

    def figures(self, session_id: int) -> AttendanceFigures:
        row = self._sessions.row(session_id)
        return derive(row.capacity, self._repo.get(session_id))

    def people(self, session_id: int) -> list[tuple[str, Person]]:
        return self._repo.people(session_id)

    def set_counts(
        self,
        session_id: int,
        *,
        registered: int | None = None,
        connected: int | None = None,
        on_site: int | None = None,
    ) -> AttendanceRecord:
        """Typed counts; a count left as None keeps its current value."""
        row = self._open_session(session_id)
        for fieldname, value in (
            ("registered", registered),
            ("connected", connected),
            ("on_site", on_site),
        ):
            _check_count(fieldname, value)
        if on_site is not None and on_site > 0 and row.mode is SessionMode.REMOTE:
            raise ValidationError(
                "on_site",
                _N("errors", "Session {id} is remote: it has no on-site head count."),
                _N("errors", "Leave “on site” empty, or make the session hybrid first."),
                id=session_id,
            )
        return self._repo.set_counts(
            session_id,
            registered=registered,
            connected=connected,
            on_site=on_site,
            at=self._clock(),
        )

    def preview_zoom(self, session_id: int, data: bytes, source: str = "") -> ZoomPreview:
        """Read the report and merge reconnections; nothing is saved yet."""
        row = self._open_session(session_id)
        report = self._read(data, tuple(self._host_emails(row)))
        return ZoomPreview(session_id, source, report)

    def commit_zoom(
        self, preview: ZoomPreview, progress: Progress | None = None
    ) -> AttendanceRecord:
        """Save the import, all or nothing; `progress` hears how far the writing is."""
        self._open_session(preview.session_id)
        return self._repo.save_participants(
            preview.session_id, preview.report, at=self._clock(), progress=progress
        )

    def earlier_import(self, preview: ZoomPreview | RegistrationPreview) -> EarlierImport | None:
        """The session's import that saving `preview` would replace, if any."""
        session_id = preview.session_id
        source = CountSource.ZOOM if isinstance(preview, ZoomPreview) else (
            CountSource.REGISTRATIONS
        )
        people, at = self._repo.imported(session_id, source)
        if people:
            return EarlierImport(source, people, at)
        record = self._repo.get(session_id)
        if record is None:
            return None
        if source is CountSource.ZOOM and record.connected_source is source:
            return EarlierImport(source, record.connected or 0, None)
        if source is CountSource.REGISTRATIONS and record.registered_source is source:
            return EarlierImport(source, record.registered or 0, None)
        return None

    def preview_registrations(
        self, session_id: int, data: bytes, source: str = ""
    ) -> RegistrationPreview:
        self._open_session(session_id)
        return RegistrationPreview(session_id, source, parse_registrations(data))

    def commit_registrations(
        self, preview: RegistrationPreview, progress: Progress | None = None
    ) -> AttendanceRecord:
        self._open_session(preview.session_id)
        return self._repo.save_registrations(
            preview.session_id, preview.registrations, at=self._clock(), progress=progress
        )

    def retention_months(self) -> int:
        raw = self._settings.get(RETENTION_KEY, str(DEFAULT_RETENTION_MONTHS))
        try:
            months = int(str(raw).strip())
        except ValueError:
            months = -1
        if months < 1:
            raise RegieError(
                _N("errors", "The retention period setting “{value}” is not a number of months."),
                _N("errors", "Set it to a whole number of months, 12 by default."),
                value=raw,
            )
        return months

    def purge(self) -> PurgeResult:
        """Forget names and e-mails imported before the retention period; counts stay."""
        months = self.retention_months()
        cutoff = months_before(self._clock(), months)
        removed = self._repo.purge_people(cutoff)
        return PurgeResult(months, cutoff, removed)

    def report(self, flt: ReportFilter | None = None) -> ActivityReport:
        """The activity report over held sessions (done, or with attendance recorded)."""
        flt = flt or ReportFilter()
        data = self._repo.report_data(flt)
        return build_report(
            data.cells,
            data.day_counts,
            flt=flt,
            types=data.types,
            branch_label=data.branch_label,
        )

    def _open_session(self, session_id: int) -> SessionRow:
        row = self._sessions.row(session_id)
        if row.status is SessionStatus.CANCELLED:
            raise ValidationError(
                "session",
                _N("errors", "Session {id} was cancelled: it has no attendance."),
                _N("errors", "Choose the session that took place."),
                id=session_id,
            )
        return row


def _check_count(fieldname: str, value: int | None) -> None:
    if value is None:
        return
    if value < 0 or value > MAX_COUNT:
        raise ValidationError(
            fieldname,
            _N("errors", "The count “{value}” is not between 0 and {max}."),
            _N("errors", "Enter the number of people, or leave it empty."),
            value=value,
            max=MAX_COUNT,
        )


def months_before(moment: datetime, months: int) -> datetime:
    """Same day and time `months` earlier (clamped to the month's last day)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


# ---------------------------------------------------------------------------- demo
def demo_attendance(rows: Sequence[SessionRow], rng: random.Random) -> list[AttendanceRecord]:
    """Plausible counts for the demo's done sessions: registrations near capacity,
    30–50 % no-show (the gap the network measured), an audience in the room when hybrid."""
    records: list[AttendanceRecord] = []
    for row in rows:
        if row.status is not SessionStatus.DONE:
            continue
        registered = max(1, round(row.capacity * rng.uniform(0.75, 1.0)))
        showing = 1.0 - rng.uniform(0.30, 0.50)
        attended = max(0, round(registered * showing))
        on_site: int | None = None
        connected = attended
        if row.mode is SessionMode.HYBRID:
            on_site = round(attended * rng.uniform(0.3, 0.6))
            connected = attended - on_site
        peak = max(0, connected - rng.randint(0, max(1, connected // 5))) if connected else 0
        duration = (row.end - row.start) / timedelta(minutes=1)
        records.append(
            AttendanceRecord(
                session_id=row.id,
                registered=registered,
                connected=connected,
                on_site=on_site,
                registered_source=CountSource.TYPED,
                connected_source=CountSource.TYPED,
                peak_concurrent=peak,
                median_minutes=round(duration * rng.uniform(0.6, 0.95)) if connected else None,
                updated_at=row.end,
            )
        )
    return records
