"""Database problems a person can fix get a message with the path and the fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.storage import schema
from app.storage.database import Database, StorageError, resolve_url


def test_resolve_url() -> None:
    assert resolve_url("/tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    assert resolve_url("sqlite:///rel.db") == "sqlite:///rel.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError) as caught:
        Database(str(blocker / "sub" / "regie.sqlite3"))
    assert caught.value.kind == "folder"
    assert str(blocker / "sub") in caught.value.text()
    assert "--db" in caught.value.text()


def test_folder_without_write_access() -> None:
    with pytest.raises(StorageError) as caught:
        Database("/proc/regie.sqlite3")  # exists, never writable, even for root
    assert caught.value.kind == "folder"


def test_corrupt_file_is_reported_and_left_alone(db_path: Path) -> None:
    junk = b"this is not a database, but somebody's notes\n" * 100
    db_path.write_bytes(junk)
    db = Database(str(db_path))
    with pytest.raises(StorageError) as caught:
        db.migrate()
    db.dispose()
    assert caught.value.kind == "corrupt"
    assert str(db_path) in caught.value.text()
    assert db_path.read_bytes() == junk


def test_read_only_database(db_path: Path) -> None:
    rw = Database(str(db_path))
    rw.migrate()
    rw.dispose()
    ro = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    with pytest.raises(StorageError) as caught, ro.begin() as conn:
        conn.execute(schema.branches.insert().values(code="x", name="X"))
    ro.dispose()
    assert caught.value.kind == "readonly"


def test_locked_database(db_path: Path) -> None:
    db = Database(str(db_path), busy_timeout_ms=50)
    db.migrate()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught, db.begin(immediate=True) as conn:
            conn.execute(sa.select(1))
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()
    assert caught.value.kind == "locked"
    assert "Close the other program" in caught.value.text()


def test_failed_write_rolls_back_the_whole_transaction(db_path: Path) -> None:
    db = Database(str(db_path))
    db.migrate()
    def two_inserts() -> None:
        with db.begin() as conn:
            conn.execute(schema.branches.insert().values(code="a", name="A"))
            conn.execute(schema.branches.insert().values(code="a", name="B"))

    with pytest.raises(sa.exc.IntegrityError):
        two_inserts()
    with db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.branches)).scalar() == 0
    db.dispose()
