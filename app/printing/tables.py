"""A table drawn on a page: the header and the total in bold, the first column to the
left, figures to the right, a rule under each row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter


def draw_rows(
    painter: QPainter,
    rows: Sequence[Sequence[str]],
    cols: Sequence[float],
    y: float,
    width: float,
    *,
    padding: float = 4,
) -> float:
    """Draws `rows` (the first one the header, the last one the total) from `y`, each
    column `cols[i]` of `width` wide; returns the height reached."""
    row_h = painter.fontMetrics().height() * 1.5
    for index, cells in enumerate(rows):
        f = QFont(painter.font())
        f.setBold(index in (0, len(rows) - 1))
        painter.setFont(f)
        left = 0.0
        for col, text in enumerate(cells):
            w = cols[col] * width
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if col == 0 else Qt.AlignmentFlag.AlignRight
            )
            painter.drawText(QRectF(left + padding, y, w - 2 * padding, row_h), int(align), text)
            left += w
        painter.drawLine(0, int(y + row_h), int(width), int(y + row_h))
        y += row_h
    f = QFont(painter.font())
    f.setBold(False)
    painter.setFont(f)
    return y
