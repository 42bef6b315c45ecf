"""Attendance speed: a 10,000-row Zoom report imported, and the activity report over ten
years of a network (50,000 sessions), each printed against a baseline of the same run.

Budgets: import < 0.5 s; report < 200 ms.
Run: `TZ=Europe/Paris .venv/bin/python -m tests.benchmarks.bench_attendance`
"""

from __future__ import annotations

import csv
import io
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
from app.services import build_attendance, open_services
from app.storage import schema as t
from app.storage.attendance import SqlAttendanceRepository
from app.zoom.participants import read_participants

IMPORT_BUDGET = 0.5
REPORT_BUDGET = 0.2


def best(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def zoom_report(rows: int, rng: random.Random) -> bytes:
    out = io.StringIO(newline="")
    out.write(
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
        '812 3456 7890,"Grande conférence, en ligne",11/24/2026 02:00:00 PM,'
        f"11/24/2026 06:00:00 PM,bib-zoom1@ville.fr,240,{rows}\r\n\r\n"
    )
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time",
                "Duration (Minutes)", "Guest", "Recording Consent", "In Waiting Room"])
    start = datetime(2026, 11, 24, 14, 0)
    people = rows // 3
    for _ in range(rows):
        p = rng.randrange(people)
        join = start + timedelta(minutes=rng.randrange(200), seconds=rng.randrange(60))
        leave = join + timedelta(minutes=rng.randrange(1, 40))
        email = f"person{p}@example.fr" if p % 4 else ""
        w.writerow([f"Personne {p}, lectrice", email,
                    join.strftime("%m/%d/%Y %I:%M:%S %p"), leave.strftime("%m/%d/%Y %I:%M:%S %p"),
                    (leave - join).seconds // 60, "Yes", "Yes", "No"])
    return out.getvalue().encode("utf-8-sig")


def bench_import() -> None:
    data = zoom_report(10_000, random.Random(1))
    baseline = best(lambda: list(csv.reader(io.StringIO(data.decode("utf-8-sig")))))
    spent = best(lambda: read_participants(data))
    report = read_participants(data)
    print(f"import 10,000 rows: {spent * 1000:7.1f} ms (budget {IMPORT_BUDGET * 1000:.0f} ms), "
          f"{spent / baseline:5.1f}× a bare csv.reader ({baseline * 1000:.1f} ms); "
          f"{report.unique_attendees} attendees, {report.merged_reconnections} merged")


def bench_report(folder: Path) -> None:
    services = open_services(AppConfig(db_url=f"sqlite:///{folder / 'bench.sqlite3'}"))
    rng = random.Random(2)
    with services.db.begin() as conn:
        conn.execute(t.branches.insert(), [{"code": f"b{i}", "name": f"Branch {i}"}
                                           for i in range(10)])
        branch_ids = [r.id for r in conn.execute(sa.select(t.branches.c.id))]
        type_ids = [r.id for r in conn.execute(sa.select(t.session_types.c.id))]
        first = datetime(2016, 1, 4, 9, tzinfo=UTC)
        now = datetime(2026, 1, 1, tzinfo=UTC)
        rows = []
        for _ in range(50_000):
            start = first + timedelta(hours=rng.randrange(10 * 365 * 24))
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
    svc = build_attendance(services)

    def read_all() -> object:
        """The naive way: read every session's type, branch and start."""
        c = t.sessions.c
        with services.db.read() as conn:
            return conn.execute(sa.select(c.type_id, c.branch_id, c.starts_at)).all()

    baseline = best(read_all)
    whole = best(lambda: svc.report(ReportFilter()))
    year = best(lambda: svc.report(ReportFilter(datetime(2024, 1, 1).date(),
                                                datetime(2024, 12, 31).date(), branch_ids[0])))
    total = svc.report(ReportFilter()).total.sessions
    print(f"report over {total} held sessions (10 years): {whole * 1000:6.1f} ms "
          f"(budget {REPORT_BUDGET * 1000:.0f} ms), {whole / baseline:4.2f}× reading the rows "
          f"({baseline * 1000:.1f} ms); one branch, one year: {year * 1000:.1f} ms")
    services.close()


def main() -> None:
    bench_import()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("REGIE_DATA_DIR", folder)
        bench_report(Path(folder))


if __name__ == "__main__":
    main()
