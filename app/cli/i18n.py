"""The command line's translations, read from the same catalogue as the window's.

The CLI may not load Qt (it must start fast and run on servers without a display), so it
reads `resources/i18n/regie_<lang>.ts` itself: the French shipped with Régie is one
catalogue for both front ends. Strings are marked for extraction with `tr_cli(context, text)`
(lupdate knows the name through `-tr-function-alias translate+=tr_cli`; no call among
its arguments, or lupdate drops it). Sentences the core marked (errors, labels, readiness)
come from the same catalogue with the window's contexts, and numbers and dates are written
the language's way ("1 234,5", "mardi 24 novembre 2026") in human output, never in JSON.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from app.config import resources_dir
from app.errors import RegieError

_active: str = "en"


def choose_language(forced: str | None, environ: dict[str, str] | None = None) -> str:
    """`--lang` when given, else French when the POSIX locale says so (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG, in that order, as gettext reads them)."""
    if forced:
        return forced
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.split(":")[0].lower().startswith("fr") else "en"
    return "en"


def set_language(lang: str) -> None:
    global _active
    _active = lang


def language() -> str:
    return _active


@lru_cache(maxsize=4)
def _catalogue(lang: str, path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → translation forms; unfinished entries are left out."""
    import xml.etree.ElementTree as ET  # only when a text is translated

    out: dict[tuple[str, str], list[str]] = {}
    if not path.exists():
        return out
    # Our own shipped file, not untrusted input.
    for ctx in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            source = msg.findtext("source")
            if tr_el is None or source is None or tr_el.get("type") in ("unfinished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr_el.iter("numerusform")] or [tr_el.text or ""]
            if any(forms):
                out[(name, source)] = forms
    return out


def _plural_index(lang: str, n: int) -> int:
    if lang == "fr":
        return 0 if n in (0, 1) else 1
    return 0 if n == 1 else 1


def _forms(context: str, text: str) -> list[str] | None:
    if _active == "en":
        return None
    return _catalogue(_active, resources_dir() / "i18n" / f"regie_{_active}.ts").get(
        (context, text)
    )


def tr_cli(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the active language; `%n` becomes `n` (the signature is Qt's, so lupdate
    extracts these calls like `QCoreApplication.translate`)."""
    del disambiguation
    forms = _forms(context, text)
    if forms and n >= 0 and len(forms) == 1 and " | " in forms[0]:
        # A plural not marked as such by lupdate: "singular | plural" (see installer/i18n.py).
        forms = forms[0].split(" | ")
    if forms:
        out = forms[min(_plural_index(_active, n), len(forms) - 1)] if n >= 0 else forms[0]
    else:
        out = text
    return out.replace("%n", number(n)) if n >= 0 else out


def core_text(context: str, text: str, **params: object) -> str:
    """A sentence the core marked with `QT_TRANSLATE_NOOP` (the window translates the same
    one), in the active language, its fields filled. Not named `tr_cli`: lupdate would
    take the variable for a source string."""
    forms = _forms(context, text)
    out = forms[0] if forms else text
    return out.format(**params) if params else out


def label(text: str) -> str:
    """A display label from the core (statuses, modes, verdicts…), as the window says it."""
    return core_text("labels", text)


def error_text(err: RegieError) -> str:
    """A known error as the command line says it: what happened, then what to do (its
    own `cli_fix` when it has one), both translated with the error's context."""
    params = {
        k: error_text(v) if isinstance(v, RegieError) else v for k, v in err.params.items()
    }
    msg = core_text(err.context, err.message).format(**params)
    fix = err.cli_fix or err.fix
    if fix:
        msg += " " + core_text(err.context, fix).format(**params)
    return msg


# French groups thousands with a narrow no-break space, as Qt's French locale does.
GROUP_FR = "\u202f"
_NUMBER = re.compile(r"(-?)(\d+)((?:\.\d+)?(?:e[+-]?\d+)?)")


def number(value: float | str, spec: str = "") -> str:
    """A number as the active language writes it: "1 234,5" in French; in English as
    Python prints it. `spec` is a format spec (".1f", "g")."""
    text = value if isinstance(value, str) else format(value, spec)
    if _active != "fr":
        return text
    match = _NUMBER.fullmatch(text)
    if match is None:
        return text
    sign, whole, rest = match.groups()
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + GROUP_FR.join(groups) + rest.replace(".", ",")


def value_text(value: object) -> str:
    """Any value of a human listing: numbers the local way, the rest as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return number(value)


_DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAYS_FR_SHORT = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def when(moment: date, english: str, french: str) -> str:
    """`moment` formatted with `english` (strftime), or `french` under French: there
    %A, %a and %B are French words whatever the system's locale (the window's words,
    "mardi 24 novembre 2026") and %-d the bare day; a datetime is shown in local time."""
    if isinstance(moment, datetime):
        moment = moment.astimezone()
    if _active != "fr":
        return moment.strftime(english)
    words = {
        "%A": _DAYS_FR[moment.weekday()],
        "%a": _DAYS_FR_SHORT[moment.weekday()],
        "%B": _MONTHS_FR[moment.month - 1],
        "%-d": str(moment.day),  # the day without its leading zero: "mardi 3 mars"
    }
    fmt = re.sub(r"%-d|%[AaB]", lambda m: words[m.group()].replace("%", "%%"), french)
    return moment.strftime(fmt)


def word(value: str, source: str) -> str:
    """A status, mode or verdict in a human listing: its code in English (the word
    scripts and colleagues already know, e.g. "planned"), the window's label otherwise
    (`source` is the English label the core marked in context "labels")."""
    return value if _active == "en" else label(source)


def colon(name: str, value: object) -> str:
    """"name: value" the way the language writes it (French puts a no-break space before
    the colon): a field and its value, or the program's name before its message."""
    return tr_cli("Cli", "{name}: {value}").format(name=name, value=value)
