"""`regie attendance …`: the attendance dialog from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group, record_id
from app.cli.i18n import colon, language, tr_cli, value_text
from app.core.attendance import AttendanceService
from app.core.csvfiles import read_file_bytes
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError, ServerUnreachable


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "attendance", tr_cli("Cli", "record who came to a session"))
    json_help = tr_cli("Cli", "machine-readable output")
    number_help = tr_cli("Cli", "the session's number (see “regie sessions list”)")
    dry_help = tr_cli("Cli", "read and count, save nothing")

    p = sub.add_parser("show", help=tr_cli("Cli", "a session's counts and derived figures"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_show)

    p = sub.add_parser(
        "set", help=tr_cli("Cli", "type counts (those not given keep their value)")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument("--registered", type=_count, metavar="N",
                   help=tr_cli("Cli", "people registered"))
    p.add_argument("--connected", type=_count, metavar="N",
                   help=tr_cli("Cli", "people connected remotely"))
    p.add_argument("--onsite", type=_count, metavar="N",
                   help=tr_cli("Cli", "on-site head count (hybrid)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_set)

    p = sub.add_parser("import", help=tr_cli("Cli", "import Zoom's participant report (CSV)"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument(
        "file",
        metavar=tr_cli("Cli.args", "file"),
        type=Path,
        help=tr_cli("Cli", "the CSV file"),
    )
    p.add_argument("--dry-run", action="store_true", help=dry_help)
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_import)

    p = sub.add_parser(
        "registrations", help=tr_cli("Cli", "import the registration list (CSV)")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument(
        "file",
        metavar=tr_cli("Cli.args", "file"),
        type=Path,
        help=tr_cli("Cli", "the CSV file"),
    )
    p.add_argument("--dry-run", action="store_true", help=dry_help)
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_registrations)

    p = sub.add_parser(
        "purge",
        help=tr_cli("Cli", "forget imported names and e-mails older than the retention period"),
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_purge)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "not a number of people: {text}").format(text=repr(text))
        )
    return value


def _service(ctx: CliContext) -> AttendanceService:
    return ctx.services().attendance


def _show(ctx: CliContext, args: argparse.Namespace) -> int:
    svc = _service(ctx)
    figures = svc.figures(args.id)
    record = svc.record(args.id)
    data = {
        "session": args.id,
        **figures.as_json(),
        "registered_source": record.registered_source if record else None,
        "connected_source": record.connected_source if record else None,
        "people_kept": len(svc.people(args.id)),
    }
    _out(ctx, args, data)
    return EXIT_OK


def _set(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.registered is None and args.connected is None and args.onsite is None:
        raise RegieError(
            _N("errors", "No count given."),
            _N("errors", "Add --registered N, --connected N or --onsite N."),
        )
    counts = {"registered": args.registered, "connected": args.connected, "on_site": args.onsite}
    link = ctx.link()
    try:
        services = ctx.services()
        if link.network and link.waiting():  # earlier counts first: the newest value wins
            link.send_waiting(services.db)
        svc = services.attendance
        svc.set_counts(args.id, **counts)
    except ServerUnreachable:
        if not link.network:
            raise  # a local file that cannot be opened: a problem to fix now
        from app.core.outbox import PendingKind, attendance_payload

        waiting = link.queue(PendingKind.ATTENDANCE, attendance_payload(args.id, **counts))
        said = tr_cli(
            "Cli",
            "the database server cannot be reached; the counts are queued on this "
            "computer (%n waiting) and will be sent when it answers.",
            None,
            waiting,
        )
        ctx.err.write(colon("regie", said) + "\n")
        _out(ctx, args, {"session": args.id, "queued": True, "queue": waiting, **counts})
        return EXIT_OK
    _out(ctx, args, {"session": args.id, **svc.figures(args.id).as_json()})
    return EXIT_OK


def _import(ctx: CliContext, args: argparse.Namespace) -> int:
    data = read_file_bytes(args.file)
    svc = _service(ctx)
    preview = svc.preview_zoom(args.id, data, str(args.file))
    if not args.dry_run:
        svc.commit_zoom(preview)
    _out(
        ctx,
        args,
        {"session": args.id, "dry_run": bool(args.dry_run), **preview.report.summary()},
    )
    return EXIT_OK


def _registrations(ctx: CliContext, args: argparse.Namespace) -> int:
    data = read_file_bytes(args.file)
    svc = _service(ctx)
    preview = svc.preview_registrations(args.id, data, str(args.file))
    if not args.dry_run:
        svc.commit_registrations(preview)
    _out(
        ctx,
        args,
        {"session": args.id, "dry_run": bool(args.dry_run), **preview.registrations.summary()},
    )
    return EXIT_OK


def _purge(ctx: CliContext, args: argparse.Namespace) -> int:
    result = _service(ctx).purge()
    _out(
        ctx,
        args,
        {
            "retention_months": result.retention_months,
            "cutoff": result.cutoff.isoformat(),
            "people_removed": result.people_removed,
        },
    )
    return EXIT_OK


def _out(ctx: CliContext, args: argparse.Namespace, data: dict[str, object]) -> None:
    if args.json:
        ctx.print_json(data)
        return
    names = _names()
    for key, value in data.items():
        if isinstance(value, dict):
            text = ", ".join(f"{k}={_value(v)}" for k, v in value.items()) or "-"
        else:
            text = _value(value)
        name = f"{names.get(key, key.replace('_', ' ')):>22}"
        ctx.print(colon(name, text))


def _value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool) and language() != "en":
        return tr_cli("Cli", "yes") if value else tr_cli("Cli", "no")
    return value_text(value)


def _names() -> dict[str, str]:
    """The figures' names as a person reads them (the JSON keys stay as they are)."""
    return {
        "session": tr_cli("Cli", "session"),
        "capacity": tr_cli("Cli", "capacity"),
        "registered": tr_cli("Cli", "registered"),
        "connected": tr_cli("Cli", "connected"),
        "on_site": tr_cli("Cli", "on site"),
        "attended": tr_cli("Cli", "attended"),
        "no_show_rate": tr_cli("Cli", "no show rate"),
        "fill_rate": tr_cli("Cli", "fill rate"),
        "peak_concurrent": tr_cli("Cli", "peak concurrent"),
        "median_minutes": tr_cli("Cli", "median minutes"),
        "registered_source": tr_cli("Cli", "registered source"),
        "connected_source": tr_cli("Cli", "connected source"),
        "people_kept": tr_cli("Cli", "people kept"),
        "queued": tr_cli("Cli", "queued"),
        "queue": tr_cli("Cli", "queue"),
        "dry_run": tr_cli("Cli", "dry run"),
        "unique_attendees": tr_cli("Cli", "unique attendees"),
        "rows_read": tr_cli("Cli", "rows read"),
        "merged_reconnections": tr_cli("Cli", "merged reconnections"),
        "skipped_rows": tr_cli("Cli", "skipped rows"),
        "skipped": tr_cli("Cli", "skipped"),
        "meeting": tr_cli("Cli", "meeting"),
        "duplicates": tr_cli("Cli", "duplicates"),
        "retention_months": tr_cli("Cli", "retention months"),
        "cutoff": tr_cli("Cli", "cutoff"),
        "people_removed": tr_cli("Cli", "people removed"),
    }
