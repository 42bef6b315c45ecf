"""Objective camera criteria from frames: numpy/OpenCV only, no Qt, no capture.

`FrameAnalyzer` measures one frame (exposure, contrast, sharpness, colour, change since the
previous frame, and, spread over frames, the largest face). `CameraCheck` keeps a short
stability window of those measurements and turns their medians into verdicts, so one bad
frame never flips a verdict. Every limit comes from `resources/thresholds/camera.toml`.
"""

from __future__ import annotations

import math
import tomllib
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config import config_dir, resources_dir
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.face_search import FaceSearch
from app.devices.lazy import lazy
from app.errors import RegieError

if TYPE_CHECKING:
    import cv2
    import numpy as np
    import numpy.typing as npt
else:
    cv2 = lazy("cv2")  # imported when a camera is first used
    np = lazy("numpy")

# 8-bit BGR or grey pictures, as OpenCV returns them (a name for annotations).
if TYPE_CHECKING:
    Image = npt.NDArray[Any]
else:
    Image = "npt.NDArray[Any]"

# Stable criterion keys, in the order screens and the CLI show them.
CRITERIA: tuple[str, ...] = (
    "black_picture",
    "frozen",
    "exposure",
    "contrast",
    "sharpness",
    "colour_cast",
    "face",
    "framing",
    "frame_rate",
    "dropped_frames",
    "resolution",
)

CRITERION_LABELS: dict[str, str] = {
    "black_picture": _N("camera", "Black picture"),
    "frozen": _N("camera", "Frozen picture"),
    "exposure": _N("camera", "Exposure"),
    "contrast": _N("camera", "Contrast"),
    "sharpness": _N("camera", "Sharpness"),
    "colour_cast": _N("camera", "Colour"),
    "face": _N("camera", "Face visible"),
    "framing": _N("camera", "Framing"),
    "frame_rate": _N("camera", "Frame rate"),
    "dropped_frames": _N("camera", "Dropped frames"),
    "resolution": _N("camera", "Resolution"),
}

# Criteria that mean nothing on a black, very dark or burnt-out picture.
_NEEDS_USABLE_PICTURE = ("contrast", "sharpness", "colour_cast", "face", "framing")


# ---------------------------------------------------------------- thresholds


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The limits of `camera.toml`, by section and key."""

    values: Mapping[str, Mapping[str, float]]
    sources: tuple[Path, ...] = ()

    def get(self, section: str, key: str) -> float:
        return float(self.values[section][key])

    def int(self, section: str, key: str) -> int:
        return int(self.values[section][key])


def shipped_thresholds_path() -> Path:
    return resources_dir() / "thresholds" / "camera.toml"


def override_thresholds_path() -> Path:
    return config_dir() / "thresholds" / "camera.toml"


def load_thresholds(
    shipped: Path | None = None, override: Path | None = None
) -> Thresholds:
    """The shipped limits, with the user's override file (if any) laid over them.

    An override may only change keys the shipped file has, with numbers: a typo must not
    silently fall back to the default.
    """
    shipped = shipped or shipped_thresholds_path()
    override = override or override_thresholds_path()
    base = _read_toml(shipped)
    values: dict[str, dict[str, float]] = {}
    for section, table in base.items():
        if isinstance(table, dict):
            values[section] = {k: _number(shipped, section, k, v) for k, v in table.items()}
    sources = [shipped]
    if override.is_file():
        sources.append(override)
        for section, table in _read_toml(override).items():
            if section == "schema_version":
                continue
            if not isinstance(table, dict) or section not in values:
                raise RegieError(
                    _N("errors", "Unknown section [{section}] in {path}."),
                    _N("errors", "Correct or delete that section; the shipped file lists "
                       "every section."),
                    section=section, path=str(override),
                )
            for key, value in table.items():
                if key not in values[section]:
                    raise RegieError(
                        _N("errors", "Unknown setting “{key}” in section [{section}] of "
                           "{path}."),
                        _N("errors", "Correct or delete that line; the shipped file lists "
                           "every setting."),
                        key=key, section=section, path=str(override),
                    )
                values[section][key] = _number(override, section, key, value)
    return Thresholds(values, tuple(sources))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as err:
        raise RegieError(
            _N("errors", "The camera settings file {path} is missing."),
            _N("errors", "Reinstall Régie."),
            path=str(path),
        ) from err
    except tomllib.TOMLDecodeError as err:
        raise RegieError(
            _N("errors", "The camera settings file {path} cannot be read: {detail}."),
            _N("errors", "Correct the file, or delete it to use the default settings."),
            path=str(path), detail=str(err),
        ) from err


def _number(path: Path, section: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RegieError(
            _N("errors", "The setting “{key}” in section [{section}] of {path} must be a "
               "number."),
            _N("errors", "Write a number such as 12 or 0.5."),
            key=key, section=section, path=str(path),
        )
    return float(value)


# ---------------------------------------------------------------- one frame


@dataclass(frozen=True, slots=True)
class FaceBox:
    """The largest face found, as shares of the frame's width and height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class FrameMetrics:
    timestamp: float
    mean: float
    spread: float
    dark_clip: float  # percent of pixels
    bright_clip: float
    sharpness: float
    colour_cast: float
    change: float | None  # mean absolute difference with the previous frame
    face_searched: bool = False
    face: FaceBox | None = None


def face_cascade_path() -> Path:
    folder = Path(cv2.data.haarcascades)  # type: ignore[attr-defined]
    return folder / "haarcascade_frontalface_default.xml"


class FrameAnalyzer:
    """Measures frames one after the other (it remembers the previous one).

    Work is done on a copy scaled to `analysis.work_width`, which also serves as the
    preview image (`work_image`), so the preview costs nothing extra. The copy is made by
    halving (a two by two average) while the frame is at least twice too wide, then one
    bilinear step: the same picture as an area average, at a fraction of its cost on
    1080p frames. Faces are looked for by a `FaceSearch`, spread over frames, on a grey
    copy halved the same way, then area-averaged (`shrink(..., area_last=True)`).
    """

    def __init__(self, thresholds: Thresholds) -> None:
        self._t = thresholds
        self._work_width = thresholds.int("analysis", "work_width")
        self._face_width = thresholds.int("analysis", "face_width")
        self._dark_level = thresholds.int("exposure", "dark_level")
        self._bright_level = thresholds.int("exposure", "bright_level")
        self._previous: Image | None = None
        self.work_image: Image | None = None
        cascade = cv2.CascadeClassifier(str(face_cascade_path()))
        self._faces: FaceSearch | None = None if cascade.empty() else FaceSearch(
            cascade, thresholds.int("analysis", "face_every_n_frames"),
            thresholds.get("analysis", "face_min_height"))

    @property
    def face_detection_available(self) -> bool:
        return self._faces is not None

    def analyze(self, frame: Image, timestamp: float) -> FrameMetrics:
        h, w = frame.shape[:2]
        ww = self._work_width
        wh = max(1, round(h * ww / w))
        work = shrink(frame, ww, wh)
        self.work_image = work
        gray: Image = cv2.cvtColor(work, cv2.COLOR_BGR2GRAY)

        # Mean, spread and clipped shares straight from the pixels: a histogram costs
        # several times as much.
        level, deviation = cv2.meanStdDev(gray)
        mean, spread = float(level[0][0]), float(deviation[0][0])
        n = float(gray.size)
        dark = int(np.count_nonzero(gray <= self._dark_level)) / n * 100
        bright = int(np.count_nonzero(gray >= self._bright_level)) / n * 100

        _m, std = cv2.meanStdDev(cv2.Laplacian(gray, cv2.CV_16S))
        sharpness = float(std[0][0]) ** 2

        tiny = shrink(work, max(1, ww // 4), max(1, wh // 4))  # two halvings: 4×4 means
        lab_mean = cv2.mean(cv2.cvtColor(tiny, cv2.COLOR_BGR2LAB))
        cast = math.hypot(lab_mean[1] - 128.0, lab_mean[2] - 128.0)

        # On the analysed image, not a smaller one: averaging would hide sensor noise,
        # the very sign of a live picture.
        change = None
        if self._previous is not None and self._previous.shape == gray.shape:
            change = float(cv2.mean(cv2.absdiff(gray, self._previous))[0])
        self._previous = gray

        searched = False
        face = None
        if self._faces is not None:
            gh, gw = gray.shape[:2]
            fw = min(self._face_width, gw)
            fh = max(1, round(gh * fw / gw))
            small = shrink(gray, fw, fh, area_last=True)
            outcome = self._faces.step(small)
            searched = outcome.done
            if outcome.box is not None:
                x, y, bw, bh = outcome.box
                face = FaceBox(x / fw, y / fh, bw / fw, bh / fh)
        return FrameMetrics(
            timestamp=timestamp, mean=mean, spread=spread, dark_clip=dark,
            bright_clip=bright, sharpness=sharpness, colour_cast=cast, change=change,
            face_searched=searched, face=face,
        )


def analysis_threads() -> None:
    """One OpenCV thread for the analysis: on pictures this small, its thread pool costs
    more CPU time than it saves and makes frame times jitter on a two-core computer.

    OpenCV's setting is the process's; only the camera check uses OpenCV, so the analysis
    worker sets it when it starts.
    """
    cv2.setNumThreads(1)


def shrink(frame: Image, width: int, height: int, *, area_last: bool = False) -> Image:
    """`frame` at `width`×`height`, cheaply: exact halvings (each pixel the mean of two by
    two), then one bilinear step of less than two; enlarging is bilinear.

    With `area_last` the last step is an area average too: dearer, but the face search
    finds more faces on it; on a grey picture of the work size it costs little.
    """
    img = frame
    while img.shape[1] >= 2 * width and img.shape[0] >= 2 * height:
        img = cv2.resize(img, (img.shape[1] // 2, img.shape[0] // 2),
                         interpolation=cv2.INTER_LINEAR)
    if img.shape[1] != width or img.shape[0] != height:
        shrinking = area_last and img.shape[1] > width and img.shape[0] > height
        img = cv2.resize(img, (width, height),
                         interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
    return img


# ---------------------------------------------------------------- the window and verdicts


@dataclass(frozen=True, slots=True)
class CaptureFacts:
    """What the capture knows about itself, reported beside the measurements."""

    requested: tuple[int, int]
    negotiated: tuple[int, int]
    nominal_fps: float | None = None
    live: bool = True


@dataclass
class _Timing:
    first: float | None = None
    last: float | None = None
    frames: int = 0
    gaps: deque[float] = field(default_factory=lambda: deque(maxlen=900))


class CameraCheck:
    """Accumulates frame metrics and judges the criteria on a short stability window."""

    def __init__(self, thresholds: Thresholds, facts: CaptureFacts) -> None:
        self._t = thresholds
        self.facts = facts
        self._window_s = thresholds.get("stability", "window_seconds")
        self._warmup = thresholds.get("check", "warmup_seconds") if facts.live else 0.0
        self._window: deque[FrameMetrics] = deque(maxlen=2000)
        self._timing = _Timing()
        self._start: float | None = None
        self.face_detection_available = True

    @property
    def judged_frames(self) -> int:
        return self._timing.frames

    def elapsed(self) -> float:
        """Seconds of picture seen, warm-up included."""
        if self._start is None or self._timing.last is None:
            return 0.0
        return self._timing.last - self._start

    def add(self, m: FrameMetrics) -> None:
        if self._start is None:
            self._start = m.timestamp
        if m.timestamp - self._start < self._warmup:
            return
        t = self._timing
        if t.first is None:
            t.first = m.timestamp
        elif t.last is not None:
            t.gaps.append(m.timestamp - t.last)
        t.last = m.timestamp
        t.frames += 1
        self._window.append(m)
        horizon = m.timestamp - self._window_s
        while self._window and self._window[0].timestamp < horizon:
            self._window.popleft()

    # -- verdicts

    def criteria(self) -> dict[str, Criterion]:
        """The verdict of every criterion that has enough data so far."""
        w = list(self._window)
        if not w:
            return {}
        t = self._t
        out: dict[str, Criterion] = {}
        mean = _median([m.mean for m in w])
        spread = _median([m.spread for m in w])
        covered = mean < t.get("covered", "mean_below") and spread < t.get(
            "covered", "spread_below"
        )
        out["black_picture"] = (
            Criterion("black_picture", True, Verdict.FAIL, _N(
                "camera", "The picture is black: open the camera's privacy shutter or "
                "remove the lens cap."))
            if covered else Criterion("black_picture", False, Verdict.PASS)
        )
        changes = [m.change for m in w if m.change is not None]
        if len(changes) >= 2:
            most = max(changes)
            still = most < t.get("frozen", "still_below")
            out["frozen"] = Criterion(
                "frozen", round(most, 2), Verdict.FAIL if still else Verdict.PASS,
                _N("camera", "The picture is frozen: close the other programs that use the "
                   "camera, then unplug and replug it.") if still else "",
            )
        out["exposure"] = self._exposure(w, mean)
        out["contrast"] = _low_is_bad(
            "contrast", spread, t.get("contrast", "warn_below"),
            t.get("contrast", "fail_below"),
            _N("camera", "Flat, greyish picture: light the room evenly and avoid having a "
               "window or a lamp in view."),
        )
        out["sharpness"] = _low_is_bad(
            "sharpness", _median([m.sharpness for m in w]),
            t.get("sharpness", "warn_below"), t.get("sharpness", "fail_below"),
            _N("camera", "Blurry picture: wipe the lens with a soft cloth and sit at least "
               "50 cm from the camera."),
        )
        cast = _median([m.colour_cast for m in w])
        cast_v = _high_is_bad(cast, t.get("colour_cast", "warn_above"),
                              t.get("colour_cast", "fail_above"))
        out["colour_cast"] = Criterion(
            "colour_cast", round(cast, 1), cast_v,
            "" if cast_v is Verdict.PASS else _N(
                "camera", "The colours are off: avoid coloured lights and let the camera "
                "set its white balance automatically."),
        )
        out.update(self._face(w))
        out.update(self._timing_criteria())
        out["resolution"] = self._resolution()
        blocked = list(_NEEDS_USABLE_PICTURE)
        if covered:  # a black picture compresses to identical frames: not a frozen feed
            blocked.append("frozen")
        if covered or out["exposure"].verdict is Verdict.FAIL:
            for name in blocked:
                c = out.get(name)
                if c is not None:
                    out[name] = Criterion(name, c.value, Verdict.WARN, _N(
                        "camera", "Cannot be judged on this picture: fix the light or the "
                        "black picture first."), c.unit)
        return {name: out[name] for name in CRITERIA if name in out}

    def _exposure(self, w: list[FrameMetrics], mean: float) -> Criterion:
        t = self._t
        dark = _median([m.dark_clip for m in w])
        bright = _median([m.bright_clip for m in w])
        clip_warn = t.get("exposure", "clipped_warn_above")
        clip_fail = t.get("exposure", "clipped_fail_above")
        value = round(mean, 1)
        if mean < t.get("exposure", "dark_fail_below"):
            return Criterion("exposure", value, Verdict.FAIL, _N(
                "camera", "Too dark: turn on the light or face the window."))
        if mean > t.get("exposure", "bright_fail_above") or bright > clip_fail:
            return Criterion("exposure", value, Verdict.FAIL, _N(
                "camera", "Too bright: close the blinds or move away from the lamp or "
                "window behind the camera."))
        if dark > clip_warn and bright > clip_warn:
            return Criterion("exposure", value, Verdict.WARN, _N(
                "camera", "Backlit: do not sit with a window behind you; face the light "
                "instead."))
        if mean < t.get("exposure", "dark_warn_below") or dark > clip_fail:
            return Criterion("exposure", value, Verdict.WARN, _N(
                "camera", "A bit dark: add a light in front of you."))
        if mean > t.get("exposure", "bright_warn_above") or bright > clip_warn:
            return Criterion("exposure", value, Verdict.WARN, _N(
                "camera", "A bit bright: part of the picture is washed out; dim the light "
                "or close the blinds a little."))
        if dark > clip_warn:
            return Criterion("exposure", value, Verdict.WARN, _N(
                "camera", "Part of the picture is lost in shadow: add a light in front of "
                "you."))
        return Criterion("exposure", value, Verdict.PASS)

    def _face(self, w: list[FrameMetrics]) -> dict[str, Criterion]:
        searched = [m for m in w if m.face_searched]
        if not self.face_detection_available:
            return {"face": Criterion("face", None, Verdict.WARN, _N(
                "camera", "Face detection is unavailable on this computer: reinstall "
                "Régie."))}
        if not searched:
            return {}
        t = self._t
        faces = [m.face for m in searched if m.face is not None]
        share = len(faces) / len(searched)
        if share < t.get("face", "present_share"):
            return {
                "face": Criterion("face", round(share, 2), Verdict.WARN, _N(
                    "camera", "No face seen: sit facing the camera, in the light.")),
                "framing": Criterion("framing", None, Verdict.WARN, _N(
                    "camera", "Framing cannot be judged until a face is in the picture."),
                    "%"),
            }
        cx = _median([f.centre[0] for f in faces])
        cy = _median([f.centre[1] for f in faces])
        size = _median([f.h for f in faces])
        dx = (cx - t.get("framing", "target_x")) / 0.5
        dy = (cy - t.get("framing", "target_y")) / 0.5
        offset = max(abs(dx), abs(dy)) * 100
        face = Criterion("face", round(share, 2), Verdict.PASS)
        if size < t.get("framing", "size_warn_below"):
            advice = _N("camera", "You look small in the picture: move closer to the camera.")
        elif size > t.get("framing", "size_warn_above"):
            advice = _N("camera", "You are too close: move back a little.")
        elif offset > t.get("framing", "offset_warn_above"):
            advice = _N("camera", "You are off-centre: turn the camera or move your chair "
                        "so your face is in the middle.")
        else:
            advice = ""
        framing = Criterion("framing", round(offset), Verdict.WARN if advice else Verdict.PASS,
                            advice, "%")
        return {"face": face, "framing": framing}

    def _timing_criteria(self) -> dict[str, Criterion]:
        t = self._t
        tm = self._timing
        out: dict[str, Criterion] = {}
        if tm.first is None or tm.last is None or tm.frames < 3 or tm.last <= tm.first:
            return out
        fps = (tm.frames - 1) / (tm.last - tm.first)
        fps_v = _low_verdict(fps, t.get("frame_rate", "warn_below"),
                             t.get("frame_rate", "fail_below"))
        out["frame_rate"] = Criterion(
            "frame_rate", round(fps, 1), fps_v,
            "" if fps_v is Verdict.PASS else _N(
                "camera", "Jerky picture: add light (cameras slow down in the dark), close "
                "other programs, or plug the camera straight into the computer."),
            "fps",
        )
        gaps = np.asarray(tm.gaps, dtype=np.float64)
        interval = float(np.median(gaps))
        if interval > 0:
            late = gaps[gaps > t.get("dropped_frames", "gap_factor") * interval]
            dropped = float(np.sum(np.rint(late / interval) - 1))
            pct = dropped / (len(gaps) + 1 + dropped) * 100
            drop_v = _high_is_bad(pct, t.get("dropped_frames", "warn_above"),
                                  t.get("dropped_frames", "fail_above"))
            out["dropped_frames"] = Criterion(
                "dropped_frames", round(pct, 1), drop_v,
                "" if drop_v is Verdict.PASS else _N(
                    "camera", "The camera skips pictures: plug it straight into the computer "
                    "(not a hub) and close other programs."),
                "%",
            )
        return out

    def _resolution(self) -> Criterion:
        t = self._t
        rw, rh = self.facts.requested
        nw, nh = self.facts.negotiated
        value = f"{nw}x{nh}"
        if nh < t.get("resolution", "fail_below"):
            return Criterion("resolution", value, Verdict.FAIL, _N(
                "camera", "Very low resolution: use another camera, or plug this one "
                "straight into the computer."))
        if nh < t.get("resolution", "warn_below") or (nw, nh) < (rw, rh):
            return Criterion("resolution", value, Verdict.WARN, _N(
                "camera", "Lower resolution than requested: plug the camera straight into "
                "the computer, or use a better camera for the room."))
        return Criterion("resolution", value, Verdict.PASS)

    # -- the result

    def result(self, device: str, device_key: str = "") -> CheckResult:
        """The verdicts now, with the figures a technician wants, ready to save."""
        criteria = self.criteria()
        if not criteria:
            raise RegieError(
                _N("errors", "No picture was received from {device}."),
                _N("errors", "Check that the camera is plugged in and not used by another "
                   "program, then start the check again."),
                device=device,
            )
        w = list(self._window)
        faces = [m.face for m in w if m.face is not None]
        metrics: dict[str, object] = {
            "requested": f"{self.facts.requested[0]}x{self.facts.requested[1]}",
            "negotiated": f"{self.facts.negotiated[0]}x{self.facts.negotiated[1]}",
            "nominal_fps": (round(self.facts.nominal_fps, 2)
                            if self.facts.nominal_fps else None),
            "live": self.facts.live,
            "frames": self._timing.frames,
            "seconds": round(self.elapsed(), 2),
            "window_seconds": self._window_s,
            "mean_luma": round(_median([m.mean for m in w]), 1),
            "dark_clip_pct": round(_median([m.dark_clip for m in w]), 2),
            "bright_clip_pct": round(_median([m.bright_clip for m in w]), 2),
            "face_height_share": round(_median([f.h for f in faces]), 3) if faces else None,
        }
        return CheckResult(
            kind=CheckKind.CAMERA, device=device, criteria=criteria,
            device_key=device_key or device, metrics=metrics,
        )


def _median(values: list[float]) -> float:
    return float(np.median(values)) if values else 0.0


def _low_verdict(value: float, warn_below: float, fail_below: float) -> Verdict:
    if value < fail_below:
        return Verdict.FAIL
    return Verdict.WARN if value < warn_below else Verdict.PASS


def _high_is_bad(value: float, warn_above: float, fail_above: float) -> Verdict:
    if value > fail_above:
        return Verdict.FAIL
    return Verdict.WARN if value > warn_above else Verdict.PASS


def _low_is_bad(
    name: str, value: float, warn_below: float, fail_below: float, advice: str
) -> Criterion:
    verdict = _low_verdict(value, warn_below, fail_below)
    return Criterion(name, round(value, 1), verdict, "" if verdict is Verdict.PASS else advice)
