"""An opened camera or file as a stream of frames.

A live camera is read by its own reader thread, so a driver that hangs on `read()`
(camera unplugged) turns into a clear error after `capture.read_timeout_seconds` instead
of a frozen screen. A file stands in for a camera in real time, looping; a still image
gets light sensor noise, as a real camera filming a still scene would, so it is not
taken for a frozen feed.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.camera_sources import (
    CameraAbsentError,
    CameraBusyError,
    CameraError,
    CameraInfo,
    CameraLostError,
    Token,
    backend,
    open_with_timeout,
)
from app.devices.lazy import lazy
from app.devices.video_analysis import CaptureFacts, Image, Thresholds, load_thresholds

if TYPE_CHECKING:
    import cv2
    import numpy as np
else:
    cv2 = lazy("cv2")  # imported when a camera is first used
    np = lazy("numpy")

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})


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
        in_loop = 0  # frames read since the file (re)started
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
                in_loop = 0
                cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                continue
            media = cap.get(cv2.CAP_PROP_POS_MSEC) / 1000.0
            # A loop's first frame is at media time 0, like the file's.
            stamp = offset + (media if media > 0 or in_loop == 0 else in_loop * interval)
            if stamp <= previous:  # some containers report no times: count frames instead
                stamp = previous + interval
            previous = stamp
            if self.realtime and _sleep_until(started + stamp, token):
                return
            yield Frame(image, stamp, number)
            number += 1
            in_loop += 1

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
    cap = open_with_timeout(lambda: open_fn(index), t.get("capture", "open_timeout_seconds"),
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
