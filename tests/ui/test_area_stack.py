"""The stack of work areas answers for the area shown: an area that was tall a moment
ago (a camera check with its wrapped verdicts) must not keep the next one scrolling."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import Area, MainWindow


def _tall() -> QWidget:
    area = QWidget()
    layout = QVBoxLayout(area)
    for _ in range(40):
        text = QLabel("A verdict with its advice, long enough to wrap on a narrow window. " * 3)
        text.setWordWrap(True)  # height for width, as the camera check's advice
        layout.addWidget(text)
    return area


def test_the_stack_answers_for_the_area_shown(qtbot: QtBot) -> None:
    short, tall = QLabel("Aujourd'hui"), _tall()
    short.setWordWrap(True)
    window = MainWindow([Area("short", "Short", short), Area("tall", "Tall", tall)])
    qtbot.addWidget(window)
    window.resize(1280, 768)
    window.show()
    qtbot.waitExposed(window)
    width = window.area_scroll.viewport().width()
    window.show_area("tall")
    assert window.stack.heightForWidth(width) == tall.heightForWidth(width) > 768
    window.show_area("short")
    assert window.stack.heightForWidth(width) == short.heightForWidth(width) < 100
