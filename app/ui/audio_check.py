"""The audio area: pick the microphone and speakers, watch the level, run the guided steps.

Everything that touches sound runs in workers (the live meter in a `StreamWorker`, whose
readings reach the screen one at a time through a `HandOff`; each step through
`run_task`); the widgets only show readings and results. The steps since
the screen was opened (or the devices changed) make one check, for the session the
screen was opened for when its first step ran; a check run without a session asks, before
it is saved, which session it was for or whether it tested the equipment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checks import CheckResult, Criterion, device_words
from app.core.models import SessionRow
from app.devices import audio_analysis as aa
from app.devices.audio import (
    SENTENCE,
    SIMULATED_PREFIX,
    AudioChecker,
    AudioDevice,
    DeviceList,
    StepOutcome,
    build_audio_check,
)
from app.devices.audio_analysis import MeterReading
from app.errors import RegieError
from app.ui import colours
from app.ui.choosers import ResultTarget
from app.ui.errors import known
from app.ui.i18n import core_text, error_text, number
from app.ui.level_meter import LevelMeterWidget, fmt_db
from app.ui.ports import CheckDesk
from app.ui.widgets import VerdictBadge
from app.ui.workers import (
    CancelToken,
    HandOff,
    Pool,
    ProgressFn,
    StreamWorker,
    TaskFn,
    TaskHandle,
    run_task,
)

log = logging.getLogger(__name__)

R = TypeVar("R")

class AudioCheckArea(QWidget):
    """Microphone and speaker check; results can be saved against a session."""

    saved = Signal(int)  # id of the saved check

    def __init__(
        self,
        services: CheckDesk,
        simulate_mic: Path | None,
        parent: QWidget | None = None,
        *,
        checker: AudioChecker | None = None,
        pool: Pool | None = None,
        list_on_show: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audioCheckArea")
        self._checker = checker or build_audio_check(services, simulate_mic)
        self._services = services
        self._pool = pool
        self._session_id: int | None = None  # the session the next check is for
        self._session_row: SessionRow | None = None
        # The check on screen (its steps so far): started?, and whether its result was
        # saved since its last step. The session it is for is `self.target`'s, decided at
        # its first step (or, without one, when the agent answered).
        self._run_started = False
        self._run_saved = False
        self._run_number = 0  # of checks begun: a step or save of an earlier one is dropped
        self._meter: StreamWorker | None = None
        self._meter_handoff = HandOff()  # one reading at a time reaches the screen
        self._task: TaskHandle[object] | None = None
        self._listing = DeviceList([], [])
        self._resume_meter = False
        self._build()
        self.target = ResultTarget(
            services, self.session_label, self._write, pool=pool, parent=self
        )
        self.target.asked.connect(lambda: self.status_label.setText(
            self.tr("Choose which session this check was for.")))
        self.target.dismissed.connect(self._choice_dismissed)
        # Built with the desk, the area lists its sound devices when first shown: probing
        # devices loads their libraries and drivers, which a desk that never opens
        # this area need not hold.
        self._unlisted = list_on_show
        if not list_on_show:
            self.refresh_devices()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unlisted:
            self._unlisted = False
            self.refresh_devices()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Sound problem"))
        self.banner.hide()
        root.addWidget(self.banner)

        self.session_label = QLabel()
        self.session_label.setWordWrap(True)
        self.session_label.setAccessibleName(self.tr("Session"))
        root.addWidget(self.session_label)

        devices = QGroupBox(self.tr("Devices"))
        grid = QGridLayout(devices)
        self.input_combo = QComboBox()
        self.input_combo.setAccessibleName(self.tr("Microphone"))
        self.output_combo = QComboBox()
        self.output_combo.setAccessibleName(self.tr("Speakers"))
        in_label = QLabel(self.tr("&Microphone:"))
        in_label.setBuddy(self.input_combo)
        out_label = QLabel(self.tr("&Speakers:"))
        out_label.setBuddy(self.output_combo)
        self.refresh_button = QPushButton(self.tr("&Refresh list"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the device list"))
        grid.addWidget(in_label, 0, 0)
        grid.addWidget(self.input_combo, 0, 1)
        grid.addWidget(out_label, 1, 0)
        grid.addWidget(self.output_combo, 1, 1)
        grid.addWidget(self.refresh_button, 0, 2)
        grid.setColumnStretch(1, 1)
        # Tab reads the row as it is drawn: microphone, its refresh button, then speakers.
        QWidget.setTabOrder(self.input_combo, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.output_combo)
        root.addWidget(devices)

        meter_box = QGroupBox(self.tr("Live level"))
        mrow = QHBoxLayout(meter_box)
        self.meter_widget = LevelMeterWidget(self._checker.th.meter)
        self.meter_text = QLabel(self.tr("Meter off"))
        self.meter_text.setMinimumWidth(260)
        self.meter_text.setAccessibleName(self.tr("Level reading"))
        self.listen_button = QPushButton(self.tr("&Listen"))
        self.listen_button.setCheckable(True)
        self.listen_button.setAccessibleName(self.tr("Start or stop the level meter"))
        mrow.addWidget(self.meter_widget, 1)
        mrow.addWidget(self.meter_text)
        mrow.addWidget(self.listen_button)
        root.addWidget(meter_box)

        steps = QGroupBox(self.tr("Guided check"))
        sgrid = QGridLayout(steps)
        self.noise_button = QPushButton(self.tr("1. Measure the s&ilence"))
        self.noise_button.setAccessibleName(self.tr("Measure the room noise"))
        self.speech_button = QPushButton(self.tr("2. Read the s&entence"))
        self.speech_button.setAccessibleName(self.tr("Measure the voice level"))
        self.sentence_label = QLabel(f"« {core_text('audio', SENTENCE)} »")
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setAccessibleName(self.tr("Sentence to read aloud"))
        self.speaker_button = QPushButton(self.tr("3. &Test the speakers"))
        self.speaker_button.setAccessibleName(self.tr("Play a tone on the speakers"))
        self.heard_yes = QPushButton(self.tr("I &heard it"))
        self.heard_yes.setAccessibleName(self.tr("The tone was heard"))
        self.heard_no = QPushButton(self.tr("I did n&ot hear it"))
        self.heard_no.setAccessibleName(self.tr("The tone was not heard"))
        self.echo_button = QPushButton(self.tr("4. E&cho test (hybrid room)"))
        self.echo_button.setAccessibleName(self.tr("Test whether the microphone hears the "
                                                   "speakers"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the measurement"))
        self.status_label = QLabel(self.tr("Choose the devices, then run the steps in order."))
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Check status"))
        sgrid.addWidget(self.noise_button, 0, 0)
        sgrid.addWidget(QLabel(self.tr("Ask the room to stay silent for a few seconds.")), 0, 1)
        sgrid.addWidget(self.speech_button, 1, 0)
        sgrid.addWidget(self.sentence_label, 1, 1)
        sgrid.addWidget(self.speaker_button, 2, 0)
        heard = QHBoxLayout()
        heard.addWidget(self.heard_yes)
        heard.addWidget(self.heard_no)
        heard.addStretch(1)
        sgrid.addLayout(heard, 2, 1)
        sgrid.addWidget(self.echo_button, 3, 0)
        sgrid.addWidget(QLabel(self.tr("Plays a short sweep and listens for it in the "
                                       "microphone.")), 3, 1)
        sgrid.addWidget(self.cancel_button, 4, 0)
        sgrid.addWidget(self.status_label, 4, 1)
        sgrid.setColumnStretch(1, 1)
        root.addWidget(steps)

        results = QGroupBox(self.tr("Results"))
        rbox = QVBoxLayout(results)
        self.overall = VerdictBadge(announce=True, subject=self.tr("Sound check"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Value"), self.tr("Verdict"), self.tr("Advice")])
        self.table.setAccessibleName(self.tr("Check results"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        # The criteria, figures and verdicts whole; the advice takes the rest and wraps.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.echo_label = QLabel()
        self.echo_label.setAccessibleName(self.tr("Echo figures"))
        self.save_button = QPushButton(self.tr("S&ave the result"))
        self.save_button.setAccessibleName(self.tr("Save the result"))
        top = QHBoxLayout()
        overall_label = QLabel(self.tr("Overall:"))
        top.addWidget(overall_label)
        top.addWidget(self.overall)
        top.addStretch(1)
        top.addWidget(self.save_button)
        rbox.addLayout(top)
        rbox.addWidget(self.table)
        rbox.addWidget(self.echo_label)
        root.addWidget(results, 1)

        self.refresh_button.clicked.connect(self.refresh_devices)
        self.input_combo.currentIndexChanged.connect(self._devices_changed)
        self.output_combo.currentIndexChanged.connect(self._devices_changed)
        self.listen_button.toggled.connect(self._toggle_meter)
        self.noise_button.clicked.connect(lambda: self.run_step("noise"))
        self.speech_button.clicked.connect(lambda: self.run_step("speech"))
        self.speaker_button.clicked.connect(lambda: self.run_step("speaker"))
        self.echo_button.clicked.connect(lambda: self.run_step("echo"))
        self.heard_yes.clicked.connect(lambda: self._confirm_heard(True))
        self.heard_no.clicked.connect(lambda: self._confirm_heard(False))
        self.cancel_button.clicked.connect(self._cancel)
        self.save_button.clicked.connect(self.save)
        self._set_busy(False)
        self.heard_yes.setEnabled(False)
        self.heard_no.setEnabled(False)
        self.save_button.setEnabled(False)
        self._show_target()

    # ---------------------------------------------------------------- session
    def open_for_session(self, session_id: int | None, row: SessionRow | None = None) -> None:
        """Check the sound for this session (None: for none; the save will ask);
        `row`, when the Sessions area gives it, names the session. The screen starts
        clean: no step, verdict or message of an earlier check stays on it."""
        self._start_clean()
        self._session_id, self._session_row = session_id, row
        self._show_target()

    def clear_session(self) -> None:
        """Reached without a session (the sidebar): a screen left for a session starts
        clean for a check that will ask its session, unless it holds steps not yet
        saved, which stay with their session."""
        if self._session_id is None or (self._checker.steps_done and not self._run_saved):
            return
        self.open_for_session(None)

    @property
    def session_id(self) -> int | None:
        return self._session_id

    def _start_clean(self) -> None:
        self._run_number += 1
        if self._task is not None:
            self._task.cancel()
        self._checker.reset()
        self._new_run()
        self._show_result(None)
        self.heard_yes.setEnabled(False)
        self.heard_no.setEnabled(False)
        self.status_label.setText(self.tr("Choose the devices, then run the steps in order."))

    def _new_run(self) -> None:
        self._run_started = self._run_saved = False
        self.target.reset()

    def _show_target(self) -> None:
        sid, row = self._session_id, self._session_row
        if sid is None:
            self.session_label.setText(self.tr(
                "Not started from a session: before the result is saved, you will be asked "
                "which session it is for."))
        elif row is not None:
            when = row.start.astimezone().strftime("%d/%m/%Y %H:%M")
            self.session_label.setText(self.tr("For the session “{title}”, {when}").format(
                title=row.title, when=when))
        else:
            self.session_label.setText(self.tr("Check for session #{id}.").format(id=sid))

    # ---------------------------------------------------------------- devices
    def refresh_devices(self) -> None:
        self._run(lambda _t, _p: self._checker.devices(), self._devices_listed)

    def _devices_listed(self, listing: DeviceList) -> None:
        self._listing = listing
        for combo, devices, flag in (
            (self.input_combo, listing.inputs, "is_default_input"),
            (self.output_combo, listing.outputs, "is_default_output"),
        ):
            combo.blockSignals(True)
            previous = combo.currentData()
            combo.clear()
            chosen = 0
            for i, d in enumerate(devices):
                combo.addItem(self._device_label(d), d.key)
                if d.key == previous or (previous is None and getattr(d, flag)):
                    chosen = i
            if devices:
                combo.setCurrentIndex(chosen)
            combo.blockSignals(False)
        if not listing.inputs:
            self._show_text(self.tr("No microphone found: plug one in, then press "
                                    "“Refresh list”."))
        elif not listing.outputs:
            self._show_text(self.tr("No speakers found: plug them in, then press "
                                    "“Refresh list”."))
        else:
            self.banner.hide()
        self._devices_changed()

    def _selected(self, combo: QComboBox, devices: list[AudioDevice]) -> AudioDevice | None:
        key = combo.currentData()
        return next((d for d in devices if d.key == key), None)

    def _devices_changed(self) -> None:
        was_listening = self.listen_button.isChecked()
        self._stop_meter()
        self._checker.set_devices(self._selected(self.input_combo, self._listing.inputs),
                                  self._selected(self.output_combo, self._listing.outputs))
        self._new_run()  # earlier steps are forgotten: the next one begins another check
        self._show_result(None)
        self._set_busy(False)
        if was_listening:
            self._start_meter()

    # ---------------------------------------------------------------- meter
    def _toggle_meter(self, on: bool) -> None:
        if on:
            self._start_meter()
        else:
            self._stop_meter()

    def _start_meter(self) -> None:
        if self._meter is not None or self._checker.input is None:
            self.listen_button.setChecked(self._meter is not None)
            return
        handoff = HandOff()
        meter = self._checker.meter
        self._meter_handoff = handoff

        def readings(token: CancelToken) -> Iterator[MeterReading]:
            return handoff.newest(meter(token))

        worker = StreamWorker(readings, self)
        worker.item.connect(self._on_reading)
        worker.failed.connect(self._on_meter_failed)
        self._meter = worker
        self.listen_button.blockSignals(True)
        self.listen_button.setChecked(True)
        self.listen_button.blockSignals(False)
        worker.start()

    def _stop_meter(self) -> None:
        worker, self._meter = self._meter, None
        if worker is not None:
            worker.stop()
        self.listen_button.blockSignals(True)
        self.listen_button.setChecked(False)
        self.listen_button.blockSignals(False)
        self.meter_widget.set_reading(None)
        self.meter_text.setText(self.tr("Meter off"))

    def _on_reading(self, reading: MeterReading) -> None:
        if self._meter is None:
            return
        self.meter_widget.set_reading(reading)
        text = self.tr("Peak {peak} dBFS · RMS {rms} dBFS · {band}").format(
            peak=fmt_db(reading.peak_dbfs), rms=fmt_db(reading.rms_dbfs),
            band=core_text("audio", aa.BAND_LABELS[reading.band]))
        if text != self.meter_text.text():
            self.meter_text.setText(text)
            self.meter_widget.setAccessibleDescription(text)
        self._meter_handoff.release()

    def _on_meter_failed(self, err: BaseException) -> None:
        self._stop_meter()
        self._handle_error(err)

    # ---------------------------------------------------------------- steps
    def run_step(self, step: str) -> None:
        """Run one guided step in a worker; the meter pauses meanwhile (device in use)."""
        if self._task is not None:
            return
        if not self._run_started:
            # The first step: the check is for the session the screen is open for now.
            self._run_started = True
            self.target.begin(self._session_id)
        self._run_saved = False
        run = self._run_number
        self._resume_meter = self._meter is not None
        self._stop_meter()
        checker = self._checker
        prompts = {
            "noise": self.tr("Measuring the silence… please stay quiet."),
            "speech": self.tr("Recording… read the sentence aloud now."),
            "speaker": self.tr("Playing a tone on the speakers… listen."),
            "echo": self.tr("Playing a sweep and listening with the microphone…"),
        }

        def job(token: CancelToken, _progress: ProgressFn) -> StepOutcome:
            if step == "noise":
                return checker.run_noise(cancel=token)
            if step == "speech":
                return checker.run_speech(cancel=token)
            if step == "speaker":
                return checker.run_speaker()
            return checker.run_echo()

        self.status_label.setText(prompts[step])
        self._set_busy(True)
        self._run(job, lambda outcome: self._step_done(outcome, run))

    def _step_done(self, outcome: StepOutcome, run: int) -> None:
        if run != self._run_number:  # the screen started clean meanwhile
            self._checker.reset()
            return
        self.status_label.setText(self.tr("Step done. Continue with the next one, or save."))
        if outcome.step == "speaker":
            played = outcome.analysis.criteria["speaker"].value is True
            self.heard_yes.setEnabled(played)
            self.heard_no.setEnabled(played)
            if played:
                self.status_label.setText(self.tr("Did you hear the tone in the room?"))
        self._show_result(self._checker.result())

    def _confirm_heard(self, heard: bool) -> None:
        self._run_saved = False
        self._checker.confirm_speaker(heard)
        self.heard_yes.setEnabled(False)
        self.heard_no.setEnabled(False)
        self._show_result(self._checker.result())

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _run(self, fn: TaskFn[R], on_success: Callable[[R], None]) -> None:
        done = False

        def ok(result: R) -> None:
            nonlocal done
            done, self._task = True, None
            self._set_busy(False)
            on_success(result)
            self._after_task()

        def failed(err: BaseException) -> None:
            nonlocal done
            done, self._task = True, None
            self._set_busy(False)
            self._handle_error(err)
            self._after_task()

        handle = run_task(fn, on_success=ok, on_error=failed, pool=self._pool, parent=self)
        if not done:  # an immediate pool has already finished it
            self._task = handle

    def _after_task(self) -> None:
        if self._resume_meter:
            self._resume_meter = False
            self._start_meter()

    @property
    def busy(self) -> bool:
        """A step or a listing is running."""
        return self._task is not None

    def _set_busy(self, busy: bool) -> None:
        has_in = self._checker.input is not None
        has_out = self._checker.output is not None
        self.noise_button.setEnabled(not busy and has_in)
        self.speech_button.setEnabled(not busy and has_in)
        self.speaker_button.setEnabled(not busy and has_out)
        self.echo_button.setEnabled(not busy and has_in and has_out)
        self.listen_button.setEnabled(not busy and has_in)
        self.cancel_button.setEnabled(busy)
        self.input_combo.setEnabled(not busy)
        self.output_combo.setEnabled(not busy)
        self.refresh_button.setEnabled(not busy)

    # ---------------------------------------------------------------- results
    def _show_result(self, result: CheckResult | None) -> None:
        self.table.setRowCount(0)
        self.echo_label.clear()
        if result is None or not result.criteria:
            self.overall.set_verdict(None)
            self.save_button.setEnabled(False)
            return
        self.overall.set_verdict(result.verdict)
        for name, c in result.criteria.items():
            self._add_row(name, c)
        self.table.resizeRowsToContents()
        m = result.metrics
        if m.get("echo_detected"):
            self.echo_label.setText(self.tr(
                "The microphone hears the speakers after {delay} ms, at {level} dB of what "
                "was played ({received} dBFS received).").format(
                delay=m.get("echo_delay_ms"), level=fmt_db(float(m["echo_level_db"])),  # type: ignore[arg-type]
                received=fmt_db(float(m["echo_received_dbfs"]))))  # type: ignore[arg-type]
        elif "echo" in result.criteria:
            self.echo_label.setText(self.tr("The microphone did not hear the test sweep."))
        self.save_button.setEnabled(True)

    def _add_row(self, name: str, c: Criterion) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label = core_text("audio", aa.CRITERION_LABELS.get(name, name))
        for col, text in ((0, label), (1, self._value_text(c))):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, col, item)
        badge = VerdictBadge(c.verdict, subject=label)
        self.table.setCellWidget(row, 2, badge)
        advice = QTableWidgetItem(core_text("audio", c.advice))
        advice.setToolTip(advice.text())
        self.table.setItem(row, 3, advice)

    @staticmethod
    def _device_label(d: AudioDevice) -> str:
        """The simulated microphone by what it is; a real device with its host API."""
        if d.name.startswith(SIMULATED_PREFIX):
            return device_words(d.name, QCoreApplication.translate)
        return QCoreApplication.translate("AudioCheckArea", "{name} ({api})").format(
            name=device_words(d.name, QCoreApplication.translate), api=d.host_api)

    def _value_text(self, c: Criterion) -> str:
        if c.value is None:
            return "—"
        if isinstance(c.value, bool):
            return self.tr("yes") if c.value else self.tr("no")
        if isinstance(c.value, float):
            text = fmt_db(c.value) if c.unit in ("dBFS", "dB") else number(c.value)
        elif c.name == "signal":
            text = {"live": self.tr("live"), "dead": self.tr("silent"),
                    "constant": self.tr("frozen")}.get(str(c.value), str(c.value))
        elif isinstance(c.value, int):
            text = number(c.value)
        else:
            text = str(c.value)
        return f"{text} {c.unit}".strip()

    def current_result(self) -> CheckResult:
        return self._checker.result()

    def save(self) -> None:
        """Save the combined result (device, figures, verdict, who, when), for the session
        decided at the first step; a check run without one asks first which session it
        was for (or whether it tested the equipment)."""
        result = self._checker.result()
        if not result.criteria:
            return
        self.target.deliver(result)

    def _choice_dismissed(self) -> None:
        self.status_label.setText(self.tr(
            "Result not saved. Press “Save the result” to choose its session."))

    def _write(self, result: CheckResult, session_id: int | None) -> None:
        """The save itself, in a worker: on a network database the write may take a
        moment."""
        checker = self._checker
        run = self._run_number

        def job(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            return checker.save(result, session_id=session_id)

        def done(check_id: int) -> None:
            if run == self._run_number:  # else the screen started clean meanwhile
                self._run_saved = True
                self.status_label.setText(self.tr("Result saved."))
            self.saved.emit(check_id)

        def failed(err: BaseException) -> None:
            self._show_problem(known(err))

        run_task(job, on_success=done, on_error=failed, pool=self._pool, parent=self)

    # ---------------------------------------------------------------- problems
    def _handle_error(self, err: BaseException) -> None:
        if isinstance(err, RegieError):
            self._show_problem(err)
        else:
            log.error("audio check failed", exc_info=err)
            self._show_text(self.tr("The check failed unexpectedly: {error}").format(
                error=str(err)))
        self.status_label.setText(self.tr("The step could not run."))

    def _show_problem(self, err: RegieError) -> None:
        self._show_text(error_text(err))

    def _show_text(self, text: str) -> None:
        self.banner.setText(f"✖ {text}")
        fg, bg = colours.FAIL
        self.banner.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; padding: 4px; }}"
        )
        self.banner.show()

    # ---------------------------------------------------------------- lifetime
    def shutdown(self) -> None:
        """Stop the meter and any step: no thread outlives the screen."""
        if self._task is not None:
            self._task.cancel()
        self._stop_meter()

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_meter()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
