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
from app.cli.i18n import core_text, label, language, tr_cli, when, word
from app.config import operator_name
from app.core.checks import VERDICT_LABELS
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import MODE_LABELS, STATUS_LABELS, SessionStatus
from app.core.readiness import (
    CTX,
    SKIPPABLE,
    STEP_LABELS,
    KitFact,
    Readiness,
    Step,
    StepKey,
    StepState,
)
from app.core.readiness_view import STATE_LABELS
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
    json_help = tr_cli("Cli", "machine-readable output")
    number_help = tr_cli("Cli", "the session's number (see “regie sessions list”)")
    p = verbs.add_parser(
        "today",
        help=tr_cli("Cli", "the day's sessions, how ready each is and what to do next"),
        description=tr_cli(
            "Cli",
            "One line per session (not cancelled), in time order: time, title, "
            "branch, verdict, next action. Like the Aujourd'hui area, it shows the day and "
            "the two after it unless --days says otherwise.",
        ),
    )
    p.add_argument("--branch", metavar="CODE",
                   help=tr_cli("Cli", "one branch (code or name); all by default"))
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help=tr_cli("Cli", "first day (today)"))
    p.add_argument("--days", type=int, default=3, metavar="N",
                   help=tr_cli("Cli", "days to show (3)"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_today)

    sub = group(verbs, "sessions", tr_cli("Cli", "list, add, edit and cancel sessions"))
    p = sub.add_parser(
        "prepare",
        help=tr_cli(
            "Cli", "a session's preparation steps: what is done, what is left, what to do next"
        ),
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=int, help=number_help)
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_prepare)

    steps = ", ".join(k.value for k in SKIPPABLE)
    p = sub.add_parser(
        "skip",
        help=tr_cli("Cli", "leave a preparation step out, with the reason ({steps})").format(
            steps=steps
        ),
        description=tr_cli(
            "Cli",
            "The reason is kept with who gave it and when, and shown with the "
            "session's readiness. --undo takes the skip back.",
        ),
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=int, help=number_help)
    p.add_argument(
        "step",
        metavar=tr_cli("Cli.args", "step"),
        help=tr_cli("Cli", "the step: {steps}").format(steps=steps),
    )
    p.add_argument("--reason", help=tr_cli("Cli", "why the step is left out"))
    p.add_argument("--undo", action="store_true",
                   help=tr_cli("Cli", "take the skip back: the step is to do"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=_skip)

    p = sub.add_parser(
        "ready",
        help=tr_cli(
            "Cli", "mark a session ready: when its steps say so, or by hand with a reason"
        ),
        description=tr_cli(
            "Cli",
            "Without options the session is marked ready if its preparation says "
            "so. --reason marks it ready by hand although steps are missing (the reason is "
            "kept); --clear takes that back.",
        ),
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=int, help=number_help)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--reason", help=tr_cli("Cli", "why it is ready although steps are missing"))
    how.add_argument("--clear", action="store_true",
                     help=tr_cli("Cli", "take back “ready” set by hand"))
    p.add_argument("--json", action="store_true", help=json_help)
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
    width = max(7, *(len(label(v)) for v in VERDICT_LABELS.values()))
    for r in judged:
        ctx.print(_line(r, width))
    count = len(judged)
    ctx.err.write(
        tr_cli("Cli", "%n session(s) from {day}", None, count).format(
            day=when(day, "%d/%m/%Y", "%d/%m/%Y")
        )
        + "\n"
    )
    return EXIT_OK


def _line(r: Readiness, width: int) -> str:
    row = r.row
    verdict = label(VERDICT_LABELS[r.verdict]) if r.verdict else "—"
    if r.next_action is not None:
        then = core_text(CTX, r.next_action)
    elif row.status is SessionStatus.RUNNING:
        then = tr_cli("Cli", "running")
    else:
        then = tr_cli("Cli", "nothing left to do")
    return (
        f"{row.id:>5}  {row.start.astimezone():%d/%m %H:%M}  {row.title:<32.32}  "
        f"{row.branch_code:<12.12}  {verdict:<{width}}  {then}"
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
    ctx.print(
        tr_cli("Cli", "Session {id} “{title}”, {start}–{end}, {branch}, {mode}, {status}").format(
            id=row.id,
            title=row.title,
            start=when(row.start, "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M"),
            end=when(row.end, "%H:%M", "%H:%M"),
            branch=row.branch_name,
            mode=word(row.mode.value, MODE_LABELS[row.mode]),
            status=word(row.status.value, STATUS_LABELS[row.status]),
        )
    )
    name_width = max(11, *(len(_step_name(k)) + 1 for k in StepKey))
    state_width = max(11, *(len(_state_word(s)) + 1 for s in StepState))
    for step in r.steps:
        ctx.print(_step_line(step, name_width, state_width))
    if r.override is not None:
        note = r.override_note
        by = f" ({note.by}, {_when(note.at)})" if note else ""
        ctx.print(tr_cli("Cli", "Ready by hand: {reason}").format(reason=r.override) + by)
    left = [_step_name(s.key) for s in r.missing]
    if row.status in (SessionStatus.PLANNED, SessionStatus.READY):
        ready = tr_cli("Cli", "Ready: yes") if r.ready else tr_cli("Cli", "Ready: no")
        if left:
            count = len(left)
            ready += " " + tr_cli("Cli", "(%n left: {steps})", None, count).format(
                steps=", ".join(left)
            )
        ctx.print(ready)
    ctx.print(_next(r))
    if r.kit:
        ctx.print(_kit_line(r))


def _kit_line(r: Readiness) -> str:
    """The kit kept where the session takes place, a device needing attention first."""
    from app.services.equipment import criterion_words

    words = criterion_words()

    def criterion(name: str) -> str:
        return core_text(*words[name]) if name in words else name

    def notes(k: KitFact) -> str:
        return "; ".join(n.text(lambda s: core_text("equipment", s), criterion) for n in k.notes)

    failing = [f"✖ {k.label} ({notes(k)})" for k in r.kit if k.notes]
    fine = [k.label for k in r.kit if not k.notes]
    return tr_cli("Cli", "Kit here: {devices}").format(devices=", ".join(failing + fine))


def _next(r: Readiness) -> str:
    if r.next_action:
        return tr_cli("Cli", "Next: {action}").format(action=core_text(CTX, r.next_action))
    return tr_cli("Cli", "Next: nothing left to do")


def _step_name(key: StepKey) -> str:
    """A step as the user reads it: its code in English (what `skip` takes), the
    window's name for it otherwise."""
    return key.value if language() == "en" else core_text(CTX, STEP_LABELS[key])


def _step_line(step: Step, name_width: int, state_width: int) -> str:
    mark = _STATES[step.state][0]
    detail = core_text(CTX, step.detail, **step.params) if step.detail else ""
    extra = []
    if step.by:
        extra.append(step.by)
    if step.at is not None:
        extra.append(_when(step.at))
    tail = f" ({', '.join(extra)})" if extra else ""
    name, state = _step_name(step.key), _state_word(step.state)
    return f"  {mark} {name:<{name_width}} {state:<{state_width}} {detail}{tail}"


def _state_word(state: StepState) -> str:
    return _STATES[state][1] if language() == "en" else core_text(CTX, STATE_LABELS[state])


def _when(moment: datetime) -> str:
    return when(moment, "%d/%m %H:%M", "%d/%m %H:%M")


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
        said = tr_cli("Cli", "Session {id}: {step} is to do again.").format(
            id=args.id, step=_step_name(StepKey(args.step))
        )
    else:
        r = skip_step(s, args.id, args.step, args.reason or "", operator_name())
        step = r.step(StepKey(args.step))
        if step.state is StepState.SKIPPED:
            said = tr_cli("Cli", "Session {id}: {step} skipped ({reason}).").format(
                id=args.id, step=_step_name(step.key), reason=step.params["reason"]
            )
        else:  # the fact holds: the skip is kept for when it no longer does
            said = tr_cli("Cli", "Session {id}: {step} skip kept, but the step is {state}.").format(
                id=args.id, step=_step_name(step.key), state=_state_word(step.state)
            )
    _said(ctx, r, said, args.json)
    return EXIT_OK


def _ready(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services.readiness import readiness, set_ready_override

    s = ctx.services()
    if args.clear:
        r = set_ready_override(s, args.id, None, operator_name())
        said = tr_cli("Cli", "Session {id}: “ready” by hand taken back; it is {status}.").format(
            id=args.id, status=word(r.row.status.value, STATUS_LABELS[r.row.status])
        )
    elif args.reason is not None:
        r = set_ready_override(s, args.id, args.reason, operator_name())
        said = tr_cli("Cli", "Session {id} is ready, by hand: {reason}.").format(
            id=args.id, reason=r.override
        )
    else:
        s.sessions.set_status(args.id, SessionStatus.READY)
        r = readiness(s, args.id)
        said = tr_cli("Cli", "Session {id} is ready.").format(id=args.id)
    _said(ctx, r, said, args.json)
    return EXIT_OK


def _said(ctx: CliContext, r: Readiness, said: str, as_json: bool) -> None:
    if as_json:
        ctx.print_json(r.as_json())
        return
    ctx.print(said)
    ctx.print(_next(r))
    if r.kit:
        ctx.print(_kit_line(r))
