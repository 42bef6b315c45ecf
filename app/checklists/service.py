"""Wiring the checklist service onto the app's storage and content folders."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import UTC
from typing import TYPE_CHECKING

from app.checklists.loader import load_catalog
from app.checklists.status import CheckFn, StoredCheckStatus
from app.core.checklists import CatalogCache, ChecklistRepository, ChecklistService
from app.storage.checklists import SqlChecklistRepository

if TYPE_CHECKING:
    from app.services import Services


def build_checklists(
    services: Services,
    *,
    extra_checks: Mapping[str, CheckFn] | None = None,
    repo: ChecklistRepository | None = None,
    session_types: Collection[str] | None = None,
    offline: Callable[[], bool] | None = None,
) -> ChecklistService:
    """The checklist service on the app's database, shipped content and user folder.

    `extra_checks` plugs in checks owned by other features, e.g.
    `{"vault_ready": fn, "zoom_launched": fn}` with `fn(session_id) -> bool | None`.
    `repo` replaces the plain repository (the desk's keeps runs offline); `session_types`
    gives the type codes when the database cannot be asked (the last known ones);
    `offline()` says it cannot be asked now (automatic checks are then unknown).
    """
    if session_types is None:
        session_types = [
            t.code for t in services.references.session_types(include_inactive=True)
        ]
    types = list(session_types)
    cache = CatalogCache(lambda: load_catalog(session_types=types))
    status = StoredCheckStatus(
        services.checks, services.session_repo, extra_checks, offline=offline
    )
    clock = services.clock
    return ChecklistService(
        cache,
        repo or SqlChecklistRepository(services.db),
        status,
        clock=lambda: clock().astimezone(UTC),
    )
