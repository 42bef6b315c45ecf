"""The demo network's equipment: a webcam and a microphone per branch (a speaker in some),
each with a few weeks of checks, so the Matériel area opens on a story — the Vaise
webcam drifting out of focus, a Bachut microphone that failed twice this month, the spare
conference microphone lent to another branch, an old webcam retired."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.equipment import DeviceDraft, DeviceKind, DeviceStatus, Loan

CAMERAS = [("Logitech", "C920"), ("Logitech", "C925e"), ("Poly", "EagleEye Mini")]
MICS = [
    ("Jabra", "Speak 510", DeviceKind.SPEAKERPHONE),
    ("Jabra", "Speak 750", DeviceKind.SPEAKERPHONE),
    ("Rode", "NT-USB Mini", DeviceKind.MICROPHONE),
]


@dataclass(frozen=True, slots=True)
class DemoDevice:
    branch_code: str
    draft: DeviceDraft
    status: DeviceStatus = DeviceStatus.IN_SERVICE
    loan: Loan | None = None
    checks: list[tuple[datetime, CheckResult]] = field(default_factory=list)


def _verdict(value: float, warn: float, fail: float) -> Verdict:
    return Verdict.FAIL if value < fail else Verdict.WARN if value < warn else Verdict.PASS


def camera_result(
    name: str, key: str, sharpness: float, exposure: float, fps: float
) -> CheckResult:
    criteria = {
        "sharpness": Criterion("sharpness", round(sharpness, 1), _verdict(sharpness, 60, 35)),
        "exposure": Criterion(
            "exposure", round(exposure, 1), Verdict.PASS if 90 <= exposure <= 170 else Verdict.WARN
        ),
        "frame_rate": Criterion("frame_rate", round(fps, 1), _verdict(fps, 24, 15), unit="fps"),
    }
    return CheckResult(CheckKind.CAMERA, name, criteria, key)


def sound_result(name: str, key: str, snr: float, noise: float) -> CheckResult:
    criteria = {
        "snr": Criterion("snr", round(snr, 1), _verdict(snr, 20, 12), unit="dB"),
        "noise_floor": Criterion(
            "noise_floor",
            round(noise, 1),
            Verdict.PASS if noise < -50 else Verdict.WARN,
            unit="dBFS",
        ),
    }
    return CheckResult(CheckKind.AUDIO, name, criteria, key)


def build_demo_equipment(
    branches: list[tuple[str, str]], now: datetime, seed: int = 2020
) -> list[DemoDevice]:
    """A few devices per branch (code, name) with about two months of checks before
    `now`; each named after its branch as the staff say it."""
    rng = random.Random(seed)  # noqa: S311 - demo data
    today = now.date()
    out: list[DemoDevice] = []
    for n, (code, place) in enumerate(branches):
        make, model = CAMERAS[n % len(CAMERAS)]
        key = f"usb:046d:08{n:02d}:DEMO{n:02d}C"
        name = f"{make} {model}"
        drifting = code == "vaise"
        checks = []
        for week in range(8, 0, -2):
            sharp = (80 - (8 - week) * 9) if drifting else rng.uniform(70, 95)
            checks.append(
                (
                    now - timedelta(days=week * 7 + rng.randint(0, 2)),
                    camera_result(name, key, sharp, rng.uniform(100, 160), rng.uniform(28, 30)),
                )
            )
        out.append(
            DemoDevice(
                code,
                DeviceDraft(
                    DeviceKind.CAMERA,
                    f"Webcam {place}",
                    make,
                    model,
                    serial=f"CAM-{n:03d}-{rng.randint(1000, 9999)}",
                    room="Auditorium",
                    purchased_on=date(2023 + n % 3, 1 + n % 12, 15),
                    match_key=key,
                ),
                checks=checks,
            )
        )

        mmake, mmodel, kind = MICS[n % len(MICS)]
        mkey = f"ALSA:{mmake} {mmodel} DEMO{n:02d}"
        failing = code == "bachut"
        mchecks = []
        for days in (40, 25, 12, 4):
            snr = 8.0 if failing and days in (25, 12) else rng.uniform(22, 32)
            mchecks.append(
                (
                    now - timedelta(days=days),
                    sound_result(f"{mmake} {mmodel}", mkey, snr, rng.uniform(-68, -55)),
                )
            )
        out.append(
            DemoDevice(
                code,
                DeviceDraft(
                    kind,
                    f"Micro {place}",
                    mmake,
                    mmodel,
                    serial=f"MIC-{n:03d}-{rng.randint(1000, 9999)}",
                    room="Auditorium",
                    purchased_on=date(2022 + n % 4, 1 + (n * 5) % 12, 1),
                    match_key=mkey,
                ),
                checks=mchecks,
            )
        )
        if n % 3 == 0:
            out.append(
                DemoDevice(
                    code,
                    DeviceDraft(
                        DeviceKind.SPEAKER,
                        f"Enceinte {place}",
                        "JBL",
                        "Charge 5",
                        serial=f"SPK-{n:03d}",
                        room="Salle d'animation",
                    ),
                )
            )
    if branches:
        first, lent_to = branches[0][0], branches[-1][1]
        out.append(
            DemoDevice(
                first,
                DeviceDraft(
                    DeviceKind.SPEAKERPHONE,
                    "Micro de conférence (réserve)",
                    "Jabra",
                    "Speak 750",
                    serial="MIC-SPARE-01",
                    room="Réserve technique",
                    notes="Micro de secours pour les grandes salles.",
                ),
                DeviceStatus.ON_LOAN,
                Loan(f"Bibliothèque {lent_to}", today + timedelta(days=5)),
            )
        )
        out.append(
            DemoDevice(
                first,
                DeviceDraft(
                    DeviceKind.CAMERA,
                    "Ancienne webcam",
                    "Logitech",
                    "C270",
                    serial="CAM-OLD-01",
                    notes="Remplacée par une C920.",
                ),
                DeviceStatus.RETIRED,
            )
        )
    return out
