"""Building a small network and Zoom report files for the attendance tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core.attendance import AttendanceService
from app.core.clock import Clock
from app.core.models import SessionDraft, SessionMode, SessionStatus
from app.services import Services, build_attendance
from app.services.registrations import RegistrationFeature
from app.storage.repositories import SqlReferenceRepository
from tests.support.fixtures import FIXED_NOW


@dataclass
class Net:
    """What the UI widgets need: the attendance service and the reference lists."""

    services: Services
    attendance: AttendanceService

    @property
    def references(self) -> SqlReferenceRepository:
        return self.services.references

    @property
    def clock(self) -> Clock:
        return self.services.clock

    @property
    def registrations(self) -> RegistrationFeature:
        return self.services.registrations


def network(services: Services) -> Net:
    services.references.add_branch("centre", "Médiathèque centre")
    services.references.add_branch("nord", "Bibliothèque nord")
    return Net(services, build_attendance(services))


def type_id(services: Services, code: str) -> int:
    return next(t.id for t in services.references.session_types() if t.code == code)


def branch_id(services: Services, code: str) -> int:
    return next(b.id for b in services.references.branches() if b.code == code)


def add_session(
    services: Services,
    *,
    type_code: str = "talk",
    branch: str = "centre",
    start: datetime | None = None,
    mode: SessionMode = SessionMode.REMOTE,
    capacity: int = 30,
    status: SessionStatus = SessionStatus.DONE,
    title: str = "Rencontre",
) -> int:
    start = start or FIXED_NOW - timedelta(days=1)
    return services.session_repo.add(
        SessionDraft(
            title=title,
            type_id=type_id(services, type_code),
            branch_id=branch_id(services, branch),
            start=start,
            end=start + timedelta(hours=1, minutes=30),
            mode=mode,
            capacity=capacity,
            status=status,
        )
    )


HEADER_BLOCK = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
    '812 3456 7890,"Cercle de lecture, novembre",11/24/2026 02:00:00 PM,'
    "11/24/2026 03:30:00 PM,bib-zoom1@ville.fr,90,7\r\n"
    "\r\n"
)

# Seven rows: the host, Marie twice (reconnection, e-mail), Jean twice (no e-mail,
# different case/spaces), Zoé only in the waiting room, Ahmed once: 3 attendees.
ZOOM_US = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
    "Recording Consent,In Waiting Room\r\n"
    "Bibliothèque Zoom 1,bib-zoom1@ville.fr,11/24/2026 01:55:00 PM,11/24/2026 03:30:00 PM,"
    "95,No,,No\r\n"
    '"Dupont, Marie",marie@example.fr,11/24/2026 02:01:00 PM,11/24/2026 02:30:00 PM,29,'
    "Yes,Yes,No\r\n"
    '"Dupont, Marie",Marie@Example.fr,11/24/2026 02:32:00 PM,11/24/2026 03:30:00 PM,58,'
    "Yes,Yes,No\r\n"
    "Jean Martin,,11/24/2026 02:00:00 PM,11/24/2026 03:00:00 PM,60,Yes,,No\r\n"
    "jean  MARTIN,,11/24/2026 03:05:00 PM,11/24/2026 03:20:00 PM,15,Yes,,No\r\n"
    "Zoé Roux,,11/24/2026 01:58:00 PM,11/24/2026 02:00:00 PM,2,Yes,,Yes\r\n"
    "Ahmed Benali (Ahmed),ahmed@example.fr,11/24/2026 02:10:00 PM,11/24/2026 03:10:00 PM,"
    "60,Yes,Yes,No\r\n"
)


def us_to(time_format: str, text: str = ZOOM_US) -> str:
    """The same report with its US 12-hour times rewritten in another format."""
    import re

    def convert(m: re.Match[str]) -> str:
        value = datetime.strptime(m.group(0), "%m/%d/%Y %I:%M:%S %p")
        return value.strftime(time_format)

    return re.sub(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} [AP]M", convert, text)


def to_french_excel(text: str) -> bytes:
    """What a French Excel saves: `;`, cp1252, dd/mm/yyyy HH:MM, quotes only where needed."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(us_to("%d/%m/%Y %H:%M", text), newline="")))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("cp1252")
