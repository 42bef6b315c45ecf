"""A local database needs nothing of the data folder to record counts: with the folder
read-only or impossible to create, `regie attendance set` still works (nothing is
queued, so no offline queue is opened)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.disks import tiny_disk


def regie(db: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--no-err-windows", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "REGIE_DATA_DIR": str(data)},
    )


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "branch.sqlite3"
    made = regie(db, tmp_path / "data", "demo")
    assert made.returncode == 0, made.stderr
    return db


def _registered(db: Path, session_id: int) -> int:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT registered FROM attendance WHERE session_id = ?", (session_id,)
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


@pytest.mark.parametrize("how", ["read-only", "cannot-be-created"])
def test_attendance_set_on_a_local_database(demo_db: Path, tmp_path: Path, how: str) -> None:
    if how == "read-only":
        with tiny_disk(tmp_path / "ro", "1m", read_only=True) as folder:
            done = regie(demo_db, folder / "data", "attendance", "set", "3", "--registered",
                         "7", "--json")
            assert not (folder / "data").exists()
    else:
        blocker = tmp_path / "a-file"
        blocker.write_text("in the way", encoding="utf-8")
        done = regie(demo_db, blocker / "data", "attendance", "set", "3", "--registered", "7",
                     "--json")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["registered"] == 7
    assert "queued" not in json.loads(done.stdout)
    assert _registered(demo_db, 3) == 7
