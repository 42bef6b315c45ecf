"""The command line's translations, read from the same catalogue as the window's.

The CLI may not load Qt (it must start fast and run on servers without a display), so it
reads `resources/i18n/regie_<lang>.ts` itself: the French shipped with Régie is one
catalogue for both front ends. Strings are marked for extraction with `tr_cli(context, text)`
(lupdate knows the name through `-tr-function-alias translate+=tr_cli`).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from app.config import resources_dir

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


def tr_cli(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the active language; `%n` becomes `n` (the signature is Qt's, so lupdate
    extracts these calls like `QCoreApplication.translate`)."""
    del disambiguation
    forms = None
    if _active != "en":
        forms = _catalogue(_active, resources_dir() / "i18n" / f"regie_{_active}.ts").get(
            (context, text)
        )
    if forms:
        out = forms[min(_plural_index(_active, n), len(forms) - 1)] if n >= 0 else forms[0]
    else:
        out = text
    return out.replace("%n", str(n)) if n >= 0 else out
