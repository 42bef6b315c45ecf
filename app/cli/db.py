"""`regie db …`: schema upgrades, backups and where the data is."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group
from app.cli.i18n import colon, language, tr_cli, value_text
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    json_help = tr_cli("Cli", "machine-readable output")
    sub = group(verbs, "db", tr_cli("Cli", "database upgrades and backups"))
    p = sub.add_parser("upgrade", help=tr_cli("Cli", "apply pending migrations (after a backup)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_upgrade)
    p = sub.add_parser(
        "backup", help=tr_cli("Cli", "write a consistent copy of the database to PATH")
    )
    p.add_argument(
        "path",
        metavar=tr_cli("Cli.args", "path"),
        type=Path,
        help=tr_cli("Cli", "the copy's file"),
    )
    p.set_defaults(handler=_backup)
    p = sub.add_parser(
        "status", help=tr_cli("Cli", "where the database is and its schema revision")
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_status)
    p = sub.add_parser(
        "migrate-to",
        help=tr_cli("Cli", "copy this local database into an empty network database at URL"),
    )
    p.add_argument(
        "url", help=tr_cli("Cli", "postgresql://user@host/database (password from the keyring)")
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_migrate_to)
    p = sub.add_parser(
        "set-password",
        help=tr_cli(
            "Cli", "store the network server's password (read from stdin) in the keyring"
        ),
    )
    p.add_argument("url", help=tr_cli("Cli", "postgresql://user@host/database"))
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
        ctx.print(
            tr_cli("Cli", "Upgraded {name} from {before} to {after}.").format(
                name=name, before=report.before, after=report.after
            )
        )
        if report.backup:
            ctx.print(tr_cli("Cli", "Backup before upgrading: {path}").format(path=report.backup))
    else:
        ctx.print(
            tr_cli("Cli", "{name} is up to date ({revision}).").format(
                name=name, revision=report.after
            )
        )
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
        names = {
            "database": tr_cli("Cli", "database"),
            "engine": tr_cli("Cli", "engine"),
            "revision": tr_cli("Cli", "revision"),
            "head": tr_cli("Cli", "head"),
            "online": tr_cli("Cli", "online"),
            "queue": tr_cli("Cli", "queue"),
            "refused": tr_cli("Cli", "refused"),
        }
        width = 8 if language() == "en" else max(len(n) for n in names.values())
        for k, v in data.items():
            if isinstance(v, bool) and language() != "en":
                v = tr_cli("Cli", "yes") if v else tr_cli("Cli", "no")
            ctx.print(colon(f"{names.get(k, k):>{width}}", value_text(v)))
    return EXIT_OK


def _migrate_to(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.database import migrate_to, without_password

    report = migrate_to(ctx.config.db_url, args.url)
    if args.json:
        ctx.print_json(report.as_json())
    else:
        ctx.print(
            tr_cli("Cli", "Copied {source} into {target}:").format(
                source=report.source, target=report.target
            )
        )
        for table, n in report.counts.items():
            said = colon(f"{table:>20}", value_text(n))
            ctx.print(f"  {said}")
        ctx.print(
            tr_cli("Cli", "Start Régie with --db {url} (or set REGIE_DB).").format(
                url=without_password(args.url)
            )
        )
    return EXIT_OK


def _set_password(ctx: CliContext, args: argparse.Namespace) -> int:
    import sys

    from app.services.database import set_password

    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(tr_cli("Cli", "Password: "))
    else:
        secret = sys.stdin.read().rstrip("\r\n")
    if not secret:
        raise RegieError(
            _N("errors", "No password was given on standard input."),
            _N("errors", "Pipe it in: printf '%s' \"$PASSWORD\" | regie db set-password URL."),
        )
    url = set_password(args.url, secret)
    ctx.print(tr_cli("Cli", "The password for {url} is in the keyring.").format(url=url))
    return EXIT_OK
