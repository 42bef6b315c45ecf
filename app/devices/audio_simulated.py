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


class SimulatedMicProbe:
    """A WAV file as the microphone (demos, training rooms); speakers stay real.

    The file loops. With `realtime` the blocks come at the pace of a real microphone;
    without, as fast as they are read (tests).
    """

    def __init__(self, wav: Path, speakers: AudioProbe | None = None, *,
                 realtime: bool = True, thresholds: AudioThresholds | None = None) -> None:
        self.th = thresholds or aa.load_thresholds()
        self.samples, self.rate = read_wav(wav)
        self.path = wav
        self.realtime = realtime
        self._speakers = speakers
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

    def _take(self, n: int) -> Samples:
        idx = (self._pos + np.arange(n)) % self.samples.size
        self._pos = int((self._pos + n) % self.samples.size)
        return self.samples[idx]

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
        return gather(self.blocks(device, cancel), round(seconds * self.rate), cancel), self.rate

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
