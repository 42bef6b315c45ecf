"""The WAV microphone of the training rooms: each guided step hears the part of the
recording it asks the room for, so a good recording gives a green sound check."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checks import Verdict
from app.devices import audio_analysis as aa
from app.devices.audio import AudioChecker, SimulatedMicProbe, build_audio_check
from app.services import Services

DATA = Path(__file__).parent / "data"
TH = aa.load_thresholds()


def checker_on(name: str) -> AudioChecker:
    probe = SimulatedMicProbe(DATA / name, None, realtime=False, thresholds=TH)
    checker = AudioChecker(probe, None, TH)
    checker.choose(None, None, need_output=False)
    return checker


def test_noise_step_hears_the_quiet_part_and_speech_step_the_voice() -> None:
    checker = checker_on("speech.wav")
    noise = checker.run_noise()
    speech = checker.run_speech()
    assert isinstance(noise.analysis.criteria["noise_floor"].value, float)
    assert isinstance(speech.analysis.criteria["speech_level"].value, float)
    assert noise.analysis.criteria["noise_floor"].value < TH.noise_warn_above_dbfs
    assert noise.analysis.criteria["signal"].verdict is Verdict.PASS  # hiss, not zeros
    assert speech.analysis.criteria["speech_level"].value > TH.speech_fail_below_dbfs
    verdicts = {k: c.verdict for k, c in checker.result().criteria.items()}
    assert verdicts == dict.fromkeys(verdicts, Verdict.PASS), verdicts
    assert {"noise_floor", "snr", "speech_level", "sample_rate"} <= set(verdicts)


def test_steps_in_any_order_and_repeated_stay_green() -> None:
    checker = checker_on("speech.wav")
    checker.run_speech()
    checker.run_noise()
    checker.run_noise()
    checker.run_speech()
    assert checker.result().verdict is Verdict.PASS


def test_a_noisy_recording_is_still_judged_noisy() -> None:
    checker = checker_on("noise.wav")
    checker.run_noise()
    assert checker.result().criteria["noise_floor"].verdict is not Verdict.PASS


@pytest.mark.parametrize(("mic", "speakers", "verdict", "names"), [
    (48000.0, 48000.0, Verdict.PASS, ""),
    (48000.0, 44100.0, Verdict.WARN, "set the speakers to 48000 Hz"),
    (44100.0, 48000.0, Verdict.WARN, "set the microphone to 48000 Hz"),
    (44100.0, 32000.0, Verdict.WARN, "set both to 48000 Hz"),
    (44100.0, 44100.0, Verdict.PASS, ""),
])
def test_sample_rate_advice_names_the_device_to_change(
    mic: float, speakers: float, verdict: Verdict, names: str
) -> None:
    crit = aa.judge_sample_rate(round(mic), mic, speakers, TH)
    assert crit.verdict is verdict
    assert names in crit.advice
    if verdict is Verdict.PASS:
        assert "48000" not in crit.advice


@pytest.mark.audio
def test_training_room_microphone_with_real_speakers_is_green(services: Services) -> None:
    """The path of `--simulate-mic speech.wav`: the real speakers of the test card beside
    the file microphone; a 16 kHz file is no sound setting to change."""
    checker = build_audio_check(services, DATA / "speech.wav", realtime=False)
    checker.choose(None, "regie_speaker")
    checker.run_noise()
    checker.run_speech()
    checker.run_speaker()
    result = checker.result()
    assert result.device == "simulated:speech.wav"
    verdicts = {k: c.verdict for k, c in result.criteria.items()}
    assert verdicts == dict.fromkeys(verdicts, Verdict.PASS), verdicts
