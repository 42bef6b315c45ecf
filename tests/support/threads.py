"""Which QThreads a test started, and where: the suite fails a test that leaves one
running (tests/conftest.py), wherever the thread is parented."""

from __future__ import annotations

import traceback
from typing import Any

import shiboken6
from PySide6.QtCore import QDeadlineTimer, QThread


class ThreadWatch:
    """Records every `QThread.start` between `begin()` and `end()` with its call stack."""

    def __init__(self) -> None:
        self._started: list[tuple[QThread, str]] = []
        self._original: Any = None

    def begin(self) -> None:
        original = self._original = QThread.start
        started = self._started

        def start(thread: QThread, *args: Any, **kwargs: Any) -> None:
            started.append((thread, "".join(traceback.format_stack(limit=12)[:-1])))
            original(thread, *args, **kwargs)

        QThread.start = start  # type: ignore[method-assign]

    def end(self) -> None:
        QThread.start = self._original  # type: ignore[method-assign]

    def still_running(self, grace_ms: int) -> list[tuple[QThread, str]]:
        """The threads started since `begin()` that run on after `grace_ms` (a thread
        already told to quit gets that long to end), each with where it was started."""
        deadline = QDeadlineTimer(grace_ms)
        return [
            (thread, where)
            for thread, where in self._started
            if shiboken6.isValid(thread) and thread.isRunning() and not thread.wait(deadline)
        ]

    @staticmethod
    def describe(running: list[tuple[QThread, str]]) -> str:
        return "\n".join(
            f"{thread.objectName() or type(thread).__name__}, started at:\n{where}"
            for thread, where in running
        )
