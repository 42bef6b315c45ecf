"""The speaker and echo steps: the test tone, the chirp played to find the speakers in
the microphone (FFT cross-correlation: delay and level of the echo), and their verdicts."""

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
    db,
    rms_dbfs,
    round1,
)
from app.devices.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed


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
    level, received = _block_level(ref, rec, lag, rate)
    return EchoMeasure(
        detected=True,
        delay_ms=lag * 1000.0 / rate,
        level_db=level,
        received_dbfs=received,
        peak_ratio=_finite(ratio),
    )


def _block_level(ref: npt.NDArray[np.float64], rec: npt.NDArray[np.float64], lag: int,
                 rate: int) -> tuple[float, float]:
    """How loud the speakers come back (dB) and at what level (dBFS), block by block.

    A sound server under load drops or repeats a few milliseconds of audio; one gain
    fitted over the whole sweep then reads several dB low. Each 50 ms block of the sweep
    is re-aligned within ±30 ms of the echo's lag and fitted on its own; the median block
    is the answer, so a glitch spoils one block, not the measure.
    """
    active = np.flatnonzero(ref)
    start, stop = int(active[0]), int(active[-1]) + 1
    size = max(1, round(rate * 0.05))
    slack = round(rate * 0.03)
    gains: list[float] = []
    levels: list[float] = []
    for b in range(start, stop - size + 1, size):
        block = ref[b : b + size]
        energy = float(np.dot(block, block))
        lo = max(0, lag + b - slack)
        hi = min(rec.size, lag + b + size + slack)
        if energy <= 0 or hi - lo < size:
            continue
        window = rec[lo:hi]
        corr = np.correlate(window, block, mode="valid")
        best = int(np.argmax(np.abs(corr)))
        seg = window[best : best + size]
        gains.append(abs(float(corr[best])) / energy)
        levels.append(rms_dbfs(seg.astype(np.float32)))
    if not gains:  # a sweep shorter than one block: fit it whole at the lag
        seg = rec[lag : lag + ref.size]
        refp = ref[: seg.size]
        gain = abs(float(np.dot(seg, refp) / np.dot(refp, refp))) if np.any(refp) else 0.0
        on = refp != 0
        return db(gain), rms_dbfs(seg[on].astype(np.float32)) if on.any() else SILENCE_DBFS
    return db(float(np.median(gains))), float(np.median(levels))


def _finite(value: float) -> float:
    return 1e6 if math.isinf(value) else value


# ------------------------------------------------------------------ verdicts
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
