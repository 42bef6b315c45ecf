"""The checklist service: the loaded content, and runs started, saved, resumed and
signed off through a repository."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from app.core.checklists.content import Catalog
from app.core.checklists.engine import (
    ChecklistRun,
    CheckStatusProvider,
    check_statuses,
    utc_now,
)
from app.core.checklists.state import RunMode, RunState, RunStatus, RunSummary, TrainingRecord
from app.core.clock import Clock
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode
from app.errors import RegieError


class ChecklistRepository(Protocol):
    def save(self, state: RunState) -> int: ...
    def load(self, run_id: int) -> RunState: ...
    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]: ...
    def runs(self, *, session_id: int | None = None, limit: int = 200) -> list[RunSummary]: ...
    def newest_runs(self, session_ids: Iterable[int]) -> dict[int, RunSummary]: ...
    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]: ...


class CatalogCache:
    """The loaded content, kept until a reload (after a technician edits a file)."""

    def __init__(self, loader: Callable[[], Catalog]) -> None:
        self._loader = loader
        self._catalog: Catalog | None = None

    def __call__(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._loader()
        return self._catalog

    def reload(self) -> Catalog:
        self._catalog = None
        return self()


class ChecklistService:
    """Starts, saves, resumes and signs off runs; every change is saved at once, so a
    closed window loses nothing."""

    def __init__(
        self,
        catalog: CatalogCache,
        repo: ChecklistRepository,
        checks: CheckStatusProvider,
        *,
        clock: Clock = utc_now,
    ) -> None:
        self._catalog = catalog
        self.repo = repo
        self.checks = checks
        self._clock = clock

    @property
    def catalog(self) -> Catalog:
        return self._catalog()

    def reload(self) -> Catalog:
        """Read the content files again."""
        return self._catalog.reload()

    def start(
        self,
        checklist_id: str,
        mode: RunMode,
        session_mode: SessionMode,
        *,
        session_id: int | None = None,
        staff_id: int | None = None,
    ) -> ChecklistRun:
        run = self.begin(
            checklist_id, mode, session_mode, session_id=session_id, staff_id=staff_id
        )
        run.apply_checks(self.checks)
        self.save(run)
        return run

    def begin(
        self,
        checklist_id: str,
        mode: RunMode,
        session_mode: SessionMode,
        *,
        session_id: int | None = None,
        staff_id: int | None = None,
    ) -> ChecklistRun:
        """A new run, neither checked nor saved yet: a screen saves it and reads its
        automatic checks in the background."""
        checklist = self.catalog.checklist(checklist_id)
        return ChecklistRun.start(
            checklist, mode, session_mode, session_id=session_id, staff_id=staff_id,
            clock=self._clock,
        )

    def resume(self, run_id: int) -> ChecklistRun:
        state = self.repo.load(run_id)
        checklist = self.catalog.checklists.get(state.checklist_id)
        if checklist is None:
            raise RegieError(
                _N("errors", "The checklist “{id}” of this run is no longer installed."),
                _N("errors", "Put its file back in the checklists folder, or start anew."),
                id=state.checklist_id,
            )
        if checklist.version != state.checklist_version and state.status is RunStatus.IN_PROGRESS:
            state.checklist_version = checklist.version
            state.checklist_title = checklist.title
        run = ChecklistRun(checklist, state, clock=self._clock)
        if not run.finished:
            run.apply_checks(self.checks)
        return run

    def save(self, run: ChecklistRun) -> int:
        run_id = self.repo.save(run.state)
        run.state.id = run_id
        return run_id

    def check_statuses(self, run: ChecklistRun) -> dict[str, bool | None]:
        """Read the run's pending automatic checks (reads only: fine in a worker)."""
        return check_statuses(run, self.checks)

    def sign_off(self, run: ChecklistRun, staff_id: int) -> None:
        run.sign_off(staff_id)
        self.save(run)

    def abandon(self, run: ChecklistRun) -> None:
        run.abandon()
        self.save(run)

    def unfinished(self, *, session_id: int | None = None) -> list[RunSummary]:
        return self.repo.unfinished(session_id=session_id)

    def training_records(self, *, staff_id: int | None = None) -> list[TrainingRecord]:
        return self.repo.training_records(staff_id=staff_id)
