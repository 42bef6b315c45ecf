"""The Alt+letter mnemonics a person can press in one window."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


def window_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Letter → the texts using it, among what is visible in `root` (a window, or the
    main window with the area it shows): buttons, check boxes, labels with a buddy, group
    boxes, tabs, and the menu bar's titles."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        if (m := mnemonic(text)) is not None:
            found[m].append(text)

    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or isinstance(w, QMenu):
            continue
        pressable = isinstance(w, QAbstractButton) and w.isEnabled()
        if pressable or (isinstance(w, QLabel) and w.buddy() is not None):
            add(w.text())  # type: ignore[attr-defined]
        elif isinstance(w, QGroupBox) and w.isCheckable():
            add(w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i))
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action.text())
    return dict(found)


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    """Letter → the items of one menu using it."""
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isVisible() and (m := mnemonic(action.text())) is not None:
            found[m].append(action.text())
    return dict(found)


def duplicates(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in found.items() if len(v) > 1}
