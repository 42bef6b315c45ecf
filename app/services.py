"""Composition root: wires the real repositories and services for the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.config import AppConfig
from app.core.attendance import AttendanceService
from app.core.clock import Clock, now_local
from app.core.sessions import SessionService
from app.storage.attendance import build_attendance
from app.storage.database import Database, MigrationReport
from app.storage.demo import DemoCounts
from app.storage.repositories import (
    SqlCheckRepository,
    SqlReferenceRepository,
    SqlSessionRepository,
    SqlSettingsRepository,
)
from app.zoom.launch import LicenceFeature, build_licences

if TYPE_CHECKING:
    from app.core.checklists import CheckFn, ChecklistRepository, ChecklistService

DEMO_SEED = 2020


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
    clock: Clock = field(default=now_local)
    attendance: AttendanceService = field(init=False)
    licences: LicenceFeature = field(init=False)

    def close(self) -> None:
        self.db.dispose()


def open_services(
    config: AppConfig, *, migrate: bool = True, clock: Clock | None = None
) -> Services:
    """Open the database (migrating it after a backup) and build every service on it.
    `clock` (by default the configuration's) is the one "now" of every rule and screen."""
    clock = clock or config.clock
    db = Database(config.db_url)
    try:
        report = db.migrate() if migrate else MigrationReport(None, None, None)
        refs = SqlReferenceRepository(db)
        session_repo = SqlSessionRepository(db)
        services = Services(
            config=config,
            db=db,
            migration=report,
            references=refs,
            sessions=SessionService(session_repo, refs, clock),
            session_repo=session_repo,
            checks=SqlCheckRepository(db, clock),
            settings=SqlSettingsRepository(db),
            clock=clock,
        )
        services.attendance = build_attendance(services, clock=clock)
        services.licences = build_licences(services)
        return services
    except BaseException:
        db.dispose()
        raise


def licence_checks(services: Services) -> dict[str, CheckFn]:
    """The automatic checklist checks that the licence feature answers, for the window
    and the command line alike."""
    from app.core.models import SessionStatus
    from app.zoom.vault import SecretKind

    def vault_ready(session_id: int) -> bool | None:
        """The session's licence has its host key registered in the keyring.

        Reads the database's references only: polled by the checklist screen, it must not
        wait on the keyring (whose own health shows in the Licences area).
        """
        licence_id = services.session_repo.get(session_id).licence_id
        if licence_id is None:
            return False
        return SecretKind.HOST_KEY in services.licences.secrets.kinds(licence_id)

    def zoom_launched(session_id: int) -> bool | None:
        status = services.session_repo.get(session_id).status
        return status in (SessionStatus.RUNNING, SessionStatus.DONE)

    return {"vault_ready": vault_ready, "zoom_launched": zoom_launched}


def build_checklists(
    services: Services,
    *,
    repo: ChecklistRepository | None = None,
    session_types: Collection[str] | None = None,
    offline: Callable[[], bool] | None = None,
) -> ChecklistService:
    """The checklist service on the app's database, shipped content and user folder, with
    every automatic check (devices from saved results, licence and launch from the licence
    feature).

    `repo` replaces the plain repository (the desk's keeps runs offline); `session_types`
    gives the type codes when the database cannot be asked (the last known ones);
    `offline()` says it cannot be asked now (automatic checks are then unknown).
    """
    from app.checklists.loader import load_catalog
    from app.core.checklists import CatalogCache, ChecklistService, StoredCheckStatus
    from app.storage.checklists import SqlChecklistRepository

    if session_types is None:
        session_types = [
            t.code for t in services.references.session_types(include_inactive=True)
        ]
    types = list(session_types)
    cache = CatalogCache(lambda: load_catalog(session_types=types))
    status = StoredCheckStatus(
        services.checks, services.session_repo, licence_checks(services), offline=offline
    )
    clock = services.clock
    return ChecklistService(
        cache,
        repo or SqlChecklistRepository(services.db),
        status,
        clock=lambda: clock().astimezone(UTC),
    )


def load_demo_network(services: Services, now: datetime | None = None) -> DemoCounts:
    """The demo network, then plausible attendance for its sessions already held."""
    import random

    from app.core.attendance import demo_attendance
    from app.core.demo import build_demo
    from app.storage.attendance import write_demo_attendance
    from app.storage.demo import load_demo

    counts = load_demo(services.db, build_demo(now or services.clock()))
    write_demo_attendance(
        services.db,
        demo_attendance(services.sessions.list(), random.Random(DEMO_SEED)),  # noqa: S311 - demo
    )
    return counts


def try_database(url: str, password: str = "") -> str:
    """Connect to `url` (with `password` if given, else the keyring's) and return where it
    is, without its password; raises the storage error that says what is wrong."""
    from app.storage.database import resolve_url, without_password

    target = resolve_url(url)
    if password:
        import sqlalchemy as sa

        target = sa.engine.make_url(target).set(password=password).render_as_string(
            hide_password=False
        )
    db = Database(target)
    try:
        db.current_revision()
    finally:
        db.dispose()
    return without_password(url)


def choose_database(url: str | None, password: str = "") -> str | None:
    """Make `url` the database Régie opens from now on (None: the embedded one). The
    password goes to the keyring; only the URL without it is remembered."""
    from app.config import save_db_url
    from app.storage.database import credential_ref, without_password

    if url is None:
        save_db_url(None)
        return None
    clean = without_password(url)
    if password:
        from app.zoom.vault import KeyringVault

        KeyringVault().put(credential_ref(clean), password)
    save_db_url(clean)
    return clean
