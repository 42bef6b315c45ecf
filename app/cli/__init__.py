"""The command-line twin of every screen: `regie <verb> [--json]`.

Each module of this package that defines `register(verbs)` adds its verbs; a verb sets
`handler=fn(ctx, args) -> int` on its parser. Modules are found by name, in order, so a
feature adds its verbs by adding a module, without touching this file. Groups shared by
several modules (`check`, `sessions`…) are reached with `group()`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.i18n import choose_language, colon, error_text, language, set_language, tr_cli
from app.config import AppConfig
from app.errors import RegieError
from app.options import add_global_options, config_from_args, is_text

if TYPE_CHECKING:
    from app.services import Services
    from app.services.offline import NetworkLink

Handler = Callable[["CliContext", argparse.Namespace], int]

EXIT_OK = 0
EXIT_ERROR = 1  # a known problem, explained on stderr
EXIT_USAGE = 2  # argparse's own code for bad arguments


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its section titles ("options:") punctuated the way the
    language writes them (argparse adds the colon itself)."""

    def start_section(self, heading: str | None) -> None:
        if heading and language() == "fr":
            heading += "\u00a0"  # "options :"
        super().start_section(heading)


class _Parser(argparse.ArgumentParser):
    """argparse that tells what to do next instead of only what went wrong."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)  # sub-parsers too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:  # pragma: no cover - exercised through main()
        self.print_usage(sys.stderr)
        see = tr_cli("Cli", "See “{prog} --help”.").format(prog=self.prog)
        self.exit(EXIT_USAGE, f"{colon(self.prog, message)}\n{see}\n")


def group(verbs: argparse._SubParsersAction[Any], name: str, help_text: str) -> Any:
    """The sub-verbs of `name`, created on first use (several modules share a group)."""
    existing = verbs.choices.get(name)
    if existing is None:
        existing = verbs.add_parser(name, help=help_text, description=help_text)
        sub = existing.add_subparsers(
            dest=f"{name}_verb", metavar=tr_cli("Cli", "VERB"), required=True
        )
        existing.set_defaults(_group_sub=sub)
        return sub
    return existing.get_default("_group_sub")


def build_parser(*, with_verbs: bool = True) -> argparse.ArgumentParser:
    """The whole parser; `with_verbs=False` gives only the global options (no help)."""
    parser = _Parser(
        prog="regie",
        description=tr_cli(
            "Cli",
            "Régie: prepare, launch and report on the library's remote sessions. "
            "Without a verb, opens the window.",
        ),
        add_help=with_verbs,
    )
    add_global_options(parser, tr_cli)
    if not with_verbs:
        parser.set_defaults(verb=None)
        return parser
    verbs = parser.add_subparsers(dest="verb", metavar=tr_cli("Cli", "VERB"))
    for module in _verb_modules():
        register = getattr(module, "register", None)
        if register is not None:
            register(verbs)
    return parser


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """Global options alone open the window; anything else goes through the full parser."""
    argv = sys.argv[1:] if argv is None else argv
    use_language(forced_language(argv))
    for arg in argv:
        if not is_text(arg):
            build_parser(with_verbs=False).error(
                tr_cli(
                    "Cli",
                    "the argument “{arg}” holds bytes that are not UTF-8 text; "
                    "type it again in UTF-8, or rename the file it names",
                ).format(arg=printable(arg))
            )
    args, rest = build_parser(with_verbs=False).parse_known_args(argv)
    if rest or {"-h", "--help"} & set(argv):
        return build_parser().parse_args(argv)
    return args


def forced_language(argv: list[str]) -> str | None:
    """The language `--lang` asks for, read before any parser is built (its help and
    argparse's own words are already in that language); None when it is not given."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        return value if value in ("en", "fr") else None
    return None


def use_language(forced: str | None) -> None:
    """Speak `forced`, else the POSIX locale's language, argparse included."""
    from app.cli import _argparse_words

    set_language(choose_language(forced))
    _argparse_words.install()


def printable(arg: str) -> str:
    """The argument as typed, its undecodable bytes written as \\xNN."""
    return arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _verb_modules() -> list[Any]:
    import importlib
    import pkgutil

    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


# The largest id a database can hold (a signed 64-bit integer, SQLite's and bigint's).
MAX_ID = 2**63 - 1


def record_id(text: str) -> int:
    """argparse type for the number of a session, licence or record: a whole number from
    1 to the largest a database holds (a longer one could only fail deep in the driver)."""
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_ID)):
        raise argparse.ArgumentTypeError(
            tr_cli(
                "Cli", "not a number: {text} (expected the number “regie sessions list” shows)"
            ).format(text=repr(text))
        )
    number = int(value)
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "no record has the number {value} (numbers go from 1 to {max})").format(
                value=value, max=MAX_ID
            )
        )
    return number


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD, with a message saying what is expected."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "not a date: {text} (expected YYYY-MM-DD)").format(text=repr(text))
        ) from None


@dataclass
class CliContext:
    """What a verb handler gets: the configuration and, on demand, the services."""

    config: AppConfig
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _services: Services | None = None
    _link: NetworkLink | None = None

    def services(self) -> Services:
        """Open the database (and migrate it) on first use only: `--help` stays instant."""
        if self._services is None:
            from app.services import open_services

            self._services = open_services(self.config, link=self.link())
        return self._services

    def link(self) -> NetworkLink:
        """This command's link to its database: what waits on this computer while a
        network server is away."""
        if self._link is None:
            from app.config import data_dir
            from app.services.offline import NetworkLink

            self._link = NetworkLink(self.config.db_url, data_dir())
        return self._link

    def print_json(self, data: object) -> None:
        import json

        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def run(args: argparse.Namespace) -> int:
    """Run the verb in `args`; known problems become a message and exit code 1."""
    ctx = CliContext(config_from_args(args))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # a group named without its verb
        ctx.err.write(colon("regie", tr_cli("Cli", "name a verb; see “regie --help”.")) + "\n")
        return EXIT_USAGE
    try:
        return handler(ctx, args)
    except RegieError as err:
        ctx.err.write(colon("regie", error_text(err)) + "\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`regie sessions list | head`): not an error of ours.
        _silence_stdout()
        return EXIT_OK
    finally:
        ctx.close()


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
