"""The demo network and its attendance are written in one transaction: cut short at any
point (a failure, a killed process), the database keeps none of it and the demo can be
loaded again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.services import Services, load_demo_network, network_is_empty
from app.storage import schema
from app.storage.attendance import attendance
from tests.support.fixtures import FIXED_NOW

ABORT = "regie-test: the demo was cut short"


def _abort_attendance(services: Services) -> None:
    """A trigger on the real database: writing the first attendance row fails, as a
    full disk or a lost server would after the sessions were written."""
    with services.db.begin() as conn:
        if services.db.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER regie_test_abort BEFORE INSERT ON attendance "
                f"BEGIN SELECT RAISE(ABORT, '{ABORT}'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION regie_test_abort() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN RAISE EXCEPTION '{ABORT}'; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER regie_test_abort BEFORE INSERT ON attendance "
                "FOR EACH ROW EXECUTE FUNCTION regie_test_abort()"
            )


def _count(services: Services, table: sa.Table) -> int:
    with services.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_a_demo_cut_short_leaves_nothing_and_loads_again(services: Services) -> None:
    _abort_attendance(services)
    with pytest.raises(sa.exc.DBAPIError, match="cut short"):
        load_demo_network(services, FIXED_NOW)
    assert network_is_empty(services)
    assert _count(services, schema.sessions) == 0
    assert _count(services, schema.licences) == 0
    with services.db.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER regie_test_abort" + ("" if services.db.is_sqlite
                                                               else " ON attendance"))
    counts = load_demo_network(services, FIXED_NOW)
    assert counts.sessions == _count(services, schema.sessions) == 257
    assert _count(services, attendance) > 0


def _writing(path: Path) -> bool:
    """Another connection holds the write lock (a transaction is under way)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()
    return False


def _sessions(path: Path) -> int:
    conn = sqlite3.connect(path, timeout=5)
    try:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_regie_demo_killed_while_writing_can_run_again(db_path: Path) -> None:
    def regie(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "app", "--no-err-windows", "--db", str(db_path),
             "--now", FIXED_NOW.isoformat(), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
        )

    upgraded = regie("db", "upgrade")
    assert upgraded.wait(timeout=120) == 0
    upgraded.communicate()
    # Each attendance row now takes seconds to write: the process is killed there.
    setup = sqlite3.connect(db_path, isolation_level=None)
    setup.execute(
        "CREATE TRIGGER regie_test_slow BEFORE INSERT ON attendance BEGIN "
        "SELECT count(*) FROM sessions a, sessions b, sessions c; END"
    )
    setup.close()
    demo = regie("demo")
    try:
        held_since: float | None = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and demo.poll() is None:
            if not _writing(db_path):
                held_since = None
            elif held_since is None:
                held_since = time.monotonic()
            # Sessions already visible while a write goes on: the attendance is being
            # written apart from them. Or one write transaction long under way.
            elif _sessions(db_path) or time.monotonic() - held_since > 2:
                break
            time.sleep(0.05)
        assert demo.poll() is None, "the demo ended before it could be cut short"
        demo.send_signal(signal.SIGKILL)
    finally:
        if demo.poll() is None:
            demo.kill()
        demo.communicate()
    assert _sessions(db_path) == 0
    cleanup = sqlite3.connect(db_path, isolation_level=None)
    cleanup.execute("DROP TRIGGER regie_test_slow")
    cleanup.close()
    again = regie("demo", "--json")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert '"sessions": 257' in out
