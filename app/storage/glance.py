"""Today's sessions read with the standard library's sqlite3, for the first screen.

The window shows them at once, while SQLAlchemy, the schema check and the services load
behind it (a few hundred milliseconds on a library PC). One indexed query on a
read-only connection; anything unexpected (no file yet, a schema a migration will change,
a database busy writing) answers None and the screen simply waits for the full reading.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import quote

BUSY_TIMEOUT_S = 0.05  # the first screen does not wait for a writer: it skips the glance

_QUERY = """
SELECT s.id, s.title, s.starts_at, s.ends_at, b.name, l.label
FROM sessions AS s
JOIN branches AS b ON b.id = s.branch_id
LEFT JOIN licences AS l ON l.id = s.licence_id
WHERE s.starts_at >= ? AND s.starts_at < ? AND s.status != 'cancelled'
  AND (? IS NULL OR b.code = ?)
ORDER BY s.starts_at, s.id
"""


@dataclass(frozen=True, slots=True)
class GlanceRow:
    session_id: int
    title: str
    start: datetime  # aware, UTC
    end: datetime
    branch_name: str
    licence_label: str | None


@dataclass(frozen=True, slots=True)
class Glance:
    """The sessions of `day` and the `days - 1` next days, in time order, cancelled ones
    left out; of one branch (`branch_name`) or of the whole network (None)."""

    day: date
    days: int
    branch_name: str | None
    rows: list[GlanceRow]


def _stored(moment: datetime) -> str:
    """As SQLAlchemy stores a time on SQLite: naive UTC text, comparable as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _read(value: str) -> datetime:
    return datetime.fromisoformat(value + "+00:00")


def sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///…` URL or plain path; None for a server or memory."""
    value = url.strip()
    if "://" not in value:
        return Path(value).expanduser()
    scheme, rest = value.split("://", 1)
    if scheme.split("+", 1)[0] != "sqlite" or not rest.startswith("/"):
        return None
    name = rest[1:].split("?", 1)[0]
    return Path(name) if name and name != ":memory:" else None


def read_glance(
    path: Path, revision: str, day: date, days: int, branch_code: str | None
) -> Glance | None:
    """Today's sessions from the SQLite file at `path`, if its schema is at `revision`."""
    if not path.is_file():
        return None
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=days), time.min).astimezone()
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != revision:
            return None
        branch_name = None
        if branch_code is not None:
            found = conn.execute(
                "SELECT name FROM branches WHERE code = ?", (branch_code,)
            ).fetchone()
            if found is None:  # a branch since removed: the whole network, as Aujourd'hui
                branch_code = None
            else:
                branch_name = str(found[0])
        rows = conn.execute(
            _QUERY, (_stored(start), _stored(end), branch_code, branch_code)
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return Glance(
        day,
        days,
        branch_name,
        [
            GlanceRow(int(sid), str(title), _read(s), _read(e), str(branch), licence)
            for sid, title, s, e, branch, licence in rows
        ],
    )
