"""Opening cameras: absent, busy, slow to open, unplugged mid-check, listing."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from app.devices import camera, camera_sources
from app.devices.camera import (
    CameraAbsentError,
    CameraBusyError,
    CameraInfo,
    CameraLostError,
    CheckUpdate,
    NeverCancelled,
    PreviewGate,
    list_cameras,
    open_camera,
    run_check,
)
from app.devices.video_analysis import Thresholds, load_thresholds


def quick(tmp_path: Path, **capture: float) -> Thresholds:
    t = load_thresholds()
    values = {s: dict(v) for s, v in t.values.items()}
    values["capture"].update(capture)
    values["check"]["warmup_seconds"] = 0.1
    return Thresholds(values)


CAM = CameraInfo("camera:test", "Test camera", index=0)


def test_absent_camera_index_is_a_clear_error() -> None:
    info = CameraInfo("camera:63", "Camera 63", index=63)  # real OpenCV, no such device
    start = time.monotonic()
    with pytest.raises(CameraAbsentError, match="No camera answers as “Camera 63”") as err:
        open_camera(info)
    assert "plugged in" in err.value.text()
    assert time.monotonic() - start < 5


def test_opening_that_hangs_times_out(tmp_path: Path) -> None:
    released = threading.Event()

    class SlowDriver:
        def __init__(self) -> None:
            time.sleep(0.6)

        def release(self) -> None:
            released.set()

    start = time.monotonic()
    with pytest.raises(CameraBusyError, match=r"did not answer within 0\.2 seconds"):
        open_camera(CAM, thresholds=quick(tmp_path, open_timeout_seconds=0.2),
                    opener=lambda i: SlowDriver())
    assert time.monotonic() - start < 0.5
    assert released.wait(2), "the abandoned driver must be released once it answers"


def test_live_capture_reads_real_frames_then_reports_unplugging(
    video_dir: Path, tmp_path: Path
) -> None:
    """A real VideoCapture stands in for the device: it "unplugs" when the file ends."""
    t = quick(tmp_path, read_timeout_seconds=1.0)
    updates: list[CheckUpdate] = []
    stream = run_check(CAM, NeverCancelled(), seconds=30, thresholds=t,
                       opener=lambda i: cv2.VideoCapture(str(video_dir / "well_lit.avi")))
    with pytest.raises(CameraLostError, match="stopped sending pictures") as err:
        updates.extend(stream)
    assert "cable" in err.value.text()
    assert updates and any(u.preview is not None for u in updates)
    assert not [th for th in threading.enumerate() if th.name == "regie-camera-read"]


class FakeDevice:
    """A device at the hardware edge: frames, then failure or silence."""

    def __init__(self, frames: int, then: str) -> None:
        self.frames = frames
        self.then = then
        self.released = False
        self.image = np.full((720, 1280, 3), 120, np.uint8)

    def isOpened(self) -> bool:
        return True

    def set(self, prop: int, value: float) -> bool:
        return True

    def get(self, prop: int) -> float:
        return {cv2.CAP_PROP_FRAME_WIDTH: 1280.0, cv2.CAP_PROP_FRAME_HEIGHT: 720.0,
                cv2.CAP_PROP_FPS: 30.0}.get(prop, 0.0)

    def read(self) -> tuple[bool, Any]:
        if self.frames > 0:
            self.frames -= 1
            time.sleep(1 / 60)
            return True, self.image
        if self.then == "hang":
            while not self.released:
                time.sleep(0.01)
        return False, None

    def release(self) -> None:
        self.released = True


def test_busy_camera_gives_no_first_frame(tmp_path: Path) -> None:
    device = FakeDevice(0, "fail")
    with pytest.raises(CameraBusyError, match="another program is probably using it"):
        list(run_check(CAM, NeverCancelled(), thresholds=quick(tmp_path),
                       opener=lambda i: device))
    assert device.released


def test_camera_that_stops_answering_times_out(tmp_path: Path) -> None:
    device = FakeDevice(10, "hang")
    start = time.monotonic()
    with pytest.raises(CameraLostError):
        list(run_check(CAM, NeverCancelled(), thresholds=quick(tmp_path,
                       read_timeout_seconds=0.3), opener=lambda i: device))
    assert time.monotonic() - start < 3
    assert device.released


def test_cancel_stops_promptly_and_releases(tmp_path: Path) -> None:
    class Token:
        cancelled = False

    token = Token()
    device = FakeDevice(10_000, "fail")
    gate = PreviewGate()
    stream = run_check(CAM, token, thresholds=quick(tmp_path), opener=lambda i: device,
                       gate=gate, keep_previewing=True)
    first = next(u for u in stream if u.preview is not None)
    assert first.preview is not None and first.preview.shape == (360, 640, 3)
    assert not gate.take()  # the screen has not painted it yet: no second preview
    token.cancelled = True
    list(stream)  # ends at the next frame
    assert device.released


def test_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "notes.avi"
    bad.write_text("not a video")
    with pytest.raises(CameraAbsentError, match="cannot be read"):
        list(run_check(camera.file_source(bad), NeverCancelled()))
    with pytest.raises(CameraAbsentError, match="does not exist"):
        camera.file_source(tmp_path / "missing.mp4")


def test_listing_names_linux_cameras_from_sysfs(tmp_path: Path, video_dir: Path) -> None:
    sysfs = tmp_path / "video4linux"
    for node, name, index in (("video0", "HD Pro Webcam C920", "0"),
                              ("video1", "HD Pro Webcam C920", "1"),
                              ("video2", "Integrated Camera", "0")):
        (sysfs / node).mkdir(parents=True)
        (sysfs / node / "name").write_text(name + "\n")
        (sysfs / node / "index").write_text(index + "\n")
    cams = list_cameras(simulate=video_dir / "scene.png", sysfs=sysfs)
    assert [(c.name, c.index, c.simulated) for c in cams] == [
        ("Simulated camera (scene.png)", None, True),
        ("HD Pro Webcam C920", 0, False),
        ("Integrated Camera", 2, False),
    ]
    assert list_cameras(sysfs=tmp_path / "none") == []


def test_a_usb_webcam_with_a_serial_keeps_its_key_in_any_port(tmp_path: Path) -> None:
    """Its results follow the camera (the inventory matches it by this key)."""
    sysfs = tmp_path / "video4linux"
    usb = tmp_path / "devices" / "usb1" / "1-2"
    for folder, serial in ((usb, "A1B2C3"), (tmp_path / "devices" / "usb1" / "1-3", None)):
        (folder / "1-2:1.0").mkdir(parents=True)
        (folder / "idVendor").write_text("046d\n")
        (folder / "idProduct").write_text("082d\n")
        if serial:
            (folder / "serial").write_text(serial + "\n")
    for node, folder in (("video0", usb), ("video2", tmp_path / "devices" / "usb1" / "1-3")):
        (sysfs / node).mkdir(parents=True)
        (sysfs / node / "name").write_text("HD Pro Webcam C920\n")
        (sysfs / node / "device").symlink_to(folder / "1-2:1.0")
    keys = [c.key for c in list_cameras(sysfs=sysfs)]
    assert keys == ["usb:046d:082d:A1B2C3", "camera:HD Pro Webcam C920"]


def test_listing_elsewhere_uses_names_then_probing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera_sources, "_platform", lambda: "win32")
    named = list_cameras(names=lambda: ["Logitech BRIO", "OBS Virtual Camera"])
    assert [(c.name, c.index) for c in named] == [("Logitech BRIO", 0), ("OBS Virtual Camera", 1)]
    probed = list_cameras(names=list, probe=lambda i: i in (0, 2), max_index=4)
    assert [(c.name, c.index) for c in probed] == [("Camera 0", 0), ("Camera 2", 2)]
    assert camera.backend() == cv2.CAP_DSHOW


@pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "pulseaudio")
def test_qt_names_come_from_qt_multimedia(qapp: Any) -> None:
    from app.devices.camera_names import camera_names

    names = camera_names()  # no camera on this machine: an empty list, no error
    assert isinstance(names, list) and all(isinstance(n, str) for n in names)


def test_qt_names_fall_back_without_qt_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from app.devices.camera_names import camera_names

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    assert camera_names() == []


def test_parse_source(video_dir: Path) -> None:
    known = [CameraInfo("camera:Cam", "Cam", index=1)]
    assert camera.parse_source("1", known).name == "Cam"
    assert camera.parse_source("3", known).name == "Camera 3"
    assert camera.parse_source(str(video_dir / "dark.avi")).key == "file:dark.avi"


def test_a_usb_sound_card_is_known_by_its_serial(tmp_path: Path) -> None:
    from app.devices.usb_ids import sound_usb_key

    usb = tmp_path / "devices" / "usb1" / "1-4"
    (usb / "1-4:1.0").mkdir(parents=True)
    (usb / "idVendor").write_text("0b0e\n")
    (usb / "idProduct").write_text("0420\n")
    (usb / "serial").write_text("5017A1\n")
    sysfs = tmp_path / "sound"
    (sysfs / "card2").mkdir(parents=True)
    (sysfs / "card2" / "device").symlink_to(usb / "1-4:1.0")
    name = "Jabra SPEAK 510 USB: Audio (hw:2,0)"
    assert sound_usb_key(name, sysfs) == "usb:0b0e:0420:5017A1"
    assert sound_usb_key("Jabra SPEAK 510 USB: Audio (hw:3,0)", sysfs) is None  # no card 3
    assert sound_usb_key("pulse", sysfs) is None  # not an ALSA hardware name


def test_preview_is_scaled_and_converted_in_the_capture_thread(tmp_path: Path) -> None:
    """Given the screen's size, preview frames come ready to paint: fitted, 32-bit."""

    class Token:
        cancelled = False

    token = Token()
    device = FakeDevice(10_000, "fail")
    gate = PreviewGate()
    gate.fit(400, 300)
    stream = run_check(CAM, token, thresholds=quick(tmp_path), opener=lambda i: device,
                       gate=gate, keep_previewing=True)
    first = next(u for u in stream if u.preview is not None)
    token.cancelled = True
    list(stream)
    assert first.preview is not None and first.preview.shape == (225, 400, 4)
    assert first.preview.flags["C_CONTIGUOUS"]
    assert int(first.preview[..., 3].min()) == 255  # opaque: Qt's RGB32 as it is
    assert cv2.mean(first.preview[..., :3])[:3] == (120, 120, 120, 0)[:3]  # the picture


def test_preview_frame_fits_either_way() -> None:
    image = np.zeros((360, 640, 3), np.uint8)
    image[:, :, 2] = 200  # red, in OpenCV's B, G, R order
    assert camera.preview_frame(image, None) is image
    tall = camera.preview_frame(image, (320, 1000))
    assert tall.shape == (180, 320, 4)
    assert tuple(int(v) for v in tall[90, 160]) == (0, 0, 200, 255)
    wide = camera.preview_frame(image, (5000, 720))
    assert wide.shape == (720, 1280, 4)


def test_the_check_analyses_with_one_opencv_thread(tmp_path: Path) -> None:
    """OpenCV's thread pool costs CPU time and jitter on pictures this small: the check's
    worker turns it down to one thread when it starts."""

    class Token:
        cancelled = False

    before = cv2.getNumThreads()
    cv2.setNumThreads(2)
    try:
        token = Token()
        stream = run_check(CAM, token, thresholds=quick(tmp_path),
                           opener=lambda i: FakeDevice(10_000, "fail"), keep_previewing=True)
        next(u for u in stream if u.preview is not None)
        assert cv2.getNumThreads() == 1
        token.cancelled = True
        list(stream)
    finally:
        cv2.setNumThreads(before)


def test_a_simulated_camera_loops_its_video_without_a_pause(tmp_path: Path) -> None:
    """A simulated camera plays its video again and again at the video's pace: the frame
    after the last one comes one frame interval later, not a whole video later (which the
    check counted as frames the camera lost)."""
    from tests.camera import videos

    path = videos.make("well_lit", tmp_path, size=(320, 180), count=6)
    capture = open_camera(camera_sources.file_source(path, simulated=True),
                          thresholds=quick(tmp_path))
    try:
        stamps = [f.timestamp for f in itertools.islice(capture.frames(NeverCancelled()), 15)]
    finally:
        capture.close()
    steps = np.diff(stamps)
    assert steps == pytest.approx([1 / 30] * 14, abs=0.002), steps
