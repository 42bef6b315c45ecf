"""Offline mode's one home: how the desk and the command line live with a network database
that may be away.

`NetworkLink` is the headless side of it, used by the window's connection monitor and by
the verbs alike: it pings the server, keeps writes on this computer (the outbox) while the
server is away, sends them once when it answers, and keeps and reads the copy of the last
known data (the snapshot) that screens show read-only meanwhile. "The server is away" is
the `ServerUnreachable` error type, never a message or a kind string.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.outbox import PendingKind, ReplayReport
from app.errors import ServerUnreachable

if TYPE_CHECKING:
    from app.core.checklists import ChecklistRepository
    from app.core.clock import Clock
    from app.core.models import SessionRow
    from app.core.snapshot import Snapshot
    from app.storage.database import Database
    from app.storage.outbox import LocalOutbox
    from app.storage.repositories import SqlCheckRepository


def is_network(url: str) -> bool:
    """A database server rather than a file on this computer (plain paths are files)."""
    from app.storage.database import is_network_url

    return is_network_url(url)


class NetworkLink:
    """The link between this computer and its database, for one desk or one command.

    `folder` is the per-user data folder, where the outbox and the snapshot live. Nothing
    is opened before it is needed: a local database never queues and never pings.
    """

    def __init__(self, db_url: str, folder: Path, *, queue_writes: bool = False) -> None:
        self.db_url = db_url
        self.folder = folder
        self.network = is_network(db_url)
        # The desk keeps device checks and checklist runs here while the server is away;
        # a command decides per write (it asks the server once, then queues).
        self.queue_writes = queue_writes and self.network
        # Known to be away: set by whoever watches the server (the desk's monitor, or a
        # command that met it gone); writes then go to the outbox without trying.
        self.offline = False
        self._outbox: LocalOutbox | None = None
        self._on_queued: list[Callable[[], None]] = []

    def when_queued(self, listener: Callable[[], None]) -> None:
        """Call `listener` (from any thread) whenever a write is kept on this computer."""
        self._on_queued.append(listener)

    def _queued(self) -> None:
        for listener in self._on_queued:
            listener()

    # ------------------------------------------------------------------ the queue
    @property
    def outbox(self) -> LocalOutbox:
        if self._outbox is None:
            from app.storage.outbox import LocalOutbox

            self._outbox = LocalOutbox(self.folder)
        return self._outbox

    def waiting(self) -> int:
        """Writes kept on this computer, waiting to be sent."""
        return self.outbox.count()

    def refused(self) -> int:
        """Writes the server refused; they stay here for a technician to look at."""
        return self.outbox.refused()

    def queue(self, kind: PendingKind, payload: dict[str, Any]) -> int:
        """Keep a write for later; returns how many wait."""
        self.outbox.add(kind, payload)
        self._queued()
        return self.waiting()

    def send_waiting(self, db: Database, *, migrate: bool = False) -> ReplayReport:
        """Send what waits, oldest first, exactly once; stops quietly when the server goes
        away again (`still_offline`). `migrate` first brings a server that was away at
        start-up to the current schema."""
        from app.storage.outbox import send_pending

        if migrate:
            db.migrate()
        return send_pending(db, self.outbox)

    # ------------------------------------------------------------------ the server
    @staticmethod
    def ping(db: Database) -> None:
        """One round trip; `ServerUnreachable` when the server is away."""
        db.ping()

    @staticmethod
    def unreachable(err: BaseException) -> bool:
        return isinstance(err, ServerUnreachable)

    # ------------------------------------------------------------------ last known data
    def last_known(self) -> Snapshot | None:
        """The copy saved at the last successful load of this database, if any."""
        if not self.network:
            return None
        from app.storage.database import resolve_url
        from app.storage.snapshot import read_snapshot

        return read_snapshot(self.folder, resolve_url(self.db_url))

    def keep(self, db: Database, rows: list[SessionRow]) -> None:
        """Save `rows` (every session, as just listed) with what screens need offline."""
        from app.storage.snapshot import take_snapshot

        take_snapshot(self.folder, db, rows)

    # ------------------------------------------------------------------ queueing writes
    def check_repository(self, db: Database, clock: Clock) -> SqlCheckRepository:
        """Device checks on this database: kept on this computer while a network server is
        away (for the desk), written directly otherwise."""
        from app.storage.outbox import QueueingCheckRepository
        from app.storage.repositories import SqlCheckRepository

        if not self.queue_writes:
            return SqlCheckRepository(db, clock)
        return QueueingCheckRepository(db, self.outbox, self._queued, clock)

    def checklist_repository(self, db: Database) -> ChecklistRepository:
        """Checklist runs on this database, kept whole on this computer while a network
        server is away."""
        from app.storage.checklists import SqlChecklistRepository
        from app.storage.offline_runs import QueueingChecklistRepository

        if not self.queue_writes:
            return SqlChecklistRepository(db)
        return QueueingChecklistRepository(
            db, self.outbox, offline=lambda: self.offline, on_queued=self._queued
        )
