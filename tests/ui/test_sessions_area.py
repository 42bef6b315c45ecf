"""The Sessions area driven like a person would: keyboard, filters, dialogs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.demo import build_demo
from app.core.models import SessionDraft, SessionStatus
from app.services import Services
from app.storage.demo import load_demo
from app.ui.session_dialog import SessionDialog
from app.ui.sessions_area import FIRST_PAGE, SessionsArea
from app.ui.workers import ImmediatePool
from tests.support.fixtures import FIXED_NOW


@pytest.fixture
def area(qtbot: QtBot, services: Services) -> SessionsArea:
    load_demo(services.db, build_demo(FIXED_NOW))
    w = SessionsArea(services, pool=ImmediatePool(), today=lambda: FIXED_NOW.date())
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    w.refresh()
    return w


def _open_dialog(qtbot: QtBot, area: SessionsArea) -> SessionDialog:
    dialogs = [d for d in area.findChildren(SessionDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_rows_today_first_with_visible_status(area: SessionsArea) -> None:
    m = area.model
    assert m.rowCount() == 257
    assert m.row_at(0).start.astimezone().date() == FIXED_NOW.date()
    assert m.index(0, 0).data() in ("Today", "Aujourd'hui")
    status = m.index(0, 9).data()
    assert status.split(" ", 1)[0] in "○●▶✔✖"  # a symbol as well as the word
    assert area.count_label.text()


def test_a_long_list_shows_its_first_page_at_once_then_the_rest(area: SessionsArea) -> None:
    """257 sessions: the first page is on screen before the rest is read; the whole list
    follows in the same order, and a session selected beyond the first page stays so."""
    firsts: list[int] = []
    wholes: list[int] = []
    area.first_rows_shown.connect(firsts.append)
    area.rows_loaded.connect(wholes.append)
    last = area.model.row_at(256).id
    assert area.select_session(last)
    area.refresh()
    assert firsts == [FIRST_PAGE] and wholes == [257]
    shown = [area.model.row_at(i).id for i in range(area.model.rowCount())]
    assert shown == [r.id for r in area.services.sessions.list()]
    assert area.selected_id() == last
    assert "257" in area.count_label.text()


def test_filters(area: SessionsArea) -> None:
    area.type_filter.setCurrentIndex(area.type_filter.findText("Jeux"))
    rows = [area.model.row_at(i) for i in range(area.model.rowCount())]
    assert len([r for r in rows if r.status != SessionStatus.CANCELLED]) == 11
    assert all(r.type_code == "games" for r in rows)
    area.status_filter.setCurrentIndex(3)  # done
    assert all(
        area.model.row_at(i).status == SessionStatus.DONE for i in range(area.model.rowCount())
    )
    area.status_filter.setCurrentIndex(0)
    area.type_filter.setCurrentIndex(0)
    area.from_check.setChecked(True)
    area.from_date.setDate(QDate(2027, 3, 1))
    assert area.model.rowCount() > 0
    assert all(
        area.model.row_at(i).start.astimezone().date() >= date(2027, 3, 1)
        for i in range(area.model.rowCount())
    )
    area.from_check.setChecked(False)
    area.search_edit.setText("conte")
    assert 0 < area.model.rowCount() < 20


def test_new_session_by_keyboard(qtbot: QtBot, area: SessionsArea) -> None:
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = _open_dialog(qtbot, area)
    qtbot.keyClicks(dlg.title_edit, "Atelier tablettes")  # QTest types ASCII only
    dlg.date_edit.setDate(QDate(2026, 12, 9))
    dlg.start_edit.setTime(QTime(14, 0))
    dlg.end_edit.setTime(QTime(16, 0))
    dlg.capacity_spin.setValue(10)
    with qtbot.waitSignal(area.rows_loaded):
        qtbot.keyClick(dlg.title_edit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    row = area.selected_row()
    assert row is not None and row.title == "Atelier tablettes"
    assert row.start == datetime(2026, 12, 9, 14).astimezone()


def test_dialog_validation_keeps_the_dialog_open(qtbot: QtBot, area: SessionsArea) -> None:
    area.new_session()
    dlg = _open_dialog(qtbot, area)
    dlg.title_edit.setText("")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible() and dlg.error_label.isVisible()
    assert dlg.focusWidget() is dlg.title_edit  # the problem field takes the focus
    dlg.title_edit.setText("Ciné-débat")
    dlg.start_edit.setTime(QTime(20, 0))
    dlg.end_edit.setTime(QTime(19, 0))
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible() and dlg.focusWidget() is dlg.end_edit
    dlg.end_edit.setTime(QTime(22, 0))
    dlg.capacity_spin.setValue(0)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible()
    count = area._services.session_repo.count()
    dlg.reject()
    assert area._services.session_repo.count() == count


def test_edit_and_duplicate(qtbot: QtBot, area: SessionsArea) -> None:
    target = next(
        i
        for i in range(area.model.rowCount())
        if area.model.row_at(i).status == SessionStatus.PLANNED
    )
    sid = area.model.row_at(target).id
    area.select_session(sid)
    qtbot.keyClick(area.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = _open_dialog(qtbot, area)
    assert dlg.status_combo.isEnabled()  # planned → ready/running/cancelled allowed
    dlg.capacity_spin.setValue(33)
    with qtbot.waitSignal(area.rows_loaded):
        dlg.accept()
    assert area._services.sessions.row(sid).capacity == 33

    area.select_session(sid)
    qtbot.keyClick(area.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dup = _open_dialog(qtbot, area)
    assert (
        dup.date_edit.date().toPython()
        == (area._services.sessions.row(sid).start.astimezone() + timedelta(days=7)).date()
    )
    with qtbot.waitSignal(area.rows_loaded):
        dup.accept()
    assert area.model.rowCount() == 258


def test_cancel_asks_then_cancels(qtbot: QtBot, area: SessionsArea) -> None:
    target = next(
        i
        for i in range(area.model.rowCount())
        if area.model.row_at(i).status == SessionStatus.PLANNED
    )
    sid = area.model.row_at(target).id
    area.select_session(sid)
    qtbot.keyClick(area.table, Qt.Key.Key_Delete)
    box = area.cancel_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    with qtbot.waitSignal(area.rows_loaded):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert area._services.sessions.row(sid).status == SessionStatus.CANCELLED
    assert not area.cancel_action.isEnabled()


def test_details_show_readiness(area: SessionsArea) -> None:
    area.select_session(area.model.row_at(0).id)
    html = area.details.toPlainText()
    assert area.model.row_at(0).title in html
    assert "Licence" in html or "licence" in html


def test_every_control_has_an_accessible_name(area: SessionsArea) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QTableView

    for cls in (QLineEdit, QComboBox, QDateEdit, QTableView):
        for w in area.findChildren(cls):
            if (
                w.isVisibleTo(area)
                and w.parent() is not None
                and not isinstance(w.parent(), (QComboBox, QDateEdit))
            ):
                assert w.accessibleName(), f"{cls.__name__} without accessible name"
    for b in area.findChildren(QAbstractButton):
        if b.isVisibleTo(area):
            assert b.text() or b.accessibleName() or b.toolTip()


def test_a_hidden_table_fits_its_columns_when_shown(
    area: SessionsArea, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hidden, Qt measures every row of a column, not the visible ones: a reload behind
    another screen leaves the columns to be fitted when the table is shown again."""
    measured: list[int] = []
    real = area.table.sizeHintForColumn

    def spy(column: int) -> int:
        measured.append(column)
        return real(column)

    monkeypatch.setattr(area.table, "sizeHintForColumn", spy)
    shown_widths = [area.table.columnWidth(c) for c in range(area.model.columnCount())]
    area.hide()
    # A session added meanwhile, on the first page: another list, which replaces the rows.
    first = area.model.row_at(0)
    area.services.session_repo.add_many([SessionDraft(
        "Atelier", first.type_id, first.branch_id, first.start, first.end, first.mode, 10)])
    area.refresh()
    area.resize(1000, 600)
    assert measured == []
    area.resize(1100, 600)
    area.show()
    assert measured  # fitted once shown
    assert [area.table.columnWidth(c) for c in range(area.model.columnCount())] == shown_widths


def test_a_refresh_with_the_same_sessions_updates_rows_in_place(area: SessionsArea) -> None:
    """A check saved or a status changed elsewhere: the list is read again, but the same
    sessions in the same order are not reset — only the changed row is repainted, and
    the selection, current row and scroll position stay where the agent left them."""
    m = area.model
    resets: list[bool] = []
    painted: list[tuple[int, int]] = []
    m.modelReset.connect(lambda: resets.append(True))
    m.dataChanged.connect(lambda a, b, *_: painted.append((a.row(), b.row())))
    target = m.row_at(FIRST_PAGE + 20)  # beyond the first page: updated with the rest
    chosen = m.row_at(5).id
    area.select_session(chosen)
    area.table.verticalScrollBar().setValue(3)
    assert target.status is not SessionStatus.CANCELLED
    area.services.session_repo.set_status(target.id, SessionStatus.CANCELLED)

    area.refresh()
    assert resets == []
    assert painted == [(FIRST_PAGE + 20, FIRST_PAGE + 20)]
    assert m.row_at(FIRST_PAGE + 20).status is SessionStatus.CANCELLED
    assert area.selected_id() == chosen
    assert area.table.currentIndex().row() == 5
    assert area.table.verticalScrollBar().value() == 3
    assert "257" in area.count_label.text()

    # Another set of sessions (a filter changed, a session added): the list is replaced.
    area.search_edit.setText(target.title[:6])
    area.refresh()
    assert resets
