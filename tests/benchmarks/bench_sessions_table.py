"""Listing 10,000 sessions in the table with a filter applied (target < 100 ms).

Run: `python tests/benchmarks/bench_sessions_table.py`. The baseline is the bare SQL
query through sqlite3 on the same file, measured in the same run.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QTableView

from app.config import AppConfig
from app.core.models import SessionDraft, SessionFilter, SessionMode, SessionStatus
from app.services import open_services
from app.ui.sessions_model import SessionTableModel


def median_ms(fn, repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.sqlite3"
        s = open_services(AppConfig(db_url=str(db)))
        branches = [s.references.add_branch(f"b{i}", f"Bibliothèque {i}") for i in range(10)]
        types = [t.id for t in s.references.session_types()]
        start = datetime(2020, 1, 6, 18).astimezone()
        drafts = [
            SessionDraft(
                title=f"Rendez-vous {i}", type_id=types[i % len(types)],
                branch_id=branches[i % 10], start=start + timedelta(hours=7 * i),
                end=start + timedelta(hours=7 * i + 1), mode=SessionMode.REMOTE,
                capacity=20, status=SessionStatus.DONE,
            )
            for i in range(20_000)
        ]
        s.session_repo.add_many(drafts)
        # the filter keeps the first 10,000 of the 20,000 sessions
        flt = SessionFilter(date_from=date(2020, 1, 1),
                            date_to=(start + timedelta(hours=7 * 9_999)).date())
        rows = s.sessions.list(flt)
        print(f"rows listed: {len(rows)}")
        model = SessionTableModel(datetime.now().astimezone().date())
        view = QTableView()
        view.setModel(model)
        view.resize(1100, 700)
        view.show()

        def full() -> None:
            model.set_rows(s.sessions.list(flt))
            app.processEvents()

        raw = sqlite3.connect(db)
        lo = start.astimezone(UTC).replace(tzinfo=None)
        sql = ("SELECT s.*, t.name, b.name FROM sessions s JOIN session_types t ON t.id = s.type_id"
               " JOIN branches b ON b.id = s.branch_id WHERE s.starts_at >= ? ORDER BY s.starts_at"
               " LIMIT 10000")
        base = median_ms(lambda: raw.execute(sql, (str(lo),)).fetchall())
        query = median_ms(lambda: s.sessions.list(flt))
        total = median_ms(full)
        print(f"service query (rows ordered today-first): {query:6.1f} ms")
        print(f"bare sqlite3 query of 10,000 rows     : {base:6.1f} ms")
        print(f"service + Qt model + view, filtered   : {total:6.1f} ms "
              f"({total / base:.1f}× the bare query; target < 100 ms)")
        raw.close()
        s.close()
    view.close()


if __name__ == "__main__":
    main()
