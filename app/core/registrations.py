"""Registration lists: how many people booked a session, from the CSV the booking tool
(or Zoom's registration report) exports.

A registrant is counted once (by e-mail, else by name); cancelled or refused bookings
do not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.csvfiles import (
    FileFormatError,
    column_index,
    email_key,
    find_table,
    is_blank,
    name_key,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N

EMAIL = ("email", "e-mail", "user email", "email address", "adresse e-mail", "courriel",
         "mail", "adresse électronique")
NAME = ("name", "full name", "nom complet", "participant", "nom et prénom", "prénom nom")
FIRST = ("first name", "prénom", "prenom")
LAST = ("last name", "nom", "nom de famille")
STATUS = ("approval status", "status", "statut", "état", "registration status")
# Bookings that are not (or no longer) a place taken.
NOT_REGISTERED = frozenset({
    "denied", "cancelled", "canceled", "rejected", "declined",
    "refusé", "refusée", "annulé", "annulée", "désinscrit", "désinscrite",
})
MAX_ROWS = 200_000


@dataclass(frozen=True, slots=True)
class Registrant:
    name: str
    email: str | None


@dataclass(frozen=True, slots=True)
class RegistrationList:
    registrants: tuple[Registrant, ...]
    rows_read: int
    duplicates: int
    skipped_cancelled: int

    @property
    def count(self) -> int:
        return len(self.registrants)

    def summary(self) -> dict[str, object]:
        return {
            "registered": self.count,
            "rows_read": self.rows_read,
            "duplicates": self.duplicates,
            "skipped_rows": self.skipped_cancelled,
        }


def _is_header(cells: Sequence[str]) -> bool:
    has_email = any(c in EMAIL for c in cells)
    has_name = any(c in NAME or c in FIRST or c in LAST for c in cells)
    return has_email or (has_name and len([c for c in cells if c]) >= 2)


def parse_registrations(data: bytes) -> RegistrationList:
    """Count the registrants in a list; a bad row stops everything with its line number."""
    table = find_table(data, _is_header)
    h = table.header
    i_email = column_index(h, EMAIL)
    i_name = column_index(h, NAME)
    i_first = column_index(h, FIRST)
    i_last = column_index(h, LAST)
    i_status = column_index(h, STATUS)
    if i_email is None and i_name is None and i_first is None and i_last is None:
        raise FileFormatError(
            _N("errors", "Line {line}: the list has no name or e-mail column."),
            _N("errors", "Export the list with the registrants' names or e-mail addresses."),
            line=table.header_line,
        )
    seen: dict[str, Registrant] = {}
    rows = duplicates = cancelled = 0
    for rec in table.records:
        cells = rec.cells
        if is_blank(cells):
            continue
        rows += 1
        if rows > MAX_ROWS:
            raise FileFormatError(
                _N("errors", "The list has more than {max} rows."),
                _N("errors", "Choose the list of a single session."),
                line=rec.line,
                max=MAX_ROWS,
            )

        def cell(index: int | None, cells: list[str] = cells) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        email = cell(i_email)
        if email and "@" not in email:
            raise FileFormatError(
                _N("errors", "Line {line}: “{value}” is not an e-mail address."),
                _N("errors", "Correct or empty that cell, then import the list again."),
                line=rec.line,
                value=email,
            )
        name = cell(i_name) or " ".join(x for x in (cell(i_first), cell(i_last)) if x)
        if not name and not email:
            raise FileFormatError(
                _N("errors", "Line {line}: this row has neither a name nor an e-mail."),
                _N("errors", "Complete or delete that row, then import the list again."),
                line=rec.line,
            )
        if cell(i_status).casefold() in NOT_REGISTERED:
            cancelled += 1
            continue
        key = "e:" + email_key(email) if email else "n:" + name_key(name)
        if key in seen:
            duplicates += 1
            continue
        seen[key] = Registrant(name=name or email, email=email or None)
    return RegistrationList(tuple(seen.values()), rows, duplicates, cancelled)
