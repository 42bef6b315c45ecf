"""The composition root's wiring: the real repositories and services for the GUI and the CLI."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.config import AppConfig, data_dir
from app.core.attendance import (
    AttendanceRecord,
    AttendanceService,
    ParticipantReader,
    ParticipantReport,
)
from app.core.clock import Clock, now_local
from app.core.licences import LicenceDraft, LicenceService
from app.core.models import SessionRow
from app.core.readiness import Readiness
from app.core.secrets import SecretChange
from app.core.sessions import SessionService
from app.errors import RegieError
from app.services.facts import FactReader, launch_checks
from app.services.offline import NetworkLink
from app.services.registrations import RegistrationFeature, build_registrations
from app.storage.attendance import SqlAttendanceRepository
from app.storage.database import Database as Database  # the type of Services.db
from app.storage.database import MigrationReport
from app.storage.demo import DemoCounts
from app.storage.licences import SqlLicenceRepository
from app.storage.readiness import SqlReadinessRepository
from app.storage.repositories import (
    SqlCheckRepository,
    SqlReferenceRepository,
    SqlSessionRepository,
    SqlSettingsRepository,
)
from app.zoom.launch import ZoomLauncher
from app.zoom.participants import read_participants
from app.zoom.vault import (
    CredentialVault,
    KeyringVault,
    LicenceSecrets,
    clean_secret,
    namespace,
)

if TYPE_CHECKING:
    from app.core.checklists import (
        CheckFn,
        ChecklistRepository,
        ChecklistService,
        CheckStatusProvider,
    )

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
    link: NetworkLink
    clock: Clock = field(default=now_local)
    attendance: AttendanceService = field(init=False)
    licences: LicenceFeature = field(init=False)
    facts: FactReader = field(init=False)  # readiness facts of many sessions at once
    registrations: RegistrationFeature = field(init=False)

    def close(self) -> None:
        self.db.dispose()


@dataclass
class LicenceFeature:
    """Everything the licence screens and verbs need, built on the shared services."""

    service: LicenceService
    repo: SqlLicenceRepository
    secrets: LicenceSecrets
    vault: CredentialVault
    launcher: ZoomLauncher

    def save(
        self, draft: LicenceDraft, secrets: list[SecretChange], licence_id: int | None = None
    ) -> int:
        """Add (`licence_id` None) or update a licence with its secrets, all or nothing
        from the user's view: bad secrets are refused before anything is written, and a
        new licence whose secrets cannot be stored is removed again."""
        for change in secrets:
            if change.value is not None:
                clean_secret(change.kind, change.value)
        if licence_id is None:
            new_id = self.service.add(draft)
            try:
                self._apply(new_id, secrets)
            except BaseException:
                with contextlib.suppress(RegieError):
                    self.secrets.remove_all(new_id)
                self.service.delete(new_id)
                raise
            return new_id
        self.service.update(licence_id, draft)
        self._apply(licence_id, secrets)
        return licence_id

    def _apply(self, licence_id: int, changes: list[SecretChange]) -> None:
        if not changes:
            return
        self.secrets.require_usable()
        for change in changes:
            if change.value is None:
                self.secrets.remove(licence_id, change.kind)
            else:
                self.secrets.store(licence_id, change.kind, change.value)

    def remove(self, licence_id: int) -> int:
        """Delete the licence, then its keyring entries; refused (nothing removed) while
        it is in use, or when the keyring cannot be reached and secrets would be orphaned.
        Returns how many secrets went with it."""
        kinds = self.secrets.kinds(licence_id)
        if kinds:
            self.secrets.require_usable()
        self.service.delete(licence_id)
        for kind in kinds:
            self.vault.delete(self.secrets.licence_ref(licence_id, kind))
        return len(kinds)


def build_licences(services: Services, vault: CredentialVault | None = None) -> LicenceFeature:
    """Wire the real repository and keyring vault onto the shared services."""
    repo = SqlLicenceRepository(services.db, services.clock)
    real_vault: CredentialVault = vault if vault is not None else KeyringVault()
    cache: list[str] = []

    def prefix() -> str:
        if not cache:
            cache.append(namespace(services.settings))
        return cache[0]

    secrets = LicenceSecrets(real_vault, repo, prefix)
    return LicenceFeature(
        service=LicenceService(repo, services.settings),
        repo=repo,
        secrets=secrets,
        vault=real_vault,
        launcher=ZoomLauncher(services.sessions, repo, secrets),
    )


def build_attendance(
    services: Services,
    *,
    clock: Callable[[], datetime] | None = None,
    read: ParticipantReader = read_participants,
) -> AttendanceService:
    """The attendance service on the application's database (composition); `read`
    reads Zoom participant reports (the window's reads large ones in a child process)."""
    refs = services.references

    def host_emails(row: SessionRow) -> list[str]:
        out = [lic.email for lic in refs.licences() if lic.id == row.licence_id]
        out += [st.email for st in refs.staff() if st.id == row.host_id and st.email]
        return out

    return AttendanceService(
        SqlAttendanceRepository(services.db),
        services.session_repo,
        services.settings,
        read,
        host_emails=host_emails,
        clock=clock or services.clock,
    )


def _read_apart(data: bytes, host_emails: Sequence[str]) -> ParticipantReport:
    """`read_participants_apart`, its module (and multiprocessing) loaded on first use."""
    from app.zoom.participants_apart import read_participants_apart

    return read_participants_apart(data, host_emails)


def open_services(
    config: AppConfig,
    *,
    migrate: bool = True,
    clock: Clock | None = None,
    link: NetworkLink | None = None,
    read_apart: bool = False,
) -> Services:
    """Open the database (migrating it after a backup) and build every service on it.
    `clock` (by default the configuration's) is the one "now" of every rule and screen;
    `link` (the desk's) keeps writes on this computer while a network server is away;
    `read_apart` (the window's) reads large participant reports in a child process."""
    clock = clock or config.clock
    link = link or NetworkLink(config.db_url, data_dir())
    from app.services.database import open_database

    db = open_database(config.db_url)
    try:
        report = db.migrate() if migrate else MigrationReport(None, None, None)
        refs = SqlReferenceRepository(db)
        session_repo = SqlSessionRepository(db)

        def judged(session_id: int) -> Readiness:
            # "Ready" only when the facts (or an override) say so: see SessionService.
            return services.facts.readiness(session_id)

        services = Services(
            config=config,
            db=db,
            migration=report,
            references=refs,
            sessions=SessionService(session_repo, refs, clock, readiness=judged),
            session_repo=session_repo,
            checks=link.check_repository(db, clock),
            settings=SqlSettingsRepository(db),
            link=link,
            clock=clock,
        )
        services.attendance = build_attendance(
            services, clock=clock, read=_read_apart if read_apart else read_participants
        )
        services.licences = build_licences(services)
        services.facts = build_facts(services)
        services.registrations = build_registrations(
            db, refs, session_repo, services.licences.repo, clock
        )
        return services
    except BaseException:
        db.dispose()
        raise


def build_facts(services: Services) -> FactReader:
    """The reader of the facts readiness is judged on, on the shared repositories."""
    from app.services.kit import kit_by_branch
    from app.storage.equipment import SqlEquipmentRepository

    equipment = SqlEquipmentRepository(services.db, services.clock)
    link = services.link
    return FactReader(
        checks=services.checks,
        licences=services.licences.repo,
        attendance=SqlAttendanceRepository(services.db),
        decisions=SqlReadinessRepository(services.db),
        sessions=services.session_repo,
        checklists=lambda status: build_checklists(services, checks=status),
        clock=services.clock,
        offline=lambda: link.offline,
        kit=lambda branches: kit_by_branch(equipment, services.clock().date(), branches),
    )


def licence_checks(services: Services) -> dict[str, CheckFn]:
    """The automatic checklist checks that the licence feature answers, for the window
    and the command line alike.

    "Vault ready" reads the database's references only: polled by the checklist screen,
    it must not wait on the keyring (whose own health shows in the Licences area).
    """
    return launch_checks(services.session_repo.get, services.licences.secrets.kinds)


def build_checklists(
    services: Services,
    *,
    repo: ChecklistRepository | None = None,
    session_types: Collection[str] | None = None,
    checks: CheckStatusProvider | None = None,
) -> ChecklistService:
    """The checklist service on the app's database, shipped content and user folder, with
    every automatic check (devices from saved results, licence and launch from the licence
    feature).

    Runs are kept on this computer while the desk's network server is away (the
    services' link), unless `repo` replaces the repository; `session_types` gives the
    type codes when the database cannot be asked (the last known ones). While the link
    knows the server is away, automatic checks are unknown. `checks` answers the
    automatic checks from facts already read (the readiness of many sessions).
    """
    from app.checklists.loader import load_catalog
    from app.core.checklists import CatalogCache, ChecklistService, StoredCheckStatus

    if session_types is None:
        session_types = [
            t.code for t in services.references.session_types(include_inactive=True)
        ]
    types = list(session_types)
    cache = CatalogCache(lambda: load_catalog(session_types=types))
    link = services.link
    status = (
        StoredCheckStatus(
            services.checks,
            services.session_repo,
            licence_checks(services),
            offline=lambda: link.offline,
        )
        if checks is None
        else checks
    )
    clock = services.clock
    return ChecklistService(
        cache,
        repo or link.checklist_repository(services.db),
        status,
        clock=lambda: clock().astimezone(UTC),
    )


def network_is_empty(services: Services) -> bool:
    """No branch yet: a first start, to which the demo network is offered."""
    from app.storage.demo import network_is_empty as empty

    return empty(services.db)


def load_demo_network(services: Services, now: datetime | None = None) -> DemoCounts:
    """The demo network with plausible attendance for its sessions already held, in one
    transaction: all of it, or nothing."""
    import random

    from app.core.attendance import demo_attendance
    from app.core.demo import build_demo
    from app.core.demo_equipment import build_demo_equipment
    from app.core.forecast import advise, held_sessions
    from app.core.sessions import today_first
    from app.core.waiting_list import DemoRegistration, demo_registrations
    from app.storage.demo import load_demo

    clock = services.clock

    def attendance(rows: list[SessionRow]) -> list[AttendanceRecord]:
        # In the order the desk lists them, as the generator always drew its numbers.
        ordered = today_first(rows, clock().date())
        return demo_attendance(ordered, random.Random(DEMO_SEED))  # noqa: S311 - demo

    def registrations(rows: list[SessionRow]) -> list[DemoRegistration]:
        # Within what the forecast advises from the counts just drawn.
        counts = {r.session_id: r for r in attendance(rows)}
        history = held_sessions(rows, counts)

        def limit(row: SessionRow) -> int:
            return advise(
                history,
                capacity=row.capacity,
                type_code=row.type_code,
                type_name=row.type_name,
                branch_code=row.branch_code,
            ).accept

        return demo_registrations(
            rows, now or clock(), random.Random(DEMO_SEED + 1), limit  # noqa: S311 - demo
        )

    moment = now or clock()
    network = build_demo(moment)
    equipment = build_demo_equipment(list(network.branches), moment)
    return load_demo(services.db, network, attendance, registrations, equipment)
