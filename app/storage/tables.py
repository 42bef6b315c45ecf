"""Every table of the schema: the core tables and those that features keep next to their
repositories. Alembic's environment and the schema tests read `metadata` from here."""

from __future__ import annotations

from app.storage import (
    attendance,
    bookings,
    checklists,
    equipment,
    licences,
    outbox,
    readiness,
    registrations,
)
from app.storage.schema import metadata

FEATURE_MODULES = (
    attendance,
    bookings,
    checklists,
    equipment,
    licences,
    outbox,
    readiness,
    registrations,
)

__all__ = ["FEATURE_MODULES", "metadata"]
