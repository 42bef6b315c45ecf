"""Jobs in workers: results come back on the GUI thread, and whatever a job holds (its
closure over a screen, an error and the frames in its traceback) is let go of on the
GUI thread too; reference cycles are collected there only. A widget destroyed on a
worker thread can deadlock Qt against the GIL, so none may end anywhere else."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QThread, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import crash
from app.errors import RegieError
from app.ui import workers
from app.ui.errors import warn
from app.ui.workers import (
    CancelToken,
    GuiThreadCollector,
    HandOff,
    ImmediatePool,
    ProgressFn,
    StreamWorker,
    collection_deferred,
    input_state,
    run_task,
)
from tests.support.threads import ThreadWatch


class Tracked:
    """Records the thread it dies on."""

    def __init__(self, deaths: list[str]) -> None:
        self._deaths = deaths

    def __del__(self) -> None:
        self._deaths.append(threading.current_thread().name)


@contextmanager
def passes_started() -> Iterator[list[int]]:
    """The generations of the collector's passes started meanwhile; afterwards nothing
    stays frozen and the collector is switched on or off as it was."""
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    was_enabled = gc.isenabled()
    gc.callbacks.append(seen)
    try:
        yield passes
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


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

        def churn() -> None:  # a worker allocating far past the young thresholds
            kept.extend([i] for i in range(10_000))

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


def test_no_collection_while_a_bulk_job_runs(qtbot: QtBot) -> None:
    """Inside `collection_deferred` (a big import building its tables) the GUI thread's
    collector waits; after it, the next tick collects."""
    collector = GuiThreadCollector(interval_ms=5)
    was_enabled = gc.isenabled()
    collector.start()
    try:
        deaths: list[str] = []
        with collection_deferred():
            cycle: list[object] = [Tracked(deaths)]
            cycle.append(cycle)
            del cycle
            kept = [[i] for i in range(10_000)]  # far past the young thresholds
            qtbot.wait(100)  # twenty ticks
            assert deaths == []
        qtbot.waitUntil(lambda: bool(deaths), timeout=10_000)
        assert deaths == [threading.main_thread().name] and len(kept) == 10_000
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()


def test_a_full_collection_waits_until_nobody_uses_the_window(qtbot: QtBot) -> None:
    """Young generations are collected whenever due; the full pass (hundreds of
    milliseconds with a large list loaded) only once the user's input has not changed
    for the idle delay, and then on the GUI thread."""
    now = [100.0]
    hands = [0]  # the user's input as polled: a change is the user at work
    collector = GuiThreadCollector(
        interval_ms=60_000, idle_ms=5000, clock=lambda: now[0], activity=lambda: hands[0]
    )
    passes: list[tuple[int, str]] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append((info["generation"], threading.current_thread().name))

    was_enabled = gc.isenabled()
    collector.start()
    gc.callbacks.append(seen)
    kept: list[list[int]] = []
    try:
        # Far more allocation than a full pass needs, while the user keeps working.
        for tick in range(300):
            now[0] += 0.1
            if tick % 40 == 0:
                hands[0] += 1
            kept.extend([i] for i in range(1000))
            collector.check()
            assert not _idle(collector)
        young = {g for g, _t in passes}
        assert young == {0, 1}  # only young passes ran while the user worked, and they ran
        assert gc.get_count()[2] > gc.get_threshold()[2]  # though a full pass was due
        passes.clear()
        now[0] += 5.0  # nobody touched the window for the idle delay
        collector.check()
        assert _idle(collector)
        assert passes == [(2, threading.main_thread().name)]
    finally:
        gc.callbacks.remove(seen)
        collector.stop()
        if not was_enabled:
            gc.disable()


def test_a_large_young_generation_waits_for_the_window_to_be_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a job that built large structures (a 100,000-row import), walking its young
    objects would hold the GUI thread for tens of milliseconds: they are set aside
    unwalked (a cycle among them lives on, past the idle delay of a full pass too); once
    nobody has touched the window for the give-back delay, everything is collected (the
    cycle dies, on the GUI thread) and what lives on is frozen again."""
    monkeypatch.setattr(workers, "_start_up_over", True)
    now = [100.0]
    hands = [0]
    collector = GuiThreadCollector(
        interval_ms=60_000, idle_ms=5000, clock=lambda: now[0], activity=lambda: hands[0],
        give_back_ms=60_000,
    )
    deaths: list[str] = []
    with passes_started() as passes:
        collector.start()
        try:
            gc.collect()
            passes.clear()
            cycle: list[object] = [Tracked(deaths)]
            cycle.append(cycle)
            del cycle
            built = [[i] for i in range(workers.SET_ASIDE_ABOVE + 5000)]  # the job's tables
            frozen = gc.get_freeze_count()
            for _tick in range(20):  # two seconds of work
                now[0] += 0.1
                hands[0] += 1
                collector.check()
            assert deaths == []  # never walked while the user worked
            assert gc.get_freeze_count() >= frozen + len(built)
            assert set(passes) <= {0, 1}
            now[0] += 5.0  # nobody touched the window for the idle delay: not long enough
            collector.check()
            assert deaths == []
            passes.clear()
            now[0] += 55.0  # nor for a minute: nobody is at the window
            collector.check()
            assert deaths == [threading.main_thread().name]
            assert passes == [2]
            assert gc.get_freeze_count() >= len(built)  # what lives on, frozen again
            assert gc.get_count()[0] < workers.SET_ASIDE_ABOVE
        finally:
            collector.stop()


def test_the_polled_input_follows_the_mouse_and_the_focus(qtbot: QtBot) -> None:
    first, second = QLineEdit(), QLineEdit()
    for field in (first, second):
        qtbot.addWidget(field)
    before = input_state()
    QCursor.setPos(QCursor.pos() + QPoint(7, 3))
    moved = input_state()
    assert moved != before
    assert input_state() == moved  # nothing else changed it
    second.show()
    second.activateWindow()  # the focus moves to another field
    second.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
    assert input_state() != moved


def _idle(collector: GuiThreadCollector) -> bool:
    return collector.idle


def test_freezing_keeps_start_up_objects_out_of_every_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "_start_up_over", False)
    before = gc.get_freeze_count()
    with passes_started() as passes:
        GuiThreadCollector.freeze()
        assert gc.get_freeze_count() > before
        assert passes == []  # frozen as it is: no pass over every object first
        assert gc.get_count() == (0, 0, 0)
        assert workers._start_up_over


def test_no_collection_during_start_up_until_the_first_screen_is_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Start-up allocates what lives as long as the window: the collector waits for the
    freeze (or, should it never come, for the start-up delay)."""
    monkeypatch.setattr(workers, "_start_up_over", False)
    now = [0.0]

    def collector() -> GuiThreadCollector:
        return GuiThreadCollector(interval_ms=60_000, clock=lambda: now[0],
                                  after_start_up=True, start_up_ms=30_000)

    waiting, late = collector(), collector()
    kept: list[list[int]] = []
    with passes_started() as passes:
        waiting.start()
        try:
            for _ in range(20):
                kept.extend([i] for i in range(1000))  # far past the young thresholds
                waiting.check()
            assert passes == []
            GuiThreadCollector.freeze()
            kept.extend([i] for i in range(1000))
            waiting.check()
            assert passes and set(passes) <= {0, 1}
            gc.unfreeze()
            monkeypatch.setattr(workers, "_start_up_over", False)
            passes.clear()
            kept.extend([i] for i in range(1000))
            late.check()
            assert passes == []
            now[0] += 30.0  # no first screen after the start-up delay: collect anyway
            late.check()
            assert passes and set(passes) <= {0, 1}
        finally:
            waiting.stop()


GONE = RegieError("The file is gone.", "Choose it again.")


def _fails_with(err: Exception) -> Callable[[CancelToken, ProgressFn], None]:
    def job(_t: CancelToken, _p: ProgressFn) -> None:
        raise err

    return job


@contextmanager
def _crash_handler(folder: Path, notified: list[BaseException]) -> Iterator[None]:
    """The app's crash handler as `sys.excepthook` (as `app.crash.install` sets it), for
    the test body only."""
    previous = sys.excepthook
    sys.excepthook = crash.crash_hook(folder, lambda _path, exc: notified.append(exc))
    try:
        yield
    finally:
        sys.excepthook = previous


def test_a_job_without_error_path_says_a_known_problem_in_the_status_bar(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    screen = QWidget()
    window.setCentralWidget(screen)
    window.show()

    run_task(_fails_with(GONE), parent=screen)

    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    assert window.statusBar().currentMessage() == "The file is gone. Choose it again."
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_known_problem_in_a_dialog_gets_a_box_that_blocks_nothing(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()

    run_task(_fails_with(GONE), pool=ImmediatePool(), parent=dialog)

    box = dialog.findChild(QMessageBox, "UnhandledErrorBox")
    assert box is not None and box.isVisible() and not box.isModal()
    assert box.text() == "The file is gone. Choose it again."
    box.close()


def test_a_bug_in_a_job_without_error_path_reaches_the_crash_handler(
    qtbot: QtBot, tmp_path: Path
) -> None:
    notified: list[BaseException] = []
    with _crash_handler(tmp_path, notified):
        run_task(_fails_with(ValueError("broken import")))
        qtbot.waitUntil(lambda: bool(notified), timeout=10_000)
    assert [str(e) for e in notified] == ["broken import"]
    [log] = (tmp_path / "crashes").glob("crash-*.log")
    assert "ValueError: broken import" in log.read_text(encoding="utf-8")


def test_a_screen_warns_of_a_known_problem_and_raises_a_bug_again(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text()))
        box.close()

    QTimer.singleShot(0, read_and_close)
    warn(screen, "Import", GONE)
    assert seen == [("Import", "The file is gone. Choose it again.")]

    with pytest.raises(ValueError, match="broken"):
        warn(screen, "Import", ValueError("broken"))


def test_a_thread_left_running_in_a_widget_is_seen_with_where_it_started(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """What the suite's leak check (tests/conftest.py) relies on."""
    screen = QWidget()
    qtbot.addWidget(screen)

    def until_stopped(token: CancelToken) -> Iterator[None]:
        token.wait(30)
        yield from ()

    stream = StreamWorker(until_stopped, parent=screen)
    watch = ThreadWatch()
    watch.begin()
    try:
        stream.start()
    finally:
        watch.end()
    try:
        running = watch.still_running(grace_ms=50)
        assert len(running) == 1
        report = watch.describe(running)
        assert report.startswith("regie-stream, started at:")
        assert "test_a_thread_left_running_in_a_widget_is_seen" in report
        # The application object does not see it: it is the widget's child.
        assert not [t for t in qapp.findChildren(QThread) if t.isRunning()]
    finally:
        assert stream.stop()
    assert watch.still_running(grace_ms=0) == []


@pytest.fixture(autouse=True)
def _quiet_collector() -> None:
    """The suite keeps automatic collection off (see tests/conftest.py)."""
    assert not gc.isenabled()


def test_a_hand_off_lets_through_only_what_the_screen_is_free_to_show() -> None:
    handoff = HandOff()
    items = handoff.newest(iter(range(10)))
    assert next(items) == 0
    assert next(items, None) is None  # 1…9 came while 0 was not shown yet: all skipped
    handoff.release()
    assert list(handoff.newest(iter([10, 11]))) == [10]
    handoff.release()
    assert handoff.take() and not handoff.take()
