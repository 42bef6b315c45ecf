"""Cameras through OpenCV: listing, opening with a timeout, and a stream of frames.

Everything here may block (drivers do), so it runs in a worker: the screen pulls
`run_check()` through a `StreamWorker`, the CLI iterates it directly. A live camera is read
by its own reader thread, so a driver that hangs on `read()` (camera unplugged) turns into
a clear error after `capture.read_timeout_seconds` instead of a frozen screen.

A video or image file can stand in for a camera (`--simulate-camera`): it is played in
real time, looping, like a camera filming that scene. A still image gets light sensor
noise, as a real camera filming a still scene would, so it is not taken for a frozen feed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from app.core.checks import CheckResult, Criterion
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.video_analysis import (
    CameraCheck,
    CaptureFacts,
    FrameAnalyzer,
    Image,
    Thresholds,
    load_thresholds,
)
from app.errors import RegieError

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})


class Token(Protocol):
    """Anything with a `cancelled` flag (the UI's CancelToken, or a plain object)."""

    @property
    def cancelled(self) -> bool: ...


class NeverCancelled:
    cancelled = False


# ---------------------------------------------------------------- errors


class CameraError(RegieError):
    """The camera could not be used; the message says why and what to do."""


class CameraAbsentError(CameraError):
    pass


class CameraBusyError(CameraError):
    pass


class CameraLostError(CameraError):
    pass


# ---------------------------------------------------------------- devices


@dataclass(frozen=True, slots=True)
class CameraInfo:
    """A camera the user can pick: a device index, or a file standing in for one."""

    key: str
    name: str
    index: int | None = None
    path: Path | None = None
    simulated: bool = False

    @property
    def is_file(self) -> bool:
        return self.path is not None

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "index": self.index,
            "path": str(self.path) if self.path else None,
            "simulated": self.simulated,
        }


def file_source(path: Path, *, simulated: bool = False) -> CameraInfo:
    """A video or image file as a camera; it must exist."""
    path = path.expanduser()
    if not path.is_file():
        raise CameraAbsentError(
            _N("errors", "The file {path} does not exist."),
            _N("errors", "Give the path of a video (.mp4, .avi) or an image (.png, .jpg)."),
            path=str(path),
        )
    if simulated:
        return CameraInfo(f"simulated:{path.name}", f"Simulated camera ({path.name})",
                          path=path.resolve(), simulated=True)
    return CameraInfo(f"file:{path.name}", path.name, path=path.resolve())


def parse_source(text: str, cameras: list[CameraInfo] | None = None) -> CameraInfo:
    """`--source`: a device index ("0") or a file path."""
    if text.strip().isdigit():
        index = int(text)
        for cam in cameras or []:
            if cam.index == index:
                return cam
        return CameraInfo(f"camera:{index}", f"Camera {index}", index=index)
    return file_source(Path(text))


def _platform() -> str:
    return sys.platform


def backend() -> int:
    """The capture API of this platform: fast to open and able to name modes."""
    platform = _platform()
    if platform.startswith("win"):
        return int(cv2.CAP_DSHOW)
    if platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    if platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    return int(cv2.CAP_ANY)


def list_cameras(
    *,
    simulate: Path | None = None,
    sysfs: Path = Path("/sys/class/video4linux"),
    names: Callable[[], list[str]] | None = None,
    probe: Callable[[int], bool] | None = None,
    max_index: int | None = None,
) -> list[CameraInfo]:
    """The cameras of this computer, with human names where the system gives them.

    Linux names come from V4L2 (sysfs); elsewhere from Qt Multimedia when available, and
    as a last resort device indexes are probed (slow: call from a worker).
    """
    found: list[CameraInfo] = []
    if simulate is not None:
        found.append(file_source(simulate, simulated=True))
    if _platform().startswith("linux"):
        found.extend(_v4l2_cameras(sysfs))
        return found
    if names is None:
        from app.devices.camera_names import camera_names

        names = camera_names
    human = names()
    if human:
        found.extend(CameraInfo(f"camera:{n}", n, index=i) for i, n in enumerate(human))
        return found
    limit = max_index if max_index is not None else load_thresholds().int(
        "capture", "probe_max_index")
    probe = probe or _probe_index
    found.extend(
        CameraInfo(f"camera:{i}", f"Camera {i}", index=i) for i in range(limit) if probe(i)
    )
    return found


def _v4l2_cameras(sysfs: Path) -> list[CameraInfo]:
    """Capture nodes only: a webcam also exposes a metadata node (index 1)."""
    cams: list[CameraInfo] = []
    if not sysfs.is_dir():
        return cams
    nodes = sorted(sysfs.glob("video*"), key=lambda p: int(p.name[5:] or 0))
    for node in nodes:
        if not node.name[5:].isdigit():
            continue
        try:
            if (node / "index").is_file() and (node / "index").read_text().strip() != "0":
                continue
            name = (node / "name").read_text().strip() or node.name
        except OSError:
            continue
        index = int(node.name[5:])
        cams.append(CameraInfo(f"camera:{name}", name, index=index))
    return cams


def _probe_index(index: int) -> bool:
    try:
        cap = _open_with_timeout(lambda: cv2.VideoCapture(index, backend()), 3.0, str(index))
    except CameraError:
        return False
    cap.release()
    return True


# ---------------------------------------------------------------- opening


def _open_with_timeout(factory: Callable[[], Any], timeout: float, name: str) -> Any:
    """Open in a helper thread; a driver that hangs must not hang the caller.

    If the time runs out, the thread is left to finish and releases what it opened.
    """
    box: dict[str, Any] = {}
    lock = threading.Lock()
    abandoned = threading.Event()

    def target() -> None:
        try:
            cap = factory()
        except Exception as err:  # a driver error is reported like an absent camera
            with lock:
                box["error"] = err
            return
        with lock:
            if abandoned.is_set():
                cap.release()
            else:
                box["cap"] = cap

    thread = threading.Thread(target=target, name=f"regie-camera-open-{name}", daemon=True)
    thread.start()
    thread.join(timeout)
    with lock:
        if "cap" not in box and "error" not in box:
            abandoned.set()
            raise CameraBusyError(
                _N("errors", "The camera “{name}” did not answer within {seconds} seconds."),
                _N("errors", "Another program (Zoom, Teams…) may be using it: close that "
                   "program, or unplug and replug the camera, then try again."),
                name=name, seconds=f"{timeout:g}",
            )
    if "error" in box:
        raise CameraAbsentError(
            _N("errors", "The camera “{name}” could not be opened: {detail}."),
            _N("errors", "Check that it is plugged in, then try again."),
            name=name, detail=str(box["error"]),
        )
    return box["cap"]


@dataclass(frozen=True, slots=True)
class Frame:
    image: Image
    timestamp: float  # seconds: capture clock for a camera, media time for a file
    number: int


class Capture:
    """An opened camera or file that yields frames; `close()` releases it."""

    def __init__(
        self,
        info: CameraInfo,
        cap: Any,
        *,
        live: bool,
        requested: tuple[int, int],
        read_timeout: float,
        realtime: bool,
        still: Image | None = None,
    ) -> None:
        self.info = info
        self.live = live
        self.requested = requested
        self.realtime = realtime
        self._cap = cap
        self._still = still
        self._read_timeout = read_timeout
        fps = float(cap.get(cv2.CAP_PROP_FPS)) if cap is not None else 30.0
        self.nominal_fps: float | None = fps if fps > 0 and fps < 1000 else None
        if still is not None:
            self.negotiated = (int(still.shape[1]), int(still.shape[0]))
        else:
            self.negotiated = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
                               int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._stop = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def facts(self) -> CaptureFacts:
        return CaptureFacts(self.requested, self.negotiated, self.nominal_fps, self.live)

    def frames(self, token: Token) -> Iterator[Frame]:
        """Frames until cancelled (or the end of a recording); errors say what to do."""
        if self._still is not None:
            yield from self._still_frames(token)
        elif self.live:
            yield from self._live_frames(token)
        else:
            yield from self._file_frames(token)

    def close(self) -> None:
        self._stop.set()
        if self._reader is not None:
            self._reader.join(self._read_timeout + 1.0)
            self._reader = None
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def __enter__(self) -> Capture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- live cameras: a reader thread, so a hung driver cannot hang the caller

    def _live_frames(self, token: Token) -> Iterator[Frame]:
        frames: queue.Queue[Frame | BaseException | None] = queue.Queue(maxsize=2)
        self._reader = threading.Thread(
            target=self._read_live, args=(frames,), name="regie-camera-read", daemon=True
        )
        self._reader.start()
        last = time.monotonic()
        got_any = False
        while not token.cancelled:
            try:
                item = frames.get(timeout=0.1)
            except queue.Empty:
                if time.monotonic() - last > self._read_timeout:
                    raise self._lost(got_any) from None
                continue
            if item is None:
                raise self._lost(got_any)
            if isinstance(item, BaseException):
                raise self._lost(got_any) from item
            last = time.monotonic()
            got_any = True
            yield item

    def _read_live(self, out: queue.Queue[Frame | BaseException | None]) -> None:
        number = 0
        cap = self._cap
        while not self._stop.is_set():
            try:
                ok, image = cap.read()
            except Exception as err:
                _put_latest(out, err)
                return
            stamp = time.monotonic()
            if not ok or image is None:
                _put_latest(out, None)
                return
            _put_latest(out, Frame(image, stamp, number))
            number += 1

    def _lost(self, got_any: bool) -> CameraError:
        if not got_any:
            return CameraBusyError(
                _N("errors", "The camera “{name}” gives no picture: another program is "
                   "probably using it."),
                _N("errors", "Close Zoom, Teams or any other program using the camera, then "
                   "start the check again."),
                name=self.info.name,
            )
        return CameraLostError(
            _N("errors", "The camera “{name}” stopped sending pictures."),
            _N("errors", "Check its cable (it may have been unplugged), then start the check "
               "again."),
            name=self.info.name,
        )

    # -- files

    def _file_frames(self, token: Token) -> Iterator[Frame]:
        cap = self._cap
        interval = 1.0 / (self.nominal_fps or 30.0)
        number = 0
        offset = 0.0  # media time added at each loop of a simulated camera
        previous = -1.0
        started = time.monotonic()
        while not token.cancelled:
            ok, image = cap.read()
            if not ok or image is None:
                if number == 0 or not self.realtime:
                    if number == 0:
                        raise CameraAbsentError(
                            _N("errors", "The video {path} has no picture that can be "
                               "read."),
                            _N("errors", "Use an .mp4 or .avi video, or a .png or .jpg "
                               "image."),
                            path=str(self.info.path),
                        )
                    return
                offset = previous + interval
                cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                continue
            media = cap.get(cv2.CAP_PROP_POS_MSEC) / 1000.0
            stamp = offset + (media if media > 0 or number == 0 else number * interval)
            if stamp <= previous:  # some containers report no times: count frames instead
                stamp = previous + interval
            previous = stamp
            if self.realtime and _sleep_until(started + stamp, token):
                return
            yield Frame(image, stamp, number)
            number += 1

    def _still_frames(self, token: Token) -> Iterator[Frame]:
        assert self._still is not None
        variants = _noisy_variants(self._still)
        interval = 1.0 / (self.nominal_fps or 30.0)
        started = time.monotonic()
        number = 0
        while not token.cancelled:
            stamp = number * interval
            if self.realtime and _sleep_until(started + stamp, token):
                return
            yield Frame(variants[number % len(variants)], stamp, number)
            number += 1


def _put_latest(out: queue.Queue[Any], item: object) -> None:
    """Keep the newest frames: a slow consumer drops old ones, never blocks the driver."""
    while True:
        try:
            out.put_nowait(item)
            return
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                out.get_nowait()


def _sleep_until(deadline: float, token: Token) -> bool:
    """Pace a simulated camera; True if cancelled while waiting."""
    while True:
        if token.cancelled:
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(left, 0.05))


def _noisy_variants(image: Image, count: int = 4, sigma: float = 1.5) -> list[Image]:
    rng = np.random.default_rng(0)
    out = []
    for _ in range(count):
        noise = rng.normal(0.0, sigma, image.shape)
        out.append(np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8))
    return out


def open_camera(
    info: CameraInfo,
    *,
    thresholds: Thresholds | None = None,
    realtime: bool | None = None,
    opener: Callable[[int], Any] | None = None,
) -> Capture:
    """Open a camera (with a timeout) or a file standing in for one.

    `realtime` paces a file like a camera (default: only for a simulated camera); a
    recording analysed with `realtime=False` runs as fast as it decodes.
    `opener` replaces `cv2.VideoCapture` for a device index (tests of hardware edges).
    """
    t = thresholds or load_thresholds()
    requested = (t.int("capture", "width"), t.int("capture", "height"))
    read_timeout = t.get("capture", "read_timeout_seconds")
    if info.path is not None:
        pace = info.simulated if realtime is None else realtime
        return _open_file(info, requested, read_timeout, pace)
    assert info.index is not None
    index = info.index
    open_fn = opener or (lambda i: cv2.VideoCapture(i, backend()))
    cap = _open_with_timeout(lambda: open_fn(index), t.get("capture", "open_timeout_seconds"),
                             info.name)
    if not cap.isOpened():
        cap.release()
        raise CameraAbsentError(
            _N("errors", "No camera answers as “{name}”."),
            _N("errors", "Check that it is plugged in (try another USB port); if another "
               "program (Zoom, Teams…) uses it, close that program, then try again."),
            name=info.name,
        )
    if backend() == int(cv2.CAP_V4L2):
        # USB webcams deliver 720p at full rate only in MJPG.
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
    cap.set(cv2.CAP_PROP_FRAME_WIDTH, requested[0])
    cap.set(cv2.CAP_PROP_FRAME_HEIGHT, requested[1])
    cap.set(cv2.CAP_PROP_FPS, t.get("capture", "fps"))
    return Capture(info, cap, live=True, requested=requested, read_timeout=read_timeout,
                   realtime=True)


def _open_file(
    info: CameraInfo, requested: tuple[int, int], read_timeout: float, realtime: bool
) -> Capture:
    path = info.path
    assert path is not None
    if path.suffix.lower() in IMAGE_SUFFIXES:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is None:
            raise _unreadable(path)
        return Capture(info, None, live=False, requested=requested, read_timeout=read_timeout,
                       realtime=realtime, still=image)
    cap = cv2.VideoCapture(str(path))
    if not cap.isOpened():
        cap.release()
        raise _unreadable(path)
    return Capture(info, cap, live=False, requested=requested, read_timeout=read_timeout,
                   realtime=realtime)


def _unreadable(path: Path) -> CameraError:
    return CameraAbsentError(
        _N("errors", "The file {path} cannot be read as a video or an image."),
        _N("errors", "Use an .mp4 or .avi video, or a .png or .jpg image."),
        path=str(path),
    )


# ---------------------------------------------------------------- a whole check


class PreviewGate:
    """Lets one preview frame through at a time: a busy screen skips frames instead of
    piling them up in its event queue (memory stays flat)."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()

    def take(self) -> bool:
        if self._open.is_set():
            self._open.clear()
            return True
        return False

    def release(self) -> None:
        self._open.set()


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
            preview = analyzer.work_image if gate is None or gate.take() else None
            criteria = None
            if elapsed - last_verdicts >= verdict_interval:
                criteria = check.criteria()
                last_verdicts = elapsed
            result = None
            if not done and elapsed >= duration + warmup and check.judged_frames > 0:
                result = check.result(info.name, info.key)
                criteria = result.criteria
                done = True
            if preview is not None or criteria is not None or result is not None:
                yield CheckUpdate(elapsed, duration + warmup, capture.negotiated,
                                  capture.requested, preview, criteria, result)
            if done and not keep_previewing:
                return
        if not done and not token.cancelled and check is not None:
            result = check.result(info.name, info.key)
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
