"""The Licences area with real widgets, a real SQLite file and the real keyring."""

from __future__ import annotations

import os
from datetime import timedelta

import keyring.backends.fail
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.checks import Verdict
from app.core.models import LicencePlan
from app.services import Services, build_licences
from app.ui.licences import LicenceDialog, LicencesArea
from app.ui.workers import ImmediatePool
from app.zoom.vault import KeyringVault, SecretKind, VaultState
from tests.support.fixtures import FIXED_NOW

HOST_KEY = "864209"
PASSWORD = "Ui-secret-Pa55-41c7"


def _area(qtbot: QtBot, services: Services, vault: KeyringVault) -> LicencesArea:
    services.references.add_branch("centre", "Médiathèque centrale")
    w = LicencesArea(
        build_licences(services, vault),
        services.references.branches,
        services.clock,
        pool=ImmediatePool(),
    )
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    return w


@pytest.fixture
def real_area(qtbot: QtBot, services: Services) -> LicencesArea:
    if not os.environ.get("REGIE_TEST_KEYRING"):
        pytest.skip("needs the Secret Service started by tests/support/services.sh")
    return _area(qtbot, services, KeyringVault())


def _fill(dlg: LicenceDialog, label: str, email: str, **secrets: str) -> None:
    dlg.label_edit.setText(label)
    dlg.email_edit.setText(email)
    dlg.plan_combo.setCurrentIndex(dlg.plan_combo.findData(LicencePlan.BUSINESS.value))
    dlg.cap_spin.setValue(300)
    dlg.password_edit.setText(secrets.get("password", ""))
    dlg.host_key_edit.setText(secrets.get("host_key", ""))


def _save(dlg: LicenceDialog) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.mark.keyring
def test_add_licence_with_secrets_written_to_the_keyring(
    real_area: LicencesArea, services: Services
) -> None:
    area = real_area
    assert area.health is not None and area.health.state is VaultState.USABLE
    assert area.vault_badge.verdict is Verdict.PASS
    area.add_action.trigger()
    dlg = area.dialog
    assert dlg is not None and dlg.isVisible() and dlg.password_edit.isEnabled()
    _fill(dlg, "Zoom Grand public", "gp@bm.fr", password=PASSWORD, host_key=HOST_KEY)
    with_saved: list[int] = []
    area.saved.connect(with_saved.append)
    _save(dlg)
    assert with_saved and not dlg.isVisible()
    assert dlg.password_edit.text() == "" and dlg.host_key_edit.text() == ""
    assert area.table.rowCount() == 1
    name_item, secrets_item = area.table.item(0, 0), area.table.item(0, 7)
    assert name_item is not None and secrets_item is not None
    assert name_item.text() == "Zoom Grand public"
    assert "Host key" in secrets_item.text()
    lid = with_saved[0]
    assert area.feature.secrets.read(lid, SecretKind.HOST_KEY) == HOST_KEY
    assert area.feature.secrets.read(lid, SecretKind.PASSWORD) == PASSWORD
    services.close()
    raw = services.db.path.read_bytes() if services.db.path else b""
    wal = services.db.path.with_name(services.db.path.name + "-wal") if services.db.path else None
    for blob in (raw, wal.read_bytes() if wal and wal.exists() else b""):
        assert HOST_KEY.encode() not in blob and PASSWORD.encode() not in blob


@pytest.mark.keyring
def test_edit_replaces_and_deletes_secrets(real_area: LicencesArea) -> None:
    area = real_area
    area.add_action.trigger()
    assert area.dialog is not None
    _fill(area.dialog, "Zoom 1", "z1@bm.fr", host_key=HOST_KEY)
    _save(area.dialog)
    lid = area.feature.service.by_label("Zoom 1").id
    area.table.selectRow(0)
    area.edit_action.trigger()
    dlg = area.dialog
    assert dlg is not None and dlg.host_key_edit.text() == ""  # never shown back
    assert "Saved" in dlg.host_key_edit.placeholderText()
    dlg.host_key_edit.setText("13572468")
    _save(dlg)
    assert area.feature.secrets.read(lid, SecretKind.HOST_KEY) == "13572468"
    area.table.selectRow(0)
    area.edit_action.trigger()
    assert area.dialog is not None
    area.dialog.forget_host_key.setChecked(True)
    _save(area.dialog)
    assert area.feature.secrets.kinds(lid) == []


@pytest.mark.keyring
def test_bad_input_keeps_the_form_open_with_the_reason(real_area: LicencesArea) -> None:
    area = real_area
    area.add_action.trigger()
    dlg = area.dialog
    assert dlg is not None
    _fill(dlg, "Zoom 1", "not-an-address", host_key="12")
    _save(dlg)
    assert dlg.isVisible() and "host key" in dlg.error_label.text().lower()
    assert area.table.rowCount() == 0  # nothing written
    dlg.host_key_edit.setText(HOST_KEY)
    _save(dlg)
    assert dlg.isVisible() and "e-mail" in dlg.error_label.text()
    assert area.table.rowCount() == 0
    dlg.email_edit.setText("z1@bm.fr")
    dlg.host_key_edit.setText(HOST_KEY)
    _save(dlg)
    assert not dlg.isVisible() and area.table.rowCount() == 1


def test_missing_backend_banner_and_disabled_secret_fields(
    qtbot: QtBot, services: Services
) -> None:
    area = _area(qtbot, services, KeyringVault(keyring.backends.fail.Keyring()))
    assert area.health is not None and area.health.state is VaultState.MISSING
    assert area.vault_badge.verdict is Verdict.FAIL
    assert "No secure password store" in area.vault_text.text()
    area.add_action.trigger()
    dlg = area.dialog
    assert dlg is not None and not dlg.password_edit.isEnabled()
    _fill(dlg, "Zoom 1", "z1@bm.fr")
    _save(dlg)
    assert area.table.rowCount() == 1  # the licence itself can still be registered


def test_planning_policy_and_removal(qtbot: QtBot, services: Services) -> None:
    area = _area(qtbot, services, KeyringVault(keyring.backends.fail.Keyring()))
    area.add_action.trigger()
    assert area.dialog is not None
    _fill(area.dialog, "Zoom 1", "z1@bm.fr")
    _save(area.dialog)
    lid = area.feature.service.by_label("Zoom 1").id
    from app.core.models import SessionDraft, SessionMode

    sid = services.sessions.create(
        SessionDraft(
            "Café FLE",
            services.references.session_types()[0].id,
            services.references.branches()[0].id,
            FIXED_NOW,
            FIXED_NOW + timedelta(hours=1),
            SessionMode.REMOTE,
            20,
        )
    )
    area.feature.service.assign(sid, lid)
    area.span_combo.setCurrentIndex(0)  # one day
    assert area.day_edit.date() == QDate(2026, 11, 24)  # the planning opens on the desk's today
    with qtbot.waitSignal(area.planning_loaded, timeout=3000):
        area.day_edit.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(area.planning_loaded, timeout=3000):
        area.day_edit.setDate(QDate(2026, 11, 24))
    top = area.segments.topLevelItem(0)
    assert top is not None
    kids = [top.child(i) for i in range(top.childCount())]
    assert [k.text(0).split()[0] for k in kids if k is not None] == ["Free", "Booked", "Free"]
    assert kids[1] is not None and "Café FLE" in kids[1].text(1)
    assert area.chart.rows and area.chart.rows[0].booked
    area.chart.grab()  # paints without error
    area.next_button.click()
    assert area.day_edit.date() == QDate(2026, 11, 25)

    area.before_spin.setValue(20)
    area.policy_button.click()
    assert services.settings.get("licences.buffer_before_minutes") == "20"
    assert "upcoming booking(s) now held under these buffers" in area.policy_result.text()
    assert area.policy_button.isEnabled()

    area.table.selectRow(0)
    area.toggle_action.trigger()
    assert not area.feature.service.by_label("Zoom 1").active
    area.table.selectRow(0)
    area.remove(area.selected())  # type: ignore[arg-type]
    box = area.findChild(QMessageBox, "LicencesErrorBox")
    assert box is not None and "Deactivate it instead" in box.text()
    box.close()


def test_every_control_has_an_accessible_name(qtbot: QtBot, services: Services) -> None:
    area = _area(qtbot, services, KeyringVault(keyring.backends.fail.Keyring()))
    area.add_action.trigger()
    assert area.dialog is not None
    for root in (area, area.dialog):
        for w in root.findChildren(QWidget):
            if isinstance(w, (QLineEdit, QComboBox, QSpinBox, QAbstractButton)) and (
                w.isVisible() and w.parent() is not None and "qt_" not in w.objectName()
            ):
                assert w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()), type(
                    w
                ).__name__
    area.dialog.reject()
