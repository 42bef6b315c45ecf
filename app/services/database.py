"""The database as the technician handles it: open, upgrade, back up, copy to the network
server, and the server's password in the keyring. Shared by `regie db …` and the window's
network dialog; the password is looked up here, so storage never reaches the keyring."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError, ServerUnreachable
from app.services.offline import NetworkLink
from app.storage.database import Database, MigrationReport
from app.storage.transfer import TransferReport


def stored_password(ref: str) -> str | None:
    """The password kept in the keyring for `ref`, or None when there is none or no
    usable keyring (the connection then fails with the server's own message)."""
    from app.zoom.vault import KeyringVault

    try:
        return KeyringVault().get(ref)
    except RegieError:  # a missing or locked keyring: connect without, and say so then
        return None


def open_database(url: str) -> Database:
    """The database at `url`, a network server's password taken from the keyring."""
    return Database(url, password=stored_password)


@dataclass(frozen=True, slots=True)
class Upgrade:
    database: str
    report: MigrationReport


def upgrade(url: str) -> Upgrade:
    """Apply pending migrations, after a timestamped backup."""
    db = open_database(url)
    try:
        return Upgrade(db.display_name, db.migrate())
    finally:
        db.dispose()


def status(url: str, link: NetworkLink) -> dict[str, object]:
    """Where the database is, its schema revision, whether it answers, and what waits on
    this computer (sent now when the server answers on the current schema)."""
    db = open_database(url)
    try:
        data: dict[str, object] = {
            "database": db.display_name,
            "engine": "sqlite" if db.is_sqlite else db.engine.dialect.name,
        }
        try:
            data |= {"revision": db.current_revision(), "head": db.head_revision()}
            data["online"] = True
            if link.network and link.waiting() and data["revision"] == data["head"]:
                data["sent"] = link.send_waiting(db).as_json()
        except ServerUnreachable:
            data |= {"revision": None, "head": db.head_revision(), "online": False}
        if link.network:
            data |= {"queue": link.waiting(), "refused": link.refused()}
        else:
            data |= {"queue": 0, "refused": 0}
    finally:
        db.dispose()
    return data


def migrate_to(source_url: str, target_url: str) -> TransferReport:
    """Copy this computer's database into an empty network one: everything or nothing."""
    from app.storage.transfer import copy_database

    source = open_database(source_url)
    if not source.is_sqlite:
        source.dispose()
        raise RegieError(
            _N("errors", "Only a local database can be copied to the network."),
            _N(
                "errors",
                "Run this on the branch's own database: regie --db FILE db migrate-to URL.",
            ),
        )
    target = open_database(target_url)
    try:
        source.migrate()
        target.migrate(backup=False)
        return copy_database(source, target)
    finally:
        source.dispose()
        target.dispose()


def backup(url: str, dest: Path) -> Path:
    """A consistent copy of the local database file at `dest`."""
    db = open_database(url)
    try:
        return db.backup(dest)
    finally:
        db.dispose()


def without_password(url: str) -> str:
    """The URL to keep in settings and show: the password never leaves the keyring."""
    from app.storage.database import without_password as strip

    return strip(url)


def set_password(url: str, secret: str) -> str:
    """Keep the network server's password in the keyring; returns the URL without it."""
    from app.storage.database import credential_ref
    from app.zoom.vault import KeyringVault

    clean = without_password(url)
    KeyringVault().put(credential_ref(clean), secret)
    return clean


def try_database(url: str, password: str = "") -> str:
    """Connect to `url` (with `password` if given, else the keyring's) and return where it
    is, without its password; raises the storage error that says what is wrong."""
    from app.storage.database import resolve_url

    target = resolve_url(url)
    if password:
        import sqlalchemy as sa

        target = sa.engine.make_url(target).set(password=password).render_as_string(
            hide_password=False
        )
    db = Database(target) if password else open_database(target)
    try:
        db.current_revision()
    finally:
        db.dispose()
    return without_password(url)


def choose_database(url: str | None, password: str = "") -> str | None:
    """Make `url` the database Régie opens from now on (None: the embedded one). The
    password goes to the keyring; only the URL without it is remembered."""
    from app.config import save_db_url

    if url is None:
        save_db_url(None)
        return None
    clean = without_password(url)
    if password:
        set_password(clean, password)
    save_db_url(clean)
    return clean
