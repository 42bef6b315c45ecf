"""Measuring microphone recordings and judging them (numpy only, no hardware, no Qt).

The probe (`app.devices.audio`) hands in float samples in [-1, 1]; this module turns
them into levels, a live meter's ballistics, criteria with verdicts and advice, and a
`CheckResult`. Every threshold comes from `resources/thresholds/audio.toml`.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from app.config import config_dir, resources_dir
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError

Samples = npt.NDArray[np.float32]

SILENCE_DBFS = -120.0  # what "no signal at all" reads as, instead of -inf (JSON-safe)


# ------------------------------------------------------------------ thresholds
@dataclass(frozen=True, slots=True)
class MeterThresholds:
    updates_per_second: int = 30
    floor_dbfs: float = -60.0
    alignment_dbfs: float = -20.0
    warn_dbfs: float = -9.0
    clip_dbfs: float = 0.0
    quiet_dbfs: float = -45.0
    peak_hold_seconds: float = 1.5
    decay_db_per_second: float = 24.0


@dataclass(frozen=True, slots=True)
class AudioThresholds:
    """Every figure the audio check judges against (see audio.toml for their meaning)."""

    meter: MeterThresholds = field(default_factory=MeterThresholds)
    noise_seconds: float = 3.0
    speech_seconds: float = 6.0
    frame_ms: float = 20.0
    preferred_rate: int = 48000
    noise_warn_above_dbfs: float = -50.0
    noise_fail_above_dbfs: float = -38.0
    speech_fail_below_dbfs: float = -42.0
    speech_warn_below_dbfs: float = -32.0
    speech_warn_above_dbfs: float = -12.0
    speech_fail_above_dbfs: float = -6.0
    speech_activity_range_db: float = 30.0
    snr_fail_below_db: float = 15.0
    snr_warn_below_db: float = 25.0
    clip_sample_threshold: float = 0.999
    clip_min_run: int = 2
    clip_warn_from_events: int = 1
    clip_fail_from_events: int = 10
    dead_below_rms: float = 0.00003
    min_distinct_values: int = 8
    dc_warn_above_percent: float = 1.0
    dc_fail_above_percent: float = 5.0
    rate_fail_below_hz: int = 16000
    tone_hz: float = 1000.0
    tone_dbfs: float = -12.0
    tone_seconds: float = 1.0
    chirp_low_hz: float = 200.0
    chirp_high_hz: float = 8000.0
    chirp_seconds: float = 0.5
    chirp_dbfs: float = -12.0
    echo_lead_seconds: float = 0.4
    echo_tail_seconds: float = 0.8
    echo_detect_peak_ratio: float = 8.0
    echo_warn_from_db: float = -30.0
    echo_fail_from_db: float = -15.0


# TOML (section, key) -> field of AudioThresholds.
_TOML_KEYS: dict[tuple[str, str], str] = {
    ("recording", "noise_seconds"): "noise_seconds",
    ("recording", "speech_seconds"): "speech_seconds",
    ("recording", "frame_ms"): "frame_ms",
    ("recording", "preferred_rate"): "preferred_rate",
    ("noise_floor", "warn_above_dbfs"): "noise_warn_above_dbfs",
    ("noise_floor", "fail_above_dbfs"): "noise_fail_above_dbfs",
    ("speech_level", "fail_below_dbfs"): "speech_fail_below_dbfs",
    ("speech_level", "warn_below_dbfs"): "speech_warn_below_dbfs",
    ("speech_level", "warn_above_dbfs"): "speech_warn_above_dbfs",
    ("speech_level", "fail_above_dbfs"): "speech_fail_above_dbfs",
    ("speech_level", "activity_range_db"): "speech_activity_range_db",
    ("snr", "fail_below_db"): "snr_fail_below_db",
    ("snr", "warn_below_db"): "snr_warn_below_db",
    ("clipping", "sample_threshold"): "clip_sample_threshold",
    ("clipping", "min_run"): "clip_min_run",
    ("clipping", "warn_from_events"): "clip_warn_from_events",
    ("clipping", "fail_from_events"): "clip_fail_from_events",
    ("signal", "dead_below_rms"): "dead_below_rms",
    ("signal", "min_distinct_values"): "min_distinct_values",
    ("dc_offset", "warn_above_percent"): "dc_warn_above_percent",
    ("dc_offset", "fail_above_percent"): "dc_fail_above_percent",
    ("sample_rate", "fail_below_hz"): "rate_fail_below_hz",
    ("speaker", "tone_hz"): "tone_hz",
    ("speaker", "tone_dbfs"): "tone_dbfs",
    ("speaker", "tone_seconds"): "tone_seconds",
    ("echo", "chirp_low_hz"): "chirp_low_hz",
    ("echo", "chirp_high_hz"): "chirp_high_hz",
    ("echo", "chirp_seconds"): "chirp_seconds",
    ("echo", "chirp_dbfs"): "chirp_dbfs",
    ("echo", "lead_seconds"): "echo_lead_seconds",
    ("echo", "tail_seconds"): "echo_tail_seconds",
    ("echo", "detect_peak_ratio"): "echo_detect_peak_ratio",
    ("echo", "warn_from_db"): "echo_warn_from_db",
    ("echo", "fail_from_db"): "echo_fail_from_db",
}


def thresholds_path() -> Path:
    return resources_dir() / "thresholds" / "audio.toml"


def load_thresholds(*paths: Path) -> AudioThresholds:
    """The shipped thresholds, overridden by the user's file (config folder) when present.

    Explicit `paths` replace that search (tests, calibration). A key with a wrong type is
    a known error naming the file and the key, never a silent default.
    """
    if not paths:
        paths = (thresholds_path(), config_dir() / "thresholds" / "audio.toml")
    values: dict[str, Any] = {}
    meter: dict[str, Any] = {}
    meter_names = {f.name for f in fields(MeterThresholds)}
    top_types = {f.name: f.default for f in fields(AudioThresholds) if f.name != "meter"}
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise RegieError(
                _N("errors", "The audio thresholds file {path} cannot be read ({error})."),
                _N("errors", "Correct the file or delete it to use the shipped values."),
                path=str(path), error=str(err),
            ) from err
        for section, table in data.items():
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                if section == "meter" and key in meter_names:
                    meter[key] = _typed(path, section, key, value, getattr(MeterThresholds(), key))
                elif (section, key) in _TOML_KEYS:
                    name = _TOML_KEYS[(section, key)]
                    values[name] = _typed(path, section, key, value, top_types[name])
    return AudioThresholds(meter=MeterThresholds(**meter), **values)


def _typed(path: Path, section: str, key: str, value: object, default: object) -> object:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if ok and isinstance(default, int) and not isinstance(default, bool):
        ok = isinstance(value, int)
    if not ok:
        raise RegieError(
            _N("errors", "In {path}, “{key}” of [{section}] must be a number."),
            _N("errors", "Correct the value or delete the line to use the shipped one."),
            path=str(path), section=section, key=key,
        )
    return float(value) if isinstance(default, float) else value  # type: ignore[arg-type]


# ------------------------------------------------------------------ levels
def to_mono(block: npt.NDArray[Any]) -> Samples:
    """Float32 mono samples from a (frames,) or (frames, channels) block."""
    arr = np.asarray(block)
    if arr.dtype.kind in "iu":
        scale = float(np.iinfo(arr.dtype).max) + 1.0
        arr = arr.astype(np.float32) / np.float32(scale)
    if arr.ndim == 2:
        arr = arr.mean(axis=1) if arr.shape[1] > 1 else arr[:, 0]
    return arr.astype(np.float32, copy=False)


def db(value: float) -> float:
    """Amplitude ratio to dB, floored at SILENCE_DBFS."""
    return 20.0 * math.log10(value) if value > 10 ** (SILENCE_DBFS / 20) else SILENCE_DBFS


def peak_dbfs(x: Samples) -> float:
    return db(float(np.max(np.abs(x)))) if x.size else SILENCE_DBFS


def rms_dbfs(x: Samples) -> float:
    if not x.size:
        return SILENCE_DBFS
    x64 = x.astype(np.float64, copy=False)
    return db(math.sqrt(float(np.dot(x64, x64)) / x.size))


def frame_levels_db(x: Samples, rate: int, frame_ms: float) -> npt.NDArray[np.float64]:
    """RMS level of consecutive frames, in dBFS (the last partial frame is dropped)."""
    n = max(1, round(rate * frame_ms / 1000.0))
    count = x.size // n
    if count == 0:
        return np.array([rms_dbfs(x)])
    frames = x[: count * n].astype(np.float64).reshape(count, n)
    power = np.mean(frames * frames, axis=1)
    floor = 10 ** (SILENCE_DBFS / 10)
    return np.asarray(10.0 * np.log10(np.maximum(power, floor)), dtype=np.float64)


def round1(value: float) -> float:
    return round(value, 1)


# ------------------------------------------------------------------ meter
class Band(StrEnum):
    """Where a level sits on the broadcast scale. Shown as words, not only colours."""

    SILENT = "silent"
    QUIET = "quiet"
    GOOD = "good"
    LOUD = "loud"
    CLIP = "clip"


BAND_LABELS: dict[Band, str] = {
    Band.SILENT: _N("audio", "No sound"),
    Band.QUIET: _N("audio", "Very quiet"),
    Band.GOOD: _N("audio", "Good level"),
    Band.LOUD: _N("audio", "Loud"),
    Band.CLIP: _N("audio", "Clipping"),
}


def band_of(level_dbfs: float, th: MeterThresholds) -> Band:
    if level_dbfs >= th.clip_dbfs - 0.01:
        return Band.CLIP
    if level_dbfs >= th.warn_dbfs:
        return Band.LOUD
    if level_dbfs <= th.floor_dbfs:
        return Band.SILENT
    if level_dbfs < th.quiet_dbfs:
        return Band.QUIET
    return Band.GOOD


@dataclass(frozen=True, slots=True)
class MeterReading:
    """One refresh of the meter: instantaneous values and the displayed (ballistic) ones."""

    peak_dbfs: float
    rms_dbfs: float
    display_dbfs: float  # the bar: rises at once, falls at decay_db_per_second
    hold_dbfs: float  # the peak marker: holds, then falls
    band: Band
    clipped: bool
    frames: int
    captured_at: float = 0.0  # monotonic time the block arrived (latency measurements)


class LevelMeter:
    """Peak/RMS meter with instant attack, linear decay and peak hold (PPM-like ballistics)."""

    def __init__(self, th: MeterThresholds | None = None) -> None:
        self.th = th or MeterThresholds()
        self.reset()

    def reset(self) -> None:
        self._display = SILENCE_DBFS
        self._hold = SILENCE_DBFS
        self._hold_age = 0.0

    def update(self, block: Samples, rate: int, captured_at: float = 0.0) -> MeterReading:
        dt = block.size / rate if rate > 0 else 0.0
        peak = peak_dbfs(block)
        rms = rms_dbfs(block)
        fallen = self._display - self.th.decay_db_per_second * dt
        self._display = max(peak, fallen, SILENCE_DBFS)
        self._hold_age += dt
        if peak >= self._hold:
            self._hold, self._hold_age = peak, 0.0
        elif self._hold_age > self.th.peak_hold_seconds:
            self._hold = max(self._display, self._hold - self.th.decay_db_per_second * dt)
        clipped = peak >= self.th.clip_dbfs - 0.01
        return MeterReading(
            peak_dbfs=peak,
            rms_dbfs=rms,
            display_dbfs=self._display,
            hold_dbfs=self._hold,
            band=band_of(self._display, self.th),
            clipped=clipped,
            frames=int(block.size),
            captured_at=captured_at,
        )


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


# ------------------------------------------------------------------ test signals
def tone(rate: int, th: AudioThresholds) -> Samples:
    """The speaker test tone, with 20 ms fades so it does not click."""
    n = round(rate * th.tone_seconds)
    t = np.arange(n, dtype=np.float64) / rate
    amp = 10 ** (th.tone_dbfs / 20.0)
    sig = amp * np.sin(2 * np.pi * th.tone_hz * t)
    return _faded(sig, rate).astype(np.float32)


def chirp(rate: int, th: AudioThresholds) -> Samples:
    """A logarithmic sweep: sharp autocorrelation, so its echo is found precisely."""
    n = round(rate * th.chirp_seconds)
    t = np.arange(n, dtype=np.float64) / rate
    f0, f1, dur = th.chirp_low_hz, min(th.chirp_high_hz, rate * 0.45), th.chirp_seconds
    k = math.log(f1 / f0)
    phase = 2 * np.pi * f0 * dur / k * (np.exp(t * k / dur) - 1.0)
    sig = 10 ** (th.chirp_dbfs / 20.0) * math.sqrt(2) * np.sin(phase)  # RMS = chirp_dbfs
    return _faded(sig, rate).astype(np.float32)


def echo_signal(rate: int, th: AudioThresholds) -> tuple[Samples, int]:
    """What the echo test plays: lead silence, the chirp, a tail; and the chirp's start."""
    lead = round(rate * th.echo_lead_seconds)
    sweep = chirp(rate, th)
    tail = round(rate * th.echo_tail_seconds)
    out = np.zeros(lead + sweep.size + tail, dtype=np.float32)
    out[lead : lead + sweep.size] = sweep
    return out, lead


def _faded(sig: npt.NDArray[np.float64], rate: int) -> npt.NDArray[np.float64]:
    n = min(sig.size // 2, round(rate * 0.02))
    if n > 0:
        ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, n))
        sig[:n] *= ramp
        sig[-n:] *= ramp[::-1]
    return sig


# ------------------------------------------------------------------ echo
@dataclass(frozen=True, slots=True)
class EchoMeasure:
    detected: bool
    delay_ms: float | None  # from writing the signal to hearing it (round trip)
    level_db: float | None  # echo relative to what was played (0 dB = as loud)
    received_dbfs: float | None
    peak_ratio: float  # correlation peak over its noise: the detection's confidence


def measure_echo(played: Samples, recorded: Samples, rate: int, th: AudioThresholds) -> EchoMeasure:
    """Find `played` inside `recorded` by FFT cross-correlation (both start together)."""
    ref = played.astype(np.float64)
    rec = recorded.astype(np.float64)
    if ref.size == 0 or rec.size == 0 or not np.any(ref):
        return EchoMeasure(False, None, None, None, 0.0)
    n = 1 << (ref.size + rec.size - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(rec, n) * np.conj(np.fft.rfft(ref, n)), n)[: rec.size]
    mag = np.abs(corr)
    lag = int(np.argmax(mag))
    guard = max(1, round(rate * 0.005))
    rest = np.concatenate((mag[: max(0, lag - guard)], mag[lag + guard + 1 :]))
    noise = float(np.sqrt(np.mean(rest * rest))) if rest.size else 0.0
    ratio = float(mag[lag] / noise) if noise > 0 else (math.inf if mag[lag] > 0 else 0.0)
    if not (ratio >= th.echo_detect_peak_ratio and mag[lag] > 0):
        return EchoMeasure(False, None, None, None, _finite(ratio))
    # Least-squares gain of the direct path at that lag: how loud the speakers come back.
    seg = rec[lag : lag + ref.size]
    refp = ref[: seg.size]
    gain = float(np.dot(seg, refp) / np.dot(refp, refp)) if np.any(refp) else 0.0
    active = refp != 0
    received = rms_dbfs(seg[active].astype(np.float32)) if active.any() else SILENCE_DBFS
    return EchoMeasure(
        detected=True,
        delay_ms=lag * 1000.0 / rate,
        level_db=db(abs(gain)),
        received_dbfs=received,
        peak_ratio=_finite(ratio),
    )


def _finite(value: float) -> float:
    return 1e6 if math.isinf(value) else value


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
        return Criterion("sample_rate", capture_rate, Verdict.WARN, _N(
            "audio", "The microphone and the speakers run at different sample rates: set "
            "both to 48000 Hz in the sound settings."), "Hz")
    return Criterion("sample_rate", capture_rate, Verdict.PASS, _N(
        "audio", "The sample rates match."), "Hz")


def judge_speaker(played: bool, heard_dbfs: float | None) -> Criterion:
    if not played:
        return Criterion("speaker", False, Verdict.FAIL, _N(
            "audio", "The tone could not be played: check that the speakers are plugged "
            "in and switched on, then choose them in the list."))
    if heard_dbfs is not None:
        return Criterion("speaker", True, Verdict.PASS, _N(
            "audio", "The tone was played and the microphone heard it."))
    return Criterion("speaker", True, Verdict.PASS, _N(
        "audio", "The tone was played: make sure you heard it in the room."))


def judge_speaker_heard(heard: bool) -> Criterion:
    """The person in the room confirms (or not) that they heard the tone."""
    if heard:
        return Criterion("speaker", True, Verdict.PASS, _N(
            "audio", "The tone was heard in the room."))
    return Criterion("speaker", False, Verdict.FAIL, _N(
        "audio", "The tone was not heard: raise the volume, check that the speakers are "
        "switched on and chosen as the output."))


def judge_echo(echo: EchoMeasure, th: AudioThresholds) -> Criterion:
    if not echo.detected or echo.level_db is None:
        return Criterion("echo", None, Verdict.PASS, _N(
            "audio", "The microphone does not hear the speakers: no echo risk."), "dB")
    value = round1(echo.level_db)
    if echo.level_db >= th.echo_fail_from_db:
        return Criterion("echo", value, Verdict.FAIL, _N(
            "audio", "The microphone hears the speakers strongly (echo risk for remote "
            "participants): lower the speakers, move the microphone away from them or "
            "use a speakerphone with echo cancellation."), "dB")
    if echo.level_db >= th.echo_warn_from_db:
        return Criterion("echo", value, Verdict.WARN, _N(
            "audio", "The microphone hears the speakers a little: lower the speaker "
            "volume or turn the microphone away from them."), "dB")
    return Criterion("echo", value, Verdict.PASS, _N(
        "audio", "The microphone hears the speakers only faintly: low echo risk."), "dB")


# ------------------------------------------------------------------ whole recordings
@dataclass(frozen=True, slots=True)
class Analysis:
    """Criteria and raw figures for a technician."""

    criteria: dict[str, Criterion]
    metrics: dict[str, object]


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


def analyse_echo(played: Samples, recorded: Samples, rate: int, th: AudioThresholds) -> Analysis:
    echo = measure_echo(played, recorded, rate, th)
    metrics: dict[str, object] = {
        "echo_detected": echo.detected,
        "echo_delay_ms": None if echo.delay_ms is None else round1(echo.delay_ms),
        "echo_level_db": None if echo.level_db is None else round1(echo.level_db),
        "echo_received_dbfs": None if echo.received_dbfs is None else round1(echo.received_dbfs),
        "echo_peak_ratio": round1(echo.peak_ratio),
        "echo_played_dbfs": round1(th.chirp_dbfs),
    }
    return Analysis({"echo": judge_echo(echo, th)}, metrics)


def merge(*parts: Analysis) -> Analysis:
    """Combine steps; a criterion measured twice keeps its worst verdict."""
    crit: dict[str, Criterion] = {}
    metrics: dict[str, object] = {}
    for part in parts:
        for name, c in part.criteria.items():
            old = crit.get(name)
            if old is None or c.verdict.rank > old.verdict.rank:
                crit[name] = c
        metrics.update(part.metrics)
    return Analysis(crit, metrics)


def check_result(device: str, device_key: str, analysis: Analysis) -> CheckResult:
    return CheckResult(
        kind=CheckKind.AUDIO,
        device=device,
        criteria=dict(analysis.criteria),
        device_key=device_key,
        metrics=dict(analysis.metrics),
    )


CRITERION_LABELS: dict[str, str] = {
    "signal": _N("audio", "Microphone signal"),
    "noise_floor": _N("audio", "Background noise"),
    "speech_level": _N("audio", "Voice level"),
    "snr": _N("audio", "Voice over noise"),
    "clipping": _N("audio", "Saturation"),
    "dc_offset": _N("audio", "Signal centring"),
    "sample_rate": _N("audio", "Sample rate"),
    "speaker": _N("audio", "Speakers"),
    "echo": _N("audio", "Echo (hybrid room)"),
}
