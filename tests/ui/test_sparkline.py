"""A trend's points say their verdict by shape as well as colour (✖ ▲ ●)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.core.checks import Verdict
from app.core.equipment import Point
from app.ui.sparkline import Sparkline
from tests.support.fixtures import FIXED_NOW


def _marked(line: Sparkline, at: QPointF, dx: int, dy: int) -> bool:
    """Whether the pixel at `at` + (dx, dy) is painted in a verdict's colour (not the
    line's, not the background)."""
    image = QImage(line.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    line.render(image)
    pixel = image.pixelColor(round(at.x()) + dx, round(at.y()) + dy)
    return pixel.saturation() > 80


def test_a_warning_is_a_triangle_and_a_pass_a_dot(qtbot: QtBot) -> None:
    points = [Point(FIXED_NOW, None, Verdict.PASS), Point(FIXED_NOW, None, Verdict.WARN)]
    line = Sparkline(points)
    qtbot.addWidget(line)
    line.resize(QSize(220, 40))
    dot, triangle = line.positions()
    # A triangle reaches 4 px above its point; a dot of radius 3.5 does not.
    assert _marked(line, triangle, 0, -4)
    assert not _marked(line, dot, 0, -5)
    # and the triangle's base is wider below the point than a dot is.
    assert _marked(line, triangle, 3, 3)
    assert not _marked(line, dot, 3, 3)
