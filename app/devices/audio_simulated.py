"""A WAV file as the microphone (demos, training rooms), the speakers staying real."""

from __future__ import annotations

import logging
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices import audio_analysis as aa
from app.devices.audio_analysis import AudioThresholds, Samples
from app.devices.audio_devices import (
    NEVER,
    AudioDevice,
    AudioProbe,
    Cancel,
    DeviceList,
    gather,
    none_found,
)
from app.devices.lazy import lazy
from app.errors import RegieError

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed

log = logging.getLogger(__name__)

SIMULATED_PREFIX = "simulated:"

# A real microphone is never digitally silent: its own hiss sits around -80 dBFS. The
# quiet part of a file (often exact zeros) gets it, or the noise step would take the
# file for a dead microphone.
SELF_NOISE_DBFS = -80.0
# Pauses shorter than this in all are the cut of the file, not the room: such a file
# (a recording of noise) plays whole during the noise step.
MIN_QUIET_SECONDS = 0.5


def read_wav(path: Path) -> tuple[Samples, int]:
    """A PCM WAV (8/16/24/32-bit, any channels) as mono float32 and its rate."""
    try:
        with wave.open(str(path), "rb") as w:
            rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
            raw = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error) as err:
        raise RegieError(
            _N("errors", "The file {path} cannot be used as a microphone ({error})."),
            _N("errors", "Give a PCM WAV file (for example exported from Audacity)."),
            path=str(path), error=str(err),
        ) from err
    if width == 1:
        data = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    elif width == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        ints = (b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)) << 8 >> 8
        data = ints.astype(np.float32) / 8388608.0
    else:
        data = np.frombuffer(raw, "<i4").astype(np.float32) / 2147483648.0
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1)
    if data.size == 0:
        raise RegieError(
            _N("errors", "The file {path} holds no sound."),
            _N("errors", "Give a WAV file with a recording in it."), path=str(path),
        )
    return data.astype(np.float32), rate


def quiet_part(samples: Samples, rate: int, th: AudioThresholds) -> Samples:
    """What the room sounds like when nobody speaks, with a microphone's own hiss under it.

    The frames more than the speech activity range below the loudest one (the pauses of
    the voice), put end to end; the whole file when they add up to too little.
    """
    n = max(1, round(rate * th.frame_ms / 1000.0))
    count = samples.size // n
    quiet = samples
    if count:
        levels = aa.frame_levels_db(samples, rate, th.frame_ms)[:count]
        pauses = levels < float(np.max(levels)) - th.speech_activity_range_db
        if np.count_nonzero(pauses) * n >= MIN_QUIET_SECONDS * rate:
            quiet = samples[: count * n].reshape(count, n)[pauses].reshape(-1)
    hiss = np.random.default_rng(0).standard_normal(quiet.size) * 10 ** (SELF_NOISE_DBFS / 20)
    return (quiet + hiss).astype(np.float32)


def voice_start(samples: Samples, rate: int, th: AudioThresholds) -> int:
    """The sample where the voice begins: the first frame within the speech activity range
    of the loudest one."""
    n = max(1, round(rate * th.frame_ms / 1000.0))
    levels = aa.frame_levels_db(samples, rate, th.frame_ms)
    active = np.flatnonzero(levels >= float(np.max(levels)) - th.speech_activity_range_db)
    return int(active[0]) * n if active.size and samples.size >= n else 0


class SimulatedMicProbe:
    """A WAV file as the microphone (demos, training rooms); speakers stay real.

    The file loops. Each guided step hears the part of the recording it asks the room for
    (`cue`): the quiet part while the room keeps quiet, the voice from its first word
    while the sentence is read. With `realtime` the blocks come at the pace of a real
    microphone; without, as fast as they are read (tests).
    """

    def __init__(self, wav: Path, speakers: AudioProbe | None = None, *,
                 realtime: bool = True, thresholds: AudioThresholds | None = None) -> None:
        self.th = thresholds or aa.load_thresholds()
        self.samples, self.rate = read_wav(wav)
        self.path = wav
        self.realtime = realtime
        self._speakers = speakers
        self._quiet = quiet_part(self.samples, self.rate, self.th)
        self._voice_at = voice_start(self.samples, self.rate, self.th)
        self._source = self.samples
        self._pos = 0
        self.device = AudioDevice(
            index=-1, name=f"{SIMULATED_PREFIX}{wav.name}", host_api="WAV",
            max_input_channels=1, max_output_channels=0, default_rate=float(self.rate),
            is_default_input=True,
        )

    def devices(self) -> DeviceList:
        outputs: list[AudioDevice] = []
        if self._speakers is not None:
            try:
                outputs = self._speakers.devices().outputs
            except RegieError as err:
                log.info("no speakers beside the simulated microphone: %s", err.text())
        return DeviceList([self.device], outputs)

    def capture_rate(self, device: AudioDevice) -> int:
        return self.rate

    def cue(self, step: str) -> None:
        """The next recording plays the part `step` needs; then the whole file again."""
        if step == "noise":
            self._source, self._pos = self._quiet, 0
        elif step == "speech":
            self._source, self._pos = self.samples, self._voice_at

    def _take(self, n: int) -> Samples:
        source = self._source
        idx = (self._pos + np.arange(n)) % source.size
        self._pos = int((self._pos + n) % source.size)
        return source[idx]

    def blocks(
        self, device: AudioDevice, cancel: Cancel, *, timeout: float = 3.0
    ) -> Iterator[tuple[Samples, int, float]]:
        blocksize = max(64, round(self.rate / self.th.meter.updates_per_second))
        period = blocksize / self.rate
        next_at = time.monotonic()
        while not cancel.cancelled:
            if self.realtime:
                next_at += period
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            yield self._take(blocksize), self.rate, time.monotonic()

    def record(
        self, device: AudioDevice, seconds: float, cancel: Cancel = NEVER
    ) -> tuple[Samples, int]:
        try:
            data = gather(self.blocks(device, cancel), round(seconds * self.rate), cancel)
        finally:
            if self._source is not self.samples:
                self._source, self._pos = self.samples, 0
        return data, self.rate

    def play(self, device: AudioDevice, signal: Samples, rate: int) -> None:
        if self._speakers is None:
            raise none_found("output")
        self._speakers.play(device, signal, rate)

    def play_record(
        self, output: AudioDevice, input_: AudioDevice, signal: Samples, rate: int
    ) -> Samples:
        """The file cannot hear the room: play for real, 'record' the file meanwhile."""
        self.play(output, signal, rate)
        recorded, file_rate = self._take(signal.size), self.rate
        if file_rate != rate:
            recorded = np.interp(np.arange(signal.size) * file_rate / rate,
                                 np.arange(recorded.size), recorded).astype(np.float32)
        return recorded
