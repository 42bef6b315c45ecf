"""Keyboard use, in French: the shortcuts are written where a person looks for them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QToolButton
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from tests.ui.screens import areas, french_desk


def _forms(keys: QKeySequence) -> set[str]:
    """The ways a tooltip may write `keys` (the system's words, or Qt's portable ones)."""
    return {
        keys.toString(fmt).replace(" ", "").lower()
        for fmt in (QKeySequence.SequenceFormat.NativeText,
                    QKeySequence.SequenceFormat.PortableText)
    }


def _says(tip: str, keys: QKeySequence) -> bool:
    flat = tip.replace(" ", "").replace("\u00a0", "").lower()
    return any(form in flat for form in _forms(keys))


def test_buttons_with_a_shortcut_show_it_in_their_tooltip(
    qtbot: QtBot, config: AppConfig
) -> None:
    silent: list[str] = []
    with french_desk(qtbot, config) as desk:
        for key, area in areas(desk):
            for button in area.findChildren(QAbstractButton):
                if not button.isVisibleTo(area) or button.objectName().startswith("qt_"):
                    continue
                action = button.defaultAction() if isinstance(button, QToolButton) else None
                keys = action.shortcut() if action is not None else button.shortcut()
                tip = action.toolTip() if action is not None else button.toolTip()
                if keys.isEmpty() or keys == QKeySequence.mnemonic(button.text()):
                    continue  # none, or the Alt+letter underlined in the text itself
                if not _says(tip, keys):
                    silent.append(f"{key}: {button.text()!r} ({keys.toString()}) tip {tip!r}")
        view = desk.window.view_menu
        assert view is not None
        assert all(not a.shortcut().isEmpty() for a in view.actions()[:9])
    assert not silent, "\n".join(silent)
