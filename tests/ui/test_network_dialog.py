"""File → Network database…: try the server, keep its address, never its password."""

from __future__ import annotations

import os

import pytest
from pytestqt.qtbot import QtBot

from app.config import saved_db_url
from app.ui.network_dialog import NetworkDatabaseDialog
from app.ui.workers import ImmediatePool

PG_URL = os.environ.get("REGIE_TEST_PG_URL", "")


def test_rejects_an_address_that_is_not_a_server(qtbot: QtBot) -> None:
    dlg = NetworkDatabaseDialog(None, pool=ImmediatePool())
    qtbot.addWidget(dlg)
    dlg.url_edit.setText("regie.sqlite3")
    dlg.use_button.click()
    assert dlg.result_label.text().startswith("✖")
    assert saved_db_url() is None


def test_unreachable_server_is_explained_and_not_kept(qtbot: QtBot) -> None:
    dlg = NetworkDatabaseDialog(None, pool=ImmediatePool())
    qtbot.addWidget(dlg)
    dlg.url_edit.setText("postgresql://regie@127.0.0.1:1/regie")
    dlg.use_button.click()
    assert dlg.result_label.text().startswith("✖")
    assert "127.0.0.1" in dlg.result_label.text()
    assert saved_db_url() is None


@pytest.mark.postgresql
def test_test_then_use_the_network_database(qtbot: QtBot) -> None:
    dlg = NetworkDatabaseDialog(None, pool=ImmediatePool())
    qtbot.addWidget(dlg)
    dlg.url_edit.setText(PG_URL)
    dlg.test_button.click()
    assert dlg.result_label.text().startswith("✔"), dlg.result_label.text()
    with qtbot.waitSignal(dlg.chosen) as blocker:
        dlg.use_button.click()
    assert blocker.args[0] == saved_db_url()
    assert saved_db_url() is not None and "127.0.0.1" in saved_db_url()  # type: ignore[operator]
    with qtbot.waitSignal(dlg.chosen) as blocker:
        dlg.local_button.click()
    assert blocker.args[0] is None and saved_db_url() is None
