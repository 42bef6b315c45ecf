"""Jobs in workers: results come back on the GUI thread, and whatever a job holds (its
closure over a screen, an error and the frames in its traceback) is let go of on the
GUI thread too; reference cycles are collected there only. A widget destroyed on a
worker thread can deadlock Qt against the GIL, so none may end anywhere else."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.ui.workers import CancelToken, GuiThreadCollector, run_task


class Tracked:
    """Records the thread it dies on."""

    def __init__(self, deaths: list[str]) -> None:
        self._deaths = deaths

    def __del__(self) -> None:
        self._deaths.append(threading.current_thread().name)


def _drain(qtbot: QtBot, done: Callable[[], bool]) -> None:
    qtbot.waitUntil(done, timeout=10_000)
    for _ in range(3):  # the leftovers' own queued event
        qtbot.wait(10)


def test_a_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, object]] = []

    def job(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
        return 42

    run_task(job, on_success=lambda v: seen.append((threading.current_thread().name, v)))
    _drain(qtbot, lambda: bool(seen))
    assert seen == [(threading.main_thread().name, 42)]


def test_a_jobs_closure_ends_on_the_gui_thread(qtbot: QtBot) -> None:
    deaths: list[str] = []
    finished: list[bool] = []
    screen: Tracked | None = Tracked(deaths)

    def job(_t: CancelToken, _p: Callable[[int, int], None], held: object = screen) -> None:
        assert held is not None

    run_task(job, on_success=lambda _v: finished.append(True))
    del job
    screen = None  # the screen went away while its job ran: the job holds the last ref
    _drain(qtbot, lambda: bool(finished) and bool(deaths))
    assert deaths == [threading.main_thread().name]


def test_an_errors_frames_end_on_the_gui_thread(qtbot: QtBot) -> None:
    deaths: list[str] = []
    errors: list[str] = []

    def job(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
        local = Tracked(deaths)  # held by this frame, then by the error's traceback
        raise ValueError(f"broken next to {type(local).__name__}")

    run_task(job, on_error=lambda err: errors.append(str(err)))
    _drain(qtbot, lambda: bool(errors) and bool(deaths))
    assert errors == ["broken next to Tracked"]
    assert deaths == [threading.main_thread().name]


def test_cycles_are_collected_by_the_gui_thread_only(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    was_enabled = gc.isenabled()
    collector.start()
    try:
        assert not gc.isenabled()
        deaths: list[str] = []
        cycle: list[object] = [Tracked(deaths)]
        cycle.append(cycle)
        del cycle

        kept: list[list[int]] = []

        def churn() -> None:  # a worker allocating far past every threshold
            kept.extend([i] for i in range(50_000))

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert deaths == []  # the worker did not collect it
        qtbot.waitUntil(lambda: bool(deaths), timeout=10_000)  # the GUI thread's timer did
        assert deaths == [threading.main_thread().name]
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()


@pytest.fixture(autouse=True)
def _quiet_collector() -> None:
    """The suite keeps automatic collection off (see tests/conftest.py)."""
    assert not gc.isenabled()
