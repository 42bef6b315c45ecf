"""The real sound devices through PortAudio: live capture blocks, recordings, and
playback (alone, or with a recording in the same duplex stream).

Every wait has a timeout and streams are closed off the caller's thread, so a device
that vanishes mid-stream becomes an error, never a hang.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from app.devices import audio_analysis as aa
from app.devices.audio_analysis import AudioThresholds, Samples
from app.devices.audio_devices import (
    NEVER,
    AudioDevice,
    Cancel,
    DeviceList,
    gather,
    portaudio_error,
    sounddevice_module,
    vanished_error,
)
from app.devices.lazy import lazy

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed

log = logging.getLogger(__name__)


def _close_quietly(stream: Any, timeout: float = 2.0) -> None:
    """Stop and close a stream without ever hanging the caller (a vanished device can)."""

    def _close() -> None:
        with contextlib.suppress(Exception):  # closing anyway
            stream.abort()
        try:
            stream.close()
        except Exception as err:
            log.debug("closing stream: %s", err)

    worker = threading.Thread(target=_close, name="regie-audio-close", daemon=True)
    worker.start()
    worker.join(timeout)


class SoundDeviceProbe:
    """The real sound devices, through PortAudio."""

    def __init__(self, thresholds: AudioThresholds | None = None) -> None:
        self.th = thresholds or aa.load_thresholds()

    def cue(self, step: str) -> None:
        """The real room makes its own silence and speech."""

    def devices(self) -> DeviceList:
        sd = sounddevice_module()
        try:
            raw = sd.query_devices()
            apis = sd.query_hostapis()
            default_in, default_out = sd.default.device
        except sd.PortAudioError as err:
            raise portaudio_error(err, "?") from err
        # sd.default.device may hold names; PortAudio's host defaults are the indexes.
        default_in = _index_of(default_in, raw, apis, "default_input_device")
        default_out = _index_of(default_out, raw, apis, "default_output_device")
        inputs, outputs = [], []
        for info in raw:
            dev = AudioDevice(
                index=int(info["index"]),
                name=str(info["name"]),
                host_api=str(apis[info["hostapi"]]["name"]),
                max_input_channels=int(info["max_input_channels"]),
                max_output_channels=int(info["max_output_channels"]),
                default_rate=float(info["default_samplerate"]),
                is_default_input=info["index"] == default_in,
                is_default_output=info["index"] == default_out,
            )
            if dev.max_input_channels > 0:
                inputs.append(dev)
            if dev.max_output_channels > 0:
                outputs.append(dev)
        return DeviceList(inputs, outputs)

    def capture_rate(self, device: AudioDevice) -> int:
        """The preferred rate when the device takes it, else its own."""
        sd = sounddevice_module()
        try:
            sd.check_input_settings(device=device.index, channels=1, dtype="float32",
                                    samplerate=self.th.preferred_rate)
        except Exception:
            return int(device.default_rate)
        return self.th.preferred_rate

    def _open_input(self, device: AudioDevice, rate: int, blocksize: int,
                    callback: Callable[..., None]) -> Any:
        sd = sounddevice_module()
        try:
            stream = sd.InputStream(device=device.index, channels=1, samplerate=rate,
                                    dtype="float32", blocksize=blocksize, latency="low",
                                    callback=callback)
            stream.start()
        except (sd.PortAudioError, ValueError) as err:
            raise portaudio_error(err, device.name) from err
        return stream

    def blocks(
        self, device: AudioDevice, cancel: Cancel, *, timeout: float = 3.0
    ) -> Iterator[tuple[Samples, int, float]]:
        """Live blocks (~30 per second) as (samples, rate, monotonic arrival time)."""
        rate = self.capture_rate(device)
        blocksize = max(64, round(rate / self.th.meter.updates_per_second))
        q: queue.Queue[tuple[Samples, float]] = queue.Queue(maxsize=64)

        def callback(indata: Any, frames: int, _t: Any, _status: Any) -> None:
            # A stalled consumer drops blocks: the meter only needs the latest.
            with contextlib.suppress(queue.Full):
                q.put_nowait((indata[:, 0].copy(), time.monotonic()))

        stream = self._open_input(device, rate, blocksize, callback)
        try:
            while not cancel.cancelled:
                try:
                    block, at = q.get(timeout=timeout)
                except queue.Empty:
                    raise vanished_error(device) from None
                yield block, rate, at
        finally:
            _close_quietly(stream)

    def record(
        self, device: AudioDevice, seconds: float, cancel: Cancel = NEVER
    ) -> tuple[Samples, int]:
        rate = self.capture_rate(device)
        return gather(self.blocks(device, cancel), round(seconds * rate), cancel), rate

    def play(self, device: AudioDevice, signal: Samples, rate: int) -> None:
        self._run_output(device, signal, rate, None)

    def play_record(
        self, output: AudioDevice, input_: AudioDevice, signal: Samples, rate: int
    ) -> Samples:
        return self._run_output(output, signal, rate, input_)

    def _run_output(self, output: AudioDevice, signal: Samples, rate: int,
                    input_: AudioDevice | None) -> Samples:
        """Play `signal` (and record `input_` in the same duplex stream, sample-aligned)."""
        sd = sounddevice_module()
        channels = min(2, output.max_output_channels)
        n = signal.size
        recorded = np.zeros(n, dtype=np.float32)
        pos = [0]
        done = threading.Event()

        def fill(outdata: Any, frames: int) -> int:
            p = pos[0]
            k = max(0, min(frames, n - p))
            outdata[:k] = signal[p : p + k, None]
            outdata[k:] = 0
            return k

        def out_cb(outdata: Any, frames: int, _t: Any, _s: Any) -> None:
            pos[0] += fill(outdata, frames)
            if pos[0] >= n:
                raise sd.CallbackStop

        def duplex_cb(indata: Any, outdata: Any, frames: int, _t: Any, _s: Any) -> None:
            p = pos[0]
            k = fill(outdata, frames)
            recorded[p : p + k] = indata[:k, 0]
            pos[0] += k
            if pos[0] >= n:
                raise sd.CallbackStop

        name = output.name if input_ is None else f"{input_.name} / {output.name}"
        try:
            if input_ is None:
                stream = sd.OutputStream(device=output.index, channels=channels,
                                         samplerate=rate, dtype="float32", callback=out_cb,
                                         finished_callback=done.set)
            else:
                # Duplex: input and output share one clock, so the lag is the real delay.
                stream = sd.Stream(device=(input_.index, output.index),
                                   channels=(1, channels), samplerate=rate, dtype="float32",
                                   latency="high", callback=duplex_cb,
                                   finished_callback=done.set)
            stream.start()
        except (sd.PortAudioError, ValueError) as err:
            raise portaudio_error(err, name) from err
        try:
            if not done.wait(n / rate + 3.0):
                raise vanished_error(output)
        finally:
            _close_quietly(stream)
        if pos[0] < n:
            raise vanished_error(output)
        return recorded


def _index_of(value: Any, raw: Any, apis: Any, key: str) -> int:
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str):
        for info in raw:
            if info["name"] == value:
                return int(info["index"])
    for api in apis:
        idx = int(api.get(key, -1))
        if idx >= 0:
            return idx
    return -1
