"""No Alt+letter does two things: in each window (the main window with each area, each
dialog) and in each menu, every visible mnemonic is used once, in French."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from tests.ui.mnemonics import duplicates, menu_mnemonics, mnemonic, window_mnemonics
from tests.ui.screens import areas, dialogs, french_desk


def test_mnemonic_reading() -> None:
    assert mnemonic("&Fichier") == "f"
    assert mnemonic("Lis&te\u00a0:") == "t"
    assert mnemonic("Sons && images") is None
    assert mnemonic("Sons && &images") == "i"


def test_no_mnemonic_is_used_twice(qtbot: QtBot, config: AppConfig) -> None:
    clashes: list[str] = []
    with french_desk(qtbot, config) as desk:
        window = desk.window
        for key, _area in areas(desk):
            for letter, texts in duplicates(window_mnemonics(window)).items():
                clashes.append(f"window with {key}: Alt+{letter} → {texts}")
        for menu in window.findChildren(QMenu):
            if isinstance(menu.parent(), QMenuBar) and not menu.title():
                continue  # the menu bar's overflow repeats the bar's titles
            for letter, texts in duplicates(menu_mnemonics(menu)).items():
                owner = menu.parent()
                where = menu.title() or (owner.objectName() if owner is not None else "")
                clashes.append(f"menu {where}: Alt+{letter} → {texts}")
        for name, dialog in dialogs(qtbot, desk):
            for letter, texts in duplicates(window_mnemonics(dialog)).items():
                clashes.append(f"dialog {name}: Alt+{letter} → {texts}")
    assert not clashes, "\n".join(clashes)
