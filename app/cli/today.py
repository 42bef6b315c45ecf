"""`regie today` and `regie sessions prepare|skip|ready`: the Aujourd'hui area and the
Préparer stepper from the command line, on the same judgement (`app.core.readiness`).

The global `--now` option rehearses a day (or reproduces what a colleague saw): "today",
the pause points, the launch window and the times of skips all follow it.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from app.cli import EXIT_OK, CliContext, group, iso_date
from app.cli.i18n import tr_cli
from app.config import operator_name
from app.core.checks import VERDICT_LABELS
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionStatus
from app.core.readiness import SKIPPABLE, Readiness, Step, StepKey, StepState
from app.core.sessions import find_by_code_or_name
from app.errors import RegieError

MAX_DAYS = 31

# How a step's state reads in a terminal: a mark and a word.
_STATES: dict[StepState, tuple[str, str]] = {
    StepState.DONE: ("✔", "done"),
    StepState.WARNING: ("!", "to look at"),
    StepState.FAILED: ("✖", "failed"),
    StepState.TODO: ("…", "to do"),
    StepState.SKIPPED: ("↷", "skipped"),
    StepState.NOT_NEEDED: ("–", "not needed"),
}


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    p = verbs.add_parser(
        "today",
        help="the day's sessions, how ready each is and what to do next",
        description="One line per session (not cancelled), in time order: time, title, "
        "branch, verdict, next action. Like the Aujourd'hui area, it shows the day and "
        "the two after it unless --days says otherwise.",
    )
    p.add_argument("--branch", metavar="CODE", help="one branch (code or name); all by default")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="first day (today)")
    p.add_argument("--days", type=int, default=3, metavar="N", help="days to show (3)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=_today)

    sub = group(verbs, "sessions", "list, add, edit and cancel sessions")
    p = sub.add_parser(
        "prepare",
        help="a session's preparation steps: what is done, what is left, what to do next",
    )
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_prepare)

    steps = ", ".join(k.value for k in SKIPPABLE)
    p = sub.add_parser(
        "skip",
        help=f"leave a preparation step out, with the reason ({steps})",
        description="The reason is kept with who gave it and when, and shown with the "
        "session's readiness. --undo takes the skip back.",
    )
    p.add_argument("id", type=int)
    p.add_argument("step", help=steps)
    p.add_argument("--reason", help="why the step is left out")
    p.add_argument("--undo", action="store_true", help="take the skip back: the step is to do")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_skip)

    p = sub.add_parser(
        "ready",
        help="mark a session ready: when its steps say so, or by hand with a reason",
        description="Without options the session is marked ready if its preparation says "
        "so. --reason marks it ready by hand although steps are missing (the reason is "
        "kept); --clear takes that back.",
    )
    p.add_argument("id", type=int)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--reason", help="why it is ready although steps are missing")
    how.add_argument("--clear", action="store_true", help="take back “ready” set by hand")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_ready)


# ------------------------------------------------------------------ regie today
def _today(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.readiness import today

    if not 1 <= args.days <= MAX_DAYS:
        raise RegieError(
            _N("errors", "--days must be between 1 and {max}."),
            _N("errors", "Give a number of days, e.g. --days 1 for the day alone."),
            max=MAX_DAYS,
        )
    s = ctx.services()
    branch_id = (
        find_by_code_or_name(s.references.branches(), args.branch, what="branch").id
        if args.branch
        else None
    )
    day = args.date or s.clock().date()
    judged = today(s, day=day, days=args.days, branch_id=branch_id)
    if args.json:
        ctx.print_json([r.as_json() for r in judged])
        return EXIT_OK
    for r in judged:
        ctx.print(_line(r))
    ctx.err.write(f"{len(judged)} session(s) from {day:%d/%m/%Y}\n")
    return EXIT_OK


def _line(r: Readiness) -> str:
    row = r.row
    verdict = VERDICT_LABELS[r.verdict] if r.verdict else "—"
    if r.next_action is not None:
        then = r.next_action
    elif row.status is SessionStatus.RUNNING:
        then = "running"
    else:
        then = "nothing left to do"
    return (
        f"{row.id:>5}  {row.start.astimezone():%d/%m %H:%M}  {row.title:<32.32}  "
        f"{row.branch_code:<12.12}  {verdict:<7}  {then}"
    )


# ------------------------------------------------------------------ regie sessions prepare
def _prepare(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.readiness import readiness

    _show(ctx, readiness(ctx.services(), args.id), args.json)
    return EXIT_OK


def _show(ctx: CliContext, r: Readiness, as_json: bool) -> None:
    if as_json:
        ctx.print_json(r.as_json())
        return
    row = r.row
    start, end = row.start.astimezone(), row.end.astimezone()
    ctx.print(
        f"Session {row.id} “{row.title}”, {start:%d/%m/%Y %H:%M}–{end:%H:%M}, "
        f"{row.branch_name}, {row.mode.value}, {row.status.value}"
    )
    for step in r.steps:
        ctx.print(_step_line(step))
    if r.override is not None:
        note = r.override_note
        by = f" ({note.by}, {_when(note.at)})" if note else ""
        ctx.print(f"Ready by hand: {r.override}{by}")
    left = [s.key.value for s in r.missing]
    if row.status in (SessionStatus.PLANNED, SessionStatus.READY):
        ctx.print(f"Ready: {'yes' if r.ready else 'no'}"
                  + (f" ({len(left)} left: {', '.join(left)})" if left else ""))
    ctx.print(f"Next: {r.next_action}" if r.next_action else "Next: nothing left to do")
    if r.kit:
        kit = ", ".join(f"{k.label} ({k.flag})" if k.flag else k.label for k in r.kit)
        ctx.print(tr_cli("Cli", "Kit here: {devices}").format(devices=kit))


def _step_line(step: Step) -> str:
    mark, word = _STATES[step.state]
    detail = step.detail.format(**step.params) if step.detail else ""
    extra = []
    if step.by:
        extra.append(step.by)
    if step.at is not None:
        extra.append(_when(step.at))
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"  {mark} {step.key.value:<11} {word:<11} {detail}{tail}"


def _when(moment: datetime) -> str:
    return f"{moment.astimezone():%d/%m %H:%M}"


# ------------------------------------------------------------------ skip and ready
def _skip(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.readiness import skip_step, unskip_step

    s = ctx.services()
    if args.undo:
        if args.reason is not None:
            raise RegieError(
                _N("errors", "--undo takes a skip back; it has no reason."),
                _N("errors", "Leave out --reason, or --undo to skip the step."),
            )
        r = unskip_step(s, args.id, args.step)
        said = f"Session {args.id}: {args.step} is to do again."
    else:
        r = skip_step(s, args.id, args.step, args.reason or "", operator_name())
        step = r.step(StepKey(args.step))
        if step.state is StepState.SKIPPED:
            said = f"Session {args.id}: {args.step} skipped ({step.params['reason']})."
        else:  # the fact holds: the skip is kept for when it no longer does
            said = (f"Session {args.id}: {args.step} skip kept, but the step is "
                    f"{_STATES[step.state][1]}.")
    _said(ctx, r, said, args.json)
    return EXIT_OK


def _ready(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.readiness import readiness, set_ready_override

    s = ctx.services()
    if args.clear:
        r = set_ready_override(s, args.id, None, operator_name())
        said = f"Session {args.id}: “ready” by hand taken back; it is {r.row.status.value}."
    elif args.reason is not None:
        r = set_ready_override(s, args.id, args.reason, operator_name())
        said = f"Session {args.id} is ready, by hand: {r.override}."
    else:
        s.sessions.set_status(args.id, SessionStatus.READY)
        r = readiness(s, args.id)
        said = f"Session {args.id} is ready."
    _said(ctx, r, said, args.json)
    return EXIT_OK


def _said(ctx: CliContext, r: Readiness, said: str, as_json: bool) -> None:
    if as_json:
        ctx.print_json(r.as_json())
        return
    ctx.print(said)
    ctx.print(f"Next: {r.next_action}" if r.next_action else "Next: nothing left to do")
    if r.kit:
        kit = ", ".join(f"{k.label} ({k.flag})" if k.flag else k.label for k in r.kit)
        ctx.print(tr_cli("Cli", "Kit here: {devices}").format(devices=kit))
