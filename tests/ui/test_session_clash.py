"""The session dialog refuses an edit that breaks the licence rules (on both engines):
the clash message names the other session, the dialog stays open, nothing is written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services import Services
from app.ui.session_dialog import SessionDialog
from app.ui.workers import ImmediatePool
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import (
    Network,
    network,  # noqa: F401  (fixture)
)

BOTH = pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)


def _edit(qtbot: QtBot, services: Services, sid: int) -> SessionDialog:
    s = services.sessions
    session = s.get(sid)
    dlg = SessionDialog(
        services,
        types=services.references.session_types(),
        branches=services.references.branches(),
        staff=services.references.staff(),
        draft=session,
        title="Edit session",
        allowed_statuses=s.allowed_statuses(session.status),
        session_id=sid,
        pool=ImmediatePool(),  # the save runs at once, as in a worker that answered
    )
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@BOTH
def test_dialog_shows_the_clash_and_stays_open(
    qtbot: QtBot,
    network: Network,  # noqa: F811  (the fixture imported above)
) -> None:
    services = network.services
    lid = network.licence("Zoom 1", 100)
    at = FIXED_NOW.replace
    first = network.session("Café FLE", at(hour=14, minute=0))
    second = network.session("Atelier BD", at(hour=16, minute=0))
    network.feature.service.assign(first, lid)
    network.feature.service.assign(second, lid)

    dlg = _edit(qtbot, services, second)
    dlg.start_edit.setTime(QTime(14, 30))
    dlg.end_edit.setTime(QTime(15, 30))
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible() and dlg.error_label.isVisible()
    text = dlg.error_label.text()
    assert str(first) in text and "Café FLE" in text
    assert dlg.focusWidget() is dlg.start_edit  # where the clash is fixed
    assert services.sessions.get(second).start == at(hour=16, minute=0)

    dlg.start_edit.setTime(QTime(16, 0))
    dlg.end_edit.setTime(QTime(17, 0))
    dlg.capacity_spin.setValue(250)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dlg.isVisible() and "250" in dlg.error_label.text()
    assert dlg.focusWidget() is dlg.capacity_spin
    assert services.sessions.get(second).capacity == 20

    dlg.capacity_spin.setValue(90)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dlg.isVisible()
    assert services.sessions.get(second).capacity == 90
