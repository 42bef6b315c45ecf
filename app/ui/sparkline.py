"""A small painted trend line: one criterion's figures over a device's checks, each point
coloured (and shaped) by its verdict, so a drift shows at a glance and in black and white."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.checks import Verdict
from app.core.equipment import Point

_COLOURS = {
    Verdict.PASS: QColor("#2e7d32"),
    Verdict.WARN: QColor("#b26a00"),
    Verdict.FAIL: QColor("#c62828"),
}


def _triangle(at: QPointF) -> list[QPointF]:
    """A warning's mark: an upward triangle around `at`, like ▲."""
    return [at + QPointF(0, -5), at + QPointF(4.5, 3.5), at + QPointF(-4.5, 3.5)]


class Sparkline(QWidget):
    """The figures of one criterion, oldest on the left; points without a number (a
    yes/no criterion) sit on the middle line, their verdict still shown."""

    def __init__(self, points: list[Point], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = points
        self.setMinimumSize(120, 36)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(220, 40)

    def positions(self) -> list[QPointF]:
        """Where each point is drawn (also what the tests read)."""
        box = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        values = [p.value for p in self.points if p.value is not None]
        low, high = (min(values), max(values)) if values else (0.0, 0.0)
        span = high - low
        n = len(self.points)
        out = []
        for i, p in enumerate(self.points):
            x = box.left() + (box.width() * i / (n - 1) if n > 1 else box.width() / 2)
            if p.value is None or span == 0:
                y = box.center().y()
            else:
                y = box.bottom() - (p.value - low) / span * box.height()
            out.append(QPointF(x, y))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        where = self.positions()
        painter.setPen(QPen(self.palette().text().color(), 1.2))
        for a, b in itertools.pairwise(where):
            painter.drawLine(a, b)
        for p, at in zip(self.points, where, strict=True):
            colour = _COLOURS[p.verdict]
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour if p.verdict is not Verdict.FAIL else Qt.BrushStyle.NoBrush)
            # Shapes as the verdict words' symbols, readable without colour: ✖ ▲ ●.
            if p.verdict is Verdict.FAIL:
                painter.drawLine(at + QPointF(-4, -4), at + QPointF(4, 4))
                painter.drawLine(at + QPointF(-4, 4), at + QPointF(4, -4))
            elif p.verdict is Verdict.WARN:
                painter.drawPolygon(QPolygonF(_triangle(at)))
            else:
                painter.drawEllipse(at, 3.5, 3.5)
        painter.end()
