"""The activity report as an A4 PDF: title, period, the tables by type and by branch,
then the sessions-per-week and no-show charts.

Drawn with QPdfWriter and QPainter only (QtGui, no widgets), so the report screen and
`regie report --pdf` write the same document, and the command line needs no widget layer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.report import (
    BRANCH_TITLE,
    COLUMNS,
    TOTAL_TITLE,
    TYPE_TITLE,
    ActivityReport,
    ReportLine,
    percent,
)
from app.errors import RegieError
from app.printing.standalone import drawing_in
from app.printing.tables import draw_rows

_INK = QColor("#1a1a1a")
_GRID = QColor("#c8c8c8")
_LINE = QColor("#2f5d8a")
_BAR = QColor("#2f5d8a")


def _t(text: str) -> str:
    # The report screen's context: one French catalogue for the screen and the PDF.
    return QCoreApplication.translate("report", text)


def period_text(report: ActivityReport) -> str:
    f, t = report.flt.date_from, report.flt.date_to
    start = f.strftime("%d/%m/%Y") if f else "…"
    end = t.strftime("%d/%m/%Y") if t else "…"
    where = report.branch_label or QCoreApplication.translate("report", "Whole network")
    return QCoreApplication.translate("report", "Period: {start} – {end} · {where}").format(
        start=start, end=end, where=where
    )


def write_report_pdf(report: ActivityReport, path: Path) -> None:
    """A4 report: title, period, the tables by type and branch, then the three charts.

    Needs a QGuiApplication (fonts); `write_report_pdf_standalone` makes one.
    """
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("report", "Activity report"))
    writer.setCreator("Régie")
    painter = QPainter()
    if not painter.begin(writer):
        raise RegieError(
            _N("errors", "The PDF file {path} cannot be written."),
            _N("errors", "Choose another folder, or close the file if a reader has it open."),
            path=str(path),
        )
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        width = float(page.width())
        height = float(page.height())
        y = 0.0
        font = QFont(painter.font())
        font.setPointSizeF(16)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(0, y, width, 60), QCoreApplication.translate("report", "Activity report")
        )
        y += 60
        font.setPointSizeF(9)
        font.setBold(False)
        painter.setFont(font)
        painter.drawText(QRectF(0, y, width, 30), period_text(report))
        y += 45
        y = _draw_table(painter, report, report.by_type, _t(TYPE_TITLE), y, width)
        y += 25
        y = _draw_table(painter, report, report.by_branch, _t(BRANCH_TITLE), y, width)
        chart_h = min(height * 0.3, width * 0.55)
        by_type = QCoreApplication.translate("report", "No-show by session type")
        by_branch = QCoreApplication.translate("report", "No-show by branch")
        charts: list[Callable[[QRectF], None]] = [
            lambda box: _draw_week_chart(painter, report, box),
            lambda box: _draw_no_show_chart(painter, by_type, report.by_type, box),
            lambda box: _draw_no_show_chart(painter, by_branch, report.by_branch, box),
        ]
        for draw in charts:
            if y + chart_h > height:
                writer.newPage()
                y = 0.0
            painter.save()
            try:
                draw(QRectF(0, y, width, chart_h))
            finally:
                painter.restore()
            y += chart_h + 20
    finally:
        painter.end()


def write_report_pdf_standalone(report: ActivityReport, path: Path, lang: str = "en") -> None:
    """For the command line, in its language."""
    with drawing_in(lang):
        write_report_pdf(report, path)


# ---------------------------------------------------------------------- tables
def _draw_table(
    painter: QPainter,
    report: ActivityReport,
    lines: Sequence[ReportLine],
    first: str,
    y: float,
    width: float,
) -> float:
    cols = [0.38, 0.12, 0.13, 0.13, 0.11, 0.13]
    heads = [first, *(_t(c) for c in COLUMNS)]
    rows: list[list[str]] = []
    for x in (*lines, report.total):
        label = _t(TOTAL_TITLE) if x is report.total else x.label
        rate = percent(x.no_show_rate)
        rows.append(
            [
                label,
                str(x.sessions),
                str(x.registered),
                str(x.connected),
                str(x.on_site),
                f"{rate} %" if rate else "—",
            ]
        )
    return draw_rows(painter, [heads, *rows], cols, y, width)


# ---------------------------------------------------------------------- charts
def _chart_title(painter: QPainter, title: str, box: QRectF) -> QRectF:
    """Draws the title centred on top; returns what is left of the box below it."""
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(_INK)
    title_h = painter.fontMetrics().height() * 1.8
    painter.drawText(
        QRectF(box.left(), box.top(), box.width(), title_h),
        int(Qt.AlignmentFlag.AlignCenter),
        title,
    )
    font.setBold(False)
    painter.setFont(font)
    return box.adjusted(0, title_h, 0, 0)


def _no_data(painter: QPainter, area: QRectF) -> None:
    painter.setPen(_INK)
    painter.drawText(
        area, int(Qt.AlignmentFlag.AlignCenter), QCoreApplication.translate("report", "No data")
    )


def _y_step(top: int) -> int:
    """A whole step giving at most five gridlines from 0 to `top`."""
    return max(1, math.ceil(top / 4))


def _draw_week_chart(painter: QPainter, report: ActivityReport, box: QRectF) -> None:
    """Sessions per week as a line, with the week axis and a count axis."""
    title = QCoreApplication.translate("report", "Sessions per week")
    area = _chart_title(painter, title, box)
    weeks = list(report.per_week)
    if not weeks:
        _no_data(painter, area)
        return
    fm = painter.fontMetrics()
    line_h = float(fm.height())
    top = max(1, *(n for _d, n in weeks))
    step = _y_step(top)
    top = step * math.ceil(top / step)
    label_w = float(fm.horizontalAdvance(str(top))) + 8
    plot = area.adjusted(line_h * 1.5 + label_w, line_h * 0.5, -line_h, -line_h * 2.6)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    # Count axis: gridlines, values and its title, turned along the axis.
    for value in range(0, top + 1, step):
        y = plot.bottom() - plot.height() * value / top
        painter.setPen(QPen(_GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(_INK)
        painter.drawText(
            QRectF(plot.left() - label_w, y - line_h / 2, label_w - 6, line_h),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(value),
        )
    painter.save()
    painter.translate(area.left() + line_h * 0.6, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -line_h / 2, plot.height(), line_h),
        int(Qt.AlignmentFlag.AlignCenter),
        QCoreApplication.translate("report", "Sessions"),
    )
    painter.restore()

    # Week axis: dated ticks spread over the period, and its title.
    first, last = weeks[0][0], weeks[-1][0]
    span = max(1, (last - first).days)

    def x_of(day: date) -> float:
        if first == last:
            return plot.center().x()
        return plot.left() + plot.width() * (day - first).days / span

    painter.setPen(_INK)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    ticks = min(8, max(2, len(weeks))) if first != last else 1
    tick_w = float(fm.horizontalAdvance("00/00/00")) + 6
    for i in range(ticks):  # evenly spread over time, as a date axis does
        day = first + timedelta(days=round(i * span / max(1, ticks - 1)))
        x = x_of(day)
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        painter.drawText(
            QRectF(x - tick_w / 2, plot.bottom() + 4, tick_w, line_h),
            int(Qt.AlignmentFlag.AlignCenter),
            day.strftime("%d/%m/%y"),
        )
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 4 + line_h * 1.2, plot.width(), line_h),
        int(Qt.AlignmentFlag.AlignCenter),
        QCoreApplication.translate("report", "Week of"),
    )

    # The line, and its points while they stay apart.
    points = [
        QPointF(x_of(day), plot.bottom() - plot.height() * n / top) for day, n in weeks
    ]
    painter.setPen(QPen(_LINE, 2))
    painter.drawPolyline(QPolygonF(points))
    if len(points) <= 60:
        painter.setBrush(_LINE)
        for point in points:
            painter.drawEllipse(point, 3.0, 3.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw_no_show_chart(
    painter: QPainter, title: str, lines: Sequence[ReportLine], box: QRectF
) -> None:
    """Horizontal bars with their value written beside them: colour is not the message."""
    area = _chart_title(painter, title, box)
    shown = [x for x in lines if x.no_show_rate is not None]
    if not shown:
        _no_data(painter, area)
        return
    fm = painter.fontMetrics()
    line_h = float(fm.height())
    label_w = area.width() * 0.3
    value_w = float(fm.horizontalAdvance("100,0 %")) + 8
    plot = area.adjusted(label_w, 0, -value_w, -line_h * 1.5)
    row_h = plot.height() / len(shown)
    bar_h = max(1.0, min(row_h * 0.7, line_h * 1.4))

    for value in range(0, 101, 25):  # the percentage axis
        x = plot.left() + plot.width() * value / 100
        painter.setPen(QPen(_GRID, 1))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(_INK)
        painter.drawText(
            QRectF(x - 30, plot.bottom() + 4, 60, line_h),
            int(Qt.AlignmentFlag.AlignCenter),
            f"{value} %",
        )
    for i, line in enumerate(shown):
        rate = line.no_show_rate or 0.0
        mid = plot.top() + row_h * (i + 0.5)
        painter.setPen(_INK)
        painter.drawText(
            QRectF(area.left(), mid - line_h / 2, label_w - 8, line_h),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(line.label[:40], Qt.TextElideMode.ElideRight, int(label_w - 8)),
        )
        bar = QRectF(plot.left(), mid - bar_h / 2, plot.width() * min(rate, 1.0), bar_h)
        painter.fillRect(bar, _BAR)
        painter.drawText(
            QRectF(bar.right() + 4, mid - line_h / 2, value_w, line_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{percent(rate)} %",
        )
