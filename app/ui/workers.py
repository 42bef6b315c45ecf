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

import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

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


ProgressFn = Callable[[int, int], None]
TaskFn = Callable[[CancelToken, ProgressFn], Any]


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs a job at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class TaskHandle(QObject):
    """The GUI side of a job: its signals, and cancel()."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded or failed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, handle: TaskHandle) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        h = self._handle

        def progress(done: int, total: int) -> None:
            if shiboken6.isValid(h):
                h.progress.emit(done, total)

        ok = True
        try:
            value: object = self._fn(h.token, progress)
        except Exception as err:  # reported to the GUI, which decides what to show
            log.debug("task failed: %s", "".join(traceback.format_exception(err)))
            ok, value = False, err
        # The screen that asked may have closed meanwhile (the app quitting): then nobody
        # is listening and the handle is gone.
        if shiboken6.isValid(h):
            (h.succeeded if ok else h.failed).emit(value)
            h.finished.emit()


def run_task(
    fn: TaskFn,
    *,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: Pool | None = None,
    parent: QObject | None = None,
) -> TaskHandle:
    """Start `fn(token, progress)` on the pool; callbacks run on the GUI thread."""
    handle = TaskHandle(parent)
    if on_success is not None:
        handle.succeeded.connect(on_success)
    if on_error is not None:
        handle.failed.connect(on_error)
    if on_progress is not None:
        handle.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, handle))
    return handle


class StreamWorker(QObject):
    """Pulls items from a generator in a dedicated thread and emits each one.

    `item` carries each yielded object; `failed` an exception; `finished` always comes
    last. `stop()` cancels and waits for the thread, so closing a screen leaves no thread
    behind.
    """

    item = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self, source: Callable[[CancelToken], Iterator[Any]], parent: QObject | None = None
    ) -> None:
        super().__init__()
        self._source = source
        self.token = CancelToken()
        self._thread = QThread(parent)
        self._thread.setObjectName("regie-stream")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

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

    @Slot()
    def _run(self) -> None:
        try:
            for obj in self._source(self.token):
                if self.token.cancelled:
                    break
                self.item.emit(obj)
        except Exception as err:
            log.debug("stream failed: %s", "".join(traceback.format_exception(err)))
            self.failed.emit(err)
        finally:
            self.finished.emit()
            self._thread.quit()
