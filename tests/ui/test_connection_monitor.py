"""The connection monitor against the real test PostgreSQL, stopped and started again.

Its jobs go to a pool the test releases by hand, so the order that once lost a ping (a
retry asked while an older ping is still on its way, that older ping then failing) is
played exactly, not hoped for."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.offline import NetworkLink
from app.storage.database import Database
from app.ui.offline import ConnectionMonitor
from tests.support.fixtures import PgControl
from tests.support.offline import HeldPool

pytestmark = [
    pytest.mark.usefixtures("collect_sockets"),
    pytest.mark.postgresql,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def _monitor(url: str, folder: Path, pool: HeldPool) -> ConnectionMonitor:
    db = Database(url, password=None, connect_timeout_s=2)
    link = NetworkLink(url, folder, queue_writes=True)
    return ConnectionMonitor(link, db, pool=pool, interval_ms=24 * 3600_000)


def test_a_retry_asked_during_a_failing_ping_is_not_lost(
    qtbot: QtBot, stoppable: tuple[str, PgControl], tmp_path: Path
) -> None:
    url, ctl = stoppable
    pool = HeldPool()
    monitor = _monitor(url, tmp_path, pool)
    offline: list[bool] = []
    online: list[object] = []
    monitor.went_offline.connect(lambda: offline.append(True))
    monitor.came_online.connect(online.append)

    ctl.stop()
    monitor.ping_now()
    pool.run_next()  # the first ping meets the server down; its answer is on its way...
    ctl.start()
    monitor.ping_now()  # ...when the user asks again, the server being back
    assert pool.jobs == []  # one ping at a time
    qtbot.waitUntil(lambda: monitor.offline)  # the late answer: offline
    assert offline == [True]
    assert len(pool.jobs) == 1  # the retry was kept and now runs
    pool.run_next()  # the server answers
    qtbot.waitUntil(lambda: len(pool.jobs) == 1)
    pool.run_next()  # sending what waits (nothing here)
    qtbot.waitUntil(lambda: not monitor.offline)
    assert len(online) == 1 and pool.jobs == []
    monitor.db.dispose()


def test_pings_asked_while_one_runs_make_a_single_retry(
    qtbot: QtBot, stoppable: tuple[str, PgControl], tmp_path: Path
) -> None:
    url, _ctl = stoppable
    pool = HeldPool()
    monitor = _monitor(url, tmp_path, pool)
    for _ in range(5):
        monitor.ping_now()
    assert len(pool.jobs) == 1
    pool.run_next()  # online and nothing waits: done
    qtbot.waitUntil(lambda: len(pool.jobs) == 1)  # one retry for the four asks
    pool.run_next()
    qtbot.waitUntil(lambda: not monitor._busy)
    assert pool.jobs == [] and not monitor.offline
    monitor.db.dispose()
