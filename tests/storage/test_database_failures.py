"""Failures of the database itself (full disk, read-only, busy, damaged, away) reach the
user as one known error with its fix, whichever command or screen met them: the engine's
error hook classifies them by the driver's code, never by its message."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from app.storage import schema
from app.storage.database import Database, StorageError
from tests.support.disks import fill, tiny_disk
from tests.support.fixtures import desk_config


def regie(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--no-err-windows", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


@pytest.fixture
def full_disk_db(tmp_path: Path) -> Iterator[Path]:
    """The demo network on a real disk that has then been filled to the last byte."""
    with tiny_disk(tmp_path / "disk") as disk:
        db = disk / "regie.sqlite3"
        made = regie("demo", db=db)
        assert made.returncode == 0, made.stderr
        fill(disk)
        yield db


def crash_logs() -> list[Path]:
    return list((Path(os.environ["REGIE_DATA_DIR"]) / "crashes").glob("*.log"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "verb",
    [
        ("sessions", "list"),
        ("sessions", "show", "3"),
        ("attendance", "set", "3", "--registered", "12"),
        ("db", "status"),
        ("report", "--json"),
    ],
    ids=" ".join,
)
def test_full_disk_every_command_says_so(full_disk_db: Path, verb: tuple[str, ...]) -> None:
    """On a full disk SQLite cannot even set up its shared memory when it connects
    (SQLITE_IOERR_SHMSIZE): reads and writes alike say the disk is full, not a bug."""
    done = regie(*verb, db=full_disk_db)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"The disk holding {full_disk_db} is full." in done.stderr
    assert "Free some space" in done.stderr
    assert crash_logs() == []


def test_full_disk_screen_shows_the_fix(full_disk_db: Path, qtbot: QtBot) -> None:
    from app.ui.desk import Desk

    desk = Desk(desk_config(str(full_disk_db)))
    qtbot.addWidget(desk.window)
    with qtbot.waitSignal(desk.failed, timeout=20_000) as blocker:
        desk.open()
    assert f"The disk holding {full_disk_db} is full." in blocker.args[0]
    assert desk.startup.retry.isVisibleTo(desk.window)
    desk.close()


def _limit_pages(db: Database, extra: int) -> None:
    """The database may grow by `extra` pages at most: SQLite then answers SQLITE_FULL,
    exactly as on a full disk."""

    @sa.event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0] + extra
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


def test_database_full_while_writing_keeps_nothing(db_path: Path) -> None:
    db = Database(str(db_path))
    db.migrate()
    db.dispose()
    db = Database(str(db_path))
    _limit_pages(db, 2)
    rows = [{"code": f"b{n}", "name": f"{n:05d}" + "x" * 200} for n in range(2000)]
    with pytest.raises(StorageError) as caught, db.begin() as conn:
        conn.execute(schema.branches.insert(), rows)
    assert caught.value.kind == "full"
    assert str(db_path) in caught.value.text()
    with db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.branches)).scalar() == 0
    db.dispose()


def test_database_full_while_migrating_is_known_and_leaves_it(db_path: Path) -> None:
    db = Database(str(db_path))
    db.migrate(target="0001")
    db.dispose()
    db = Database(str(db_path))
    _limit_pages(db, 0)
    with pytest.raises(StorageError) as caught:
        db.migrate(backup=False)
    assert caught.value.kind == "full"
    assert db.current_revision() == "0001"
    db.dispose()


def test_damaged_file_is_known_on_connecting(db_path: Path) -> None:
    """A file that is not a database fails at the first PRAGMA of a connection."""
    db_path.write_bytes(b"\x89PNG\r\n" * 1000)
    db = Database(str(db_path))
    with pytest.raises(StorageError) as caught, db.read() as conn:
        conn.execute(sa.select(1))
    assert caught.value.kind == "corrupt"
    db.dispose()


def test_missing_read_only_file_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = Database(f"sqlite:///file:{tmp_path / 'gone.sqlite3'}?mode=ro&uri=true")
    assert not (tmp_path / "file:").exists()  # a URI filename is no folder to create
    assert db.path == tmp_path / "gone.sqlite3"
    with pytest.raises(StorageError) as caught, db.read() as conn:
        conn.execute(sa.select(1))
    assert caught.value.kind == "unreachable"
    db.dispose()


def test_a_broken_rule_is_not_a_database_failure(db_path: Path) -> None:
    """A trigger refusing a row with the words of a busy database is still a refused
    row: the code (SQLITE_CONSTRAINT) decides, not the text."""
    db = Database(str(db_path))
    db.migrate()
    with db.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER no_x BEFORE INSERT ON branches WHEN NEW.code = 'x' "
            "BEGIN SELECT RAISE(ABORT, 'database is locked: disk is full'); END"
        )
    with pytest.raises(sa.exc.IntegrityError), db.begin() as conn:
        conn.execute(schema.branches.insert().values(code="x", name="X"))
    db.dispose()


# ---------------------------------------------------------------------- PostgreSQL
@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("53100", "full"),
        ("58030", "io"),
        ("25006", "readonly"),
        ("55P03", "locked"),
        ("40P01", "locked"),
        ("XX001", "corrupt"),
        ("57P01", "unreachable"),
    ],
)
def test_postgresql_failures_by_sqlstate(pg_url: str, sqlstate: str, kind: str) -> None:
    """The server's own errors with each SQLSTATE (raised by the server, with a message
    that says something else) are classified by their code."""
    db = Database(pg_url)
    block = (
        "DO $$ BEGIN RAISE EXCEPTION 'a duplicate key, nothing serious' "
        f"USING ERRCODE = '{sqlstate}'; END $$"
    )
    with pytest.raises(StorageError) as caught, db.read() as conn:
        conn.exec_driver_sql(block)
    assert caught.value.kind == kind
    db.dispose()


@pytest.mark.postgresql
def test_postgresql_error_without_a_known_code_is_not_guessed_from_its_text(
    pg_url: str,
) -> None:
    db = Database(pg_url)
    block = (
        "DO $$ BEGIN RAISE EXCEPTION 'database is locked, disk is full, read-only' "
        "USING ERRCODE = 'P0001'; END $$"
    )
    with pytest.raises(sa.exc.DBAPIError) as caught, db.read() as conn:
        conn.exec_driver_sql(block)
    assert caught.value.orig is not None and "database is locked" in str(caught.value.orig)
    db.dispose()


@pytest.mark.postgresql
def test_postgresql_read_only_database(pg_url: str, pg_server: Any) -> None:
    name = sa.engine.make_url(pg_url).database
    with pg_server._admin.connect() as conn:
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    db = Database(pg_url)
    with pytest.raises(StorageError) as caught, db.begin() as conn:
        conn.execute(schema.branches.insert().values(code="x", name="X"))
    assert caught.value.kind == "readonly"
    db.dispose()


def test_the_offline_queue_failures_are_known_too(tmp_path: Path) -> None:
    """The queue of writes kept on this computer is a database too: a damaged one is
    said to be damaged, whichever read or write meets it."""
    from app.core.outbox import PendingKind
    from app.storage.outbox import OUTBOX_FILE, LocalOutbox

    outbox = LocalOutbox(tmp_path)
    outbox.add(PendingKind.ATTENDANCE, {"session_id": 1, "registered": 3})
    (tmp_path / OUTBOX_FILE).write_bytes(b"not a queue any more " * 200)
    for use in (outbox.count, outbox.refused, outbox.items, lambda: outbox.forget("k"),
                lambda: outbox.add(PendingKind.ATTENDANCE, {"session_id": 1})):
        with pytest.raises(StorageError) as caught:
            use()
        assert caught.value.kind == "corrupt"
        assert str(tmp_path / OUTBOX_FILE) in caught.value.text()
