"""The activity report: sessions by type, the weekly ramp, and the no-show gap per type
and per branch — what used to be counted by hand for the yearly report.

Storage hands in pre-aggregated cells (one per type × branch) and session counts per
local day; everything here is plain arithmetic on a few hundred numbers, so ten years of a
network report instantly.
"""

from __future__ import annotations

import bisect
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from app.core.csvfiles import SpreadsheetWriter
from app.core.i18n import QT_TRANSLATE_NOOP as _N

# Column titles of the exports (English source, translated by the UI in context "report").
COLUMNS: tuple[str, ...] = (
    _N("report", "Sessions"),
    _N("report", "Registered"),
    _N("report", "Connected"),
    _N("report", "On site"),
    _N("report", "No-show %"),
)
TYPE_TITLE = _N("report", "Session type")
BRANCH_TITLE = _N("report", "Branch")
WEEK_TITLE = _N("report", "Week of")
TOTAL_TITLE = _N("report", "Total")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    date_from: date | None = None
    date_to: date | None = None
    branch_id: int | None = None


@dataclass(frozen=True, slots=True)
class ReportCell:
    """Sums over the held sessions of one type in one branch."""

    type_code: str
    type_name: str
    type_position: int
    branch_code: str
    branch_name: str
    sessions: int
    with_attendance: int = 0
    registered: int = 0
    connected: int = 0
    on_site: int = 0
    # Over sessions where both registrations and attendance are known:
    ns_registered: int = 0
    ns_missing: int = 0  # sum of max(0, registered - attended)


@dataclass(frozen=True, slots=True)
class ReportData:
    """What storage hands over: the cells, sessions per local day, every active type."""

    cells: list[ReportCell]
    day_counts: list[tuple[int, int]]  # (local days since 1970, sessions starting that day)
    types: list[tuple[str, str]]
    branch_label: str | None


@dataclass(frozen=True, slots=True)
class ReportLine:
    code: str
    label: str
    sessions: int
    registered: int
    connected: int
    on_site: int
    with_attendance: int
    ns_registered: int
    ns_missing: int

    @property
    def no_show_rate(self) -> float | None:
        """No-shows over registrations, for sessions where both are known."""
        return self.ns_missing / self.ns_registered if self.ns_registered else None

    def as_json(self) -> dict[str, object]:
        rate = self.no_show_rate
        return {
            "code": self.code,
            "label": self.label,
            "sessions": self.sessions,
            "registered": self.registered,
            "connected": self.connected,
            "on_site": self.on_site,
            "with_attendance": self.with_attendance,
            "no_show_rate": None if rate is None else round(rate, 4),
        }


@dataclass(frozen=True, slots=True)
class ActivityReport:
    flt: ReportFilter
    branch_label: str | None
    by_type: tuple[ReportLine, ...]
    by_branch: tuple[ReportLine, ...]
    total: ReportLine
    per_week: tuple[tuple[date, int], ...]
    # wall clock: default when no clock is injected
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def as_json(self) -> dict[str, object]:
        return {
            "from": self.flt.date_from.isoformat() if self.flt.date_from else None,
            "to": self.flt.date_to.isoformat() if self.flt.date_to else None,
            "branch": self.branch_label,
            "by_type": [x.as_json() for x in self.by_type],
            "by_branch": [x.as_json() for x in self.by_branch],
            "total": self.total.as_json(),
            "per_week": [{"week": d.isoformat(), "sessions": n} for d, n in self.per_week],
        }


def _line(code: str, label: str, cells: Iterable[ReportCell]) -> ReportLine:
    s = reg = con = ons = att = nsr = nsm = 0
    for c in cells:
        s += c.sessions
        reg += c.registered
        con += c.connected
        ons += c.on_site
        att += c.with_attendance
        nsr += c.ns_registered
        nsm += c.ns_missing
    return ReportLine(code, label, s, reg, con, ons, att, nsr, nsm)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def build_report(
    cells: Sequence[ReportCell],
    day_counts: Iterable[tuple[int, int]],
    *,
    flt: ReportFilter = ReportFilter(),
    types: Sequence[tuple[str, str]] = (),
    branch_label: str | None = None,
) -> ActivityReport:
    """Aggregate the cells; `types` (code, name) lists every type so empty ones show as 0.

    `day_counts` are (local days since 1970, sessions starting that day); weeks start on
    Monday and the gaps between are filled.
    """
    by_type: dict[str, list[ReportCell]] = {code: [] for code, _name in types}
    type_names = dict(types)
    order: dict[str, tuple[int, str]] = {code: (i, "") for i, (code, _n) in enumerate(types)}
    by_branch: dict[str, list[ReportCell]] = {}
    branch_names: dict[str, str] = {}
    for c in cells:
        by_type.setdefault(c.type_code, []).append(c)
        type_names.setdefault(c.type_code, c.type_name)
        order.setdefault(c.type_code, (len(types) + c.type_position, c.type_name))
        by_branch.setdefault(c.branch_code, []).append(c)
        branch_names[c.branch_code] = c.branch_name
    type_lines = tuple(
        _line(code, type_names[code], group)
        for code, group in sorted(by_type.items(), key=lambda kv: order[kv[0]])
    )
    branch_lines = tuple(
        _line(code, branch_names[code], group)
        for code, group in sorted(by_branch.items(), key=lambda kv: branch_names[kv[0]].casefold())
    )
    return ActivityReport(
        flt=flt,
        branch_label=branch_label,
        by_type=type_lines,
        by_branch=branch_lines,
        total=_line("total", TOTAL_TITLE, cells),
        per_week=tuple(weekly_counts(day_counts, flt=flt)),
    )


def utc_offset(ts: int, tz: tzinfo | None = None) -> int:
    """Seconds east of UTC in `tz` (the machine's zone when None) at epoch second `ts`."""
    delta = datetime.fromtimestamp(ts, tz=UTC).astimezone(tz).utcoffset()
    return int(delta.total_seconds()) if delta else 0


def offset_segments(start: int, end: int, tz: tzinfo | None = None) -> list[tuple[int, int, int]]:
    """[(from, to, offset)] half-open spans of epoch seconds covering [start, end] in which
    `tz` keeps one UTC offset: within a span, local day = (t + offset) // 86400 exactly."""
    segments: list[tuple[int, int, int]] = []
    seg_start, seg_off = start, utc_offset(start, tz)
    t = start
    while t < end:
        nxt = min(t + 7 * 86400, end)  # zones change offset months apart, never twice a week
        if utc_offset(nxt, tz) != seg_off:
            lo, hi = t, nxt
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if utc_offset(mid, tz) == seg_off:
                    lo = mid
                else:
                    hi = mid
            segments.append((seg_start, hi, seg_off))
            seg_start, seg_off = hi, utc_offset(hi, tz)
        t = nxt
    segments.append((seg_start, end + 1, seg_off))
    return segments


def utc_bucket(segments: Sequence[tuple[int, int, int]]) -> int:
    """The widest bucket of time (seconds, at most an hour) that no offset change and no
    local midnight cuts: it divides every offset and every change instant."""
    size = 3600
    for _lo, _hi, offset in segments:
        size = math.gcd(size, offset)
    for _lo, hi, _offset in segments[:-1]:
        size = math.gcd(size, hi)
    return size


@dataclass(frozen=True, slots=True)
class DayGrouping:
    """How the database groups sessions so that local days follow without a per-row
    look-up of the offset.

    With `base` the smallest offset of the period, a session at epoch second t is on
    local day (t + base) // 86400 unless it falls in the last `span` seconds of that
    day (span = largest offset − smallest): only there can a larger offset move it to
    the next day. Those few are grouped finer, by `size`-second bucket of the tail, and
    placed here with the offset of their bucket."""

    base: int
    span: int
    size: int
    segments: tuple[tuple[int, int, int], ...]

    @classmethod
    def over(cls, segments: Sequence[tuple[int, int, int]]) -> DayGrouping:
        offsets = [offset for _lo, _hi, offset in segments]
        return cls(min(offsets), max(offsets) - min(offsets), utc_bucket(segments),
                   tuple(segments))

    def local_days(self, groups: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """(local days since 1970, sessions) from the database's (day under the smallest
        offset, tail bucket or -1, sessions) groups."""
        changes = [hi for _lo, hi, _offset in self.segments[:-1]]
        offsets = [offset for _lo, _hi, offset in self.segments]
        days: dict[int, int] = {}
        for day, tail, n in groups:
            if tail >= 0:
                at = day * 86400 + tail * self.size - self.base
                day = (at + offsets[bisect.bisect_right(changes, at)]) // 86400
            days[day] = days.get(day, 0) + n
        return sorted(days.items())


def weekly_counts(
    day_counts: Iterable[tuple[int, int]],
    *,
    flt: ReportFilter = ReportFilter(),
) -> list[tuple[date, int]]:
    """Sessions per week (Monday first) from (local days since 1970, sessions) pairs,
    with the empty weeks between (and of the filter's period) filled in."""
    epoch = date(1970, 1, 1)
    per_monday: dict[int, int] = {}
    for number, n in day_counts:
        monday = number - (number + 3) % 7  # 1 January 1970 was a Thursday
        per_monday[monday] = per_monday.get(monday, 0) + n
    weeks = {epoch + timedelta(days=d): n for d, n in per_monday.items()}
    if not weeks and (flt.date_from is None or flt.date_to is None):
        return []
    first = week_start(flt.date_from) if flt.date_from else min(weeks)
    last = week_start(flt.date_to) if flt.date_to else max(weeks)
    if weeks:
        first, last = min(first, min(weeks)), max(last, max(weeks))
    out: list[tuple[date, int]] = []
    day = first
    while day <= last:
        out.append((day, weeks.get(day, 0)))
        day += timedelta(days=7)
    return out


def percent(rate: float | None, decimal: str = ",") -> str:
    """35.2 → '35,2' (French Excel reads it as a number); empty when unknown."""
    return "" if rate is None else f"{rate * 100:.1f}".replace(".", decimal)


def report_csv(
    report: ActivityReport,
    translate: dict[str, str] | None = None,
    *,
    delimiter: str = ";",
    decimal: str = ",",
) -> str:
    """The three tables, separated by a blank row, ready for a French Excel.

    `translate` maps the English titles to the user's language.
    """
    t = translate or {}

    def title(text: str) -> str:
        return t.get(text, text)

    buf = io.StringIO(newline="")
    w = SpreadsheetWriter(buf, delimiter=delimiter, lineterminator="\r\n")
    heads = [title(c) for c in COLUMNS]

    def lines(first: str, rows: Sequence[ReportLine]) -> None:
        w.writerow([title(first), *heads])
        for x in (*rows, report.total):
            label = title(x.label) if x is report.total else x.label
            w.writerow(
                [label, x.sessions, x.registered, x.connected, x.on_site,
                 percent(x.no_show_rate, decimal)]
            )

    lines(TYPE_TITLE, report.by_type)
    w.writerow([])
    lines(BRANCH_TITLE, report.by_branch)
    w.writerow([])
    w.writerow([title(WEEK_TITLE), title(COLUMNS[0])])
    for day, n in report.per_week:
        w.writerow([day.strftime("%d/%m/%Y"), n])
    return buf.getvalue()


def report_csv_bytes(report: ActivityReport, translate: dict[str, str] | None = None) -> bytes:
    """UTF-8 with a BOM: the mark that makes Excel read accents correctly."""
    return report_csv(report, translate).encode("utf-8-sig")
