"""Checklist runs that keep going while the network database is out of reach.

A run saved when the server cannot be reached is kept whole in the local queue, one
entry per run (each save replaces the last); it is sent with the other offline writes
and lands on the server by its key, so a run sent twice, or saved online after its
offline copy was sent, stays one run. A run started offline has no server id yet: its
id here is its place in the queue, negated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.core.checklists import RunState, RunStatus, RunSummary, TrainingRecord
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.outbox import PendingKind
from app.errors import NotFoundError
from app.storage.checklists import SqlChecklistRepository
from app.storage.database import Database, StorageError
from app.storage.outbox import LocalOutbox, is_unreachable


def _never() -> bool:
    return False


class QueueingChecklistRepository(SqlChecklistRepository):
    """`SqlChecklistRepository` with the local queue behind it.

    `offline()` says the desk already knows the server is gone: the queue is then used
    without trying the server (no wait for a connection timeout at every click).
    """

    def __init__(
        self,
        db: Database,
        outbox: LocalOutbox,
        *,
        offline: Callable[[], bool] = _never,
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(db)
        self._outbox = outbox
        self._offline = offline
        self._on_queued = on_queued

    # ------------------------------------------------------------------ writes
    def save(self, state: RunState) -> int:
        if not self._offline():
            try:
                run_id = super().save(state)
            except StorageError as err:
                if not is_unreachable(err):
                    raise
            else:
                self._outbox.forget_ref(state.key)  # the server now has newer than that
                return run_id
        seq = self._outbox.put(PendingKind.CHECKLIST_RUN, state.as_json(), ref=state.key)
        if self._on_queued is not None:
            self._on_queued()
        return state.id if state.id is not None and state.id > 0 else -seq

    # ------------------------------------------------------------------ reads
    def _local(self) -> list[RunState]:
        """The runs waiting here; one started here gets its place in the queue as id."""
        out = []
        for item in self._outbox.items(PendingKind.CHECKLIST_RUN):
            if item.error is not None:
                continue
            state = RunState.from_json(item.payload)
            if state.id is None or state.id <= 0:
                state.id = -item.seq
            out.append(state)
        return out

    def load(self, run_id: int) -> RunState:
        for state in self._local():
            if state.id == run_id:
                return state
        if run_id < 0:
            raise NotFoundError(
                _N("errors", "This checklist run has just been sent to the server."),
                _N("errors", "Pick it again in the list of unfinished runs."),
            )
        self._fail_fast()
        return super().load(run_id)

    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]:
        return self._merged(
            lambda: super(QueueingChecklistRepository, self).unfinished(session_id=session_id),
            session_id,
            unfinished_only=True,
        )

    def runs(self, *, session_id: int | None = None, limit: int = 200) -> list[RunSummary]:
        merged = self._merged(
            lambda: super(QueueingChecklistRepository, self).runs(
                session_id=session_id, limit=limit
            ),
            session_id,
            unfinished_only=False,
        )
        return merged[:limit]

    def newest_runs(self, session_ids: Iterable[int]) -> dict[int, RunSummary]:
        """As `runs(session_id=…, limit=1)` for each session: a run kept here first, then
        the server's newest, when it answers."""
        wanted = set(session_ids)
        local: dict[int, RunSummary] = {}
        for state in self._local():
            if state.session_id in wanted:
                local.setdefault(state.session_id, summary(state))
        remote: dict[int, RunSummary] = {}
        rest = wanted - local.keys()
        if rest and not self._offline():
            try:
                remote = super().newest_runs(rest)
            except StorageError as err:
                if not is_unreachable(err):
                    raise
        return {**remote, **local}

    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]:
        self._fail_fast()
        return super().training_records(staff_id=staff_id)

    def _fail_fast(self) -> None:
        if self._offline():
            raise self._db.unreachable()

    def _merged(
        self,
        server: Callable[[], list[RunSummary]],
        session_id: int | None,
        *,
        unfinished_only: bool,
    ) -> list[RunSummary]:
        """This computer's runs first (they are the newest), then the server's, when it
        answers; the server's copy of a run saved here since is left out."""
        local = [
            summary(state)
            for state in self._local()
            if (session_id is None or state.session_id == session_id)
            and (not unfinished_only or state.status is RunStatus.IN_PROGRESS)
        ]
        remote: list[RunSummary] = []
        if not self._offline():
            try:
                remote = server()
            except StorageError as err:
                if not is_unreachable(err):
                    raise
        mine = {s.key for s in local}
        return local + [s for s in remote if s.key not in mine]


def summary(state: RunState) -> RunSummary:
    """A run kept on this computer as lists show it (names come from the screen, which
    knows them from its last copy of the server's data)."""
    return RunSummary(
        id=state.id if state.id is not None else 0,
        checklist_id=state.checklist_id,
        checklist_title=state.checklist_title,
        checklist_version=state.checklist_version,
        mode=state.mode,
        session_mode=state.session_mode,
        status=state.status,
        session_id=state.session_id,
        session_title=None,
        staff_id=state.staff_id,
        staff_name=None,
        started_at=state.started_at,
        updated_at=state.updated_at,
        resolved=sum(1 for r in state.records if r.resolved),
        total=len(state.records),
        local=True,
        key=state.key,
    )

