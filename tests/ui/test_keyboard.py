"""Keyboard use, in French: the shortcuts are written where a person looks for them."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QScrollBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.checklists import StepState
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.services import Services
from tests.ui.screens import areas, dialogs, french_desk
from tests.ui.test_checklists import make_area, seed, select


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


def test_a_stray_space_does_not_untick_an_automatic_tick(qtbot: QtBot, services: Services) -> None:
    ids = seed(services)
    cam = CheckResult(CheckKind.CAMERA, "Webcam", {"light": Criterion("light", 120, Verdict.PASS)})
    services.checks.save(cam, operator="t", session_id=ids["session"])
    area = make_area(qtbot, services)
    area.for_session.setChecked(True)
    select(area.session_combo, ids["session"])
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    tree = area.dc_tree
    tree.setFocus()
    auto = area.step_item("test-camera")
    assert auto.checkState(0) == Qt.CheckState.Checked
    tree.setCurrentItem(auto)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    auto = area.step_item("test-camera")
    assert auto.checkState(0) == Qt.CheckState.Checked
    assert area.run is not None and area.run.record("test-camera").state is StepState.DONE
    assert "automatic" in auto.toolTip(0)
    # A step ticked by hand still takes the keyboard both ways.
    tree.setCurrentItem(area.step_item("webcam"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert area.step_item("webcam").checkState(0) == Qt.CheckState.Checked
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert area.step_item("webcam").checkState(0) == Qt.CheckState.Unchecked


def _tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets of `root` that Tab visits, in the order it visits them."""
    stops = [
        w for w in root.findChildren(QWidget)
        if w.isVisibleTo(root) and w.isEnabled() and w.focusProxy() is None
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollBar)  # beside what it scrolls, top to bottom
    ]
    if not stops:
        return []
    chain: list[QWidget] = []
    w = root.nextInFocusChain()  # from the area itself, round its window's cycle
    for _ in range(5000):
        if w is None or w is root:
            break
        if w in stops and w not in chain:
            chain.append(w)
        w = w.nextInFocusChain()
    return chain


def _backwards(where: str, root: QWidget) -> list[str]:
    """Each Tab that goes back up the screen (reading order: down, then right)."""
    chain = _tab_chain(root)
    out = []
    for a, b in pairwise(chain):
        ya, yb = a.mapTo(root, QPoint(0, 0)).y(), b.mapTo(root, QPoint(0, 0)).y()
        if yb < ya - 10 and not (a.isAncestorOf(b) or b.isAncestorOf(a)):
            out.append(
                f"{where}: Tab goes up from {type(a).__name__} {a.accessibleName()!r}"
                f" to {type(b).__name__} {b.accessibleName()!r}"
            )
    return out


def test_tab_follows_the_reading_order(qtbot: QtBot, config: AppConfig) -> None:
    wrong: list[str] = []
    with french_desk(qtbot, config) as desk:
        desk.window.resize(1300, 760)
        for key, area in areas(desk):
            wrong += _backwards(key, area)
        for name, dialog in dialogs(qtbot, desk):
            wrong += _backwards(name, dialog)
    assert not wrong, "\n".join(wrong)
