"""A visible keyboard focus on every widget, whatever the platform style draws.

Styles show focus differently (a dotted line, a faint glow, sometimes nothing on a flat
button or a list): a ring in the focus colour is laid over the widget that has the
focus, a dark line with a light one inside, so that it shows on any background.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from app.ui import colours

RING_WIDTH = 2  # pixels of the dark ring; a 1-pixel light ring lies inside it


class FocusRing(QWidget):
    """Drawn over its parent, the widget with the focus; it lets every click through."""

    def __init__(self, target: QWidget) -> None:
        from PySide6.QtCore import Qt  # here, not at start-up: 25 ms of enums

        super().__init__(target)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        target.installEventFilter(self)
        self._fit(target.rect())

    def _fit(self, rect: QRect) -> None:
        """Cover the target, but only along the ring: the ring is a widget over the
        target, and without a mask every repaint of the target (a preview frame, a
        table's rows) would repaint it too, running its Python paint each time."""
        self.setGeometry(rect)
        inner = RING_WIDTH + 1
        self.setMask(QRegion(self.rect()).subtracted(
            QRegion(self.rect().adjusted(inner, inner, -inner, -inner))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        target = self.parentWidget()
        if target is not None and watched is target and event.type() == QEvent.Type.Resize:
            self._fit(target.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtCore import Qt

        del event
        p = QPainter(self)
        try:
            outer = QRect(self.rect())
            p.setPen(QPen(QColor(colours.FOCUS.fg), RING_WIDTH, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin))
            p.drawRect(outer.adjusted(1, 1, -1, -1))
            p.setPen(QPen(QColor(colours.FOCUS.bg), 1))
            p.drawRect(outer.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH - 1, -RING_WIDTH - 1))
        finally:
            p.end()


def ring_of(widget: QWidget) -> FocusRing | None:
    """The ring laid over `widget`, if it ever had the focus."""
    for child in widget.children():
        if isinstance(child, FocusRing):
            return child
    return None


def _shows_ring(widget: QWidget | None) -> bool:
    return (
        widget is not None
        and not widget.isWindow()
        and not isinstance(widget, (QMenu, QMenuBar, FocusRing))
    )


def _focus_changed(old: QWidget | None, new: QWidget | None) -> None:
    if _shows_ring(old):
        assert old is not None
        ring = ring_of(old)
        if ring is not None:
            ring.hide()
    if _shows_ring(new):
        assert new is not None
        ring = ring_of(new) or FocusRing(new)
        ring.setGeometry(new.rect())
        ring.raise_()
        ring.show()


def install_focus_rings(app: QApplication) -> None:
    """Show the ring on whatever gets the focus from now on (once per application)."""
    if app.property("regie_focus_rings"):
        return
    app.setProperty("regie_focus_rings", True)
    app.focusChanged.connect(_focus_changed)
