"""Running slow work off the GUI thread and hearing back through signals.

Two shapes cover Régie's needs:
- `run_task(fn)`: a one-shot job (an import, a launch, a measurement) on a QThreadPool;
  its result or error comes back as a signal on the GUI thread.
- `StreamWorker`: a generator (camera frames, audio blocks) pulled in its own QThread,
  each item emitted as a signal, cancellable at any time.

Both check a `CancelToken` the job polls. Tests hand in `ImmediatePool` to run jobs
synchronously, or wait on the signals with qtbot.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from app.ui.errors import show_error

log = logging.getLogger(__name__)


class CancelToken:
    """Set by the GUI, polled by the job: cooperative cancellation across threads."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True if cancelled meanwhile."""
        return self._event.wait(seconds)


T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

ProgressFn = Callable[[int, int], None]
# A job: `fn(token, progress)` returning its result, a `T` (`TaskFn[int]`, `TaskFn[None]`…).
TaskFn = Callable[[CancelToken, ProgressFn], T]


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs a job at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class TaskHandle(QObject, Generic[T_co]):
    """The GUI side of a job: its signals, and cancel(). A `TaskHandle[T]` reports a `T`."""

    progress = Signal(int, int)
    succeeded = Signal(object)  # the job's result, a T
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded or failed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(object)
    def _unhandled(self, err: BaseException) -> None:
        """The error path of a job started without `on_error`."""
        show_error(err, self.parent())


class _Reaper(QObject):
    """Where a job's leftovers are let go of: on the GUI thread.

    A job's function is a closure over the screen that started it, and an exception
    carries the job's frames in its traceback; if the last reference to a widget went
    away on the worker thread, the widget would be destroyed there, while the GUI thread
    may hold the GIL and wait on Qt's object locks: a deadlock. Sent here through a
    queued signal, those references end where widgets live.
    """

    bury = Signal(object)


_reaper: _Reaper | None = None


def _the_reaper() -> _Reaper:
    """Made on the first job, by the GUI thread that starts jobs."""
    global _reaper
    if _reaper is None:
        from PySide6.QtCore import Qt  # not before the first screen: 25 ms of enums

        _reaper = _Reaper()
        _reaper.bury.connect(_let_go, Qt.ConnectionType.QueuedConnection)
    return _reaper


def _let_go(leftovers: list[object]) -> None:
    """Empty the box here: what it held ends on this (the GUI) thread, whichever thread
    lets go of the box itself last."""
    leftovers.clear()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn[object], handle: TaskHandle[object], reaper: _Reaper) -> None:
        super().__init__()
        self._fn: TaskFn[object] | None = fn
        self._handle: TaskHandle[object] | None = handle
        self._reaper = reaper
        self.setAutoDelete(True)

    def run(self) -> None:
        h, self._handle = self._handle, None
        fn, self._fn = self._fn, None
        assert fn is not None
        assert h is not None

        def progress(done: int, total: int, h: TaskHandle[object] = h) -> None:
            if shiboken6.isValid(h):
                h.progress.emit(done, total)

        ok = True
        try:
            value: object = fn(h.token, progress)
        except Exception as err:  # reported to the GUI, which decides what to show
            log.debug("task failed: %s", "".join(traceback.format_exception(err)))
            ok, value = False, err
        # The screen that asked may have closed meanwhile (the app quitting): then nobody
        # is listening and the handle is gone.
        if shiboken6.isValid(h):
            (h.succeeded if ok else h.failed).emit(value)
            h.finished.emit()
        # The job, its result or error (with that error's frames) end on the GUI thread:
        # this thread keeps no reference to them once the box is sent.
        box: list[object] = [fn, value, progress, h]
        del fn, value, progress, h
        self._reaper.bury.emit(box)


def input_state() -> tuple[object, ...]:
    """What the user's hands leave visible to polling: the mouse pointer, its buttons,
    the modifier keys held, and which widget has the focus (Tab, clicks). Polled, not
    filtered: an application-wide Python event filter is called for every event of the
    process, and PySide then re-enters Python under every widget, which crashed start-up
    while a worker was importing modules."""
    from PySide6.QtGui import QCursor, QGuiApplication
    from PySide6.QtWidgets import QApplication

    pos = QCursor.pos()
    return (
        pos.x(),
        pos.y(),
        QGuiApplication.mouseButtons().value,
        QGuiApplication.keyboardModifiers().value,
        id(QApplication.focusWidget()),
    )


_start_up_over = False  # `GuiThreadCollector.freeze` was called: collections may run
# Young objects beyond which a pass would hold the GUI thread longer than a frame (about
# 0.8 µs an object): set aside until nobody is at the window.
SET_ASIDE_ABOVE = 20_000


class GuiThreadCollector(QObject):
    """Python's cycle collector, run on the GUI thread only.

    Left automatic, the collector runs on whichever thread happens to allocate: a
    worker may then free a cycle holding a widget (a screen and an error it kept), and
    destroy that widget off the GUI thread, which can deadlock Qt against the GIL.
    Automatic collection is switched off and the thresholds are checked here, on a
    timer, by the thread that owns the widgets.

    A full pass walks every object the process holds (hundreds of milliseconds with a
    large list loaded): it runs only once the user's input (`input_state`) has not
    changed for `idle_ms`. Young generations are collected on every tick that finds them
    due, so each pass stays small; what start-up allocated is frozen out of every pass
    (`freeze`).

    With `after_start_up`, nothing is collected until `freeze` (the first screen's data is
    on screen) or `start_up_ms` have passed: start-up allocates what lives as long as the
    window (modules, classes, screens) and almost no garbage, so young passes then walk
    tens of thousands of objects on the GUI thread for a handful of cycles.

    A job that built large structures (a 100,000-row import: 60,000 objects, 50 ms to
    walk) leaves a young generation too large to walk within a frame: it is set aside as
    it is (`gc.freeze`, no walk), and given back once nobody has touched the window for
    `give_back_ms`. Giving it back walks everything, start-up included, which can take a
    few hundred milliseconds, so it waits far longer than a full pass does. It is then
    collected with everything else and what lives on is frozen again.
    """

    def __init__(
        self,
        interval_ms: int = 100,
        idle_ms: int = 5000,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        activity: Callable[[], object] = input_state,
        after_start_up: bool = False,
        start_up_ms: int = 30_000,
        give_back_ms: int = 60_000,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._waiting_until: float | None = (
            clock() + start_up_ms / 1000 if after_start_up else None
        )
        self._activity = activity
        self.idle_s = idle_ms / 1000
        self.give_back_s = give_back_ms / 1000
        self._last_input = clock()
        self._last_state: object = None
        self._set_aside = False  # a large young generation frozen until it is given back
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    @property
    def idle(self) -> bool:
        """The user's input has not changed for `idle_s` (as of the last `check`)."""
        return self._clock() - self._last_input >= self.idle_s

    def check(self) -> None:
        if self._waiting_until is not None:
            if not _start_up_over and self._clock() < self._waiting_until:
                return
            self._waiting_until = None
        state = self._activity()
        if state != self._last_state:
            self._last_state = state
            self._last_input = self._clock()
        if self._set_aside and self._clock() - self._last_input >= self.give_back_s:
            # What was set aside, and everything else, is walked once nobody is at the
            # window; what lives on is frozen again (no garbage left to freeze with it).
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self._set_aside = False
            return
        if not _deferring and gc.get_count()[0] > SET_ASIDE_ABOVE:
            gc.freeze()
            self._set_aside = True
            return
        collect_if_due(oldest=self.idle)

    @staticmethod
    def freeze() -> None:
        """Move everything alive now (modules, classes, the first screen) out of the
        collector's reach for good: later passes, full ones included, skip it. No pass
        first: it would walk every object on the GUI thread to find a handful of start-up
        cycles (seven, measured on the demo network), which then stay."""
        global _start_up_over
        gc.freeze()
        _start_up_over = True


_deferring = 0  # jobs inside `collection_deferred`
_deferring_lock = threading.Lock()


@contextlib.contextmanager
def collection_deferred() -> Iterator[None]:
    """For a job that builds large structures (a 100,000-row import): the GUI thread does
    not collect meanwhile. Its collections would walk every object the job has made and
    still holds, and stall the window; once the job is done most of them are gone, and
    the next collection is short."""
    global _deferring
    with _deferring_lock:
        _deferring += 1
    try:
        yield
    finally:
        with _deferring_lock:
            _deferring -= 1


# While a job that runs long stretches of C (a 100,000-row read) is on a worker, the
# interpreter changes threads every millisecond instead of every 5, so the window's
# thread waits at most that long for it; restored as the last such job ends.
SHARED_SWITCH_INTERVAL = 0.001
_sharing = 0
_sharing_lock = threading.Lock()
_switch_before = 0.0


@contextlib.contextmanager
def interpreter_shared() -> Iterator[None]:
    """For a heavy job on a worker: the GUI thread gets the interpreter back sooner."""
    global _sharing, _switch_before
    with _sharing_lock:
        if _sharing == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_before, SHARED_SWITCH_INTERVAL))
        _sharing += 1
    try:
        yield
    finally:
        with _sharing_lock:
            _sharing -= 1
            if _sharing == 0:
                sys.setswitchinterval(_switch_before)


def collect_if_due(*, oldest: bool = True) -> int | None:
    """Collect the oldest generation whose threshold is passed, as Python would; the
    oldest generation (a full pass) only when `oldest` allows it, the young ones then.
    Returns the generation collected, if any."""
    if _deferring:
        return None
    counts, limits = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0) if oldest else (1, 0):
        if counts[generation] > limits[generation]:
            gc.collect(generation)
            return generation
    return None


def collect_on_gui_thread(parent: QObject) -> GuiThreadCollector:
    """Start the GUI-thread collector for the life of `parent` (the application)."""
    collector = GuiThreadCollector(parent=parent, after_start_up=True)
    collector.start()
    parent.destroyed.connect(lambda *_: gc.enable())
    return collector


def run_task(
    fn: TaskFn[T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: Pool | None = None,
    parent: QObject | None = None,
) -> TaskHandle[T]:
    """Start `fn(token, progress)` on the pool; callbacks run on the GUI thread.

    `on_success` receives what `fn` returned, typed as `fn` declares it. Without
    `on_error`, a known problem is shown in the window's status bar and a bug goes to the
    crash handler (`app.ui.errors.show_error`): no error is lost."""
    handle: TaskHandle[T] = TaskHandle(parent)
    if on_success is not None:
        handle.succeeded.connect(on_success)
    handle.failed.connect(on_error if on_error is not None else handle._unhandled)
    if on_progress is not None:
        handle.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, handle, _the_reaper()))
    return handle


class _Pump(QObject):
    """The half of a `StreamWorker` that lives in its thread and pulls the generator."""

    item = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, source: Callable[[CancelToken], Iterator[Any]], token: CancelToken) -> None:
        super().__init__()
        self._source = source
        self._token = token

    @Slot()
    def run(self) -> None:
        try:
            for obj in self._source(self._token):
                if self._token.cancelled:
                    break
                self.item.emit(obj)
        except Exception as err:
            log.debug("stream failed: %s", "".join(traceback.format_exception(err)))
            self.failed.emit(err)
        finally:
            self.done.emit()
            thread = self.thread()
            thread.quit()


class HandOff:
    """Lets one item of a stream through to the screen at a time.

    A live stream (meter readings, preview frames) keeps computing in its thread, but
    emits only once the screen has shown the previous item (`release`): a screen busy
    elsewhere gets the newest item when it is free, never a backlog of old ones queued
    in its event loop.
    """

    def __init__(self) -> None:
        self._free = threading.Event()
        self._free.set()

    def take(self) -> bool:
        if self._free.is_set():
            self._free.clear()
            return True
        return False

    def release(self) -> None:
        self._free.set()

    def newest(self, items: Iterator[T]) -> Iterator[T]:
        """`items`, less those produced while the screen still had one to show."""
        for item in items:
            if self.take():
                yield item


class StreamWorker(QObject):
    """Pulls items from a generator in a dedicated thread and emits each one.

    `item` carries each yielded object; `failed` an exception; `finished` always comes
    last. `stop()` cancels and waits for the thread, so closing a screen leaves no thread
    behind. The signals are emitted on the GUI thread, where this object lives: what the
    thread had queued before `stop()` is dropped there, so a stopped stream never reaches
    the screen (a disconnection alone does not withdraw calls Qt has already queued).
    """

    item = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self, source: Callable[[CancelToken], Iterator[Any]], parent: QObject | None = None
    ) -> None:
        super().__init__()
        self.token = CancelToken()
        self._thread = QThread(parent)
        self._thread.setObjectName("regie-stream")
        self._pump = _Pump(source, self.token)
        self._pump.moveToThread(self._thread)
        self._thread.started.connect(self._pump.run)
        self._pump.item.connect(self._forward_item)
        self._pump.failed.connect(self._forward_failed)
        self._pump.done.connect(self.finished)

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait; True when the thread has ended."""
        self.token.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            return self._thread.wait(timeout_ms)
        return True

    @Slot(object)
    def _forward_item(self, obj: object) -> None:
        if not self.token.cancelled:
            self.item.emit(obj)

    @Slot(object)
    def _forward_failed(self, err: object) -> None:
        if not self.token.cancelled:
            self.failed.emit(err)


class _InTurn(QRunnable):
    """One job of a `SerialPool`: runs it, then lets the next one go."""

    def __init__(self, job: QRunnable, then: Callable[[], None], reaper: _Reaper) -> None:
        super().__init__()
        self._job: QRunnable | None = job
        self._then: Callable[[], None] | None = then
        self._reaper = reaper
        self.setAutoDelete(True)

    def run(self) -> None:
        job, self._job = self._job, None
        then, self._then = self._then, None
        assert job is not None
        assert then is not None
        try:
            job.run()
        finally:
            then()
            # Like a job's own leftovers: what they hold ends on the GUI thread.
            box: list[object] = [job, then]
            del job, then
            self._reaper.bury.emit(box)


class SerialPool:
    """Runs jobs one at a time, in the order they were started, as a pool of one thread
    would: each job reaches `pool` (the global pool by default) once the job before it
    has returned. Their answers reach the GUI thread in that order too.

    A `Pool` itself: `run_task(fn, pool=SerialPool())`. Made on the GUI thread; a test's
    pool (`ImmediatePool`, or one it releases by hand) sees one job at a time.
    """

    def __init__(self, pool: Pool | None = None) -> None:
        self._pool = pool
        self._reaper = _the_reaper()
        self._lock = threading.Lock()  # jobs start on the GUI thread, end on workers
        self._waiting: list[QRunnable] = []
        self._running = False

    @property
    def idle(self) -> bool:
        """No job running or waiting its turn."""
        with self._lock:
            return not self._running and not self._waiting

    def start(self, runnable: QRunnable) -> None:
        with self._lock:
            if self._running:
                self._waiting.append(runnable)
                return
            self._running = True
        self._hand_over(runnable)

    def _hand_over(self, runnable: QRunnable) -> None:
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_InTurn(runnable, self._next, self._reaper))

    def _next(self) -> None:
        """A job returned (on its worker thread): the next one goes."""
        with self._lock:
            if not self._waiting:
                self._running = False
                return
            runnable = self._waiting.pop(0)
        self._hand_over(runnable)
