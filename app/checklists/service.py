"""Wiring the checklist service onto the app's storage and content folders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.checklists.loader import load_catalog
from app.checklists.status import CheckFn, StoredCheckStatus
from app.core.checklists import CatalogCache, ChecklistService
from app.storage.checklists import SqlChecklistRepository

if TYPE_CHECKING:
    from app.services import Services


def build_checklists(
    services: Services, *, extra_checks: Mapping[str, CheckFn] | None = None
) -> ChecklistService:
    """The checklist service on the app's database, shipped content and user folder.

    `extra_checks` plugs in checks owned by other features, e.g.
    `{"vault_ready": fn, "zoom_launched": fn}` with `fn(session_id) -> bool | None`.
    """
    types = [t.code for t in services.references.session_types(include_inactive=True)]
    cache = CatalogCache(lambda: load_catalog(session_types=types))
    status = StoredCheckStatus(services.checks, services.session_repo, extra_checks)
    return ChecklistService(cache, SqlChecklistRepository(services.db), status)
