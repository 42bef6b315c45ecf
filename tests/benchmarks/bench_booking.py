"""Booking cost: the checked, write-locked assignment against a bare UPDATE.

Run: .venv/bin/python tests/benchmarks/bench_booking.py [SESSIONS]
Prints seconds per booking for both and their ratio (measured in the same run, on the
same SQLite file), plus the pure rule's cost with a full term of bookings. `rows()` gives
the table's rows (goal: a booking under 20 ms, as on PostgreSQL).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from app.config import AppConfig
from app.core.licences import Booking, BookingPolicy, LicenceDraft, pick_free_licence
from app.core.models import LicencePlan, SessionDraft, SessionMode
from app.services import build_licences, open_services
from app.storage import schema as t
from tests.benchmarks.table import Row

GOAL_MS = 20.0


def measure(n: int = 400) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        s = open_services(AppConfig(db_url=f"sqlite:///{Path(tmp) / 'b.sqlite3'}"))
        f = build_licences(s)
        branch = s.references.add_branch("centre", "Centre")
        type_id = s.references.session_types()[0].id
        for i, cap in enumerate((100, 100, 100, 300)):
            f.service.add(LicenceDraft(f"Zoom {i}", f"z{i}@bm.fr", LicencePlan.BUSINESS, cap))
        start = datetime(2026, 12, 1, 9, 0).astimezone()
        drafts = [
            SessionDraft(
                f"S{i}",
                type_id,
                branch,
                start + timedelta(minutes=50 * i),
                start + timedelta(minutes=50 * i + 90),
                SessionMode.REMOTE,
                50,
            )
            for i in range(n)
        ]
        ids = s.session_repo.add_many(drafts)

        t0 = time.perf_counter()
        for sid in ids:
            f.service.assign_auto(sid)
        checked = (time.perf_counter() - t0) / n

        lid = f.service.licences()[0].id
        t0 = time.perf_counter()
        for sid in ids:
            with s.db.begin() as conn:
                conn.execute(
                    t.sessions.update().where(t.sessions.c.id == sid).values(licence_id=lid)
                )
        bare = (time.perf_counter() - t0) / n

        books = [
            Booking(i, "x", branch, d.start, d.end, 50, licence_id=1 + i % 4)
            for i, d in enumerate(drafts)
        ]
        cand = Booking(-1, "c", branch, start, start + timedelta(hours=1), 50)
        lics = f.service.licences()
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            pick_free_licence(lics, cand, books, BookingPolicy())
            runs.append(time.perf_counter() - t0)
        s.close()
    print(f"bookings: {n}")
    print(f"checked assign (BEGIN IMMEDIATE + rules): {checked * 1000:.2f} ms/booking")
    print(f"bare UPDATE baseline:                     {bare * 1000:.2f} ms/booking")
    print(f"ratio checked / bare:                     {checked / bare:.2f}x")
    print(f"pure pick over {n} bookings: {statistics.median(runs) * 1000:.2f} ms (median)")
    return {"checked": checked, "bare": bare, "pick": statistics.median(runs), "n": n}


def rows(n: int = 400) -> list[Row]:
    m = measure(n)
    ms = m["checked"] * 1000
    return [Row(f"checked licence booking on SQLite ({n} sessions)", ms, "ms",
                "bare UPDATE transaction", m["bare"] * 1000, f"< {GOAL_MS:g} ms",
                ms < GOAL_MS)]


def main(n: int = 400) -> None:
    for row in rows(n):
        print(row.line())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
