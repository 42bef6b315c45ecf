"""The activity report over ten years of a network (15,000 sessions, 80 % with counts),
against the bare GROUP BY over the same table in the same run.

Goal: the whole report (sums per type × branch and sessions per local day) ≤ 50 ms.
Run: `TZ=Europe/Paris python -m tests.benchmarks.bench_report`
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from app.config import AppConfig
from app.core.attendance import AttendanceRecord, CountSource
from app.core.report import ReportFilter
from app.services import Services, build_attendance, open_services
from app.storage import schema as t
from app.storage.attendance import SqlAttendanceRepository
from tests.benchmarks.table import Row

SESSIONS = 15_000
GOAL_MS = 50.0


def median_ms(fn: Callable[[], object], runs: int = 15) -> float:
    """Median CPU time of the process (SQLite runs in it): the machine is shared, and
    time spent waiting for a core would say more about the neighbours than the report."""
    fn()  # warm the caches and the compiled statements
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1000


def ten_years(services: Services, rng: random.Random) -> None:
    """15,000 sessions over 2016–2025 in 10 branches, mostly in the day, 90 % held."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with services.db.begin() as conn:
        conn.execute(t.branches.insert(), [{"code": f"b{i}", "name": f"Branch {i}"}
                                           for i in range(10)])
        branch_ids = [r.id for r in conn.execute(sa.select(t.branches.c.id))]
        type_ids = [r.id for r in conn.execute(sa.select(t.session_types.c.id))]
        first = datetime(2016, 1, 4, tzinfo=UTC)
        rows = []
        for _ in range(SESSIONS):
            start = first + timedelta(days=rng.randrange(3650), hours=rng.randrange(7, 20))
            rows.append({
                "title": "Séance", "type_id": rng.choice(type_ids),
                "branch_id": rng.choice(branch_ids), "starts_at": start,
                "ends_at": start + timedelta(hours=1), "mode": rng.choice(["remote", "hybrid"]),
                "capacity": 30, "status": "done" if rng.random() < 0.9 else "cancelled",
                "notes": "", "created_at": now, "updated_at": now,
            })
        conn.execute(t.sessions.insert(), rows)
        ids = [r.id for r in conn.execute(sa.select(t.sessions.c.id))]
    SqlAttendanceRepository(services.db).write_many(
        AttendanceRecord(i, registered=rng.randint(10, 30), connected=rng.randint(5, 20),
                         on_site=None, registered_source=CountSource.TYPED,
                         connected_source=CountSource.TYPED, updated_at=now)
        for i in ids if rng.random() < 0.8
    )


def rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("REGIE_DATA_DIR", folder)
        services = open_services(AppConfig(db_url=f"sqlite:///{Path(folder) / 'bench.sqlite3'}"))
        try:
            ten_years(services, random.Random(2))
            svc = build_attendance(services)
            c = t.sessions.c

            def bare() -> object:
                """The floor: one scan grouped by type and branch, nothing else."""
                q = sa.select(c.type_id, c.branch_id, sa.func.count()).group_by(
                    c.type_id, c.branch_id)
                with services.db.read() as conn:
                    return conn.execute(q).all()

            base = median_ms(bare)
            whole = median_ms(lambda: svc.report(ReportFilter()))
        finally:
            services.close()
    return [
        Row("activity report, 10 years (15k sessions)", whole, "ms",
            "bare GROUP BY type, branch", base, f"≤ {GOAL_MS:.0f} ms", whole <= GOAL_MS),
    ]


if __name__ == "__main__":
    for row in rows():
        print(row.line())
