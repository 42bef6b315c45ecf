"""`regie db …`: schema upgrades, backups and where the data is."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group


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
    from app.storage.database import Database

    db = Database(ctx.config.db_url)
    try:
        data = {
            "database": db.display_name,
            "engine": "sqlite" if db.is_sqlite else db.engine.dialect.name,
            "revision": db.current_revision(),
            "head": db.head_revision(),
        }
    finally:
        db.dispose()
    if args.json:
        ctx.print_json(data)
    else:
        for k, v in data.items():
            ctx.print(f"{k:>8}: {v}")
    return EXIT_OK
