"""`regie db …`: schema upgrades, backups and where the data is."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "db", "database upgrades and backups")
    p = sub.add_parser("upgrade", help="apply pending migrations (after a backup)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_upgrade)
    p = sub.add_parser("backup", help="write a consistent copy of the database to PATH")
    p.add_argument("path", type=Path)
    p.set_defaults(handler=_backup)
    p = sub.add_parser("status", help="where the database is and its schema revision")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_status)
    p = sub.add_parser(
        "migrate-to", help="copy this local database into an empty network database at URL"
    )
    p.add_argument("url", help="postgresql://user@host/database (password from the keyring)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_migrate_to)
    p = sub.add_parser(
        "set-password", help="store the network server's password (read from stdin) in the keyring"
    )
    p.add_argument("url", help="postgresql://user@host/database")
    p.set_defaults(handler=_set_password)


def _upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.storage.database import Database

    db = Database(ctx.config.db_url)
    try:
        report = db.migrate()
    finally:
        db.dispose()
    data = {
        "database": db.display_name,
        "before": report.before,
        "after": report.after,
        "backup": str(report.backup) if report.backup else None,
    }
    if args.json:
        ctx.print_json(data)
    elif report.changed:
        ctx.print(f"Upgraded {db.display_name} from {report.before} to {report.after}.")
        if report.backup:
            ctx.print(f"Backup before upgrading: {report.backup}")
    else:
        ctx.print(f"{db.display_name} is up to date ({report.after}).")
    return EXIT_OK


def _backup(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.services().db
    dest = db.backup(args.path)
    ctx.print(str(dest))
    return EXIT_OK


def _status(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.config import data_dir
    from app.storage.database import Database, StorageError
    from app.storage.outbox import LocalOutbox, is_unreachable, send_pending

    db = Database(ctx.config.db_url)
    outbox = LocalOutbox(data_dir())
    try:
        data: dict[str, object] = {
            "database": db.display_name,
            "engine": "sqlite" if db.is_sqlite else db.engine.dialect.name,
        }
        try:
            data |= {"revision": db.current_revision(), "head": db.head_revision()}
            data["online"] = True
            if outbox.count() and data["revision"] == data["head"]:
                data["sent"] = send_pending(db, outbox).as_json()
        except StorageError as err:
            if not is_unreachable(err):
                raise
            data |= {"revision": None, "head": db.head_revision(), "online": False}
        data |= {"queue": outbox.count(), "refused": outbox.refused()}
    finally:
        db.dispose()
    if args.json:
        ctx.print_json(data)
    else:
        for k, v in data.items():
            ctx.print(f"{k:>8}: {v}")
    return EXIT_OK


def _migrate_to(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.storage.database import Database
    from app.storage.transfer import copy_database

    source = Database(ctx.config.db_url)
    if not source.is_sqlite:
        source.dispose()
        raise RegieError(
            _N("errors", "Only a local database can be copied to the network."),
            _N(
                "errors",
                "Run this on the branch's own database: regie --db FILE db migrate-to URL.",
            ),
        )
    target = Database(args.url)
    try:
        source.migrate()
        target.migrate(backup=False)
        report = copy_database(source, target)
    finally:
        source.dispose()
        target.dispose()
    if args.json:
        ctx.print_json(report.as_json())
    else:
        ctx.print(f"Copied {report.source} into {report.target}:")
        for table, n in report.counts.items():
            ctx.print(f"  {table:>20}: {n}")
        ctx.print(f"Start Régie with --db {without_password(args.url)} (or set REGIE_DB).")
    return EXIT_OK


def _set_password(ctx: CliContext, args: argparse.Namespace) -> int:
    import sys

    from app.storage.database import credential_ref
    from app.zoom.vault import KeyringVault

    url = without_password(args.url)
    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass("Password: ")
    else:
        secret = sys.stdin.read().rstrip("\r\n")
    if not secret:
        raise RegieError(
            _N("errors", "No password was given on standard input."),
            _N("errors", "Pipe it in: printf '%s' \"$PASSWORD\" | regie db set-password URL."),
        )
    KeyringVault().put(credential_ref(url), secret)
    ctx.print(f"The password for {url} is in the keyring.")
    return EXIT_OK


def without_password(url: str) -> str:
    from app.storage.database import without_password as strip

    return strip(url)
