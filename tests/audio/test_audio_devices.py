"""Real PortAudio through the PulseAudio null-sink card started by the test command.

WAVs are played into `regie_mic_feed` and arrive in the `regie_mic` microphone; the
`regie_speaker` output leaks into that microphone through the room loopback.
"""

from __future__ import annotations

import builtins
import json
import subprocess
import threading
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.cli import build_parser, run
from app.core.checks import CheckKind, Verdict
from app.devices import audio_analysis as aa
from app.devices import audio_devices as audio_mod
from app.devices.audio import (
    AudioChecker,
    AudioDevice,
    SimulatedMicProbe,
    SoundDeviceProbe,
    audio_capability,
    resolve,
)
from app.errors import NotFoundError, RegieError
from app.services import Services

DATA = Path(__file__).parent / "data"
pytestmark = [pytest.mark.audio]

TH = aa.load_thresholds()


@pytest.fixture(scope="module")
def probe() -> SoundDeviceProbe:
    return SoundDeviceProbe(TH)


@pytest.fixture(scope="module")
def mic(probe: SoundDeviceProbe) -> AudioDevice:
    return resolve(probe.devices().inputs, "regie_mic", "input")


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return float(w.getnframes() / w.getframerate())


def record_while_playing(probe: SoundDeviceProbe, mic: AudioDevice,
                         name: str) -> tuple[np.ndarray, int]:
    """Record the microphone while the WAV plays into it; keep the part it played in."""
    path = DATA / f"{name}.wav"
    out: dict[str, Any] = {}

    def rec() -> None:
        out["x"], out["rate"] = probe.record(mic, wav_seconds(path) + 1.0)

    t = threading.Thread(target=rec)
    t.start()
    subprocess.run(["paplay", "--device=regie_mic_feed", str(path)], check=True, timeout=20)
    t.join(20)
    x = out["x"]
    nz = np.flatnonzero(x)
    assert nz.size, f"{name}.wav never reached the microphone"
    return x[nz[0] : nz[-1] + 1], out["rate"]


def test_lists_the_test_card_with_defaults(probe: SoundDeviceProbe) -> None:
    listing = probe.devices()
    names = {d.name for d in listing.inputs}
    assert {"regie_mic", "regie_speaker"} <= names
    assert listing.default_input() is not None
    assert listing.default_output() is not None
    dev = resolve(listing.inputs, "regie_mic", "input")
    assert dev.host_api == "ALSA"
    assert dev.default_rate > 0
    assert resolve(listing.inputs, str(dev.index), "input") == dev
    assert resolve(listing.inputs, "REGIE_MIC", "input") == dev  # exact name wins
    with pytest.raises(RegieError, match="Several devices"):
        resolve(listing.inputs, "regie", "input")
    with pytest.raises(NotFoundError, match="No microphone matches"):
        resolve(listing.inputs, "nothing-like-this", "input")
    with pytest.raises(NotFoundError, match="number 999"):
        resolve(listing.inputs, "999", "input")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("speech", {"signal": Verdict.PASS, "speech_level": Verdict.PASS,
                    "clipping": Verdict.PASS, "dc_offset": Verdict.PASS}),
        ("clipped", {"speech_level": Verdict.FAIL, "clipping": Verdict.FAIL}),
    ],
)
def test_speech_wavs_through_the_card(probe: SoundDeviceProbe, mic: AudioDevice, name: str,
                                      expected: dict[str, Verdict]) -> None:
    x, rate = record_while_playing(probe, mic, name)
    crit = aa.analyse_speech(x, rate, TH).criteria
    assert {k: crit[k].verdict for k in expected} == expected


@pytest.mark.parametrize(("name", "verdict"), [("noise", Verdict.FAIL), ("silence", Verdict.PASS)])
def test_noise_wavs_through_the_card(probe: SoundDeviceProbe, mic: AudioDevice, name: str,
                                     verdict: Verdict) -> None:
    x, rate = record_while_playing(probe, mic, name)
    analysis = aa.analyse_noise(x, rate, TH)
    assert analysis.criteria["signal"].verdict is Verdict.PASS
    assert analysis.criteria["noise_floor"].verdict is verdict


def test_a_silent_microphone_is_dead(probe: SoundDeviceProbe, mic: AudioDevice) -> None:
    x, rate = probe.record(mic, 0.5)
    assert rate == TH.preferred_rate
    assert aa.analyse_noise(x, rate, TH).criteria["signal"].value == "dead"


def test_meter_blocks_come_about_thirty_times_a_second(probe: SoundDeviceProbe,
                                                       mic: AudioDevice) -> None:
    class Stop:
        cancelled = False

    stop = Stop()
    checker = AudioChecker(probe, None, TH)
    checker.set_devices(mic, None)
    readings = []
    for reading in checker.meter(stop):
        readings.append(reading)
        if len(readings) == 15:
            stop.cancelled = True
    assert len(readings) == 15
    assert all(r.frames == round(TH.preferred_rate / 30) for r in readings)
    span = readings[-1].captured_at - readings[2].captured_at
    assert 12 / 30 * 0.5 < span < 12 / 30 * 2


def test_echo_through_the_room_loopback(services: Services) -> None:
    checker = AudioChecker(SoundDeviceProbe(TH), services.checks, TH)
    checker.choose("regie_mic", "regie_speaker")
    result = checker.run(["speaker", "echo"])
    m = result.metrics
    assert result.criteria["speaker"].verdict is Verdict.PASS
    assert m["echo_detected"] is True
    assert 1.0 < float(m["echo_delay_ms"]) < 500.0  # type: ignore[arg-type]
    assert float(m["echo_level_db"]) == pytest.approx(0.0, abs=3.0)  # type: ignore[arg-type]
    assert float(m["echo_received_dbfs"]) == pytest.approx(TH.chirp_dbfs, abs=3.0)  # type: ignore[arg-type]
    assert result.criteria["echo"].verdict is Verdict.FAIL  # the speakers are heard at 0 dB
    check_id = checker.save(result)
    saved = services.checks.history(kind=CheckKind.AUDIO)
    assert saved[0].id == check_id
    assert saved[0].device_key == "ALSA:regie_mic"


def test_cli_reports_echo_delay_and_levels(config: Any, capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args([
        "--db", config.db_url, "check", "audio", "--input", "regie_mic", "--output",
        "regie_speaker", "--steps", "noise,echo", "--seconds", "0.5", "--json"])
    assert run(args) == 0  # a fail verdict is a result, not an error
    out = json.loads(capsys.readouterr().out)
    assert out["device"] == "regie_mic"
    assert out["verdict"] == "fail"
    assert out["criteria"]["echo"]["verdict"] == "fail"
    assert out["criteria"]["noise_floor"]["value"] == aa.SILENCE_DBFS
    assert out["metrics"]["echo_detected"] is True
    assert out["metrics"]["echo_delay_ms"] > 0
    assert out["saved_id"] >= 1


def test_cli_lists_devices(config: Any, capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["--db", config.db_url, "check", "audio", "--list",
                                      "--json"])
    assert run(args) == 0
    listing = json.loads(capsys.readouterr().out)
    assert any(d["name"] == "regie_mic" for d in listing["inputs"])


def test_cli_unknown_device_exits_1(config: Any, capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["--db", config.db_url, "check", "audio", "--input",
                                      "no-such-mic", "--json"])
    assert run(args) == 1
    assert "no-such-mic" in capsys.readouterr().err


def test_vanished_device_is_an_error_not_a_hang(probe: SoundDeviceProbe) -> None:
    ghost = AudioDevice(index=4242, name="Ghost", host_api="ALSA", max_input_channels=1,
                        max_output_channels=2, default_rate=48000.0)
    with pytest.raises(RegieError, match="Ghost"):
        probe.record(ghost, 0.2)
    with pytest.raises(RegieError, match="Ghost"):
        probe.play(ghost, aa.tone(48000, TH), 48000)


def test_simulated_mic_with_real_speakers(probe: SoundDeviceProbe) -> None:
    sim = SimulatedMicProbe(DATA / "speech.wav", probe, realtime=False, thresholds=TH)
    checker = AudioChecker(sim, None, TH)
    checker.choose(None, "regie_speaker")
    result = checker.run(["speech", "speaker"], seconds=2.0)
    assert result.device == "simulated:speech.wav"
    assert result.criteria["speech_level"].verdict is Verdict.PASS
    assert result.criteria["speaker"].verdict is Verdict.PASS


def test_missing_portaudio_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_portaudio(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(audio_mod, "_sd_module", None)
    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    cap = audio_capability()
    assert not cap.available
    assert cap.error is not None
    assert "libportaudio2" in cap.error.text()
    with pytest.raises(RegieError, match="PortAudio"):
        SoundDeviceProbe(TH).devices()
