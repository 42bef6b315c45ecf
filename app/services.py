"""Composition root: wires the real repositories and services for the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.config import AppConfig
from app.core.sessions import SessionService, now_local
from app.storage.database import Database, MigrationReport
from app.storage.repositories import (
    SqlCheckRepository,
    SqlReferenceRepository,
    SqlSessionRepository,
    SqlSettingsRepository,
)


@dataclass
class Services:
    config: AppConfig
    db: Database
    migration: MigrationReport
    references: SqlReferenceRepository
    sessions: SessionService
    session_repo: SqlSessionRepository
    checks: SqlCheckRepository
    settings: SqlSettingsRepository

    def close(self) -> None:
        self.db.dispose()


def open_services(
    config: AppConfig, *, migrate: bool = True, clock: Callable[[], datetime] = now_local
) -> Services:
    """Open the database (migrating it after a backup) and build every service on it."""
    db = Database(config.db_url)
    try:
        report = db.migrate() if migrate else MigrationReport(None, None, None)
        refs = SqlReferenceRepository(db)
        session_repo = SqlSessionRepository(db)
        return Services(
            config=config,
            db=db,
            migration=report,
            references=refs,
            sessions=SessionService(session_repo, refs, clock),
            session_repo=session_repo,
            checks=SqlCheckRepository(db),
            settings=SqlSettingsRepository(db),
        )
    except BaseException:
        db.dispose()
        raise
