"""File → Network database…: point this computer at the network's PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import colours
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.workers import CancelToken, Pool, run_task

R = TypeVar("R")


class NetworkDatabaseDialog(QDialog):
    """Try a server, then keep it for the next start; the password goes to the keyring.

    Connecting and writing the keyring may take a moment (a remote server, D-Bus): both
    run in workers and the dialog says what happened and what to do next.
    """

    chosen = Signal(object)  # the URL kept (without password), or None for the local file

    def __init__(
        self, current: str | None, *, pool: Pool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self.setWindowTitle(self.tr("Network database"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Every computer of the network can share one PostgreSQL database, so that "
                "licence bookings are seen everywhere at once. Ask your technician for its "
                "address. The password is kept in this computer's password store."
            )
        )
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(current or "")
        self.url_edit.setPlaceholderText("postgresql://regie@serveur/regie")
        self.url_edit.setAccessibleName(self.tr("Server address"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("(already in the password store)"))
        self.password_edit.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        url_label = QLabel(self.tr("&Address:"))
        url_label.setBuddy(self.url_edit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(url_label, self.url_edit)
        form.addRow(password_label, self.password_edit)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.test_button = QPushButton(self.tr("&Test the connection"))
        self.use_button = QPushButton(self.tr("&Use this database"))
        self.local_button = QPushButton(self.tr("Back to the &local database"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.test_button.clicked.connect(self.test_connection)
        self.use_button.clicked.connect(self.use_database)
        self.local_button.clicked.connect(self.use_local)
        self.close_button.clicked.connect(self.reject)
        self.local_button.setEnabled(current is not None)
        buttons = QHBoxLayout()
        for b in (self.test_button, self.use_button, self.local_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

    def _url(self) -> str | None:
        url = self.url_edit.text().strip()
        if not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            self._show(
                False,
                self.tr("Type the server's address, e.g. postgresql://regie@serveur/regie."),
            )
            self.url_edit.setFocus()
            return None
        return url

    def _run(self, job: Callable[[], R], done: Callable[[R], None]) -> None:
        for b in (self.test_button, self.use_button, self.local_button):
            b.setEnabled(False)
        self._show(None, self.tr("Connecting…"))

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> R:
            return job()

        def finish() -> None:
            self.test_button.setEnabled(True)
            self.use_button.setEnabled(True)
            self.local_button.setEnabled(True)

        def ok(value: R) -> None:
            finish()
            done(value)

        def failed(err: BaseException) -> None:
            finish()
            self._show(False, error_text(known(err)))

        run_task(work, on_success=ok, on_error=failed, pool=self._pool, parent=self)

    def test_connection(self) -> None:
        from app.services.database import try_database

        url = self._url()
        if url is None:
            return
        password = self.password_edit.text()
        self._run(
            lambda: try_database(url, password),
            lambda where: self._show(
                True, self.tr("Connected to %1.").replace("%1", str(where))
            ),
        )

    def use_database(self) -> None:
        from app.services.database import choose_database, try_database

        url = self._url()
        if url is None:
            return
        password = self.password_edit.text()

        def job() -> str | None:
            try_database(url, password)  # never keep an address that does not answer
            return choose_database(url, password)

        def done(kept: str | None) -> None:
            self.password_edit.clear()
            self._show(
                True,
                self.tr("Régie will open %1 from its next start. Restart Régie now.").replace(
                    "%1", str(kept)
                ),
            )
            self.chosen.emit(kept)

        self._run(job, done)

    def use_local(self) -> None:
        from app.services.database import choose_database

        def done(_kept: str | None) -> None:
            self._show(
                True, self.tr("Régie will open the database of this computer from its next start.")
            )
            self.chosen.emit(None)

        self._run(lambda: choose_database(None), done)

    def _show(self, ok: bool | None, text: str) -> None:
        symbol = "" if ok is None else ("✔ " if ok else "✖ ")
        color = "" if ok is None else (
            f"color: {colours.OK_TEXT};" if ok else f"color: {colours.ERROR_TEXT};"
        )
        self.result_label.setStyleSheet(f"QLabel {{ {color} font-weight: bold; }}" if color else "")
        self.result_label.setText(symbol + text)
