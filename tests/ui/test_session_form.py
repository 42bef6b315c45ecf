"""The session form's “Licence and meeting” part, driven like a person would, on a real
SQLite file and the real keyring: which licence fits and why not, the best free one,
a pasted join link, the passcode kept in the keyring only, and the edit that shows it."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.licences import ClashReason
from app.services import Services
from app.ui.session_dialog import SessionDialog
from app.ui.sessions_area import SessionsArea
from app.ui.workers import ImmediatePool
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import (
    Network,
    network,  # noqa: F401  (fixture)
)
from tests.zoom.test_cli import stored_bytes

pytestmark = pytest.mark.keyring

PASSCODE = "Qz7mK2"
LINK = f"https://bm.zoom.us/j/12345678901?pwd={PASSCODE}"


@pytest.fixture
def net(network: Network) -> Network:  # noqa: F811  (the fixture imported above)
    if not os.environ.get("REGIE_TEST_KEYRING"):
        pytest.skip("needs the Secret Service started by tests/support/services.sh")
    return network


def _dialog(qtbot: QtBot, services: Services, sid: int | None = None) -> SessionDialog:
    refs = services.references
    kwargs: dict[str, object] = {}
    if sid is not None:
        session = services.sessions.get(sid)
        kwargs = {
            "draft": session,
            "allowed_statuses": services.sessions.allowed_statuses(session.status),
            "meeting": services.licences.launcher.meeting(sid),
        }
    dlg = SessionDialog(
        services,
        types=refs.session_types(),
        branches=refs.branches(),
        staff=refs.staff(),
        session_id=sid,
        title="Edit session" if sid else "New session",
        pool=ImmediatePool(),  # the worker answers at once
        **kwargs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _new_at(dlg: SessionDialog, title: str, start: QTime, end: QTime) -> None:
    dlg.title_edit.setText(title)
    dlg.branch_combo.setCurrentIndex(dlg.branch_combo.findText("Médiathèque centrale"))
    day = FIXED_NOW.date()
    dlg.date_edit.setDate(QDate(day.year, day.month, day.day))
    dlg.start_edit.setTime(start)
    dlg.end_edit.setTime(end)
    dlg.refresh_licences()  # what the short timer does after the last change


def _pick(dlg: SessionDialog, data: object) -> str:
    i = dlg.licence_combo.findData(data)
    assert i >= 0, data
    dlg.licence_combo.setCurrentIndex(i)
    return dlg.licence_combo.itemText(i)


def _save(dlg: SessionDialog) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_clashing_licence_says_why_and_the_save_is_refused(
    qtbot: QtBot, net: Network
) -> None:
    s = net.services
    busy = net.licence("Zoom 1", 100)
    small = net.licence("Zoom 50", 50)
    north = net.licence("Zoom Nord", 100, branch_id=net.branch_b)
    held = net.session("Café FLE", FIXED_NOW.replace(hour=14))
    net.feature.service.assign(held, busy)
    before = len(s.sessions.list())

    dlg = _dialog(qtbot, s)
    _new_at(dlg, "Atelier BD", QTime(14, 30), QTime(15, 30))
    dlg.capacity_spin.setValue(80)
    dlg.refresh_licences()
    # Every licence says at once whether it fits, and why not.
    texts = {dlg.licence_combo.itemData(i): dlg.licence_combo.itemText(i)
             for i in range(dlg.licence_combo.count())}
    assert "“Café FLE”" in texts[busy] and f"session {held}" in texts[busy]
    assert "14:00" in texts[busy] and texts[busy].startswith("Zoom 1 — ✖")
    assert "50" in texts[small] and "80" in texts[small] and "✖" in texts[small]
    assert "another branch" in texts[north]

    _pick(dlg, busy)
    assert dlg.licence_status.text().startswith("✖") and "Café FLE" in dlg.licence_status.text()
    _save(dlg)
    assert dlg.isVisible() and dlg.error_label.isVisible()
    assert "Café FLE" in dlg.error_label.text() and str(held) in dlg.error_label.text()
    assert dlg.focusWidget() is dlg.start_edit  # where the clash is fixed
    assert len(s.sessions.list()) == before  # nothing written

    # Moved to a free time, the same licence fits and is booked.
    dlg.start_edit.setTime(QTime(16, 0))
    dlg.end_edit.setTime(QTime(17, 0))
    dlg.refresh_licences()
    assert dlg.licence_choice() == busy
    assert dlg.licence_combo.currentText().startswith("Zoom 1 — ✔")
    dlg.capacity_spin.setValue(20)
    _save(dlg)
    assert not dlg.isVisible()
    assert dlg.saved_id is not None and s.sessions.get(dlg.saved_id).licence_id == busy


def test_the_best_free_licence_is_booked(qtbot: QtBot, net: Network) -> None:
    s = net.services
    busy = net.licence("Zoom 1", 100)
    other = net.licence("Zoom 2", 100)
    held = net.session("Café FLE", FIXED_NOW.replace(hour=14))
    net.feature.service.assign(held, busy)

    dlg = _dialog(qtbot, s)
    _new_at(dlg, "Atelier BD", QTime(14, 30), QTime(15, 30))
    text = _pick(dlg, "auto")
    assert "Zoom 2" in text
    assert "“Zoom 2” will be booked" in dlg.licence_status.text()
    _save(dlg)
    assert not dlg.isVisible()
    assert dlg.saved_id is not None
    assert s.sessions.get(dlg.saved_id).licence_id == other
    assert s.sessions.row(dlg.saved_id).licence_label == "Zoom 2"


def test_pasted_link_fills_the_fields_and_the_passcode_goes_to_the_keyring_only(
    qtbot: QtBot, net: Network
) -> None:
    s, f = net.services, net.services.licences
    dlg = _dialog(qtbot, s)
    _new_at(dlg, "Cafe FLE", QTime(18, 0), QTime(19, 0))
    assert dlg.passcode_edit.echoMode() is QLineEdit.EchoMode.Password
    dlg.link_edit.setFocus()
    QGuiApplication.clipboard().setText(LINK)
    qtbot.keySequence(dlg.link_edit, QKeySequence.StandardKey.Paste)  # as a person pastes
    QGuiApplication.clipboard().clear()
    assert dlg.meeting_edit.text() == "12345678901"
    assert dlg.passcode_edit.text() == PASSCODE
    assert dlg.link_edit.text() == "https://bm.zoom.us/j/12345678901"  # no passcode left there
    assert dlg.link_note.isVisible() and "passcode" in dlg.link_note.text()
    _save(dlg)
    assert not dlg.isVisible()
    sid = dlg.saved_id
    assert sid is not None
    record = f.launcher.meeting(sid)
    assert record is not None and record.meeting_id == "12345678901"
    assert record.join_url == "https://bm.zoom.us/j/12345678901"
    assert record.passcode_ref == f.secrets.session_ref(sid)
    assert f.vault.get(record.passcode_ref) == PASSCODE
    for blob in stored_bytes(net):
        assert PASSCODE.encode() not in blob and PASSCODE.encode("utf-16-le") not in blob
    assert dlg.passcode_edit.text() == ""  # not kept in the closed form either


def test_edit_shows_the_licence_and_meeting_and_the_passcode_is_replaced_or_removed(
    qtbot: QtBot, net: Network
) -> None:
    s, f = net.services, net.services.licences
    lid = net.licence("Zoom 1", 100)
    sid = net.session("Café FLE", FIXED_NOW + timedelta(days=1))
    f.service.assign(sid, lid)
    f.launcher.set_meeting(sid, "123456789", PASSCODE, "https://zoom.us/j/123456789")

    # Opened the way a person does: select the session in Sessions, then Edit (Ctrl+E).
    area = SessionsArea(s, pool=ImmediatePool(), today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    area.show()
    area.refresh()
    assert area.select_session(sid)
    area.activateWindow()
    area.table.setFocus()
    qtbot.waitUntil(area.table.hasFocus)
    qtbot.keyClick(area.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    [dlg] = [d for d in area.findChildren(SessionDialog) if d.isVisible()]
    assert dlg.licence_choice() == lid and dlg.licence_combo.currentText().startswith("Zoom 1 — ✔")
    assert dlg.meeting_edit.text() == "123456789"
    assert dlg.link_edit.text() == "https://zoom.us/j/123456789"
    assert dlg.passcode_edit.text() == ""  # the secret is not read back into the form
    assert "••••" in dlg.passcode_edit.placeholderText()
    assert "keyring" in dlg.passcode_edit.placeholderText()
    assert dlg.remove_passcode.isVisible()
    _save(dlg)  # saved untouched: the passcode stays
    assert f.vault.get(f.secrets.session_ref(sid)) == PASSCODE

    dlg = _dialog(qtbot, s, sid)
    dlg.passcode_edit.setText("New7")
    _save(dlg)
    assert f.vault.get(f.secrets.session_ref(sid)) == "New7"

    dlg = _dialog(qtbot, s, sid)
    dlg.remove_passcode.setChecked(True)
    assert not dlg.passcode_edit.isEnabled()
    _save(dlg)
    record = f.launcher.meeting(sid)
    assert record is not None and record.passcode_ref is None
    assert f.vault.get(f.secrets.session_ref(sid)) is None

    dlg = _dialog(qtbot, s, sid)
    assert not dlg.remove_passcode.isVisible()
    _pick(dlg, None)
    _save(dlg)
    assert s.sessions.get(sid).licence_id is None
    area.close()


def test_a_bad_passcode_keeps_the_form_open_on_the_field(qtbot: QtBot, net: Network) -> None:
    s = net.services
    before = len(s.sessions.list())
    dlg = _dialog(qtbot, s)
    _new_at(dlg, "Cafe FLE", QTime(18, 0), QTime(19, 0))
    dlg.meeting_edit.setText("12345678901")
    dlg.passcode_edit.setText("has space")
    _save(dlg)
    assert dlg.isVisible() and "passcode" in dlg.error_label.text()
    assert "has space" not in dlg.error_label.text()
    assert dlg.focusWidget() is dlg.passcode_edit
    assert len(s.sessions.list()) == before


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def test_named_controls_unique_access_keys_and_room_on_a_small_screen(
    qtbot: QtBot, net: Network
) -> None:
    s = net.services
    net.licence("Zoom 1", 100)
    dlg = _dialog(qtbot, s)
    controls = (QAbstractButton, QComboBox, QLineEdit)
    keys: dict[str, str] = {}
    for w in dlg.findChildren(QWidget):
        if isinstance(w, controls) and w.isVisibleTo(dlg) and not isinstance(
            w.parentWidget(), QComboBox
        ) and not w.objectName().startswith("qt_"):
            text = w.text() if isinstance(w, QAbstractButton) else ""
            assert w.accessibleName() or text, type(w).__name__
        text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
        key = _mnemonic(text) if text and w.isVisibleTo(dlg) else None
        if key:
            assert key not in keys, f"{text!r} and {keys[key]!r} share Alt+{key}"
            keys[key] = text
    # Each field of the part is reached from the keyboard by its label's access key.
    for key, widget in (("l", dlg.licence_combo), ("j", dlg.link_edit),
                        ("i", dlg.meeting_edit), ("p", dlg.passcode_edit)):
        assert key in keys, key
        buddy = next(lab for lab in dlg.findChildren(QLabel) if lab.buddy() is widget)
        assert _mnemonic(buddy.text()) == key
    # Tab from the notes walks into the part, in reading order.
    order = [dlg.licence_combo, dlg.link_edit, dlg.meeting_edit, dlg.passcode_edit]
    step: QWidget | None = dlg.notes_edit.nextInFocusChain()
    seen: list[QWidget] = []
    for _i in range(200):
        if step is None or step is dlg.notes_edit:
            break
        if step in order:
            seen.append(step)
        step = step.nextInFocusChain()
    assert seen[: len(order)] == order
    # At 1366×768 everything shows without scrolling; taller than the screen, it scrolls.
    natural = dlg.sizeHint()
    assert natural.width() <= 1366 and natural.height() <= 768 - 60, natural
    assert dlg.height() <= dlg.screen().availableGeometry().height()
    # The access keys work: Alt+J goes to the join link, Alt+P to the passcode.
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    qtbot.keyClick(dlg, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert dlg.focusWidget() is dlg.link_edit
    qtbot.keyClick(dlg.link_edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert dlg.focusWidget() is dlg.passcode_edit


def test_clash_reason_in_the_list_matches_the_rules(qtbot: QtBot, net: Network) -> None:
    """The list's words come from the rules' own reasons (one per kind)."""
    s = net.services
    lid = net.licence("Zoom ancien", 100, active=False)
    dlg = _dialog(qtbot, s)
    assert dlg._options is not None
    [(lic, problem)] = dlg._options.fits
    assert lic.id == lid and problem is not None and problem.reason is ClashReason.INACTIVE
    assert dlg.licence_combo.itemText(dlg.licence_combo.findData(lid)).endswith("✖ deactivated")
