"""Every control of every area can be named by a screen reader and reached by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.services import load_demo_network, open_services
from app.ui.desk import Desk
from tests.support.fixtures import FIXED_NOW

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
            QLineEdit, QPlainTextEdit, QTextEdit)


def _inner_part(w: QWidget) -> bool:
    """Sub-widgets Qt builds inside a composite control (a combo's line edit, a spin
    box's line edit, a table's corner button) are named through their owner."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        if isinstance(parent, QAbstractItemView) and w is not parent:
            return True
        parent = parent.parentWidget()
    return False


def _has_shortcut(w: QWidget) -> bool:
    """Toolbar buttons take no focus; their action's shortcut is their keyboard path."""
    if isinstance(w, QToolButton) and w.defaultAction() is not None:
        action = w.defaultAction()
        return bool(action.shortcut().toString()) or "&" in action.text()
    return isinstance(w, QAbstractButton) and bool(w.shortcut().toString())


def test_all_areas_have_named_focusable_controls(qtbot: QtBot, config: AppConfig) -> None:
    s = open_services(config)
    load_demo_network(s, FIXED_NOW)
    s.close()
    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
        desk.open()
    unnamed: list[str] = []
    unreachable: list[str] = []
    for area in desk.window.areas:
        desk.window.show_area(area.key)
        for w in area.widget.findChildren(QWidget):
            if not isinstance(w, CONTROLS) or not w.isVisibleTo(area.widget) or _inner_part(w):
                continue
            if w.objectName().startswith("qt_"):  # Qt's own parts (toolbar overflow arrow)
                continue
            text = w.text() if isinstance(w, QAbstractButton) else ""
            if not (w.accessibleName() or text.replace("&", "").strip()):
                unnamed.append(f"{area.key}: {type(w).__name__} {w.objectName()!r}")
            if w.isEnabled() and w.focusPolicy() == Qt.FocusPolicy.NoFocus and not (
                _has_shortcut(w)
            ) and "&" not in text:
                unreachable.append(f"{area.key}: {type(w).__name__} {text or w.accessibleName()!r}")
    desk.window.close()
    desk.close()
    assert not unnamed, unnamed
    assert not unreachable, unreachable
