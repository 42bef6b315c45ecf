"""Sessions per local day from the database, on both engines: exact on the nights the
clocks change, and in zones whose offsets or changes fall between whole hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.report import ReportFilter
from app.services import Services
from app.storage.attendance import SqlAttendanceRepository
from tests.attendance.helpers import add_session, network


def local_days(starts: list[datetime], zone: ZoneInfo) -> list[tuple[int, int]]:
    """The reference: each start turned into its local date, one by one."""
    counts: dict[int, int] = {}
    for start in starts:
        day = (start.astimezone(zone).date() - date(1970, 1, 1)).days
        counts[day] = counts.get(day, 0) + 1
    return sorted(counts.items())


def changes(zone: ZoneInfo, year: int) -> list[datetime]:
    """The instants in `year` where `zone` changes its UTC offset (found every 15 min)."""
    out: list[datetime] = []
    at = datetime(year, 1, 1, tzinfo=UTC)
    while at.year == year:
        nxt = at + timedelta(minutes=15)
        if nxt.astimezone(zone).utcoffset() != at.astimezone(zone).utcoffset():
            out.append(nxt)
        at = nxt
    return out


def near(instant: datetime) -> list[datetime]:
    return [instant + timedelta(minutes=m) for m in (-61, -31, -1, 0, 1, 14, 29, 31, 59, 61)]


def starts_for(zone: ZoneInfo) -> list[datetime]:
    """Around each offset change, and around the local midnights of those days."""
    out: list[datetime] = []
    for change in changes(zone, 2026):
        out += near(change)
        day = change.astimezone(zone).date()
        for d in (day - timedelta(days=1), day, day + timedelta(days=1)):
            out += near(datetime(d.year, d.month, d.day, tzinfo=zone).astimezone(UTC))
    if not out:  # a zone without daylight saving: its midnights only
        out = near(datetime(2026, 6, 2, tzinfo=zone).astimezone(UTC))
    return out


ZONES = [
    "Europe/Paris",
    "Australia/Lord_Howe",  # a half-hour change
    "Asia/Kathmandu",  # UTC+5:45
    "America/St_Johns",  # UTC-3:30 / -2:30
    "America/Santiago",  # clocks change at midnight
]


@pytest.mark.parametrize("zone_name", ZONES)
def test_day_counts_follow_the_local_calendar(services: Services, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    network(services)
    starts = starts_for(zone)
    for start in starts:
        add_session(services, start=start)
    data = SqlAttendanceRepository(services.db).report_data(ReportFilter(), tz=zone)
    assert data.day_counts == local_days(starts, zone)
