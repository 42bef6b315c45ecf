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
    from app.services.database import upgrade

    done = upgrade(ctx.config.db_url)
    report, name = done.report, done.database
    data = {
        "database": name,
        "before": report.before,
        "after": report.after,
        "backup": str(report.backup) if report.backup else None,
    }
    if args.json:
        ctx.print_json(data)
    elif report.changed:
        ctx.print(f"Upgraded {name} from {report.before} to {report.after}.")
        if report.backup:
            ctx.print(f"Backup before upgrading: {report.backup}")
    else:
        ctx.print(f"{name} is up to date ({report.after}).")
    return EXIT_OK


def _backup(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.services().db
    dest = db.backup(args.path)
    ctx.print(str(dest))
    return EXIT_OK


def _status(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.database import status

    data = status(ctx.config.db_url, ctx.link())
    if args.json:
        ctx.print_json(data)
    else:
        for k, v in data.items():
            ctx.print(f"{k:>8}: {v}")
    return EXIT_OK


def _migrate_to(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.database import migrate_to, without_password

    report = migrate_to(ctx.config.db_url, args.url)
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

    from app.services.database import set_password

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
    url = set_password(args.url, secret)
    ctx.print(f"The password for {url} is in the keyring.")
    return EXIT_OK
