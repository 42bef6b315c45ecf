"""Shared fixtures: a migrated real SQLite database, with or without the demo network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from app.config import AppConfig
from app.services import Services, open_services

# The demo term and tests are pinned to a known "now": Tuesday 24 November 2026, 10:00.
FIXED_NOW = datetime(2026, 11, 24, 10, 0).astimezone()


@pytest.fixture
def services(config: AppConfig) -> Iterator[Services]:
    """Services on a fresh, migrated SQLite file (empty network, seeded session types)."""
    s = open_services(config, clock=lambda: FIXED_NOW)
    yield s
    s.close()
