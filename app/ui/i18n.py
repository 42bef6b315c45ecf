"""Translation helpers: installing the French catalogue and translating core strings."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

from app.config import resources_dir
from app.errors import RegieError


def core_text(context: str, text: str, **params: object) -> str:
    """Translate a source string marked with QT_TRANSLATE_NOOP, then fill its fields.

    Not named `tr`: lupdate would take its first argument for a source string.
    """
    out = QCoreApplication.translate(context, text)
    return out.format(**params) if params else out


def plural(translated: str, n: int) -> str:
    """The form for `n` of a sentence with %n, looked up without its count.

    lupdate marks only `self.tr(text, "", n)` calls as plurals; a
    `QCoreApplication.translate(context, text, "", n)` entry is a plain one, which Qt then
    never finds (it looks for a plural) and the sentence stays English. So such sentences
    are looked up without `n` and their French carries both forms, "singular | plural"."""
    forms = translated.split(" | ")
    french = QLocale().language() == QLocale.Language.French
    index = (0 if n in (0, 1) else 1) if french else (0 if n == 1 else 1)
    return forms[min(index, len(forms) - 1)].replace("%n", QLocale().toString(n))


def label(text: str) -> str:
    """A display label from the core (statuses, modes, verdicts…)."""
    return QCoreApplication.translate("labels", text)


def number(value: float, decimals: int | None = None) -> str:
    """A number as the interface's language writes it (French: 48 000 ; 12,5), with a
    true minus sign. Integers keep no decimals; floats keep `decimals` (default: as few as
    show the value, at most 2)."""
    locale = QLocale()
    if isinstance(value, int) and decimals is None:
        text = locale.toString(value)
    else:
        places = 2 if decimals is None else decimals
        text = locale.toString(float(value), "f", places)
        if decimals is None and locale.decimalPoint() in text:
            text = text.rstrip("0").rstrip(locale.decimalPoint())
    return text.replace("-", "−")


def percent(value: float, decimals: int = 0) -> str:
    """A share (0.5 → « 50 % ») in the interface's language."""
    return QLocale().toString(value * 100.0, "f", decimals) + "\u202f%"


def short_datetime(at: datetime) -> str:
    """A date and hour in the short form of the interface's language."""
    local = at.astimezone()
    day = QLocale().toString(QDate(local.year, local.month, local.day),
                             QLocale.FormatType.ShortFormat)
    return f"{day} {QLocale().toString(QTime(local.hour, local.minute), 'HH:mm')}"


def error_text(err: RegieError) -> str:
    """The whole sentence for a known error: what happened, then what to do (in the
    window: `fix`, never the command line's `cli_fix`)."""
    params = {k: error_text(v) if isinstance(v, RegieError) else v for k, v in err.params.items()}
    msg = core_text(err.context, err.message, **params)
    if err.fix:
        msg += " " + core_text(err.context, err.fix, **params)
    return msg


def choose_language(forced: str | None) -> str:
    """'fr' when forced or when the system locale is French; English otherwise."""
    if forced:
        return forced
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Régie's catalogue and Qt's own (standard buttons…) for `lang`.

    English is the source language: nothing to load. Returns the translators so the
    caller keeps them alive.
    """
    if lang == "en":
        return []
    loaded: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"regie_{lang}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    # Qt's own dialogs (file dialogs, standard buttons, colour and font pickers): qtbase
    # holds them; qt_<lang> is the meta catalogue some builds ship instead.
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qtbase_{lang}", f"qt_{lang}"):
        qt = QTranslator(app)
        if qt.load(name, qt_path):
            app.installTranslator(qt)
            loaded.append(qt)
            break
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    return loaded
