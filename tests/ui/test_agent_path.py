"""An agent's whole path, from Aujourd'hui to a launched meeting and its attendance, on
the real desk: a demo network in a real SQLite file at the fixed "now", a simulated
camera (an image file through OpenCV), a simulated microphone (a WAV file) beside the
real PulseAudio speakers, the real keyring for the licence's host key, and a URL handler
catching what Zoom would be asked to open.

The driver clicks and types as the agent does, counts each click and keystroke, and
saves a picture of every screen on the way (the test's tmp folder, `agent-path/`)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import cv2
import pytest
from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.checklists import PausePoint
from app.core.checks import Verdict
from app.core.models import SessionStatus
from app.core.readiness import StepKey
from app.services import open_services
from app.ui.attendance import AttendanceDialog
from app.ui.audio_check import AudioCheckArea
from app.ui.camera_check import CameraCheckArea
from app.ui.checklists import ChecklistsArea
from app.ui.desk import Desk
from app.ui.licences import LicencesArea
from app.ui.session_dialog import SessionDialog
from app.ui.today import TodayArea
from app.ui.today.prepare import PreparePage, StepRole
from tests.camera import videos
from tests.support.desk import Agent, activate, demo_row, load_demo, open_desk
from tests.support.fixtures import FIXED_NOW, desk_config

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.audio,
    pytest.mark.slow,
    pytest.mark.qt_log_ignore("propagateSizeHints", "pipewire", "PulseAudio"),
]

MIC = Path(__file__).parents[1] / "audio" / "data" / "speech.wav"
TITLE = "Rencontre avec un illustrateur"  # Guillotière, hybrid, a licence booked
HOST_KEY = "4820751936"
MEETING = "123 4567 8901"


class Catcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def catcher() -> object:
    c = Catcher()
    QDesktopServices.setUrlHandler("zoommtg", c, "handle")  # type: ignore[arg-type]
    yield c
    QDesktopServices.unsetUrlHandler("zoommtg")


class Moment:
    """The desk's clock, which the test moves on as the day goes (fixed, never the wall's)."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def moment() -> Moment:
    return Moment()


@pytest.fixture
def agent_config(config: AppConfig, tmp_path: Path, moment: Moment) -> AppConfig:
    """The demo network, the simulated devices, and a short camera check (this
    computer's override file); the desk's clock is the test's `moment`."""
    load_demo(config)
    scene = tmp_path / "scene.png"
    cv2.imwrite(str(scene), videos.scene(0.5))
    folder = Path(os.environ["REGIE_CONFIG_DIR"]) / "thresholds"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "camera.toml").write_text(
        "[check]\nseconds = 1.0\n[stability]\nwindow_seconds = 0.8\n", encoding="utf-8")
    return desk_config(config.db_url, simulate_camera=scene, simulate_mic=MIC, clock=moment)


def _back_to_prepare(qtbot: QtBot, agent: Agent, desk: Desk) -> None:
    """Ctrl+1: Aujourd'hui, still on Préparer."""
    activate(qtbot, desk.window)  # the window has the keyboard again once a dialog closed
    agent.key(desk.window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    today = desk.today_area()
    assert desk.window.stack.currentWidget() is today
    assert today.stack.currentWidget() is today.prepare_page


def _wait_step(qtbot: QtBot, today: TodayArea, key: StepKey, text: str) -> None:
    page = today.prepare_page
    try:
        qtbot.waitUntil(lambda: text in page.step_text(key), timeout=15_000)
    except TimeoutError as err:
        raise AssertionError(f"{text!r} not in {page.step_text(key)!r}") from err


def test_an_agent_prepares_a_session_from_today_to_launch_and_attendance(
    qtbot: QtBot, agent_config: AppConfig, tmp_path: Path, catcher: Catcher, moment: Moment,
) -> None:
    row = demo_row(agent_config, TITLE)
    sid = row.id
    agent = Agent(qtbot, tmp_path / "agent-path")
    desk = open_desk(qtbot, agent_config)
    window = desk.window
    today = desk.today_area()
    assert window.stack.currentWidget() is today
    agent.shot("aujourdhui", window)

    # The branch, chosen once: Alt+B, then the arrow keys.
    agent.key(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is today.branch_combo
    agent.pick(today.branch_combo, "Guillotière")
    qtbot.waitUntil(lambda: today.data is not None and today.data.branch_code == "guillotiere"
                    and not today.model.loading, timeout=10_000)
    assert QSettings().value("today/branch") == "guillotiere"
    card = today.card(sid)
    assert card is not None and card.action_button.text() == "Check the camera"
    agent.shot("aujourdhui-guillotiere", window)

    # Préparer, from the card.
    page = today.prepare_page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        agent.press(card.prepare_button)
    assert page.current_step() is StepKey.CAMERA
    agent.shot("preparer", window)

    # 1. Camera: the check of this session, on the simulated camera.
    agent.press(page.open_button)
    camera = window.area("camera")
    assert isinstance(camera, CameraCheckArea) and window.stack.currentWidget() is camera
    assert camera.session_id == sid
    qtbot.waitUntil(camera.start_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(camera.checkSaved, timeout=30_000) as saved:
        agent.press(camera.start_button)
    assert saved.args[1] == sid
    agent.shot("camera", window)
    _back_to_prepare(qtbot, agent, desk)
    _wait_step(qtbot, today, StepKey.CAMERA, "✔ Camera: OK")
    assert page.current_step() is StepKey.SOUND  # on to the next step by itself

    # 2. Sound, hybrid: the voice, the speakers (heard), the echo; saved for the session.
    assert "steps 3 (speakers) and 4 (echo)" in page.step_where.text()
    agent.press(page.open_button)
    audio = window.area("audio")
    assert isinstance(audio, AudioCheckArea) and window.stack.currentWidget() is audio
    assert TITLE in audio.session_label.text()
    qtbot.waitUntil(lambda: not audio.busy and audio.input_combo.count() > 0, timeout=10_000)
    qtbot.waitUntil(audio.speaker_button.isEnabled, timeout=10_000)
    agent.press(audio.speech_button)
    qtbot.waitUntil(lambda: not audio.busy, timeout=30_000)
    agent.press(audio.speaker_button)
    qtbot.waitUntil(audio.heard_yes.isEnabled, timeout=30_000)
    agent.press(audio.heard_yes)
    agent.press(audio.echo_button)
    qtbot.waitUntil(lambda: not audio.busy, timeout=30_000)
    qtbot.waitUntil(audio.save_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(audio.saved, timeout=10_000):
        agent.press(audio.save_button)
    agent.shot("son", window)
    _back_to_prepare(qtbot, agent, desk)
    # Its verdict, when and with what (a 16 kHz file microphone is "to check", not a fault).
    _wait_step(qtbot, today, StepKey.SOUND, "— 10:00 · Simulated microphone (speech.wav)")
    verdict = audio.current_result().verdict
    assert verdict is not Verdict.FAIL
    said = {Verdict.PASS: "✔ Sound: OK", Verdict.WARN: "▲ Sound: Check"}[verdict]
    assert page.step_text(StepKey.SOUND).startswith(said)
    assert page.current_step() is StepKey.CHECKLIST

    # 4. Licence first (the checklist checks its host key): booked, its key not saved.
    assert "Licence: To look at" in page.step_text(StepKey.LICENCE)
    _click_step(agent, page, StepKey.LICENCE)
    agent.press(page.open_button)
    licences = window.area("licences")
    assert isinstance(licences, LicencesArea) and window.stack.currentWidget() is licences
    dialog = licences.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.label_edit.text() == row.licence_label
    agent.click(dialog.host_key_edit)
    agent.type(dialog.host_key_edit, HOST_KEY)
    agent.shot("licence", dialog)
    with qtbot.waitSignal(licences.saved, timeout=10_000):
        agent.press(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    _back_to_prepare(qtbot, agent, desk)
    _wait_step(qtbot, today, StepKey.LICENCE, "✔ Licence: Done")

    # 3. The checklist at its pause point (T-30 at 10:00 for 15:00): the automatic
    # checks tick what the saved checks prove, the agent ticks the rest.
    _click_step(agent, page, StepKey.CHECKLIST)
    agent.press(page.open_button)
    checklists = window.area("checklists")
    assert isinstance(checklists, ChecklistsArea) and window.stack.currentWidget() is checklists
    qtbot.waitUntil(lambda: checklists.session_combo.currentData() == sid, timeout=10_000)
    assert checklists.start_button.isEnabled()
    agent.press(checklists.start_button)
    run_ = checklists.run
    assert run_ is not None
    # The sound was "to check": its step stays for the agent to tick, having looked.
    automatic = {"licence_assigned", "vault_ready", "camera", "echo"}
    qtbot.waitUntil(lambda: all(
        r.resolved for s, r in zip(run_.steps, run_.state.records, strict=True)
        if s.check in automatic and s.pause is PausePoint.T30), timeout=15_000)
    tree = checklists.dc_tree
    for step, record in zip(run_.steps, run_.state.records, strict=True):
        if step.pause is PausePoint.T30 and not record.resolved:
            item = checklists.step_item(step.id)
            rect = tree.visualItemRect(item)  # the step's title, in the first column
            agent.click(tree.viewport(), QPoint(rect.left() + 80, rect.center().y()))
            agent.key(tree, Qt.Key.Key_Space)
            assert run_.record(step.id).resolved, step.id
    done, total = run_.progress_at(PausePoint.T30)
    assert done == total
    agent.shot("liste-de-controle", window)
    agent.press(checklists.dc_close)
    _back_to_prepare(qtbot, agent, desk)
    _wait_step(qtbot, today, StepKey.CHECKLIST, f"✔ Checklist: Done — {total}/{total} steps")

    # 5. The Zoom meeting, in the session form's "Licence and meeting" part.
    assert page.current_step() is StepKey.MEETING
    agent.press(page.open_button)
    form = _wait_dialog(qtbot, SessionDialog)
    assert form.title_edit.text() == TITLE
    agent.click(form.meeting_edit)
    agent.type(form.meeting_edit, MEETING)
    agent.shot("formulaire-seance", form)
    agent.press(form.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: not any(isinstance(w, SessionDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=10_000)
    _back_to_prepare(qtbot, agent, desk)
    _wait_step(qtbot, today, StepKey.MEETING, "✔ Zoom meeting: Done")
    qtbot.waitUntil(lambda: "Ready to launch" in page.status.text(), timeout=10_000)
    assert page.current_step() is StepKey.LAUNCH
    agent.shot("preparer-pret", window)

    # 6. Launch, a quarter of an hour before the start (it may be launched from half an
    # hour before): ready, so nothing is asked; Zoom opens on the meeting, the host key
    # is in the clipboard, the session is running.
    moment.now = row.start - timedelta(minutes=15)
    agent.press(page.open_button)
    outcome = _wait_box(qtbot, desk, "LaunchOutcomeBox")
    assert desk.window.findChild(QMessageBox, "LaunchConfirmBox") is None
    assert len(catcher.urls) == 1
    assert catcher.urls[0].startswith("zoommtg://zoom.us/join?action=join&confno=12345678901")
    assert "Zoom was opened" in outcome.text()
    agent.shot("lancement", outcome)
    assert QGuiApplication.clipboard().text() == HOST_KEY
    agent.press(outcome.button(QMessageBox.StandardButton.Ok))
    QGuiApplication.clipboard().clear()
    _back_to_prepare(qtbot, agent, desk)
    _wait_step(qtbot, today, StepKey.LAUNCH, "✔ Launch: Done")

    # 7. Attendance: the counts typed for the session.
    _click_step(agent, page, StepKey.ATTENDANCE)
    agent.press(page.open_button)
    attendance = _wait_dialog(qtbot, AttendanceDialog)
    for spin, value in ((attendance.registered, "18"), (attendance.connected, "11"),
                        (attendance.on_site, "6")):
        agent.click(spin)
        agent.key(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        agent.type(spin, value)
    agent.press(attendance.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert attendance.message.text() == "Counts saved."
    agent.shot("frequentation", attendance)
    agent.press(attendance.buttons.button(QDialogButtonBox.StandardButton.Close))

    # Back on the list: the card says it all.
    _back_to_prepare(qtbot, agent, desk)
    agent.key(page.steps, Qt.Key.Key_Escape)
    assert today.stack.currentWidget() is today.list_page
    qtbot.waitUntil(lambda: (c := today.card(sid)) is not None
                    and "✔ Launch: Done" in c.step_text(StepKey.LAUNCH), timeout=10_000)
    final = today.card(sid)
    assert final is not None
    for key in (StepKey.CAMERA, StepKey.CHECKLIST, StepKey.LICENCE, StepKey.MEETING):
        assert final.step_text(key).startswith("✔"), final.step_text(key)
    assert final.step_text(StepKey.SOUND).startswith(said)
    assert final.readiness.ready and final.status.text() == "▶ Running"
    assert final.action_button.isHidden()  # launched: nothing left to do before the end
    agent.shot("aujourdhui-fin", window)
    desk.close()

    services = open_services(agent_config)
    try:
        assert services.sessions.get(sid).status is SessionStatus.RUNNING
        counts = services.attendance.record(sid)
        assert counts is not None
        assert (counts.registered, counts.connected, counts.on_site) == (18, 11, 6)
    finally:
        services.close()
    database = Path(agent_config.db_url.removeprefix("sqlite:///"))
    assert HOST_KEY.encode() not in database.read_bytes()  # in the keyring only
    assert len(agent.pictures) == 12 and all(p.stat().st_size > 0 for p in agent.pictures)
    print(f"\nagent path: {agent.clicks} clicks, {agent.keys} keystrokes, no command, "
          f"{len(agent.pictures)} screenshots in {agent.shots}")


def _click_step(agent: Agent, page: PreparePage, key: StepKey) -> None:
    """A click on the step in Préparer's list."""
    for i in range(page.steps.count()):
        item = page.steps.item(i)
        if item.data(StepRole) == key.value:
            agent.click(page.steps.viewport(), page.steps.visualItemRect(item).center())
            assert page.current_step() is key
            return
    raise AssertionError(key)


W = TypeVar("W", bound=QWidget)


def _wait_dialog(qtbot: QtBot, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, kind) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def _wait_box(qtbot: QtBot, desk: Desk, name: str) -> QMessageBox:
    def shown() -> bool:
        box = desk.window.findChild(QMessageBox, name)
        return box is not None and box.isVisible()

    qtbot.waitUntil(shown, timeout=15_000)
    box = desk.window.findChild(QMessageBox, name)
    assert box is not None
    return box


def test_launching_a_session_not_ready_from_today_asks_first_naming_what_is_missing(
    qtbot: QtBot, agent_config: AppConfig, catcher: Catcher, moment: Moment
) -> None:
    row = demo_row(agent_config, TITLE)
    moment.now = row.start - timedelta(minutes=20)  # in its launch window
    services = open_services(agent_config)
    try:
        services.licences.launcher.set_meeting(row.id, MEETING, None, None)
    finally:
        services.close()
    QSettings().setValue("today/branch", "guillotiere")
    desk = open_desk(qtbot, agent_config)
    today = desk.today_area()
    card = today.card(row.id)
    assert card is not None
    page = today.prepare_page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(card.prepare_button, Qt.MouseButton.LeftButton)
    page.select_step(StepKey.CAMERA)
    qtbot.keyClicks(page.reason, "no camera in the room")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    page.select_step(StepKey.LAUNCH)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    box = _wait_box(qtbot, desk, "LaunchConfirmBox")
    text = box.text()
    assert f"“{TITLE}” is not ready" in text
    assert "Sound: To do" in text and "Checklist: To do" in text
    assert "Camera" not in text  # skipped, with its reason: not missing
    assert "Licence" not in text  # booked (its host key missing is a warning, not a gap)
    assert "Zoom meeting" not in text
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert catcher.urls == []
    services = open_services(agent_config)
    try:
        assert services.sessions.get(row.id).status is not SessionStatus.RUNNING
    finally:
        services.close()

    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    box = _wait_box(qtbot, desk, "LaunchConfirmBox")
    anyway = next(b for b in box.buttons() if b.text() == "&Launch anyway")
    anyway.click()
    outcome = _wait_box(qtbot, desk, "LaunchOutcomeBox")
    assert len(catcher.urls) == 1 and "confno=12345678901" in catcher.urls[0]
    outcome.close()
    desk.close()
