"""In the real window: a check screen opened from a session is for it; reached from the
sidebar, it is for none (its save asks which session)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.services import open_services
from app.ui.audio_check import AudioCheckArea
from app.ui.camera_check import CameraCheckArea
from app.ui.desk import Desk
from tests.ui.check_targets import add_sessions


def session_of(area: CameraCheckArea | AudioCheckArea) -> int | None:
    return area.session_id


def test_sidebar_reaches_a_check_screen_without_a_session(
    qtbot: QtBot, config: AppConfig
) -> None:
    services = open_services(config)
    ids = add_sessions(services)
    services.close()
    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
        desk.open()
    window = desk.window
    sessions = desk.sessions_area()
    keys = [a.key for a in window.areas]
    for key, shortcut, kind in (("camera", "Ctrl+Shift+C", CameraCheckArea),
                                ("audio", "Ctrl+Shift+S", AudioCheckArea)):
        window.show_area("sessions")
        assert sessions.select_session(ids["today"])
        action = next(a for a in sessions.actions() if a.shortcut().toString() == shortcut)
        action.trigger()
        area = window.area(key)
        assert isinstance(area, kind)
        assert window.stack.currentWidget() is area
        assert session_of(area) == ids["today"]
        assert "Atelier numérique" in area.session_label.text()

        window.sidebar.setCurrentRow(keys.index("sessions"))  # as a click in the sidebar
        window.sidebar.setCurrentRow(keys.index(key))
        assert session_of(area) is None
        assert "you will be asked which session" in area.session_label.text()
    window.close()
    desk.close()
