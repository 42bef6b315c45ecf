"""The newest checklist run of many sessions at once (the desk's readiness) is what each
session's own list gives: the server's newest, or a run kept on this computer first."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checklists import RunMode
from app.core.models import SessionDraft, SessionMode
from app.services import Services, build_checklists
from app.storage.offline_runs import QueueingChecklistRepository
from app.storage.outbox import LocalOutbox
from tests.support.fixtures import FIXED_NOW

pytestmark = pytest.mark.usefixtures("collect_sockets")


def _sessions(services: Services, count: int) -> list[int]:
    refs = services.references
    branch = refs.add_branch("vaise", "Vaise")
    tale = next(t for t in refs.session_types() if t.code == "storytime")
    return [
        services.sessions.create(SessionDraft(
            title=f"Conte {i}", type_id=tale.id, branch_id=branch,
            start=FIXED_NOW.replace(hour=14 + i), end=FIXED_NOW.replace(hour=15 + i),
            mode=SessionMode.REMOTE, capacity=20,
        ))
        for i in range(count)
    ]


def _newest_one_by_one(
    repo: QueueingChecklistRepository, ids: list[int]
) -> dict[int, tuple[int, bool, str | None]]:
    out = {}
    for sid in ids:
        runs = repo.runs(session_id=sid, limit=1)
        if runs:
            out[sid] = (runs[0].id, runs[0].local, runs[0].key)
    return out


def test_newest_runs_match_each_sessions_list(services: Services, tmp_path: Path) -> None:
    two_runs, kept_here, none = _sessions(services, 3)
    offline = False
    repo = QueueingChecklistRepository(services.db, LocalOutbox(tmp_path),
                                       offline=lambda: offline)
    svc = build_checklists(services, repo=repo)

    def start(sid: int) -> int:
        run = svc.start("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE, session_id=sid)
        return run.state.id or 0

    older = start(two_runs)
    newer = start(two_runs)
    on_server = start(kept_here)
    offline = True
    local = start(kept_here)  # kept on this computer: it comes first
    offline = False
    ids = [two_runs, kept_here, none]
    newest = {sid: (s.id, s.local, s.key) for sid, s in repo.newest_runs(ids).items()}
    assert newest == _newest_one_by_one(repo, ids)
    assert newest[two_runs][0] == newer != older
    assert newest[kept_here][0] == local != on_server and newest[kept_here][1]
    assert none not in newest
    # While the server is known away, only what is kept here.
    offline = True
    newest = {sid: (s.id, s.local, s.key) for sid, s in repo.newest_runs(ids).items()}
    assert newest == _newest_one_by_one(repo, ids) == {kept_here: newest[kept_here]}
    assert repo.newest_runs([]) == {}
