"""`regie demo`: load the demo network into an empty database."""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import Any

from app.cli import EXIT_OK, CliContext, iso_date
from app.cli.i18n import tr_cli


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    p = verbs.add_parser(
        "demo",
        help=tr_cli("Cli", "fill an empty database with a demo library network"),
        description=tr_cli(
            "Cli",
            "Creates ten branches, their staff, four shared Zoom licences, a term "
            "of about 250 sessions (November to March), the attendance of the sessions "
            "already held and the registrations (with waiting lists) of the coming ones, in an "
            "empty database.",
        ),
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=tr_cli(
            "Cli",
            "pretend today is this day: statuses and attendance follow it (e.g. a date in "
            "April gives the term just ended, all held, as in the yearly activity report)",
        ),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_demo)


def _demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import load_demo_network

    now = None
    if args.as_of is not None:
        now = datetime.combine(args.as_of, time(12, 0)).astimezone()
    counts = load_demo_network(ctx.services(), now)
    if args.json:
        ctx.print_json(
            {
                "branches": counts.branches,
                "staff": counts.staff,
                "licences": counts.licences,
                "sessions": counts.sessions,
            }
        )
    else:
        ctx.print(
            tr_cli(
                "Cli",
                "Demo network loaded: {branches} branches, {staff} staff, "
                "{licences} licences, {sessions} sessions.",
            ).format(
                branches=counts.branches,
                staff=counts.staff,
                licences=counts.licences,
                sessions=counts.sessions,
            )
        )
    return EXIT_OK
