"""Audio check speed: meter latency, metering CPU share at 48 kHz, analysis of 10 s.

Run as a script (`python tests/benchmarks/bench_audio.py`); with the test card
(`dbus-run-session -- bash tests/support/services.sh python tests/benchmarks/bench_audio.py`)
it also measures the real capture path. Prints figures and ratios against targets and a
baseline measured in the same run; asserts nothing. `rows()` gives the table's rows.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.devices import audio_analysis as aa
from app.devices.audio import AudioChecker, SoundDeviceProbe, resolve
from tests.benchmarks.table import Row

RATE = 48000
TH = aa.load_thresholds()


def best_of(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_analysis() -> dict[str, float]:
    rng = np.random.default_rng(0)
    ten = (rng.normal(0, 0.05, 10 * RATE)).astype(np.float32)
    played, _ = aa.echo_signal(RATE, TH)
    baseline = best_of(lambda: float(np.dot(ten, ten)))  # one pass over the samples

    def full() -> None:
        aa.analyse_noise(ten, RATE, TH)
        aa.analyse_speech(ten, RATE, TH)

    analysis = best_of(full)
    echo = best_of(lambda: aa.analyse_echo(played, played * np.float32(0.5), RATE, TH))
    print(f"analysis of 10 s (noise + speech): {analysis * 1000:.1f} ms "
          f"(target < 50 ms, {analysis / 0.05:.2f}× target; {analysis / baseline:.0f}× a dot "
          "product over the samples)")
    print(f"echo cross-correlation ({played.size / RATE:.1f} s): {echo * 1000:.1f} ms")
    return {"analysis": analysis, "baseline": baseline, "echo": echo}


def bench_meter_cpu() -> float:
    block = round(RATE / TH.meter.updates_per_second)
    audio = np.random.default_rng(1).normal(0, 0.1, 10 * RATE).astype(np.float32)
    blocks = [audio[i : i + block] for i in range(0, audio.size - block, block)]
    meter = aa.LevelMeter(TH.meter)
    c0 = time.process_time()
    for b in blocks:
        meter.update(b, RATE)
    cpu = time.process_time() - c0
    share = cpu / 10.0
    print(f"meter maths at 48 kHz: {share * 100:.3f}% of one core (target < 5%, "
          f"{share / 0.05:.3f}× target)")
    return share


def bench_real_stream() -> dict[str, float] | None:
    if not os.environ.get("REGIE_TEST_AUDIO"):
        print("real capture: skipped (run under tests/support/services.sh)")
        return None
    probe = SoundDeviceProbe(TH)
    mic = resolve(probe.devices().inputs, "regie_mic", "input")
    checker = AudioChecker(probe, None, TH)
    checker.set_devices(mic, None)

    class Stop:
        cancelled = False

    stop = Stop()
    delays: list[float] = []
    count = 0
    c0, w0 = time.process_time(), time.perf_counter()
    for reading in checker.meter(stop):
        delays.append(time.monotonic() - reading.captured_at)
        count += 1
        if time.perf_counter() - w0 > 5.0:
            stop.cancelled = True
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    block_ms = reading.frames / TH.preferred_rate * 1000
    pipeline_ms = statistics.median(delays) * 1000
    latency = block_ms + pipeline_ms + mic_latency_ms(probe)
    print(f"real meter: {count / wall:.1f} updates/s, CPU {cpu / wall * 100:.2f}% of one core "
          f"(capture + metering, target < 5%)")
    print(f"meter latency (sound in → meter update): block {block_ms:.1f} ms + input buffer "
          f"{mic_latency_ms(probe):.1f} ms + pipeline {pipeline_ms:.2f} ms = {latency:.1f} ms "
          f"(target < 50 ms, {latency / 50:.2f}× target)")
    return {"latency_ms": latency, "cpu_share": cpu / wall, "updates": count / wall}


def mic_latency_ms(probe: SoundDeviceProbe) -> float:
    import sounddevice as sd

    info = sd.query_devices("regie_mic")
    return float(info["default_low_input_latency"]) * 1000


def rows() -> list[Row]:
    a = bench_analysis()
    share = bench_meter_cpu()
    out = [
        Row("audio analysis of 10 s (noise + speech)", a["analysis"] * 1000, "ms",
            "a dot product over the samples", a["baseline"] * 1000, "< 50 ms",
            a["analysis"] < 0.05),
        Row("level meter maths at 48 kHz, share of one core", share * 100, "%", "none",
            None, "< 5 %", share < 0.05),
    ]
    real = bench_real_stream()
    if real is not None:
        out += [
            Row("meter latency, sound in → meter update (real card)", real["latency_ms"],
                "ms", "none", None, "< 50 ms", real["latency_ms"] < 50),
            Row("real meter, capture + metering, share of one core", real["cpu_share"] * 100,
                "%", "none", None, "< 5 %", real["cpu_share"] < 0.05),
        ]
    return out


if __name__ == "__main__":
    for row in rows():
        print(row.line())
