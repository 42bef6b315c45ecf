"""The audio screen on a simulated microphone (a committed WAV), driven like a user."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.checks import CheckKind, Verdict
from app.devices import audio_analysis as aa
from app.devices.audio import AudioChecker, SimulatedMicProbe
from app.services import Services
from app.ui.audio_check import AudioCheckArea
from app.ui.widgets import VerdictBadge
from app.ui.workers import ImmediatePool

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
    with qtbot.waitSignal(area.saved) as blocker:
        area.save_button.click()
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
