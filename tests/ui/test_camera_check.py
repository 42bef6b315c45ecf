"""The camera screen on a simulated camera: preview, verdicts, save, clean cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThread
from pytestqt.qtbot import QtBot

from app.core.checks import CheckKind, Verdict
from app.core.models import SessionDraft, SessionMode
from app.devices.video_analysis import Thresholds, load_thresholds
from app.services import Services
from app.ui.camera_check import CameraCheckArea
from app.ui.choosers import SETTING_BRANCH, SessionChoiceDialog
from app.ui.workers import ImmediatePool
from tests.camera import videos
from tests.support.fixtures import FIXED_NOW
from tests.ui.check_targets import add_sessions, saved_checks

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


def wait_for_choice(qtbot: QtBot, area: CameraCheckArea) -> SessionChoiceDialog:
    """The question a check started without a session asks once its result is in."""

    def shown() -> list[SessionChoiceDialog]:
        return [d for d in area.findChildren(SessionChoiceDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10_000)
    return shown()[0]


def no_camera_threads() -> bool:
    return not [t for t in threading.enumerate() if t.name.startswith("regie-camera")]


def test_preview_verdicts_and_saved_result(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    area = make_area(qtbot, services, scene_png)
    area.start_button.click()
    assert area.stop_button.isEnabled()
    choice = wait_for_choice(qtbot, area)  # started without a session: which one?
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        choice.choose(None)  # none: a test of the equipment
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
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


def verdicts_shown(area: CameraCheckArea) -> list[Verdict | None]:
    return [area.overall.verdict, *(row.badge.verdict for row in area.rows.values())]


def test_a_check_opened_for_a_session_starts_clean(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    ids = add_sessions(services)
    area = make_area(qtbot, services, scene_png)
    area.open_for_session(ids["today"])
    with qtbot.waitSignal(area.checkSaved, timeout=10_000):
        area.start()
    assert area.status.text() == "Result saved for the session."
    assert area.overall.verdict is Verdict.PASS and area.progress.value() == 100
    area.stop()

    area.open_for_session(ids["tomorrow"])
    assert "Café FLE" in area.session_label.text()
    assert "Atelier numérique" not in area.session_label.text()
    assert area.status.text() == ""  # no "Result saved." from the other session
    assert area.progress.value() == 0
    assert verdicts_shown(area) == [None] * (1 + len(area.rows))
    assert area.overall_text.text() == ""
    assert all(row.value.text() == "—" for row in area.rows.values())
    assert area.resolution_label.text() == "" and area.preview.pixmap().isNull()
    assert not area.save_button.isEnabled()


def test_a_result_stays_with_the_session_it_was_measured_for(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    ids = add_sessions(services)
    area = make_area(qtbot, services, scene_png)
    area.open_for_session(ids["today"])
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        area.start()
    assert saved.args[1] == ids["today"]
    area.stop()

    # Another session is opened: what was measured for the first one is not filed under
    # it, not even by "Save again".
    area.open_for_session(ids["tomorrow"])
    area.save_current()
    area.save_button.click()
    assert saved_checks(services) == [(ids["today"], False)]

    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        area.start()
    assert saved.args[1] == ids["tomorrow"]
    area.stop()
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as again:
        area.save_button.click()  # save again: the same session
    assert again.args[1] == ids["tomorrow"]
    assert saved_checks(services) == [
        (ids["today"], False), (ids["tomorrow"], False), (ids["tomorrow"], False)]


def test_a_check_from_the_sidebar_asks_which_session_it_was_for(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    ids = add_sessions(services)
    QSettings().setValue(SETTING_BRANCH, ids["cen"])  # the agent works at Centrale
    area = make_area(qtbot, services, scene_png)
    assert "you will be asked which session" in area.session_label.text()
    area.start()
    choice = wait_for_choice(qtbot, area)
    assert choice.windowModality() is Qt.WindowModality.WindowModal  # open(), not exec()
    count = area.preview_count
    qtbot.waitUntil(lambda: area.preview_count > count + 2, timeout=5000)  # not blocked
    assert services.checks.history() == []  # nothing saved before the answer
    assert choice.branch.currentData() == ids["cen"]
    # Today's and the coming week's sessions of the branch, after the equipment test.
    assert choice.session_ids() == [0, ids["today"], ids["tomorrow"]]
    assert choice.sessions.selectedItems() == [] and not choice.confirm_button.isEnabled()
    choice.branch.setCurrentIndex(choice.branch.findData(None))  # all branches
    assert choice.session_ids() == [0, ids["today"], ids["nord"], ids["tomorrow"]]
    choice.branch.setCurrentIndex(choice.branch.findData(ids["cen"]))
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        choice.choose(ids["today"])
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert saved.args[1] == ids["today"]
    assert "Atelier numérique" in area.session_label.text()
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as again:
        area.save_button.click()  # the choice is kept: no second question
    assert again.args[1] == ids["today"]
    assert not [d for d in area.findChildren(SessionChoiceDialog) if d.isVisible()]
    area.stop()

    # The next check asks again; "Not now" saves nothing, "Save again" asks once more.
    area.start()
    choice = wait_for_choice(qtbot, area)
    qtbot.mouseClick(choice.buttons.buttons()[1], Qt.MouseButton.LeftButton)  # Not now
    assert "not saved" in area.status.text()
    assert len(services.checks.history()) == 2
    area.stop()
    area.save_button.click()
    choice = wait_for_choice(qtbot, area)
    with qtbot.waitSignal(area.checkSaved, timeout=10_000) as saved:
        choice.choose(None)
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert saved.args[1] is None
    assert "equipment" in area.session_label.text()
    assert saved_checks(services) == [(ids["today"], False), (ids["today"], False),
                                      (None, True)]


def test_preview_frames_arrive_ready_to_paint(
    qtbot: QtBot, services: Services, scene_png: Path
) -> None:
    """The capture thread fits each preview to the screen's preview and converts it: the
    GUI thread only wraps and paints it (no scaling there)."""
    long = load_thresholds()
    values = {s: dict(v) for s, v in long.values.items()}
    values["check"]["seconds"] = 60.0  # no result (nor question) during this test
    area = CameraCheckArea(services, scene_png, pool=ImmediatePool(),
                           thresholds=Thresholds(values))
    qtbot.addWidget(area)
    area.show()
    area.resize(900, 600)
    area.start()
    worker = area._worker
    assert worker is not None
    shapes: list[tuple[int, ...]] = []
    worker.item.connect(lambda u: shapes.append(u.preview.shape)
                        if u.preview is not None else None)
    qtbot.waitUntil(lambda: len(shapes) >= 3, timeout=5000)
    size = area.preview.size()
    h, w, depth = shapes[-1]
    assert depth == 4
    assert (w == size.width() and h <= size.height()) or (h == size.height()
                                                           and w <= size.width())
    pixmap = area.preview.pixmap()
    assert (pixmap.width(), pixmap.height()) == (w, h)
    shot = area.preview.grab().toImage()  # the frame is painted, centred
    centre = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    assert centre.name() != "#202020" and centre == pixmap.toImage().pixelColor(w // 2, h // 2)
    area.resize(640, 500)  # a smaller screen gets smaller frames from then on
    qtbot.waitUntil(lambda: shapes[-1][1] <= area.preview.width()
                    and shapes[-1][1] < w, timeout=5000)
    area.stop()


class _PaintSpy(QObject):
    """Records, for each paint of a widget, whether a frame's update was being shown."""

    def __init__(self, busy: list[bool]) -> None:
        super().__init__()
        self.busy = busy
        self.paints: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints.append(self.busy[0])
        return False


def test_progress_is_painted_with_the_window_not_inside_each_update(
    qtbot: QtBot, services: Services, scene_png: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A progress bar repaints at once when its value changes: the verdicts' update must
    leave that paint to the event loop, not hold the GUI thread for it."""
    area = make_area(qtbot, services, scene_png)
    busy = [False]
    real = area._on_update

    def on_update(update: object) -> None:
        busy[0] = True
        try:
            real(update)  # type: ignore[arg-type]
        finally:
            busy[0] = False

    monkeypatch.setattr(area, "_on_update", on_update)
    spy = _PaintSpy(busy)
    area.progress.installEventFilter(spy)
    area.start_button.click()
    choice = wait_for_choice(qtbot, area)
    qtbot.waitUntil(lambda: bool(spy.paints) and not busy[0], timeout=5000)
    assert area.progress.value() == 100
    assert spy.paints and not any(spy.paints), spy.paints
    choice.reject()
    area.stop()


def test_the_operator_is_looked_up_off_the_gui_thread(
    qtbot: QtBot, services: Services, scene_png: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first lookup of who is at the keyboard loads a module: with the save, in the
    worker, not on the GUI thread when the result comes in."""
    import app.ui.camera_check as camera_check
    from app.config import operator_name as real

    threads: list[bool] = []

    def spy() -> str:
        threads.append(threading.current_thread() is threading.main_thread())
        return real()

    monkeypatch.setattr(camera_check, "operator_name", spy)
    area = CameraCheckArea(services, scene_png, thresholds=short())  # the real thread pool
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(area.start_button.isEnabled, timeout=10_000)  # cameras listed
    area.start_button.click()
    choice = wait_for_choice(qtbot, area)
    with qtbot.waitSignal(area.checkSaved, timeout=10_000):
        choice.choose(None)
        qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    assert threads == [False]
    area.stop()
