"""Opening the database, migrating it safely, and turning driver errors into advice.

The only module that knows which engine is behind a URL. SQLite runs in WAL mode with
transactional DDL (so a failed migration leaves the file as it was) and can take the
write lock up front (`begin(immediate=True)`) for check-then-insert rules.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, ExceptionContext

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError, ServerUnreachable
from app.storage.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
KEEP_BACKUPS = 5


def _sqlite_file(parsed: sa.engine.URL) -> Path | None:
    """The file of a SQLite URL; a URI filename (`file:…?uri=true`) names it after its
    scheme, which is no folder to create."""
    name = parsed.database
    if not name:
        return None
    if parsed.query.get("uri") == "true" and name.startswith("file:"):
        name = name.removeprefix("file:")  # its query is the URL's, already parsed out
    return Path(name) if name else None


class StorageError(RegieError):
    """A database problem the user can fix (disk full, read-only, locked, corrupt…)."""

    def __init__(self, message: str, fix: str, *, path: str, kind: str) -> None:
        self.kind = kind
        self.path = path
        super().__init__(message, fix, path=path)


class BusyError(StorageError):
    """The database is locked by another writer (busy, lock timeout, deadlock): trying
    again a moment later may succeed."""


class UnreachableError(StorageError, ServerUnreachable):
    """The storage side of `ServerUnreachable` (callers test for the latter)."""


def resolve_url(value: str) -> str:
    """Accept `sqlite:///path`, a plain file path, or a PostgreSQL URL."""
    value = value.strip()
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser().resolve())
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def is_network_url(url: str) -> bool:
    """A database server rather than a file on this computer (plain paths are files)."""
    return not resolve_url(url).startswith("sqlite")


def credential_ref(url: str) -> str:
    """The keyring reference of a server's password: its address without the password
    (and without the driver), e.g. `database:postgresql://regie@db.bm.lan:5432/regie`."""
    parsed = sa.engine.make_url(resolve_url(url))._replace(password=None)
    backend = parsed.get_backend_name()
    return "database:" + parsed.set(drivername=backend).render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """The URL to keep in settings and show: the password never leaves the keyring."""
    parsed = sa.engine.make_url(resolve_url(url))
    return parsed._replace(password=None).render_as_string(hide_password=False)


PasswordLookup = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class MigrationReport:
    before: str | None
    after: str | None
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


class Database:
    """An engine plus the knowledge of how to migrate, back up and explain failures."""

    def __init__(
        self,
        url: str,
        *,
        echo: bool = False,
        migrations: Path = MIGRATIONS,
        busy_timeout_ms: int = 5000,
        password: PasswordLookup | None = None,
        connect_timeout_s: int = 5,
    ) -> None:
        self.url = resolve_url(url)
        self.migrations = migrations
        parsed = sa.engine.make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgresql = parsed.get_backend_name() == "postgresql"
        self.path: Path | None = _sqlite_file(parsed) if self.is_sqlite else None
        if self.path is not None and parsed.query.get("mode") != "ro":
            self._check_sqlite_location(self.path)
        if self.is_sqlite:
            self.engine: Engine = sa.create_engine(self.url, echo=echo, future=True)
            _configure_sqlite(self.engine, busy_timeout_ms)
        else:
            # A network server: its password comes from the keyring, never from settings;
            # one typed into the URL is used but neither kept in `url` nor shown.
            self.url = without_password(self.url)
            if parsed.password is None and password is not None:
                secret = password(credential_ref(self.url))
                if secret:
                    parsed = parsed.set(password=secret)
            args: dict[str, object] = {}
            if self.is_postgresql:
                # A statement waits for a lock no longer than SQLite's busy timeout: a
                # read behind a migration or a long write says "busy" instead of hanging.
                args = {
                    "connect_timeout": connect_timeout_s,
                    "options": f"-c lock_timeout={int(busy_timeout_ms)}",
                }
            self.engine = sa.create_engine(
                parsed, echo=echo, future=True, pool_pre_ping=True, connect_args=args
            )
        # Every use of the engine (connecting and its PRAGMAs, migrations, reads, writes)
        # meets failures of the database itself as known errors.
        event.listen(self.engine, "handle_error", self._on_error)

    @property
    def display_name(self) -> str:
        """Where the data is, for messages: a path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """A round trip to the server; ServerUnreachable when it is gone."""
        with self.read() as conn:
            conn.execute(sa.text("SELECT 1"))

    @property
    def is_network(self) -> bool:
        return not self.is_sqlite

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def begin(self, *, immediate: bool = False) -> Iterator[Connection]:
        """One transaction; `immediate` takes SQLite's write lock before reading, so a
        check-then-insert cannot interleave with another writer."""
        with self.errors():
            conn = self.engine.connect()
            try:
                if immediate and self.is_sqlite:
                    conn = conn.execution_options(sqlite_immediate=True)
                with conn.begin():
                    yield conn
            finally:
                conn.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.errors(), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Translate driver errors the user can act on into StorageError (those raised
        through the engine are already translated by its `handle_error` hook)."""
        try:
            yield
        except exc.DBAPIError as err:
            known = self.explain(err)
            if known is None:
                raise
            raise known from err

    def explain(self, err: BaseException) -> StorageError | None:
        """The known error behind a driver error, or None (a broken rule, or a bug)."""
        return classify(err, where=self.display_name, folder=self._folder())

    def _on_error(self, context: ExceptionContext) -> BaseException | None:
        if context.is_pre_ping:  # the pool reconnects by itself
            return None
        return self.explain(context.sqlalchemy_exception or context.original_exception)

    def _folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    def unreachable(self) -> UnreachableError:
        """The error of a database that cannot be reached (also raised without trying,
        when the desk already knows the server is gone)."""
        known = _known("unreachable", self.display_name)
        assert isinstance(known, UnreachableError)
        return known

    # ------------------------------------------------------------------ migrations
    def alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(self.migrations))
        cfg.attributes["engine"] = self.engine
        return cfg

    def head_revision(self) -> str | None:
        """The newest revision shipped (several heads are joined with '+')."""
        if self.migrations == MIGRATIONS:
            return HEAD
        from alembic.script import ScriptDirectory

        heads = ScriptDirectory.from_config(self.alembic_config()).get_heads()
        return "+".join(sorted(heads)) or None

    def current_revision(self) -> str | None:
        """The revision the database is at (one query, no Alembic import)."""
        with self.read() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            heads = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars()
            return "+".join(sorted(heads)) or None

    def is_empty(self) -> bool:
        with self.read() as conn:
            return not sa.inspect(conn).get_table_names()

    def migrate(self, *, target: str = "heads", backup: bool = True) -> MigrationReport:
        """Bring the schema to `target`, after a timestamped backup of a non-empty file.

        Runs in one transaction: if a step fails the database is left as it was and the
        error says where the backup is.
        """
        before = self.current_revision()
        head = self.head_revision() if target in ("head", "heads") else target
        if before == head:
            return MigrationReport(before, before, None)
        copy = None
        if backup and self.path is not None and not self.is_empty():
            copy = self.backup(self._backup_path(before))
        from alembic import command

        try:
            with self.errors():
                command.upgrade(self.alembic_config(), target)
        except StorageError:
            raise
        except Exception as err:
            log.exception("migration failed")
            raise RegieError(
                _N("errors", "Updating the database {path} failed; it was left unchanged."),
                _N(
                    "errors",
                    "Report the crash log to your technician. A backup is at {backup}.",
                ),
                path=self.display_name,
                backup=str(copy) if copy else "-",
            ) from err
        return MigrationReport(before, self.current_revision(), copy)

    def backup(self, dest: Path) -> Path:
        """A consistent copy of a SQLite database (WAL included), through SQLite's backup API."""
        if self.path is None:
            raise RegieError(
                _N("errors", "Backups of a network database are made on its server."),
                _N("errors", "Ask the network's technician (pg_dump)."),
            )
        dest = dest.expanduser().resolve()
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                dest.unlink()
            src = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                out = sqlite3.connect(dest)
                try:
                    src.backup(out)
                finally:
                    out.close()
            finally:
                src.close()
        except (OSError, sqlite3.Error) as err:
            raise StorageError(
                _N("errors", "Could not write the backup {path}."),
                _N("errors", "Choose a folder you can write to, with free space."),
                path=str(dest),
                kind="backup",
            ) from err
        return dest

    def _backup_path(self, revision: str | None) -> Path:
        assert self.path is not None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 - wall clock: a file name
        folder = self.path.parent / "backups"
        self._prune_backups(folder)
        return folder / f"{self.path.stem}-{stamp}-rev{revision or 'none'}.sqlite3"

    def _prune_backups(self, folder: Path) -> None:
        if not folder.is_dir() or self.path is None:
            return
        old = sorted(folder.glob(f"{self.path.stem}-*.sqlite3"))
        for stale in old[: max(0, len(old) - (KEEP_BACKUPS - 1))]:
            with contextlib.suppress(OSError):
                stale.unlink()

    @staticmethod
    def _check_sqlite_location(path: Path) -> None:
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StorageError(
                _N("errors", "The folder {path} cannot be created."),
                _N("errors", "Check its permissions, or choose another database with --db."),
                path=str(folder),
                kind="folder",
            ) from err
        # Unique per process: two Régie starting at once must not remove each other's probe.
        probe = folder / f".regie-write-test-{path.stem}-{os.getpid()}-{uuid.uuid4().hex}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as err:
            raise StorageError(
                _N("errors", "Régie cannot write in the folder {path}."),
                _N("errors", "Check its permissions, or choose another database with --db."),
                path=str(folder),
                kind="folder",
            ) from err


# ---------------------------------------------------------------------- classification
# What each kind of database failure tells the user, and the fix.
_ADVICE: dict[str, tuple[str, str]] = {
    "locked": (
        _N("errors", "The database {path} is busy (locked by another program)."),
        _N("errors", "Close the other program using it, then try again."),
    ),
    "readonly": (
        _N("errors", "The database {path} is read-only."),
        _N("errors", "Give your account write access to it, or choose another file."),
    ),
    "full": (
        _N("errors", "The disk holding {path} is full."),
        _N("errors", "Free some space, then try again. Nothing was saved."),
    ),
    "io": (
        _N("errors", "The disk holding {path} could not be read or written."),
        _N(
            "errors",
            "Check that the disk is still connected and healthy, then try again. "
            "Nothing was saved.",
        ),
    ),
    "corrupt": (
        _N("errors", "The database {path} is damaged."),
        _N(
            "errors",
            "Restore the latest backup next to it (regie db backup makes one), "
            "or move the file away to start afresh.",
        ),
    ),
    "auth": (
        _N("errors", "The database server {path} refused Régie's credentials."),
        _N(
            "errors",
            "Store the server's password in the keyring with "
            "“regie db set-password URL”, then try again.",
        ),
    ),
    "unreachable": (
        _N("errors", "The database {path} cannot be opened."),
        _N("errors", "Check that the file or server exists and can be reached."),
    ),
}

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_KINDS = {
    3: "readonly",  # SQLITE_PERM
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "readonly",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "unreachable",  # SQLITE_CANTOPEN
    15: "locked",  # SQLITE_PROTOCOL: the file-locking protocol kept failing
    23: "readonly",  # SQLITE_AUTH
    26: "corrupt",  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs, exact first, then by class (the first two characters).
_SQLSTATE_KINDS = {
    "53100": "full",  # disk_full
    "58030": "io",  # io_error
    "25006": "readonly",  # read_only_sql_transaction
    "42501": "readonly",  # insufficient_privilege
    "55P03": "locked",  # lock_not_available (lock_timeout)
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure
    "57014": "locked",  # query_canceled (statement_timeout)
    "XX001": "corrupt",  # data_corrupted
    "XX002": "corrupt",  # index_corrupted
    "28P01": "auth",  # invalid_password
    "28000": "auth",  # invalid_authorization_specification
    "3D000": "unreachable",  # invalid_catalog_name: no such database
    "57P01": "unreachable",  # admin_shutdown
    "57P02": "unreachable",  # crash_shutdown
    "57P03": "unreachable",  # cannot_connect_now
    "53300": "unreachable",  # too_many_connections
}
_SQLSTATE_CLASSES = {"08": "unreachable", "58": "io"}
# Below this much free space, an I/O error of SQLite is a full disk (SQLite reports a
# full disk met while growing its shared-memory file as SQLITE_IOERR_SHMSIZE).
_NEARLY_FULL = 1 << 20


def classify(
    err: BaseException, *, where: str, folder: Path | None = None
) -> StorageError | None:
    """The one translation of database failures (full disk, I/O error, read-only,
    locked or busy, damaged, refused credentials, unreachable) into known errors, by the
    driver's error code or type: SQLite's result codes, PostgreSQL's SQLSTATE, the
    DB-API exception class when the driver gives no code (a connection that failed).

    `err` is a driver error or SQLAlchemy's wrapper of one; `folder` is where a local
    database lives (to tell a full disk from a failing one). None means not a problem of
    the database itself: a broken rule (integrity) or a bug.
    """
    if isinstance(err, exc.IntegrityError):
        return None
    if isinstance(err, exc.TimeoutError):  # no pooled connection came free in time
        return _known("locked", where)
    orig = err.orig if isinstance(err, exc.DBAPIError) else err
    kind: str | None = None
    if isinstance(orig, sqlite3.Error):
        if isinstance(orig, sqlite3.IntegrityError):
            return None
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            kind = _SQLITE_KINDS.get(code & 0xFF)
        if kind == "io" and folder is not None and _nearly_full(folder):
            kind = "full"
    elif orig is not None and _is_psycopg_error(orig):
        kind = _pg_kind(orig)
    elif isinstance(err, exc.InterfaceError | exc.OperationalError):
        kind = "unreachable"
    return _known(kind, where) if kind is not None else None


def _is_psycopg_error(err: BaseException) -> bool:
    module = type(err).__module__
    return module == "psycopg" or module.startswith("psycopg.")


def _pg_kind(err: BaseException) -> str | None:
    state = getattr(err, "sqlstate", None)
    if state:
        if state.startswith("23"):  # integrity_constraint_violation
            return None
        return _SQLSTATE_KINDS.get(state) or _SQLSTATE_CLASSES.get(state[:2])
    # No SQLSTATE: libpq failed before the server answered a query (connecting, or the
    # connection dropped). Only the message tells a refused password from a server away.
    import psycopg

    if not isinstance(err, psycopg.OperationalError | psycopg.InterfaceError):
        return None
    text = str(err).lower()
    if "password" in text or "authentication" in text:
        return "auth"
    return "unreachable"


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def _known(kind: str, where: str) -> StorageError:
    message, fix = _ADVICE[kind]
    cls = {"unreachable": UnreachableError, "locked": BusyError}.get(kind, StorageError)
    return cls(message, fix, path=where, kind=kind)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, foreign keys, a busy timeout, and transactions that include DDL.

    Python's sqlite3 module opens transactions itself and leaves DDL outside them; we
    turn that off and emit BEGIN ourselves (SQLAlchemy's documented pysqlite recipe).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
