"""A read behind another program's write transaction returns, or says "busy", within
the busy timeout; it never waits for the lock to go. Real processes on both engines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

# Holds a write transaction on the database until told to commit (a line on stdin):
# on SQLite the write lock; on PostgreSQL a schema change, as a migration holds it.
HOLDER = r"""
import sys
url = sys.argv[1]
if url.startswith("sqlite"):
    import sqlite3
    conn = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE branches SET name = name")
else:
    import psycopg
    conn = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))
    conn.execute("ALTER TABLE sessions ADD COLUMN held_by_test integer")
print("held", flush=True)
sys.stdin.readline()
conn.rollback() if not url.startswith("sqlite") else conn.execute("ROLLBACK")
"""


def regie(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--no-err-windows", "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


@pytest.fixture
def demo_url(db_url: str) -> str:
    done = regie(db_url, "--now", "2026-11-24T10:00", "demo")
    _out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    return db_url


@pytest.fixture
def held(demo_url: str) -> Iterator[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, demo_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield demo_url
    finally:
        holder.communicate("go\n", timeout=60)


@pytest.mark.slow
def test_list_behind_a_held_write_returns_or_says_busy(held: str, engine: str) -> None:
    url = held
    reader = regie(url, "sessions", "list", "--json")
    writers = [regie(url, "attendance", "set", str(n), "--registered", "9") for n in (1, 2, 3, 4)]
    try:
        # The holder keeps its transaction until this test ends: a reader that waited
        # for it would time out here.
        out, err = reader.communicate(timeout=90)
        if engine == "sqlite":
            # WAL: readers never wait for the writer.
            assert reader.returncode == 0, err
            assert len(json.loads(out)) == 257
        else:
            assert reader.returncode == 1, err
            assert "is busy" in err and "Traceback" not in err
        for writer in writers:
            _out, werr = writer.communicate(timeout=90)
            assert writer.returncode == 1, werr
            assert "is busy" in werr and "Traceback" not in werr
    finally:
        for proc in (reader, *writers):
            if proc.poll() is None:
                proc.kill()
            proc.communicate()


@pytest.mark.postgresql
def test_a_postgresql_lock_wait_is_the_busy_timeout(pg_url: str) -> None:
    """One statement waits for a lock as long as SQLite's busy timeout, no longer."""
    from app.storage.database import Database

    db = Database(pg_url, busy_timeout_ms=300)
    with db.read() as conn:
        timeout = conn.execute(sa.text("SHOW lock_timeout")).scalar_one()
    db.dispose()
    assert timeout == "300ms"
