"""Shared fixtures: a migrated real database — an SQLite file, or a fresh database on the
throwaway PostgreSQL server the test command starts — with or without the demo network."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.config import AppConfig
from app.core.clock import fixed_clock
from app.services import Services, open_services

# The demo term and tests are pinned to a known "now": Tuesday 24 November 2026, 10:00.
FIXED_NOW = datetime(2026, 11, 24, 10, 0).astimezone()
FIXED_CLOCK = fixed_clock(FIXED_NOW)


def desk_config(db_url: str, **options: Any) -> AppConfig:
    """The configuration of a test's desk or services: errors on stderr, the fixed "now"."""
    options.setdefault("clock", FIXED_CLOCK)
    return AppConfig(db_url=db_url, no_err_windows=True, **options)


PG_ENV = "REGIE_TEST_PG_URL"
_TEMPLATE = "regie_migrated_template"


class PgServer:
    """The test PostgreSQL server: hands out fresh databases, empty or already migrated."""

    def __init__(self, url: str) -> None:
        self.url = sa.engine.make_url(url)
        self._admin = sa.create_engine(
            self.url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool
        )
        self._created: list[str] = []
        self._template_ready = False

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str = "template0") -> str:
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._created.append(name)
        return self.url_for(name)

    def empty(self) -> str:
        return self._create(f"regie_t_{uuid.uuid4().hex[:12]}")

    def migrated(self) -> str:
        """A database at the newest revision, copied from a template migrated once."""
        if not self._template_ready:
            from app.storage.database import Database

            with self._admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_TEMPLATE}"')
                conn.exec_driver_sql(f'CREATE DATABASE "{_TEMPLATE}" TEMPLATE template0')
            db = Database(self.url_for(_TEMPLATE))
            db.migrate()
            db.dispose()
            self._template_ready = True
        return self._create(f"regie_t_{uuid.uuid4().hex[:12]}", _TEMPLATE)

    def drop(self, url: str) -> None:
        name = sa.engine.make_url(url).database
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"needs the PostgreSQL server started by the test command ({PG_ENV})")
    server = PgServer(url)
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, migrated network database, dropped after the test."""
    url = pg_server.migrated()
    yield url
    pg_server.drop(url)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine the storage suites run on (parametrised for them in conftest)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_url(engine: str, request: pytest.FixtureRequest) -> str:
    if engine == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return f"sqlite:///{request.getfixturevalue('db_path')}"


@pytest.fixture
def services(config: AppConfig) -> Iterator[Services]:
    """Services on a fresh, migrated database (empty network, seeded session types)."""
    s = open_services(config)
    yield s
    s.close()


# ------------------------------------------------------------------ stopping the server
class PgControl:
    """The test cluster's pg_ctl. Starting again goes through `restart`, which reuses the
    options the test command started it with (port, socket folder), kept by PostgreSQL."""

    def __init__(self, pg_bin: str, pg_data: str) -> None:
        as_owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        log = str(Path(pg_data).parent / "server.log")
        self._ctl = [*as_owner, f"{pg_bin}/pg_ctl", "-D", pg_data, "-w", "-l", log]

    def _run(self, *args: str) -> int:
        # No pipes: the server would inherit them and keep them open.
        return subprocess.run(
            [*self._ctl, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=60,
        ).returncode

    def stop(self) -> None:
        assert self._run("-m", "fast", "stop") == 0

    def start(self) -> None:
        self._run("restart")
        assert self.running()

    def running(self) -> bool:
        return self._run("status") == 0


@pytest.fixture
def stoppable(pg_url: str) -> Iterator[tuple[str, PgControl]]:
    """The test server, which this test may stop; it is running again afterwards."""
    pg_bin, pg_data = os.environ.get("REGIE_TEST_PG_BIN"), os.environ.get("REGIE_TEST_PG_DATA")
    if not pg_bin or not pg_data:
        pytest.fail("the test command did not say where the PostgreSQL cluster is")
    ctl = PgControl(pg_bin, pg_data)
    try:
        yield pg_url, ctl
    finally:
        if not ctl.running():
            ctl.start()


@pytest.fixture
def collect_sockets() -> Iterator[None]:
    """Collect garbage as the test ends: sockets a stopped server cut, and the keyring's
    D-Bus client behind a server password lookup, are closed here, under the test's own
    warning filters, not in a later test."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QThreadPool

    # Workers hand what they held back to the GUI thread (app.ui.workers): let them end
    # and deliver that, so the sockets are among what is collected now.
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.sendPostedEvents()
    gc.collect()
