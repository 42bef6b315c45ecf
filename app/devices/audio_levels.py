"""What every audio measurement shares: samples and levels in dBFS, the thresholds from
`resources/thresholds/audio.toml`, the live meter's ballistics, and the shape of a
result (criteria and figures) with how step results combine into a `CheckResult`.

numpy only: no hardware, no Qt.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config import config_dir, resources_dir
from app.core.checks import CheckKind, CheckResult, Criterion
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.lazy import lazy
from app.errors import RegieError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed

if TYPE_CHECKING:
    Samples = npt.NDArray[np.float32]
else:
    Samples = "npt.NDArray[np.float32]"  # a name for annotations; numpy loads on use

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


# ------------------------------------------------------------------ results
# ------------------------------------------------------------------ whole recordings
@dataclass(frozen=True, slots=True)
class Analysis:
    """Criteria and raw figures for a technician."""

    criteria: dict[str, Criterion]
    metrics: dict[str, object]


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
