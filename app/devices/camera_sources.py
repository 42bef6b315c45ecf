"""Which cameras there are: device indexes with their human names, or a video or image
file standing in for one, and opening a device with a timeout (drivers may hang).

Listing may probe devices (slow): call it from a worker.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.devices.lazy import lazy
from app.devices.usb_ids import usb_key
from app.devices.video_analysis import load_thresholds
from app.errors import RegieError

if TYPE_CHECKING:
    import cv2
else:
    cv2 = lazy("cv2")  # imported when a camera is first used


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


# Device numbers go no higher on any system Régie runs on (Linux's /dev/video* stop far
# below); a longer one would only reach OpenCV as an integer it cannot take.
MAX_CAMERA_INDEX = 255


def file_source(path: Path, *, simulated: bool = False) -> CameraInfo:
    """A video or image file as a camera; it must exist and be a file."""
    path = path.expanduser()
    if not path.is_file():
        fix = _N("errors", "Give the path of a video (.mp4, .avi) or an image (.png, .jpg).")
        if path.is_dir():
            raise CameraAbsentError(
                _N("errors", "{path} is a folder, not a video or image file."), fix,
                path=str(path),
            )
        if path.exists():
            raise CameraAbsentError(
                _N("errors", "{path} is not a video or image file."), fix, path=str(path)
            )
        raise CameraAbsentError(
            _N("errors", "The file {path} does not exist."), fix, path=str(path)
        )
    if simulated:
        return CameraInfo(f"simulated:{path.name}", f"Simulated camera ({path.name})",
                          path=path.resolve(), simulated=True)
    return CameraInfo(f"file:{path.name}", path.name, path=path.resolve())


def parse_source(text: str, cameras: list[CameraInfo] | None = None) -> CameraInfo:
    """`--source`: a device index ("0") or a file path."""
    number = text.strip()
    if number.isascii() and number.isdigit():
        if len(number) > len(str(MAX_CAMERA_INDEX)) or int(number) > MAX_CAMERA_INDEX:
            raise CameraAbsentError(
                _N("errors", "There is no camera {index}: camera numbers go from 0 to {max}."),
                _N("errors", "See the cameras with “regie check camera --list”."),
                index=number,
                max=MAX_CAMERA_INDEX,
            )
        index = int(number)
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
        cams.append(CameraInfo(_usb_key(node) or f"camera:{name}", name, index=index))
    return cams


def _usb_key(node: Path) -> str | None:
    """The USB key of a V4L2 node's webcam (`app.devices.usb_ids`): its results follow
    the camera in any port. Cameras without a serial keep their name."""
    return usb_key(node / "device")


def _probe_index(index: int) -> bool:
    try:
        cap = open_with_timeout(lambda: cv2.VideoCapture(index, backend()), 3.0, str(index))
    except CameraError:
        return False
    cap.release()
    return True



# ---------------------------------------------------------------- opening


def open_with_timeout(factory: Callable[[], Any], timeout: float, name: str) -> Any:
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
