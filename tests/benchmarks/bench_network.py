"""Network mode on PostgreSQL over loopback: a booking's round trip and the planning view.

Run inside the test services (they start a throwaway PostgreSQL server):
  dbus-run-session -- bash tests/support/services.sh \\
      .venv/bin/python tests/benchmarks/bench_network.py
Prints milliseconds for a checked booking (read, rules, hold under the exclusion
constraint, update) against a bare UPDATE transaction, and for the planning of 20
licences over 3 months against the bare query of its bookings. Targets: booking < 20 ms,
planning < 100 ms. `rows()` gives the table's rows (none without the PostgreSQL server).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.config import AppConfig
from app.core.licences import LicenceDraft
from app.core.models import LicencePlan, SessionDraft, SessionMode
from app.services import open_services
from app.storage import schema as t
from tests.benchmarks.table import Row
from tests.support.fixtures import PgServer

LICENCES = 20
DAYS = 92
PER_DAY = 2  # sessions per licence per day
BOOKINGS = 200


def _ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def measure(url: str) -> dict[str, float]:
    server = PgServer(url)
    db_url = server.migrated()
    s = open_services(AppConfig(db_url=db_url))
    try:
        f = s.licences
        branch = s.references.add_branch("centre", "Centre")
        type_id = s.references.session_types()[0].id
        lids = [
            f.service.add(LicenceDraft(f"Zoom {i:02}", f"z{i}@bm.fr", LicencePlan.PRO, 100))
            for i in range(LICENCES)
        ]
        start = datetime(2027, 1, 4, 9, 0).astimezone()
        drafts = [
            SessionDraft(
                f"S{lid}-{d}-{k}",
                type_id,
                branch,
                start + timedelta(days=d, hours=4 * k),
                start + timedelta(days=d, hours=4 * k, minutes=90),
                SessionMode.REMOTE,
                50,
                licence_id=lid,
            )
            for lid in lids
            for d in range(DAYS)
            for k in range(PER_DAY)
        ]
        t0 = time.perf_counter()
        s.session_repo.add_many(drafts)
        print(f"term: {len(drafts)} booked sessions written in {time.perf_counter() - t0:.1f} s")

        # Booking round trip: new sessions in the evenings, each booked on a licence.
        evening = [
            SessionDraft(
                f"E{i}",
                type_id,
                branch,
                start + timedelta(days=i // LICENCES, hours=10),
                start + timedelta(days=i // LICENCES, hours=11),
                SessionMode.REMOTE,
                30,
            )
            for i in range(BOOKINGS)
        ]
        ids = s.session_repo.add_many(evening)
        checked = []
        for i, sid in enumerate(ids):
            t0 = time.perf_counter()
            f.service.assign(sid, lids[i % LICENCES])
            checked.append(time.perf_counter() - t0)
        bare = []
        for sid in ids:
            t0 = time.perf_counter()
            with s.db.begin() as conn:
                conn.execute(
                    t.sessions.update().where(t.sessions.c.id == sid).values(notes="x")
                )
            bare.append(time.perf_counter() - t0)

        window = (start, start + timedelta(days=DAYS))
        plan_runs, fetch_runs = [], []
        for _ in range(15):
            t0 = time.perf_counter()
            rows = f.service.planning(*window)
            plan_runs.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            f.repo.bookings(*window)
            fetch_runs.append(time.perf_counter() - t0)
        assert len(rows) == LICENCES
    finally:
        s.close()
        server.drop(db_url)
        server.close()
    print(f"checked booking on PostgreSQL:  {_ms(checked):6.2f} ms (median, target < 20 ms)")
    print(f"bare UPDATE transaction:        {_ms(bare):6.2f} ms")
    print(f"ratio booking / bare:           {_ms(checked) / _ms(bare):6.2f}x")
    print(f"planning {LICENCES} licences x {DAYS} days: {_ms(plan_runs):6.2f} ms "
          "(median, target < 100 ms)")
    print(f"bare fetch of its bookings:     {_ms(fetch_runs):6.2f} ms")
    print(f"ratio planning / fetch:         {_ms(plan_runs) / _ms(fetch_runs):6.2f}x")
    return {"booking": _ms(checked), "bare": _ms(bare), "planning": _ms(plan_runs),
            "fetch": _ms(fetch_runs)}


def rows() -> list[Row]:
    url = os.environ.get("REGIE_TEST_PG_URL")
    if not url:
        print("bench_network: no PostgreSQL server (run under tests/support/services.sh)",
              file=sys.stderr)
        return []
    m = measure(url)
    return [
        Row("checked booking on PostgreSQL", m["booking"], "ms", "bare UPDATE transaction",
            m["bare"], "< 20 ms", m["booking"] < 20),
        Row(f"planning of {LICENCES} licences × {DAYS} days on PostgreSQL", m["planning"],
            "ms", "bare fetch of its bookings", m["fetch"], "< 100 ms", m["planning"] < 100),
    ]


def main() -> None:
    if not os.environ.get("REGIE_TEST_PG_URL"):
        sys.exit("Run me inside tests/support/services.sh (it starts the PostgreSQL server).")
    for row in rows():
        print(row.line())


if __name__ == "__main__":
    main()
