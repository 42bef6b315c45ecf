"""`regie checklists list|validate|show` and `regie training report`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.checklists.loader import Layer, load_catalog, real_path, shipped_layer, user_layer
from app.cli import EXIT_ERROR, EXIT_OK, CliContext, group
from app.cli.i18n import core_text, label, tr_cli, when, word
from app.core.checklists import (
    AUTO_CHECKS,
    PAUSE_LABELS,
    Catalog,
    Checklist,
    Problem,
    TrainingRecord,
)
from app.core.csvfiles import SpreadsheetWriter
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import MODE_LABELS, SessionMode
from app.errors import RegieError

TRAINING_COLUMNS = (
    "staff", "checklist", "title", "version", "mode", "practice", "session", "started_at",
    "finished_at", "minutes", "signed_off_by", "steps", "skipped",
)


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    json_help = tr_cli("Cli", "print JSON")
    sub = group(verbs, "checklists", tr_cli("Cli", "guided checklists and their tutorials"))
    p = sub.add_parser(
        "list", help=tr_cli("Cli", "list the installed checklists (and the invalid files)")
    )
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser(
        "validate",
        help=tr_cli("Cli", "check checklist and tutorial files; prints file:line: problem"),
        description=tr_cli(
            "Cli",
            "Check every checklist (TOML) and tutorial (Markdown) file. Without "
            "PATH: the shipped files and your own folder. With PATH (a file or a folder): "
            "those files, checked against the installed tutorials. Exit code 1 when a file "
            "has problems.",
        ),
    )
    p.add_argument("path", metavar=tr_cli("Cli.args", "path"), nargs="?", type=Path,
                   help=tr_cli("Cli", "a .toml/.md file or a folder"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=cmd_validate)
    p = sub.add_parser("show", help=tr_cli("Cli", "show one checklist's steps by pause point"))
    p.add_argument(
        "id",
        metavar=tr_cli("Cli.args", "checklist_id"),
        help=tr_cli("Cli", "checklist id (see “regie checklists list”)"),
    )
    p.add_argument("--mode", choices=[m.value for m in SessionMode],
                   help=tr_cli("Cli", "only the steps of this session mode"))
    p.add_argument("--json", action="store_true", help=json_help)
    p.set_defaults(handler=cmd_show)

    tsub = group(verbs, "training", tr_cli("Cli", "training records of guided checklist runs"))
    p = tsub.add_parser(
        "report", help=tr_cli("Cli", "who ran which checklist in guided mode, and when")
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=json_help)
    fmt.add_argument("--csv", action="store_true",
                     help=tr_cli("Cli", "print CSV (for a spreadsheet)"))
    p.add_argument("--staff", metavar="NAME_OR_ID", help=tr_cli("Cli", "only this staff member"))
    p.set_defaults(handler=cmd_training_report)


def _session_types(ctx: CliContext) -> list[str]:
    """Session types known to the database (custom ones too), if it can be opened."""
    try:
        return [t.code for t in ctx.services().references.session_types(include_inactive=True)]
    except RegieError:
        return []


def _catalog(ctx: CliContext, extra: Layer | None = None) -> Catalog:
    layers = [shipped_layer(), user_layer()]
    if extra is not None:
        layers.append(extra)
    return load_catalog(layers, session_types=_session_types(ctx))


def _problem_json(p: Problem) -> dict[str, object]:
    return {"file": str(p.path), "line": p.line, "problem": p.text()}


def _checklist_json(c: Checklist, mode: SessionMode | None = None) -> dict[str, object]:
    steps = c.steps_for(mode) if mode is not None else c.steps
    return {
        "id": c.id,
        "title": c.title,
        "version": c.version,
        "types": list(c.types),
        "modes": [m.value for m in c.modes],
        "description": c.description,
        "file": str(c.path) if c.path else None,
        "steps": [
            {
                "id": s.id,
                "pause": s.pause.value,
                "title": s.title,
                "why": s.why,
                "tutorial": s.tutorial,
                "section": s.section,
                "image": s.image,
                "check": s.check,
                "modes": [m.value for m in s.modes],
            }
            for s in steps
        ],
    }


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    cat = _catalog(ctx)
    checklists = sorted(cat.checklists.values(), key=lambda c: c.id)
    if args.json:
        ctx.print_json({
            "checklists": [
                {**_checklist_json(c), "steps": len(c.steps)} for c in checklists
            ],
            "tutorials": sorted(cat.tutorials),
            "invalid": [
                {"file": str(path), "problems": [_problem_json(p) for p in found]}
                for path, found in cat.invalid_files.items()
            ],
        })
        return EXIT_OK
    for c in checklists:
        modes = "+".join(_mode(m) for m in c.modes)
        ctx.print(f"{c.id:<22} v{c.version:<3} {modes:<14} {', '.join(c.types):<28} {c.title}")
    for path, found in cat.invalid_files.items():
        count = len(found)
        ctx.print(
            tr_cli(
                "Cli", "INVALID {path} (%n problem(s); see “regie checklists validate”)",
                None, count,
            ).format(path=path)
        )
    return EXIT_OK


def cmd_validate(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.path is not None:
        target: Path = args.path
        if not target.exists() and not target.is_symlink():
            raise RegieError(
                _N("errors", "{path} does not exist."),
                _N("errors", "Give a .toml or .md file, or a folder holding them."),
                path=str(target),
            )
        extra = Layer.path(target)
        files = extra.files
        cat = _catalog(ctx, extra)
        wanted = {real_path(f) for f in files}
        problems = [p for p in cat.problems if real_path(p.path) in wanted]
    else:
        files = shipped_layer().files + user_layer().files
        cat = _catalog(ctx)
        problems = list(cat.problems)
    bad = {p.path for p in problems}
    if args.json:
        ctx.print_json({
            "files": len(files),
            "invalid": len(bad),
            "problems": [_problem_json(p) for p in problems],
        })
    else:
        for p in problems:
            ctx.print(_problem(p))
        checked = len(files)
        ctx.print(
            tr_cli("Cli", "%n file(s) checked, {bad} with problems.", None, checked).format(
                bad=len(bad)
            )
        )
    return EXIT_ERROR if problems else EXIT_OK


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    cat = _catalog(ctx)
    c = cat.checklist(args.id)
    mode = SessionMode(args.mode) if args.mode else None
    if args.json:
        ctx.print_json(_checklist_json(c, mode))
        return EXIT_OK
    ctx.print(
        tr_cli("Cli", "{title} ({id}, version {version})").format(
            title=c.title, id=c.id, version=c.version
        )
    )
    ctx.print(
        tr_cli("Cli", "types: {types} · modes: {modes}").format(
            types=", ".join(c.types), modes=", ".join(_mode(m) for m in c.modes)
        )
    )
    if c.description:
        ctx.print(c.description)
    steps = c.steps_for(mode) if mode is not None else c.steps
    pause = None
    for n, s in enumerate(steps, start=1):
        if s.pause is not pause:
            pause = s.pause
            ctx.print(f"\n[{s.pause.value}] {label(PAUSE_LABELS[s.pause])}")
        extra = []
        if s.check:
            check = word(s.check, AUTO_CHECKS[s.check]) if s.check in AUTO_CHECKS else s.check
            extra.append(tr_cli("Cli", "auto: {check}").format(check=check))
        if len(s.modes) == 1:
            extra.append(tr_cli("Cli", "{mode} only").format(mode=_mode(s.modes[0])))
        suffix = f"  ({'; '.join(extra)})" if extra else ""
        ctx.print(f"  {n:>2}. {s.title}{suffix}")
        ctx.print("      " + tr_cli("Cli", "why: {why}").format(why=s.why))
        if s.tutorial:
            target = f"{s.tutorial}#{s.section}" if s.section else s.tutorial
            ctx.print("      " + tr_cli("Cli", "see: {tutorial}").format(tutorial=target))
    return EXIT_OK


def _training_row(r: TrainingRecord) -> dict[str, object]:
    j = r.as_json()
    return {k: j[k] for k in TRAINING_COLUMNS}


def cmd_training_report(ctx: CliContext, args: argparse.Namespace) -> int:
    services = ctx.services()
    staff_id: int | None = None
    if args.staff:
        people = services.references.staff()
        match = [s for s in people if str(s.id) == args.staff
                 or s.name.casefold() == args.staff.casefold()]
        if not match:
            raise RegieError(
                _N("errors", "No staff member is called “{name}”."),
                _N("errors", "Give the exact name or the number of the staff member."),
                name=args.staff,
            )
        staff_id = match[0].id
    from app.services import build_checklists

    records = build_checklists(services).training_records(staff_id=staff_id)
    if args.json:
        ctx.print_json([r.as_json() for r in records])
    elif args.csv:
        writer = SpreadsheetWriter(ctx.out, lineterminator="\n")
        writer.writerow(TRAINING_COLUMNS)
        for r in records:
            row = _training_row(r)
            writer.writerow(row[k] for k in TRAINING_COLUMNS)
    else:
        for r in records:
            at = when(r.finished_at, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M")
            where = (tr_cli("Cli", "practice") if r.session_id is None
                     else (r.session_title or ""))
            ctx.print(f"{r.staff_name:<24} {at}  {r.checklist_title} v{r.checklist_version}"
                      f" ({_mode(r.session_mode)}, {where})")
        if not records:
            ctx.print(tr_cli(
                "Cli", "No training record yet: guided runs appear here once signed off."
            ))
    return EXIT_OK


def _mode(mode: SessionMode) -> str:
    return word(mode.value, MODE_LABELS[mode])


def _problem(p: Problem) -> str:
    """"file:line: problem", the problem in the user's language."""
    return f"{p.location()}: {core_text('checklists', p.message).format(**p.params)}"
