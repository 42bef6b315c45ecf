"""`regie registrations …` and `regie forecast`: a session's registrations and waiting
list, and how many registrations to accept for its places."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_OK, CliContext, group, iso_date, record_id
from app.cli.i18n import core_text, tr_cli
from app.core.csvfiles import read_file_bytes
from app.core.forecast import check_capacity, check_risk
from app.core.sessions import find_by_code_or_name
from app.core.waiting_list import PersonDraft, Registration

if TYPE_CHECKING:
    from app.services.registrations import RegistrationFeature


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "registrations", tr_cli("Cli", "a session's registrations and waiting list"))

    p = sub.add_parser("list", help=tr_cli("Cli", "the session's registrations and counts"))
    p.add_argument(
        "id",
        metavar=tr_cli("Cli.args", "id"),
        type=record_id,
        help=tr_cli("Cli", "the session's number"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_list)

    p = sub.add_parser(
        "add",
        help=tr_cli("Cli", "register someone (the waiting list once the places are taken)"),
    )
    p.add_argument(
        "id",
        metavar=tr_cli("Cli.args", "id"),
        type=record_id,
        help=tr_cli("Cli", "the session's number"),
    )
    p.add_argument("--name", default="", help=tr_cli("Cli", "the person's name"))
    p.add_argument("--email", default="", help=tr_cli("Cli", "their e-mail address"))
    p.add_argument("--phone", default="", help=tr_cli("Cli", "their phone number"))
    p.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help=tr_cli("Cli", "add everyone in a registration list (CSV) instead"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_add)

    p = sub.add_parser(
        "cancel",
        help=tr_cli("Cli", "cancel a registration; prints the message for the next in line"),
    )
    p.add_argument(
        "id",
        metavar=tr_cli("Cli.args", "id"),
        type=record_id,
        help=tr_cli("Cli", "the registration's number"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_cancel)

    p = sub.add_parser("promote", help=tr_cli("Cli", "give a place to someone on the waiting list"))
    p.add_argument(
        "id",
        metavar=tr_cli("Cli.args", "id"),
        type=record_id,
        help=tr_cli("Cli", "the registration's number"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_promote)

    p = verbs.add_parser(
        "forecast",
        help=tr_cli("Cli", "no-show rates and how many registrations to accept"),
        description=tr_cli(
            "Cli",
            "The share of registrants who did not come, per session type (and branch when "
            "it has enough history), measured on the sessions held; with --capacity, how "
            "many registrations to accept so the room overflows with a chance of at most "
            "--risk.",
        ),
    )
    p.add_argument("--type", help=tr_cli("Cli", "session type code"))
    p.add_argument("--branch", help=tr_cli("Cli", "branch code or name"))
    p.add_argument("--capacity", type=int, metavar="N", help=tr_cli("Cli", "places of the session"))
    p.add_argument(
        "--risk",
        type=float,
        default=0.10,
        help=tr_cli("Cli", "accepted chance of more people than places (default 0.1)"),
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=tr_cli("Cli", "judge the advice on the sessions held from this day"),
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=tr_cli("Cli", "… until this day"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_forecast)


def _feature(ctx: CliContext) -> RegistrationFeature:
    return ctx.services().registrations


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    regs = f.service.entries(args.id)
    counts = f.service.counts(args.id)
    row = ctx.services().sessions.row(args.id)
    figures = ctx.services().attendance.figures(args.id)
    data = {
        "session": args.id,
        "capacity": row.capacity,
        "accept": f.advice(row).accept,
        **counts.as_json(),
        "connected": figures.unique_remote,
        "on_site": figures.on_site,
        "registrations": [r.as_json() for r in regs],
    }
    if args.json:
        ctx.print_json(data)
        return EXIT_OK
    ctx.print(
        tr_cli(
            "Cli",
            "{registered} registered, {waiting} waiting, {cancelled} cancelled "
            "({accept} accepted for {capacity} places)",
        ).format(**data)
    )
    for r in regs:
        ctx.print(_line(r))
    return EXIT_OK


def _line(r: Registration) -> str:
    who = " ".join(x for x in (r.name, r.email, r.phone) if x) or tr_cli("Cli", "(purged)")
    rank = f" #{r.rank}" if r.rank else ""
    return f"{r.id:>6}  {r.status.value:<10}{rank:<4} {who}"


def _add(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = _feature(ctx).service
    if args.file is not None:
        added = svc.add_file(args.id, read_file_bytes(args.file))
    else:
        added = [svc.add(args.id, PersonDraft(args.name, args.email, args.phone))]
    if args.json:
        ctx.print_json({"session": args.id, "added": [r.as_json() for r in added]})
    else:
        for r in added:
            ctx.print(_line(r))
    return EXIT_OK


def _cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    done = _feature(ctx).service.cancel(args.id)
    offer = done.offer
    if args.json:
        ctx.print_json(
            {
                "registration": done.registration.as_json(),
                "offer": offer.as_json() if offer else None,
            }
        )
        return EXIT_OK
    ctx.print(_line(done.registration))
    if offer is not None:
        ctx.print()
        ctx.print(
            tr_cli(
                "Cli",
                "A place is free: offer it to registration {id}, then run "
                "“regie registrations promote {id}”.",
            ).format(id=offer.registration.id)
        )
        ctx.print()
        ctx.print(offer.text(lambda s: core_text("registrations", s)))
    return EXIT_OK


def _promote(ctx: CliContext, args: argparse.Namespace) -> int:
    reg = _feature(ctx).service.promote(args.id)
    if args.json:
        ctx.print_json({"registration": reg.as_json()})
    else:
        ctx.print(_line(reg))
    return EXIT_OK


def _forecast(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    check_risk(args.risk)  # before the database is read
    if args.capacity is not None:
        check_capacity(args.capacity)
    f.risk = args.risk
    refs = ctx.services().references
    branch = None
    if args.branch:
        branch = find_by_code_or_name(refs.branches(), args.branch, what="branch")
    type_id = None
    if args.type:
        kind = find_by_code_or_name(
            refs.session_types(include_inactive=True), args.type, what="type"
        )
        type_id, args.type = kind.id, kind.code
    rates = f.rates(args.type, branch.code if branch else None)
    advice = None
    if args.capacity is not None and type_id is not None:
        advice = f.advice_for(
            capacity=args.capacity, type_id=type_id, branch_id=branch.id if branch else None
        )
    judged, accuracy = f.accuracy(args.date_from, args.date_to)
    data: dict[str, object] = {
        "risk": args.risk,
        "types": [
            {"type": code, "name": name, "fallback": fb, **rate.as_json()}
            for code, name, rate, fb in rates
        ],
        "advice": advice.as_json() if advice else None,
        "accuracy": accuracy.as_json(),
        "judged": [
            {
                "session": j.session_id,
                "predicted_rate": round(j.predicted_rate, 4),
                "actual_rate": round(j.actual_rate, 4),
                "accept": j.accept,
                "capacity": j.capacity,
                "registered": j.registered,
                "attended": j.attended,
                "followed": j.followed,
                "overflow": j.overflow,
            }
            for j in judged
        ],
    }
    if args.json:
        ctx.print_json(data)
        return EXIT_OK
    for code, name, rate, fb in rates:
        low, high = rate.interval
        note = tr_cli("Cli", " (network's rate)") if fb else ""
        ctx.print(
            f"{name[:40]:<40} {rate.rate * 100:5.1f} % "
            f"[{low * 100:.0f}–{high * 100:.0f}]  n={rate.sessions}{note}"
        )
        del code
    if advice is not None:
        template, fields = advice.sentence()
        ctx.print()
        ctx.print(core_text("forecast", template, **fields))
    ctx.print()
    ctx.print(
        tr_cli(
            "Cli",
            "Advice judged on {n} sessions: overflowed {over} of {followed} times "
            "(risk {risk:.0%}).",
        ).format(
            n=accuracy.sessions,
            over=accuracy.overflowed,
            followed=accuracy.followed,
            risk=accuracy.risk,
        )
    )
    return EXIT_OK
