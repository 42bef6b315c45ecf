"""The Launch Zoom flow with real Qt: captured URL handler, web fallback, clipboard."""

from __future__ import annotations

import dataclasses
import logging
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QClipboard, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.models import SessionStatus
from app.services import Services, build_licences
from app.ui.choosers import StaffChoiceDialog
from app.ui.desk import Desk
from app.ui.launch import (
    DEFAULT_CLEAR_SECONDS,
    SETTING_CLEAR_SECONDS,
    LaunchController,
    LaunchOutcome,
    describe,
    install_launch_action,
)
from app.ui.sessions_area import SessionsArea
from app.ui.workers import ImmediatePool
from app.zoom.vault import KeyringVault, SecretKind
from tests.support.fixtures import FIXED_NOW
from tests.zoom.conftest import Network

pytestmark = pytest.mark.keyring

HOST_KEY = "572019"
PASSCODE = "Lm4pQ"


class Catcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def _capture(scheme: str, catcher: Catcher) -> None:
    """Route `scheme` URLs opened through QDesktopServices to the catcher's slot."""
    QDesktopServices.setUrlHandler(scheme, catcher, "handle")  # type: ignore[arg-type]


@pytest.fixture
def net(services: Services) -> Network:
    if not os.environ.get("REGIE_TEST_KEYRING"):
        pytest.skip("needs the Secret Service started by tests/support/services.sh")
    refs = services.references
    a = refs.add_branch("centre", "Médiathèque centrale")
    b = refs.add_branch("nord", "Bibliothèque Nord")
    return Network(
        services, build_licences(services, KeyringVault()), a, b, refs.session_types()[0].id
    )


@pytest.fixture
def session_id(net: Network) -> int:
    f = net.feature
    lid = net.licence("Zoom 1")
    sid = net.session("Café FLE", FIXED_NOW + timedelta(minutes=20))  # launchable now
    f.service.assign(sid, lid)
    f.secrets.store(lid, SecretKind.HOST_KEY, HOST_KEY)
    f.launcher.set_meeting(sid, "12345678901", PASSCODE, None)
    return sid


@pytest.fixture
def catcher() -> object:
    c = Catcher()
    yield c
    QDesktopServices.unsetUrlHandler("zoommtg")
    QDesktopServices.unsetUrlHandler("https")


def _launch(qtbot: QtBot, ctl: LaunchController, sid: int) -> LaunchOutcome:
    with qtbot.waitSignal(ctl.launched, timeout=5000) as blocker:
        ctl.launch(sid)
    outcome = blocker.args[0]
    assert isinstance(outcome, LaunchOutcome)
    return outcome


def test_opens_zoom_client_copies_host_key_and_marks_running(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    outcome = _launch(qtbot, ctl, session_id)
    assert len(catcher.urls) == 1
    url = catcher.urls[0]
    assert url.startswith("zoommtg://zoom.us/join?action=join&confno=12345678901")
    assert f"pwd={PASSCODE}" in url
    assert outcome.opened == "client" and outcome.host_key_copied and outcome.marked_running
    assert PASSCODE not in outcome.masked_url
    assert QGuiApplication.clipboard().text() == HOST_KEY
    assert ctl.clipboard_pending and ctl._timer.interval() == DEFAULT_CLEAR_SECONDS * 1000
    assert net.services.sessions.get(session_id).status is SessionStatus.RUNNING
    text = describe(outcome)
    assert "Zoom was opened" in text and "60 seconds" in text and "Claim host" in text
    assert HOST_KEY not in text
    ctl.clear_clipboard()
    assert QGuiApplication.clipboard().text() == ""


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openUrl")
def test_falls_back_to_the_web_link(
    qtbot: QtBot, qtlog, net: Network, session_id: int, catcher: Catcher
) -> None:
    QDesktopServices.unsetUrlHandler("zoommtg")
    _capture("https", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    outcome = _launch(qtbot, ctl, session_id)
    assert catcher.urls == [f"https://zoom.us/j/12345678901?pwd={PASSCODE}"]
    assert outcome.opened == "web"
    assert "web browser" in describe(outcome)
    # Qt quotes the refused zoommtg:// URL in a warning: the passcode is masked there.
    messages = [r.message for r in qtlog.records]
    assert any("zoommtg://" in m and "pwd=****" in m for m in messages), messages
    assert all(PASSCODE not in m for m in messages)


def test_clipboard_cleared_after_the_delay(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    QSettings().setValue(SETTING_CLEAR_SECONDS, 1)
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    _launch(qtbot, ctl, session_id)
    assert QGuiApplication.clipboard().text() == HOST_KEY
    with qtbot.waitSignal(ctl.clipboard_cleared, timeout=4000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_left_alone_when_the_user_copied_something_else(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    QSettings().setValue(SETTING_CLEAR_SECONDS, 1)
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    _launch(qtbot, ctl, session_id)
    QGuiApplication.clipboard().setText("adresse de la salle")
    with qtbot.waitSignal(ctl.clipboard_cleared, timeout=4000):
        pass
    assert QGuiApplication.clipboard().text() == "adresse de la salle"


def test_nothing_can_open_is_reported(qtbot: QtBot, net: Network, session_id: int) -> None:
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool(), open_url=lambda _u: False)
    with qtbot.waitSignal(ctl.failed, timeout=5000) as blocker:
        ctl.launch(session_id)
    assert "Neither the Zoom application" in blocker.args[0]
    assert QGuiApplication.clipboard().text() != HOST_KEY
    assert net.services.sessions.get(session_id).status is SessionStatus.PLANNED


def test_missing_meeting_says_what_to_do(qtbot: QtBot, net: Network) -> None:
    sid = net.session("Sans réunion", FIXED_NOW + timedelta(hours=2))
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    with qtbot.waitSignal(ctl.failed, timeout=5000) as blocker:
        ctl.launch(sid)
    # The window names the form where the meeting is entered, not a command line; the
    # command line keeps its own verb (tests/zoom/test_launch.py).
    text = blocker.args[0]
    assert "no Zoom meeting yet" in text and "Sessions › Edit › Licence and meeting" in text
    assert "regie" not in text and "--" not in text


def test_launch_runs_in_a_worker_thread(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    """With the real thread pool: the GUI thread only opens the URL and the clipboard."""
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher)
    with qtbot.waitSignal(ctl.launched, timeout=10_000):
        ctl.launch(session_id)
    assert len(catcher.urls) == 1
    ctl.clear_clipboard()


def test_host_key_is_copied_with_the_password_manager_hint(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    """Clipboard histories (Klipper and the like) skip data offered with this hint."""
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    _launch(qtbot, ctl, session_id)
    data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
    assert data is not None
    assert data.text() == HOST_KEY
    assert "x-kde-passwordManagerHint" in data.formats()
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    ctl.clear_clipboard()


def _quit_the_application(qapp: QApplication) -> None:
    """A real end of the event loop: Qt itself emits aboutToQuit as exec() returns."""
    QTimer.singleShot(0, lambda: qapp.exit(0))
    assert qapp.exec() == 0


def test_quitting_clears_the_host_key_from_the_clipboard(
    qtbot: QtBot, qapp: QApplication, net: Network, session_id: int, catcher: Catcher
) -> None:
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    _launch(qtbot, ctl, session_id)
    assert QGuiApplication.clipboard().text() == HOST_KEY and ctl.clipboard_pending
    with qtbot.waitSignal(ctl.clipboard_cleared, timeout=5000):
        _quit_the_application(qapp)
    assert QGuiApplication.clipboard().text() == ""
    assert not ctl.clipboard_pending


def test_quitting_leaves_what_the_user_copied_since(
    qtbot: QtBot, qapp: QApplication, net: Network, session_id: int, catcher: Catcher
) -> None:
    _capture("zoommtg", catcher)
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool())
    _launch(qtbot, ctl, session_id)
    QGuiApplication.clipboard().setText("adresse de la salle")
    _quit_the_application(qapp)
    assert QGuiApplication.clipboard().text() == "adresse de la salle"
    assert not ctl.clipboard_pending


WINDOW_HOST_KEY = "8403917265"
WINDOW_PASSCODE = "Vq8Lm2xZ"


def _texts_on_disk(*folders: Path) -> list[bytes]:
    return [p.read_bytes() for folder in folders if folder.is_dir()
            for p in folder.rglob("*") if p.is_file()]


def test_launch_from_the_window_leaves_no_secret_in_logs_or_files(
    qtbot: QtBot,
    qtlog: Any,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
    config: AppConfig,
    net: Network,
    catcher: Catcher,
) -> None:
    """Launch Zoom as a person does (select the session, the Launch Zoom action), with
    every logger at DEBUG (SQL statements and their parameters included): neither the
    passcode, nor the URL that carries it, nor the host key is written anywhere."""
    caplog.set_level(logging.DEBUG)
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and logger.level != logging.NOTSET:
            caplog.set_level(logging.DEBUG, logger=name)  # e.g. SQLAlchemy's own WARNING
    f = net.feature
    lid = net.licence("Zoom 1")
    sid = net.session("Café FLE", FIXED_NOW + timedelta(minutes=20))  # launchable now
    launcher = net.services.references.add_staff("Paul Martin", net.branch_a, "agent")
    f.service.assign(sid, lid)
    f.secrets.store(lid, SecretKind.HOST_KEY, WINDOW_HOST_KEY)
    f.launcher.set_meeting(
        sid, "123 4567 8901", WINDOW_PASSCODE,
        f"https://zoom.us/j/12345678901?pwd={WINDOW_PASSCODE}",
    )
    _capture("zoommtg", catcher)

    desk = Desk(config, offer_demo=False)
    qtbot.addWidget(desk.window)
    desk.window.show()
    with qtbot.waitSignal(desk.data_loaded, timeout=20_000):
        desk.open()
    sessions = desk.sessions_area()
    assert sessions.select_session(sid)
    action = sessions.findChild(QAction, "LaunchZoomAction")
    assert action is not None and action.isEnabled()
    action.trigger()
    # The session has no host: the person launching names themself first.
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in desk.window.findChildren(StaffChoiceDialog)),
        timeout=10_000,
    )
    [who] = [d for d in desk.window.findChildren(StaffChoiceDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: who.people.count() == 1, timeout=10_000)
    who.choose(launcher)
    qtbot.mouseClick(who.confirm_button, Qt.MouseButton.LeftButton)

    # Not checked nor run through its checklist: the launch then asks, naming what is left.
    qtbot.waitUntil(
        lambda: (b := desk.window.findChild(QMessageBox, "LaunchConfirmBox")) is not None
        and b.isVisible(),
        timeout=10_000,
    )
    confirm = desk.window.findChild(QMessageBox, "LaunchConfirmBox")
    assert confirm is not None
    asked = confirm.text()
    assert "“Café FLE” is not ready" in asked
    assert "Camera: To do" in asked and "Sound: To do" in asked and "Checklist: To do" in asked
    assert "Licence" not in asked and "Zoom meeting" not in asked  # booked, key saved
    assert not catcher.urls  # nothing opened before the answer
    anyway = next(b for b in confirm.buttons() if b.text() == "&Launch anyway")
    anyway.click()
    def outcome_box() -> QMessageBox | None:
        box = desk.window.findChild(QMessageBox, "LaunchOutcomeBox")
        return box if box is not None and box.isVisible() else None

    qtbot.waitUntil(lambda: outcome_box() is not None, timeout=10_000)
    box = outcome_box()
    assert box is not None
    shown = box.text()
    assert "Zoom was opened" in shown and "Claim host" in shown
    # The secrets were in play: the URL handler got the passcode, the clipboard the key.
    assert len(catcher.urls) == 1 and f"pwd={WINDOW_PASSCODE}" in catcher.urls[0]
    assert QGuiApplication.clipboard().text() == WINDOW_HOST_KEY
    qtbot.waitUntil(
        lambda: net.services.sessions.get(sid).status is SessionStatus.RUNNING, timeout=5000
    )
    box.close()
    desk.close()
    QGuiApplication.clipboard().clear()

    records = caplog.records
    out, err = capfd.readouterr()
    texts = [
        shown, asked, out, err,
        *(r.getMessage() for r in records),
        *(repr(r.args) for r in records),
        *(r.exc_text or "" for r in records),
        *(r.message for r in qtlog.records),
    ]
    # Every file the app may write: database, crash logs, settings, data and config folders.
    files = _texts_on_disk(
        tmp_path,
        Path(os.environ["REGIE_DATA_DIR"]),
        Path(os.environ["REGIE_CONFIG_DIR"]),
        Path(os.environ["XDG_CONFIG_HOME"]),
    )
    assert files  # the database at least
    for secret in (WINDOW_PASSCODE, f"pwd={WINDOW_PASSCODE}", WINDOW_HOST_KEY):
        for text in texts:
            assert secret not in text
        for blob in files:
            assert secret.encode() not in blob
            assert secret.encode("utf-16-le") not in blob
    # What was captured: the launch itself (its URL masked) and the SQL, parameters too.
    assert any("pwd=****" in r.getMessage() for r in records if r.name == "app.ui.launch")
    assert any(r.name.startswith("sqlalchemy.engine") for r in records)


def _sessions_area(qtbot: QtBot, net: Network) -> tuple[SessionsArea, LaunchController, QAction]:
    area = SessionsArea(net.services, pool=ImmediatePool(), today=lambda: FIXED_NOW.date())
    qtbot.addWidget(area)
    area.show()
    area.refresh()
    ctl = LaunchController(net.feature.launcher, pool=ImmediatePool(), parent=area)
    return area, ctl, install_launch_action(area, ctl)


def _who_launches(area: SessionsArea) -> StaffChoiceDialog | None:
    shown = [d for d in area.findChildren(StaffChoiceDialog, "WhoLaunchesDialog")
             if d.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def _close_outcome(area: SessionsArea) -> str:
    box = area.findChild(QMessageBox, "LaunchOutcomeBox")
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def test_zoom_shows_the_host_name(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    """A session with a host: Zoom opens at once, under the host's name."""
    import getpass

    host = net.services.references.add_staff("Marie Curie", net.branch_a, "agent")
    draft = net.services.sessions.get(session_id)
    net.services.sessions.update(session_id, dataclasses.replace(draft, host_id=host))
    _capture("zoommtg", catcher)
    area, _ctl, action = _sessions_area(qtbot, net)
    assert area.select_session(session_id)
    action.trigger()
    assert _who_launches(area) is None  # nobody to ask: the host's name is used
    [url] = catcher.urls
    assert "&uname=Marie%20Curie" in url
    assert f"uname={getpass.getuser()}" not in url
    assert "Zoom was opened" in _close_outcome(area)
    QGuiApplication.clipboard().clear()


def test_session_without_host_asks_who_launches(
    qtbot: QtBot, net: Network, session_id: int, catcher: Catcher
) -> None:
    """No host: the person launching picks their name (nobody preselected); Zoom shows
    it. Cancelling opens nothing."""
    import getpass

    refs = net.services.references
    paul = refs.add_staff("Paul Martin", net.branch_a, "agent")
    refs.add_staff("Aline Abadie", net.branch_b, "agent")
    _capture("zoommtg", catcher)
    area, _ctl, action = _sessions_area(qtbot, net)
    assert area.select_session(session_id)

    action.trigger()
    dialog = _who_launches(area)
    assert dialog is not None and catcher.urls == []  # nothing opens before the answer
    assert [dialog.people.item(i).text() for i in range(dialog.people.count())] == [
        "Aline Abadie", "Paul Martin"]
    assert dialog.selected() is None and not dialog.confirm_button.isEnabled()
    dialog.reject()
    assert catcher.urls == []
    assert net.services.sessions.get(session_id).status is SessionStatus.PLANNED

    action.trigger()
    dialog = _who_launches(area)
    assert dialog is not None
    dialog.choose(paul)
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    [url] = catcher.urls
    assert url.endswith("&uname=Paul%20Martin")
    assert f"uname={getpass.getuser()}" not in url
    assert "Zoom was opened" in _close_outcome(area)
    assert net.services.sessions.get(session_id).status is SessionStatus.RUNNING
    QGuiApplication.clipboard().clear()
