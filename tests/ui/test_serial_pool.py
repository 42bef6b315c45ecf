"""SerialPool: jobs one at a time, in the order they were started, whatever the pool
underneath (a test's held pool, or real threads)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from app.ui.workers import CancelToken, SerialPool, run_task
from tests.support.offline import HeldPool


def test_one_job_at_a_time_in_order_and_a_failure_does_not_stop_the_rest(
    qtbot: QtBot,
) -> None:
    held = HeldPool()
    pool = SerialPool(held)
    ran: list[int] = []
    answers: list[object] = []

    def job(n: int) -> Callable[[CancelToken, Callable[[int, int], None]], int]:
        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            ran.append(n)
            if n == 2:
                raise ValueError("job 2 fails")
            return n

        return work

    for n in range(5):
        run_task(job(n), on_success=answers.append,
                 on_error=lambda err: answers.append(str(err)), pool=pool)
    assert len(held.jobs) == 1 and not pool.idle  # the others wait their turn
    while held.jobs:
        held.run_next()
        assert len(held.jobs) <= 1
    QCoreApplication.processEvents()
    assert ran == [0, 1, 2, 3, 4]
    assert answers == [0, 1, "job 2 fails", 3, 4]
    assert pool.idle


def test_jobs_never_overlap_on_a_pool_of_many_threads(qtbot: QtBot) -> None:
    threads = QThreadPool()
    threads.setMaxThreadCount(4)
    pool = SerialPool(threads)
    lock = threading.Lock()
    active = [0]
    most = [0]
    ran: list[int] = []
    answers: list[int] = []

    def job(n: int) -> Callable[[CancelToken, Callable[[int, int], None]], int]:
        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            with lock:
                active[0] += 1
                most[0] = max(most[0], active[0])
                ran.append(n)
            time.sleep(0.005)  # room for a second thread to step in, were it let
            with lock:
                active[0] -= 1
            return n

        return work

    try:
        for n in range(12):
            run_task(job(n), on_success=answers.append, pool=pool)
        qtbot.waitUntil(lambda: len(answers) == 12, timeout=10_000)
    finally:
        threads.waitForDone()
    assert most[0] == 1
    assert ran == list(range(12))
    assert answers == list(range(12))  # the answers come back in that order too
    qtbot.waitUntil(lambda: pool.idle, timeout=10_000)
