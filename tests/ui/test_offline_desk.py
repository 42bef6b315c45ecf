"""The desk when the network server stops answering: a banner saying what still works,
the last known sessions read-only, typed counts kept on this computer and sent exactly
once when the server is back. The real test PostgreSQL is stopped (and always restarted).
The periodic ping is not waited for: the tests trigger it directly."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.config import data_dir
from app.core.outbox import ReplayReport
from app.services import Services, open_services
from app.storage.outbox import LocalOutbox, offline_receipts
from app.storage.snapshot import SNAPSHOT_FILE, read_snapshot
from app.ui.attendance import AttendanceDialog
from app.ui.desk import Desk
from tests.support.fixtures import PgControl, desk_config
from tests.support.offline import cafe_fle_at

pytestmark = [
    pytest.mark.usefixtures("collect_sockets"),
    pytest.mark.postgresql,
    # The keyring client behind the server's password lookup leaves its D-Bus socket to
    # the garbage collector; it is collected here (below), not in a later test.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


NEVER = 24 * 3600 * 1000  # the periodic ping never fires by itself here


def _open(qtbot: QtBot, url: str) -> Desk:
    desk = Desk(desk_config(url), offer_demo=False,
                ping_interval_ms=NEVER)
    qtbot.addWidget(desk.window)
    with qtbot.waitSignal(desk.data_loaded, timeout=30_000):
        desk.open()
    return desk


def _receipts(url: str) -> int:
    services: Services = open_services(desk_config(url))
    try:
        with services.db.read() as conn:
            q = sa.select(sa.func.count()).select_from(offline_receipts)
            return int(conn.execute(q).scalar_one())
    finally:
        services.close()


def test_the_desk_goes_offline_and_back(
    qtbot: QtBot, stoppable: tuple[str, PgControl]
) -> None:
    url, ctl = stoppable
    sid = cafe_fle_at(url)
    desk = _open(qtbot, url)
    sessions = desk.sessions_area()
    monitor = desk.connection
    assert monitor is not None and not monitor.offline
    assert (data_dir() / SNAPSHOT_FILE).is_file()  # written with the first full list
    assert "cannot be reached" not in desk.window.banner_text()
    assert desk.window.queue_label.isHidden()

    ctl.stop()
    with qtbot.waitSignal(monitor.went_offline, timeout=30_000):
        monitor.ping_now()
    banner = desk.window.banner_text()
    assert "cannot be reached" in banner and "saved on this computer" in banner
    assert sessions.read_only and sessions.model.rowCount() == 1  # the last known rows
    assert not sessions.new_action.isEnabled() and not sessions.edit_action.isEnabled()
    assert "cannot be reached" in sessions.edit_action.toolTip()
    licences = desk.window.area("licences")
    assert getattr(licences, "read_only", False)
    today = desk.today_area()
    assert today.offline and "needs the database server" in today.empty.text()
    assert not today.refresh_button.isEnabled()
    checklists = desk.window.area("checklists")
    note = checklists.findChild(QLabel, "OfflineNote")
    assert note is not None and not note.isHidden()  # runs go on, kept on this computer

    sessions.select_session(sid)
    # A check for the selected session names it from the last copy, not the server.
    camera_action = next(a for a in sessions.actions() if a.shortcut().toString() == "Ctrl+Shift+C")
    camera_action.trigger()
    camera = desk.window.area("camera")
    assert camera.session_id == sid  # type: ignore[attr-defined]
    assert "Café FLE" in camera.session_label.text()  # type: ignore[attr-defined]
    desk.window.show_area("sessions")
    dialog = AttendanceDialog(
        sessions.services, sid, parent=desk.window, row=sessions.selected_row(),
        connection=monitor,
    )
    dialog.registered.setValue(18)
    dialog.connected.setValue(11)
    assert dialog.save_counts()
    assert "kept on this computer" in dialog.message.text()
    assert not desk.window.queue_label.isHidden()
    assert desk.window.queue_label.text() == "1 waiting to be sent"
    dialog.close()

    ctl.start()
    with qtbot.waitSignal(monitor.came_online, timeout=30_000) as sent:
        monitor.ping_now()
    assert sent.args[0].sent and not sent.args[0].refused
    qtbot.waitUntil(lambda: not sessions.read_only, timeout=10_000)
    assert "cannot be reached" not in desk.window.banner_text()
    assert desk.window.queue_label.isHidden()
    assert LocalOutbox(data_dir()).count() == 0
    assert sessions.new_action.isEnabled()
    assert note.isHidden()
    qtbot.waitUntil(lambda: not today.offline and today.card(sid) is not None, timeout=10_000)
    assert today.empty.isHidden() and today.refresh_button.isEnabled()

    # Another ping sends nothing again.
    with qtbot.assertNotEmitted(monitor.came_online):
        monitor.ping_now()
        qtbot.waitUntil(lambda: not monitor._busy, timeout=10_000)
    desk.close()
    assert _receipts(url) == 1
    services = open_services(desk_config(url))
    record = services.attendance.record(sid)
    services.close()
    assert record is not None and (record.registered, record.connected) == (18, 11)


def test_opening_with_the_server_down_shows_the_snapshot_read_only(
    qtbot: QtBot, stoppable: tuple[str, PgControl]
) -> None:
    url, ctl = stoppable
    cafe_fle_at(url)
    desk = _open(qtbot, url)  # a first, online start leaves the snapshot
    desk.close()
    desk.window.close()
    assert read_snapshot(data_dir(), url) is not None

    ctl.stop()
    desk = _open(qtbot, url)
    sessions = desk.sessions_area()
    assert sessions.read_only and sessions.model.rowCount() == 1
    assert sessions.model.row_at(0).title == "Café FLE"
    assert "read-only" in sessions.count_label.text()
    assert "cannot be reached" in desk.window.banner_text()
    assert not sessions.new_action.isEnabled()
    assert desk.startup is not None  # the start-up page gave way to the areas
    assert [a.key for a in desk.window.areas][:2] == ["today", "sessions"]
    assert "needs the database server" in desk.today_area().empty.text()
    # Every area opens without the server.
    for area in desk.window.areas:
        desk.window.show_area(area.key)
    desk.close()


def test_without_a_snapshot_the_start_up_page_keeps_the_message(
    qtbot: QtBot, stoppable: tuple[str, PgControl]
) -> None:
    url, ctl = stoppable
    ctl.stop()
    desk = Desk(desk_config(url), offer_demo=False,
                ping_interval_ms=NEVER)
    qtbot.addWidget(desk.window)
    with qtbot.waitSignal(desk.failed, timeout=30_000) as failed:
        desk.open()
    assert "cannot be opened" in failed.args[0]
    desk.close()


def test_checklists_run_offline_and_reach_the_server_once_back(
    qtbot: QtBot, stoppable: tuple[str, PgControl]
) -> None:
    from app.core.checklists import RunMode
    from app.storage.checklists import checklist_runs
    from app.ui.checklists import ChecklistsArea

    url, ctl = stoppable
    sid = cafe_fle_at(url)
    services = open_services(desk_config(url))
    staff = services.references.add_staff(
        "Inès Martin", services.references.branches()[0].id, "agent"
    )
    services.close()
    desk = _open(qtbot, url)  # a first, online start leaves the snapshot (with the staff)
    desk.close()
    desk.window.close()

    ctl.stop()
    desk = _open(qtbot, url)
    area = desk.window.show_area("checklists")
    assert isinstance(area, ChecklistsArea) and area.offline
    assert not area.offline_note.isHidden()
    assert desk.window.area("report").objectName() == "NeedsServerPage"
    # The page is read in a worker: the staff and the session come from the last copy.
    qtbot.waitUntil(lambda: area.runner.findData(staff) >= 0, timeout=10_000)
    area.open_for_session(sid)
    qtbot.waitUntil(lambda: area.session_combo.currentData() == sid, timeout=10_000)
    assert area.checklist_combo.count() > 0
    area.run_mode.setCurrentIndex(area.run_mode.findData(RunMode.DO_CONFIRM.value))
    area.runner.setCurrentIndex(area.runner.findData(staff))
    area.start_run()
    run = area.run
    assert run is not None
    qtbot.waitUntil(lambda: run.state.kept_locally, timeout=10_000)  # saved in a worker
    area.step_item(run.steps[0].id).setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: desk.window.queue_label.text() == "1 waiting to be sent",
                    timeout=10_000)  # saves land in a worker
    with qtbot.waitSignal(area.start_page_loaded, timeout=10_000):
        area.close_run()
    listed = [area.unfinished.item(i).text() for i in range(area.unfinished.count())]
    assert len(listed) == 1 and "not yet sent" in listed[0] and "Café FLE" in listed[0]
    assert "Inès Martin" in listed[0]

    monitor = desk.connection
    assert monitor is not None
    ctl.start()
    reports: list[ReplayReport] = []
    monitor.came_online.connect(reports.append)
    with qtbot.waitSignals([monitor.came_online, area.start_page_loaded], timeout=30_000):
        monitor.ping_now()
    assert len(reports) == 1 and len(reports[0].sent) == 1
    assert area.offline_note.isHidden()  # back on live data
    listed = [area.unfinished.item(i).text() for i in range(area.unfinished.count())]
    assert len(listed) == 1 and "not yet sent" not in listed[0]
    report = desk.window.area("report")
    assert report.objectName() != "NeedsServerPage"  # opened by itself, now
    desk.window.show_area("report")
    desk.close()

    services = open_services(desk_config(url))
    with services.db.read() as conn:
        rows = conn.execute(sa.select(checklist_runs)).all()
    services.close()
    assert len(rows) == 1 and rows[0].session_id == sid and rows[0].staff_id == staff
    assert rows[0].client_key == run.state.key
