"""The attendance dialog, driven through real widgets offscreen."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
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
    QLocale.setDefault(QLocale(QLocale.Language.French))  # figures follow the locale
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
    assert "40,0\u202f%" in dialog.figures_label.text()  # (30 - 18) / 30


def test_remote_session_has_no_on_site_count(qtbot: QtBot, services: Services) -> None:
    _net, _sid, dialog = make(qtbot, services, SessionMode.REMOTE)
    assert not dialog.on_site.isEnabled()


def test_import_previews_then_commits(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    net, sid, dialog = make(qtbot, services)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    assert not dialog.preview_box.isHidden()
    assert dialog.preview_model.rowCount() == 3
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
    assert dialog.preview_model.rowCount() == 3


def test_every_control_has_a_name(qtbot: QtBot, services: Services) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QHeaderView,
        QProgressBar,
    )

    _net, _sid, dialog = make(qtbot, services)
    views = [v for v in dialog.findChildren(QAbstractItemView) if not isinstance(v, QHeaderView)]
    assert dialog.preview_table in views
    for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractSpinBox) + (
        views + dialog.findChildren(QProgressBar)
    ):
        if not w.objectName().startswith("qt_"):  # Qt's own internals
            assert w.accessibleName(), w


def _box(dialog: AttendanceDialog, name: str) -> QMessageBox:
    shown = [b for b in dialog.findChildren(QMessageBox, name) if b.isVisible()]
    assert len(shown) == 1, name
    return shown[0]


def test_typed_counts_survive_an_import(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """Counts typed, then a Zoom report imported: the typed counts are still there (not
    saved yet), the connected count is the file's."""
    net, sid, dialog = make(qtbot, services)
    dialog.registered.setValue(30)
    dialog.on_site.setValue(6)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    record = net.attendance.record(sid)
    assert record is not None and record.connected == 3
    assert (record.registered, record.on_site) == (None, None)  # typed, not saved yet
    assert (dialog.registered.value(), dialog.connected.value(), dialog.on_site.value()) == (
        30, 3, 6)
    assert dialog.typed_counts() == {"registered": 30, "on_site": 6}
    assert "Import saved." in dialog.message.text() and "Save" in dialog.message.text()
    assert dialog.save_counts()
    record = net.attendance.record(sid)
    assert record is not None
    assert (record.registered, record.connected, record.on_site) == (30, 3, 6)
    assert dialog.typed_counts() == {}


def test_closing_with_unsaved_counts_asks(qtbot: QtBot, services: Services) -> None:
    net, sid, dialog = make(qtbot, services)
    dialog.show()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)

    dialog.registered.setValue(25)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    box = _box(dialog, "UnsavedCountsBox")
    assert dialog.isVisible()  # nothing is lost while the question is asked
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.registered.value() == 25

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape asks too
    box = _box(dialog, "UnsavedCountsBox")
    with qtbot.waitSignal(dialog.accepted):
        box.button(QMessageBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    record = net.attendance.record(sid)
    assert record is not None and record.registered == 25

    dialog = AttendanceDialog(net, sid, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.registered.value() == 25 and dialog.typed_counts() == {}
    dialog.connected.setValue(9)
    dialog.close()  # the window's close button
    box = _box(dialog, "UnsavedCountsBox")
    assert dialog.isVisible()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()
    record = net.attendance.record(sid)
    assert record is not None and record.connected is None

    dialog = AttendanceDialog(net, sid, pool=ImmediatePool())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # nothing typed: closes at once
    assert not dialog.findChildren(QMessageBox)


def test_new_import_says_what_it_replaces_and_asks(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    net, sid, dialog = make(qtbot, services)
    dialog.show()
    first = tmp_path / "inscrits.csv"
    first.write_text("Email\na@x.fr\nb@x.fr\n", encoding="utf-8")
    dialog.import_registration_file(first)
    assert "replaces" not in dialog.preview_summary.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # nothing to replace
    assert not dialog.findChildren(QMessageBox)
    record = net.attendance.record(sid)
    assert record is not None and record.registered == 2

    second = tmp_path / "inscrits-2.csv"
    second.write_text("Email\nc@x.fr\nd@x.fr\ne@x.fr\n", encoding="utf-8")
    dialog.import_registration_file(second)
    said = ("Saving replaces the registration list imported on 24/11/2026 10:00 "
            "(number of people: 2).")
    assert said in dialog.preview_summary.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    box = _box(dialog, "ReplaceImportBox")
    assert box.text() == said
    keep = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.RejectRole)
    keep.click()
    record = net.attendance.record(sid)
    assert record is not None and record.registered == 2  # the earlier list stays
    assert {p.email for _k, p in net.attendance.people(sid)} == {"a@x.fr", "b@x.fr"}
    assert dialog.pending is not None  # still previewed: it can be saved after all

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    box = _box(dialog, "ReplaceImportBox")
    replace = next(b for b in box.buttons()
                   if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    assert replace.accessibleName() == "Replace the earlier import"
    replace.click()
    record = net.attendance.record(sid)
    assert record is not None and record.registered == 3
    assert {p.email for _k, p in net.attendance.people(sid)} == {"c@x.fr", "d@x.fr", "e@x.fr"}
    assert dialog.message.text() == "Import saved."


def big_report(people: int, rows_each: int = 3) -> str:
    """A Zoom report of `people` attendees, each connected `rows_each` times."""
    lines = [ZOOM_US.splitlines()[0]]
    for i in range(people * rows_each):
        p = i % people
        minute = 10 + i // people
        lines.append(f"Personne {p},person{p}@example.fr,11/24/2026 02:{minute:02d}:00 PM,"
                     f"11/24/2026 02:{minute:02d}:30 PM,1,Yes,,No")
    return "\r\n".join(lines) + "\r\n"


def test_preview_is_a_model_with_every_person(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    _net, _sid, dialog = make(qtbot, services)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    model = dialog.preview_table.model()
    assert model is dialog.preview_model
    assert model.columnCount() == 3
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    marie = names.index("Dupont, Marie")
    assert model.index(marie, 1).data() == "marie@example.fr"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "E-mail"
    dialog.discard_import()
    assert model.rowCount() == 0


def test_import_is_saved_in_a_worker_with_progress(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """The real thread pool: the GUI thread keeps turning while the people are written,
    the progress bar hears each chunk, and the counts are there once it is done."""
    net = network(services)
    sid = add_session(services)
    dialog = AttendanceDialog(net, sid)
    qtbot.addWidget(dialog)
    f = tmp_path / "participants.csv"
    f.write_bytes(big_report(5_000).encode())
    dialog.import_zoom_file(f)
    qtbot.waitUntil(lambda: dialog.pending is not None, timeout=20_000)
    heard: list[tuple[int, int]] = []
    dialog.save_progress.valueChanged.connect(
        lambda v: heard.append((v, dialog.save_progress.maximum())))
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.saving and not dialog.confirm_button.isEnabled()
    assert not dialog.zoom_button.isEnabled()
    dialog.reject()  # closing waits for the save
    assert "being saved" in dialog.message.text()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=30_000)
    assert heard and heard[-1] == (5_000, 5_000)
    record = net.attendance.record(sid)
    assert record is not None and record.connected == 5_000
    assert len(net.attendance.people(sid)) == 5_000
    assert dialog.connected.value() == 5_000
    assert dialog.save_progress.isHidden() and dialog.zoom_button.isEnabled()
    assert "Import saved." in dialog.message.text()


def test_failed_save_keeps_nothing_and_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """A write that fails half-way (here a bug: the database refuses a row) leaves
    neither the people nor the count; the dialog is usable again, the preview kept."""
    import sqlalchemy as sa

    from app.storage.attendance import attendance_people

    net, sid, dialog = make(qtbot, services)
    f = tmp_path / "participants.csv"
    f.write_bytes(big_report(4_500, rows_each=1).encode())
    dialog.import_zoom_file(f)
    with services.db.begin() as conn:  # a later chunk of people is refused
        conn.execute(sa.text(
            "CREATE TRIGGER refuse AFTER INSERT ON attendance_people "
            "WHEN NEW.name = 'Personne 4400' BEGIN SELECT RAISE(ABORT, 'disk full'); END"))
    with qtbot.captureExceptions() as raised:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [type(e[1]).__name__ for e in raised] == ["IntegrityError"]  # to the crash handler
    assert not dialog.saving
    assert "The import was not saved" in dialog.message.text()
    assert net.attendance.record(sid) is None
    with services.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(attendance_people)).scalar() == 0
    assert dialog.pending is not None and dialog.confirm_button.isEnabled()


def test_preview_rows_are_made_on_the_worker(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread only swaps the preview's rows in; while the file is read the
    interpreter changes threads every millisecond, as it was once the read is done."""
    import app.ui.attendance as attendance_ui

    seen: list[tuple[int, float]] = []
    made = attendance_ui.preview_rows

    def spy(preview: attendance_ui.Preview) -> list[attendance_ui.PreviewRow]:
        seen.append((threading.get_ident(), sys.getswitchinterval()))
        return made(preview)

    monkeypatch.setattr(attendance_ui, "preview_rows", spy)
    before = sys.getswitchinterval()
    net = network(services)
    sid = add_session(services, capacity=40)
    dialog = AttendanceDialog(net, sid)  # the application's thread pool
    qtbot.addWidget(dialog)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    qtbot.waitUntil(lambda: dialog.pending is not None, timeout=10_000)
    assert dialog.preview_model.rowCount() == 3
    assert len(seen) == 1
    thread, interval = seen[0]
    assert thread != threading.get_ident()
    assert interval == pytest.approx(0.001)
    assert sys.getswitchinterval() == before


def test_an_import_is_written_on_a_worker_that_shares_the_interpreter(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing an import is long Python work (a row's values made ready for the
    database): while it runs on its worker the interpreter changes threads every
    millisecond, so the window waits at most that long for it; as it was once saved."""
    before = sys.getswitchinterval()
    net = network(services)
    sid = add_session(services, capacity=40)
    dialog = AttendanceDialog(net, sid)  # the application's thread pool
    qtbot.addWidget(dialog)
    seen: list[tuple[int, float]] = []
    service = dialog._service
    commit = service.commit_zoom

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append((threading.get_ident(), sys.getswitchinterval()))
        return commit(*args, **kwargs)

    monkeypatch.setattr(service, "commit_zoom", spy)
    f = tmp_path / "participants.csv"
    f.write_bytes((HEADER_BLOCK + ZOOM_US).encode())
    dialog.import_zoom_file(f)
    qtbot.waitUntil(lambda: dialog.pending is not None, timeout=10_000)
    dialog.confirm_import()
    qtbot.waitUntil(lambda: dialog.pending is None and not dialog.saving, timeout=10_000)
    assert net.attendance.record(sid) is not None
    assert len(seen) == 1
    thread, interval = seen[0]
    assert thread != threading.get_ident()
    assert interval == pytest.approx(0.001)
    assert sys.getswitchinterval() == before
