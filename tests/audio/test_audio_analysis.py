"""The numpy analysis on synthetic signals and the committed WAVs (no sound card)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core.checks import CheckKind, Verdict
from app.devices import audio_analysis as aa
from app.devices.audio import read_wav
from app.errors import RegieError

DATA = Path(__file__).parent / "data"
TH = aa.load_thresholds()
RATE = 48000


def sine(dbfs: float, seconds: float = 1.0, hz: float = 1000.0, rate: int = RATE) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (10 ** (dbfs / 20) * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def test_levels_of_a_sine() -> None:
    x = sine(-9.0)
    assert aa.peak_dbfs(x) == pytest.approx(-9.0, abs=0.01)
    assert aa.rms_dbfs(x) == pytest.approx(-12.01, abs=0.02)
    assert aa.rms_dbfs(np.zeros(100, np.float32)) == aa.SILENCE_DBFS
    assert aa.peak_dbfs(np.zeros(0, np.float32)) == aa.SILENCE_DBFS


def test_to_mono_scales_integers_and_averages_channels() -> None:
    ints = np.array([[16384, 16384], [-32768, 0]], dtype=np.int16)
    assert aa.to_mono(ints).tolist() == [0.5, -0.5]


def test_bands_follow_the_broadcast_scale() -> None:
    m = TH.meter
    assert aa.band_of(-80, m) is aa.Band.SILENT
    assert aa.band_of(-50, m) is aa.Band.QUIET
    assert aa.band_of(-20, m) is aa.Band.GOOD
    assert aa.band_of(-9, m) is aa.Band.LOUD
    assert aa.band_of(0, m) is aa.Band.CLIP


def test_meter_attacks_at_once_holds_then_decays() -> None:
    meter = aa.LevelMeter(TH.meter)
    block = RATE // 30
    loud = meter.update(sine(-6.0, block / RATE), RATE)
    assert loud.display_dbfs == pytest.approx(-6.0, abs=0.05)
    assert loud.band is aa.Band.LOUD
    quiet = sine(-50.0, block / RATE)
    readings = [meter.update(quiet, RATE) for _ in range(30)]  # one second
    # The bar falls at decay_db_per_second; the hold marker has not moved yet.
    assert readings[-1].display_dbfs == pytest.approx(-6.0 - TH.meter.decay_db_per_second, abs=1)
    assert readings[-1].hold_dbfs == pytest.approx(-6.0, abs=0.05)
    later = [meter.update(quiet, RATE) for _ in range(60)]
    assert later[-1].hold_dbfs < -6.5
    assert later[-1].display_dbfs == pytest.approx(-50.0, abs=0.1)


def test_clipping_counts_runs_not_lone_peaks() -> None:
    x = sine(-20.0, 0.1)
    x[100:105] = 1.0
    x[200] = -1.0  # a lone full-scale sample is not a clipping event
    x[300:303] = -1.0
    stats = aa.signal_stats(x, TH)
    assert stats.clip_events == 2
    assert stats.clipped_samples == 9


def test_dead_constant_and_dc() -> None:
    assert aa.signal_stats(np.zeros(4800, np.float32), TH).state == "dead"
    stuck = np.tile(np.array([0.2, -0.2], np.float32), 2400)
    assert aa.signal_stats(stuck, TH).state == "constant"
    offset = sine(-30.0) + np.float32(0.03)
    stats = aa.signal_stats(offset, TH)
    assert stats.state == "live"
    assert stats.dc_percent == pytest.approx(3.0, abs=0.05)
    assert aa.judge_dc_offset(stats.dc_percent, TH).verdict is Verdict.WARN
    assert aa.judge_dc_offset(8.0, TH).verdict is Verdict.FAIL


def test_sample_rate_verdicts() -> None:
    assert aa.judge_sample_rate(48000, 48000, 48000, TH).verdict is Verdict.PASS
    assert aa.judge_sample_rate(48000, 44100, 48000, TH).verdict is Verdict.WARN
    assert aa.judge_sample_rate(8000, 8000, 8000, TH).verdict is Verdict.FAIL


@pytest.mark.parametrize(("delay_ms", "gain_db"), [(12.0, -6.0), (85.0, -24.0), (250.0, -40.0)])
def test_echo_found_with_its_delay_and_level(delay_ms: float, gain_db: float) -> None:
    played, _lead = aa.echo_signal(RATE, TH)
    lag = round(delay_ms * RATE / 1000)
    rng = np.random.default_rng(1)
    recorded = np.zeros(played.size, np.float32)
    recorded[lag:] = played[: played.size - lag] * np.float32(10 ** (gain_db / 20))
    recorded += rng.normal(0, 10 ** (-70 / 20), played.size).astype(np.float32)
    echo = aa.measure_echo(played, recorded, RATE, TH)
    assert echo.detected
    assert echo.delay_ms == pytest.approx(delay_ms, abs=0.05)
    assert echo.level_db == pytest.approx(gain_db, abs=0.5)


@pytest.mark.parametrize("glitch", ["dropped", "inserted"])
def test_echo_level_survives_a_sound_server_glitch(glitch: str) -> None:
    """A busy sound server drops or repeats a few ms of audio mid-sweep: the level holds."""
    played, lead = aa.echo_signal(RATE, TH)
    lag = round(0.030 * RATE)
    gain_db = -10.0
    heard = np.zeros(played.size, np.float32)
    heard[lag:] = played[: played.size - lag] * np.float32(10 ** (gain_db / 20))
    cut = lead + lag + round(0.2 * RATE)  # 200 ms into the sweep
    hole = round(0.015 * RATE)
    if glitch == "dropped":
        recorded = np.concatenate((heard[:cut], heard[cut + hole :], np.zeros(hole, np.float32)))
    else:
        recorded = np.concatenate((heard[:cut], np.zeros(hole, np.float32), heard[cut:-hole]))
    recorded += np.random.default_rng(3).normal(0, 10 ** (-70 / 20), played.size).astype(
        np.float32)
    echo = aa.measure_echo(played, recorded, RATE, TH)
    assert echo.detected
    assert echo.level_db == pytest.approx(gain_db, abs=0.5)
    assert echo.received_dbfs == pytest.approx(TH.chirp_dbfs + gain_db, abs=1.0)


def test_no_echo_in_unrelated_noise() -> None:
    played, _ = aa.echo_signal(RATE, TH)
    noise = np.random.default_rng(2).normal(0, 0.05, played.size).astype(np.float32)
    analysis = aa.analyse_echo(played, noise, RATE, TH)
    assert analysis.metrics["echo_detected"] is False
    assert analysis.criteria["echo"].verdict is Verdict.PASS
    assert aa.analyse_echo(played, np.zeros_like(played), RATE, TH).metrics[
        "echo_detected"] is False


def _wav(name: str) -> tuple[np.ndarray, int]:
    return read_wav(DATA / f"{name}.wav")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("speech", {"speech_level": Verdict.PASS, "clipping": Verdict.PASS,
                    "signal": Verdict.PASS}),
        ("clipped", {"speech_level": Verdict.FAIL, "clipping": Verdict.FAIL}),
    ],
)
def test_speech_wavs(name: str, expected: dict[str, Verdict]) -> None:
    x, rate = _wav(name)
    crit = aa.analyse_speech(x, rate, TH).criteria
    assert {k: crit[k].verdict for k in expected} == expected


@pytest.mark.parametrize(("name", "verdict"), [("noise", Verdict.FAIL), ("silence", Verdict.PASS)])
def test_noise_wavs(name: str, verdict: Verdict) -> None:
    x, rate = _wav(name)
    crit = aa.analyse_noise(x[round(0.3 * rate):], rate, TH).criteria
    assert crit["noise_floor"].verdict is verdict


def test_snr_uses_the_measured_silence() -> None:
    speech, rate = _wav("speech")
    noisy = aa.analyse_speech(speech, rate, TH, noise_floor=-30.0)
    assert noisy.criteria["snr"].verdict is Verdict.FAIL
    assert noisy.metrics["snr_noise_from"] == "noise_step"


def test_check_result_shape() -> None:
    x, rate = _wav("speech")
    result = aa.check_result("Micro", "ALSA:Micro", aa.merge(aa.analyse_speech(x, rate, TH)))
    out = result.as_json()
    assert result.kind is CheckKind.AUDIO
    assert out["device"] == "Micro"
    crit = out["criteria"]
    assert isinstance(crit, dict)
    assert set(crit["speech_level"]) == {"value", "unit", "verdict", "advice"}


def test_thresholds_override_and_bad_value(tmp_path: Path) -> None:
    user = tmp_path / "audio.toml"
    user.write_text("[noise_floor]\nwarn_above_dbfs = -55.0\n[meter]\nupdates_per_second = 25\n")
    th = aa.load_thresholds(aa.thresholds_path(), user)
    assert th.noise_warn_above_dbfs == -55.0
    assert th.meter.updates_per_second == 25
    assert th.noise_fail_above_dbfs == TH.noise_fail_above_dbfs
    user.write_text("[echo]\nwarn_from_db = \"loud\"\n")
    with pytest.raises(RegieError, match="warn_from_db"):
        aa.load_thresholds(user)
    user.write_text("[echo\n")
    with pytest.raises(RegieError, match="cannot be read"):
        aa.load_thresholds(user)
