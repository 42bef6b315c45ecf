"""Every screen of the desk, in French (the longer language): each work area shown in
the window and each dialog opened the way a person opens it, on the demo network."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.models import SessionStatus
from app.services import load_demo_network, open_services
from app.ui.choosers import SessionChoiceDialog, StaffChoiceDialog
from app.ui.desk import Desk
from app.ui.i18n import install_translators
from app.ui.licences import LicencesArea
from app.ui.main_window import MainWindow
from tests.support.fixtures import FIXED_NOW

ATTENDANCE = "&Fréquentation…"  # the session action's French text


@contextmanager
def french_desk(qtbot: QtBot, config: AppConfig) -> Iterator[Desk]:
    """The desk on the demo network, in French, shown and loaded; closed afterwards."""
    s = open_services(config)
    load_demo_network(s, FIXED_NOW)
    s.close()
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "fr")
    desk = Desk(config, offer_demo=False)
    try:
        qtbot.addWidget(desk.window)
        desk.window.show()
        with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
            desk.open()
        yield desk
    finally:
        desk.window.close()
        desk.close()
        for t in translators:
            app.removeTranslator(t)


def areas(desk: Desk) -> Iterator[tuple[str, QWidget]]:
    """Each work area, shown in the window."""
    for area in desk.window.areas:
        desk.window.show_area(area.key)
        QCoreApplication.processEvents()
        yield area.key, area.widget


def _opened(qtbot: QtBot, window: QWidget, before: set[QDialog]) -> QDialog:
    def found() -> QDialog | None:
        new = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
        return new[0] if new else None

    qtbot.waitUntil(lambda: found() is not None, timeout=10_000)
    dialog = found()
    assert dialog is not None
    return dialog


def _show_and_trigger(window: MainWindow, key: str, action: QAction) -> None:
    window.show_area(key)
    action.trigger()


def dialogs(qtbot: QtBot, desk: Desk) -> Iterator[tuple[str, QDialog]]:
    """Each dialog of the desk, opened as a person opens it (the choosers, which other
    dialogs open, are made directly), closed after the caller looked at it."""
    window = desk.window
    sessions = desk.sessions_area()
    window.show_area("sessions")
    planned = next(
        sessions.model.row_at(i) for i in range(sessions.model.rowCount())
        if sessions.model.row_at(i).status is SessionStatus.PLANNED
    )
    licences = window.area("licences")
    assert isinstance(licences, LicencesArea)
    openers: list[tuple[str, Callable[[], object]]] = [
        ("new session", sessions.new_action.trigger),
        ("edit session", sessions.edit_action.trigger),
        ("attendance", next(a for a in sessions.actions() if a.text() == ATTENDANCE).trigger),
        ("licence", lambda: _show_and_trigger(window, "licences", licences.add_action)),
        ("network database", desk.network_dialog),
    ]
    for name, open_it in openers:
        sessions.select_session(planned.id)
        before = set(window.findChildren(QDialog))
        open_it()
        dialog = _opened(qtbot, window, before)
        QCoreApplication.processEvents()
        yield name, dialog
        dialog.reject()
    services = desk.services
    assert services is not None
    made: list[tuple[str, QDialog]] = [
        ("who launches", StaffChoiceDialog(
            services.references.staff, title="Qui lance Zoom ?", question="Choisissez votre nom.",
            confirm="&Lancer Zoom", parent=window,
        )),
        ("which session", SessionChoiceDialog(services, parent=window)),
    ]
    for name, dialog in made:
        dialog.show()
        QCoreApplication.processEvents()
        yield name, dialog
        dialog.reject()
        dialog.deleteLater()
