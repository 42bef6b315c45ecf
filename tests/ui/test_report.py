"""The Report area: filters, tables, charts and exports on a real database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from app.core.models import SessionMode
from app.services import Services
from app.ui.report import ReportArea, week_chart
from app.ui.workers import ImmediatePool
from tests.attendance.helpers import Net, add_session, branch_id, network
from tests.support.fixtures import FIXED_NOW


@pytest.fixture
def net(services: Services) -> Net:
    n = network(services)
    a = add_session(services, type_code="talk", start=datetime(2026, 11, 2, 10).astimezone())
    n.attendance.set_counts(a, registered=20, connected=12)
    b = add_session(services, type_code="talk", branch="nord", mode=SessionMode.HYBRID,
                    start=datetime(2026, 11, 4, 14).astimezone())
    n.attendance.set_counts(b, registered=30, connected=10, on_site=8)
    add_session(services, type_code="workshop", start=datetime(2026, 11, 10, 18).astimezone())
    return n


def make(qtbot: QtBot, net: Net, language: QLocale.Language = QLocale.Language.French) -> (
    ReportArea
):
    """The area as the French window shows it (the window sets Qt's locale so)."""
    QLocale.setDefault(QLocale(language))
    area = ReportArea(net, pool=ImmediatePool(), today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    area.show()  # on screen: a hidden area fills its tables and charts when shown
    return area


def cell(area: ReportArea, row: int, col: int) -> str:
    item = area.type_table.item(row, col)
    assert item is not None
    return item.text()


def test_table_by_type_and_total(qtbot: QtBot, net: Net) -> None:
    area = make(qtbot, net)
    assert area.report is not None
    assert area.type_table.rowCount() == 9  # eight types + total
    talk = next(r for r in range(9) if cell(area, r, 0) == "Rencontres, conférences")
    assert [cell(area, talk, c) for c in range(1, 6)] == ["2", "50", "22", "8", "40,0 %"]
    assert [cell(area, 8, c) for c in range(1, 6)] == ["3", "50", "22", "8", "40,0 %"]
    assert "3 sessions held" in area.status.text()
    assert area.csv_button.isEnabled()


def test_branch_and_period_filters(qtbot: QtBot, net: Net) -> None:
    area = make(qtbot, net)
    nord = branch_id(net.services, "nord")
    area.branch_combo.setCurrentIndex(area.branch_combo.findData(nord))
    assert area.report is not None
    assert area.report.total.sessions == 1
    assert area.report.branch_label == "Bibliothèque nord"
    area.branch_combo.setCurrentIndex(0)
    area.from_date.setDate(QDate(2026, 11, 9))
    assert area.report.total.sessions == 1
    assert area.current_filter().date_from == date(2026, 11, 9)


def test_charts_are_filled(qtbot: QtBot, net: Net) -> None:
    area = make(qtbot, net)
    assert area.report is not None
    chart = area.week_view.chart()
    series = chart.series()
    assert len(series) == 1
    points = [p.y() for p in series[0].points()]  # type: ignore[attr-defined]
    assert sum(points) == 3
    assert max(points) == 2
    assert area.type_view.chart().series()[0].count() == 1  # type: ignore[attr-defined]
    for view in area.findChildren(QChartView):
        assert view.accessibleName()
    assert week_chart(area.report).title()


def test_csv_export_for_french_excel(qtbot: QtBot, net: Net, tmp_path: Path) -> None:
    area = make(qtbot, net)
    path = tmp_path / "rapport.csv"
    area.export_csv(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Rencontres, conférences;2;50;22;8;40,0" in raw.decode("utf-8-sig")


def test_pdf_export(qtbot: QtBot, net: Net, tmp_path: Path) -> None:
    import re
    import shutil
    import subprocess

    area = make(qtbot, net)
    path = tmp_path / "rapport.pdf"
    area.export_pdf(path)
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", raw)) >= 1
    if shutil.which("pdftotext"):  # poppler-utils, on the build machines
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Rencontres, conférences" in text
        assert "Sessions per week" in text
        assert "40,0 %" in text


def test_controls_have_names(qtbot: QtBot, net: Net) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit

    area = make(qtbot, net)
    for w in area.findChildren(QAbstractButton) + area.findChildren(QComboBox) + (
        area.findChildren(QDateEdit)
    ):
        if not w.objectName().startswith("qt_"):
            assert w.accessibleName(), w


def test_numbers_follow_the_locale(qtbot: QtBot, net: Net) -> None:
    """Percentages in the tables, the status and the chart labels through QLocale."""
    french = make(qtbot, net)
    labels = french.type_chart.categories.categories()
    assert "Rencontres, conférences — 40,0 %" in labels
    assert "no-show 40,0 %" in french.status.text()
    english = make(qtbot, net, QLocale.Language.English)
    talk = next(r for r in range(9) if cell(english, r, 0) == "Rencontres, conférences")
    assert cell(english, talk, 5) == "40.0 %"
    assert "Rencontres, conférences — 40.0 %" in english.type_chart.categories.categories()


def test_charts_are_made_once_and_their_series_replaced(qtbot: QtBot, net: Net) -> None:
    area = make(qtbot, net)
    week, by_type = area.week_view.chart(), area.type_view.chart()
    series = week.series()[0]
    area.branch_combo.setCurrentIndex(area.branch_combo.findData(branch_id(net.services, "nord")))
    assert area.week_view.chart() is week and area.type_view.chart() is by_type
    assert week.series()[0] is series
    assert sum(p.y() for p in series.points()) == 1  # type: ignore[attr-defined]
    assert area.type_chart.bars.count() == 1


def test_the_report_is_prepared_off_the_gui_thread(
    qtbot: QtBot, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the real thread pool, the tables' text and the chart points are made in the
    worker; the GUI thread only receives them."""
    import threading

    import app.ui.report as module

    threads: list[threading.Thread] = []
    real = module.report_view

    def spy(*args: object) -> module.ReportView:
        threads.append(threading.current_thread())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "report_view", spy)
    QLocale.setDefault(QLocale(QLocale.Language.French))
    area = ReportArea(net, today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.report is not None, timeout=10_000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert cell(area, 8, 5) == "40,0 %"


def test_a_hidden_report_fills_its_tables_and_charts_when_shown(
    qtbot: QtBot, net: Net
) -> None:
    """Read while another area is in use (a session changed): the figures are ready, but
    Qt Charts lays nothing out on the GUI thread until the report is on screen."""
    QLocale.setDefault(QLocale(QLocale.Language.French))
    area = ReportArea(net, pool=ImmediatePool(), today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.report is not None, timeout=10_000)
    assert area.type_table.rowCount() == 0  # hidden: nothing laid out yet
    assert "sessions held" in area.status.text() or "séances" in area.status.text()
    area.show()
    qtbot.waitUntil(lambda: area.type_table.rowCount() == 9, timeout=5_000)
    assert cell(area, 8, 5) == "40,0 %"
