"""The activity report reads the sessions from the index made for it (SQLite): both of
its grouped queries scan `ix_sessions_report` alone, never the table, and the sums come
out of it already in (type, branch) order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.core.report import ReportFilter
from app.services import Services
from app.storage.attendance import SqlAttendanceRepository
from tests.attendance.helpers import add_session, network
from tests.support.fixtures import FIXED_NOW


def _plans(services: Services) -> Iterator[tuple[str, list[str]]]:
    """Each grouped statement the report runs, with SQLite's plan for it."""
    seen: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, params: object,
             context: object, executemany: bool) -> None:
        if "GROUP BY" in statement:
            seen.append((statement, params))

    engine = services.db.engine
    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        SqlAttendanceRepository(services.db).report_data(ReportFilter())
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    with services.db.read() as conn:
        for statement, params in seen:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)  # type: ignore[arg-type]
            yield statement, [str(r[3]) for r in rows]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_report_scans_only_its_covering_index(services: Services, engine: str) -> None:
    network(services)
    for days in (1, 40):
        start = FIXED_NOW - timedelta(days=days)
        add_session(services, type_code="talk", branch="centre", start=start)
        add_session(services, type_code="workshop", branch="nord", start=start)
    plans = list(_plans(services))
    assert len(plans) == 2  # sums per type × branch, sessions per day
    for statement, plan in plans:
        scans = [step for step in plan if "sessions" in step.split(" USING")[0]]
        assert scans == ["SCAN sessions USING COVERING INDEX ix_sessions_report"], (
            statement, plan)
    sums = plans[0][1]
    assert not any("TEMP B-TREE" in step for step in sums), sums
