"""The Report area: period and branch filters, the table by type and by branch, the
sessions-per-week and no-show charts, and exports (CSV for Excel, PDF)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QPointF, Qt, QTime
from PySide6.QtGui import QKeySequence, QPainter, QShowEvent
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
    report_csv_bytes,
)
from app.errors import RegieError
from app.printing.report_pdf import write_report_pdf
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.survey import SurveyDialog, SurveySource
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
    @property
    def registrations(self) -> SurveySource: ...


class _Branches(Protocol):
    def branches(self) -> list[Branch]: ...


def _t(text: str) -> str:
    return QCoreApplication.translate("report", text)


def translations() -> dict[str, str]:
    """The export titles in the user's language."""
    return {x: _t(x) for x in (*COLUMNS, TYPE_TITLE, BRANCH_TITLE, WEEK_TITLE, TOTAL_TITLE)}


# ---------------------------------------------------------------------- numbers
def percent_text(rate: float | None, locale: QLocale | None = None) -> str:
    """0.403 → "40,3 %" in French, "40.3 %" in English; "—" when unknown."""
    if rate is None:
        return "—"
    return f"{(locale or QLocale()).toString(rate * 100, 'f', 1)} %"


# ---------------------------------------------------------------------- what is shown
@dataclass(frozen=True)
class BarsView:
    """A no-show chart: one bar per line that has a rate, its value in its label."""

    values: list[float]
    labels: list[str]


@dataclass(frozen=True)
class ReportView:
    """Everything the area shows, as text and numbers, made off the GUI thread: there
    only the table cells are set and the chart series replaced."""

    report: ActivityReport
    type_rows: list[list[str]]
    branch_rows: list[list[str]]
    week_points: list[QPointF]
    week_top: int
    type_bars: BarsView
    branch_bars: BarsView


def table_rows(report: ActivityReport, lines: Sequence[ReportLine], locale: QLocale) -> list[
    list[str]
]:
    """The cells of a table: one row per line, then the total."""
    return [
        [
            _t(TOTAL_TITLE) if x is report.total else x.label,
            locale.toString(x.sessions),
            locale.toString(x.registered),
            locale.toString(x.connected),
            locale.toString(x.on_site),
            percent_text(x.no_show_rate, locale),
        ]
        for x in (*lines, report.total)
    ]


def bars_view(lines: Sequence[ReportLine], locale: QLocale) -> BarsView:
    shown = [x for x in reversed(lines) if x.no_show_rate is not None]
    return BarsView(
        values=[round((x.no_show_rate or 0.0) * 100, 1) for x in shown],
        labels=[f"{x.label[:40]} — {percent_text(x.no_show_rate, locale)}" for x in shown],
    )


def report_view(report: ActivityReport, locale: QLocale) -> ReportView:
    points: list[QPointF] = []
    top = 1
    for day, n in report.per_week:
        moment = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
        points.append(QPointF(float(moment.toMSecsSinceEpoch()), float(n)))
        top = max(top, n)
    return ReportView(
        report=report,
        type_rows=table_rows(report, report.by_type, locale),
        branch_rows=table_rows(report, report.by_branch, locale),
        week_points=points,
        week_top=top,
        type_bars=bars_view(report.by_type, locale),
        branch_bars=bars_view(report.by_branch, locale),
    )


# ---------------------------------------------------------------------- charts
class WeekChart(QChart):
    """Sessions per week; made once, its series replaced on each report."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(QCoreApplication.translate("report", "Sessions per week"))
        self.legend().hide()
        self.line = QLineSeries()
        self.line.setName(QCoreApplication.translate("report", "Sessions"))
        self.addSeries(self.line)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("dd/MM/yy")
        self.x_axis.setTitleText(QCoreApplication.translate("report", "Week of"))
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(QCoreApplication.translate("report", "Sessions"))
        self.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.line.attachAxis(self.x_axis)
        self.line.attachAxis(self.y_axis)

    def show_view(self, view: ReportView) -> None:
        points = view.week_points
        self.line.setPointsVisible(len(points) <= 60)
        self.line.replace(points)
        if points:
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(points[0].x())),
                QDateTime.fromMSecsSinceEpoch(int(points[-1].x())),
            )
        self.x_axis.setTickCount(min(8, max(2, len(points))))
        self.y_axis.setRange(0, view.week_top)


class NoShowChart(QChart):
    """Horizontal bars with their value written in their label: colour is not the
    message. Made once; its bars and categories replaced on each report."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.legend().hide()
        self.bars = QBarSet(QCoreApplication.translate("report", "No-show %"))
        self.bar_series = QHorizontalBarSeries()
        self.bar_series.append(self.bars)
        self.addSeries(self.bar_series)
        self.categories = QBarCategoryAxis()
        self.x_axis = QValueAxis()
        self.x_axis.setRange(0, 100)
        self.x_axis.setLabelFormat("%d %%")
        self.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        self.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.bar_series.attachAxis(self.categories)
        self.bar_series.attachAxis(self.x_axis)

    def show_bars(self, bars: BarsView) -> None:
        if self.bars.count():
            self.bars.remove(0, self.bars.count())
        self.bars.append(bars.values)
        self.categories.clear()
        self.categories.append(
            bars.labels or [QCoreApplication.translate("report", "No data")]
        )


def week_chart(report: ActivityReport) -> QChart:
    chart = WeekChart()
    chart.show_view(report_view(report, QLocale()))
    return chart


def no_show_chart(title: str, lines: Sequence[ReportLine]) -> QChart:
    chart = NoShowChart(title)
    chart.show_bars(bars_view(lines, QLocale()))
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
        self._waiting_view: ReportView | None = None  # read while hidden: shown when shown
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
        self.survey_button = QPushButton(self.tr("Yearly s&urvey…"))
        self.survey_button.setAccessibleName(self.tr("Export the yearly survey's figures"))
        self.survey_button.clicked.connect(self.open_survey)
        # The buttons on a line of their own: the period, the branch and the buttons
        # together do not fit a 1366×768 screen at 125 % in French.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.refresh_button, self.csv_button, self.pdf_button, self.survey_button):
            buttons.addWidget(button)

        self.type_table = self._table(self.tr("Sessions by type"))
        self.branch_table = self._table(self.tr("Sessions by branch"))
        self.week_chart = WeekChart()
        self.type_chart = NoShowChart(
            QCoreApplication.translate("report", "No-show by session type")
        )
        self.branch_chart = NoShowChart(QCoreApplication.translate("report", "No-show by branch"))
        self.week_view = QChartView(self.week_chart)
        self.week_view.setAccessibleName(self.tr("Chart: sessions per week"))
        self.type_view = QChartView(self.type_chart)
        self.type_view.setAccessibleName(self.tr("Chart: no-show by session type"))
        self.branch_view = QChartView(self.branch_chart)
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
        self.setTabOrder(self.pdf_button, self.survey_button)
        self.setTabOrder(self.survey_button, self.tabs)
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
        locale = QLocale()
        self.status.setText(self.tr("Computing the report…"))

        def job(_token: CancelToken, _progress: Callable[[int, int], None]) -> ReportView:
            return report_view(service.report(flt), locale)

        run_task(
            job,
            on_success=lambda r: self._loaded(generation, r),
            on_error=lambda e: self._failed(generation, e),
            pool=self._pool,
            parent=self,
        )

    def _loaded(self, generation: int, view: ReportView) -> None:
        """Only cheap work here: a dozen table cells, the chart series replaced; and only
        on screen: hidden (a session changed while another area is in use), the tables
        and charts wait to be shown, so that Qt Charts does not lay them out meanwhile."""
        if generation != self._generation:
            return  # a newer request is on its way
        report = view.report
        self.report = report
        self.status.setText(
            self.tr("{n} sessions held · no-show {rate}").format(
                n=report.total.sessions, rate=percent_text(report.total.no_show_rate)
            )
        )
        self._set_busy(False)
        if self.isVisible():
            self._show_view(view)
        else:
            self._waiting_view = view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        view, self._waiting_view = self._waiting_view, None
        if view is not None:
            self._show_view(view)

    def _show_view(self, view: ReportView) -> None:
        self._fill(self.type_table, _t(TYPE_TITLE), view.type_rows)
        self._fill(self.branch_table, _t(BRANCH_TITLE), view.branch_rows)
        self.week_chart.show_view(view)
        self.type_chart.show_bars(view.type_bars)
        self.branch_chart.show_bars(view.branch_bars)

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self.status.setText(error_text(known(err)))

    def _fill(self, table: QTableWidget, first: str, rows: list[list[str]]) -> None:
        table.setHorizontalHeaderLabels([first, *(_t(c) for c in COLUMNS)])
        table.setRowCount(len(rows))
        last = len(rows) - 1
        for i, values in enumerate(rows):
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if i == last:  # the total
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


    def open_survey(self) -> SurveyDialog:
        """The yearly survey export, for last year by default."""
        dialog = SurveyDialog(
            self._services.registrations,
            self._services.clock().year - 1,
            self,
            pool=self._pool,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, ending today."""
    return today - timedelta(days=365), today
