"""Helpers of the desk tests: a demo network at the fixed "now", a desk opened on it at the
size of a small laptop screen, and a driver that clicks and types like an agent while
counting what it did and photographing each screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.models import SessionRow
from app.services import Services, load_demo_network, open_services
from app.ui.desk import Desk
from app.ui.today import TodayArea
from tests.support.fixtures import FIXED_NOW

SCREEN = (1366, 768)


def load_demo(config: AppConfig) -> None:
    services = open_services(config)
    try:
        load_demo_network(services, FIXED_NOW)
    finally:
        services.close()


def demo_row(config: AppConfig, title: str) -> SessionRow:
    """The demo session of the fixed day with this title."""
    services: Services = open_services(config)
    try:
        return next(
            r for r in services.sessions.list()
            if r.title == title and r.start.astimezone().date() == FIXED_NOW.date()
        )
    finally:
        services.close()


def open_desk(qtbot: QtBot, config: AppConfig) -> Desk:
    """The desk on an existing network, shown at 1366×768, Aujourd'hui read."""
    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.resize(*SCREEN)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
        desk.open()
    qtbot.waitUntil(lambda: desk.today_area().data is not None, timeout=10_000)
    activate(qtbot, desk.window)
    return desk


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make `window` the active one: shortcuts and mnemonics go there."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def today(desk: Desk) -> TodayArea:
    return desk.today_area()


class Agent:
    """Drives the window with real mouse and key events, counting them, and saves a
    picture of each screen it reaches (`shot`)."""

    def __init__(self, qtbot: QtBot, shots: Path | None = None) -> None:
        self.qtbot = qtbot
        self.shots = shots
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
        self.clicks = 0
        self.keys = 0
        self.pictures: list[Path] = []

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        # A widget laid out in a shown window appears with the next turn of the loop.
        self.qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=5000)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())
        self.clicks += 1

    def press(self, button: QAbstractButton) -> None:
        """A button, clicked."""
        self.click(button)

    def type(self, widget: QWidget, text: str) -> None:
        self.qtbot.keyClicks(widget, text)
        self.keys += len(text)

    def key(self, widget: QWidget, key: Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.keys += 1

    def pick(self, combo: QComboBox, text: str) -> None:
        """Move a closed combo that has the focus to `text` with the arrow keys (typed
        letters would depend on how fast they follow each other)."""
        target = combo.findText(text)
        assert target >= 0, text
        while combo.currentIndex() != target:
            down = combo.currentIndex() < target
            self.key(combo, Qt.Key.Key_Down if down else Qt.Key.Key_Up)

    def shot(self, name: str, widget: QWidget) -> Path:
        assert self.shots is not None, "a driver without a folder for its pictures"
        path = self.shots / f"{len(self.pictures) + 1:02d}-{name}.png"
        assert widget.grab().save(str(path)), path
        self.pictures.append(path)
        return path
