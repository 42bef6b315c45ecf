"""Zoom participant reports: every shape Zoom exports, and what Excel makes of them.

Accepted: the optional meeting block (Meeting ID, Topic, Start Time…) above a blank line;
per-connection exports (Join Time, Leave Time, Duration) and unique-user exports (Total
Duration); headers in any case; UTF-8 with or without BOM, cp1252, UTF-16; `,` `;` or tab;
US 12-hour, 24-hour and ISO times, and dd/mm/yyyy from a French Excel. Reconnections of
one person are merged (by e-mail, else by name); the host and people who never left the
waiting room are not attendees. A bad row stops the whole import with its line number.
"""

from __future__ import annotations

import contextlib
import gc
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from itertools import chain, compress, repeat
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from app.core.attendance import (
    ParticipantReport,
    Person,
    median_minutes,
)
from app.core.csvfiles import (
    CHUNK,
    FileFormatError,
    Record,
    chunked_map,
    chunked_set,
    column_index,
    email_key,
    find_table,
    is_blank,
    let_others_run,
    name_key,
    normalise_header,
    release,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

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



def _is_header(cells: Sequence[str]) -> bool:
    return any(c in NAME for c in cells) and any(
        c in EMAIL or c in JOIN or c in DURATION or c in TOTAL for c in cells
    )


def read_participants(data: bytes, host_emails: Sequence[str] = ()) -> ParticipantReport:
    """Parse a report and merge it into attendees. Raises FileFormatError naming the line.

    The cycle collector is paused meanwhile: the hundreds of thousands of lists and
    tuples made here hold no cycles, and would otherwise be walked again and again."""
    with _collector_paused():
        return _read(data, host_emails)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Automatic garbage collection off for the block, back as it was after (the window
    already runs it on its own timer, so there this changes nothing)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _read(data: bytes, host_emails: Sequence[str]) -> ParticipantReport:
    """Parse a report and merge it into attendees.

    Written for 100,000-row reports: rows stay the csv module's lists, every value that
    repeats (a name, a time, a duration) is worked out once, and times are compared as
    epoch seconds. The file's structure is checked in a first pass, so that a broken row
    anywhere is reported before a bad value in an earlier one.
    """
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

    rows, lines = table.rows, table.lines
    kept, raw_names = _structure(rows, lines, h, i_name, width)
    # Column by column: each cell stripped once, each distinct value worked out once.
    used = [i for i in (i_name, i_email, i_join, i_leave, i_total, i_duration, i_waiting,
                        i_role) if i is not None]
    need = max(used) + 1
    sel = rows if len(kept) == len(rows) else [rows[k] for k in kept]
    if sel and min(map(len, sel)) < need:
        sel = [c if len(c) >= need else c + [""] * (need - len(c)) for c in sel]
    cells = _columns(sel, used)
    empty = [""] * len(sel)

    def column(i: int | None) -> list[str]:
        return empty if i is None else cells[i]

    names = column(i_name)
    emails = column(i_email)
    join_texts = column(i_join)
    leave_texts = column(i_leave)
    minute_texts = column(i_total if i_total is not None else i_duration)
    times = _TimeParser(
        _distinct(t for pair in zip(join_texts, leave_texts, strict=True) for t in pair),
        day_first_hint=table.delimiter == ";" or table.encoding == "cp1252",
    )
    # Each distinct time read once, when a row first has it; its epoch second then looked
    # up in C, so that times compare in C. A missing join or leave never comes first.
    instants: dict[str, tuple[datetime, int] | None] = {"": None}
    starts = _Seconds(times, instants, _NEVER_FIRST)
    ends = _Seconds(times, instants, _NEVER_LAST)
    join_at = chunked_map(starts.__getitem__, join_texts)
    leave_at = chunked_map(ends.__getitem__, leave_texts)
    durations = {text: _minutes_or_bad(text) for text in chunked_set(minute_texts)}
    complete = "" not in starts and "" not in ends  # every row has its join and its leave
    # Each row's minutes count only in a total-duration export or beside missing times.
    minutes = (chunked_map(durations.__getitem__, minute_texts)
               if i_total is not None or not complete else [])
    folds = {email: email.casefold() for email in chunked_set(emails)}
    if (
        ("" in names and any(not n and not e for n, e in zip(names, emails, strict=True)))
        or any(e and "@" not in e for e in folds)
        or any(v is _BAD_TIME for v in instants.values())  # each distinct text once,
        or any(v == _BAD_MINUTES for v in durations.values())  # not each row
        or _any_before(leave_at, join_at)
    ):
        _first_error([lines[k] for k in kept], names, emails, join_texts, leave_texts,
                     minute_texts, times)

    about = {name: _about(name) for name in {raw.strip() for raw in raw_names}}
    # Hosts and the waiting room, found from their distinct values: rarely a row is one.
    hosts: set[int] = set()
    marked = {name for name, (mark, _group, _key) in about.items() if mark}
    if marked:
        hosts.update(k for k, name in enumerate(names) if name in marked)
    roles = column(i_role)
    if i_role is not None:
        host_roles = {r for r in set(roles) if _is_host_role(r.casefold())}
        if host_roles:
            hosts.update(k for k, role in enumerate(roles) if role in host_roles)
    host_cells = {email for email, fold in folds.items() if fold and fold in hosts_e}
    if host_cells:
        hosts.update(k for k, email in enumerate(emails) if email in host_cells)
    plain = {name for name, (_mark, _group, key) in about.items() if key in hosts_n} if (
        hosts_n) else set()
    if plain:
        hosts.update(k for k, (name, email) in enumerate(zip(names, emails, strict=True))
                     if not email and name in plain)
    waits: set[int] = set()
    if i_waiting is not None:
        waiting = column(i_waiting)
        yes = {w for w in chunked_set(waiting) if w.casefold() in YES}
        if yes:
            waits.update(k for k, w in enumerate(waiting) if w in yes)
    waits -= hosts
    if hosts or waits:
        skipped = hosts | waits
        attending = [k for k in range(len(names)) if k not in skipped]
        names = [names[k] for k in attending]
        emails = [emails[k] for k in attending]
        join_texts = [join_texts[k] for k in attending]
        leave_texts = [leave_texts[k] for k in attending]
        join_at = [join_at[k] for k in attending]
        leave_at = [leave_at[k] for k in attending]
        minutes = [minutes[k] for k in attending] if minutes else []
    skipped_host, skipped_waiting = len(hosts), len(waits)
    groups = _groups(names, emails, folds, about)
    attendees, peak = _merge(
        groups,
        _Columns(names, emails, join_texts, leave_texts, join_at, leave_at, minutes),
        instants,
        use_total=i_total is not None,
        complete=complete,
    )
    present = len(names)  # the attendees' connections
    # What the table held is freed a chunk at a time, the rows last (they own the cells).
    held: list[list[Any]] = [*cells.values(), names, emails, join_texts, leave_texts,
                             minute_texts, join_at, leave_at, minutes, sel, rows]
    for items in held:
        release(items)
    return ParticipantReport(
        attendees=attendees,
        rows_read=len(kept),
        merged_reconnections=present - len(attendees),
        skipped_host=skipped_host,
        skipped_waiting_room=skipped_waiting,
        peak_concurrent=peak if present else 0,
        median_minutes=median_minutes(attendees),
        meeting=meeting,
        encoding=table.encoding,
        delimiter=table.delimiter,
    )


def _groups(
    names: list[str],
    emails: list[str],
    folds: dict[str, str],
    about: dict[str, tuple[bool, str, str]],
) -> _Grouping:
    """The attending rows grouped by person: every row's position, group after group,
    and each group's size. Grouped by e-mail, else by name; a connection without e-mail
    joins the first person of the same name who gave one, after that person's own rows.
    Groups come in the order they first appear, each one's rows in file order.

    Worked out on the distinct keys, far fewer than the rows: each row's key is looked up
    in C (by name only for the rows without e-mail), and the rows put in group order by
    one stable sort."""
    ekeys = {email: "e:" + fold for email, fold in folds.items() if fold}  # by e-mail cell
    group_of = {name: group for name, (_marked, group, _key) in about.items()}
    # Each row's e-mail key, else (filled in after: a few rows) its name's.
    found: list[str | None] = chunked_map(ekeys.get, emails)
    for k in list(compress(range(len(found)), map(operator.is_, found, repeat(None)))):
        found[k] = group_of[names[k]]
    keys = cast(list[str], found)
    appearing: dict[str, None] = {}  # each key once, in the order it first appears
    for start in range(0, len(keys), CHUNK):
        appearing.update(dict.fromkeys(keys[start : start + CHUNK]))
        let_others_run()
    # A name with rows without e-mail, also given with an e-mail: its first e-mail group.
    nameless = {key for key in appearing if key.startswith("n:")}
    hits = {name for name, group in group_of.items() if group in nameless}
    if hits:
        hits.intersection_update(chunked_set(list(compress(names, emails))))
    by_name: dict[str, str] = {}
    if hits:
        for name, key in zip(names, keys, strict=True):
            if name in hits and key.startswith("e:"):
                by_name.setdefault(group_of[name], key)
    ids: dict[str, int] = {}  # each group's rank, in order of first appearance
    moved: dict[str, int] = {}  # each moved name's rank after the rows of its group
    for key in appearing:
        if key in by_name:
            moved[key] = len(moved) + 1
        else:
            ids[key] = len(ids)
    step = len(moved) + 1
    order = {key: ids[by_name[key]] * step + moved[key] if key in moved else ids[key] * step
             for key in appearing}
    return _group_order(chunked_map(order.__getitem__, keys), step, len(ids))


def _group_order(ranks: list[int], step: int, count: int) -> _Grouping:
    """Rows sorted by rank, stably, and how many rows each of the `count` groups has
    (a row's group is its rank // step)."""
    import numpy as np

    rank = np.array(ranks, dtype=np.int64)
    return _Grouping(np.argsort(rank, kind="stable"), np.bincount(rank // step, minlength=count))


def _columns(sel: list[list[str]], used: list[int]) -> dict[int, list[str]]:
    """The columns at `used`, each cell stripped, turned from rows a chunk at a time."""
    cells: dict[int, list[str]] = {i: [] for i in used}
    for start in range(0, len(sel), CHUNK):
        part = list(zip(*sel[start : start + CHUNK], strict=False))  # wider rows cut
        for i in used:
            cells[i].extend(map(str.strip, part[i]))
        let_others_run()
    return cells


def _about(name: str) -> tuple[bool, str, str]:
    """A name's host mark, the key its connections are grouped under, its own key."""
    if ")" not in name:  # no mark possible: the common case, without the pattern
        key = name_key(name)
        return False, "n:" + key, key
    return (
        bool(_HOST_MARK.search(name)),
        "n:" + name_key(_HOST_MARK.sub("", name)),
        name_key(name),
    )


def _is_host_role(role: str) -> bool:
    """A casefolded role that is the host's or a co-host's."""
    return "host" in role or "hôte" in role


def _unmarked(name: str) -> str:
    """The name without its host mark."""
    return _HOST_MARK.sub("", name) if ")" in name else name


def _first_error(
    lines: list[int],
    names: list[str],
    emails: list[str],
    join_texts: list[str],
    leave_texts: list[str],
    minute_texts: list[str],
    times: _TimeParser,
) -> None:
    """Raise the error of the first bad row, checked in the order a row is read."""
    for k, line in enumerate(lines):
        name, email = names[k], emails[k]
        if not name and not email:
            raise FileFormatError(
                _N("errors", "Line {line}: this row has neither a name nor an e-mail."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=line,
            )
        if email and "@" not in email:
            raise FileFormatError(
                _N("errors", "Line {line}: “{value}” is not an e-mail address."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=line,
                value=email,
            )
        join = times.parse(join_texts[k], line, "join")
        leave = times.parse(leave_texts[k], line, "leave")
        if join is not None and leave is not None and leave < join:
            raise FileFormatError(
                _N("errors", "Line {line}: the leave time is before the join time."),
                _N("errors", "Export the report from Zoom again rather than editing it."),
                line=line,
            )
        _minutes(minute_texts[k], line)


def _structure(
    rows: list[list[str]], lines: list[int], header: list[str], i_name: int, width: int
) -> tuple[list[int], set[str]]:
    """Positions of the rows to read: blank rows and repeated headers left out; a row
    wider than the header, or one row too many, stops the import. With them, every
    distinct name cell (as it is in the file: not stripped)."""
    if rows and max(map(len, rows)) > width:
        for k, cells in enumerate(rows):
            if len(cells) > width and "".join(cells[width:]).strip():
                raise FileFormatError(
                    _N("errors", "Line {line}: {found} values where the header has {expected}."),
                    _N(
                        "errors",
                        "A name containing the separator must be in quotes: export the report "
                        "from Zoom again rather than editing it.",
                    ),
                    line=lines[k],
                    found=len(cells),
                    expected=width,
                )
    target = header[i_name]
    if rows and min(map(len, rows)) > i_name:
        names = chunked_map(operator.itemgetter(i_name), rows)
    else:
        names = [c[i_name] if len(c) > i_name else "" for c in rows]
    # Normalising only strips a cell, drops its BOMs, squeezes its spaces and casefolds it
    # (character by character): the title's longest word is in the casefolded cell.
    word = max(target.split(), key=len)
    distinct = chunked_set(names)
    titles = {raw for raw in distinct
              if word in raw.replace("\ufeff", "").casefold() and normalise_header(raw) == target}
    if not titles and "" not in distinct and not any(map(str.isspace, distinct)):
        kept = list(range(len(rows)))  # every row named, none a repeated header
    else:
        kept = [
            k
            for k, (cells, name) in enumerate(zip(rows, names, strict=True))
            if (name and not name.isspace()) or "".join(cells).strip()  # not blank
            if name not in titles or [normalise_header(c) for c in cells] != header
        ]
    if len(kept) > MAX_ROWS:
        raise FileFormatError(
            _N("errors", "The report has more than {max} rows."),
            _N("errors", "Choose the participant report of a single meeting."),
            line=lines[kept[MAX_ROWS]],
            max=MAX_ROWS,
        )
    return kept, distinct


def _any_before(leave_at: list[float], join_at: list[float]) -> bool:
    """Whether any connection leaves before it joins, a chunk at a time."""
    for start in range(0, len(leave_at), CHUNK):
        if any(map(operator.lt, leave_at[start : start + CHUNK], join_at[start : start + CHUNK])):
            return True
    return False


def _distinct(texts: Iterable[str]) -> Iterator[str]:
    """Each text once, in order of first appearance, read only as far as asked."""
    seen: set[str] = set()
    for text in texts:
        if text not in seen:
            seen.add(text)
            yield text


def _peak(spans: list[tuple[float, float]]) -> int:
    """`peak_concurrent` over whole epoch seconds: joins and leaves counted per second,
    and at each second the leaves before the joins (a reconnection is not two people).
    Only the distinct seconds are sorted."""
    joins: Counter[float] = Counter()
    leaves: Counter[float] = Counter()
    for start in range(0, len(spans), CHUNK):
        part = spans[start : start + CHUNK]
        joins.update([begin for begin, _end in part])
        leaves.update([end for _begin, end in part])
        let_others_run()
    peak = current = 0
    for second in sorted(joins.keys() | leaves.keys()):
        current -= leaves[second]
        if second in joins:
            current += joins[second]
            if current > peak:
                peak = current
    return peak


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)

# What a cell that cannot be read stands for until the row's error is raised.
_BAD_TIME: tuple[datetime, int] = (datetime(1, 1, 1, tzinfo=UTC), -1)
_BAD_MINUTES = -1.0
# The epoch second of a missing join or leave: never the earliest join, nor the latest leave.
_NEVER_FIRST = -math.inf
_NEVER_LAST = math.inf
_NO_MINUTES = -math.inf  # a connection without a duration, in `_spans`
_NO_EMAIL: dict[str, None] = {"": None}  # `.get(email, email)`: None for no e-mail
_AM_PM = frozenset({"AM", "PM"})
_SECONDS = {f"{s:02d}": (s, timedelta(seconds=s)) for s in range(60)}
_UNSEEN: tuple[datetime, int] = (_EPOCH, 0)  # a minute, or a time, not looked at yet


def _epoch(moment: datetime) -> int:
    """Epoch second of a parsed time (times in reports are whole seconds)."""
    seconds: int = (moment - _EPOCH) // _SECOND
    return seconds


def _minutes_or_bad(text: str) -> float | None:
    try:
        return _minutes(text, 0)
    except FileFormatError:
        return _BAD_MINUTES


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


class _Seconds(dict[str, float]):
    """Time cell → epoch second (`missing` for an empty cell), each distinct text read the
    first time it is looked up and kept in `instants` (a bad time as _BAD_TIME)."""

    def __init__(
        self,
        times: _TimeParser,
        instants: dict[str, tuple[datetime, int] | None],
        missing: float,
    ) -> None:
        super().__init__()
        self._times, self._instants, self._missing = times, instants, missing

    def __missing__(self, text: str) -> float:
        known = self._instants.get(text, _UNSEEN)
        if known is _UNSEEN:
            found = self._times.instant(text)
            known = self._instants[text] = _BAD_TIME if found is None else found
        second = self[text] = self._missing if known is None else known[1]
        return second


class _TimeParser:
    """Dates in one file share an order: dd/mm when any day exceeds 12 (or a French
    Excel wrote the file), mm/dd when any month position exceeds 12 or AM/PM is used."""

    def __init__(self, samples: Iterable[str], *, day_first_hint: bool) -> None:
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
        self._zones: dict[tuple[int, int, int, int, int], tuple[timedelta, tzinfo | None]] = {}
        self._us_minutes: dict[str, tuple[datetime, int] | None] = {}

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

    def parse_or_none(self, text: str) -> datetime | None:
        """The time `text` stands for, or None when it is not one (nothing raised)."""
        return self._parse(text)

    def instant(self, text: str) -> tuple[datetime, int] | None:
        """The time `text` stands for and its epoch second, or None when it is not one.

        Zoom's own "11/24/2026 02:05:09 PM" is read by position: each minute is worked
        out once (as `_parse` would), and each second is added to it."""
        if len(text) == 22 and text[16] == ":":
            second = _SECONDS.get(text[17:19])
            if second is not None:
                key = text[:16] + text[19:]  # the text without its seconds
                minute = self._us_minutes.get(key, _UNSEEN)
                if minute is _UNSEEN:
                    minute = self._us_minutes[key] = self._us_minute(key)
                if minute is not None:
                    return minute[0] + second[1], minute[1] + second[0]
        moment = self._parse(text)
        return None if moment is None else (moment, _epoch(moment))

    def _us_minute(self, text: str) -> tuple[datetime, int] | None:
        """"11/24/2026 02:05 PM" as an aware time and its epoch second; None for any other
        shape (or a time that does not exist), which the general reading then takes."""
        if not (
            text[17:] in _AM_PM
            and text[2] == text[5] == "/"
            and text[10] == text[16] == " "
            and text[13] == ":"
        ):
            return None
        digits = text[:2] + text[3:5] + text[6:10] + text[11:13] + text[14:16]
        if not (digits.isascii() and digits.isdigit()):
            return None
        hh = int(text[11:13])
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if text[17] == "P" else 0)
        try:
            moment = self._local(int(text[6:10]), int(text[:2]), int(text[3:5]), hh,
                                 int(text[14:16]), 0)
        except ValueError:
            return None
        return moment, _epoch(moment)

    def _parse(self, text: str) -> datetime | None:
        text = text.strip()
        try:
            m = _ISO.match(text)
            if m:
                ys, mos, ds, hhs, mms, sss, zone = m.groups()
                y, mo, d, hh, mm = int(ys), int(mos), int(ds), int(hhs), int(mms)
                ss = int(sss or 0)
                if zone:
                    return datetime(y, mo, d, hh, mm, ss, tzinfo=_zone(zone))
                return self._local(y, mo, d, hh, mm, ss)
            m = _DMY.match(text)
            if not m:
                return None
            a_s, b_s, y_s, hhs, mms, sss, ampm = m.groups()
            a, b, y = int(a_s), int(b_s), int(y_s)
            if y < 100:
                y += 2000
            d, mo = (a, b) if self.day_first and not ampm else (b, a)
            hh, mm, ss = int(hhs), int(mms), int(sss or 0)
            if ampm:
                if not 1 <= hh <= 12:
                    return None
                pm = ampm.lower().startswith("p")
                hh = (hh % 12) + (12 if pm else 0)
            return self._local(y, mo, d, hh, mm, ss)
        except ValueError:
            return None

    def _local(self, y: int, mo: int, d: int, hh: int, mm: int, ss: int) -> datetime:
        """`datetime(...).astimezone()`, worked out once per wall-clock minute: offsets
        change on whole minutes, so every second of a minute moves the same way (not at
        all, or across the hour the clocks skip) and gets the same offset."""
        naive = datetime(y, mo, d, hh, mm, ss)  # noqa: DTZ001 - ValueError for a date that does not exist
        key = (y, mo, d, hh, mm)
        known = self._zones.get(key)
        if known is None:
            start = datetime(y, mo, d, hh, mm)  # noqa: DTZ001 - a wall-clock time
            local = start.astimezone()
            known = self._zones[key] = (local.replace(tzinfo=None) - start, local.tzinfo)
        shift, zone = known
        return (naive + shift).replace(tzinfo=zone) if shift else naive.replace(tzinfo=zone)


def _starts(sizes: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """Where each group starts among the grouped rows."""
    import numpy as np

    starts = np.zeros_like(sizes)
    np.cumsum(sizes[:-1], out=starts[1:])
    return starts


class _Merged(NamedTuple):
    """Each person's earliest join and latest leave (row positions) and minutes, and the
    union spans of everyone's connections."""

    first_join: list[int]
    last_leave: list[int]
    minutes: list[float]
    peak: int  # the most connections at once, as `_peak` counts them


_SHIFT = 40  # bits for a time within a report: 2**40 seconds is 34,000 years


def _spans(
    grouping: _Grouping, starts: npt.NDArray[np.intp], columns: _Columns, *, use_total: bool
) -> _Merged:
    """Every person merged at once, when every connection has both its times (the same
    results as `_merge_partial` gives each group of such connections).

    The earliest join is the first of a group's smallest joins in its order, the latest
    leave the first of its largest leaves. For the union, the rows are sorted by group,
    then join; a running maximum of the leaves, kept from crossing into the next group by
    adding the group's number above the time's bits, closes a span wherever the next join
    comes after every leave before it."""
    import numpy as np

    rows, sizes = grouping
    count, n = len(sizes), len(rows)
    group = np.repeat(np.arange(count, dtype=np.int64), sizes)
    join = np.array(columns.join_at, dtype=np.int64)[rows]
    leave = np.array(columns.leave_at, dtype=np.int64)[rows]
    at = np.arange(n)
    earliest = np.minimum.reduceat(join, starts)
    first = rows[np.minimum.reduceat(np.where(join == earliest[group], at, n), starts)]
    latest = np.maximum.reduceat(leave, starts)
    last = rows[np.minimum.reduceat(np.where(leave == latest[group], at, n), starts)]
    base = int(join.min())
    lifted = group << _SHIFT
    by_join = np.argsort(lifted + (join - base))  # group stays sorted: by group, then join
    join, leave = join[by_join], leave[by_join]
    reach = np.maximum.accumulate(lifted + (leave - base)) - lifted + base
    opens = np.ones(n, dtype=bool)
    opens[1:] = (group[1:] != group[:-1]) | (join[1:] > reach[:-1])
    begin = np.flatnonzero(opens)
    lo = join[begin]
    hi = reach[np.append(begin[1:], n) - 1]
    connected = np.add.reduceat(hi - lo, np.searchsorted(group[begin], np.arange(count)))
    minutes = (connected / 60).tolist()
    if use_total:
        spent = np.array([_NO_MINUTES if m is None else m for m in columns.minutes])[rows]
        top = np.maximum.reduceat(spent, starts).tolist()
        minutes = [t if t != _NO_MINUTES else m for t, m in zip(top, minutes, strict=True)]
    # The most connections at once: joins +1 and leaves -1, in time order, each second's
    # leaves before its joins (a reconnection is not two people).
    events = np.concatenate((lo * 2 + 1, hi * 2))  # the lowest bit: a join
    events.sort()
    running = np.cumsum((events & 1) * 2 - 1)
    return _Merged(first.tolist(), last.tolist(), minutes, max(0, int(running.max())))


def _merge_partial(
    group: list[int], columns: _Columns, all_spans: list[tuple[float, float]], *,
    use_total: bool
) -> tuple[int, int, float | None]:
    """One person's earliest join and latest leave (row positions, -1 for none) and time
    connected, when some connections lack a join or a leave; adds the union spans."""
    join_at, leave_at, minutes = columns.join_at, columns.leave_at, columns.minutes
    spans: list[tuple[float, float]] = []
    durations: list[float] = []
    first = last = -1
    for k in group:
        start, end, spent = join_at[k], leave_at[k], minutes[k]
        if start != _NEVER_FIRST:
            if first < 0 or start < join_at[first]:
                first = k
            if end != _NEVER_LAST:
                spans.append((start, end))
        if end != _NEVER_LAST and (last < 0 or end > leave_at[last]):
            last = k
        if spent is not None:
            durations.append(spent)
    connected = 0.0
    if spans:
        spans.sort()
        lo, hi = spans[0]
        for start, end in spans:
            if start <= hi:
                if end > hi:
                    hi = end
            else:
                all_spans.append((lo, hi))
                connected += hi - lo
                lo, hi = start, end
        all_spans.append((lo, hi))
        connected += hi - lo
    if use_total and durations:
        return first, last, max(durations)
    if spans and len(spans) == len(group):
        return first, last, connected / 60
    if durations:
        return first, last, sum(durations)
    return first, last, None


def _zone(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


class _Grouping(NamedTuple):
    """Every attending row's position, group after group, and each group's size."""

    rows: npt.NDArray[np.intp]
    sizes: npt.NDArray[np.intp]


class _Columns(NamedTuple):
    """The attending connections, column by column (times as text and as epoch seconds)."""

    names: list[str]
    emails: list[str]
    join_texts: list[str]
    leave_texts: list[str]
    join_at: list[float]  # _NEVER_FIRST when missing
    leave_at: list[float]  # _NEVER_LAST when missing
    minutes: list[float | None]  # only for a total-duration export or missing times


def _merge(
    grouping: _Grouping,
    columns: _Columns,
    instants: dict[str, tuple[datetime, int] | None],
    *,
    use_total: bool,
    complete: bool,
) -> tuple[tuple[Person, ...], int | None]:
    """One Person per group of connections (rows by position in the columns); time
    connected is the union of their connections, so two devices at once are not counted
    twice. Returns the people and the most connections at once (None without times).

    When every connection has its join and its leave (`complete`, the usual report), the
    whole table is merged at once in numpy (`_spans`); otherwise person by person."""
    names, emails, join_texts, leave_texts = columns[:4]
    rows, sizes = grouping
    starts = _starts(sizes)
    heads = rows[starts].tolist()  # each person's first connection
    counts = sizes.tolist()
    moments = {text: v[0] for text, v in instants.items() if v is not None}
    if complete and counts:
        merged = _spans(grouping, starts, columns, use_total=use_total)
        peak: int | None = merged.peak
        first_joins: list[datetime | None] = list(
            map(moments.__getitem__, map(join_texts.__getitem__, merged.first_join)))
        last_leaves: list[datetime | None] = list(
            map(moments.__getitem__, map(leave_texts.__getitem__, merged.last_leave)))
        minutes: list[int | None] = list(map(round, merged.minutes))
    else:
        all_spans: list[tuple[float, float]] = []
        order = rows.tolist()
        found = [_merge_partial(order[start : start + size], columns, all_spans,
                                use_total=use_total)
                 for start, size in zip(starts.tolist(), counts, strict=True)]
        first_joins = [None if k < 0 else moments[join_texts[k]] for k, _l, _t in found]
        last_leaves = [None if k < 0 else moments[leave_texts[k]] for _f, k, _t in found]
        minutes = [None if t is None else round(t) for _f, _l, t in found]
        peak = _peak(all_spans) if all_spans else None
    given = list(map(emails.__getitem__, heads))  # an e-mail group's first row has it
    named = list(map(names.__getitem__, heads))
    if "" in named:  # a person whose first connection had no name (given by e-mail)
        for g, name in enumerate(named):
            if not name:
                group = rows[int(starts[g]) : int(starts[g]) + counts[g]].tolist()
                named[g] = next((names[k] for k in group if names[k]), "") or given[g]
    shown = [_unmarked(name) if ")" in name else name for name in named]
    people = list(map(Person, shown, map(_NO_EMAIL.get, given, given), minutes, first_joins,
                      last_leaves, counts))
    order = chunked_map(name_key, shown)
    # Sorted a chunk at a time, then neighbouring runs merged two by two (each sort is
    # stable, and quick over two sorted runs): as one stable sort by name, in short calls.
    by_name = order.__getitem__
    runs = [sorted(range(start, min(start + CHUNK, len(people))), key=by_name)
            for start in range(0, len(people), CHUNK)]
    while len(runs) > 1:
        runs = [sorted(chain(*runs[k : k + 2]), key=by_name) for k in range(0, len(runs), 2)]
        let_others_run()
    return tuple(map(people.__getitem__, runs[0] if runs else [])), peak
