"""`regie sessions …`: the Sessions area from the command line."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import datetime
from typing import Any

from app.cli import EXIT_OK, CliContext, group, iso_date, record_id
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionDraft, SessionFilter, SessionMode, SessionStatus
from app.core.ports import ReferenceRepository
from app.core.sessions import find_by_code_or_name
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "sessions", "list, add, edit and cancel sessions")

    p = sub.add_parser("list", help="list sessions, today's first")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--branch", help="branch code or name")
    p.add_argument("--type", dest="type_", help="session type code or name")
    p.add_argument("--status", action="append", choices=[s.value for s in SessionStatus])
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=_list)

    p = sub.add_parser("add", help="create a session; prints its id")
    p.add_argument("--title", required=True)
    p.add_argument("--type", dest="type_", required=True, help="type code or name")
    p.add_argument("--branch", required=True, help="branch code or name")
    p.add_argument("--start", required=True, type=_datetime, help="ISO 8601, local if no zone")
    p.add_argument("--end", required=True, type=_datetime, help="ISO 8601, local if no zone")
    p.add_argument("--mode", required=True, choices=[m.value for m in SessionMode])
    p.add_argument("--capacity", required=True, type=int)
    p.add_argument("--host", help="staff member's name")
    p.add_argument("--notes", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_add)

    p = sub.add_parser(
        "edit",
        help="change a session (only the options given); a booked licence is checked again",
    )
    p.add_argument("id", type=record_id)
    p.add_argument("--title")
    p.add_argument("--type", dest="type_", help="type code or name")
    p.add_argument("--branch", help="branch code or name")
    p.add_argument("--start", type=_datetime, help="ISO 8601, local if no zone")
    p.add_argument("--end", type=_datetime, help="ISO 8601, local if no zone")
    p.add_argument("--mode", choices=[m.value for m in SessionMode])
    p.add_argument("--capacity", type=int)
    p.add_argument("--host", help="staff member's name")
    p.add_argument("--status", choices=[s.value for s in SessionStatus])
    p.add_argument("--notes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_edit)

    p = sub.add_parser("cancel", help="cancel a session (it stays listed as cancelled)")
    p.add_argument("id", type=record_id)
    p.set_defaults(handler=_cancel)

    p = sub.add_parser("show", help="one session in detail")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)


def _datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time: {text!r} (expected e.g. 2026-12-03T18:30)"
        ) from None
    return value if value.tzinfo else value.astimezone()


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    s = ctx.services()
    flt = SessionFilter(
        branch_id=find_by_code_or_name(s.references.branches(), args.branch, what="branch").id
        if args.branch
        else None,
        type_id=find_by_code_or_name(s.references.session_types(), args.type_, what="type").id
        if args.type_
        else None,
        date_from=args.date_from,
        date_to=args.date_to,
        statuses=frozenset(SessionStatus(x) for x in args.status or []),
    )
    rows = s.sessions.list(flt)
    if args.json:
        ctx.print_json([r.as_json() for r in rows])
        return EXIT_OK
    for r in rows:
        start = r.start.astimezone()
        ctx.print(
            f"{r.id:>5}  {start:%Y-%m-%d %H:%M}  {r.status.value:<9}  {r.mode.value:<6}  "
            f"{r.branch_name:<14.14}  {r.licence_label or '-':<26.26}  {r.title}"
        )
    ctx.err.write(f"{len(rows)} session(s)\n")
    return EXIT_OK


def _host_id(refs: ReferenceRepository, name: str) -> int:
    matches = [p for p in refs.staff() if p.name.casefold() == name.strip().casefold()]
    if not matches:
        raise RegieError(
            _N("errors", "Unknown host “{value}”."),
            _N("errors", "Give a staff member's full name as the app lists it."),
            value=name,
        )
    return matches[0].id


def _add(ctx: CliContext, args: argparse.Namespace) -> int:
    s = ctx.services()
    refs = s.references
    host_id = _host_id(refs, args.host) if args.host else None
    draft = SessionDraft(
        title=args.title,
        type_id=find_by_code_or_name(refs.session_types(), args.type_, what="type").id,
        branch_id=find_by_code_or_name(refs.branches(), args.branch, what="branch").id,
        start=args.start,
        end=args.end,
        mode=SessionMode(args.mode),
        capacity=args.capacity,
        host_id=host_id,
        notes=args.notes,
    )
    new_id = s.sessions.create(draft)
    if args.json:
        ctx.print_json(s.sessions.row(new_id).as_json())
    else:
        ctx.print(str(new_id))
    return EXIT_OK


def _edit(ctx: CliContext, args: argparse.Namespace) -> int:
    s = ctx.services()
    refs = s.references
    current = s.sessions.get(args.id)
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.type_:
        changes["type_id"] = find_by_code_or_name(refs.session_types(), args.type_, what="type").id
    if args.branch:
        changes["branch_id"] = find_by_code_or_name(refs.branches(), args.branch, what="branch").id
    if args.start is not None:
        changes["start"] = args.start
        if args.end is None:  # moving the start keeps the duration
            changes["end"] = args.start + (current.end - current.start)
    if args.end is not None:
        changes["end"] = args.end
    if args.mode:
        changes["mode"] = SessionMode(args.mode)
    if args.capacity is not None:
        changes["capacity"] = args.capacity
    if args.host:
        changes["host_id"] = _host_id(refs, args.host)
    if args.status:
        changes["status"] = SessionStatus(args.status)
    if args.notes is not None:
        changes["notes"] = args.notes
    keep = {f.name: getattr(current, f.name) for f in dataclasses.fields(SessionDraft)}
    s.sessions.update(args.id, SessionDraft(**{**keep, **changes}))
    if args.json:
        ctx.print_json(s.sessions.row(args.id).as_json())
    else:
        ctx.err.write(f"session {args.id} saved\n")
    return EXIT_OK


def _cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    s = ctx.services()
    s.sessions.cancel(args.id)
    ctx.err.write(f"session {args.id} cancelled\n")
    return EXIT_OK


def _show(ctx: CliContext, args: argparse.Namespace) -> int:
    row = ctx.services().sessions.row(args.id)
    if args.json:
        ctx.print_json(row.as_json())
    else:
        for key, value in row.as_json().items():
            ctx.print(f"{key:>10}: {value}")
    return EXIT_OK
