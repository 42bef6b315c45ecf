"""`regie devices …`: the equipment bench (the Matériel area) from the command line.

The JSON is the window's: both read `app.services.equipment`.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_OK, CliContext, group, iso_date, record_id
from app.cli.i18n import core_text, language, tr_cli
from app.core.equipment import (
    KIND_LABELS,
    STATUS_LABELS,
    Device,
    DeviceDraft,
    DeviceKind,
    DeviceStatus,
    History,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.sessions import find_by_code_or_name
from app.errors import ValidationError

if TYPE_CHECKING:
    from app.services import Services

_SYMBOL = {"pass": "✔", "warn": "▲", "fail": "✖"}


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(
        verbs,
        "devices",
        tr_cli("Cli", "the equipment inventory: webcams, microphones, speakers and their checks"),
    )

    p = sub.add_parser("list", help=tr_cli("Cli", "list the devices, with their flags"))
    p.add_argument(
        "--attention",
        action="store_true",
        help=tr_cli("Cli", "only the devices that need attention"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_list)

    p = sub.add_parser("add", help=tr_cli("Cli", "add a device to the inventory; prints its id"))
    _draft_options(p, required=True)
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_add)

    p = sub.add_parser("edit", help=tr_cli("Cli", "change a device (only the options given)"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    _draft_options(p, required=False)
    p.add_argument(
        "--status",
        choices=[DeviceStatus.IN_SERVICE.value, DeviceStatus.BROKEN.value],
        help=tr_cli("Cli", "mark it broken, or back in service once repaired"),
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_edit)

    p = sub.add_parser("lend", help=tr_cli("Cli", "lend a device to someone until a day"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    p.add_argument("--to", required=True, help=tr_cli("Cli", "who borrows it"))
    p.add_argument(
        "--until", required=True, type=iso_date, help=tr_cli("Cli", "the day it comes back")
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_lend)

    p = sub.add_parser("return", help=tr_cli("Cli", "record that a lent device is back"))
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_return)

    p = sub.add_parser(
        "retire", help=tr_cli("Cli", "take a device out of service for good (its history stays)")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_retire)

    p = sub.add_parser(
        "history", help=tr_cli("Cli", "a device's check results over time, with its flags")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_history)

    p = sub.add_parser(
        "compare", help=tr_cli("Cli", "two devices side by side on the same criteria")
    )
    p.add_argument(
        "a", metavar="A", type=record_id, help=tr_cli("Cli", "the first device's number")
    )
    p.add_argument(
        "b", metavar="B", type=record_id, help=tr_cli("Cli", "the second device's number")
    )
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_compare)

    p = sub.add_parser(
        "report", help=tr_cli("Cli", "a device's test report as a PDF, for the purchase file")
    )
    p.add_argument("id", metavar=tr_cli("Cli.args", "id"), type=record_id)
    p.add_argument("--pdf", required=True, type=Path, metavar="PATH")
    p.set_defaults(handler=_report)

    p = sub.add_parser("export", help=tr_cli("Cli", "write the inventory to a CSV file"))
    p.add_argument("--csv", required=True, type=Path, metavar="PATH")
    p.set_defaults(handler=_export)

    p = sub.add_parser(
        "import",
        help=tr_cli("Cli", "read an inventory CSV file: every line, or nothing if one is wrong"),
    )
    p.add_argument("--csv", required=True, type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_import)


def _draft_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument(
        "--kind",
        required=required,
        choices=[k.value for k in DeviceKind],
        help=tr_cli("Cli", "what the device is"),
    )
    p.add_argument("--label", required=required, help=tr_cli("Cli", "the name people know it by"))
    p.add_argument("--make", help=tr_cli("Cli", "the maker (Logitech, Jabra…)"))
    p.add_argument("--model", help=tr_cli("Cli", "the model (C920, Speak 510…)"))
    p.add_argument("--serial", help=tr_cli("Cli", "the serial number (each one once)"))
    p.add_argument("--branch", help=tr_cli("Cli", "the branch where it is kept (code or name)"))
    p.add_argument("--room", help=tr_cli("Cli", "the room where it is kept"))
    p.add_argument("--purchased", type=iso_date, help=tr_cli("Cli", "purchase date (YYYY-MM-DD)"))
    p.add_argument("--notes", help=tr_cli("Cli", "free notes"))
    p.add_argument(
        "--match-key",
        help=tr_cli("Cli", "the stable id a check sees (shown by “regie check … --json”)"),
    )


def _branch_id(services: Services, text: str | None) -> int | None:
    if text is None or text.strip().casefold() in {"", "none"}:
        return None
    branch = find_by_code_or_name(services.references.branches(), text, what="branch")
    return branch.id


def _apply(services: Services, draft: DeviceDraft, args: argparse.Namespace) -> DeviceDraft:
    changes: dict[str, Any] = {}
    for option, attr in (
        ("label", "label"),
        ("make", "make"),
        ("model", "model"),
        ("serial", "serial"),
        ("room", "room"),
        ("notes", "notes"),
        ("match_key", "match_key"),
        ("purchased", "purchased_on"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[attr] = value
    if args.kind is not None:
        changes["kind"] = DeviceKind(args.kind)
    if args.branch is not None:
        changes["branch_id"] = _branch_id(services, args.branch)
    return replace(draft, **changes)


def _show(ctx: CliContext, device: Device, as_json: bool) -> None:
    if as_json:
        ctx.print_json(device.as_json())
    else:
        ctx.print(_line(device))


def _line(d: Device) -> str:
    status = core_text("equipment", STATUS_LABELS[d.status])
    if d.loan is not None:
        status += " " + tr_cli("Cli", "(to {who} until {until})").format(
            who=d.loan.to, until=d.loan.until.isoformat()
        )
    where = " / ".join(p for p in (d.branch_code, d.draft.room) if p)
    kind = core_text("equipment", KIND_LABELS[d.kind])
    parts = [f"{d.id:>4}  {d.label}", kind, d.make_model, d.draft.serial or "", where, status]
    return " · ".join(p for p in parts if p)


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    views = eq.overview(ctx.services())
    if args.attention:
        views = [v for v in views if v.attention is not None]
    if args.json:
        ctx.print_json(
            [
                v.device.as_json()
                | {
                    "failed_recent": v.history.failed_recent,
                    "recent": v.history.recent,
                    "last_check": v.history.latest.created_at.isoformat()
                    if v.history.latest
                    else None,
                    "attention": [r.value for r in v.attention.reasons] if v.attention else [],
                }
                for v in views
            ]
        )
        return EXIT_OK
    if not views:
        ctx.print(tr_cli("Cli", "No device in the inventory."))
    for v in views:
        line = _line(v.device)
        if v.history.flagged:
            line += " · " + _flag(v.history)
        ctx.print(line)
    return EXIT_OK


def _flag(h: History) -> str:
    return tr_cli("Cli", "failed {k} of the last {n}").format(k=h.failed_recent, n=h.recent)


def _add(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    services = ctx.services()
    draft = _apply(services, DeviceDraft(DeviceKind(args.kind), args.label), args)
    device_id = eq.add_device(services, draft)
    if args.json:
        ctx.print_json(eq.device(services, device_id).as_json())
    else:
        ctx.print(str(device_id))
    return EXIT_OK


def _edit(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    services = ctx.services()
    device = eq.device(services, args.id)
    draft = _apply(services, device.draft, args)
    if draft != device.draft:
        eq.edit_device(services, args.id, draft)
    if args.status is not None and args.status != device.status.value:
        eq.mark_device(services, args.id, DeviceStatus(args.status))
    _show(ctx, eq.device(services, args.id), args.json)
    return EXIT_OK


def _lend(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    _show(ctx, eq.lend_device(ctx.services(), args.id, args.to, args.until), args.json)
    return EXIT_OK


def _return(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    _show(ctx, eq.return_device(ctx.services(), args.id), args.json)
    return EXIT_OK


def _retire(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    _show(ctx, eq.retire_device(ctx.services(), args.id), args.json)
    return EXIT_OK


def _history(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    services = ctx.services()
    device = eq.device(services, args.id)
    h = eq.device_history(services, args.id)
    if args.json:
        ctx.print_json({"device": device.as_json()} | h.as_json())
        return EXIT_OK
    ctx.print(_line(device))
    if not h.checks:
        ctx.print(tr_cli("Cli", "No check saved for this device yet."))
        return EXIT_OK
    for c in h.checks:
        when = c.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        session = tr_cli("Cli", "session {id}").format(id=c.session_id) if c.session_id else ""
        ctx.print(f"  {_SYMBOL[c.verdict.value]} {when}  {c.operator}  {session}".rstrip())
    if h.flagged:
        ctx.print(_flag(h))
    if h.last_good is not None:
        ctx.print(
            tr_cli("Cli", "Last good check: {when}").format(
                when=h.last_good.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
    if h.worsening:
        from app.services import equipment as eq

        words = eq.criterion_words()
        names = [core_text(*words[n]) if n in words else n for n in h.worsening]
        ctx.print(tr_cli("Cli", "Getting worse: {criteria}").format(criteria=", ".join(names)))
    return EXIT_OK


def _compare(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    if args.a == args.b:
        raise ValidationError(
            "b",
            _N("errors", "Compare two different devices."),
            _N("errors", "Give the numbers of two devices from “regie devices list”."),
        )
    c = eq.compare_devices(ctx.services(), args.a, args.b)
    if args.json:
        ctx.print_json(c.as_json())
        return EXIT_OK
    ctx.print(f"{'':24} {c.a.label[:28]:<30} {c.b.label[:28]:<30}")
    for name, a, b in c.rows:
        left = f"{_SYMBOL[a.verdict.value] if a.verdict else ' '} {_value(a.value, a.unit)}"
        right = f"{_SYMBOL[b.verdict.value] if b.verdict else ' '} {_value(b.value, b.unit)}"
        ctx.print(f"{name[:24]:<24} {left:<30} {right:<30}")
    return EXIT_OK


def _value(value: object, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value} {unit}".strip()


def _report(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.printing.device_report_pdf import write_device_report_standalone
    from app.services import equipment as eq

    services = ctx.services()
    device, history = eq.report_of(services, args.id)
    words = eq.criterion_words()
    labels = {n: core_text(*words[n]) if n in words else n for n in history.series}
    path: Path = args.pdf if args.pdf.suffix.lower() == ".pdf" else args.pdf.with_suffix(".pdf")
    write_device_report_standalone(
        device,
        history,
        path,
        printed_at=services.clock(),
        criterion_label=labels,
        lang=language(),
    )
    ctx.print(tr_cli("Cli", "Test report written to {path}.").format(path=path))
    return EXIT_OK


def _export(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    count = eq.export_inventory(ctx.services(), args.csv)
    ctx.print(tr_cli("Cli", "%n device(s) written to {path}.", None, count).format(path=args.csv))
    return EXIT_OK


def _import(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import equipment as eq

    added, updated = eq.import_inventory(ctx.services(), args.csv)
    if args.json:
        ctx.print_json({"added": added, "updated": updated})
    else:
        ctx.print(
            tr_cli("Cli", "Imported: {added} added, {updated} updated.").format(
                added=added, updated=updated
            )
        )
    return EXIT_OK
