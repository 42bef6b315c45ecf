"""`regie sessions …`: the Sessions area from the command line."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import datetime
from typing import Any

from app.cli import EXIT_OK, CliContext, group, iso_date, record_id
from app.cli.i18n import colon, language, tr_cli, value_text, when, word
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import (
    MODE_LABELS,
    STATUS_LABELS,
    SessionDraft,
    SessionFilter,
    SessionMode,
    SessionRow,
    SessionStatus,
)
from app.core.ports import ReferenceRepository
from app.core.sessions import find_by_code_or_name
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "sessions", tr_cli("Cli", "list, add, edit and cancel sessions"))
    json_help = tr_cli("Cli", "machine-readable output")
    number_help = tr_cli("Cli", "the session's number (see “regie sessions list”)")
    when_help = tr_cli("Cli", "ISO 8601, local if no zone")

    p = sub.add_parser("list", help=tr_cli("Cli", "list sessions, today's first"))
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                   help=tr_cli("Cli", "first day"))
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                   help=tr_cli("Cli", "last day"))
    p.add_argument("--branch", help=tr_cli("Cli", "branch code or name"))
    p.add_argument("--type", dest="type_", help=tr_cli("Cli", "session type code or name"))
    p.add_argument("--status", action="append", choices=[s.value for s in SessionStatus],
                   help=tr_cli("Cli", "only this status (may be repeated)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_list)

    p = sub.add_parser("add", help=tr_cli("Cli", "create a session; prints its id"))
    p.add_argument("--title", required=True, help=tr_cli("Cli", "the session's title"))
    p.add_argument("--type", dest="type_", required=True, help=tr_cli("Cli", "type code or name"))
    p.add_argument("--branch", required=True, help=tr_cli("Cli", "branch code or name"))
    p.add_argument("--start", required=True, type=_datetime, help=when_help)
    p.add_argument("--end", required=True, type=_datetime, help=when_help)
    p.add_argument("--mode", required=True, choices=[m.value for m in SessionMode],
                   help=tr_cli("Cli", "remote, or hybrid (an audience in the room too)"))
    p.add_argument("--capacity", required=True, type=int,
                   help=tr_cli("Cli", "how many people may attend"))
    p.add_argument("--host", help=tr_cli("Cli", "staff member's name"))
    p.add_argument("--notes", default="", help=tr_cli("Cli", "free text for colleagues"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_add)

    p = sub.add_parser(
        "edit",
        help=tr_cli(
            "Cli",
            "change a session (only the options given); a booked licence is checked again",
        ),
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument("--title", help=tr_cli("Cli", "the session's title"))
    p.add_argument("--type", dest="type_", help=tr_cli("Cli", "type code or name"))
    p.add_argument("--branch", help=tr_cli("Cli", "branch code or name"))
    p.add_argument("--start", type=_datetime, help=when_help)
    p.add_argument("--end", type=_datetime, help=when_help)
    p.add_argument("--mode", choices=[m.value for m in SessionMode],
                   help=tr_cli("Cli", "remote, or hybrid (an audience in the room too)"))
    p.add_argument("--capacity", type=int, help=tr_cli("Cli", "how many people may attend"))
    p.add_argument("--host", help=tr_cli("Cli", "staff member's name"))
    p.add_argument("--status", choices=[s.value for s in SessionStatus],
                   help=tr_cli("Cli", "the session's new status"))
    p.add_argument("--notes", help=tr_cli("Cli", "free text for colleagues"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_edit)

    p = sub.add_parser(
        "cancel", help=tr_cli("Cli", "cancel a session (it stays listed as cancelled)")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.set_defaults(handler=_cancel)

    p = sub.add_parser("show", help=tr_cli("Cli", "one session in detail"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_show)


def _datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "not a date and time: {text} (expected e.g. 2026-12-03T18:30)").format(
                text=repr(text)
            )
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
    status_width = max(9, *(len(word(s.value, STATUS_LABELS[s])) for s in SessionStatus))
    mode_width = max(6, *(len(word(m.value, MODE_LABELS[m])) for m in SessionMode))
    for r in rows:
        start = when(r.start, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M")
        status = word(r.status.value, STATUS_LABELS[r.status])
        mode = word(r.mode.value, MODE_LABELS[r.mode])
        ctx.print(
            f"{r.id:>5}  {start}  {status:<{status_width}}  {mode:<{mode_width}}  "
            f"{r.branch_name:<14.14}  {r.licence_label or '-':<26.26}  {r.title}"
        )
    count = len(rows)
    ctx.err.write(tr_cli("Cli", "%n session(s)", None, count) + "\n")
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
        ctx.err.write(tr_cli("Cli", "session {id} saved").format(id=args.id) + "\n")
    return EXIT_OK


def _cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    s = ctx.services()
    s.sessions.cancel(args.id)
    ctx.err.write(tr_cli("Cli", "session {id} cancelled").format(id=args.id) + "\n")
    return EXIT_OK


def _show(ctx: CliContext, args: argparse.Namespace) -> int:
    row = ctx.services().sessions.row(args.id)
    if args.json:
        ctx.print_json(row.as_json())
    else:
        shown = _shown(row)
        width = 10 if language() == "en" else max(len(k) for k in shown)
        for key, value in shown.items():
            ctx.print(colon(f"{key:>{width}}", value))
    return EXIT_OK


def _shown(row: SessionRow) -> dict[str, object]:
    """`sessions show` for a person: the JSON's fields, named and written in the user's
    language (the JSON itself never changes)."""
    data = row.as_json()
    if language() != "en":
        data["start"] = when(row.start, "", "%A %-d %B %Y %H:%M")
        data["end"] = when(row.end, "", "%A %-d %B %Y %H:%M")
        data["mode"] = word(row.mode.value, MODE_LABELS[row.mode])
        data["status"] = word(row.status.value, STATUS_LABELS[row.status])
    names = {
        "id": tr_cli("Cli", "id"),
        "title": tr_cli("Cli", "title"),
        "type": tr_cli("Cli", "type"),
        "type_name": tr_cli("Cli", "type_name"),
        "branch": tr_cli("Cli", "branch"),
        "branch_name": tr_cli("Cli", "branch_name"),
        "start": tr_cli("Cli", "start"),
        "end": tr_cli("Cli", "end"),
        "mode": tr_cli("Cli", "mode"),
        "capacity": tr_cli("Cli", "capacity"),
        "host": tr_cli("Cli", "host"),
        "licence": tr_cli("Cli", "licence"),
        "status": tr_cli("Cli", "status"),
        "notes": tr_cli("Cli", "notes"),
    }
    return {names.get(k, k): value_text(v) for k, v in data.items()}
