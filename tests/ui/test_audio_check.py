"""The audio screen on a simulated microphone (a committed WAV), driven like a user."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from pytestqt.qtbot import QtBot

from app.core.checks import CheckKind, Verdict
from app.devices import audio_analysis as aa
from app.devices.audio import AudioChecker, SimulatedMicProbe
from app.services import Services
from app.ui.audio_check import AudioCheckArea
from app.ui.choosers import SETTING_BRANCH, SessionChoiceDialog
from app.ui.widgets import VerdictBadge
from app.ui.workers import ImmediatePool
from tests.ui.check_targets import add_sessions, saved_checks

DATA = Path(__file__).parents[1] / "audio" / "data"
TH = dataclasses.replace(aa.load_thresholds(), noise_seconds=0.5, speech_seconds=2.0)


def make_area(qtbot: QtBot, services: Services, wav: str = "speech.wav", *,
              realtime: bool = False, immediate: bool = True) -> AudioCheckArea:
    probe = SimulatedMicProbe(DATA / wav, None, realtime=realtime, thresholds=TH)
    checker = AudioChecker(probe, services.checks, TH)
    area = AudioCheckArea(services, DATA / wav, checker=checker,
                          pool=ImmediatePool() if immediate else None)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: not area.busy and area.input_combo.count() > 0, timeout=3000)
    return area


def wait_for_choice(qtbot: QtBot, area: AudioCheckArea) -> SessionChoiceDialog:
    """The question a check run without a session asks before it is saved."""

    def shown() -> list[SessionChoiceDialog]:
        return [d for d in area.findChildren(SessionChoiceDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10_000)
    return shown()[0]


def test_devices_are_listed_and_preselected(qtbot: QtBot, services: Services) -> None:
    area = make_area(qtbot, services)
    assert area.input_combo.count() == 1
    assert "speech.wav" in area.input_combo.currentText()
    assert area.output_combo.count() == 0  # no speakers beside the simulated microphone
    assert area.noise_button.isEnabled()
    assert not area.speaker_button.isEnabled()
    assert not area.echo_button.isEnabled()
    assert area.banner.isVisibleTo(area)  # says no speakers were found
    for w in (area.input_combo, area.output_combo, area.listen_button, area.noise_button,
              area.speech_button, area.save_button, area.table):
        assert w.accessibleName()


def test_guided_steps_give_verdicts_and_save(qtbot: QtBot, services: Services) -> None:
    area = make_area(qtbot, services)
    area.open_for_session(None)
    area.speech_button.click()
    result = area.current_result()
    assert result.criteria["speech_level"].verdict is Verdict.PASS
    rows = {}
    for r in range(area.table.rowCount()):
        item = area.table.item(r, 0)
        assert item is not None
        rows[item.text()] = r
    assert "Voice level" in rows
    badge = area.table.cellWidget(rows["Voice level"], 2)
    assert isinstance(badge, VerdictBadge)
    assert "OK" in badge.text()  # symbol + word, not colour only
    assert area.overall.verdict is not None
    area.save_button.click()
    choice = wait_for_choice(qtbot, area)  # run without a session: which one was it for?
    with qtbot.waitSignal(area.saved) as blocker:
        choice.choose(None)  # none: a test of the equipment
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    saved = services.checks.history(kind=CheckKind.AUDIO)
    assert saved[0].id == blocker.args[0]
    assert saved[0].device == "simulated:speech.wav"


def test_speaker_step_without_speakers_is_a_clear_problem(qtbot: QtBot,
                                                          services: Services) -> None:
    area = make_area(qtbot, services)
    area.run_step("speaker")  # button disabled, but the path must still be safe
    assert "found" in area.banner.text()


def test_live_meter_runs_in_a_worker_and_shows_text(qtbot: QtBot, services: Services) -> None:
    area = make_area(qtbot, services, "clipped.wav", realtime=True, immediate=False)
    area.listen_button.setChecked(True)
    qtbot.waitUntil(lambda: "dBFS" in area.meter_text.text(), timeout=3000)
    assert area.meter_widget.reading is not None
    area.meter_widget.repaint()
    qtbot.waitUntil(lambda: any(w in area.meter_text.text()
                                for w in ("Loud", "Clipping", "Good level")), timeout=3000)
    area.listen_button.setChecked(False)
    assert area.meter_text.text() == "Meter off"
    assert area._meter is None


def test_step_in_a_worker_pauses_and_resumes_the_meter(qtbot: QtBot,
                                                       services: Services) -> None:
    area = make_area(qtbot, services, "noise.wav", immediate=False)
    area.listen_button.setChecked(True)
    area.run_step("noise")
    assert area._meter is None
    assert area.busy
    assert not area.noise_button.isEnabled()
    qtbot.waitUntil(lambda: not area.busy, timeout=5000)
    assert "noise_floor" in area.current_result().criteria
    qtbot.waitUntil(lambda: area._meter is not None, timeout=2000)
    area.shutdown()
    assert area._meter is None


def open_for(area: AudioCheckArea, services: Services, sid: int) -> None:
    area.open_for_session(sid, services.sessions.row(sid))


def overall(area: AudioCheckArea) -> Verdict | None:
    return area.overall.verdict


def audio_saved(services: Services) -> list[tuple[int | None, bool]]:
    return saved_checks(services, CheckKind.AUDIO)


def test_a_check_opened_for_a_session_starts_clean(qtbot: QtBot, services: Services) -> None:
    ids = add_sessions(services)
    area = make_area(qtbot, services)
    open_for(area, services, ids["today"])
    area.speech_button.click()
    with qtbot.waitSignal(area.saved):
        area.save_button.click()
    assert area.status_label.text() == "Result saved."
    assert area.table.rowCount() > 0 and overall(area) is not None

    open_for(area, services, ids["tomorrow"])
    assert "Café FLE" in area.session_label.text()
    assert "Atelier numérique" not in area.session_label.text()
    assert area.status_label.text() == "Choose the devices, then run the steps in order."
    assert area.table.rowCount() == 0 and area.echo_label.text() == ""
    assert overall(area) is None and not area.save_button.isEnabled()
    assert area.current_result().criteria == {}


def test_a_result_stays_with_the_session_it_was_measured_for(
    qtbot: QtBot, services: Services
) -> None:
    ids = add_sessions(services)
    area = make_area(qtbot, services)
    open_for(area, services, ids["today"])
    area.speech_button.click()
    # Another session is opened before saving: the first one's steps are not filed
    # under it.
    open_for(area, services, ids["tomorrow"])
    area.save()
    area.save_button.click()
    assert audio_saved(services) == []

    area.noise_button.click()
    area.clear_session()  # left for the sidebar with steps not saved: they keep their session
    assert "Café FLE" in area.session_label.text()
    area.speech_button.click()
    with qtbot.waitSignal(area.saved):
        area.save_button.click()
    with qtbot.waitSignal(area.saved):
        area.save_button.click()  # save again: the same session
    assert audio_saved(services) == [(ids["tomorrow"], False), (ids["tomorrow"], False)]

    area.clear_session()  # saved: the screen starts clean, without a session
    assert "you will be asked which session" in area.session_label.text()
    assert area.table.rowCount() == 0 and area.session_id is None


def test_a_check_from_the_sidebar_asks_which_session_it_was_for(
    qtbot: QtBot, services: Services
) -> None:
    ids = add_sessions(services)
    QSettings().setValue(SETTING_BRANCH, ids["nor"])
    area = make_area(qtbot, services)
    assert "you will be asked which session" in area.session_label.text()
    area.speech_button.click()
    area.save_button.click()
    choice = wait_for_choice(qtbot, area)
    assert choice.windowModality() is Qt.WindowModality.WindowModal  # open(), not exec()
    assert audio_saved(services) == []  # nothing before the answer
    assert choice.session_ids() == [0, ids["nord"]]
    assert not choice.confirm_button.isEnabled()
    qtbot.mouseClick(choice.buttons.buttons()[1], Qt.MouseButton.LeftButton)  # Not now
    assert "not saved" in area.status_label.text() and audio_saved(services) == []

    area.save_button.click()
    choice = wait_for_choice(qtbot, area)
    with qtbot.waitSignal(area.saved):
        choice.choose(ids["nord"])
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert "Heure du conte" in area.session_label.text()
    area.noise_button.click()  # more steps of the same check, then save again
    with qtbot.waitSignal(area.saved):
        area.save_button.click()
    assert not [d for d in area.findChildren(SessionChoiceDialog) if d.isVisible()]
    assert audio_saved(services) == [(ids["nord"], False), (ids["nord"], False)]

    area.open_for_session(None)  # a new check, still without a session: asks again
    area.speech_button.click()
    area.save_button.click()
    choice = wait_for_choice(qtbot, area)
    with qtbot.waitSignal(area.saved):
        choice.choose(None)
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert audio_saved(services)[-1] == (None, True)


def test_training_room_microphone_gives_a_green_sound_check(
    qtbot: QtBot, services: Services
) -> None:
    """`--simulate-mic speech.wav` as the desk builds it (the real simulated path, at a
    microphone's pace): the noise step hears the quiet part, the speech step the voice,
    and every row of the table says OK."""
    area = AudioCheckArea(services, DATA / "speech.wav", pool=ImmediatePool())
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: not area.busy and area.input_combo.count() > 0, timeout=10_000)
    assert area.input_combo.currentText() == "Simulated microphone (speech.wav)"
    area.run_step("noise")
    area.run_step("speech")
    result = area.current_result()
    verdicts = {name: c.verdict for name, c in result.criteria.items()}
    assert verdicts["noise_floor"] is Verdict.PASS, verdicts
    assert verdicts["snr"] is Verdict.PASS, verdicts
    assert set(verdicts.values()) == {Verdict.PASS}, verdicts
    for row in range(area.table.rowCount()):
        badge = area.table.cellWidget(row, 2)
        assert isinstance(badge, VerdictBadge) and "OK" in badge.text()


def test_a_busy_screen_gets_the_newest_reading_not_a_backlog(qtbot: QtBot,
                                                             services: Services) -> None:
    """While the window is busy elsewhere the meter keeps measuring, but at most one
    reading waits for the screen: no burst of stale readings when it is free again."""
    area = make_area(qtbot, services, "speech.wav", realtime=True, immediate=False)
    area.listen_button.setChecked(True)
    qtbot.waitUntil(lambda: "dBFS" in area.meter_text.text(), timeout=3000)
    worker = area._meter
    assert worker is not None
    seen: list[aa.MeterReading] = []
    worker.item.connect(seen.append)
    time.sleep(0.6)  # the GUI thread is blocked: some 18 readings are measured meanwhile
    QCoreApplication.processEvents()
    assert 1 <= len(seen) <= 2
    qtbot.waitUntil(lambda: len(seen) >= 5, timeout=3000)  # and it goes on after
    assert seen[-1].captured_at > seen[0].captured_at
    area.listen_button.setChecked(False)
