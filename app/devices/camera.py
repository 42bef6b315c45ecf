"""Cameras through OpenCV: the camera check, run frame by frame.

Everything here may block (drivers do), so it runs in a worker: the screen pulls
`run_check()` through a `StreamWorker`, the CLI iterates it directly (`check_camera`).
By job: `camera_sources` (listing, files as cameras, opening with a timeout),
`camera_capture` (frames from a camera or a file). This module re-exports what the
screens, the CLI and the tests import.

A video or image file can stand in for a camera (`--simulate-camera`): it is played in
real time, looping, like a camera filming that scene.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.checks import CheckResult, Criterion
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.camera_capture import IMAGE_SUFFIXES, Capture, Frame, open_camera
from app.devices.camera_sources import (
    CameraAbsentError,
    CameraBusyError,
    CameraError,
    CameraInfo,
    CameraLostError,
    NeverCancelled,
    Token,
    backend,
    file_source,
    list_cameras,
    parse_source,
)
from app.devices.camera_thumbnail import with_thumbnail
from app.devices.lazy import lazy
from app.devices.video_analysis import (
    CameraCheck,
    FrameAnalyzer,
    Image,
    Thresholds,
    analysis_threads,
    load_thresholds,
)

if TYPE_CHECKING:
    import cv2
else:
    cv2 = lazy("cv2")  # imported when a camera is first used

__all__ = [
    "IMAGE_SUFFIXES",
    "CameraAbsentError",
    "CameraBusyError",
    "CameraError",
    "CameraInfo",
    "CameraLostError",
    "Capture",
    "CheckUpdate",
    "Frame",
    "NeverCancelled",
    "PreviewGate",
    "Token",
    "backend",
    "check_camera",
    "file_source",
    "list_cameras",
    "open_camera",
    "parse_source",
    "preview_frame",
    "quiet_opencv",
    "run_check",
]


class PreviewGate:
    """Lets one preview frame through at a time: a busy screen skips frames instead of
    piling them up in its event queue (memory stays flat).

    The screen also tells it the size it paints the preview at (`fit`): the capture
    thread then scales and converts each preview frame, so the screen only paints it.
    """

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._size: tuple[int, int] | None = None

    def fit(self, width: int, height: int) -> None:
        """Preview frames from now on fit in `width`×`height` device pixels."""
        self._size = (max(1, width), max(1, height))

    @property
    def size(self) -> tuple[int, int] | None:
        return self._size

    def take(self) -> bool:
        if self._open.is_set():
            self._open.clear()
            return True
        return False

    def release(self) -> None:
        self._open.set()


def preview_frame(image: Image, size: tuple[int, int] | None) -> Image:
    """The preview as the screen paints it: `image` itself without a size, else scaled to
    fit `size` (aspect kept) as 32-bit pixels (B, G, R, 255: Qt's RGB32, painted as is)."""
    if size is None:
        return image
    h, w = image.shape[:2]
    k = min(size[0] / w, size[1] / h)
    pw, ph = max(1, round(w * k)), max(1, round(h * k))
    if (pw, ph) != (w, h):
        interp = cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
        image = cv2.resize(image, (pw, ph), interpolation=interp)
    out: Image = cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)
    return out


@dataclass(frozen=True, slots=True)
class CheckUpdate:
    """What the check stream yields: a preview frame and/or fresh verdicts."""

    elapsed: float
    seconds: float
    negotiated: tuple[int, int]
    requested: tuple[int, int]
    preview: Image | None = None
    criteria: dict[str, Criterion] | None = None
    result: CheckResult | None = None  # once, when the check's time is up


def run_check(
    info: CameraInfo,
    token: Token,
    *,
    seconds: float | None = None,
    thresholds: Thresholds | None = None,
    realtime: bool | None = None,
    gate: PreviewGate | None = None,
    keep_previewing: bool = False,
    verdict_interval: float = 0.25,
    opener: Callable[[int], Any] | None = None,
) -> Iterator[CheckUpdate]:
    """Open, analyse every frame, yield updates; the result comes once `seconds` of picture
    were judged (after the warm-up of a live camera).

    With `keep_previewing` the stream goes on after the result (live preview and verdicts)
    until cancelled; otherwise it ends with the result. A recording that ends early gives
    its result on what it had.
    """
    t = thresholds or load_thresholds()
    duration = seconds if seconds is not None else t.get("check", "seconds")
    capture = open_camera(info, thresholds=t, realtime=realtime, opener=opener)
    try:
        analysis_threads()
        analyzer = FrameAnalyzer(t)
        check: CameraCheck | None = None
        warmup = t.get("check", "warmup_seconds") if capture.live else 0.0
        last_verdicts = -1.0
        done = False
        for frame in capture.frames(token):
            if check is None:
                # The driver may negotiate a mode other than the one it reported.
                h, w = frame.image.shape[:2]
                capture.negotiated = (int(w), int(h))
                check = CameraCheck(t, capture.facts)
                check.face_detection_available = analyzer.face_detection_available
            check.add(analyzer.analyze(frame.image, frame.timestamp))
            elapsed = check.elapsed()
            preview = None
            work = analyzer.work_image
            if work is not None and (gate is None or gate.take()):
                preview = preview_frame(work, gate.size if gate else None)
            criteria = None
            if elapsed - last_verdicts >= verdict_interval:
                criteria = check.criteria()
                last_verdicts = elapsed
            result = None
            if not done and elapsed >= duration + warmup and check.judged_frames > 0:
                result = with_thumbnail(check.result(info.name, info.key), frame.image)
                criteria = result.criteria
                done = True
            if preview is not None or criteria is not None or result is not None:
                yield CheckUpdate(elapsed, duration + warmup, capture.negotiated,
                                  capture.requested, preview, criteria, result)
            if done and not keep_previewing:
                return
        if not done and not token.cancelled and check is not None:
            result = with_thumbnail(check.result(info.name, info.key), analyzer.work_image)
            yield CheckUpdate(check.elapsed(), duration + warmup, capture.negotiated,
                              capture.requested, None, result.criteria, result)
        elif check is None and not token.cancelled:
            raise CameraLostError(
                _N("errors", "No picture was received from {device}."),
                _N("errors", "Check that the camera is plugged in and not used by another "
                   "program, then start the check again."),
                device=info.name,
            )
    finally:
        capture.close()


def check_camera(
    info: CameraInfo,
    *,
    seconds: float | None = None,
    thresholds: Thresholds | None = None,
    realtime: bool | None = None,
    token: Token | None = None,
) -> CheckResult:
    """Run a whole check and return its result (the CLI's path)."""
    result: CheckResult | None = None
    for update in run_check(info, token or NeverCancelled(), seconds=seconds,
                            thresholds=thresholds, realtime=realtime):
        if update.result is not None:
            result = update.result
    if result is None:
        raise CameraError(
            _N("errors", "The camera check was cancelled."),
            _N("errors", "Start it again when ready."),
        )
    return result


def quiet_opencv() -> None:
    """OpenCV prints driver chatter on stderr for absent cameras; users need our message."""
    os.environ.setdefault("OPENCV_LOG_LEVEL", "SILENT")
    with contextlib.suppress(AttributeError):  # very old builds lack it
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
