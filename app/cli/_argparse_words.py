"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse asks `gettext` for them through its module-level `_` and `ngettext`; they are
pointed at a translation that reads Régie's catalogue, so `regie --help` and argparse's
errors speak the language the rest of the command line speaks. The English texts below
are argparse's own (Python 3.11), marked so lupdate puts them in the catalogue.
"""

from __future__ import annotations

import argparse
import gettext

from app.cli.i18n import core_text, language
from app.core.i18n import QT_TRANSLATE_NOOP as _N

CTX = "Cli.argparse"

# Every sentence of argparse a user may read (its programming errors are left out).
WORDS = (
    _N("Cli.argparse", "usage: "),
    _N("Cli.argparse", "positional arguments"),
    _N("Cli.argparse", "options"),
    _N("Cli.argparse", "show this help message and exit"),
    _N("Cli.argparse", "argument %(argument_name)s: %(message)s"),
    _N("Cli.argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    _N("Cli.argparse", 'argument "-" with mode %r'),
    _N("Cli.argparse", "can't open '%(filename)s': %(error)s"),
    _N("Cli.argparse", "unrecognized arguments: %s"),
    _N("Cli.argparse", "not allowed with argument %s"),
    _N("Cli.argparse", "ignored explicit argument %r"),
    _N("Cli.argparse", "the following arguments are required: %s"),
    _N("Cli.argparse", "one of the arguments %s is required"),
    _N("Cli.argparse", "expected one argument"),
    _N("Cli.argparse", "expected at most one argument"),
    _N("Cli.argparse", "expected at least one argument"),
    _N("Cli.argparse", "ambiguous option: %(option)s could match %(matches)s"),
    _N("Cli.argparse", "unexpected option string: %s"),
    _N("Cli.argparse", "invalid %(type)s value: %(value)r"),
    _N("Cli.argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    _N("Cli.argparse", "%(prog)s: error: %(message)s\n"),
    _N("Cli.argparse", "expected %s argument"),
    _N("Cli.argparse", "expected %s arguments"),
)


class CatalogueTranslation(gettext.NullTranslations):
    """gettext's interface over Régie's catalogue (English stays as argparse has it)."""

    def gettext(self, message: str) -> str:
        return core_text(CTX, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular = n in (0, 1) if language() == "fr" else n == 1
        return core_text(CTX, msgid1 if singular else msgid2)


def install() -> None:
    """Point argparse at the catalogue; harmless to repeat, and English stays English."""
    words = CatalogueTranslation()
    setattr(argparse, "_", words.gettext)  # noqa: B010 - argparse reads these globals
    setattr(argparse, "ngettext", words.ngettext)  # noqa: B010
