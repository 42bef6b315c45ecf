"""Sound devices as PortAudio lists them, and what every probe offers.

PortAudio is optional: on Linux the library may be missing, in which case importing
sounddevice raises OSError. That (and a missing, busy or vanished device) becomes a
`RegieError` with the fix, so the rest of the application keeps working.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.audio_analysis import Samples
from app.devices.lazy import lazy
from app.errors import NotFoundError, RegieError

if TYPE_CHECKING:
    import numpy as np
else:
    np = lazy("numpy")  # imported when sound or pictures are first analysed


class Cancel(Protocol):
    """What a long capture polls to stop early (the UI's CancelToken fits)."""

    @property
    def cancelled(self) -> bool: ...


class _NeverCancelled:
    cancelled = False


NEVER = _NeverCancelled()


def gather(
    blocks: Iterator[tuple[Samples, int, float]], wanted: int, cancel: Cancel
) -> Samples:
    """The first `wanted` samples of a stream of blocks (fewer if it ends first), as one
    float32 array; a cancelled measurement is said so."""
    chunks: list[Samples] = []
    got = 0
    for block, _rate, _at in blocks:
        chunks.append(block)
        got += block.size
        if got >= wanted:
            break
    if cancel.cancelled:
        raise RegieError(_N("errors", "The measurement was cancelled."))
    data = np.concatenate(chunks)[:wanted] if chunks else np.zeros(0, np.float32)
    return data.astype(np.float32, copy=False)


# ------------------------------------------------------------------ capability
@dataclass(frozen=True, slots=True)
class AudioCapability:
    available: bool
    error: RegieError | None = None


_sd_module: ModuleType | None = None


def sounddevice_module() -> ModuleType:
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
        sounddevice_module()
    except RegieError as err:
        return AudioCapability(False, err)
    return AudioCapability(True)


def portaudio_error(err: Exception, device: str) -> RegieError:
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


def none_found(kind: str) -> NotFoundError:
    """No microphone (kind "input") or no speakers ("output") at all."""
    return NotFoundError(
        _NONE_FOUND[kind],
        _N("errors", "Plug one in (or check the sound settings), then try again."),
    )


def resolve(devices: Sequence[AudioDevice], spec: str | None, kind: str) -> AudioDevice:
    """DEV as sounddevice accepts it: an index, or a (case-insensitive) part of the name."""
    if not devices:
        raise none_found(kind)
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
    def cue(self, step: str) -> None:
        """The guided step about to record ("noise": the room keeps quiet, "speech":
        someone reads the sentence). A real microphone hears the room and ignores it."""
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


def vanished_error(device: AudioDevice) -> RegieError:
    """A device that stopped answering mid-stream (unplugged, or taken by another program)."""
    return RegieError(
        _N("errors", "The device “{device}” stopped responding."),
        _N("errors", "Check that it is still plugged in, refresh the list and try again."),
        device=device.name,
    )
