"""Fixtures for network mode: an empty database on either engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def empty_url(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no table at all: a new SQLite file, or a new PostgreSQL database."""
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = server.empty()
        yield url
        server.drop(url)
    else:
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"


from tests.zoom.conftest import at, network  # noqa: E402, F401  (shared fixtures)
