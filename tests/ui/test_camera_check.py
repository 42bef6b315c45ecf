"""The camera screen on a simulated camera: preview, verdicts, save, clean cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.core.checks import CheckKind, Verdict
from app.core.models import SessionDraft, SessionMode
from app.devices.video_analysis import Thresholds, load_thresholds
from app.services import Services
from app.ui.camera_check import CameraCheckArea
from app.ui.workers import ImmediatePool
from tests.camera import videos
from tests.support.fixtures import FIXED_NOW

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio")


@pytest.fixture(scope="module")
def scene_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sim") / "scene.png"
    cv2.imwrite(str(path), videos.scene(0.5))
    return path


def short() -> Thresholds:
    t = load_thresholds()
    values = {s: dict(v) for s, v in t.values.items()}
    values["check"]["seconds"] = 1.0
    values["stability"]["window_seconds"] = 0.8
    return Thresholds(values)


def make_area(qtbot: QtBot, services: Services, sim: Path) -> CameraCheckArea:
    area = CameraCheckArea(services, sim, pool=ImmediatePool(), thresholds=short())
    qtbot.addWidget(area)
    area.show()
    assert area.devices.count() >= 1
    assert area.devices.currentText() == "Simulated camera (scene.png)"
    return area


def no_camera_threads() -> bool:
    return not [t for t in threading.enumerate() if t.name.startswith("regie-camera")]


def test_preview_verdicts_and_saved_result(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    area = make_area(qtbot, services, scene_png)
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        area.start_button.click()
        assert area.stop_button.isEnabled()
    check_id, session_id = saved.args
    assert session_id is None
    assert area.preview_count > 5
    assert area.preview.pixmap() is not None and not area.preview.pixmap().isNull()
    assert area.overall.verdict is Verdict.PASS
    assert area.rows["exposure"].badge.verdict is Verdict.PASS
    assert area.rows["resolution"].value.text() == "1280×720"
    assert "1280×720" in area.resolution_label.text()
    assert area.progress.value() == 100
    assert area.save_button.isEnabled()
    history = services.checks.history(kind=CheckKind.CAMERA)
    assert [h.id for h in history] == [check_id]
    assert history[0].device_key == "simulated:scene.png"

    count = area.preview_count
    qtbot.waitUntil(lambda: area.preview_count > count + 3, timeout=5000)  # live after
    area.stop()
    assert area.start_button.isEnabled()
    assert not area.running
    assert no_camera_threads()
    assert not [t for t in area.findChildren(QThread) if t.isRunning()]


def test_cancel_stops_the_worker_cleanly(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    area = make_area(qtbot, services, scene_png)
    area.start()
    qtbot.waitUntil(lambda: area.preview_count >= 2, timeout=5000)
    area.stop_button.click()
    assert not area.running
    assert no_camera_threads()
    assert not [t for t in area.findChildren(QThread) if t.isRunning()]
    assert area.status.text() == "Check stopped."
    assert services.checks.history() == []  # a cancelled check saves nothing
    count = area.preview_count
    qtbot.wait(200)
    assert area.preview_count == count  # nothing arrives after the stop


def test_check_for_a_session_and_bad_file(
    qtbot: QtBot, services: Services, scene_png: Path, tmp_path: Path
) -> None:
    refs = services.references
    branch = refs.add_branch("CEN", "Centrale")
    type_id = refs.session_types()[0].id
    sid = services.session_repo.add(SessionDraft(
        title="Atelier numérique", type_id=type_id, branch_id=branch,
        start=FIXED_NOW, end=FIXED_NOW.replace(hour=12), mode=SessionMode.HYBRID,
        capacity=10))
    area = make_area(qtbot, services, scene_png)
    area.open_for_session(sid)
    assert "Atelier numérique" in area.session_label.text()
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        area.start()
    assert saved.args[1] == sid
    assert [c.kind for c in services.checks.latest_for_session(sid)] == [CheckKind.CAMERA]
    area.hide()  # leaving the screen frees the camera
    assert not area.running and no_camera_threads()

    broken = tmp_path / "broken.avi"
    broken.write_text("no video here")
    other = CameraCheckArea(services, broken, pool=ImmediatePool(), thresholds=short())
    qtbot.addWidget(other)
    other.start()
    qtbot.waitUntil(lambda: not other.running, timeout=5000)
    assert "cannot be read" in other.status.text()
    assert other.start_button.isEnabled()
