"""Checklists built from the tutorials, and the engine that runs them.

A checklist is content (loaded from files by `app.checklists`); a run is one person going
through it, for a session or for practice. Two ways to run: *read-do* (guided, one step at
a time with the tutorial) and *do-confirm* (the whole list, tick what is done). Steps may be
ticked automatically when the check they are bound to passes. A run ends with a sign-off;
signed-off guided runs are training records.

- `content`: checklists, steps, pause points, tutorials, the loaded catalogue;
- `state`: a run's saved state, its summaries and training records;
- `engine`: `ChecklistRun`, moving through a run and ticking its steps;
- `service`: `ChecklistService`, runs started, saved and resumed through a repository;
- `status`: whether an automatic check passes, from saved checks and sessions.
"""

from app.core.checklists.content import (
    AUTO_CHECKS,
    PAUSE_LABELS,
    PAUSE_ORDER,
    Catalog,
    Checklist,
    PausePoint,
    Problem,
    Step,
    Tutorial,
    TutorialSection,
    pause_due,
)
from app.core.checklists.engine import (
    ChecklistRun,
    CheckStatusProvider,
    check_statuses,
    utc_now,
)
from app.core.checklists.service import CatalogCache, ChecklistRepository, ChecklistService
from app.core.checklists.state import (
    RUN_MODE_LABELS,
    RunMode,
    RunState,
    RunStatus,
    RunSummary,
    StepRecord,
    StepState,
    TrainingRecord,
)
from app.core.checklists.status import CheckFn, StoredCheckStatus

__all__ = [
    "AUTO_CHECKS",
    "PAUSE_LABELS",
    "PAUSE_ORDER",
    "RUN_MODE_LABELS",
    "Catalog",
    "CatalogCache",
    "CheckFn",
    "CheckStatusProvider",
    "Checklist",
    "ChecklistRepository",
    "ChecklistRun",
    "ChecklistService",
    "PausePoint",
    "Problem",
    "RunMode",
    "RunState",
    "RunStatus",
    "RunSummary",
    "Step",
    "StepRecord",
    "StepState",
    "StoredCheckStatus",
    "TrainingRecord",
    "Tutorial",
    "TutorialSection",
    "check_statuses",
    "pause_due",
    "utc_now",
]
