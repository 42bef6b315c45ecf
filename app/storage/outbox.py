"""The local queue of writes made offline, and their idempotent replay on the server.

The queue is a small SQLite file in the data folder (stdlib sqlite3, one row a write):
it survives a crash or a power cut, the GUI and the CLI can both add to it at once, and it
needs no server. The server keeps the keys of the writes it has applied in
`offline_receipts`, written in the same transaction as the write.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.core.attendance import CountSource
from app.core.checks import CheckKind, CheckResult
from app.core.clock import Clock, now_local
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.outbox import (
    PendingKind,
    PendingWrite,
    ReplayReport,
    SavedOfflineError,
    device_check_payload,
    new_key,
    replay,
)
from app.errors import NotFoundError, RegieError, ServerUnreachable
from app.storage import schema as t
from app.storage.database import Database, StorageError, classify
from app.storage.equipment import resolve_device
from app.storage.repositories import SqlCheckRepository

OUTBOX_FILE = "outbox.sqlite3"

offline_receipts = sa.Table(
    "offline_receipts",
    t.metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("applied_at", t.UtcDateTime(), nullable=False),
)


class LocalOutbox:
    """Writes waiting for the server, oldest first."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / OUTBOX_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with self._conn() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS pending ("
                    " seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
                    " kind TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,"
                    " error TEXT, ref TEXT)"
                )
                columns = {row[1] for row in conn.execute("PRAGMA table_info(pending)")}
                if "ref" not in columns:  # a queue written by Régie 0.1
                    conn.execute("ALTER TABLE pending ADD COLUMN ref TEXT")
        except (OSError, sqlite3.Error) as err:
            raise _unwritable(self.path) from err

    @contextlib.contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the queue; its failures (a full disk, a damaged file…)
        are known errors, classified as the database's are."""
        try:
            conn = sqlite3.connect(self.path, timeout=10)
            try:
                with conn:
                    yield conn
            finally:
                conn.close()
        except sqlite3.Error as err:
            known = classify(err, where=str(self.path), folder=self.path.parent)
            raise (known or _unwritable(self.path)) from err

    def add(self, kind: PendingKind, payload: dict[str, Any], *, key: str | None = None) -> str:
        key = key or new_key()
        try:
            with self._conn() as conn:
                conn.execute(
                    "INSERT INTO pending (key, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                    # wall clock: when the row was written (audit)
                    (key, kind.value, json.dumps(payload), datetime.now(UTC).isoformat()),
                )
        except (OSError, sqlite3.Error) as err:
            raise _unwritable(self.path) from err
        return key

    def put(self, kind: PendingKind, payload: dict[str, Any], ref: str) -> int:
        """Keep the newest version of `ref` (a run saved again and again offline): one
        write waits per `ref`, in the place of the first. Returns that place."""
        now = datetime.now(UTC).isoformat()  # wall clock: when the row was written (audit)
        try:
            with self._conn() as conn:
                row = conn.execute(
                    "SELECT seq FROM pending WHERE ref = ? AND error IS NULL", (ref,)
                ).fetchone()
                if row is not None:
                    # A new key: a send of the older version under way cannot forget this one.
                    conn.execute(
                        "UPDATE pending SET key = ?, payload = ?, created_at = ? WHERE seq = ?",
                        (new_key(), json.dumps(payload), now, row[0]),
                    )
                    return int(row[0])
                cur = conn.execute(
                    "INSERT INTO pending (key, kind, payload, created_at, ref)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (new_key(), kind.value, json.dumps(payload), now, ref),
                )
                assert cur.lastrowid is not None
                return int(cur.lastrowid)
        except (OSError, sqlite3.Error) as err:
            raise _unwritable(self.path) from err

    def items(self, kind: PendingKind | None = None) -> list[PendingWrite]:
        query = "SELECT key, kind, payload, created_at, error, ref, seq FROM pending"
        params: tuple[str, ...] = ()
        if kind is not None:
            query += " WHERE kind = ?"
            params = (kind.value,)
        with self._conn() as conn:
            rows = conn.execute(query + " ORDER BY seq", params).fetchall()
        return [
            PendingWrite(
                k, PendingKind(kind_), json.loads(p), datetime.fromisoformat(c), e, ref, seq
            )
            for k, kind_, p, c, e, ref, seq in rows
        ]

    def forget_ref(self, ref: str) -> None:
        """Drop what waits for `ref`: a newer version has just reached the server."""
        with self._conn() as conn:
            conn.execute("DELETE FROM pending WHERE ref = ? AND error IS NULL", (ref,))

    def count(self) -> int:
        """Writes still to send (refused ones are counted by `refused`)."""
        with self._conn() as conn:
            row = conn.execute("SELECT count(*) FROM pending WHERE error IS NULL").fetchone()
        return int(row[0])

    def refused(self) -> int:
        with self._conn() as conn:
            return int(
                conn.execute("SELECT count(*) FROM pending WHERE error IS NOT NULL").fetchone()[0]
            )

    def forget(self, key: str) -> None:
        with self._conn() as conn:
            conn.execute("DELETE FROM pending WHERE key = ?", (key,))

    def refuse(self, key: str, err: RegieError) -> None:
        with self._conn() as conn:
            conn.execute("UPDATE pending SET error = ? WHERE key = ?", (err.text(), key))


def _unwritable(path: Path) -> StorageError:
    return StorageError(
        _N("errors", "Régie cannot write its offline queue {path}."),
        _N("errors", "Check the permissions and free space of the data folder."),
        path=str(path),
        kind="outbox",
    )


def is_unreachable(err: BaseException) -> bool:
    """The server cannot be reached (as opposed to refusing the write)."""
    if isinstance(err, StorageError):
        return isinstance(err, ServerUnreachable)
    return isinstance(err, sa.exc.OperationalError | sa.exc.InterfaceError)


def apply(db: Database, item: PendingWrite) -> bool:
    """Apply one queued write and record its key, in one transaction; False when that key
    was already applied (nothing is written again)."""
    with db.begin(immediate=True) as conn:
        seen = conn.execute(
            sa.select(offline_receipts.c.key).where(offline_receipts.c.key == item.key)
        ).first()
        if seen is not None:
            return False
        if item.kind is PendingKind.ATTENDANCE:
            _apply_attendance(conn, item)
        elif item.kind is PendingKind.DEVICE_CHECK:
            _apply_device_check(conn, item)
        elif item.kind is PendingKind.CHECKLIST_RUN:
            _apply_checklist_run(conn, item)
        conn.execute(
            offline_receipts.insert().values(
                # wall clock: when the row was written (audit)
                key=item.key, kind=item.kind.value, applied_at=datetime.now(UTC)
            )
        )
    return True


def _apply_attendance(conn: sa.Connection, item: PendingWrite) -> None:
    from app.storage.attendance import _upsert

    p = item.payload
    sid = int(p["session_id"])
    exists = conn.execute(sa.select(t.sessions.c.id).where(t.sessions.c.id == sid)).first()
    if exists is None:
        raise NotFoundError(
            _N("errors", "Session {id} does not exist."),
            _N("errors", "Check the number with “regie sessions list”."),
            id=sid,
        )
    values: dict[str, Any] = {"updated_at": item.created_at}
    if p.get("registered") is not None:
        values |= {"registered": p["registered"], "registered_source": CountSource.TYPED.value}
    if p.get("connected") is not None:
        values |= {"connected": p["connected"], "connected_source": CountSource.TYPED.value}
    if p.get("on_site") is not None:
        values["on_site"] = p["on_site"]
    _upsert(conn, sid, values)


def _apply_device_check(conn: sa.Connection, item: PendingWrite) -> None:
    p = dict(item.payload)
    for ref, table in (("session_id", t.sessions), ("staff_id", t.staff)):
        # The session or person may have been removed meanwhile: keep the result, unlinked.
        if p.get(ref) is not None:
            found = conn.execute(sa.select(table.c.id).where(table.c.id == p[ref])).first()
            if found is None:
                p[ref] = None
    p["created_at"] = datetime.fromisoformat(p["created_at"])
    result = p.get("result")
    metrics = result.get("metrics") if isinstance(result, dict) else None
    p["device_id"] = resolve_device(
        conn, CheckKind(p["kind"]), str(p["device_key"]), str(p["device"]),
        metrics if isinstance(metrics, dict) else {},
    )
    conn.execute(t.device_checks.insert().values(**p))


def _apply_checklist_run(conn: sa.Connection, item: PendingWrite) -> None:
    from app.core.checklists import RunState
    from app.storage.checklists import write_run

    state = RunState.from_json(item.payload)
    # Whoever or whatever was removed meanwhile: keep the run, unlinked.
    if state.session_id is not None and not _exists(conn, t.sessions, state.session_id):
        state.session_id = None
    for attr in ("staff_id", "signed_off_by"):
        ref = getattr(state, attr)
        if ref is not None and not _exists(conn, t.staff, ref):
            setattr(state, attr, None)
    write_run(conn, state, by_id=False)


def _exists(conn: sa.Connection, table: sa.Table, row_id: int) -> bool:
    return conn.execute(sa.select(table.c.id).where(table.c.id == row_id)).first() is not None


class QueueingCheckRepository(SqlCheckRepository):
    """Device check results that cannot reach the network server wait in the local
    queue instead of being lost; `SavedOfflineError` tells the screen so."""

    def __init__(
        self,
        db: Database,
        outbox: LocalOutbox,
        on_queued: Callable[[], None] | None = None,
        clock: Clock = now_local,
    ) -> None:
        super().__init__(db, clock)
        self._outbox = outbox
        self._on_queued = on_queued

    def save(
        self,
        result: CheckResult,
        *,
        operator: str,
        staff_id: int | None = None,
        session_id: int | None = None,
        at: datetime | None = None,
    ) -> int:
        at = (at or self._clock()).astimezone(UTC)
        try:
            return super().save(
                result, operator=operator, staff_id=staff_id, session_id=session_id, at=at
            )
        except StorageError as err:
            if not is_unreachable(err):
                raise
        payload = device_check_payload(
            result, operator=operator, staff_id=staff_id, session_id=session_id, at=at
        )
        self._outbox.add(PendingKind.DEVICE_CHECK, payload)
        if self._on_queued is not None:
            self._on_queued()
        raise SavedOfflineError(self._outbox.count())


def send_pending(db: Database, outbox: LocalOutbox) -> ReplayReport:
    """Send what waits in the queue, oldest first; stops quietly when the server is gone."""
    return replay(
        outbox.items(),
        lambda item: apply(db, item),
        outbox.forget,
        outbox.refuse,
        is_unreachable,
    )
