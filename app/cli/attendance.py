"""`regie attendance …`: the attendance dialog from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group, record_id
from app.core.attendance import AttendanceService
from app.core.csvfiles import read_file_bytes
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError, ServerUnreachable


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "attendance", "record who came to a session")

    p = sub.add_parser("show", help="a session's counts and derived figures")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)

    p = sub.add_parser("set", help="type counts (those not given keep their value)")
    p.add_argument("id", type=record_id)
    p.add_argument("--registered", type=_count, metavar="N")
    p.add_argument("--connected", type=_count, metavar="N")
    p.add_argument("--onsite", type=_count, metavar="N", help="on-site head count (hybrid)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_set)

    p = sub.add_parser("import", help="import Zoom's participant report (CSV)")
    p.add_argument("id", type=record_id)
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="read and count, save nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import)

    p = sub.add_parser("registrations", help="import the registration list (CSV)")
    p.add_argument("id", type=record_id)
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="read and count, save nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_registrations)

    p = sub.add_parser(
        "purge", help="forget imported names and e-mails older than the retention period"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_purge)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a number of people: {text!r}")
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
        ctx.err.write(
            f"regie: the database server cannot be reached; the counts are queued on this "
            f"computer ({waiting} waiting) and will be sent when it answers.\n"
        )
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
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
        ctx.print(f"{key.replace('_', ' '):>22}: {'-' if value is None else value}")
