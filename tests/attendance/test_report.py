"""The activity report against numbers counted by hand."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest

from app.core.models import SessionMode, SessionStatus
from app.core.report import ReportCell, ReportFilter, build_report, report_csv_bytes
from app.services import Services
from tests.attendance.helpers import Net, add_session, branch_id, network

NOVEMBER = ReportFilter(date(2026, 11, 1), date(2026, 11, 30))


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0).astimezone()


@pytest.fixture
def net(services: Services) -> Net:
    """Eight sessions; five are held in November 2026 (see the expectations below)."""
    n = network(services)
    svc = n.attendance
    s1 = add_session(services, type_code="talk", branch="centre", start=at(2, 10))
    svc.set_counts(s1, registered=20, connected=12)
    s2 = add_session(services, type_code="talk", branch="nord", start=at(4, 14),
                     mode=SessionMode.HYBRID)
    svc.set_counts(s2, registered=30, connected=10, on_site=8)
    s3 = add_session(services, type_code="workshop", branch="centre", start=at(10, 18))
    svc.set_counts(s3, registered=10, connected=12)  # more came than registered
    add_session(services, type_code="workshop", branch="nord", start=at(12, 10))  # no counts
    add_session(services, type_code="talk", start=at(17, 10), status=SessionStatus.CANCELLED)
    s6 = add_session(services, type_code="storytime", start=at(18, 10),
                     status=SessionStatus.PLANNED)
    svc.set_counts(s6, connected=5)  # held, not marked done: counted
    s7 = add_session(services, type_code="talk", start=at(15, 10, month=12))
    svc.set_counts(s7, registered=99, connected=1)  # outside the period
    add_session(services, type_code="concert", branch="nord", start=at(25, 18),
                status=SessionStatus.PLANNED)  # not held
    return n


def by_code(lines):
    return {x.code: x for x in lines}


def test_by_type(net: Net) -> None:
    r = net.attendance.report(NOVEMBER)
    t = by_code(r.by_type)
    assert [x.code for x in r.by_type][:4] == ["reading_circle", "media_literacy", "talk",
                                               "workshop"]
    assert len(r.by_type) == 8  # every type, even without sessions
    assert (t["talk"].sessions, t["talk"].registered, t["talk"].connected,
            t["talk"].on_site) == (2, 50, 22, 8)
    assert t["talk"].no_show_rate == pytest.approx(20 / 50)  # 8 + 12 missing
    assert (t["workshop"].sessions, t["workshop"].registered, t["workshop"].connected) == (
        2, 10, 12)
    assert t["workshop"].no_show_rate == 0.0
    assert t["storytime"].sessions == 1
    assert t["storytime"].no_show_rate is None  # nobody's registrations known
    assert t["concert"].sessions == 0
    total = r.total
    assert (total.sessions, total.registered, total.connected, total.on_site) == (5, 60, 39, 8)
    assert total.no_show_rate == pytest.approx(20 / 60)


def test_by_branch_and_weeks(net: Net) -> None:
    r = net.attendance.report(NOVEMBER)
    b = by_code(r.by_branch)
    assert (b["centre"].sessions, b["centre"].registered, b["centre"].connected) == (3, 30, 29)
    assert b["centre"].no_show_rate == pytest.approx(8 / 30)
    assert (b["nord"].sessions, b["nord"].on_site) == (2, 8)
    assert b["nord"].no_show_rate == pytest.approx(12 / 30)
    assert r.per_week == (
        (date(2026, 10, 26), 0),
        (date(2026, 11, 2), 2),
        (date(2026, 11, 9), 2),
        (date(2026, 11, 16), 1),
        (date(2026, 11, 23), 0),
        (date(2026, 11, 30), 0),
    )


def test_branch_filter(net: Net) -> None:
    nord = branch_id(net.services, "nord")
    r = net.attendance.report(ReportFilter(date(2026, 11, 1), date(2026, 11, 30), nord))
    assert r.branch_label == "Bibliothèque nord"
    assert r.total.sessions == 2
    assert r.total.no_show_rate == pytest.approx(12 / 30)


def test_whole_history_without_period(net: Net) -> None:
    r = net.attendance.report()
    assert r.total.sessions == 6
    assert r.per_week[0][0] == date(2026, 11, 2)
    assert r.per_week[-1] == (date(2026, 12, 14), 1)


def test_json_shape(net: Net) -> None:
    """What `regie report --json` prints: plain JSON, every figure of the tables."""
    import json

    data = net.attendance.report(NOVEMBER).as_json()
    assert json.loads(json.dumps(data)) == data
    assert (data["from"], data["to"], data["branch"]) == ("2026-11-01", "2026-11-30", None)
    total = data["total"]
    assert total == {
        "code": "total", "label": "Total", "sessions": 5, "registered": 60, "connected": 39,
        "on_site": 8, "with_attendance": 4, "no_show_rate": 0.3333,
    }
    by_type, by_branch = data["by_type"], data["by_branch"]
    assert isinstance(by_type, list) and len(by_type) == 8
    assert isinstance(by_branch, list)
    talk = next(x for x in by_type if x["code"] == "talk")
    assert talk == {
        "code": "talk", "label": "Rencontres, conférences", "sessions": 2, "registered": 50,
        "connected": 22, "on_site": 8, "with_attendance": 2, "no_show_rate": 0.4,
    }
    concert = next(x for x in by_type if x["code"] == "concert")
    assert (concert["sessions"], concert["no_show_rate"]) == (0, None)
    assert [x["code"] for x in by_branch] == ["nord", "centre"]  # by name
    assert data["per_week"] == [
        {"week": "2026-10-26", "sessions": 0},
        {"week": "2026-11-02", "sessions": 2},
        {"week": "2026-11-09", "sessions": 2},
        {"week": "2026-11-16", "sessions": 1},
        {"week": "2026-11-23", "sessions": 0},
        {"week": "2026-11-30", "sessions": 0},
    ]


def test_csv_for_french_excel(net: Net) -> None:
    raw = report_csv_bytes(
        net.attendance.report(NOVEMBER), {"Sessions": "Séances", "Total": "Total"}
    )
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:2] == ["Session type", "Séances"]
    talk = next(x for x in rows if x and x[0] == "Rencontres, conférences")
    assert talk == ["Rencontres, conférences", "2", "50", "22", "8", "40,0"]
    totals = [x for x in rows if x and x[0] == "Total"]
    assert totals[0][-1] == "33,3"
    assert ["02/11/2026", "2"] in rows


def test_pure_aggregation_is_order_independent() -> None:
    cells = [
        ReportCell("a", "A", 0, "x", "X", sessions=2, with_attendance=2, registered=10,
                   connected=6, ns_registered=10, ns_missing=4),
        ReportCell("a", "A", 0, "y", "Y", sessions=1, with_attendance=1, registered=5,
                   connected=5, ns_registered=5, ns_missing=0),
        ReportCell("b", "B", 1, "x", "X", sessions=3),
    ]
    one = build_report(cells, [(0, 1)])
    two = build_report(list(reversed(cells)), [(0, 1)])
    assert one.by_type == two.by_type
    assert one.by_type[0].no_show_rate == pytest.approx(4 / 15)
    assert one.total.sessions == 6


def test_weeks_are_local_across_daylight_saving(services: Services) -> None:
    """Europe/Paris (the suite's zone): Monday 00:30 belongs to its own week in summer and
    winter, and Sunday 23:30 to the week before, even on the nights the clocks change."""
    n = network(services)
    for moment in (
        datetime(2026, 3, 29, 23, 30),  # Sunday, first night of summer time
        datetime(2026, 3, 30, 0, 30),  # Monday
        datetime(2026, 10, 25, 23, 30),  # Sunday, first night of winter time
        datetime(2026, 10, 26, 0, 30),  # Monday
    ):
        add_session(services, start=moment.astimezone())
    weeks = dict(n.attendance.report().per_week)
    assert weeks[date(2026, 3, 23)] == 1
    assert weeks[date(2026, 3, 30)] == 1
    assert weeks[date(2026, 10, 19)] == 1
    assert weeks[date(2026, 10, 26)] == 1
    assert sum(weeks.values()) == 4


def test_offset_segments_find_the_changes() -> None:
    from app.core.report import offset_segments

    start = int(datetime(2026, 1, 1).astimezone().timestamp())
    end = int(datetime(2026, 12, 31).astimezone().timestamp())
    segments = offset_segments(start, end)
    assert [off for _a, _b, off in segments] == [3600, 7200, 3600]
    change = datetime.fromtimestamp(segments[1][0]).astimezone()
    assert (change.month, change.day, change.hour) == (3, 29, 3)


def test_demo_network_report(services: Services) -> None:
    """The demo term with generated attendance: the by-type table adds up and the no-show
    gap is the 30–50 % the network measured."""
    import random

    from app.core.attendance import demo_attendance
    from app.core.demo import build_demo
    from app.core.models import SessionFilter
    from app.services import build_attendance
    from app.storage.attendance import write_demo_attendance
    from app.storage.demo import load_demo
    from tests.support.fixtures import FIXED_NOW

    load_demo(services.db, build_demo(FIXED_NOW))
    rows = services.sessions.list(SessionFilter())
    done = [r for r in rows if r.status is SessionStatus.DONE]
    records = demo_attendance(rows, random.Random(2020))
    assert len(records) == len(done) > 0
    write_demo_attendance(services.db, records)
    report = build_attendance(services).report()
    assert report.total.sessions == len(done)
    assert sum(x.sessions for x in report.by_type) == len(done)
    assert report.total.registered == sum(r.registered or 0 for r in records)
    assert report.total.connected == sum(r.connected or 0 for r in records)
    assert report.total.on_site == sum(r.on_site or 0 for r in records)
    missing = sum(
        max(0, (r.registered or 0) - (r.connected or 0) - (r.on_site or 0)) for r in records
    )
    assert report.total.no_show_rate == pytest.approx(missing / report.total.registered)
    for line in (*report.by_type, *report.by_branch):
        if line.sessions >= 3:
            assert line.no_show_rate is not None
            assert 0.28 <= line.no_show_rate <= 0.52


def test_no_show_rate_counts_only_sessions_with_both_counts(services: Services) -> None:
    """Registrations without attendance recorded yet (and attendance without
    registrations) stay out of both sides of the no-show rate, but still add up in the
    totals; a planned session whose registrations came in is not held yet."""
    n = network(services)
    svc = n.attendance
    s = add_session(services, type_code="talk", branch="centre", start=at(2, 10))
    svc.set_counts(s, registered=20, connected=15)  # 5 missing
    s = add_session(services, type_code="talk", branch="nord", start=at(3, 10),
                    mode=SessionMode.HYBRID)
    svc.set_counts(s, registered=10, connected=2, on_site=3)  # 5 missing
    registrations_only = add_session(services, type_code="workshop", branch="centre",
                                     start=at(4, 10))
    svc.set_counts(registrations_only, registered=40)
    attendance_only = add_session(services, type_code="workshop", branch="nord",
                                  start=at(5, 10))
    svc.set_counts(attendance_only, connected=7)
    s = add_session(services, type_code="workshop", branch="centre", start=at(6, 10))
    svc.set_counts(s, registered=5, connected=9)  # more came: 0 missing
    s = add_session(services, type_code="talk", branch="centre", start=at(9, 10))
    svc.set_counts(s, registered=0, connected=4)  # nobody registered: no rate
    upcoming = add_session(services, type_code="storytime", branch="nord", start=at(26, 10),
                           status=SessionStatus.PLANNED)
    svc.set_counts(upcoming, registered=25)  # registrations in, session not held yet

    assert svc.figures(registrations_only).no_show_rate is None
    assert svc.figures(attendance_only).no_show_rate is None

    r = svc.report(NOVEMBER)
    total = r.total
    assert (total.sessions, total.registered, total.connected, total.on_site) == (6, 75, 37, 3)
    assert (total.ns_registered, total.ns_missing) == (35, 10)
    assert total.no_show_rate == pytest.approx(10 / 35)
    t = by_code(r.by_type)
    assert (t["talk"].sessions, t["talk"].registered) == (3, 30)
    assert t["talk"].no_show_rate == pytest.approx(10 / 30)
    assert (t["workshop"].sessions, t["workshop"].registered, t["workshop"].connected) == (
        3, 45, 16)
    assert t["workshop"].no_show_rate == 0.0  # only the 5 registered of 6 November count
    assert (t["storytime"].sessions, t["storytime"].registered) == (0, 0)
    assert t["storytime"].no_show_rate is None
    b = by_code(r.by_branch)
    assert (b["centre"].sessions, b["centre"].registered) == (4, 65)
    assert b["centre"].no_show_rate == pytest.approx(5 / 25)
    assert (b["nord"].sessions, b["nord"].registered) == (2, 10)
    assert b["nord"].no_show_rate == pytest.approx(5 / 10)
    assert sum(n for _week, n in r.per_week) == 6
