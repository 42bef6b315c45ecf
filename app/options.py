"""The options every `regie` command line may carry (`--db`, `--lang`, `--now`…), and the
configuration they make.

Opening the window needs only these: `window_args` parses them without the command-line
package, its verbs or its translations, so that the first screen does not wait for them.
Anything else (a verb, `--help`, a mistake to explain) goes to `app.cli.parse`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.config import AppConfig, db_url
from app.core.clock import fixed_clock, now_local

Translate = Callable[[str, str], str]


def _english(_context: str, text: str) -> str:
    return text


def is_text(arg: str) -> bool:
    """False for an argument holding bytes that are not UTF-8: Python keeps them as lone
    surrogates, which no database, file or terminal accepts later."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def iso_datetime(tr_cli: Translate) -> Callable[[str], datetime]:
    """argparse type for an ISO 8601 date and time (local time when no offset is given),
    its error said through `tr_cli`."""

    def parse(text: str) -> datetime:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                tr_cli("Cli", "not a date and time: {text} (expected e.g. 2027-03-02T10:00)")
                .format(text=repr(text))
            ) from None
        return moment if moment.tzinfo is not None else moment.astimezone()

    return parse


def add_global_options(parser: argparse.ArgumentParser, tr_cli: Translate) -> None:
    """The options before any verb; `tr_cli` says their help in the user's language."""
    parser.add_argument(
        "--version",
        action="version",
        version=f"regie {__version__}",
        help=tr_cli("Cli", "show program's version number and exit"),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=tr_cli(
            "Cli",
            "database: a file path, sqlite:///path "
            "or postgresql+psycopg://… (default: REGIE_DB, then the data folder)",
        ),
    )
    parser.add_argument(
        "--lang", choices=["en", "fr"], help=tr_cli("Cli", "interface language")
    )
    parser.add_argument(
        "--simulate-camera",
        metavar="PATH",
        type=Path,
        help=tr_cli("Cli", "use a video or image file as the camera (training, demos)"),
    )
    parser.add_argument(
        "--simulate-mic",
        metavar="WAV",
        type=Path,
        help=tr_cli("Cli", "use a WAV file as the microphone (training, demos)"),
    )
    parser.add_argument(
        "--now",
        metavar="DATETIME",
        type=iso_datetime(tr_cli),
        help=tr_cli(
            "Cli",
            "act as if it were this date and time (ISO 8601), e.g. to rehearse a day "
            "or reproduce what a colleague saw",
        ),
    )
    parser.add_argument(
        "--no-err-windows",
        action="store_true",
        help=tr_cli("Cli", "report errors on stderr, never in a dialog (scripts, tests)"),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=tr_cli("Cli", "start the window, print the seconds to idle, quit"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=tr_cli(
            "Cli",
            "check this installation (Qt, translations, resources, database, keyring, "
            "PortAudio, OpenCV), print a JSON report; exit 1 if something is broken",
        ),
    )


def config_from_args(args: argparse.Namespace) -> AppConfig:
    now: datetime | None = getattr(args, "now", None)
    return AppConfig(
        db_url=db_url(args.db),
        lang=args.lang,
        simulate_camera=args.simulate_camera,
        simulate_mic=args.simulate_mic,
        no_err_windows=args.no_err_windows,
        clock=fixed_clock(now) if now is not None else now_local,
    )


class _NotForTheWindowError(Exception):
    """The command line holds more than the window's options, or a mistake."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise _NotForTheWindowError(message)


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """`argv` parsed when it holds only global options (the window, `--self-test`,
    `--smoke`); None for a verb, `--help`, `--version` or a mistake: `app.cli.parse`
    then says what it has to, in the user's language."""
    if {"-h", "--help", "--version"} & set(argv) or not all(map(is_text, argv)):
        return None  # the full parser explains bytes that are not UTF-8
    parser = _WindowParser(prog="regie", add_help=False)
    add_global_options(parser, _english)
    parser.set_defaults(verb=None)
    try:
        args, rest = parser.parse_known_args(argv)
    except (_NotForTheWindowError, argparse.ArgumentError):
        return None
    return None if rest else args
