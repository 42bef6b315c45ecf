"""Registrations, the no-show forecast and the yearly survey, wired on the database.

One object for the window and the command line alike: the registration service (whose
number of places is the forecast's advice), the forecast for a session or a draft, its
accuracy over a period, and the year's survey figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.core.forecast import (
    DEFAULT_RISK,
    Accuracy,
    Advice,
    HeldSession,
    Hindsight,
    NoShowRate,
    advise,
    hindsight,
    rates_table,
)
from app.core.models import SessionRow
from app.core.survey import YearSurvey, build_survey
from app.core.waiting_list import RegistrationCounts, RegistrationService
from app.storage.database import Database
from app.storage.licences import SqlLicenceRepository
from app.storage.registrations import SqlRegistrationRepository
from app.storage.repositories import SqlReferenceRepository, SqlSessionRepository


@dataclass
class RegistrationFeature:
    repo: SqlRegistrationRepository
    service: RegistrationService
    references: SqlReferenceRepository
    sessions: SqlSessionRepository
    clock: Callable[[], datetime]
    risk: float = DEFAULT_RISK

    def history(self) -> list[HeldSession]:
        return self.repo.held_sessions()

    def counts_many(self, session_ids: Sequence[int]) -> dict[int, RegistrationCounts]:
        return self.repo.counts_many(session_ids)

    def advice_for(
        self,
        *,
        capacity: int,
        type_id: int,
        branch_id: int | None,
        history: Sequence[HeldSession] | None = None,
    ) -> Advice:
        """The advice for a session being typed (the session form) or saved."""
        types = {t.id: t for t in self.references.session_types(include_inactive=True)}
        branches = {b.id: b for b in self.references.branches()}
        kind = types[type_id]
        branch = branches.get(branch_id) if branch_id is not None else None
        return advise(
            self.history() if history is None else history,
            capacity=capacity,
            type_code=kind.code,
            type_name=kind.name,
            branch_code=branch.code if branch else None,
            branch_name=branch.name if branch else None,
            risk=self.risk,
        )

    def advice(self, row: SessionRow, history: Sequence[HeldSession] | None = None) -> Advice:
        return advise(
            self.history() if history is None else history,
            capacity=row.capacity,
            type_code=row.type_code,
            type_name=row.type_name,
            branch_code=row.branch_code,
            branch_name=row.branch_name,
            risk=self.risk,
        )

    def rates(
        self, type_code: str | None = None, branch_code: str | None = None
    ) -> list[tuple[str, str, NoShowRate, bool]]:
        types = [
            (t.code, t.name)
            for t in self.references.session_types()
            if type_code is None or t.code == type_code
        ]
        return rates_table(self.history(), types, branch_code)

    def accuracy(
        self, date_from: date | None = None, date_to: date | None = None
    ) -> tuple[list[Hindsight], Accuracy]:
        """The advice judged on the sessions held in the period (each from its past)."""
        history = self.history()
        period = [
            h
            for h in history
            if (date_from is None or h.start.astimezone().date() >= date_from)
            and (date_to is None or h.start.astimezone().date() <= date_to)
        ]
        return hindsight(history, period, self.risk)

    def survey(self, year: int) -> YearSurvey:
        types = [(t.code, t.name) for t in self.references.session_types()]
        return build_survey(year, self.repo.survey_sessions(year), types)


def build_registrations(
    db: Database,
    references: SqlReferenceRepository,
    sessions: SqlSessionRepository,
    licences: SqlLicenceRepository,
    clock: Callable[[], datetime],
) -> RegistrationFeature:
    repo = SqlRegistrationRepository(db)

    def meeting(session_id: int) -> tuple[str | None, bool]:
        record = licences.meeting(session_id)
        if record is None:
            return None, False
        return record.join_url, record.passcode_ref is not None

    def limit(row: SessionRow) -> int:
        # The session accepts as many registrations as the forecast advises.
        return feature.advice(row).accept

    feature = RegistrationFeature(
        repo=repo,
        service=RegistrationService(repo, sessions, clock=clock, meeting=meeting, limit=limit),
        references=references,
        sessions=sessions,
        clock=clock,
    )
    return feature
