"""What the window does with an error a screen meets.

A known problem (`RegieError`) is said to the user, translated, with what to do next.
Anything else is a bug: it is raised again, and from a Qt slot a raised exception goes to
`sys.excepthook`, which `app.crash` makes a crash log and its dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import RegieError
from app.ui.i18n import error_text


def known(err: BaseException) -> RegieError:
    """`err` as the known problem it is; a bug is raised again, for the crash handler."""
    if not isinstance(err, RegieError):
        raise err
    return err


def warn(parent: QWidget, title: str, err: BaseException) -> None:
    """A known problem in a warning box with its translated text; a bug is raised again."""
    QMessageBox.warning(parent, title, error_text(known(err)))
