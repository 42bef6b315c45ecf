"""The straightforward reader the lean one in `app.zoom.participants` must agree with:
one Record per row, one helper per cell, datetimes compared as they are.

Kept as it was written first (row by row, easy to check by eye), for the equivalence
test only. The original module description follows.

Zoom participant reports: every shape Zoom exports, and what Excel makes of them.

Accepted: the optional meeting block (Meeting ID, Topic, Start Time…) above a blank line;
per-connection exports (Join Time, Leave Time, Duration) and unique-user exports (Total
Duration); headers in any case; UTF-8 with or without BOM, cp1252, UTF-16; `,` `;` or tab;
US 12-hour, 24-hour and ISO times, and dd/mm/yyyy from a French Excel. Reconnections of
one person are merged (by e-mail, else by name); the host and people who never left the
waiting room are not attendees. A bad row stops the whole import with its line number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from app.core.attendance import ParticipantReport, Person, median_minutes, peak_concurrent
from app.core.csvfiles import (
    DELIMITERS,
    FileFormatError,
    Record,
    column_index,
    decode,
    email_key,
    is_blank,
    name_key,
    normalise_header,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N

NAME = ("name (original name)", "name", "participant", "participant name", "user name",
        "display name", "nom (nom d'origine)", "nom (nom original)", "nom")
EMAIL = ("user email", "email", "e-mail", "participant email", "email address",
         "e-mail de l'utilisateur", "adresse e-mail")
JOIN = ("join time", "heure d'arrivée", "heure de connexion", "arrivée")
LEAVE = ("leave time", "heure de départ", "heure de déconnexion", "départ")
DURATION = ("duration (minutes)", "duration (mins)", "duration", "durée (minutes)", "durée")
TOTAL = ("total duration (minutes)", "total duration", "durée totale (minutes)")
WAITING = ("in waiting room", "waiting room", "dans la salle d'attente")
ROLE = ("role", "rôle")
HOST_KEYS = ("host email", "user email", "host", "host name")

MAX_ROWS = 200_000
YES = frozenset({"yes", "y", "true", "1", "oui", "vrai"})
_HOST_MARK = re.compile(r"\s*\((host|co-host|hôte|co-hôte|organisateur)\)\s*$", re.IGNORECASE)
_ISO = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_DMY = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*([AaPp]\.?\s?[Mm]\.?)?$"
)


@dataclass(slots=True)
class _Row:
    line: int
    name: str
    email: str
    join: datetime | None
    leave: datetime | None
    minutes: float | None


@dataclass(frozen=True, slots=True)
class _OldTable:
    delimiter: str
    encoding: str
    header: list[str]
    header_line: int
    preamble: list[Record]
    records: list[Record]


def _records(text: str, delimiter: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    last_end = 0
    try:
        for row in reader:
            yield Record(last_end + 1, row)
            last_end = reader.line_num
    except csv.Error as err:
        raise FileFormatError(
            _N("errors", "Line {line}: the file is not valid CSV ({detail})."),
            _N("errors", "Check the quotes on that line, or export the file again."),
            line=last_end + 1,
            detail=str(err),
        ) from err


def find_table(
    data: bytes, is_header: Callable[[Sequence[str]], bool], *, scan_lines: int = 60
) -> _OldTable:
    """Locate the header row (the first row `is_header` accepts) and split the file there.

    The delimiter is the one under which such a header row appears; a `;` file from a
    French Excel and a `,` file from Zoom are both read without asking.
    """
    decoded = decode(data)
    text = decoded.text
    head = "\n".join(text.splitlines()[:scan_lines])
    for delimiter in DELIMITERS:
        found: tuple[int, Record, list[str]] | None = None
        try:
            for index, rec in enumerate(_records(head, delimiter)):
                normalised = [normalise_header(c) for c in rec.cells]
                if is_header(normalised):
                    found = (index, rec, normalised)
                    break
        except FileFormatError:
            pass  # broken quoting below a header is reported by the full read
        if found is not None:
            index, rec, normalised = found
            records = list(_records(text, delimiter))
            return _OldTable(
                delimiter=delimiter,
                encoding=decoded.encoding,
                header=normalised,
                header_line=rec.line,
                preamble=records[:index],
                records=records[index + 1 :],
            )
    raise FileFormatError(
        _N("errors", "No table header was found in the first {lines} lines of the file."),
        _N("errors", "Choose the CSV file exported for this session, with its column titles."),
        line=1,
        lines=scan_lines,
    )


def _is_header(cells: Sequence[str]) -> bool:
    return any(c in NAME for c in cells) and any(
        c in EMAIL or c in JOIN or c in DURATION or c in TOTAL for c in cells
    )


def read_participants(data: bytes, host_emails: Sequence[str] = ()) -> ParticipantReport:
    """Parse a report and merge it into attendees. Raises FileFormatError naming the line."""
    table = find_table(data, _is_header)
    h = table.header
    i_name = column_index(h, NAME)
    assert i_name is not None
    i_email = column_index(h, EMAIL)
    i_join = column_index(h, JOIN)
    i_leave = column_index(h, LEAVE)
    i_total = column_index(h, TOTAL)
    i_duration = column_index(h, DURATION)
    i_waiting = column_index(h, WAITING)
    i_role = column_index(h, ROLE)
    width = len(h)
    while width and not h[width - 1]:
        width -= 1  # a trailing separator after the last title

    meeting = _meeting(table.preamble)
    hosts_e = {email_key(e) for e in host_emails if e.strip()}
    hosts_n: set[str] = set()
    for key, value in meeting.items():
        if normalise_header(key) in HOST_KEYS and value.strip():
            (hosts_e if "@" in value else hosts_n).add(
                email_key(value) if "@" in value else name_key(value)
            )

    raw: list[tuple[Record, list[str]]] = []
    for rec in table.records:
        if is_blank(rec.cells):
            continue
        cells = rec.cells
        if len(cells) > width and not is_blank(cells[width:]):
            raise FileFormatError(
                _N("errors", "Line {line}: {found} values where the header has {expected}."),
                _N(
                    "errors",
                    "A name containing the separator must be in quotes: export the report "
                    "from Zoom again rather than editing it.",
                ),
                line=rec.line,
                found=len(cells),
                expected=width,
            )
        if (
            i_name < len(cells)
            and normalise_header(cells[i_name]) == h[i_name]
            and [normalise_header(c) for c in cells] == h
        ):
            continue  # the header repeated (two exports pasted together)
        raw.append((rec, cells))
        if len(raw) > MAX_ROWS:
            raise FileFormatError(
                _N("errors", "The report has more than {max} rows."),
                _N("errors", "Choose the participant report of a single meeting."),
                line=rec.line,
                max=MAX_ROWS,
            )

    times = _TimeParser(
        [c[i] for _r, c in raw for i in (i_join, i_leave) if i is not None and i < len(c)],
        day_first_hint=table.delimiter == ";" or table.encoding == "cp1252",
    )
    rows: list[_Row] = []
    skipped_host = skipped_waiting = 0
    for rec, cells in raw:

        def cell(index: int | None, cells: list[str] = cells) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        name = cell(i_name)
        email = cell(i_email)
        if not name and not email:
            raise FileFormatError(
                _N("errors", "Line {line}: this row has neither a name nor an e-mail."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=rec.line,
            )
        if email and "@" not in email:
            raise FileFormatError(
                _N("errors", "Line {line}: “{value}” is not an e-mail address."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=rec.line,
                value=email,
            )
        join = times.parse(cell(i_join), rec.line, "join")
        leave = times.parse(cell(i_leave), rec.line, "leave")
        if join is not None and leave is not None and leave < join:
            raise FileFormatError(
                _N("errors", "Line {line}: the leave time is before the join time."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=rec.line,
            )
        minutes = _minutes(cell(i_total) if i_total is not None else cell(i_duration), rec.line)
        is_host = (
            bool(_HOST_MARK.search(name))
            or "host" in cell(i_role).casefold()
            or "hôte" in cell(i_role).casefold()
            or (bool(email) and email_key(email) in hosts_e)
            or (not email and name_key(name) in hosts_n)
        )
        if is_host:
            skipped_host += 1
            continue
        if cell(i_waiting).casefold() in YES:
            skipped_waiting += 1
            continue
        rows.append(_Row(rec.line, name, email, join, leave, minutes))

    attendees, intervals = _merge(rows, use_total=i_total is not None)
    return ParticipantReport(
        attendees=attendees,
        rows_read=len(raw),
        merged_reconnections=len(rows) - len(attendees),
        skipped_host=skipped_host,
        skipped_waiting_room=skipped_waiting,
        peak_concurrent=peak_concurrent(intervals) if intervals or not rows else None,
        median_minutes=median_minutes(attendees),
        meeting=meeting,
        encoding=table.encoding,
        delimiter=table.delimiter,
    )


def _meeting(preamble: list[Record]) -> dict[str, str]:
    """The meeting block: a row of titles over a row of values, or one `key,value` per row."""
    rows = [r.cells for r in preamble if not is_blank(r.cells)]
    if len(rows) >= 2 and len(rows[0]) == len(rows[1]) and len(rows[0]) > 2:
        pairs = zip(rows[0], rows[1], strict=True)
        return {k.strip(): v.strip() for k, v in pairs if k.strip()}
    out: dict[str, str] = {}
    for cells in rows:
        if len(cells) >= 2 and cells[0].strip():
            out[cells[0].strip().rstrip(":").strip()] = cells[1].strip()
    return out


def _minutes(text: str, line: int) -> float | None:
    if not text:
        return None
    try:
        value = float(text.replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        value = -1.0
    if not value >= 0 or value > 100_000:
        raise FileFormatError(
            _N("errors", "Line {line}: the duration “{value}” is not a number of minutes."),
            _N("errors", "Export the report from Zoom again rather than editing it."),
            line=line,
            value=text,
        )
    return value


class _TimeParser:
    """Dates in one file share an order: dd/mm when any day exceeds 12 (or a French
    Excel wrote the file), mm/dd when any month position exceeds 12 or AM/PM is used."""

    def __init__(self, samples: Sequence[str], *, day_first_hint: bool) -> None:
        day_first: bool | None = None
        for text in samples:
            m = _DMY.match(text.strip())
            if not m:
                continue
            a, b = int(m.group(1)), int(m.group(2))
            if m.group(7):
                day_first = False
                break
            if a > 12 >= b:
                day_first = True
                break
            if b > 12 >= a:
                day_first = False
                break
        self.day_first = day_first_hint if day_first is None else day_first
        self._cache: dict[str, datetime] = {}

    def parse(self, text: str, line: int, which: str) -> datetime | None:
        if not text:
            return None
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        value = self._parse(text)
        if value is None:
            message = (
                _N("errors", "Line {line}: the join time “{value}” is not a date and time.")
                if which == "join"
                else _N("errors", "Line {line}: the leave time “{value}” is not a date and time.")
            )
            raise FileFormatError(
                message,
                _N(
                    "errors",
                    "Use the report as Zoom exported it, or times like 24/11/2026 14:05.",
                ),
                line=line,
                value=text,
            )
        self._cache[text] = value
        return value

    def _parse(self, text: str) -> datetime | None:
        text = text.strip()
        try:
            m = _ISO.match(text)
            if m:
                y, mo, d, hh, mm = (int(m.group(i)) for i in range(1, 6))
                ss = int(m.group(6) or 0)
                zone = m.group(7)
                if zone:
                    tz = _zone(zone)
                    return datetime(y, mo, d, hh, mm, ss, tzinfo=tz)
                return datetime(y, mo, d, hh, mm, ss).astimezone()
            m = _DMY.match(text)
            if not m:
                return None
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if y < 100:
                y += 2000
            d, mo = (a, b) if self.day_first and not m.group(7) else (b, a)
            hh, mm, ss = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
            ampm = m.group(7)
            if ampm:
                if not 1 <= hh <= 12:
                    return None
                pm = ampm.lower().startswith("p")
                hh = (hh % 12) + (12 if pm else 0)
            return datetime(y, mo, d, hh, mm, ss).astimezone()
        except ValueError:
            return None


def _zone(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _merge(
    rows: list[_Row], *, use_total: bool
) -> tuple[tuple[Person, ...], list[tuple[datetime, datetime]]]:
    """One Person per e-mail (else per normalised name); time connected is the union of
    their connections, so two devices at once are not counted twice."""
    groups: dict[str, list[_Row]] = {}
    by_name: dict[str, str] = {}
    for r in rows:
        nk = "n:" + name_key(_HOST_MARK.sub("", r.name))
        if r.email:
            key = "e:" + email_key(r.email)
            by_name.setdefault(nk, key)
        else:
            key = nk
        groups.setdefault(key, []).append(r)
    # A connection without e-mail joins the person of the same name who gave one.
    for nk in [k for k in groups if k.startswith("n:") and k in by_name]:
        groups[by_name[nk]].extend(groups.pop(nk))

    people: list[Person] = []
    all_intervals: list[tuple[datetime, datetime]] = []
    for group in groups.values():
        spans = sorted((r.join, r.leave) for r in group if r.join and r.leave)
        union: list[tuple[datetime, datetime]] = []
        for start, end in spans:
            if union and start <= union[-1][1]:
                union[-1] = (union[-1][0], max(union[-1][1], end))
            else:
                union.append((start, end))
        all_intervals.extend(union)
        durations = [r.minutes for r in group if r.minutes is not None]
        if use_total and durations:
            minutes: float | None = max(durations)
        elif union and len(spans) == len(group):
            minutes = sum((e - s).total_seconds() for s, e in union) / 60
        elif durations:
            minutes = sum(durations)
        else:
            minutes = None
        first = group[0]
        named = next((r.name for r in group if r.name), first.email)
        people.append(
            Person(
                name=_HOST_MARK.sub("", named),
                email=next((r.email for r in group if r.email), None),
                minutes=None if minutes is None else round(minutes),
                first_join=min((r.join for r in group if r.join), default=None),
                last_leave=max((r.leave for r in group if r.leave), default=None),
                connections=len(group),
            )
        )
    people.sort(key=lambda p: name_key(p.name))
    return tuple(people), all_intervals
