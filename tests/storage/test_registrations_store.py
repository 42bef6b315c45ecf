"""Registrations on a real database (SQLite and PostgreSQL): places then the waiting list,
a cancellation offering the place to the next person, promotion recorded, refusals that
change nothing, and the retention purge blanking people while the counts stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.csvfiles import FileFormatError
from app.core.models import MeetingRecord, SessionMode, SessionStatus
from app.core.waiting_list import PersonDraft, RegistrationService, RegStatus
from app.errors import NotFoundError, ValidationError
from app.services import Services, build_attendance
from app.storage.registrations import SqlRegistrationRepository
from tests.attendance.helpers import add_session, network
from tests.support.fixtures import FIXED_NOW

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def service(
    services: Services, limit: int = 2, now: list[datetime] | None = None
) -> RegistrationService:
    clock = now or [T0]
    return RegistrationService(
        SqlRegistrationRepository(services.db),
        services.session_repo,
        limit=lambda _row: limit,
        meeting=lambda sid: (
            (m.join_url, m.passcode_ref is not None)
            if (m := services.licences.repo.meeting(sid)) is not None
            else (None, False)
        ),
        clock=lambda: clock[0],
    )


def coming(
    services: Services,
    *,
    status: SessionStatus = SessionStatus.PLANNED,
    mode: SessionMode = SessionMode.REMOTE,
    title: str = "Rencontre",
) -> int:
    network(services)
    return add_session(
        services, start=FIXED_NOW + timedelta(days=2), status=status, mode=mode, title=title
    )


def test_places_then_waiting_list_and_the_registered_count(services: Services) -> None:
    sid = coming(services)
    svc = service(services, limit=2)
    added = [svc.add(sid, PersonDraft(name)) for name in ("Ana", "Ben", "Chloé", "Dan")]
    assert [r.status for r in added] == [RegStatus.REGISTERED] * 2 + [RegStatus.WAITING] * 2
    assert [r.rank for r in added] == [None, None, 1, 2]
    counts = svc.counts(sid)
    assert (counts.registered, counts.waiting, counts.cancelled) == (2, 2, 0)
    record = build_attendance(services).record(sid)
    assert record is not None and record.registered == 2


def test_a_cancellation_offers_the_place_to_the_next_and_promotion_is_recorded(
    services: Services,
) -> None:
    sid = coming(services, mode=SessionMode.REMOTE, title="Café FLE")
    services.licences.repo.set_meeting(
        MeetingRecord(sid, "81234567890", "https://bm.zoom.us/j/81234567890?pwd=s3cretCode", "k")
    )
    svc = service(services, limit=2)
    ana, _ben, chloe, dan = (
        svc.add(sid, PersonDraft(n, f"{n.lower()}@x.fr")) for n in ("Ana", "Ben", "Chloe", "Dan")
    )
    done = svc.cancel(ana.id)
    assert done.registration.status is RegStatus.CANCELLED
    record = build_attendance(services).record(sid)
    assert record is not None and record.registered == 1  # the count follows the list
    assert done.offer is not None
    assert done.offer.registration.id == chloe.id  # the first in line, not Dan
    text = done.offer.text()
    assert "Chloe" in text and "Café FLE" in text
    assert "https://bm.zoom.us/j/81234567890" in text
    assert "s3cretCode" not in text and "pwd" not in text
    assert "passcode follows in a separate message" in text
    promoted = svc.promote(chloe.id)
    assert promoted.status is RegStatus.REGISTERED and promoted.promoted_at == T0
    assert svc.counts(sid).promoted == 1
    record = build_attendance(services).record(sid)
    assert record is not None and record.registered == 2
    assert [r.rank for r in svc.entries(sid) if r.id == dan.id] == [1]
    assert svc.offer(sid) is None  # the places are taken again
    # Cancelling someone who waits frees no place: nobody is offered one.
    assert svc.cancel(dan.id).offer is None
    with pytest.raises(ValidationError, match="already cancelled"):
        svc.cancel(dan.id)
    with pytest.raises(ValidationError, match="not on the waiting list"):
        svc.promote(ana.id)
    with pytest.raises(NotFoundError):
        svc.cancel(999_999)


def test_a_cancelled_session_takes_no_registration_and_nothing_changes(
    services: Services,
) -> None:
    sid = coming(services, status=SessionStatus.CANCELLED)
    svc = service(services)
    with pytest.raises(ValidationError, match="was cancelled"):
        svc.add(sid, PersonDraft("Ana"))
    assert svc.entries(sid) == []
    assert build_attendance(services).record(sid) is None


def test_a_file_of_another_format_adds_nobody(services: Services) -> None:
    sid = coming(services)
    svc = service(services, limit=10)
    svc.add(sid, PersonDraft("Ana"))
    with pytest.raises(FileFormatError):
        svc.add_file(sid, b"%PDF-1.7\n\x00\x01binary junk\n")
    with pytest.raises(FileFormatError):
        svc.add_file(sid, "Nom;E-mail\nBen;ben@x.fr\nChloé;pas-un-mail\n".encode())
    assert [r.name for r in svc.entries(sid)] == ["Ana"]
    added = svc.add_file(sid, "Nom;E-mail\nBen;ben@x.fr\nChloé;chloe@x.fr\n".encode())
    assert [r.name for r in added] == ["Ben", "Chloé"]


def test_bad_people_are_refused_before_anything_is_written(services: Services) -> None:
    sid = coming(services)
    svc = service(services)
    for bad in (PersonDraft(), PersonDraft("A", "no-at-sign"), PersonDraft("A", phone="abc")):
        with pytest.raises(ValidationError):
            svc.add_many(sid, [PersonDraft("Ok"), bad])
    assert svc.entries(sid) == []


def test_the_purge_blanks_registrations_after_retention_but_keeps_counts(
    services: Services,
) -> None:
    sid = coming(services)
    now = [T0]
    svc = service(services, limit=1, now=now)
    svc.add(sid, PersonDraft("Ana", "ana@x.fr", "06 12 34 56 78"))
    svc.add(sid, PersonDraft("Ben", "ben@x.fr"))
    attendance = build_attendance(services, clock=lambda: now[0])
    now[0] = T0 + timedelta(days=300)
    assert attendance.purge().people_removed == 0
    now[0] = datetime(2027, 11, 21, tzinfo=UTC)  # twelve months and a day later
    assert attendance.purge().people_removed == 2
    entries = svc.entries(sid)
    assert all(r.purged for r in entries)
    assert [r.status for r in entries] == [RegStatus.REGISTERED, RegStatus.WAITING]
    assert svc.counts(sid).registered == 1
    record = attendance.record(sid)
    assert record is not None and record.registered == 1
