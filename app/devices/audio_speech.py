"""The noise and speech steps: is the microphone alive, how noisy is the room, how loud
and clean is the voice (level, voice over noise, saturation, centring, sample rate)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.checks import Criterion, Verdict
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.audio_levels import (
    SILENCE_DBFS,
    Analysis,
    AudioThresholds,
    Samples,
    frame_levels_db,
    peak_dbfs,
    rms_dbfs,
    round1,
)
from app.devices.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed


# ------------------------------------------------------------------ measurements
@dataclass(frozen=True, slots=True)
class SignalStats:
    peak_dbfs: float
    rms_dbfs: float
    dc_percent: float
    clip_events: int
    clipped_samples: int
    state: str  # "live" | "dead" | "constant"


def signal_stats(x: Samples, th: AudioThresholds) -> SignalStats:
    x64 = x.astype(np.float64, copy=False)
    mean = float(np.mean(x64)) if x.size else 0.0
    ac_rms = float(np.std(x64)) if x.size else 0.0
    clipped = np.abs(x) >= th.clip_sample_threshold
    events = count_runs(clipped, th.clip_min_run)
    if ac_rms < th.dead_below_rms:
        state = "dead"
    elif np.unique(x[: min(x.size, 200_000)]).size < th.min_distinct_values:
        state = "constant"
    else:
        state = "live"
    return SignalStats(
        peak_dbfs=peak_dbfs(x),
        rms_dbfs=rms_dbfs(x),
        dc_percent=abs(mean) * 100.0,
        clip_events=events,
        clipped_samples=int(np.count_nonzero(clipped)),
        state=state,
    )


def count_runs(mask: npt.NDArray[np.bool_], min_run: int) -> int:
    """Number of runs of at least `min_run` consecutive True values."""
    if not mask.size or not mask.any():
        return 0
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.diff(padded)
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return int(np.count_nonzero((ends - starts) >= min_run))


def noise_floor_dbfs(x: Samples, rate: int, th: AudioThresholds) -> float:
    """Median frame level: a cough or a door during the silence does not count."""
    return float(np.median(frame_levels_db(x, rate, th.frame_ms)))


def speech_level_dbfs(x: Samples, rate: int, th: AudioThresholds) -> tuple[float, float]:
    """Active speech level (power mean of frames near the loudest) and the quiet level.

    The quiet level (10th percentile of frames) estimates the noise when no silence was
    measured separately.
    """
    levels = frame_levels_db(x, rate, th.frame_ms)
    top = float(np.max(levels))
    active = levels[levels >= max(top - th.speech_activity_range_db, SILENCE_DBFS + 1)]
    if active.size == 0:
        return SILENCE_DBFS, SILENCE_DBFS
    level = 10.0 * math.log10(float(np.mean(10 ** (active / 10.0))))
    return level, float(np.percentile(levels, 10))


# ------------------------------------------------------------------ verdicts
def judge_signal(stats: SignalStats) -> Criterion:
    if stats.state == "dead":
        return Criterion("signal", "dead", Verdict.FAIL, _N(
            "audio", "No sound from the microphone: check that it is plugged in, switched "
            "on and not muted, then choose it in the list."))
    if stats.state == "constant":
        return Criterion("signal", "constant", Verdict.FAIL, _N(
            "audio", "The microphone sends a frozen signal: unplug it, plug it back in and "
            "run the check again."))
    return Criterion("signal", "live", Verdict.PASS,
                     _N("audio", "The microphone is sending sound."))


def judge_noise_floor(level: float, th: AudioThresholds) -> Criterion:
    value = round1(level)
    if level > th.noise_fail_above_dbfs:
        return Criterion("noise_floor", value, Verdict.FAIL, _N(
            "audio", "The room is too noisy: close doors and windows, switch off fans or "
            "move the microphone away from the noise."), "dBFS")
    if level > th.noise_warn_above_dbfs:
        return Criterion("noise_floor", value, Verdict.WARN, _N(
            "audio", "Some background noise: close the door or move away from the "
            "projector or the fan."), "dBFS")
    return Criterion("noise_floor", value, Verdict.PASS, _N(
        "audio", "The room is quiet enough."), "dBFS")


def judge_speech_level(level: float, th: AudioThresholds) -> Criterion:
    value = round1(level)
    if level < th.speech_fail_below_dbfs:
        return Criterion("speech_level", value, Verdict.FAIL, _N(
            "audio", "Microphone far too quiet: move it close to the speaker and check "
            "that it is not muted."), "dBFS")
    if level < th.speech_warn_below_dbfs:
        return Criterion("speech_level", value, Verdict.WARN, _N(
            "audio", "Microphone too quiet: bring it closer to the speaker or raise its "
            "input volume."), "dBFS")
    if level > th.speech_fail_above_dbfs:
        return Criterion("speech_level", value, Verdict.FAIL, _N(
            "audio", "Microphone far too loud: lower its input volume or move it away "
            "from the speaker's mouth."), "dBFS")
    if level > th.speech_warn_above_dbfs:
        return Criterion("speech_level", value, Verdict.WARN, _N(
            "audio", "Microphone a bit loud: lower its input volume slightly."), "dBFS")
    return Criterion("speech_level", value, Verdict.PASS, _N(
        "audio", "The voice comes through at a good level."), "dBFS")


def judge_snr(snr: float, th: AudioThresholds) -> Criterion:
    value = round1(snr)
    if snr < th.snr_fail_below_db:
        return Criterion("snr", value, Verdict.FAIL, _N(
            "audio", "The voice is lost in the noise: bring the microphone closer to the "
            "speaker and reduce the room noise."), "dB")
    if snr < th.snr_warn_below_db:
        return Criterion("snr", value, Verdict.WARN, _N(
            "audio", "The voice stands out only a little from the noise: bring the "
            "microphone closer to the speaker."), "dB")
    return Criterion("snr", value, Verdict.PASS, _N(
        "audio", "The voice stands out clearly from the background noise."), "dB")


def judge_clipping(events: int, th: AudioThresholds) -> Criterion:
    if events >= th.clip_fail_from_events:
        return Criterion("clipping", events, Verdict.FAIL, _N(
            "audio", "The sound saturates: lower the microphone's input volume or move it "
            "away from the speaker."))
    if events >= th.clip_warn_from_events:
        return Criterion("clipping", events, Verdict.WARN, _N(
            "audio", "The sound saturated a few times: lower the microphone's input "
            "volume slightly."))
    return Criterion("clipping", events, Verdict.PASS, _N("audio", "No saturation."))


def judge_dc_offset(percent: float, th: AudioThresholds) -> Criterion:
    value = round(percent, 2)
    if percent > th.dc_fail_above_percent:
        return Criterion("dc_offset", value, Verdict.FAIL, _N(
            "audio", "The microphone signal is off-centre (faulty microphone or cable): "
            "try another cable or microphone."), "%")
    if percent > th.dc_warn_above_percent:
        return Criterion("dc_offset", value, Verdict.WARN, _N(
            "audio", "The microphone signal is slightly off-centre: check the cable and "
            "the adapter."), "%")
    return Criterion("dc_offset", value, Verdict.PASS, _N("audio", "The signal is centred."), "%")


def judge_sample_rate(
    capture_rate: int, input_rate: float | None, output_rate: float | None, th: AudioThresholds
) -> Criterion:
    if capture_rate < th.rate_fail_below_hz:
        return Criterion("sample_rate", capture_rate, Verdict.FAIL, _N(
            "audio", "The microphone records at a telephone-like quality: choose another "
            "microphone or raise its sample rate in the sound settings."), "Hz")
    if input_rate and output_rate and round(input_rate) != round(output_rate):
        # Only the device that is not at the preferred rate is to be changed.
        if round(input_rate) == th.preferred_rate:
            advice = _N("audio", "The speakers do not run at the microphone's sample rate: "
                        "set the speakers to 48000 Hz in the sound settings.")
        elif round(output_rate) == th.preferred_rate:
            advice = _N("audio", "The microphone does not run at the speakers' sample rate: "
                        "set the microphone to 48000 Hz in the sound settings.")
        else:
            advice = _N("audio", "The microphone and the speakers run at different sample "
                        "rates: set both to 48000 Hz in the sound settings.")
        return Criterion("sample_rate", capture_rate, Verdict.WARN, advice, "Hz")
    return Criterion("sample_rate", capture_rate, Verdict.PASS, _N(
        "audio", "The sample rates match."), "Hz")


def analyse_noise(x: Samples, rate: int, th: AudioThresholds) -> Analysis:
    stats = signal_stats(x, th)
    floor = noise_floor_dbfs(x, rate, th)
    crit: dict[str, Criterion] = {"signal": judge_signal(stats)}
    if stats.state == "live":
        crit["noise_floor"] = judge_noise_floor(floor, th)
    else:
        crit["noise_floor"] = Criterion("noise_floor", round1(floor), Verdict.FAIL, crit[
            "signal"].advice, "dBFS")
    metrics: dict[str, object] = {
        "noise_floor_dbfs": round1(floor),
        "noise_peak_dbfs": round1(stats.peak_dbfs),
        "noise_seconds": round(x.size / rate, 2),
    }
    return Analysis(crit, metrics)


def analyse_speech(
    x: Samples, rate: int, th: AudioThresholds, noise_floor: float | None = None
) -> Analysis:
    stats = signal_stats(x, th)
    level, quiet = speech_level_dbfs(x, rate, th)
    floor = noise_floor if noise_floor is not None else quiet
    crit: dict[str, Criterion] = {"signal": judge_signal(stats)}
    crit["speech_level"] = judge_speech_level(level, th)
    if stats.state == "live":
        crit["snr"] = judge_snr(level - floor, th)
    crit["clipping"] = judge_clipping(stats.clip_events, th)
    crit["dc_offset"] = judge_dc_offset(stats.dc_percent, th)
    metrics: dict[str, object] = {
        "speech_level_dbfs": round1(level),
        "speech_peak_dbfs": round1(stats.peak_dbfs),
        "snr_db": round1(level - floor),
        "snr_noise_from": "noise_step" if noise_floor is not None else "speech_pauses",
        "clipped_samples": stats.clipped_samples,
        "dc_offset_percent": round(stats.dc_percent, 3),
        "speech_seconds": round(x.size / rate, 2),
    }
    return Analysis(crit, metrics)
