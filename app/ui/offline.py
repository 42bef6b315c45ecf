"""Whether the network database answers, and what happens when it answers again.

A light ping runs in a worker every half minute (network databases only); screens that
meet the server gone report it too. When it answers again, the writes kept on this
computer are sent (in a worker, exactly once thanks to the server's receipts) and the
desk goes back to live data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.outbox import PendingKind, ReplayReport
from app.errors import RegieError, ServerUnreachable
from app.services.offline import NetworkLink
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.services import Database

PING_INTERVAL_MS = 30_000


def unreachable(err: BaseException) -> bool:
    return isinstance(err, ServerUnreachable)


class ConnectionMonitor(QObject):
    went_offline = Signal()
    came_online = Signal(object)  # ReplayReport of the writes sent on return
    queue_changed = Signal(int)  # writes waiting on this computer
    _seen_unreachable = Signal()  # from any thread

    def __init__(
        self,
        link: NetworkLink,
        db: Database,
        *,
        migrate_on_return: bool = False,
        interval_ms: int = PING_INTERVAL_MS,
        pool: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.db = db
        self._migrate = migrate_on_return
        self._pool = pool
        self._busy = False
        self._again = False  # asked while a ping was under way: ask once more after it
        self.last_report: ReplayReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.ping_now)
        self._seen_unreachable.connect(self._set_offline)
        link.when_queued(self.note_queued)

    @property
    def offline(self) -> bool:
        """The server is known to be away (the link's state, shared with the services)."""
        return self.link.offline

    def start(self) -> None:
        """Ping periodically (network databases only: a local file is always there)."""
        if self.link.network:
            self.timer.start()
        self.queue_changed.emit(self.waiting())

    def stop(self) -> None:
        self.timer.stop()

    def waiting(self) -> int:
        try:
            return self.link.waiting()
        except Exception:  # an unreadable queue file must not take the desk down
            return 0

    def report(self, err: BaseException) -> bool:
        """A screen met an error: True when it means the server is gone (safe from any
        thread)."""
        if not unreachable(err) or not self.link.network:
            return False
        self._seen_unreachable.emit()
        return True

    def note_queued(self) -> None:
        """A write was just kept on this computer (safe from any thread)."""
        self._seen_unreachable.emit()

    def queue(self, kind: PendingKind, payload: dict[str, Any]) -> int:
        """Keep a write for later; returns how many wait."""
        waiting = self.link.queue(kind, payload)
        self._set_offline()
        return waiting

    def ping_now(self) -> None:
        """Ask the server once, in a worker; on an answer, send what waits.

        Asked while a ping is under way, it pings again once that one ends: the
        answer in flight may predate the server coming back."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        db, link = self.db, self.link

        def ping(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            link.ping(db)

        run_task(ping, on_success=self._answered, on_error=self._ping_failed,
                 pool=self._pool, parent=self)

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self.ping_now()

    def _ping_failed(self, err: BaseException) -> None:
        if isinstance(err, RegieError):  # away, or a server that cannot serve us now
            self._set_offline()
            self._done()
            return
        self._done()
        raise err

    def _answered(self, _none: object) -> None:
        if not self.offline and self.waiting() == 0:
            self._done()
            return
        db, link, migrate = self.db, self.link, self._migrate

        def send(_t: CancelToken, _p: Callable[[int, int], None]) -> ReplayReport:
            return link.send_waiting(db, migrate=migrate)

        run_task(send, on_success=self._sent, on_error=self._ping_failed,
                 pool=self._pool, parent=self)

    def _sent(self, report: ReplayReport) -> None:
        self._busy = False
        self._again = False  # asked while a ping was under way: ask once more after it
        self.last_report = report
        self.queue_changed.emit(self.waiting())
        if report.still_offline:
            self._set_offline()
            return
        self._migrate = False
        was_offline = self.offline
        self.link.offline = False
        if was_offline or report.sent or report.already or report.refused:
            self.came_online.emit(report)

    def _set_offline(self) -> None:
        self.queue_changed.emit(self.waiting())
        if self.offline:
            return
        self.link.offline = True
        self.went_offline.emit()
