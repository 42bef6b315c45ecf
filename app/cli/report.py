"""`regie report`: the activity report as JSON, a French-Excel CSV or a PDF."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, iso_date
from app.cli.attendance import _service
from app.cli.i18n import core_text, language, number, tr_cli
from app.core.csvfiles import write_file_bytes
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.report import (
    BRANCH_TITLE,
    COLUMNS,
    TOTAL_TITLE,
    TYPE_TITLE,
    WEEK_TITLE,
    ActivityReport,
    ReportFilter,
    percent,
    report_csv_bytes,
)
from app.core.sessions import find_by_code_or_name
from app.core.survey import survey_csv_bytes
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    p = verbs.add_parser(
        "report",
        help=tr_cli(
            "Cli", "activity report: sessions by type, per week, no-show by type and branch"
        ),
        description=tr_cli(
            "Cli",
            "Counts the sessions held (done, or with attendance recorded) in the "
            "period. Without --json, --csv or --pdf, prints the table by type.",
        ),
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=tr_cli("Cli", "first day"),
    )
    p.add_argument(
        "--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help=tr_cli("Cli", "last day")
    )
    p.add_argument(
        "--branch", help=tr_cli("Cli", "branch code or name (default: the whole network)")
    )
    p.add_argument(
        "--year",
        type=_year,
        metavar="YYYY",
        help=tr_cli("Cli", "with --survey: the calendar year to report on"),
    )
    p.add_argument(
        "--survey",
        action="store_true",
        help=tr_cli(
            "Cli",
            "the yearly survey: sessions held and cancelled, participants, unique "
            "registrants, hours, remote and hybrid, by type, by branch and for the network",
        ),
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    out.add_argument(
        "--csv", type=Path, metavar="PATH", help=tr_cli("Cli", "write a CSV for Excel")
    )
    out.add_argument(
        "--pdf", type=Path, metavar="PATH", help=tr_cli("Cli", "write a PDF with the charts")
    )
    p.set_defaults(handler=_report)


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "not a year: {value!r} (expected YYYY)").format(value=text)
        )
    return int(text)


def _report(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.survey or args.year is not None:
        return _survey(ctx, args)
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise RegieError(
            _N("errors", "The period ends before it starts."),
            _N("errors", "Give a --to date after the --from date."),
        )
    branch_id = None
    if args.branch:
        branches = ctx.services().references.branches()
        branch_id = find_by_code_or_name(branches, args.branch, what="branch").id
    report = _service(ctx).report(ReportFilter(args.date_from, args.date_to, branch_id))
    if args.json:
        ctx.print_json(report.as_json())
    elif args.csv:
        titles = (*COLUMNS, TYPE_TITLE, BRANCH_TITLE, WEEK_TITLE, TOTAL_TITLE)
        translate = {x: core_text("report", x) for x in titles}
        write_file_bytes(args.csv, report_csv_bytes(report, translate))
        ctx.print(tr_cli("Cli", "CSV written: {path}").format(path=args.csv))
    elif args.pdf:
        _ensure_platform()
        from app.printing.report_pdf import write_report_pdf_standalone

        write_report_pdf_standalone(report, args.pdf, lang=language())
        ctx.print(tr_cli("Cli", "PDF written: {path}").format(path=args.pdf))
    else:
        _print_table(ctx, report)
    return EXIT_OK


def _survey(ctx: CliContext, args: argparse.Namespace) -> int:
    """The yearly survey's figures (one calendar year, the whole network)."""
    if not args.survey or args.year is None:
        raise RegieError(
            _N("errors", "The yearly survey needs both --survey and --year."),
            _N("errors", "Run e.g. regie report --year 2026 --survey --csv survey.csv."),
        )
    if args.date_from or args.date_to or args.branch:
        raise RegieError(
            _N("errors", "The yearly survey covers a whole year and the whole network."),
            _N("errors", "Leave out --from, --to and --branch with --survey."),
        )
    survey = ctx.services().registrations.survey(args.year)
    if args.csv:
        write_file_bytes(args.csv, survey_csv_bytes(survey))
        ctx.print(tr_cli("Cli", "CSV written: {path}").format(path=args.csv))
    elif args.pdf:
        _ensure_platform()
        from app.printing.survey_pdf import write_survey_pdf_standalone

        write_survey_pdf_standalone(survey, args.pdf, lang=language())
        ctx.print(tr_cli("Cli", "PDF written: {path}").format(path=args.pdf))
    elif args.json:
        ctx.print_json(survey.as_json())
    else:
        ctx.print(str(args.year))
        held, cancelled = tr_cli("Cli", "Held"), tr_cli("Cli", "Canc.")
        people, unique, hours = (
            tr_cli("Cli", "Part."),
            tr_cli("Cli", "Uniq."),
            tr_cli("Cli", "Hours"),
        )
        ctx.print(f"{'':<40} {held:>6} {cancelled:>6} {people:>7} {unique:>7} {hours:>8}")
        for x in (*survey.by_type, survey.network):
            ctx.print(
                f"{x.label[:40]:<40} {x.held:>6} {x.cancelled:>6} {x.participants:>7} "
                f"{x.unique_registrants:>7} {number(x.hours, '.1f'):>8}"
            )
    return EXIT_OK


def _ensure_platform() -> None:
    """Qt draws the PDF without a screen when there is none (servers, scheduled tasks)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _print_table(ctx: CliContext, report: ActivityReport) -> None:
    kind = tr_cli("Cli", "Type")
    sessions = tr_cli("Cli", "Sess.")
    registered = tr_cli("Cli", "Reg.")
    connected = tr_cli("Cli", "Conn.")
    on_site = tr_cli("Cli", "Site")
    no_show = tr_cli("Cli", "No-show")
    ctx.print(f"{kind:<44} {sessions:>6} {registered:>6} {connected:>6} {on_site:>6} {no_show:>8}")
    french = language() == "fr"
    for x in (*report.by_type, report.total):
        rate = percent(x.no_show_rate, "," if french else ".")
        # French puts a no-break space before %.
        rate = (rate + ("\u00a0%" if french else " %")) if rate else "-"
        title = core_text("report", TOTAL_TITLE) if x is report.total else x.label
        ctx.print(
            f"{title[:44]:<44} {number(x.sessions):>6} {number(x.registered):>6} "
            f"{number(x.connected):>6} {number(x.on_site):>6} {rate:>8}"
        )
