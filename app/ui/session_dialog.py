"""Create / edit / duplicate a session: a keyboard-driven form validated by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.licences import ClashReason, LicenceClashError
from app.core.models import (
    MODE_LABELS,
    STATUS_LABELS,
    Branch,
    SessionDraft,
    SessionMode,
    SessionStatus,
    SessionType,
    Staff,
)
from app.core.sessions import MAX_CAPACITY, MAX_TITLE, SessionService, validate_draft
from app.errors import RegieError, ValidationError
from app.ui.errors import known
from app.ui.i18n import error_text, label
from app.ui.workers import CancelToken, Pool, run_task


class SessionDialog(QDialog):
    """The form; `draft()` returns what was typed once the dialog is accepted.

    Saving is the caller's job (through the service): the dialog only validates, so it
    can be used for creating, editing and duplicating alike.
    """

    def __init__(
        self,
        service: SessionService,
        *,
        types: list[SessionType],
        branches: list[Branch],
        staff: list[Staff],
        draft: SessionDraft | None = None,
        title: str = "",
        allowed_statuses: list[SessionStatus] | None = None,
        save: bool = True,
        session_id: int | None = None,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = pool
        self._session_id = session_id
        self._save = save
        self._result: SessionDraft | None = None
        self.saved_id: int | None = None
        self.setWindowTitle(title or self.tr("New session"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("e.g. Reading circle: winter novels"))
        self.title_edit.setAccessibleName(self.tr("Title"))

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Session type"))
        for t in types:
            self.type_combo.addItem(t.name, t.id)

        self.branch_combo = QComboBox()
        self.branch_combo.setAccessibleName(self.tr("Branch"))
        for b in branches:
            self.branch_combo.addItem(b.name, b.id)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.end_edit = QTimeEdit()
        self.end_edit.setDisplayFormat("HH:mm")
        self.end_edit.setAccessibleName(self.tr("End time"))
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 2)
        from_label = QLabel(self.tr("from"))
        when.addWidget(from_label)
        when.addWidget(self.start_edit, 1)
        to_label = QLabel(self.tr("to"))
        when.addWidget(to_label)
        when.addWidget(self.end_edit, 1)

        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Mode"))
        for m in SessionMode:
            self.mode_combo.addItem(label(MODE_LABELS[m]), m.value)

        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, MAX_CAPACITY)
        self.capacity_spin.setAccessibleName(self.tr("Capacity"))
        self.capacity_spin.setToolTip(self.tr("How many people may register (the jauge)."))

        self.host_combo = QComboBox()
        self.host_combo.setAccessibleName(self.tr("Host"))
        self.host_combo.addItem(self.tr("(nobody yet)"), None)
        for s in staff:
            if s.active:
                self.host_combo.addItem(s.name, s.id)

        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        for st in allowed_statuses or [SessionStatus.PLANNED]:
            self.status_combo.addItem(label(STATUS_LABELS[st]), st.value)
        self.status_combo.setEnabled(self.status_combo.count() > 1)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a31515; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Title"), self.title_edit), self.title_edit)
        form.addRow(self._buddy(self.tr("T&ype"), self.type_combo), self.type_combo)
        form.addRow(self._buddy(self.tr("&Branch"), self.branch_combo), self.branch_combo)
        form.addRow(self._buddy(self.tr("&Date"), self.date_edit), when)
        form.addRow(self._buddy(self.tr("&Mode"), self.mode_combo), self.mode_combo)
        form.addRow(self._buddy(self.tr("&Capacity"), self.capacity_spin), self.capacity_spin)
        form.addRow(self._buddy(self.tr("&Host"), self.host_combo), self.host_combo)
        form.addRow(self._buddy(self.tr("&Status"), self.status_combo), self.status_combo)
        form.addRow(self._buddy(self.tr("&Notes"), self.notes_edit), self.notes_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fill(draft)
        self.title_edit.setFocus()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(widget)
        return lab

    def _fill(self, draft: SessionDraft | None) -> None:
        if draft is None:
            start = (self._service.now() + timedelta(days=7)).replace(
                hour=18, minute=0, second=0, microsecond=0
            )
            self.date_edit.setDate(QDate(start.year, start.month, start.day))
            self.start_edit.setTime(QTime(18, 0))
            self.end_edit.setTime(QTime(19, 30))
            self.capacity_spin.setValue(20)
            return
        start = draft.start.astimezone()
        end = draft.end.astimezone()
        self.title_edit.setText(draft.title)
        _select(self.type_combo, draft.type_id)
        _select(self.branch_combo, draft.branch_id)
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.end_edit.setTime(QTime(end.hour, end.minute))
        _select(self.mode_combo, draft.mode.value)
        self.capacity_spin.setValue(draft.capacity)
        _select(self.host_combo, draft.host_id)
        _select(self.status_combo, draft.status.value)
        self.notes_edit.setPlainText(draft.notes)
        self._licence_id = draft.licence_id

    _licence_id: int | None = None

    def current_draft(self) -> SessionDraft:
        d = self.date_edit.date()
        s = self.start_edit.time()
        e = self.end_edit.time()
        start = datetime(d.year(), d.month(), d.day(), s.hour(), s.minute()).astimezone()
        end = datetime(d.year(), d.month(), d.day(), e.hour(), e.minute()).astimezone()
        return SessionDraft(
            title=self.title_edit.text(),
            type_id=int(self.type_combo.currentData() or 0),
            branch_id=int(self.branch_combo.currentData() or 0),
            start=start,
            end=end,
            mode=SessionMode(self.mode_combo.currentData()),
            capacity=self.capacity_spin.value(),
            host_id=self.host_combo.currentData(),
            licence_id=self._licence_id,
            status=SessionStatus(self.status_combo.currentData()),
            notes=self.notes_edit.toPlainText(),
        )

    def draft(self) -> SessionDraft | None:
        return self._result

    def show_error(self, err: RegieError) -> None:
        self.error_label.setText("✖ " + error_text(err))
        self.error_label.show()
        field = err.field if isinstance(err, ValidationError) else ""
        if isinstance(err, LicenceClashError):
            field = _CLASH_FIELDS.get(err.reason, "")
        target = {
            "title": self.title_edit,
            "start": self.start_edit,
            "end": self.end_edit,
            "capacity": self.capacity_spin,
            "type": self.type_combo,
            "branch": self.branch_combo,
            "host": self.host_combo,
            "status": self.status_combo,
        }.get(field)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Checked here, saved in a worker (the database may be on the network); the form
        stays open, and says why, when the save is refused."""
        try:
            draft = validate_draft(self.current_draft())
        except RegieError as err:
            self.show_error(err)
            return
        if not self._save:
            self._done(draft, None)
            return
        service, session_id = self._service, self._session_id

        def save(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            if session_id is None:
                return service.create(draft)
            service.update(session_id, draft)
            return session_id

        def failed(err: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.show_error(known(err))

        self.buttons.setEnabled(False)
        run_task(save, on_success=lambda saved: self._done(draft, saved), on_error=failed,
                 pool=self._pool, parent=self)

    def _done(self, draft: SessionDraft, saved_id: int | None) -> None:
        self.buttons.setEnabled(True)
        self.saved_id = saved_id
        self._result = draft
        super().accept()


# Where the person fixes a clash with the session's licence.
_CLASH_FIELDS = {
    ClashReason.OVERLAP: "start",
    ClashReason.CAPACITY: "capacity",
    ClashReason.BRANCH: "branch",
}


def _select(combo: QComboBox, data: object) -> None:
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)
