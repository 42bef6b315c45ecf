"""Drawing a document from the command line, where no Qt application exists yet."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QGuiApplication

from app.config import resources_dir


@contextmanager
def drawing_in(lang: str) -> Iterator[None]:
    """The QGuiApplication that drawing needs, with Régie's catalogue for `lang` (the
    command line's language) installed for the duration, as the window has it."""
    app = QGuiApplication.instance() or QGuiApplication(["regie"])
    words = QTranslator(app)
    loaded = lang != "en" and words.load(str(resources_dir() / "i18n" / f"regie_{lang}.qm"))
    if loaded:
        app.installTranslator(words)
    try:
        yield
    finally:
        if loaded:
            app.removeTranslator(words)
