"""The guided audio check: microphones and speakers through PortAudio (sounddevice), or
a WAV file as microphone.

`AudioChecker` runs the guided steps (noise, speech, speaker, echo) on a probe and builds
the `CheckResult`; `audio_analysis` measures the blocks. The probes live by job:
`audio_devices` (listing, choosing, what a probe offers), `audio_streams` (PortAudio
capture and playback), `audio_simulated` (a WAV microphone). This module re-exports
what the screens, the CLI and the tests use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.config import operator_name
from app.core.checks import CheckResult
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.ports import CheckRepository
from app.devices import audio_analysis as aa
from app.devices.audio_analysis import AudioThresholds, MeterReading
from app.devices.audio_devices import (
    NEVER,
    AudioCapability,
    AudioDevice,
    AudioProbe,
    Cancel,
    DeviceList,
    audio_capability,
    resolve,
)
from app.devices.audio_simulated import SIMULATED_PREFIX, SimulatedMicProbe, read_wav
from app.devices.audio_steps import SENTENCE, STEPS
from app.devices.audio_streams import SoundDeviceProbe
from app.devices.usb_ids import sound_usb_key
from app.errors import RegieError

__all__ = [
    "NEVER",
    "SENTENCE",
    "SIMULATED_PREFIX",
    "AudioCapability",
    "AudioChecker",
    "AudioDevice",
    "AudioProbe",
    "Cancel",
    "DeviceList",
    "SimulatedMicProbe",
    "SoundDeviceProbe",
    "StepOutcome",
    "audio_capability",
    "build_audio_check",
    "read_wav",
    "resolve",
]

log = logging.getLogger(__name__)


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
        self.probe.cue("noise")
        x, rate = self.probe.record(device, seconds or self.th.noise_seconds, cancel)
        result = aa.analyse_noise(x, rate, self.th)
        self._noise_floor = float(result.metrics["noise_floor_dbfs"])  # type: ignore[arg-type]
        return self._store("noise", aa.merge(result, self._rate(rate)))

    def run_speech(self, seconds: float | None = None, cancel: Cancel = NEVER) -> StepOutcome:
        device = self._need_input()
        self.probe.cue("speech")
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
        inp = self.input
        # A file's rate is no setting anyone can change: only real devices are compared.
        in_rate = (inp.default_rate if inp and not inp.name.startswith(SIMULATED_PREFIX)
                   else None)
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
        chosen = inp or self.output
        # A USB microphone or speakerphone is known by its serial where Linux shows it.
        key = (sound_usb_key(chosen.name) or chosen.key) if chosen else ""
        return aa.check_result(device, key, aa.Analysis(merged.criteria, metrics))

    def save(self, result: CheckResult, session_id: int | None = None,
             staff_id: int | None = None) -> int:
        if self.checks is None:
            raise RegieError(_N("errors", "Results cannot be saved here."))
        return self.checks.save(result, operator=operator_name(), staff_id=staff_id,
                                session_id=session_id)


class _HasChecks(Protocol):
    @property
    def checks(self) -> Any: ...


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
