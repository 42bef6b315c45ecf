"""Registrations in the window, on a real SQLite file: the forecast's advice in the session
form and on the Aujourd'hui cards, a cancellation that offers the place to the next
person (message without the passcode), bad input refused with nothing changed, and the
yearly survey exported from the report area."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.models import MeetingRecord, SessionMode, SessionStatus
from app.core.waiting_list import PersonDraft
from app.services import Services, load_demo_network, open_services
from app.ui.registrations import RegistrationsDialog
from app.ui.report import ReportArea
from app.ui.session_dialog import SessionDialog
from app.ui.survey import SurveyDialog
from app.ui.today import TodayArea
from app.ui.workers import ImmediatePool
from tests.attendance.helpers import add_session, network
from tests.support.fixtures import FIXED_NOW

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def demo(config: AppConfig) -> Iterator[Services]:
    services = open_services(config)
    load_demo_network(services, FIXED_NOW)
    yield services
    services.close()


def test_the_advice_shows_on_today_cards_and_in_the_session_form(
    qtbot: QtBot, demo: Services
) -> None:
    QSettings().setValue("today/branch", "*")
    area = TodayArea(demo, pool=ImmediatePool())
    qtbot.addWidget(area)
    area.show()
    area.refresh()
    qtbot.waitUntil(lambda: area.data is not None and bool(area.cards), timeout=10_000)
    full = 0
    for card in area.cards:
        row = card.readiness.row
        advice = demo.registrations.advice(row)
        assert card.forecast.isVisible()
        assert advice.text() in card.forecast.text()
        counts = demo.registrations.service.counts(row.id)
        if counts.waiting:
            full += 1
            assert (f"{counts.registered} registered of {advice.accept} · "
                    f"{counts.waiting} waiting.") in card.forecast.text()
    assert full > 0  # the demo has waiting lists on today's cards
    assert any("For 13 places, accept 18 registrations: 42 % no-shows" in c.forecast.text()
               for c in area.cards)

    refs = demo.references
    dlg = SessionDialog(demo, types=refs.session_types(), branches=refs.branches(),
                        staff=refs.staff(), pool=ImmediatePool())
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData(
        next(t.id for t in refs.session_types() if t.code == "reading_circle")))
    dlg.capacity_spin.setValue(15)
    dlg.refresh_forecast()  # what the short timer does after the last change
    branch_id = dlg.branch_combo.currentData()
    expected = demo.registrations.advice_for(
        capacity=15,
        type_id=dlg.type_combo.currentData(),
        branch_id=branch_id,
    )
    assert dlg.forecast_label.text() == expected.text()
    assert dlg.forecast_label.text().startswith("For 15 places, accept 21 registrations")
    dlg.capacity_spin.setValue(0)
    dlg.refresh_forecast()
    assert dlg.forecast_label.text() == (
        "Enter the capacity to see how many registrations to accept."
    )
    dlg.close()
    area.close()


@pytest.fixture
def coming(services: Services) -> int:
    network(services)
    sid = add_session(services, start=FIXED_NOW + timedelta(days=2), capacity=2,
                      status=SessionStatus.PLANNED, mode=SessionMode.REMOTE, title="Café FLE")
    services.licences.repo.set_meeting(
        MeetingRecord(sid, "81234567890", "https://bm.zoom.us/j/81234567890?pwd=Qz7mK2", "k")
    )
    for name in ("Ana", "Ben", "Chloé", "Dan"):
        services.registrations.service.add(sid, PersonDraft(name, f"{name.lower()}@x.fr"))
    return sid


def _dialog(qtbot: QtBot, services: Services, sid: int) -> RegistrationsDialog:
    dlg = RegistrationsDialog(services, sid, pool=ImmediatePool())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.snapshot is not None, timeout=5000)
    return dlg


def _table(dlg: RegistrationsDialog) -> list[list[str]]:
    t = dlg.table

    def cell(r: int, c: int) -> str:
        item = t.item(r, c)
        assert item is not None
        return item.text()

    return [[cell(r, c) for c in (0, 3, 4)] for r in range(t.rowCount())]


def test_a_cancellation_offers_the_place_to_the_next_person(
    qtbot: QtBot, services: Services, coming: int
) -> None:
    dlg = _dialog(qtbot, services, coming)
    assert _table(dlg) == [["Ana", "Registered", ""], ["Ben", "Registered", ""],
                           ["Chloé", "Waiting list", "1"], ["Dan", "Waiting list", "2"]]
    assert "No session held yet" in dlg.advice_label.text()
    assert "2 registered of 2 accepted · 2 on the waiting list" in dlg.counts_label.text()
    assert not dlg.promote_button.isEnabled()
    dlg.select(next(r.id for r in dlg.snapshot.entries if r.name == "Ana"))  # type: ignore[union-attr]
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert dlg.offer_box.isVisible()
    assert "Chloé" in dlg.offer_box.title()
    message = dlg.offer_edit.toPlainText()
    assert message.startswith("Hello Chloé,")
    assert "https://bm.zoom.us/j/81234567890" in message
    assert "Qz7mK2" not in message and "pwd" not in message
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.offer_promote, Qt.MouseButton.LeftButton)
    assert not dlg.offer_box.isVisible()
    assert _table(dlg) == [["Ana", "Cancelled", ""], ["Ben", "Registered", ""],
                           ["Chloé", "Registered", ""], ["Dan", "Waiting list", "1"]]
    assert "1 given a place from the list" in dlg.counts_label.text()
    chloe = next(r for r in services.registrations.service.entries(coming) if r.name == "Chloé")
    assert chloe.promoted_at == FIXED_NOW
    dlg.close()


def test_bad_input_gets_a_clear_message_and_changes_nothing(
    qtbot: QtBot, services: Services, coming: int, tmp_path: Path
) -> None:
    dlg = _dialog(qtbot, services, coming)
    before = _table(dlg)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert dlg.error_label.isVisible() and "names nobody" in dlg.error_label.text()
    pdf = tmp_path / "inscrits.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    dlg.add_file(pdf)
    assert dlg.error_label.isVisible() and dlg.error_label.text().startswith("✖")
    assert _table(dlg) == before
    dlg.email_edit.setText("eve@x.fr")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert not dlg.error_label.isVisible()
    assert _table(dlg)[-1] == ["", "Waiting list", "3"]
    dlg.close()
    gone = add_session(services, start=FIXED_NOW + timedelta(days=3),
                       status=SessionStatus.CANCELLED)
    dlg = _dialog(qtbot, services, gone)
    dlg.name_edit.setText("Ana")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert "was cancelled" in dlg.error_label.text()
    assert dlg.table.rowCount() == 0
    dlg.close()


def test_the_report_area_exports_the_yearly_survey(
    qtbot: QtBot, demo: Services, tmp_path: Path
) -> None:
    from tests.attendance.helpers import Net

    area = ReportArea(Net(demo, demo.attendance), pool=ImmediatePool(),
                      today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    opened = area.open_survey()
    assert opened.year_spin.value() == FIXED_NOW.year - 1
    opened.close()
    target = tmp_path / "enquete"
    dlg = SurveyDialog(demo.registrations, 2026, pool=ImmediatePool(),
                       ask_path=lambda _t, _p, _d: target)
    qtbot.addWidget(dlg)
    dlg.export("csv")
    written = target.with_suffix(".csv")
    assert dlg.status.text() == f"Saved: {written}"
    text = written.read_bytes().decode("utf-8-sig")
    survey = demo.registrations.survey(2026)
    assert f"Network;{survey.network.held};{survey.network.cancelled};" in text
    dlg.export("pdf")
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    dlg.close()
    area.close()


def test_after_the_session_the_counts_and_the_advice_s_record(
    qtbot: QtBot, demo: Services
) -> None:
    held = next(r for r in demo.sessions.list() if r.status is SessionStatus.DONE)
    figures = demo.attendance.figures(held.id)
    _judged, accuracy = demo.registrations.accuracy()
    dlg = _dialog(qtbot, demo, held.id)
    text = dlg.counts_label.text()
    assert (f"After the session: {figures.registered} registered, "
            f"{figures.unique_remote} connected, "
            f"{'—' if figures.on_site is None else figures.on_site} on site.") in text
    assert (f"Judged on {accuracy.sessions} sessions held, each from the sessions before "
            f"it: more people than places {accuracy.overflowed} times out of "
            f"{accuracy.followed} (accepted risk 10 %)") in text
    assert accuracy.sessions > 20
    assert dlg.advice_label.text() == demo.registrations.advice(held).text()
    dlg.close()


def test_registrations_open_from_the_sessions_area_and_from_a_today_card(
    qtbot: QtBot, config: AppConfig
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from app.ui.sessions_area import SessionsArea
    from tests.support.desk import load_demo, open_desk

    load_demo(config)
    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, config)

    def opened() -> RegistrationsDialog | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, RegistrationsDialog) and w.isVisible()]
        return found[0] if found else None

    card = desk.today_area().cards[0]
    qtbot.mouseClick(card.registrations_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened() is not None and opened().snapshot is not None,  # type: ignore[union-attr]
                    timeout=10_000)
    dialog = opened()
    assert dialog is not None and dialog.snapshot is not None
    assert dialog.snapshot.row.id == card.session_id
    dialog.close()
    qtbot.waitUntil(lambda: opened() is None, timeout=5000)

    sessions = desk.window.show_area("sessions")
    assert isinstance(sessions, SessionsArea)
    qtbot.waitUntil(lambda: sessions.select_session(card.session_id), timeout=10_000)
    action = sessions.findChild(QAction, "RegistrationsAction")
    assert action is not None and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: opened() is not None and opened().snapshot is not None,  # type: ignore[union-attr]
                    timeout=10_000)
    dialog = opened()
    assert dialog is not None and dialog.snapshot is not None
    assert dialog.snapshot.row.id == card.session_id
    dialog.close()
    desk.close()
