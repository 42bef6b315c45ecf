"""The keyboard focus shows on every widget that can take it, in every area: a ring in
the focus colour around the widget, whatever the platform style draws."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.ui import colours
from app.ui.focus import FocusRing, ring_of
from tests.ui.screens import areas, dialogs, french_desk


def _focusable(root: QWidget) -> list[QWidget]:
    return [
        w for w in root.findChildren(QWidget)
        if w.isVisibleTo(root) and w.isEnabled() and not isinstance(w, FocusRing)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
        and w.width() > 6 and w.height() > 6
    ]


def _ring_shows(qtbot: QtBot, w: QWidget) -> str:
    """'' when `w`, given the focus, is framed in the focus colour; else what is wrong."""
    w.setFocus(Qt.FocusReason.TabFocusReason)
    QCoreApplication.processEvents()
    if QApplication.focusWidget() is not w:
        return "skip"  # it passes the focus on (e.g. to an inner editor), checked there
    ring = ring_of(w)
    if ring is None or not ring.isVisible() or ring.geometry() != w.rect():
        return "no ring"
    pixel = QColor(w.grab().toImage().pixel(1, w.height() // 2))
    if pixel.name() != colours.FOCUS.fg:
        return f"edge is {pixel.name()}"
    return ""


def _active(window: QWidget) -> Callable[[], bool]:
    return lambda: QApplication.activeWindow() is window


def test_every_focusable_widget_shows_the_focus(qtbot: QtBot, config: AppConfig) -> None:
    hidden: list[str] = []
    seen = 0
    with french_desk(qtbot, config) as desk:
        window = desk.window
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        for key, area in areas(desk):
            previous: QWidget | None = None
            for w in _focusable(area):
                problem = _ring_shows(qtbot, w)
                if problem == "skip":
                    continue
                seen += 1
                if problem:
                    hidden.append(f"{key}: {type(w).__name__} {w.accessibleName()!r}: {problem}")
                if previous is not None and (ring := ring_of(previous)) and ring.isVisible():
                    hidden.append(f"{key}: the ring stays on {type(previous).__name__}")
                previous = w
        for name, dialog in dialogs(qtbot, desk):
            dialog.activateWindow()
            qtbot.waitUntil(_active(dialog), timeout=5000)
            for w in _focusable(dialog):
                problem = _ring_shows(qtbot, w)
                if problem == "skip":
                    continue
                seen += 1
                if problem:
                    hidden.append(f"{name}: {type(w).__name__} {w.accessibleName()!r}: {problem}")
    assert seen > 80, seen
    assert not hidden, "\n".join(hidden)


def test_the_ring_repaints_only_where_it_is_drawn(qtbot: QtBot) -> None:
    """A repaint inside the focused widget (a preview frame, a table's rows) leaves the
    ring alone; one that reaches the edge repaints it, so it stays on top."""
    from PySide6.QtCore import QRect

    target = QWidget()
    qtbot.addWidget(target)
    target.resize(200, 120)
    target.show()
    qtbot.waitExposed(target)
    ring = FocusRing(target)
    ring.show()
    painted: list[QRect] = []
    real = ring.paintEvent

    def counting(event: QPaintEvent) -> None:
        painted.append(event.rect())
        real(event)

    ring.paintEvent = counting  # type: ignore[method-assign]
    QApplication.processEvents()
    painted.clear()
    target.repaint(QRect(40, 30, 100, 60))
    assert painted == []
    target.repaint()
    assert painted
    target.resize(300, 150)
    QApplication.processEvents()
    assert ring.geometry() == target.rect()
    assert not ring.mask().contains(target.rect().center())
    assert ring.mask().contains(target.rect().topLeft())
