"""What the window does with an error a screen meets.

A known problem (`RegieError`) is said to the user, translated, with what to do next.
Anything else is a bug: it is raised again, and from a Qt slot a raised exception goes to
`sys.excepthook`, which `app.crash` makes a crash log and its dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app import crash
from app.errors import RegieError
from app.ui.i18n import error_text

log = logging.getLogger(__name__)

STATUS_MS = 15_000  # how long a known problem stays in the status bar


def known(err: BaseException) -> RegieError:
    """`err` as the known problem it is; a bug is raised again, for the crash handler."""
    if not isinstance(err, RegieError):
        raise err
    return err


def warn(parent: QWidget, title: str, err: BaseException) -> None:
    """A known problem in a warning box with its translated text; a bug is raised again."""
    from PySide6.QtWidgets import QMessageBox  # its enums: made when first needed

    QMessageBox.warning(parent, title, error_text(known(err)))


def show_error(err: BaseException, origin: QObject | None = None) -> None:
    """The error path of a job that brought none of its own.

    A known problem goes to the status bar of the window the job came from (else the
    active one), where it interrupts nobody; a window without a status bar gets a
    non-modal box. A bug goes to the crash handler.
    """
    if not isinstance(err, RegieError):
        crash.report(err)
        return
    log.info("shown to the user: %s", err.text())
    text = error_text(err)
    window = _window_of(origin)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning, QApplication.applicationDisplayName(), text, parent=window
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("UnhandledErrorBox")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def _window_of(origin: QObject | None) -> QWidget | None:
    """The window `origin` belongs to, else the active window, else the main window."""
    obj = origin
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    if isinstance(obj, QWidget):
        return obj.window()
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return next((w for w in shown if isinstance(w, QMainWindow)), None)
