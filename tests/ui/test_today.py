"""Aujourd'hui and Préparer on the real desk: a real SQLite demo network at the fixed
"now" (Tuesday 24 November 2026, 10:00), real workers, real widgets offscreen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.models import SessionFilter, SessionStatus
from app.core.readiness import StepKey
from app.ui.camera_check import CameraCheckArea
from app.ui.checklists import ChecklistsArea
from app.ui.desk import Desk
from app.ui.events import DeskEvents
from app.ui.licences import LicencesArea
from app.ui.report import ReportArea
from app.ui.today import SessionCard, TodayArea
from tests.camera import videos
from tests.support.desk import SCREEN, Agent, load_demo, open_desk
from tests.support.fixtures import FIXED_NOW, desk_config

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SHORT_CAMERA_CHECK = "[check]\nseconds = 1.0\n[stability]\nwindow_seconds = 0.8\n"


@pytest.fixture
def demo(config: AppConfig) -> AppConfig:
    load_demo(config)
    return config


def _choose_branch(qtbot: QtBot, area: TodayArea, name: str) -> None:
    """As the agent does from the keyboard: the combo has the focus, the arrow keys move it
    to the branch; Aujourd'hui reads that branch's sessions."""
    combo = area.branch_combo
    combo.setFocus()
    Agent(qtbot).pick(combo, name)
    code = combo.currentData()
    qtbot.waitUntil(lambda: area.data is not None and area.data.branch_code == code
                    and not area.model.loading, timeout=10_000)
    assert combo.currentText() == name


def _branch_sessions(config: AppConfig, code: str) -> list[tuple[str, str]]:
    """The branch's sessions of the fixed day and the next two, read without Aujourd'hui."""
    from app.services import open_services

    services = open_services(config)
    try:
        branch = next(b for b in services.references.branches() if b.code == code)
        rows = services.sessions.list(SessionFilter(
            branch_id=branch.id, date_from=FIXED_NOW.date(),
            date_to=FIXED_NOW.date() + timedelta(days=2)))
    finally:
        services.close()
    rows = sorted((r for r in rows if r.status is not SessionStatus.CANCELLED),
                  key=lambda r: r.start)
    return [(f"{r.start.astimezone():%H:%M}", r.title) for r in rows]


def test_the_desk_opens_on_today_with_the_branch_sessions_and_their_next_action(
    qtbot: QtBot, demo: AppConfig
) -> None:
    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    assert desk.window.stack.currentWidget() is area
    assert area.branch_combo.currentText() == "Bachut"
    assert "Tuesday 24 November" in area.heading.text() and "Bachut" in area.heading.text()
    expected = _branch_sessions(demo, "bachut")
    assert [t for _h, t in expected] == ["Café FLE débutants n°4", "Café FLE débutants n°3"]
    shown = [(f"{c.readiness.row.start.astimezone():%H:%M}", c.readiness.row.title)
             for c in area.cards]
    assert shown == expected
    for card in area.cards:
        row = card.readiness.row
        assert row.branch_code == "bachut"
        assert card.title.text().startswith(f"{row.start.astimezone():%H:%M}–")
        assert "Bachut" in card.where.text() and "Remote" in card.where.text()
        assert row.licence_label and row.licence_label in card.where.text()
        assert card.action_button.isVisible()
        assert card.action_button.text() == "Check the camera"
        assert "○ Camera: To do" in card.step_text(StepKey.CAMERA)
        assert "Not checked for this session yet" in card.step_text(StepKey.CAMERA)
        # Booked, but no host key in the keyring: said in words, not only in colour.
        assert "▲ Licence: To look at" in card.step_text(StepKey.LICENCE)
        assert "Not ready" in card.status.text()
    days = [w.text() for w in area.cards_box.findChildren(QLabel, "DayTitle")]
    assert days == ["Today — Tuesday 24 November", "Tomorrow — Wednesday 25 November",
                    "Thursday 26 November"]
    assert len(area.cards_box.findChildren(QLabel, "DayEmpty")) == 2
    desk.close()


def test_the_chosen_branch_is_remembered_and_an_empty_day_says_what_to_do(
    qtbot: QtBot, demo: AppConfig
) -> None:
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    assert area.branch_combo.currentText() == "Whole network"
    assert "Choose your branch" in area.hint.text() and area.hint.isVisible()
    assert len(area.cards) == len(_all_sessions(demo))
    _choose_branch(qtbot, area, "Vaise")
    assert QSettings().value("today/branch") == "vaise"
    # Rebuilding the cards flashes no window of its own: the desk keeps the keyboard.
    assert QApplication.activeWindow() is desk.window
    assert area.cards == []
    assert area.empty.isVisible()
    assert area.empty.text().startswith(
        "No session today or in the next 2 day(s) for Vaise: nothing to prepare.")
    assert "Sessions area" in area.empty.text()
    assert not area.hint.isVisible()
    desk.close()
    desk.window.close()

    again = open_desk(qtbot, demo)
    area = again.today_area()
    assert area.branch_combo.currentText() == "Vaise"
    assert area.cards == [] and "for Vaise" in area.empty.text()
    _choose_branch(qtbot, area, "Whole network")
    assert QSettings().value("today/branch") == "*"
    assert len(area.cards) == len(_all_sessions(demo))
    again.close()


def _all_sessions(config: AppConfig) -> list[str]:
    from app.services import open_services

    services = open_services(config)
    try:
        rows = services.sessions.list(SessionFilter(
            date_from=FIXED_NOW.date(), date_to=FIXED_NOW.date() + timedelta(days=2)))
    finally:
        services.close()
    return [r.title for r in rows if r.status is not SessionStatus.CANCELLED]


def test_after_the_demo_load_every_area_shows_it_without_a_restart(
    qtbot: QtBot, config: AppConfig
) -> None:
    desk = Desk(config)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    qtbot.waitUntil(lambda: desk.demo_box is not None and desk.demo_box.isVisible())
    today = desk.today_area()
    licences = desk.window.area("licences")
    checklists = desk.window.area("checklists")
    report = desk.window.area("report")
    assert isinstance(licences, LicencesArea) and isinstance(checklists, ChecklistsArea)
    assert isinstance(report, ReportArea)
    assert today.cards == [] and licences.table.rowCount() == 0
    assert checklists.session_combo.count() == 0 and report.branch_combo.count() == 1
    box = desk.demo_box
    assert box is not None
    with qtbot.waitSignal(desk.demo_loaded, timeout=20_000):
        box.button(QMessageBox.StandardButton.Yes).click()

    # Aujourd'hui, on screen, follows at once.
    qtbot.waitUntil(lambda: len(today.cards) == len(_all_sessions(config)), timeout=10_000)
    qtbot.waitUntil(lambda: today.branch_combo.count() == 11, timeout=10_000)
    # The areas behind it read nothing meanwhile; each reads the network when opened.
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()
    assert licences.table.rowCount() == 0 and report.branch_combo.count() == 1
    assert checklists.session_combo.count() == 0
    desk.window.show_area("sessions")
    qtbot.waitUntil(lambda: desk.sessions_area().model.rowCount() == 257, timeout=10_000)
    desk.window.show_area("licences")
    qtbot.waitUntil(lambda: licences.table.rowCount() == 4, timeout=10_000)
    desk.window.show_area("checklists")
    qtbot.waitUntil(lambda: checklists.session_combo.count() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: checklists.runner.count() > 1, timeout=10_000)
    desk.window.show_area("report")
    qtbot.waitUntil(lambda: report.branch_combo.count() == 11, timeout=10_000)
    qtbot.waitUntil(lambda: report.report is not None and report.report.total.sessions > 0,
                    timeout=10_000)
    qtbot.waitUntil(lambda: report.type_table.rowCount() > 0, timeout=5_000)
    total = report.type_table.item(report.type_table.rowCount() - 1, 1)
    assert total is not None and report.report is not None
    assert total.text() == str(report.report.total.sessions)
    # One burst of changes, one refresh of every area.
    assert desk.events.emitted == 1
    desk.close()


def test_a_burst_of_changes_makes_one_sessions_changed(qtbot: QtBot) -> None:
    events = DeskEvents()
    heard: list[int] = []
    events.sessions_changed.connect(lambda: heard.append(1))
    for _ in range(5):
        events.notify(12, None)  # as a saved check's signal carries its id and session
    assert heard == [] and events.pending
    qtbot.waitUntil(lambda: not events.pending, timeout=2000)
    QCoreApplication.processEvents()
    assert heard == [1] and events.notified == 5
    events.notify()
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=2000)


def test_an_area_behind_another_reads_once_when_it_is_shown(qtbot: QtBot) -> None:
    """Changes reach the area on screen at once; one behind it reads once, when shown,
    however many changes it missed; one that keeps a copy (`always`) reads at once."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    events = DeskEvents()
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    shown, hidden, copy = QWidget(), QWidget(), QWidget()
    for w in (shown, hidden, copy):
        stack.addWidget(w)
    reads = {"shown": 0, "hidden": 0, "copy": 0}

    def reader(key: str) -> Callable[[], None]:
        return lambda: reads.__setitem__(key, reads[key] + 1)

    events.follow(shown, reader("shown"))
    events.follow(hidden, reader("hidden"))
    events.follow(copy, reader("copy"), always=lambda: True)
    events.sessions_changed.emit()  # a window not on screen yet: every area reads
    assert reads == {"shown": 1, "hidden": 1, "copy": 1}
    stack.show()
    qtbot.waitExposed(stack)
    for _ in range(3):
        events.sessions_changed.emit()
    assert reads == {"shown": 4, "hidden": 1, "copy": 4}
    events.shown(shown)  # nothing missed: nothing read again
    assert reads["shown"] == 4
    stack.setCurrentWidget(hidden)
    events.shown(hidden)
    assert reads == {"shown": 4, "hidden": 2, "copy": 4}
    events.shown(hidden)
    assert reads["hidden"] == 2
    # A deleted area's refresh goes with it.
    shown.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)
    QCoreApplication.processEvents()
    events.sessions_changed.emit()
    assert reads == {"shown": 4, "hidden": 3, "copy": 5}


@pytest.fixture
def scene(tmp_path: Path) -> Path:
    path = tmp_path / "scene.png"
    cv2.imwrite(str(path), videos.scene(0.5))
    return path


def _short_camera_check() -> None:
    """The camera check of this computer, shortened in its override file."""
    import os

    folder = Path(os.environ["REGIE_CONFIG_DIR"]) / "thresholds"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "camera.toml").write_text(SHORT_CAMERA_CHECK, encoding="utf-8")


def test_a_camera_check_saved_for_a_session_turns_its_card_camera_step_done(
    qtbot: QtBot, demo: AppConfig, scene: Path
) -> None:
    _short_camera_check()
    QSettings().setValue("today/branch", "bachut")
    config = desk_config(demo.db_url, simulate_camera=scene)
    desk = open_desk(qtbot, config)
    area = desk.today_area()
    card = area.cards[0]
    sid, title = card.session_id, card.readiness.row.title
    untouched = [c for c in area.cards if c.session_id != sid]
    assert card.action_button.text() == "Check the camera"
    qtbot.mouseClick(card.action_button, Qt.MouseButton.LeftButton)
    camera = desk.window.area("camera")
    assert isinstance(camera, CameraCheckArea)
    assert desk.window.stack.currentWidget() is camera
    assert camera.session_id == sid and title in camera.session_label.text()
    qtbot.waitUntil(lambda: camera.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(camera.checkSaved, timeout=20_000) as saved:
        qtbot.mouseClick(camera.start_button, Qt.MouseButton.LeftButton)
    assert saved.args[1] == sid
    camera.stop()

    def camera_done() -> bool:
        c = area.card(sid)
        return c is not None and "Camera: OK" in c.step_text(StepKey.CAMERA)

    # While the camera area is on screen, Aujourd'hui reads nothing (the window works
    # for the screen in use); it follows once the agent comes back to it.
    qtbot.waitUntil(lambda: not desk.events.pending and desk.events.emitted > 0)
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()
    assert not camera_done()
    desk.window.show_area("today")
    qtbot.waitUntil(camera_done, timeout=10_000)
    now_card = area.card(sid)
    assert now_card is not None
    text = now_card.step_text(StepKey.CAMERA)
    assert text.startswith("✔ Camera: OK — 10:00 · ") and "scene.png" in text
    assert now_card.action_button.text() == "Check the sound"
    other = next(c for c in area.cards if c.session_id != sid)
    assert "○ Camera: To do" in other.step_text(StepKey.CAMERA)  # tied to that session
    # Only that session's card was made again: the others are the very same widgets
    # (rebuilding every card on the GUI thread stalled the screen in use).
    assert [c for c in area.cards if c.session_id != sid] == untouched
    desk.close()


def _prepare(qtbot: QtBot, desk: Desk, card: SessionCard) -> None:
    area = desk.today_area()
    with qtbot.waitSignal(area.prepare_page.loaded, timeout=10_000):
        qtbot.mouseClick(card.prepare_button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.prepare_page


def test_prepare_skip_keeps_its_reason_and_shows_it_everywhere(
    qtbot: QtBot, demo: AppConfig
) -> None:
    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    card = area.cards[0]
    sid = card.session_id
    _prepare(qtbot, desk, card)
    page = area.prepare_page
    assert page.current_step() is StepKey.CAMERA  # the next step is selected
    assert not page.skip_button.isEnabled()  # a reason first
    qtbot.keyClicks(page.reason, "no camera in this room")
    assert page.skip_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert "↷ Camera: Skipped" in page.step_text(StepKey.CAMERA)
    assert "Skipped: no camera in this room" in page.step_text(StepKey.CAMERA)
    assert page.current_step() is StepKey.SOUND  # on to the next step
    page.select_step(StepKey.CAMERA)
    assert "Skipped: no camera in this room" in page.step_state.text()
    assert page.unskip_button.isEnabled()
    assert "Camera" not in page.status.text()  # no longer in "still to do"

    def camera_skipped() -> bool:
        c = area.card(sid)
        return c is not None and "Skipped: no camera in this room" in c.step_text(
            StepKey.CAMERA)

    qtbot.waitUntil(camera_skipped, timeout=10_000)
    shown = area.card(sid)
    assert shown is not None and shown.action_button.text() == "Check the sound"
    qtbot.keyClick(page.steps, Qt.Key.Key_Escape)
    assert area.stack.currentWidget() is area.list_page
    # Opened again, from the Sessions area this time: the reason is still there.
    sessions = desk.sessions_area()
    desk.window.show_area("sessions")
    assert sessions.select_session(sid)
    action = next(a for a in sessions.actions() if a.objectName() == "PrepareAction")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        action.trigger()
    assert desk.window.stack.currentWidget() is area and page.session_id == sid
    page.select_step(StepKey.CAMERA)
    assert "Skipped: no camera in this room" in page.step_state.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.unskip_button, Qt.MouseButton.LeftButton)
    assert "○ Camera: To do" in page.step_text(StepKey.CAMERA)
    desk.close()


def test_a_session_marked_ready_by_hand_keeps_its_reason(
    qtbot: QtBot, demo: AppConfig
) -> None:
    """Ready although steps are left: only with a reason, shown with the status, stored as
    the session's status; taken back, the steps decide again."""
    from app.services import open_services

    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    card = area.cards[0]
    sid = card.session_id
    _prepare(qtbot, desk, card)
    page = area.prepare_page
    judged = page.readiness
    assert judged is not None and not judged.ready
    assert judged.row.status is SessionStatus.PLANNED
    assert page.ready_reason.isEnabled() and not page.ready_button.isEnabled()  # a reason
    assert not page.unready_button.isEnabled()
    qtbot.keyClicks(page.ready_reason, "the speaker tested the room this morning")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.ready_button, Qt.MouseButton.LeftButton)
    assert "set by hand: the speaker tested the room this morning" in page.status.text()
    assert page.unready_button.isEnabled() and not page.ready_button.isEnabled()
    services = open_services(demo)
    try:
        assert services.sessions.get(sid).status is SessionStatus.READY
    finally:
        services.close()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.unready_button, Qt.MouseButton.LeftButton)
    assert "set by hand" not in page.status.text()
    services = open_services(demo)
    try:
        assert services.sessions.get(sid).status is SessionStatus.PLANNED
    finally:
        services.close()
    desk.close()


def test_the_readiness_sheet_is_a_pdf_of_the_session(
    qtbot: QtBot, demo: AppConfig, tmp_path: Path
) -> None:
    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    card = area.cards[0]
    title = card.readiness.row.title
    _prepare(qtbot, desk, card)
    page = area.prepare_page
    page.select_step(StepKey.SOUND)
    qtbot.keyClicks(page.reason, "the speaker brings his own microphone")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    dialog = page.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "fiche"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(page.sheet_written, timeout=10_000) as written:
        dialog.accept()
    pdf = Path(written.args[0])
    assert pdf == tmp_path / "fiche.pdf" and pdf.is_file()
    assert str(pdf) in page.message.text()
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    try:
        assert doc.pageCount() == 1
        assert doc.metaData(QPdfDocument.MetaDataField.Title) == f"Readiness sheet — {title}"
        text = doc.getAllText(0).text()
    finally:
        doc.close()
    for expected in (title, "Bachut", "Not ready", "Camera", "To do", "Skipped",
                     "the speaker brings his own microphone", "Still to do before the launch",
                     "Printed by Régie on 24/11/2026 10:00"):
        assert expected in text, expected
    desk.close()


def _mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the visible labels and buttons under `root`."""
    import re

    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        text = w.text() if isinstance(w, (QAbstractButton, QLabel)) else ""
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


def test_today_and_prepare_fit_a_small_screen_and_are_reached_by_keyboard(
    qtbot: QtBot, demo: AppConfig
) -> None:
    desk = open_desk(qtbot, demo)
    window = desk.window
    assert (window.width(), window.height()) == SCREEN
    area = desk.today_area()
    assert area.cards
    viewport = area.cards_scroll.viewport().width()
    assert viewport > 0
    for card in area.cards:  # every card fits across: no sideways scrolling
        assert card.minimumSizeHint().width() <= viewport, (card.minimumSizeHint(), viewport)
    menus = [a.text() for a in window.menuBar().actions()]
    menu_keys = [t[t.index("&") + 1].lower() for t in menus]
    keys = _mnemonics(area.list_page)
    assert len(keys) == len(set(keys)) and not set(keys) & set(menu_keys), keys
    # Tab goes from the controls to the cards' buttons, in order.
    area.refresh_button.setFocus()
    first = area.cards[0]
    assert area.refresh_button.nextInFocusChain() is first.action_button
    assert first.action_button.nextInFocusChain() is first.registrations_button
    assert first.registrations_button.nextInFocusChain() is first.prepare_button
    for card in area.cards:
        for button in (card.action_button, card.registrations_button, card.prepare_button):
            assert button.accessibleName() and card.readiness.row.title in (
                button.accessibleName())
            assert button.focusPolicy() != Qt.FocusPolicy.NoFocus
            right = button.mapTo(area, button.rect().bottomRight()).x()
            assert right <= area.width()

    _prepare(qtbot, desk, first)
    page = area.prepare_page
    keys = _mnemonics(page)
    assert len(keys) == len(set(keys)) and not set(keys) & set(menu_keys), keys
    for w in page.findChildren(QWidget):
        if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible():
            corner = w.mapTo(page, w.rect().bottomRight())
            assert corner.x() <= page.width() and corner.y() <= page.height(), w
    for w in (page.back_button, page.steps, page.open_button, page.reason, page.skip_button,
              page.unskip_button, page.sheet_button):
        assert w.accessibleName(), w
    desk.close()


def test_changes_made_in_other_areas_reach_today_at_once(
    qtbot: QtBot, demo: AppConfig
) -> None:
    """A session cancelled, a checklist run closed, attendance typed: each tells the
    desk, and Aujourd'hui follows once shown again, without being refreshed by hand."""
    from app.ui.attendance import AttendanceDialog

    QSettings().setValue("today/branch", "bachut")
    desk = open_desk(qtbot, demo)
    area = desk.today_area()
    first, second = (c.session_id for c in area.cards)
    sessions = desk.sessions_area()
    desk.window.show_area("sessions")

    # Cancelled in the Sessions area: gone from Aujourd'hui.
    assert sessions.select_session(first)
    sessions.cancel_selected()
    box = sessions.cancel_box
    with qtbot.waitSignal(sessions.rows_loaded, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    desk.window.show_area("today")
    qtbot.waitUntil(lambda: area.card(first) is None, timeout=10_000)
    assert [c.session_id for c in area.cards] == [second]

    # A checklist run started and closed for the other one: its step counts the run.
    assert "No checklist run for this session yet" in area.cards[0].step_text(
        StepKey.CHECKLIST)
    assert sessions.select_session(second)
    checklist_action = next(a for a in sessions.actions()
                            if a.shortcut().toString() == "Ctrl+Shift+K")
    checklist_action.trigger()
    checklists = desk.window.area("checklists")
    assert isinstance(checklists, ChecklistsArea)
    qtbot.waitUntil(lambda: checklists.session_combo.currentData() == second, timeout=10_000)
    checklists.start_run()
    assert checklists.run is not None
    qtbot.mouseClick(checklists.dc_close, Qt.MouseButton.LeftButton)

    def counted() -> bool:
        card = area.card(second)
        return card is not None and "steps at T-30" in card.step_text(StepKey.CHECKLIST)

    assert desk.window.stack.currentWidget() is checklists
    desk.window.show_area("today")
    qtbot.waitUntil(counted, timeout=10_000)

    # Attendance typed and the dialog closed: the desk hears it once.
    desk.window.show_area("sessions")
    assert sessions.select_session(second)
    before = desk.events.emitted
    attendance_action = next(a for a in sessions.actions()
                             if a.shortcut().toString() == "Ctrl+Shift+A")
    attendance_action.trigger()
    dialog = desk.window.findChild(AttendanceDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.registered.setValue(12)
    assert dialog.save_counts(), dialog.message.text()
    dialog.close()
    qtbot.waitUntil(lambda: desk.events.emitted == before + 1, timeout=5000)
    desk.close()


def test_today_is_read_off_the_gui_thread(qtbot: QtBot, demo: AppConfig) -> None:
    """The branches and sessions are read by a worker: the window never waits on the
    database (a network one may be slow)."""
    import threading

    from app.services import open_services
    from app.ui.today import TodayModel

    services = open_services(demo)
    real = services.references
    readers: list[threading.Thread] = []

    class Watched:
        """The real reference repository, noting which thread reads the branches."""

        def branches(self) -> object:
            readers.append(threading.current_thread())
            return real.branches()

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    services.references = Watched()  # type: ignore[assignment]
    model = TodayModel(services)
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        model.load("bachut", 3)
    assert readers and all(t is not threading.main_thread() for t in readers)
    assert [r.row.branch_code for r in loaded.args[0].sessions] == ["bachut", "bachut"]
    services.close()


def test_the_first_screen_shows_today_s_sessions_before_the_database_opens(
    qtbot: QtBot, demo: AppConfig
) -> None:
    """The window opens on the branch's sessions of today, read by one light query; the
    cards with their readiness take their place, nothing in between."""
    QSettings().setValue("today/branch", "bachut")
    desk = Desk(demo, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.resize(*SCREEN)
    desk.window.show()
    glance = desk.startup.glance
    assert glance is not None and glance.isVisible()
    expected = _branch_sessions(demo, "bachut")
    assert [(when[:5], title) for when, title in glance.entries] == expected
    shown = glance.list_label.text()
    said = glance.list_label.accessibleDescription()
    assert all(title.replace("'", "&#39;") in shown or title in shown for _w, title in expected)
    assert all(f"{when}, {title}, Bachut." in said for when, title in glance.entries)
    assert "<" not in said
    assert "Tuesday 24 November" in glance.heading.text() and "Bachut" in glance.heading.text()
    assert desk.services is None  # nothing of the database layer was needed for it
    with qtbot.waitSignal(desk.today_loaded, timeout=30_000):
        desk.open()
    area = desk.today_area()
    assert area.glance_view is None and area.cards_scroll.isVisible()
    assert [(f"{c.readiness.row.start.astimezone():%H:%M}", c.readiness.row.title)
            for c in area.cards] == expected
