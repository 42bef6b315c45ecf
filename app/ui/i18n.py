"""Translation helpers: installing the French catalogue and translating core strings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import resources_dir
from app.errors import RegieError


def core_text(context: str, text: str, **params: object) -> str:
    """Translate a source string marked with QT_TRANSLATE_NOOP, then fill its fields.

    Not named `tr`: lupdate would take its first argument for a source string.
    """
    out = QCoreApplication.translate(context, text)
    return out.format(**params) if params else out


def label(text: str) -> str:
    """A display label from the core (statuses, modes, verdicts…)."""
    return QCoreApplication.translate("labels", text)


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
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    return loaded
