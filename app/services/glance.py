"""The first screen's glance at today's sessions, before the services are built: a
light read that needs neither SQLAlchemy nor the rest of the composition root."""

from __future__ import annotations

from app.config import AppConfig
from app.storage.glance import Glance, GlanceRow, read_glance, sqlite_file
from app.storage.migrations import HEAD

__all__ = ["Glance", "GlanceRow", "glance"]


def glance(config: AppConfig, branch_code: str | None, days: int) -> Glance | None:
    """Today's sessions of `branch_code` (None: the whole network) on a local database
    already at the current schema; None otherwise (a server, a first start, a migration
    to run): the full reading then comes first."""
    path = sqlite_file(config.db_url)
    if path is None:
        return None
    return read_glance(path, HEAD, config.clock().date(), days, branch_code)
