"""`regie report`: the activity report as JSON, a French-Excel CSV or a PDF."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, iso_date
from app.cli.attendance import _service
from app.cli.i18n import tr_cli
from app.core.csvfiles import write_file_bytes
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.report import ActivityReport, ReportFilter, percent, report_csv_bytes
from app.core.sessions import find_by_code_or_name
from app.core.survey import survey_csv_bytes
from app.errors import RegieError


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    p = verbs.add_parser(
        "report",
        help="activity report: sessions by type, per week, no-show by type and branch",
        description="Counts the sessions held (done, or with attendance recorded) in the "
        "period. Without --json, --csv or --pdf, prints the table by type.",
    )
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--branch", help="branch code or name (default: the whole network)")
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
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument("--csv", type=Path, metavar="PATH", help="write a CSV for Excel")
    out.add_argument("--pdf", type=Path, metavar="PATH", help="write a PDF with the charts")
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
        write_file_bytes(args.csv, report_csv_bytes(report))
        ctx.print(f"CSV written: {args.csv}")
    elif args.pdf:
        _ensure_platform()
        from app.printing.report_pdf import write_report_pdf_standalone

        write_report_pdf_standalone(report, args.pdf)
        ctx.print(f"PDF written: {args.pdf}")
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

        write_survey_pdf_standalone(survey, args.pdf)
        ctx.print(tr_cli("Cli", "PDF written: {path}").format(path=args.pdf))
    elif args.json:
        ctx.print_json(survey.as_json())
    else:
        ctx.print(f"{args.year}")
        for x in (*survey.by_type, survey.network):
            ctx.print(
                f"{x.label[:40]:<40} {x.held:>6} {x.cancelled:>6} {x.participants:>7} "
                f"{x.unique_registrants:>7} {x.hours:>8.1f}"
            )
    return EXIT_OK


def _ensure_platform() -> None:
    """Qt draws the PDF without a screen when there is none (servers, scheduled tasks)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _print_table(ctx: CliContext, report: ActivityReport) -> None:
    head = f"{'Type':<44} {'Sess.':>6} {'Reg.':>6} {'Conn.':>6} {'Site':>6} {'No-show':>8}"
    ctx.print(head)
    for x in (*report.by_type, report.total):
        rate = percent(x.no_show_rate, ".")
        ctx.print(
            f"{x.label[:44]:<44} {x.sessions:>6} {x.registered:>6} {x.connected:>6} "
            f"{x.on_site:>6} {(rate + ' %') if rate else '-':>8}"
        )
