"""Zoom participant report import speed: 10,000 and 100,000 rows read and merged, against
a bare `csv.reader` over the same file in the same run, and how the time grows with rows.

Goal: ≥ 100,000 rows/s, and linear (the time per row at 100k within 1.3× that at 10k).
Run: `TZ=Europe/Paris python -m tests.benchmarks.bench_attendance`
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from app.zoom.participants import read_participants
from tests.benchmarks.table import Row

GOAL_ROWS_PER_S = 100_000
LINEAR = 1.3


def median_s(fn: Callable[[], object], runs: int = 5) -> float:
    """Median CPU time of the process: the machine is shared, and both the figure and its
    baseline run on one thread, so time spent waiting for a core is left out."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def zoom_report(rows: int, rng: random.Random) -> bytes:
    """A per-connection export: a third as many people as rows, a quarter without e-mail."""
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


def rates(rows: int) -> tuple[float, float]:
    """(rows/s read and merged, rows/s through a bare csv.reader) for one file."""
    data = zoom_report(rows, random.Random(1))
    read_participants(data)  # warm
    spent = median_s(lambda: read_participants(data))
    bare = median_s(lambda: list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))))
    return rows / spent, rows / bare


def rows() -> list[Row]:
    out: list[Row] = []
    measured: dict[int, float] = {}
    for n in (10_000, 100_000):
        rate, bare = rates(n)
        measured[n] = rate
        out.append(Row(f"Zoom report import, {n // 1000}k rows", rate, "rows/s",
                       "csv.reader over the same file", bare,
                       f"≥ {GOAL_ROWS_PER_S // 1000}k rows/s", rate >= GOAL_ROWS_PER_S))
    growth = measured[10_000] / measured[100_000]  # time per row at 100k over that at 10k
    out.append(Row("Zoom report import, time per row 100k ÷ 10k", growth, "×",
                   "linear", 1.0, f"≤ {LINEAR}×", growth <= LINEAR))
    return out


if __name__ == "__main__":
    for row in rows():
        print(row.line())
