"""The licences' planning: the period picker, the bars per licence and day, and the
same booked and free segments as a tree for screen readers.

The panel only shows; the Licences area reads the planning (in a worker, or from the
last known copy while the server is away) and hands the rows in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.licences import PlanningRow, Segment, SegmentKind
from app.ui import colours

LABEL_WIDTH = 150.0  # the licences' names, left of the bars


def segment_text(seg: Segment) -> str:
    """A bar's words: each booking's time and title, or "Free" and the gap's time."""
    def hours(a: datetime, b: datetime) -> str:
        a, b = a.astimezone(), b.astimezone()
        if a.date() == b.date() or (b - a <= timedelta(days=1) and b.time() == time.min):
            return f"{a:%H:%M}–{b:%H:%M}"
        return f"{a:%d/%m %H:%M}–{b:%d/%m %H:%M}"  # a gap over several days

    if seg.kind is SegmentKind.BOOKED:
        return "; ".join(f"{hours(b.start, b.end)} {b.title}" for b in seg.bookings)
    free = QCoreApplication.translate("LicencesArea", "Free")
    return f"{free} {hours(seg.start, seg.end)}"


class PlanningChart(QWidget):
    """Licences × time as bars: booked (filled, with titles) and free (hatched, “free”).

    The tree beside it lists the same segments as text for screen readers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Planning chart of the licences"))
        self.setMinimumHeight(120)
        self.rows: list[PlanningRow] = []
        self.span: tuple[datetime, datetime] | None = None

    def set_rows(self, rows: list[PlanningRow], start: datetime, end: datetime) -> None:
        self.rows = rows
        self.span = (start, end)
        self.setMinimumHeight(30 + 28 * max(1, len(rows)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _areas(self) -> list[tuple[QRectF, str]]:
        """Where each licence's name and each segment are drawn, with their whole text
        (the tooltips give it back where the drawing had to cut it)."""
        if self.span is None:
            return []
        start, end = self.span
        total = (end - start).total_seconds()
        left = LABEL_WIDTH
        width = max(10.0, self.width() - left - 8)
        out: list[tuple[QRectF, str]] = []
        for i, row in enumerate(self.rows):
            y = 22.0 + 28 * i
            out.append((QRectF(4, y, left - 8, 22), row.licence.label))
            for seg in row.segments:
                x0 = left + width * (seg.start - start).total_seconds() / total
                x1 = left + width * (seg.end - start).total_seconds() / total
                out.append((QRectF(x0, y, max(1.0, x1 - x0), 22), segment_text(seg)))
        return out

    def shown_label(self, label: str) -> str:
        """A licence's name as it fits left of its bars, cut in the middle: "Zoom Action
        cu…elle 2" keeps what tells licences apart."""
        return self.fontMetrics().elidedText(
            label, Qt.TextElideMode.ElideMiddle, int(LABEL_WIDTH - 8)
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for rect, text in self._areas():
                if rect.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def _paint(self, p: QPainter) -> None:
        if self.span is None:
            return
        start, end = self.span
        total = (end - start).total_seconds()
        left = LABEL_WIDTH
        width = max(10.0, self.width() - left - 8)
        fm = self.fontMetrics()
        p.setPen(self.palette().text().color())
        days = int(total // 86400)
        for d in range(days + 1):  # one tick per day
            x = left + width * d / max(1, days)
            p.drawLine(int(x), 4, int(x), self.height() - 4)
            if d < days:
                day = (start + timedelta(days=d)).astimezone()
                p.drawText(int(x) + 3, fm.ascent() + 2, day.strftime("%d/%m"))
        for i, row in enumerate(self.rows):
            y = 22.0 + 28 * i
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(4, y, left - 8, 22),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.shown_label(row.licence.label),
            )
            for seg in row.segments:
                x0 = left + width * (seg.start - start).total_seconds() / total
                x1 = left + width * (seg.end - start).total_seconds() / total
                rect = QRectF(x0, y, max(1.0, x1 - x0), 22)
                # Words on every bar, not colour and shape alone: the time and the title
                # of a booking, "free" and its time on a gap.
                text = fm.elidedText(
                    segment_text(seg), Qt.TextElideMode.ElideRight, int(rect.width()) - 4
                )
                if seg.kind is SegmentKind.BOOKED:
                    p.fillRect(rect, QColor(colours.BOOKED.bg))
                    p.setPen(QColor(colours.BOOKED.fg))
                else:
                    p.setPen(QPen(QColor(colours.FREE_EDGE), 1, Qt.PenStyle.DashLine))
                    p.drawRect(rect.adjusted(0, 2, 0, -2))
                    p.setPen(QColor(colours.FREE_TEXT))
                p.drawText(rect.adjusted(2, 0, -2, 0), int(Qt.AlignmentFlag.AlignVCenter), text)


class PlanningPanel(QGroupBox):
    """Period navigation, the chart and the tree. Its texts keep the Licences area's
    translation context, where they were first translated."""

    period_changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LicencesArea", "Planning"), parent)
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setAccessibleName(
            QCoreApplication.translate("LicencesArea", "First day of the planning")
        )
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.span_combo = QComboBox()
        self.span_combo.setAccessibleName(
            QCoreApplication.translate("LicencesArea", "Planning period")
        )
        # No label beside it: the description says what its value is (see the sessions'
        # filters).
        self.span_combo.setAccessibleDescription(self.span_combo.accessibleName())
        self.span_combo.addItem(QCoreApplication.translate("LicencesArea", "One day"), 1)
        self.span_combo.addItem(QCoreApplication.translate("LicencesArea", "One week"), 7)
        self.span_combo.addItem(QCoreApplication.translate("LicencesArea", "Two weeks"), 14)
        self.span_combo.setCurrentIndex(1)
        self.prev_button = QPushButton(QCoreApplication.translate("LicencesArea", "◀ &Previous"))
        self.prev_button.setAccessibleName(
            QCoreApplication.translate("LicencesArea", "Previous period")
        )
        self.next_button = QPushButton(QCoreApplication.translate("LicencesArea", "&Next ▶"))
        self.next_button.setAccessibleName(
            QCoreApplication.translate("LicencesArea", "Next period")
        )
        self.prev_button.clicked.connect(lambda: self._shift(-1))
        self.next_button.clicked.connect(lambda: self._shift(1))
        self.day_edit.dateChanged.connect(lambda _d: self.period_changed.emit())
        self.span_combo.currentIndexChanged.connect(lambda _i: self.period_changed.emit())
        self.chart = PlanningChart()
        self.segments = QTreeWidget()
        self.segments.setAccessibleName(
            QCoreApplication.translate("LicencesArea", "Bookings and free gaps per licence")
        )
        self.segments.setHeaderLabels([
            QCoreApplication.translate("LicencesArea", "Licence / time"),
            QCoreApplication.translate("LicencesArea", "Sessions"),
        ])
        self.segments.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.segments.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        nav = QHBoxLayout()
        for w in (self.prev_button, self.day_edit, self.span_combo, self.next_button):
            nav.addWidget(w)
        nav.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.chart)
        split.addWidget(self.segments)
        split.setChildrenCollapsible(False)
        box = QVBoxLayout(self)
        box.addLayout(nav)
        box.addWidget(split, 1)
        self._showing_rows = False  # the rows are on screen (not a problem, not nothing yet)

    def period(self) -> tuple[datetime, datetime]:
        """The shown period, from midnight of the first day, in local time."""
        qd = self.day_edit.date()
        first = date(qd.year(), qd.month(), qd.day())
        days = int(self.span_combo.currentData() or 7)
        start = datetime.combine(first, time.min).astimezone()
        end = datetime.combine(first + timedelta(days=days), time.min).astimezone()
        return start, end

    def show_rows(self, rows: list[PlanningRow], start: datetime, end: datetime) -> None:
        if self._showing_rows and self.chart.span == (start, end) and self.chart.rows == rows:
            return  # read again after a change elsewhere, and the same: nothing to redraw
        self._showing_rows = True
        self.chart.set_rows(rows, start, end)
        self.segments.clear()
        for row in rows:
            top = QTreeWidgetItem([row.licence.label, ""])
            top.setToolTip(0, row.licence.label)
            for seg in row.segments:
                when = f"{seg.start.astimezone():%d/%m %H:%M} – {seg.end.astimezone():%d/%m %H:%M}"
                if seg.kind is SegmentKind.BOOKED:
                    what = QCoreApplication.translate("LicencesArea", "Booked")
                    titles = "; ".join(f"#{b.session_id} {b.title}" for b in seg.bookings)
                else:
                    what = QCoreApplication.translate("LicencesArea", "Free")
                    titles = ""
                child = QTreeWidgetItem([f"{what}  {when}", titles])
                child.setToolTip(0, child.text(0))
                child.setToolTip(1, titles)
                top.addChild(child)
            self.segments.addTopLevelItem(top)
        self.segments.expandAll()

    def show_problem(self, text: str) -> None:
        """Said in the planning itself, where the person is looking."""
        self._showing_rows = False
        self.segments.clear()
        self.segments.addTopLevelItem(QTreeWidgetItem([text, ""]))

    def _shift(self, direction: int) -> None:
        days = int(self.span_combo.currentData() or 7)
        self.day_edit.setDate(self.day_edit.date().addDays(direction * days))
