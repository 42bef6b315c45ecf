"""Saving runs in the background, in the order they were made."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.checklists import ChecklistRun, ChecklistService
from app.ui.errors import known
from app.ui.workers import CancelToken, Pool, SerialPool, TaskFn, run_task


class RunSaver(QObject):
    """Saves runs off the GUI thread, one at a time and in the order they were made (on a
    `SerialPool`), so a click never waits for the database (a network one may be slow,
    or gone).

    Each save carries a copy of the run's state as it was at the click; the database
    finds the run by its key, so a save made before the first one returned its id
    still lands on the same run.
    """

    failed = Signal(object)  # RegieError of a save

    def __init__(
        self, service: ChecklistService, pool: Pool | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = SerialPool(pool)
        self._pending = 0  # saves (and waits) whose answer has not come back yet

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def save(self, run: ChecklistRun, then: Callable[[], None] | None = None) -> None:
        """Save the run as it is now; `then` once it has landed (not if it failed)."""
        state = copy.deepcopy(run.state)
        repo = self._service.repo

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            return repo.save(state)

        def landed(run_id: int) -> None:
            if run.state.key == state.key:
                run.state.id = run_id
            if then is not None:
                then()

        self._submit(work, landed)

    def when_idle(self, then: Callable[[], None]) -> None:
        """Run `then` once every save asked so far has landed (or failed)."""
        if self.idle:
            then()
        else:
            self._submit(_no_work, lambda _none: then())

    def _submit(self, work: TaskFn[Any], landed: Callable[[Any], None]) -> None:
        self._pending += 1

        def succeeded(value: object) -> None:
            self._pending -= 1
            landed(value)

        def failed(err: BaseException) -> None:
            self._pending -= 1
            self.failed.emit(known(err))

        run_task(work, on_success=succeeded, on_error=failed, pool=self._pool, parent=self)


def _no_work(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
    return None
