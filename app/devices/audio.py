"""Microphones and speakers through PortAudio (sounddevice), or a WAV file as microphone.

PortAudio is optional: on Linux the library may be missing, in which case importing
sounddevice raises OSError. Everything here reports that (and a missing, busy or
vanished device) as a `RegieError` with the fix, and every wait has a timeout, so the
rest of the application keeps working and nothing hangs.

The probe yields float32 mono blocks; `audio_analysis` measures them. `AudioChecker`
runs the guided steps (noise, speech, speaker, echo) and builds the `CheckResult`.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np

from app.config import operator_name
from app.core.checks import CheckResult
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.ports import CheckRepository
from app.devices import audio_analysis as aa
from app.devices.audio_analysis import AudioThresholds, MeterReading, Samples
from app.devices.audio_steps import SENTENCE as SENTENCE  # re-exported for the screen
from app.devices.audio_steps import STEPS
from app.errors import NotFoundError, RegieError

log = logging.getLogger(__name__)

SIMULATED_PREFIX = "simulated:"


class Cancel(Protocol):
    """What a long capture polls to stop early (the UI's CancelToken fits)."""

    @property
    def cancelled(self) -> bool: ...


class _NeverCancelled:
    cancelled = False


NEVER = _NeverCancelled()


# ------------------------------------------------------------------ capability
@dataclass(frozen=True, slots=True)
class AudioCapability:
    available: bool
    error: RegieError | None = None


_sd_module: ModuleType | None = None


def _sounddevice() -> ModuleType:
    """Import sounddevice on first use; a missing PortAudio becomes a known error."""
    global _sd_module
    if _sd_module is None:
        try:
            import sounddevice
        except OSError as err:
            raise RegieError(
                _N("errors", "Sound is unavailable: the PortAudio library is not installed "
                   "({error})."),
                _N("errors", "Install the package “libportaudio2” (Debian, Ubuntu) or "
                   "“portaudio” (Fedora), then restart Régie."),
                error=str(err),
            ) from err
        _sd_module = sounddevice
    return _sd_module


def audio_capability() -> AudioCapability:
    """Whether sound devices can be used at all, and why not."""
    try:
        _sounddevice()
    except RegieError as err:
        return AudioCapability(False, err)
    return AudioCapability(True)


def _portaudio_error(err: Exception, device: str) -> RegieError:
    """A PortAudio failure on a device, as a message saying what to do."""
    text = str(err)
    low = text.lower()
    if "busy" in low or "unavailable" in low or "-9985" in low:
        return RegieError(
            _N("errors", "The device “{device}” is busy ({error})."),
            _N("errors", "Close the other program using it (Zoom, a browser tab), then try "
               "again."),
            device=device, error=text,
        )
    return RegieError(
        _N("errors", "The device “{device}” cannot be used ({error})."),
        _N("errors", "Check that it is plugged in, then refresh the list and choose it "
           "again."),
        device=device, error=text,
    )


# ------------------------------------------------------------------ devices
@dataclass(frozen=True, slots=True)
class AudioDevice:
    index: int
    name: str
    host_api: str
    max_input_channels: int
    max_output_channels: int
    default_rate: float
    is_default_input: bool = False
    is_default_output: bool = False

    @property
    def key(self) -> str:
        """Stable identity for saved results: host API and name (indexes move)."""
        return f"{self.host_api}:{self.name}"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.host_api})"

    def as_json(self) -> dict[str, object]:
        return {
            "index": self.index, "name": self.name, "host_api": self.host_api,
            "input_channels": self.max_input_channels,
            "output_channels": self.max_output_channels,
            "default_rate": self.default_rate,
            "default_input": self.is_default_input, "default_output": self.is_default_output,
        }


@dataclass(frozen=True, slots=True)
class DeviceList:
    inputs: list[AudioDevice]
    outputs: list[AudioDevice]

    def default_input(self) -> AudioDevice | None:
        return next((d for d in self.inputs if d.is_default_input), self.inputs[0] if
                    self.inputs else None)

    def default_output(self) -> AudioDevice | None:
        return next((d for d in self.outputs if d.is_default_output), self.outputs[0] if
                    self.outputs else None)


_NONE_FOUND = {
    "input": _N("errors", "No microphone was found on this computer."),
    "output": _N("errors", "No speakers were found on this computer."),
}
_NO_NUMBER = {
    "input": _N("errors", "There is no microphone number {spec}."),
    "output": _N("errors", "There are no speakers number {spec}."),
}
_NO_MATCH = {
    "input": _N("errors", "No microphone matches “{spec}”."),
    "output": _N("errors", "No speakers match “{spec}”."),
}


def resolve(devices: Sequence[AudioDevice], spec: str | None, kind: str) -> AudioDevice:
    """DEV as sounddevice accepts it: an index, or a (case-insensitive) part of the name."""
    if not devices:
        raise NotFoundError(
            _NONE_FOUND[kind],
            _N("errors", "Plug one in (or check the sound settings), then try again."),
        )
    if spec is None or spec == "":
        flag = "is_default_input" if kind == "input" else "is_default_output"
        return next((d for d in devices if getattr(d, flag)), devices[0])
    spec = spec.strip()
    if spec.lstrip("-").isdigit():
        for d in devices:
            if d.index == int(spec):
                return d
        raise NotFoundError(
            _NO_NUMBER[kind],
            _N("errors", "Run “regie check audio --list” to see the numbers."),
            spec=spec,
        )
    low = spec.lower()
    exact = [d for d in devices if d.name.lower() == low]
    if exact:
        return exact[0]
    matches = [d for d in devices if low in d.name.lower() or low in d.label.lower()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(
            _NO_MATCH[kind],
            _N("errors", "Run “regie check audio --list” and give a number or a part of the "
               "name."),
            spec=spec,
        )
    raise RegieError(
        _N("errors", "Several devices match “{spec}”: {names}."),
        _N("errors", "Give more of the name, or the device number."),
        spec=spec, names=", ".join(d.name for d in matches),
    )


# ------------------------------------------------------------------ probes
class AudioProbe(Protocol):
    """What the check and the screen need from sound hardware."""

    def devices(self) -> DeviceList: ...
    def capture_rate(self, device: AudioDevice) -> int: ...
    def blocks(
        self, device: AudioDevice, cancel: Cancel, *, timeout: float = 3.0
    ) -> Iterator[tuple[Samples, int, float]]: ...
    def record(
        self, device: AudioDevice, seconds: float, cancel: Cancel = NEVER
    ) -> tuple[Samples, int]: ...
    def play(self, device: AudioDevice, signal: Samples, rate: int) -> None: ...
    def play_record(
        self, output: AudioDevice, input_: AudioDevice, signal: Samples, rate: int
    ) -> Samples: ...


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

    def devices(self) -> DeviceList:
        sd = _sounddevice()
        try:
            raw = sd.query_devices()
            apis = sd.query_hostapis()
            default_in, default_out = sd.default.device
        except sd.PortAudioError as err:
            raise _portaudio_error(err, "?") from err
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
        sd = _sounddevice()
        try:
            sd.check_input_settings(device=device.index, channels=1, dtype="float32",
                                    samplerate=self.th.preferred_rate)
        except Exception:
            return int(device.default_rate)
        return self.th.preferred_rate

    def _open_input(self, device: AudioDevice, rate: int, blocksize: int,
                    callback: Callable[..., None]) -> Any:
        sd = _sounddevice()
        try:
            stream = sd.InputStream(device=device.index, channels=1, samplerate=rate,
                                    dtype="float32", blocksize=blocksize, latency="low",
                                    callback=callback)
            stream.start()
        except (sd.PortAudioError, ValueError) as err:
            raise _portaudio_error(err, device.name) from err
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
                    raise _vanished(device) from None
                yield block, rate, at
        finally:
            _close_quietly(stream)

    def record(
        self, device: AudioDevice, seconds: float, cancel: Cancel = NEVER
    ) -> tuple[Samples, int]:
        rate = self.capture_rate(device)
        wanted = round(seconds * rate)
        chunks: list[Samples] = []
        got = 0
        for block, _rate, _at in self.blocks(device, cancel):
            chunks.append(block)
            got += block.size
            if got >= wanted:
                break
        if cancel.cancelled:
            raise RegieError(_N("errors", "The measurement was cancelled."))
        data = np.concatenate(chunks)[:wanted] if chunks else np.zeros(0, np.float32)
        return data.astype(np.float32, copy=False), rate

    def play(self, device: AudioDevice, signal: Samples, rate: int) -> None:
        self._run_output(device, signal, rate, None)

    def play_record(
        self, output: AudioDevice, input_: AudioDevice, signal: Samples, rate: int
    ) -> Samples:
        return self._run_output(output, signal, rate, input_)

    def _run_output(self, output: AudioDevice, signal: Samples, rate: int,
                    input_: AudioDevice | None) -> Samples:
        """Play `signal` (and record `input_` in the same duplex stream, sample-aligned)."""
        sd = _sounddevice()
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
            raise _portaudio_error(err, name) from err
        try:
            if not done.wait(n / rate + 3.0):
                raise _vanished(output)
        finally:
            _close_quietly(stream)
        if pos[0] < n:
            raise _vanished(output)
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


def _vanished(device: AudioDevice) -> RegieError:
    return RegieError(
        _N("errors", "The device “{device}” stopped responding."),
        _N("errors", "Check that it is still plugged in, refresh the list and try again."),
        device=device.name,
    )


# ------------------------------------------------------------------ simulated microphone
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
        wanted = round(seconds * self.rate)
        chunks: list[Samples] = []
        got = 0
        for block, _r, _t in self.blocks(device, cancel):
            chunks.append(block)
            got += block.size
            if got >= wanted:
                break
        if cancel.cancelled:
            raise RegieError(_N("errors", "The measurement was cancelled."))
        return np.concatenate(chunks)[:wanted], self.rate

    def play(self, device: AudioDevice, signal: Samples, rate: int) -> None:
        if self._speakers is None:
            raise NotFoundError(
                _NONE_FOUND["output"],
                _N("errors", "Plug one in (or check the sound settings), then try again."),
            )
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


# ------------------------------------------------------------------ the check
@dataclass
class StepOutcome:
    """One guided step done: its criteria and figures (the screen shows them at once)."""

    step: str
    analysis: aa.Analysis


class AudioChecker:
    """Runs the guided steps on a probe and turns them into one `CheckResult`.

    Steps may run in any order and be repeated; the newest run of a step wins. Methods
    block (seconds of recording): call them from a worker.
    """

    def __init__(self, probe: AudioProbe, checks: CheckRepository | None = None,
                 thresholds: AudioThresholds | None = None) -> None:
        self.probe = probe
        self.checks = checks
        self.th = thresholds or aa.load_thresholds()
        self._steps: dict[str, aa.Analysis] = {}
        self._noise_floor: float | None = None
        self.input: AudioDevice | None = None
        self.output: AudioDevice | None = None

    def devices(self) -> DeviceList:
        return self.probe.devices()

    def choose(self, input_: str | AudioDevice | None = None,
               output: str | AudioDevice | None = None, *, need_output: bool = True) -> None:
        """Pick the devices (DEV spec, device, or None for the system default)."""
        listing: DeviceList | None = None
        if not isinstance(input_, AudioDevice) or not (
                isinstance(output, AudioDevice) or (output is None and not need_output)):
            listing = self.probe.devices()
        if isinstance(input_, AudioDevice):
            self.input = input_
        else:
            assert listing is not None
            self.input = resolve(listing.inputs, input_, "input")
        if isinstance(output, AudioDevice):
            self.output = output
        elif need_output or output is not None:
            assert listing is not None
            self.output = resolve(listing.outputs, output, "output")
        else:
            self.output = None
        self.reset()

    def set_devices(self, input_: AudioDevice | None, output: AudioDevice | None) -> None:
        """Devices already picked from a list (the screen); earlier steps are forgotten."""
        self.input, self.output = input_, output
        self.reset()

    def reset(self) -> None:
        self._steps.clear()
        self._noise_floor = None

    def _need_input(self) -> AudioDevice:
        if self.input is None:
            self.choose(need_output=False)
        assert self.input is not None
        return self.input

    def _need_output(self) -> AudioDevice:
        if self.output is None:
            self.output = resolve(self.probe.devices().outputs, None, "output")
        return self.output

    def meter(self, cancel: Cancel) -> Iterator[MeterReading]:
        """Live meter readings, for a worker to pull."""
        device = self._need_input()
        meter = aa.LevelMeter(self.th.meter)
        for block, rate, at in self.probe.blocks(device, cancel):
            yield meter.update(block, rate, at)

    def run_noise(self, seconds: float | None = None, cancel: Cancel = NEVER) -> StepOutcome:
        device = self._need_input()
        x, rate = self.probe.record(device, seconds or self.th.noise_seconds, cancel)
        result = aa.analyse_noise(x, rate, self.th)
        self._noise_floor = float(result.metrics["noise_floor_dbfs"])  # type: ignore[arg-type]
        return self._store("noise", aa.merge(result, self._rate(rate)))

    def run_speech(self, seconds: float | None = None, cancel: Cancel = NEVER) -> StepOutcome:
        device = self._need_input()
        x, rate = self.probe.record(device, seconds or self.th.speech_seconds, cancel)
        result = aa.analyse_speech(x, rate, self.th, self._noise_floor)
        return self._store("speech", aa.merge(result, self._rate(rate)))

    def run_speaker(self) -> StepOutcome:
        output = self._need_output()
        rate = int(output.default_rate) or 48000
        signal = aa.tone(rate, self.th)
        try:
            self.probe.play(output, signal, rate)
        except RegieError as err:
            log.info("speaker test failed: %s", err.text())
            crit = aa.judge_speaker(False, None)
            return self._store("speaker", aa.Analysis(
                {"speaker": crit}, {"speaker_error": err.text(), "tone_hz": self.th.tone_hz}))
        return self._store("speaker", aa.Analysis(
            {"speaker": aa.judge_speaker(True, None)},
            {"tone_hz": self.th.tone_hz, "tone_dbfs": self.th.tone_dbfs,
             "output_rate": rate}))

    def confirm_speaker(self, heard: bool) -> StepOutcome:
        """The person in the room says whether the tone was heard."""
        return self._store("speaker", aa.Analysis(
            {"speaker": aa.judge_speaker_heard(heard)}, {"speaker_heard": heard}))

    def run_echo(self) -> StepOutcome:
        device = self._need_input()
        output = self._need_output()
        rate = self.probe.capture_rate(device)
        signal, _lead = aa.echo_signal(rate, self.th)
        recorded = self.probe.play_record(output, device, signal, rate)
        result = aa.analyse_echo(signal, recorded, rate, self.th)
        return self._store("echo", result)

    def run(self, steps: Sequence[str], seconds: float | None = None,
            announce: Callable[[str], None] | None = None) -> CheckResult:
        """Run the named steps in order (the CLI); returns the combined result."""
        for step in steps:
            if announce is not None:
                announce(step)
            if step == "noise":
                self.run_noise(seconds)
            elif step == "speech":
                self.run_speech(seconds)
            elif step == "speaker":
                self.run_speaker()
            elif step == "echo":
                self.run_echo()
            else:
                raise RegieError(
                    _N("errors", "Unknown step “{step}”."),
                    _N("errors", "Choose among noise, speech, speaker and echo."), step=step)
        return self.result()

    def _rate(self, capture_rate: int) -> aa.Analysis:
        in_rate = self.input.default_rate if self.input else None
        out_rate = self.output.default_rate if self.output else None
        crit = aa.judge_sample_rate(capture_rate, in_rate, out_rate, self.th)
        return aa.Analysis({"sample_rate": crit}, {
            "capture_rate": capture_rate, "input_default_rate": in_rate,
            "output_default_rate": out_rate})

    def _store(self, step: str, analysis: aa.Analysis) -> StepOutcome:
        self._steps[step] = analysis
        return StepOutcome(step, analysis)

    @property
    def steps_done(self) -> list[str]:
        return [s for s in STEPS if s in self._steps]

    def result(self) -> CheckResult:
        parts = [self._steps[s] for s in STEPS if s in self._steps]
        merged = aa.merge(*parts)
        metrics = dict(merged.metrics)
        metrics["steps"] = self.steps_done
        if self.output is not None:
            metrics["output"] = self.output.name
            metrics["output_key"] = self.output.key
        inp = self.input
        device = inp.name if inp else (self.output.name if self.output else "")
        key = inp.key if inp else (self.output.key if self.output else "")
        return aa.check_result(device, key, aa.Analysis(merged.criteria, metrics))

    def save(self, result: CheckResult, session_id: int | None = None,
             staff_id: int | None = None) -> int:
        if self.checks is None:
            raise RegieError(_N("errors", "Results cannot be saved here."))
        return self.checks.save(result, operator=operator_name(), staff_id=staff_id,
                                session_id=session_id)


class _HasChecks(Protocol):
    checks: Any


def build_audio_check(services: _HasChecks, simulate_mic: Path | None = None, *,
                      realtime: bool = True) -> AudioChecker:
    """The audio check wired to the real devices (or a WAV microphone) and the database."""
    th = aa.load_thresholds()
    real = SoundDeviceProbe(th)
    probe: AudioProbe
    if simulate_mic is not None:
        speakers = real if audio_capability().available else None
        probe = SimulatedMicProbe(simulate_mic, speakers, realtime=realtime, thresholds=th)
    else:
        probe = real
    return AudioChecker(probe, services.checks, th)
