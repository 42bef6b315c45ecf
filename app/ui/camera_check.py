"""The camera area: pick a camera, watch the live preview, read a verdict per criterion.

Capture and analysis run in a `StreamWorker` thread (`app.devices.camera.run_check`); this
widget only paints what it is sent. Preview frames pass a `PreviewGate`, so a busy screen
skips frames rather than queueing them. The result is saved when the check's time is up,
against the session the area was opened for when the check started (never one chosen
since); a check started without a session asks which session it was for, or whether it
was a test of the equipment, before it is saved. "Save again" records the current
verdicts, for the same choice, after the agent fixed the light or the framing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.config import operator_name
from app.core.checks import CheckResult, Criterion, Verdict
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import SessionRow
from app.devices.camera import CameraInfo, CheckUpdate, PreviewGate, list_cameras, run_check
from app.devices.video_analysis import CRITERIA, CRITERION_LABELS, Thresholds, load_thresholds
from app.errors import RegieError
from app.ui import colours
from app.ui.choosers import ResultTarget
from app.ui.i18n import core_text, error_text, number
from app.ui.ports import CheckDesk
from app.ui.widgets import VerdictBadge
from app.ui.workers import CancelToken, Pool, ProgressFn, StreamWorker, TaskHandle, run_task

log = logging.getLogger(__name__)


class _CriterionRow:
    """One line of the verdict table: name, badge, figure, advice."""

    def __init__(self, grid: QGridLayout, row: int, name: str, parent: QWidget) -> None:
        self.name = QLabel(core_text("camera", CRITERION_LABELS[name]), parent)
        self.badge = VerdictBadge(None, parent, subject=self.name.text())
        self.value = QLabel("—", parent)
        self.advice = QLabel("", parent)
        self.advice.setWordWrap(True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col, w in enumerate((self.name, self.badge, self.value)):
            grid.addWidget(w, row, col)
        # The advice on a line of its own under its criterion: the whole width to wrap in,
        # rather than a narrow column cutting it word by word.
        grid.addWidget(self.advice, row + 1, 1, 1, 3)
        self.advice.hide()
        self.value.setAccessibleName(self.name.text())
        self.advice.setAccessibleName(self.name.text())

    def show(self, c: Criterion | None) -> None:
        if c is None:
            self.badge.set_verdict(None)
            self.value.setText("—")
            self.value.setAccessibleName(self.name.text())
            self.advice.setText("")
            self.advice.setAccessibleDescription("")
            self.advice.hide()
            return
        self.badge.set_verdict(c.verdict)
        self.value.setText(_value_text(c))
        self.value.setAccessibleName(QCoreApplication.translate(
            "labels", "{subject}: {verdict}").format(subject=self.name.text(),
                                                     verdict=self.value.text()))
        self.advice.setText(core_text("camera", c.advice) if c.advice else "")
        self.advice.setAccessibleDescription(self.advice.text())  # read after the name
        self.advice.setVisible(bool(self.advice.text()))


def _number(value: float, decimals: int = 1) -> str:
    return number(float(value), decimals)


# What each figure measures, with its unit (a picture's grey levels run from 0 to 255):
# criterion → (text with {n}, how to turn the value into n).
_FIGURES: dict[str, tuple[str, Callable[[float], str]]] = {
    "face": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} % of pictures"),
             lambda v: str(round(v * 100))),
    "contrast": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} grey levels"),  # their spread
                 lambda v: _number(v, 0)),
    "frozen": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} grey levels of change"),
               lambda v: _number(v, 2)),  # the largest change between two pictures
    "sharpness": (QT_TRANSLATE_NOOP("CameraCheckArea", "sharpness index {n}"),
                  _number),  # the variance of the edges (Laplacian)
    "colour_cast": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} Lab units from neutral"),
                    _number),  # the distance of the mean colour from grey
    "frame_rate": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} frames/s"), _number),
    "dropped_frames": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} % of pictures lost"),
                       _number),
    "framing": (QT_TRANSLATE_NOOP("CameraCheckArea", "{n} % off-centre"),
                lambda v: _number(v, 0)),
}


def _value_text(c: Criterion) -> str:
    """A criterion's figure with its unit, in the locale's decimal style."""
    v = c.value
    if v is None:
        return "—"
    if isinstance(v, bool):
        return (QCoreApplication.translate("CameraCheckArea", "Yes") if v
                else QCoreApplication.translate("CameraCheckArea", "No"))
    if c.name == "resolution":  # width × height, in pixels
        return str(v).replace("x", "×")
    if not isinstance(v, int | float):
        return str(v)
    if c.name == "exposure":  # the mean grey level, as a share of white and as a level
        return QCoreApplication.translate("CameraCheckArea", "{pct} % ({level}/255)").format(
            pct=round(v / 255 * 100), level=round(v))
    if c.name in _FIGURES:
        text, convert = _FIGURES[c.name]
        return QCoreApplication.translate("CameraCheckArea", text).format(n=convert(v))
    return f"{_number(v)} {c.unit}".strip()


def _set_progress(bar: QProgressBar, value: int) -> None:
    """`value` on `bar`, painted with the rest of the window: `QProgressBar.setValue`
    repaints the bar at once, several milliseconds of the GUI thread at each verdict."""
    if bar.value() == value:
        return
    bar.setUpdatesEnabled(False)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)  # schedules the repaint


class PreviewLabel(QLabel):
    """The preview: paints the latest frame as it came, centred, without re-layout.

    A label's pixmap changes its size hint, so each frame set as a pixmap would lay the
    whole window out again; this one only repaints itself. Without a frame it is a label
    (its text says where the preview will appear).
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._image: QImage | None = None
        self._frame: Any = None  # the pixels `_image` points into

    def show_frame(self, frame: Any, image: QImage) -> None:
        self._frame, self._image = frame, image
        self.update()

    def clear(self) -> None:
        self._frame, self._image = None, None
        super().clear()

    def pixmap(self) -> QPixmap:
        if self._image is not None:
            return QPixmap.fromImage(self._image)
        return super().pixmap()

    def paintEvent(self, event: QPaintEvent) -> None:
        image = self._image
        if image is None:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202020"))
        ratio = image.devicePixelRatio()
        w, h = image.width() / ratio, image.height() / ratio
        target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        painter.drawImage(target, image)
        painter.end()


class CameraCheckArea(QWidget):
    """The camera screen. `simulate` adds the simulated camera (a video or image file)."""

    checkSaved = Signal(int, object)  # check id, session id or None
    resultReady = Signal(object)  # CheckResult

    def __init__(
        self,
        services: CheckDesk,
        simulate: Path | None,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
        thresholds: Thresholds | None = None,
        list_on_show: bool = False,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._simulate = simulate
        self._pool = pool
        self._thresholds = thresholds or load_thresholds()
        self._session_id: int | None = None  # the session the next check is for
        self._session_row: SessionRow | None = None
        # The check under way or shown: the session it is for, decided when it started
        # (or, started without one, when the agent answered which session it was for).
        self._run_number = 0  # of checks started or screens cleaned: late news is dropped
        self._worker: StreamWorker | None = None
        self._gate = PreviewGate()
        self._cameras: list[CameraInfo] = []
        self._listing: TaskHandle[list[CameraInfo]] | None = None
        self._last_criteria: dict[str, Criterion] = {}
        self._last_result: CheckResult | None = None
        self.preview_count = 0
        self._build()
        self.target = ResultTarget(services, self.session_label, self._save, pool=pool, parent=self)
        self.target.asked.connect(lambda: self.status.setText(
            self.tr("Choose which session this check was for.")))
        self.target.dismissed.connect(self._choice_dismissed)
        self._show_target()
        # Built with the desk, the area lists its cameras when first shown: probing
        # devices loads their libraries and drivers, which a desk that never opens
        # this area need not hold.
        self._unlisted = list_on_show
        if not list_on_show:
            self.refresh_cameras()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unlisted:
            self._unlisted = False
            self.refresh_cameras()

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.setAccessibleName(self.tr("Camera check"))
        top = QHBoxLayout()
        label = QLabel(self.tr("&Camera:"), self)
        self.devices = QComboBox(self)
        self.devices.setAccessibleName(self.tr("Camera"))
        self.devices.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.devices)
        self.refresh_button = QPushButton(self.tr("&Refresh list"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of cameras"))
        self.refresh_button.clicked.connect(self.refresh_cameras)
        self.start_button = QPushButton(self.tr("&Start check"), self)
        self.start_button.setAccessibleName(self.tr("Start the camera check"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setAccessibleName(self.tr("Stop the camera check"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        for w in (label, self.devices, self.refresh_button, self.start_button,
                  self.stop_button):
            top.addWidget(w)
        top.addStretch(1)

        self.session_label = QLabel("", self)
        self.session_label.setAccessibleName(self.tr("Session"))
        self.session_label.setWordWrap(True)

        self.preview = PreviewLabel(
            self.tr("The preview appears here once the check starts."), self)
        self.preview.setAccessibleName(self.tr("Camera preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 180)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet(
            f"QLabel {{ background: {colours.PREVIEW.bg}; color: {colours.PREVIEW.fg}; }}"
        )
        self.resolution_label = QLabel("", self)
        self.resolution_label.setAccessibleName(self.tr("Resolution"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Check progress"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)

        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addWidget(self.resolution_label)
        left.addWidget(self.progress)

        box = QGroupBox(self.tr("Verdicts"), self)
        grid = QGridLayout(box)
        overall_label = QLabel(self.tr("Overall"), box)
        overall_label.setStyleSheet("QLabel { font-weight: bold; }")
        self.overall = VerdictBadge(None, box, announce=True, subject=self.tr("Camera check"))
        self.overall_text = QLabel("", box)
        self.overall_text.setWordWrap(True)
        grid.addWidget(overall_label, 0, 0)
        grid.addWidget(self.overall, 0, 1)
        grid.addWidget(self.overall_text, 0, 2, 1, 2)
        self.rows = {name: _CriterionRow(grid, 2 * i + 1, name, box)
                     for i, name in enumerate(CRITERIA)}
        grid.setColumnStretch(3, 1)
        self.save_button = QPushButton(self.tr("Save &again"), box)
        self.save_button.setAccessibleName(self.tr("Save the current verdicts again"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_current)
        grid.addWidget(self.save_button, 2 * len(CRITERIA) + 1, 0, 1, 2)

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(box, 2)

        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.session_label)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.stop)
        self.setTabOrder(self.devices, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.start_button)
        self.setTabOrder(self.start_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.save_button)

    # ------------------------------------------------------------ devices

    def refresh_cameras(self) -> None:
        """List cameras in a worker: probing devices can take seconds on some systems."""
        self.refresh_button.setEnabled(False)
        self.start_button.setEnabled(False)  # until there is a camera to start
        self.status.setText(self.tr("Looking for cameras…"))
        simulate = self._simulate

        def job(token: CancelToken, progress: ProgressFn) -> list[CameraInfo]:
            return list_cameras(simulate=simulate)

        self._listing = run_task(job, on_success=self._on_cameras, on_error=self._on_error,
                                 pool=self._pool, parent=self)

    def _on_cameras(self, cameras: list[CameraInfo]) -> None:
        self._listing = None
        self.refresh_button.setEnabled(True)
        current = self.devices.currentData()
        self._cameras = list(cameras)
        self.devices.clear()
        for cam in self._cameras:
            self.devices.addItem(self._camera_label(cam), cam.key)
        if current is not None:
            i = self.devices.findData(current)
            if i >= 0:
                self.devices.setCurrentIndex(i)
        if self._cameras:
            self.status.setText("")
            self.start_button.setEnabled(self._worker is None)
        else:
            self.status.setText(self.tr(
                "No camera found. Plug the camera in (wait a few seconds), then click "
                "Refresh list."))
            self.start_button.setEnabled(False)

    def _camera_label(self, cam: CameraInfo) -> str:
        if cam.simulated and cam.path is not None:
            return self.tr("Simulated camera ({name})").format(name=cam.path.name)
        return cam.name

    def selected_camera(self) -> CameraInfo | None:
        i = self.devices.currentIndex()
        return self._cameras[i] if 0 <= i < len(self._cameras) else None

    # ------------------------------------------------------------ sessions

    def open_for_session(self, session_id: int, row: SessionRow | None = None) -> None:
        """Check the camera for this session: the result goes to its readiness panel.
        `row` is the session as the Sessions area shows it (also offline, from its last
        copy); without it the session is read here. The screen starts clean: nothing of
        an earlier check (or of another session) stays on it."""
        if row is None:
            try:
                row = self._services.sessions.row(session_id)
            except RegieError as err:
                self.status.setText(error_text(err))
                return
        self._start_clean()
        self._session_id, self._session_row = session_id, row
        self._show_target()

    def clear_session(self) -> None:
        """Reached without a session (the sidebar): a screen left for a session starts
        clean, and its next check asks which session it is for."""
        if self._session_id is None:
            return
        self._start_clean()
        self._session_id, self._session_row = None, None
        self._show_target()

    def _start_clean(self) -> None:
        self._run_number += 1
        self.stop()
        self.target.reset()
        self._reset_verdicts()
        self.preview.clear()
        self.preview.setText(self.tr("The preview appears here once the check starts."))
        self.resolution_label.clear()
        self.status.clear()

    def _show_target(self) -> None:
        row = self._session_row
        if row is None:
            self.session_label.setText(self.tr(
                "Not started from a session: before the result is saved, you will be asked "
                "which session it is for."))
            return
        when = row.start.astimezone().strftime("%d/%m/%Y %H:%M")
        self.session_label.setText(self.tr("For the session “{title}”, {when}").format(
            title=row.title, when=when))

    @property
    def session_id(self) -> int | None:
        return self._session_id

    # ------------------------------------------------------------ the check

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        cam = self.selected_camera()
        if cam is None or self._worker is not None:
            return
        self._reset_verdicts()
        # The session this check is for is decided now: a session opened afterwards
        # starts another check, never takes this one's result.
        self.target.begin(self._session_id)
        self._run_number += 1
        self._gate = PreviewGate()
        gate = self._gate
        self._fit_preview()
        thresholds = self._thresholds

        def source(token: CancelToken) -> Any:
            return run_check(cam, token, thresholds=thresholds, gate=gate,
                             keep_previewing=True)

        worker = StreamWorker(source, parent=self)
        worker.item.connect(self._on_update)
        worker.failed.connect(self._on_error)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self.start_button.setEnabled(False)
        self.devices.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Opening the camera…"))
        worker.start()

    def stop(self) -> None:
        """Stop the preview and release the camera; waits for the capture thread."""
        worker = self._worker
        if worker is None:
            return
        self._worker = None
        for signal, slot in ((worker.item, self._on_update), (worker.failed, self._on_error),
                             (worker.finished, self._on_finished)):
            signal.disconnect(slot)
        if not worker.stop():
            log.warning("the camera thread did not stop in time")
        worker.deleteLater()
        self._idle()
        if self._last_result is None:
            self.status.setText(self.tr("Check stopped."))

    def _idle(self) -> None:
        self.stop_button.setEnabled(False)
        self.devices.setEnabled(True)
        self.start_button.setEnabled(bool(self._cameras))

    def _reset_verdicts(self) -> None:
        self._last_criteria = {}
        self._last_result = None
        self.preview_count = 0
        self.overall.set_verdict(None)
        self.overall_text.setText("")
        self.save_button.setEnabled(False)
        _set_progress(self.progress, 0)
        for row in self.rows.values():
            row.show(None)

    def _on_update(self, update: CheckUpdate) -> None:
        if update.preview is not None:
            self._show_frame(update)
            self._gate.release()
        if update.criteria is not None:
            self._show_criteria(update.criteria)
        if update.criteria is not None and update.seconds > 0:
            # With the verdicts (four times a second), not with each frame: a progress
            # bar repaints at once when its value changes.
            _set_progress(self.progress,
                          min(100, round(100 * update.elapsed / update.seconds)))
        if self.status.text() == self.tr("Opening the camera…"):
            self.status.setText(self.tr("Checking… keep still and look at the camera."))
        if update.result is not None:
            self._last_result = update.result
            _set_progress(self.progress, 100)
            self.resultReady.emit(update.result)
            self._deliver(update.result)

    def _fit_preview(self) -> None:
        """Tell the capture thread the size the preview is painted at (it scales)."""
        ratio = self.preview.devicePixelRatioF()
        self._gate.fit(round(self.preview.width() * ratio), round(self.preview.height() * ratio))

    def _show_frame(self, update: CheckUpdate) -> None:
        """Wrap and paint: the capture thread already scaled and converted the frame."""
        frame = update.preview
        assert frame is not None
        h, w = frame.shape[:2]
        fmt = (QImage.Format.Format_RGB32 if frame.ndim == 3 and frame.shape[2] == 4
               else QImage.Format.Format_BGR888)
        image = QImage(frame.data, w, h, int(frame.strides[0]), fmt)
        image.setDevicePixelRatio(self.preview.devicePixelRatioF())
        self.preview.show_frame(frame, image)
        self._fit_preview()  # a resized screen gets frames of its new size from the next
        self.preview_count += 1
        if self.preview_count == 1:
            (rw, rh), (nw, nh) = update.requested, update.negotiated
            self.resolution_label.setText(self.tr("Requested {rw}×{rh}, received {nw}×{nh}")
                                          .format(rw=rw, rh=rh, nw=nw, nh=nh))

    def _show_criteria(self, criteria: dict[str, Criterion]) -> None:
        self._last_criteria = criteria
        for name, row in self.rows.items():
            row.show(criteria.get(name))
        if criteria:
            verdict = Verdict.worst([c.verdict for c in criteria.values()])
            self.overall.set_verdict(verdict)
            worst = [c for c in criteria.values() if c.verdict is verdict and c.advice]
            self.overall_text.setText(core_text("camera", worst[0].advice) if worst else
                                      self.tr("The camera is ready."))

    # ------------------------------------------------------------ saving

    def save_current(self) -> None:
        """Record the verdicts shown now (after the agent fixed something)."""
        if self._last_result is None or not self._last_criteria:
            return
        r = self._last_result
        self._deliver(CheckResult(kind=r.kind, device=r.device, criteria=self._last_criteria,
                                  device_key=r.device_key, metrics=r.metrics))

    def _deliver(self, result: CheckResult) -> None:
        """Save for the session decided at the start (or ask which, first)."""
        self.target.deliver(result)

    def _choice_dismissed(self) -> None:
        self.save_button.setEnabled(self._last_result is not None)
        self.status.setText(self.tr("Result not saved. Press Save again to choose its session."))

    def _save(self, result: CheckResult, session_id: int | None) -> None:
        checks = self._services.checks
        run = self._run_number

        def job(token: CancelToken, progress: ProgressFn) -> int:
            # Who is at the keyboard is asked here: the first time, that loads a module.
            return checks.save(result, operator=operator_name(), session_id=session_id)

        def done(check_id: int) -> None:
            if run != self._run_number:  # the screen moved on to another check
                self.checkSaved.emit(check_id, session_id)
                return
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Result saved.") if session_id is None else
                                self.tr("Result saved for the session."))
            self.checkSaved.emit(check_id, session_id)

        run_task(job, on_success=done, on_error=self._on_error, pool=self._pool, parent=self)

    # ------------------------------------------------------------ ends

    def _on_error(self, err: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        if isinstance(err, RegieError):
            self.status.setText(error_text(err))
        else:
            log.error("camera check failed: %r", err)
            self.status.setText(self.tr(
                "The camera check stopped unexpectedly ({detail}). Start it again; if it "
                "happens again, restart Régie.").format(detail=str(err)))

    def _on_finished(self) -> None:
        worker = self._worker
        if worker is None:
            return
        self._worker = None
        worker.stop()
        worker.deleteLater()
        self._idle()

    def shutdown(self) -> None:
        """Release the camera (the window is closing)."""
        self.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        # Another area is shown: free the camera for Zoom.
        self.stop()
        super().hideEvent(event)

