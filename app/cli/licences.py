"""`regie licences …`, `regie sessions assign|meeting` and `regie launch`.

Secrets are read from standard input only (never from the command line, where other
users and the shell history would see them) and never printed back.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_OK, CliContext, group, iso_date, record_id
from app.cli.i18n import colon, core_text, label, number, tr_cli, when, word
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.licences import PLAN_LABELS, BookingPolicy, LicenceDraft, planning
from app.core.models import Licence, LicencePlan
from app.core.secrets import KIND_LABELS, SecretKind
from app.core.sessions import find_by_code_or_name
from app.errors import RegieError
from app.zoom.launch import display_name, system_open

if TYPE_CHECKING:
    from app.services import LicenceFeature
from app.zoom.vault import MASK, SERVICE


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "licences", tr_cli("Cli", "Zoom licences and their secrets in the keyring"))
    json_help = tr_cli("Cli", "machine-readable output")
    label_help = tr_cli("Cli", "the licence's label (see “regie licences list”)")
    number_help = tr_cli("Cli", "the session's number (see “regie sessions list”)")

    p = sub.add_parser("list", help=tr_cli("Cli", "list the licences and which secrets are saved"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_list)

    p = sub.add_parser("add", help=tr_cli("Cli", "register a licence; prints its id"))
    p.add_argument("--label", required=True, help=tr_cli("Cli", "the name the desk shows"))
    p.add_argument("--email", required=True,
                   help=tr_cli("Cli", "the Zoom account's e-mail address"))
    p.add_argument("--plan", required=True, choices=[x.value for x in LicencePlan],
                   help=tr_cli("Cli", "the Zoom plan"))
    p.add_argument("--cap", required=True, type=int,
                   help=tr_cli("Cli", "participant cap (100, 300, 500…)"))
    p.add_argument("--concurrent", type=int, default=1,
                   help=tr_cli("Cli", "meetings at once (1 for Pro)"))
    p.add_argument("--branch", help=tr_cli("Cli", "reserve it for one branch (code or name)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_add)

    p = sub.add_parser("edit", help=tr_cli("Cli", "change a licence (only the options given)"))
    p.add_argument("label", metavar=tr_cli("Cli.args", "label"), help=label_help)
    p.add_argument("--new-label", help=tr_cli("Cli", "the name the desk shows"))
    p.add_argument("--email", help=tr_cli("Cli", "the Zoom account's e-mail address"))
    p.add_argument("--plan", choices=[x.value for x in LicencePlan],
                   help=tr_cli("Cli", "the Zoom plan"))
    p.add_argument("--cap", type=int, help=tr_cli("Cli", "participant cap (100, 300, 500…)"))
    p.add_argument("--concurrent", type=int, help=tr_cli("Cli", "meetings at once (1 for Pro)"))
    p.add_argument("--branch",
                   help=tr_cli("Cli", "branch code or name; “none” shares it again"))
    p.add_argument("--active", choices=["yes", "no"],
                   help=tr_cli("Cli", "no: the licence is no longer booked"))
    p.set_defaults(handler=_edit)

    p = sub.add_parser("remove", help=tr_cli("Cli", "delete an unused licence and its secrets"))
    p.add_argument("label", metavar=tr_cli("Cli.args", "label"), help=label_help)
    p.set_defaults(handler=_remove)

    kind_help = tr_cli("Cli", "which secret: the account's password or the host key")
    p = sub.add_parser(
        "set-secret",
        help=tr_cli("Cli", "save a licence secret in the keyring, read from standard input"),
    )
    p.add_argument("label", metavar=tr_cli("Cli.args", "label"), help=label_help)
    p.add_argument("--kind", required=True, choices=[SecretKind.PASSWORD, SecretKind.HOST_KEY],
                   help=kind_help)
    p.set_defaults(handler=_set_secret)

    p = sub.add_parser(
        "delete-secret", help=tr_cli("Cli", "remove a licence secret from the keyring")
    )
    p.add_argument("label", metavar=tr_cli("Cli.args", "label"), help=label_help)
    p.add_argument("--kind", required=True, choices=[SecretKind.PASSWORD, SecretKind.HOST_KEY],
                   help=kind_help)
    p.set_defaults(handler=_delete_secret)

    p = sub.add_parser(
        "check-vault", help=tr_cli("Cli", "is a secure keyring available? (exit 1 if not)")
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_check_vault)

    p = sub.add_parser(
        "policy", help=tr_cli("Cli", "show or set the buffers around each booking")
    )
    p.add_argument("--before", type=int, metavar="MINUTES",
                   help=tr_cli("Cli", "minutes a licence is held before each session"))
    p.add_argument("--after", type=int, metavar="MINUTES",
                   help=tr_cli("Cli", "minutes a licence is held after each session"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_policy)

    p = sub.add_parser("planning", help=tr_cli("Cli", "licences × time: bookings and free gaps"))
    p.add_argument("--from", dest="day", type=iso_date,
                   help=tr_cli("Cli", "first day (default: today)"))
    p.add_argument("--days", type=int, default=7, help=tr_cli("Cli", "days to show (7)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_planning)

    ssub = group(verbs, "sessions", tr_cli("Cli", "list, add, edit and cancel sessions"))
    p = ssub.add_parser(
        "assign", help=tr_cli("Cli", "give a session a Zoom licence free at its time")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--licence", metavar="LABEL", help=tr_cli("Cli", "this licence"))
    how.add_argument("--auto", action="store_true",
                     help=tr_cli("Cli", "the free licence that fits best"))
    how.add_argument("--none", action="store_true", help=tr_cli("Cli", "remove the licence"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_assign)

    p = ssub.add_parser("meeting", help=tr_cli("Cli", "record a session's Zoom meeting"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id, help=number_help)
    p.add_argument("--meeting-id", required=True,
                   help=tr_cli("Cli", "the meeting ID of the Zoom invitation"))
    p.add_argument(
        "--passcode-stdin",
        action="store_true",
        help=tr_cli("Cli", "read the passcode from standard input"),
    )
    p.add_argument("--join-url",
                   help=tr_cli("Cli", "the invitation's https link (its pwd is dropped)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_meeting)

    p = verbs.add_parser(
        "launch", help=tr_cli("Cli", "open a session's Zoom meeting and mark it running")
    )
    p.add_argument(
        "session_id",
        metavar=tr_cli("Cli.args", "session_id"),
        type=record_id,
        help=number_help,
    )
    p.add_argument("--dry-run", action="store_true",
                   help=tr_cli("Cli", "print what would open, masked"))
    p.add_argument(
        "--as",
        dest="launched_by",
        metavar="NAME",
        help=tr_cli(
            "Cli",
            "the staff member launching (the name Zoom shows when the session has no host)",
        ),
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_launch)


def _feature(ctx: CliContext) -> LicenceFeature:
    return ctx.services().licences


def _licence_json(
    lic: Licence, kinds: list[SecretKind], branches: dict[int, str]
) -> dict[str, object]:
    return {
        "id": lic.id,
        "label": lic.label,
        "email": lic.email,
        "plan": lic.plan.value,
        "participant_cap": lic.participant_cap,
        "concurrent_limit": lic.concurrent_limit,
        "branch": branches.get(lic.branch_id) if lic.branch_id is not None else None,
        "active": lic.active,
        "secrets": sorted(k.value for k in kinds),
    }


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    branches = {b.id: b.code for b in ctx.services().references.branches()}
    kinds = f.repo.all_secret_kinds()
    rows = [_licence_json(lic, kinds.get(lic.id, []), branches) for lic in f.service.licences()]
    if args.json:
        ctx.print_json(rows)
        return EXIT_OK
    if not rows:
        ctx.print(tr_cli("Cli", "No licence yet: add one with “regie licences add”."))
    for r in rows:
        plan = LicencePlan(str(r["plan"]))
        state = "" if r["active"] else "  " + tr_cli("Cli", "(inactive)")
        branch = (
            "  " + tr_cli("Cli", "branch {code}").format(code=r["branch"]) if r["branch"] else ""
        )
        secrets = ", ".join(
            word(str(x), KIND_LABELS[SecretKind(str(x))])
            for x in r["secrets"]  # type: ignore[attr-defined]
        ) or tr_cli("Cli", "no secret saved")
        cap = tr_cli("Cli", "cap {n}").format(n=number(int(str(r["participant_cap"]))))
        ctx.print(
            f"{r['label']}  {r['email']}  {word(plan.value, PLAN_LABELS[plan])}  {cap}"
            f"  ×{r['concurrent_limit']}{branch}  [{secrets}]{state}"
        )
    return EXIT_OK


def _branch_id(ctx: CliContext, value: str | None) -> int | None:
    if value is None or value.strip().casefold() == "none":
        return None
    return find_by_code_or_name(ctx.services().references.branches(), value, what="branch").id


def _add(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    draft = LicenceDraft(
        label=args.label,
        email=args.email,
        plan=LicencePlan(args.plan),
        participant_cap=args.cap,
        concurrent_limit=args.concurrent,
        branch_id=_branch_id(ctx, args.branch),
    )
    new_id = f.service.add(draft)
    if args.json:
        ctx.print_json({"id": new_id, "label": " ".join(args.label.split())})
    else:
        ctx.print(str(new_id))
    return EXIT_OK


def _edit(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    lic = f.service.by_label(args.label)
    draft = LicenceDraft(
        label=args.new_label if args.new_label is not None else lic.label,
        email=args.email if args.email is not None else lic.email,
        plan=LicencePlan(args.plan) if args.plan else lic.plan,
        participant_cap=args.cap if args.cap is not None else lic.participant_cap,
        concurrent_limit=args.concurrent if args.concurrent is not None else lic.concurrent_limit,
        branch_id=_branch_id(ctx, args.branch) if args.branch is not None else lic.branch_id,
        active=(args.active == "yes") if args.active else lic.active,
    )
    f.service.update(lic.id, draft)
    return EXIT_OK


def _remove(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    lic = f.service.by_label(args.label)
    removed = f.remove(lic.id)
    ctx.print(
        tr_cli("Cli", "Licence “{label}” removed, with %n secret(s).", None, removed).format(
            label=lic.label
        )
    )
    return EXIT_OK


def read_secret(prompt: str) -> str:
    """One line from standard input; typed without echo when it is a terminal."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.read()


def _set_secret(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    lic = f.service.by_label(args.label)
    kind = SecretKind(args.kind)
    f.secrets.require_usable()
    prompt = tr_cli("Cli", "{secret}: ").format(secret=label(KIND_LABELS[kind]))
    f.secrets.store(lic.id, kind, read_secret(prompt))
    ctx.print(
        tr_cli("Cli", "{secret} of “{label}” saved in the keyring (service “{service}”).").format(
            secret=label(KIND_LABELS[kind]), label=lic.label, service=SERVICE
        )
    )
    return EXIT_OK


def _delete_secret(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    lic = f.service.by_label(args.label)
    f.secrets.remove(lic.id, SecretKind(args.kind))
    ctx.print(
        tr_cli("Cli", "{secret} of “{label}” deleted.").format(
            secret=label(KIND_LABELS[SecretKind(args.kind)]), label=lic.label
        )
    )
    return EXIT_OK


def _check_vault(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.zoom.vault import KeyringVault

    health = KeyringVault().health()  # needs no database
    if args.json:
        ctx.print_json(health.as_json())
    else:
        message = core_text("vault", health.message)
        fix = core_text("vault", health.fix) if health.fix else ""
        ctx.print(colon(health.state.value, f"{message} {fix}".rstrip()))
    return EXIT_OK if health.usable else 1


def _policy(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    policy = f.service.policy()
    if args.before is not None or args.after is not None:
        policy = BookingPolicy(
            timedelta(minutes=args.before) if args.before is not None else policy.buffer_before,
            timedelta(minutes=args.after) if args.after is not None else policy.buffer_after,
        )
        changed: int | None = f.service.set_policy(policy)
    else:
        changed = None
    data: dict[str, object] = dict(policy.as_json())
    if changed is not None:
        data["bookings_updated"] = changed
    if args.json:
        ctx.print_json(data)
    else:
        ctx.print(
            tr_cli(
                "Cli",
                "A licence is held {before} min before each session and {after} min after it.",
            ).format(
                before=number(int(str(data["buffer_before_minutes"]))),
                after=number(int(str(data["buffer_after_minutes"]))),
            )
        )
        if changed is not None:
            ctx.print(
                tr_cli("Cli", "%n upcoming booking(s) now held under these buffers.", None, changed)
            )
    return EXIT_OK


def _planning(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    if not 1 <= args.days <= 92:
        raise RegieError(
            _N("errors", "--days must be between 1 and 92."),
            _N("errors", "Choose a shorter period."),
        )
    first = args.day or ctx.config.clock().date()
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(first + timedelta(days=args.days), time.min).astimezone()
    rows = planning(f.service.licences(), f.repo.bookings(start, end), start, end)
    if args.json:
        ctx.print_json(
            [
                {"licence": r.licence.label, "segments": [s.as_json() for s in r.segments]}
                for r in rows
            ]
        )
        return EXIT_OK
    for r in rows:
        ctx.print(r.licence.label)
        for s in r.booked:
            titles = "; ".join(f"#{b.session_id} {b.title}" for b in s.bookings)
            span = when(s.start, "%a %d/%m %H:%M", "%a %d/%m %H:%M") + "–" + when(
                s.end, "%H:%M", "%H:%M"
            )
            ctx.print(f"  {span}  {titles}")
        if not r.booked:
            ctx.print("  " + tr_cli("Cli", "free all period"))
    return EXIT_OK


def _assign(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    if args.none:
        f.service.unassign(args.id)
        label = None
    elif args.auto:
        label = f.service.assign_auto(args.id).label
    else:
        label = f.service.assign(args.id, f.service.by_label(args.licence).id).label
    if args.json:
        ctx.print_json({"session_id": args.id, "licence": label})
    else:
        ctx.print(
            tr_cli("Cli", "Session {id}: {licence}").format(
                id=args.id, licence=label or tr_cli("Cli", "no licence")
            )
        )
    return EXIT_OK


def _meeting(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    passcode = read_secret(tr_cli("Cli", "Passcode: ")) if args.passcode_stdin else None
    if passcode is not None:
        f.secrets.require_usable()
    f.launcher.set_meeting(args.id, args.meeting_id, passcode, args.join_url)
    if args.json:
        saved = f.repo.meeting(args.id)
        assert saved is not None
        ctx.print_json({
            "session_id": args.id,
            "meeting_id": saved.meeting_id,
            "join_url": saved.join_url,  # without its passcode
            "passcode": MASK if saved.passcode_ref else None,
        })
        return EXIT_OK
    if passcode:
        said = tr_cli("Cli", "Meeting of session {id} saved (passcode in the keyring).")
    else:
        said = tr_cli("Cli", "Meeting of session {id} saved.")
    ctx.print(said.format(id=args.id))
    return EXIT_OK


def _staff_name(ctx: CliContext, name: str) -> str:
    """The staff member `--as` names, spelled as the staff list has it."""
    wanted = name.strip().casefold()
    for person in ctx.services().references.staff():
        if person.active and person.name.casefold() == wanted:
            return person.name
    raise RegieError(
        _N("errors", "“{value}” is not an active staff member."),
        _N("errors", "Give your full name as the app lists it (Sessions › Host)."),
        value=name,
    )


def _launch(ctx: CliContext, args: argparse.Namespace) -> int:
    f = _feature(ctx)
    launched_by = _staff_name(ctx, args.launched_by) if args.launched_by else None
    sessions = ctx.services().sessions
    row = sessions.row(args.session_id)
    sessions.check_launch(args.session_id)  # when it may be launched comes first
    if display_name(row, launched_by) is None:
        raise RegieError(
            _N("errors", "Session {id} has no host: say who is launching it."),
            _N(
                "errors",
                "Add --as followed by your name as the staff list shows it, or give the "
                "session a host (regie sessions edit {id} --host NAME).",
            ),
            id=args.session_id,
        )
    # Nothing goes to the clipboard here: the steps say to type the host key.
    plan = f.launcher.prepare(
        args.session_id, with_secrets=not args.dry_run, launched_by=launched_by
    ).uncopied()
    opened: str | None = None
    if not args.dry_run:
        if system_open(plan.client_url):
            opened = "client"
        elif system_open(plan.web_url):
            opened = "web"
        else:
            raise RegieError(
                _N("errors", "Neither the Zoom application nor a web browser could be opened."),
                _N("errors", "Install Zoom, or open {url} yourself."),
                url=plan.masked_web_url,
            )
        f.launcher.mark_running(args.session_id)
    data = {**plan.as_json(), "dry_run": args.dry_run, "opened": opened}
    if args.json:
        ctx.print_json(data)
        return EXIT_OK
    if args.dry_run:
        ctx.print(tr_cli("Cli", "Would open: {url}").format(url=plan.masked_client_url))
        ctx.print(tr_cli("Cli", "Fallback:   {url}").format(url=plan.masked_web_url))
    else:
        ctx.print(
            tr_cli("Cli", "Zoom opened.")
            if opened == "client"
            else tr_cli("Cli", "Opened in the web browser.")
        )
        if plan.host_key:
            ctx.print(tr_cli(
                "Cli", "The host key is in the keyring; the Launch button copies it for you."
            ))
    ctx.print(tr_cli("Cli", "Name shown in Zoom: {name}").format(name=plan.display_name))
    for step in plan.next_steps:
        ctx.print(
            tr_cli("Cli", "Next: {action}").format(
                action=core_text("launch", step.text, **step.params)
            )
        )
    return EXIT_OK
