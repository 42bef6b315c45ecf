"""The snapshot file: the last sessions and licence bookings read from the network
database, kept in the data folder for the read-only desk shown while it is unreachable.

One JSON file, replaced whole (written beside, then renamed): it is written and read in
one piece, never queried, so a database file would add nothing; JSON can be opened by a
technician, and a crash mid-write leaves the previous snapshot intact.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from app.core.models import SessionRow
from app.core.snapshot import Snapshot
from app.storage.database import Database
from app.storage.licences import SqlLicenceRepository
from app.storage.repositories import SqlReferenceRepository

log = logging.getLogger(__name__)

SNAPSHOT_FILE = "snapshot.json"


def write_snapshot(folder: Path, snapshot: Snapshot) -> Path:
    path = folder / SNAPSHOT_FILE
    tmp = path.with_suffix(".json.tmp")
    folder.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(snapshot.as_json(), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


def read_snapshot(folder: Path, database: str) -> Snapshot | None:
    """The snapshot taken from `database`, or None (none yet, another server's, or an
    unreadable file: the desk then says the server is needed)."""
    path = folder / SNAPSHOT_FILE
    try:
        snapshot = Snapshot.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        log.info("snapshot %s ignored: %s", path, err)
        return None
    return snapshot if snapshot.database == database else None


def take_snapshot(folder: Path, db: Database, rows: list[SessionRow]) -> Path:
    """Save `rows` (every session, as just listed) with the licences and their bookings,
    the staff and the session types. Emails stay on the server: the desk needs names."""
    repo = SqlLicenceRepository(db)
    refs = SqlReferenceRepository(db)
    snapshot = Snapshot(
        database=db.url,
        taken_at=datetime.now(UTC),  # wall clock: when the row was written (audit)
        rows=list(rows),
        licences=repo.licences(),
        bookings=repo.bookings(),
        staff=refs.staff(),
        session_types=refs.session_types(include_inactive=True),
    )
    return write_snapshot(folder, snapshot)
