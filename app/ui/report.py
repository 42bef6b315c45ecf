"""The Report area: period and branch filters, the table by type and by branch, the
sessions-per-week and no-show charts, and exports (CSV for Excel, PDF)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.attendance import AttendanceService
from app.core.clock import Clock
from app.core.csvfiles import write_file_bytes
from app.core.models import Branch
from app.core.report import (
    BRANCH_TITLE,
    COLUMNS,
    TOTAL_TITLE,
    TYPE_TITLE,
    WEEK_TITLE,
    ActivityReport,
    ReportFilter,
    ReportLine,
    percent,
    report_csv_bytes,
)
from app.errors import RegieError
from app.printing.report_pdf import write_report_pdf
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.widgets import shortcut_tip
from app.ui.workers import CancelToken, Pool, run_task


class ReportServices(Protocol):
    """What the area needs from the composition root."""

    @property
    def attendance(self) -> AttendanceService: ...
    @property
    def references(self) -> _Branches: ...
    @property
    def clock(self) -> Clock: ...


class _Branches(Protocol):
    def branches(self) -> list[Branch]: ...


def _t(text: str) -> str:
    return QCoreApplication.translate("report", text)


def translations() -> dict[str, str]:
    """The export titles in the user's language."""
    return {x: _t(x) for x in (*COLUMNS, TYPE_TITLE, BRANCH_TITLE, WEEK_TITLE, TOTAL_TITLE)}


# ---------------------------------------------------------------------- charts
def week_chart(report: ActivityReport) -> QChart:
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("report", "Sessions per week"))
    chart.legend().hide()
    series = QLineSeries()
    series.setName(QCoreApplication.translate("report", "Sessions"))
    series.setPointsVisible(len(report.per_week) <= 60)
    top = 1
    for day, n in report.per_week:
        moment = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
        series.append(float(moment.toMSecsSinceEpoch()), float(n))
        top = max(top, n)
    chart.addSeries(series)
    x = QDateTimeAxis()
    x.setFormat("dd/MM/yy")
    x.setTitleText(QCoreApplication.translate("report", "Week of"))
    x.setTickCount(min(8, max(2, len(report.per_week))))
    y = QValueAxis()
    y.setRange(0, top)
    y.setLabelFormat("%d")
    y.setTitleText(QCoreApplication.translate("report", "Sessions"))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def no_show_chart(title: str, lines: Sequence[ReportLine]) -> QChart:
    """Horizontal bars with their value written on them: colour is not the message."""
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    shown = [x for x in lines if x.no_show_rate is not None]
    bars = QBarSet(QCoreApplication.translate("report", "No-show %"))
    for x in reversed(shown):
        bars.append(round((x.no_show_rate or 0.0) * 100, 1))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    chart.addSeries(series)
    y = QBarCategoryAxis()
    y.append(
        [x.label[:40] for x in reversed(shown)] or [QCoreApplication.translate("report", "No data")]
    )
    x_axis = QValueAxis()
    x_axis.setRange(0, 100)
    x_axis.setLabelFormat("%d %%")
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y)
    series.attachAxis(x_axis)
    return chart


def type_chart(report: ActivityReport) -> QChart:
    return no_show_chart(
        QCoreApplication.translate("report", "No-show by session type"), report.by_type
    )


def branch_chart(report: ActivityReport) -> QChart:
    return no_show_chart(
        QCoreApplication.translate("report", "No-show by branch"), report.by_branch
    )


# ---------------------------------------------------------------------- the area
class ReportArea(QWidget):
    """Activity report of the held sessions; recomputed in a worker on every filter change."""

    def __init__(
        self,
        services: ReportServices,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReportArea")
        self._services = services
        self._pool = pool
        self._generation = 0
        self.report: ActivityReport | None = None
        day = (today or (lambda: services.clock().date()))()

        first, last = default_period(day)
        self.from_date = QDateEdit(QDate(first.year, first.month, first.day))
        self.to_date = QDateEdit(QDate(last.year, last.month, last.day))
        for edit, name in (
            (self.from_date, self.tr("First day of the period")),
            (self.to_date, self.tr("Last day of the period")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.from_date)
        to_label = QLabel(self.tr("&To"))
        to_label.setBuddy(self.to_date)
        self.branch_combo = QComboBox()
        self.branch_combo.setAccessibleName(self.tr("Branch"))
        # A long branch name must not push the export buttons off a small screen.
        self.branch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.branch_combo.setMinimumContentsLength(10)
        branch_label = QLabel(self.tr("&Branch"))
        branch_label.setBuddy(self.branch_combo)
        self.branch_combo.addItem(self.tr("Whole network"), None)
        for b in services.references.branches():
            self.branch_combo.addItem(b.name, b.id)
        self.branch_combo.currentIndexChanged.connect(self.refresh)

        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export the report as CSV for Excel"))
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Export the report as PDF"))
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Recompute the report"))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(
            shortcut_tip(self.refresh_button.text(), self.refresh_button.shortcut())
        )
        self.refresh_button.clicked.connect(self.refresh)

        filters = QHBoxLayout()
        for w in (
            from_label,
            self.from_date,
            to_label,
            self.to_date,
            branch_label,
            self.branch_combo,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        # The buttons on a line of their own: the period, the branch and the buttons
        # together do not fit a 1366×768 screen at 125 % in French.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.refresh_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)

        self.type_table = self._table(self.tr("Sessions by type"))
        self.branch_table = self._table(self.tr("Sessions by branch"))
        self.week_view = QChartView()
        self.week_view.setAccessibleName(self.tr("Chart: sessions per week"))
        self.type_view = QChartView()
        self.type_view.setAccessibleName(self.tr("Chart: no-show by session type"))
        self.branch_view = QChartView()
        self.branch_view.setAccessibleName(self.tr("Chart: no-show by branch"))
        for view in (self.week_view, self.type_view, self.branch_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        no_show = QWidget()
        ns_layout = QHBoxLayout(no_show)
        ns_layout.addWidget(self.type_view)
        ns_layout.addWidget(self.branch_view)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Report views"))
        self.tabs.addTab(self.type_table, self.tr("By t&ype"))
        self.tabs.addTab(self.branch_table, self.tr("By bra&nch"))
        self.tabs.addTab(self.week_view, self.tr("Per &week"))
        self.tabs.addTab(no_show, self.tr("No-&show"))

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Report status"))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.from_date, self.to_date)
        self.setTabOrder(self.to_date, self.branch_combo)
        self.setTabOrder(self.branch_combo, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.csv_button)
        self.setTabOrder(self.csv_button, self.pdf_button)
        self.setTabOrder(self.pdf_button, self.tabs)
        self._set_busy(False)
        self.refresh()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # ------------------------------------------------------------------ loading
    def current_filter(self) -> ReportFilter:
        f = self.from_date.date()
        t = self.to_date.date()
        return ReportFilter(
            date(f.year(), f.month(), f.day()),
            date(t.year(), t.month(), t.day()),
            self.branch_combo.currentData(),
        )

    def reload(self) -> None:
        """Sessions or branches changed (a demo network loaded, counts saved): the branch
        list is read again in a worker, then the report is recomputed."""
        references = self._services.references

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> list[Branch]:
            return references.branches()

        def fill(branches: list[Branch]) -> None:
            combo = self.branch_combo
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Whole network"), None)
            for b in branches:
                combo.addItem(b.name, b.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)
            self.refresh()

        def failed(err: BaseException) -> None:
            self.status.setText(error_text(known(err)))

        run_task(read, on_success=fill, on_error=failed, pool=self._pool, parent=self)

    def refresh(self) -> None:
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
            self.status.setText(self.tr("The period ends before it starts: change the dates."))
            return
        self._generation += 1
        generation = self._generation
        service = self._services.attendance
        self.status.setText(self.tr("Computing the report…"))

        def job(_token: CancelToken, _progress: Callable[[int, int], None]) -> ActivityReport:
            return service.report(flt)

        run_task(
            job,
            on_success=lambda r: self._loaded(generation, r),
            on_error=lambda e: self._failed(generation, e),
            pool=self._pool,
            parent=self,
        )

    def _loaded(self, generation: int, report: ActivityReport) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.report = report
        self._fill(self.type_table, _t(TYPE_TITLE), report.by_type, report)
        self._fill(self.branch_table, _t(BRANCH_TITLE), report.by_branch, report)
        for view, make in (
            (self.week_view, week_chart),
            (self.type_view, type_chart),
            (self.branch_view, branch_chart),
        ):
            old = view.chart()
            view.setChart(make(report))
            if old is not None:
                old.deleteLater()
        self.status.setText(
            self.tr("{n} sessions held · no-show {rate}").format(
                n=report.total.sessions,
                rate=(percent(report.total.no_show_rate) + " %")
                if report.total.no_show_rate is not None
                else "—",
            )
        )
        self._set_busy(False)

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self.status.setText(error_text(known(err)))

    def _fill(
        self, table: QTableWidget, first: str, lines: Sequence[ReportLine], r: ActivityReport
    ) -> None:
        table.setHorizontalHeaderLabels([first, *(_t(c) for c in COLUMNS)])
        rows = [*lines, r.total]
        table.setRowCount(len(rows))
        for i, x in enumerate(rows):
            rate = percent(x.no_show_rate)
            label = _t(TOTAL_TITLE) if x is r.total else x.label
            values = [
                label,
                str(x.sessions),
                str(x.registered),
                str(x.connected),
                str(x.on_site),
                f"{rate} %" if rate else "—",
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if x is r.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(i, col, item)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.csv_button, self.pdf_button):
            w.setEnabled(not busy and self.report is not None)

    # ------------------------------------------------------------------ exports
    def export_csv(self, path: Path) -> None:
        assert self.report is not None
        write_file_bytes(path, report_csv_bytes(self.report, translations()))

    def export_pdf(self, path: Path) -> None:
        assert self.report is not None
        write_report_pdf(self.report, path)

    def _ask_csv(self) -> None:
        self._ask(
            self.tr("Export the report as CSV"),
            self.tr("CSV for Excel (*.csv)"),
            ".csv",
            self.export_csv,
        )

    def _ask_pdf(self) -> None:
        self._ask(
            self.tr("Export the report as PDF"), self.tr("PDF (*.pdf)"), ".pdf", self.export_pdf
        )

    def _ask(self, title: str, pattern: str, suffix: str, write: Callable[[Path], None]) -> None:
        name, _ = QFileDialog.getSaveFileName(self, title, f"rapport-activite{suffix}", pattern)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        try:
            write(path)
        except RegieError as err:
            QMessageBox.warning(self, title, error_text(err))
            return
        self.status.setText(self.tr("Saved: {path}").format(path=str(path)))


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, ending today."""
    return today - timedelta(days=365), today
