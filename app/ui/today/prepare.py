"""Préparer: one session's preparation as a stepper over the real screens.

Each step shows its state from the readiness (symbol, word, colour, detail); "Open"
takes the agent to the real screen for that session (the camera and sound checks, the
checklist at its pause point, the session form, the launch, attendance), where the
result is saved for it; a step can be skipped with a reason, which is kept and shown.
The readiness sheet prints what the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import operator_name
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import MODE_LABELS, SessionMode, SessionStatus
from app.core.readiness import SKIPPABLE, Readiness, Step, StepKey, StepState
from app.errors import RegieError
from app.printing.readiness_pdf import write_readiness_pdf
from app.services import readiness as prep
from app.ui.equipment_dialogs import kit_line
from app.ui.errors import known
from app.ui.i18n import error_text, label
from app.ui.today.model import STATE_COLOURS, status_text, step_view
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.services import Services

StepRole = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("PreparePage", text)


# What "Open" does for each step, said before the agent goes there.
_OPENS = {
    StepKey.CAMERA: _N(
        "PreparePage",
        "Opens the Camera area for this session: start the check; the result is saved "
        "for it.",
    ),
    StepKey.SOUND: _N(
        "PreparePage",
        "Opens the Sound area for this session: measure the silence and the voice, then "
        "save the result.",
    ),
    StepKey.CHECKLIST: _N(
        "PreparePage", "Opens the checklist of this session at the pause point reached now."
    ),
    StepKey.LICENCE: _N("PreparePage", "Opens the session form, to book a licence."),
    StepKey.MEETING: _N("PreparePage", "Opens the session form, to enter the Zoom meeting."),
    StepKey.LAUNCH: _N(
        "PreparePage",
        "Opens the Zoom meeting and marks the session as running; asks first when "
        "something is still to do.",
    ),
    StepKey.ATTENDANCE: _N(
        "PreparePage",
        "Opens the attendance of this session: type the counts or import Zoom's report.",
    ),
}
_OPENS_HYBRID_SOUND = _N(
    "PreparePage",
    "Opens the Sound area for this session. Hybrid session: also run steps 3 (speakers) "
    "and 4 (echo), then save the result.",
)
_OPENS_BOOKED_LICENCE = _N(
    "PreparePage",
    "Opens the licence booked for this session, to save its host key in the keyring.",
)


def _where(key: StepKey, r: Readiness) -> str:
    if key is StepKey.SOUND and r.row.mode is SessionMode.HYBRID:
        return _t(_OPENS_HYBRID_SOUND)
    if key is StepKey.LICENCE and r.row.licence_id is not None:
        return _t(_OPENS_BOOKED_LICENCE)
    return _t(_OPENS[key])


class PreparePage(QWidget):
    """The stepper of one session; the area shows it instead of the list."""

    back_requested = Signal()
    open_requested = Signal(int, str)  # session id, StepKey value
    changed = Signal()  # a step was skipped or taken back
    loaded = Signal()  # the steps show fresh data
    sheet_written = Signal(str)  # the PDF's path

    def __init__(
        self, services: Services, *, pool: Pool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PreparePage")
        self.services = services
        self._pool = pool
        self.session_id: int | None = None
        self.readiness: Readiness | None = None
        self.now: datetime | None = None
        self._generation = 0
        self.file_dialog: QFileDialog | None = None

        self.back_button = QPushButton(self.tr("&Back to the list"))
        self.back_button.setAccessibleName(self.tr("Back to the sessions of the coming days"))
        self.back_button.clicked.connect(self.back_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)
        again = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        again.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        again.activated.connect(self.refresh)
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Session"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("ReadyText")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Readiness"))

        self.steps = QListWidget()
        self.steps.setObjectName("PrepareSteps")
        self.steps.setAccessibleName(self.tr("Preparation steps"))
        self.steps.setFixedWidth(330)
        self.steps.setSpacing(2)
        # Long device names are cut short here; the tooltip and screen readers get it all.
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(lambda _r: self._show_step())
        self.steps.itemActivated.connect(lambda _i: self.open_current())
        steps_label = QLabel(self.tr("S&teps:"))
        steps_label.setBuddy(self.steps)

        box = QGroupBox(self.tr("This step"))
        self.step_title = QLabel()
        self.step_title.setFont(heading_font)
        self.step_state = QLabel()
        self.step_state.setObjectName("StepState")
        self.step_state.setWordWrap(True)
        self.step_state.setAccessibleName(self.tr("State of the step"))
        self.step_where = QLabel()
        self.step_where.setWordWrap(True)
        self.step_where.setAccessibleName(self.tr("What Open does"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("OpenStep")
        self.open_button.setAccessibleName(self.tr("Open this step for the session"))
        self.open_button.clicked.connect(self.open_current)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for skipping the step"))
        self.reason.setPlaceholderText(self.tr("e.g. no camera in this room"))
        self.reason.setMaxLength(prep.MAX_REASON)
        self.reason.textChanged.connect(lambda _t: self._update_buttons())
        self.reason.returnPressed.connect(self.skip_current)
        self.skip_button = QPushButton(self.tr("S&kip with this reason"))
        self.skip_button.setObjectName("SkipStep")
        self.skip_button.setAccessibleName(self.tr("Skip the step, keeping the reason"))
        self.skip_button.clicked.connect(self.skip_current)
        self.unskip_button = QPushButton(self.tr("&Undo the skip"))
        self.unskip_button.setObjectName("UnskipStep")
        self.unskip_button.setAccessibleName(self.tr("The step is to be done after all"))
        self.unskip_button.clicked.connect(self.unskip_current)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.reason, 1)
        skip_row.addWidget(self.skip_button)
        skip_row.addWidget(self.unskip_button)
        form = QFormLayout()
        reason_label = QLabel(self.tr("Rea&son:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, skip_row)
        detail = QVBoxLayout(box)
        detail.addWidget(self.step_title)
        detail.addWidget(self.step_state)
        detail.addWidget(self.step_where)
        detail.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail.addSpacing(8)
        detail.addLayout(form)
        detail.addWidget(self.message)
        detail.addStretch(1)

        # Ready by hand: the session may go ahead although steps are left, for a reason
        # that is kept and shown wherever its readiness is.
        self.ready_reason = QLineEdit()
        self.ready_reason.setAccessibleName(self.tr("Why the session is ready anyway"))
        self.ready_reason.setPlaceholderText(
            self.tr("e.g. a speaker tested the room's equipment this morning"))
        self.ready_reason.setMaxLength(prep.MAX_REASON)
        self.ready_reason.textChanged.connect(lambda _t: self._update_buttons())
        self.ready_button = QPushButton(self.tr("Mark rea&dy by hand"))
        self.ready_button.setObjectName("ReadyByHand")
        self.ready_button.setAccessibleName(
            self.tr("Mark the session ready although steps are left, keeping the reason"))
        self.ready_button.clicked.connect(self.mark_ready)
        self.unready_button = QPushButton(self.tr("Undo ready by ha&nd"))
        self.unready_button.setObjectName("UndoReadyByHand")
        self.unready_button.setAccessibleName(
            self.tr("The session is ready only when its steps say so"))
        self.unready_button.clicked.connect(lambda: self.mark_ready(undo=True))
        ready_row = QHBoxLayout()
        ready_label = QLabel(self.tr("Ready anyway, because:"))
        ready_label.setBuddy(self.ready_reason)
        ready_row.addWidget(ready_label)
        ready_row.addWidget(self.ready_reason, 1)
        ready_row.addWidget(self.ready_button)
        ready_row.addWidget(self.unready_button)

        self.sheet_button = QPushButton(self.tr("&Readiness sheet (PDF)…"))
        self.sheet_button.setObjectName("ReadinessSheet")
        self.sheet_button.setAccessibleName(self.tr("Save the readiness sheet as PDF"))
        self.sheet_button.clicked.connect(self.ask_sheet)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.sheet_button)
        left = QVBoxLayout()
        left.addWidget(steps_label)
        left.addWidget(self.steps, 1)
        middle = QHBoxLayout()
        middle.addLayout(left)
        middle.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.where)
        layout.addWidget(self.status)
        layout.addLayout(ready_row)
        layout.addLayout(middle, 1)
        self.setTabOrder(self.back_button, self.steps)
        self.setTabOrder(self.steps, self.open_button)
        self.setTabOrder(self.open_button, self.reason)
        self.setTabOrder(self.reason, self.skip_button)
        self.setTabOrder(self.skip_button, self.unskip_button)
        self.setTabOrder(self.unskip_button, self.ready_reason)
        self.setTabOrder(self.ready_reason, self.ready_button)
        self.setTabOrder(self.ready_button, self.unready_button)
        self.setTabOrder(self.unready_button, self.sheet_button)
        self._update_buttons()

    # ------------------------------------------------------------------ reading
    def show_session(self, session_id: int) -> None:
        """Show this session's steps (read in a worker)."""
        if session_id != self.session_id:
            self.session_id = session_id
            self.readiness = None
            self.steps.clear()
            self.heading.setText(self.tr("Reading the session…"))
            self.where.clear()
            self.status.clear()
            self.message.clear()
            self.reason.clear()
        self.refresh()

    def refresh(self) -> None:
        sid = self.session_id
        if sid is None:
            return
        self._generation += 1
        generation = self._generation
        services = self.services

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> tuple[Readiness, datetime]:
            return prep.readiness(services, sid), services.clock()

        def show(got: tuple[Readiness, datetime]) -> None:
            if generation == self._generation and sid == self.session_id:
                self._fill(*got)

        def failed(err: BaseException) -> None:
            if generation != self._generation:
                return
            self.message.setText("✖ " + error_text(known(err)))

        run_task(read, on_success=show, on_error=failed, pool=self._pool, parent=self)

    def _fill(self, r: Readiness, now: datetime) -> None:
        keep = self.current_step()
        before = self.readiness
        if (
            keep is not None
            and before is not None
            and keep is before.next_step
            and not r.step(keep).open
            and r.next_step is not None
        ):
            keep = r.next_step  # the step in hand is done: on to the next one
        self.readiness, self.now = r, now
        row = r.row
        start, end = row.start.astimezone(), row.end.astimezone()
        self.heading.setText(
            self.tr("Prepare “{title}”").format(title=row.title)
        )
        licence = row.licence_label or self.tr("no licence booked")
        self.where.setText(
            f"{start:%d/%m/%Y} · {start:%H:%M}–{end:%H:%M} · {row.branch_name} · "
            f"{label(MODE_LABELS[row.mode])} · {licence}"
        )
        status = status_text(r)
        if r.missing and r.override is None and r.next_step is not None:
            names = ", ".join(step_view(s, now).label for s in r.missing)
            status += " — " + self.tr("still to do: {steps}").format(steps=names)
        kit = kit_line(r.kit)
        self.status.setText(f"{status}\n{kit}" if kit else status)
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, step in enumerate(r.steps, start=1):
            view = step_view(step, now)
            item = QListWidgetItem(f"{number}. {view.short}\n      {view.detail or ' '}")
            item.setData(StepRole, step.key.value)
            item.setToolTip(view.full)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, view.full)
            item.setForeground(QColor(view.fg))
            item.setBackground(QColor(view.bg))
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        target = keep if keep is not None else (r.next_step or StepKey.CAMERA)
        self.select_step(target)
        self._show_step()
        self.loaded.emit()

    # ------------------------------------------------------------------ the step
    def current_step(self) -> StepKey | None:
        item = self.steps.currentItem()
        return StepKey(item.data(StepRole)) if item is not None else None

    def select_step(self, key: StepKey) -> None:
        for i in range(self.steps.count()):
            if self.steps.item(i).data(StepRole) == key.value:
                self.steps.setCurrentRow(i)
                return

    def step(self, key: StepKey) -> Step | None:
        return self.readiness.step(key) if self.readiness is not None else None

    def step_text(self, key: StepKey) -> str:
        """What the list says of a step (symbol, word and detail)."""
        for i in range(self.steps.count()):
            item = self.steps.item(i)
            if item.data(StepRole) == key.value:
                return str(item.data(Qt.ItemDataRole.AccessibleTextRole))
        return ""

    def _show_step(self) -> None:
        key = self.current_step()
        r = self.readiness
        if key is None or r is None or self.now is None:
            self.step_title.clear()
            self.step_state.clear()
            self.step_where.clear()
            self._update_buttons()
            return
        view = step_view(r.step(key), self.now)
        self.step_title.setText(view.label)
        self.step_state.setText(f"{view.symbol} {view.word}" + (
            f" — {view.detail}" if view.detail else ""))
        fg, bg = STATE_COLOURS[view.step.state]
        self.step_state.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
            " border-radius: 4px; padding: 4px; }"
        )
        self.step_state.setAccessibleDescription(view.full)
        self.step_where.setText(_where(key, r))
        self._update_buttons()

    def _update_buttons(self) -> None:
        key = self.current_step()
        step = self.step(key) if key is not None else None
        skipped = step is not None and step.state is StepState.SKIPPED
        skippable = step is not None and key in SKIPPABLE and step.open
        self.open_button.setEnabled(step is not None)
        self.reason.setEnabled(skippable)
        self.skip_button.setEnabled(skippable and bool(self.reason.text().strip()))
        self.unskip_button.setEnabled(skipped)
        self.sheet_button.setEnabled(self.readiness is not None)
        r = self.readiness
        open_status = r is not None and r.row.status in (SessionStatus.PLANNED,
                                                         SessionStatus.READY)
        can_mark = open_status and r is not None and not r.ready and r.override is None
        self.ready_reason.setEnabled(can_mark)
        self.ready_button.setEnabled(can_mark and bool(self.ready_reason.text().strip()))
        self.unready_button.setEnabled(open_status and r is not None and r.override is not None)

    # ------------------------------------------------------------------ actions
    def open_current(self) -> None:
        key = self.current_step()
        if key is not None and self.session_id is not None:
            self.open_requested.emit(self.session_id, key.value)

    def skip_current(self) -> None:
        key, sid = self.current_step(), self.session_id
        if key is None or sid is None or not self.skip_button.isEnabled():
            return
        reason = self.reason.text()
        services, by = self.services, operator_name()

        def skip(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            prep.skip_step(services, sid, key, reason, by)

        def done(_none: None) -> None:
            self.reason.clear()
            self.message.setText(self.tr("Step skipped; the reason is kept."))
            self.changed.emit()

        run_task(skip, on_success=done, on_error=self._failed, pool=self._pool, parent=self)

    def unskip_current(self) -> None:
        key, sid = self.current_step(), self.session_id
        if key is None or sid is None:
            return
        services = self.services

        def unskip(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            prep.unskip_step(services, sid, key)

        def done(_none: None) -> None:
            self.message.setText(self.tr("The step is to be done again."))
            self.changed.emit()

        run_task(unskip, on_success=done, on_error=self._failed, pool=self._pool, parent=self)

    def mark_ready(self, *, undo: bool = False) -> None:
        """Set the session ready by hand with the reason typed (or take that back)."""
        sid = self.session_id
        if sid is None:
            return
        reason = None if undo else self.ready_reason.text()
        if reason is not None and not reason.strip():
            return
        services, by = self.services, operator_name()

        def mark(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            prep.set_ready_override(services, sid, reason, by)

        def done(_none: None) -> None:
            self.ready_reason.clear()
            self.message.setText(
                self.tr("The session is ready only when its steps say so.") if undo
                else self.tr("The session is marked ready; the reason is kept."))
            self.changed.emit()

        run_task(mark, on_success=done, on_error=self._failed, pool=self._pool, parent=self)

    def _failed(self, err: BaseException) -> None:
        problem = known(err)
        self.message.setText("✖ " + error_text(problem))

    # ------------------------------------------------------------------ the sheet
    def ask_sheet(self) -> None:
        """Where to save the readiness sheet (a file dialog that does not block)."""
        r = self.readiness
        if r is None:
            return
        start = r.row.start.astimezone()
        slug = re.sub(r"[^\w]+", "-", r.row.title.lower()).strip("-")[:40] or "seance"
        suggested = Path.home() / f"preparation-{start:%Y%m%d-%H%M}-{slug}.pdf"
        dialog = QFileDialog(
            self, self.tr("Save the readiness sheet"), str(suggested), self.tr("PDF (*.pdf)")
        )
        dialog.setObjectName("ReadinessSheetDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.write_sheet(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def write_sheet(self, path: Path) -> None:
        """Write the sheet of the session as the page shows it, in a worker."""
        r, now = self.readiness, self.now
        if r is None or now is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.sheet_button.setEnabled(False)

        def write(_t: CancelToken, _p: Callable[[int, int], None]) -> Path:
            write_readiness_pdf(r, path, printed_at=now)
            return path

        def done(written: Path) -> None:
            self.sheet_button.setEnabled(True)
            self.message.setText(self.tr("Saved: {path}").format(path=str(written)))
            self.sheet_written.emit(str(written))

        def failed(err: BaseException) -> None:
            self.sheet_button.setEnabled(True)
            if not isinstance(err, RegieError):
                raise err
            self.message.setText("✖ " + error_text(err))

        run_task(write, on_success=done, on_error=failed, pool=self._pool, parent=self)
