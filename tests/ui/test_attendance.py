"""The attendance dialog, driven through real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.models import SessionMode
from app.services import Services
from app.ui.attendance import AttendanceDialog
from app.ui.workers import ImmediatePool
from tests.attendance.helpers import HEADER_BLOCK, ZOOM_US, add_session, network


def make(qtbot: QtBot, services: Services, mode: SessionMode = SessionMode.HYBRID):
    net = network(services)
    sid = add_session(services, mode=mode, capacity=40)
    dialog = AttendanceDialog(net, sid, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    return net, sid, dialog


def test_typed_counts_are_saved(qtbot: QtBot, services: Services) -> None:
    net, sid, dialog = make(qtbot, services)
    assert dialog.registered.specialValueText()
    assert dialog.registered.value() == -1  # not recorded yet
    dialog.registered.setValue(30)
    dialog.connected.setValue(12)
    dialog.on_site.setValue(6)
    assert dialog.save_counts()
    record = net.attendance.record(sid)
    assert record is not None
    assert (record.registered, record.connected, record.on_site) == (30, 12, 6)
    assert "40,0 %" in dialog.figures_label.text()  # (30 - 18) / 30


def test_remote_session_has_no_on_site_count(qtbot: QtBot, services: Services) -> None:
    _net, _sid, dialog = make(qtbot, services, SessionMode.REMOTE)
    assert not dialog.on_site.isEnabled()


def test_import_previews_then_commits(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    net, sid, dialog = make(qtbot, services)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    assert not dialog.preview_box.isHidden()
    assert dialog.preview_table.rowCount() == 3
    assert "3 attendees" in dialog.preview_summary.text()
    assert "2 reconnections merged" in dialog.preview_summary.text()
    assert net.attendance.record(sid) is None  # nothing saved before confirmation
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    record = net.attendance.record(sid)
    assert record is not None
    assert record.connected == 3
    assert dialog.connected.value() == 3
    assert dialog.preview_box.isHidden()


def test_discarded_import_saves_nothing(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    net, sid, dialog = make(qtbot, services)
    f = tmp_path / "inscrits.csv"
    f.write_text("Email\na@x.fr\nb@x.fr\n", encoding="utf-8")
    dialog.import_registration_file(f)
    assert "2 registered" in dialog.preview_summary.text()
    dialog.discard_import()
    assert net.attendance.record(sid) is None


def test_bad_file_is_explained(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    net, sid, dialog = make(qtbot, services)
    f = tmp_path / "bad.csv"
    f.write_text(ZOOM_US + "X,,garbage,later,5,Yes,,No\n", encoding="utf-8")
    dialog.import_zoom_file(f)
    assert "Nothing was imported" in dialog.message.text()
    assert "Line 9" in dialog.message.text()
    assert dialog.preview_box.isHidden()
    assert dialog.zoom_button.isEnabled()
    assert net.attendance.record(sid) is None


def test_import_runs_in_a_worker(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    net = network(services)
    sid = add_session(services)
    dialog = AttendanceDialog(net, sid)  # the real thread pool
    qtbot.addWidget(dialog)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    qtbot.waitUntil(lambda: dialog.pending is not None, timeout=5000)
    assert dialog.preview_table.rowCount() == 3


def test_every_control_has_a_name(qtbot: QtBot, services: Services) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QTableWidget

    _net, _sid, dialog = make(qtbot, services)
    for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractSpinBox) + (
        dialog.findChildren(QTableWidget)
    ):
        if not w.objectName().startswith("qt_"):  # Qt's own internals
            assert w.accessibleName(), w
