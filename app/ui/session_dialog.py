"""Create / edit / duplicate a session: a keyboard-driven form validated by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
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
    Licence,
    MeetingRecord,
    SessionDraft,
    SessionMode,
    SessionStatus,
    SessionType,
    Staff,
)
from app.core.sessions import MAX_CAPACITY, MAX_TITLE, validate_draft
from app.errors import RegieError, ValidationError
from app.services.sessions import (
    AUTO,
    LicenceChoice,
    LicenceOptions,
    MeetingEntry,
    SavedSession,
    check_meeting,
    licence_options,
    save_session,
)
from app.ui import colours
from app.ui.errors import known
from app.ui.i18n import error_text, label
from app.ui.workers import CancelToken, Pool, run_task
from app.zoom.launch import parse_join_link
from app.zoom.vault import VaultError

if TYPE_CHECKING:
    from app.services import Services

# Statuses whose licence is part of the session's history (it cannot change any more).
_HISTORY = (SessionStatus.DONE, SessionStatus.CANCELLED)
# What the dialog needs around its fields: title bar, the problem line, the buttons.
_CHROME = 180
# Wait this long after the last change of date, time, capacity… before asking again
# which licences fit (the database is asked in a worker).
FIT_DELAY_MS = 250


class _FieldsScroll(QScrollArea):
    """Asks for the height of its fields, up to what the screen has room for; beyond
    that the fields scroll."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        room = self.screen().availableGeometry().height() - _CHROME
        wanted = inner.sizeHint()
        return QSize(max(hint.width(), wanted.width()), min(wanted.height() + 4, room))


class SessionDialog(QDialog):
    """The form for creating, editing and duplicating a session, with its Zoom licence
    and meeting; `draft()` returns what was typed once the dialog is accepted.

    Saved in a worker, all at once (`app.services.sessions.save_session`): a refusal
    keeps the form open with the reason. With `save=False` the dialog only validates.
    """

    def __init__(
        self,
        services: Services,
        *,
        types: list[SessionType],
        branches: list[Branch],
        staff: list[Staff],
        draft: SessionDraft | None = None,
        meeting: MeetingRecord | None = None,
        title: str = "",
        allowed_statuses: list[SessionStatus] | None = None,
        save: bool = True,
        session_id: int | None = None,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._service = services.sessions
        self._pool = pool
        self._session_id = session_id
        self._save = save
        self._result: SessionDraft | None = None
        self.saved_id: int | None = None
        self.saved: SavedSession | None = None
        self.setWindowTitle(title or self.tr("New session"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

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
        self.error_label.setStyleSheet(f"color: {colours.ERROR_TEXT}; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Title"), self.title_edit), self.title_edit)
        form.addRow(self._buddy(self.tr("T&ype"), self.type_combo), self.type_combo)
        form.addRow(self._buddy(self.tr("&Branch"), self.branch_combo), self.branch_combo)
        form.addRow(self._buddy(self.tr("&Date"), self.date_edit), when)
        form.addRow(self._buddy(self.tr("&Mode"), self.mode_combo), self.mode_combo)
        form.addRow(self._buddy(self.tr("&Capacity"), self.capacity_spin), self.capacity_spin)
        self.forecast_label = QLabel()
        self.forecast_label.setObjectName("FormForecast")
        self.forecast_label.setWordWrap(True)
        self.forecast_label.setAccessibleName(self.tr("Registrations to accept"))
        form.addRow("", self.forecast_label)
        form.addRow(self._buddy(self.tr("&Host"), self.host_combo), self.host_combo)
        form.addRow(self._buddy(self.tr("&Status"), self.status_combo), self.status_combo)
        form.addRow(self._buddy(self.tr("&Notes"), self.notes_edit), self.notes_edit)

        self._build_zoom_part(meeting)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # The fields scroll on a small screen; the problem and the buttons stay in view.
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.zoom_box)
        column.addStretch(1)
        self.scroll_area = _FieldsScroll()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(inner)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.scroll_area.setMinimumHeight(200)
        self.setMaximumHeight(self.screen().availableGeometry().height())

        self._fill(draft)
        for signal in (
            self.branch_combo.currentIndexChanged,
            self.date_edit.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
            self.capacity_spin.valueChanged,
            self.status_combo.currentIndexChanged,
        ):
            signal.connect(self._fits_changed)
        self.refresh_licences()
        self._forecast_generation = 0
        self._forecast_timer = QTimer(self)
        self._forecast_timer.setSingleShot(True)
        self._forecast_timer.setInterval(FIT_DELAY_MS)
        self._forecast_timer.timeout.connect(self.refresh_forecast)
        for signal in (
            self.type_combo.currentIndexChanged,
            self.branch_combo.currentIndexChanged,
            self.capacity_spin.valueChanged,
        ):
            signal.connect(self._forecast_timer.start)
        self.refresh_forecast()
        self.title_edit.setFocus()

    def refresh_forecast(self) -> None:
        """How many registrations to accept for the type, branch and capacity as typed,
        worked out in a worker."""
        self._forecast_timer.stop()
        self._forecast_generation += 1
        generation = self._forecast_generation
        capacity = self.capacity_spin.value()
        type_id, branch_id = self.type_combo.currentData(), self.branch_combo.currentData()
        if capacity < 1 or type_id is None:
            self.forecast_label.setText(
                self.tr("Enter the capacity to see how many registrations to accept.")
            )
            return
        feature = self._services.registrations

        def work(
            _t: CancelToken, _p: Callable[[int, int], None]
        ) -> tuple[str, dict[str, object]]:
            return feature.advice_for(
                capacity=capacity, type_id=int(type_id), branch_id=branch_id
            ).sentence()

        def done(sentence: tuple[str, dict[str, object]]) -> None:
            if generation == self._forecast_generation:
                template, fields = sentence
                self.forecast_label.setText(
                    QCoreApplication.translate("forecast", template).format(**fields)
                )

        def failed(err: BaseException) -> None:
            if generation == self._forecast_generation:
                self.forecast_label.setText("✖ " + error_text(known(err)))

        run_task(work, on_success=done, on_error=failed, pool=self._pool, parent=self)

    # ------------------------------------------------------------------ licence and meeting
    def _build_zoom_part(self, meeting: MeetingRecord | None) -> None:
        self.zoom_box = QGroupBox(self.tr("Licence and meeting"))
        self.zoom_box.setObjectName("LicenceAndMeeting")
        self.zoom_box.setAccessibleName(self.zoom_box.title())

        self._options: LicenceOptions | None = None
        self._fit_generation = 0
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self.refresh_licences)
        self.licence_combo = QComboBox()
        self.licence_combo.setObjectName("LicenceCombo")
        self.licence_combo.setAccessibleName(self.tr("Licence"))
        self.licence_combo.currentIndexChanged.connect(self._licence_picked)
        self.licence_status = QLabel()
        self.licence_status.setObjectName("LicenceStatus")
        self.licence_status.setWordWrap(True)
        self.licence_status.setAccessibleName(self.tr("Licence check"))
        self.licence_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.meeting_edit = QLineEdit(meeting.meeting_id if meeting else "")
        self.meeting_edit.setAccessibleName(self.tr("Meeting ID"))
        self.meeting_edit.setPlaceholderText(self.tr("e.g. 123 4567 8901"))
        self.link_edit = QLineEdit((meeting.join_url or "") if meeting else "")
        self.link_edit.setAccessibleName(self.tr("Join link"))
        self.link_edit.setPlaceholderText(
            self.tr("Paste the invitation link: it fills the ID and the passcode")
        )
        self.link_edit.textChanged.connect(self._link_changed)
        self.passcode_edit = QLineEdit()
        self.passcode_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passcode_edit.setAccessibleName(self.tr("Passcode"))
        self.passcode_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._stored_passcode = meeting is not None and meeting.passcode_ref is not None
        self.remove_passcode = QCheckBox(self.tr("Remo&ve the stored passcode"))
        self.remove_passcode.setAccessibleName(self.tr("Remove the stored passcode"))
        self.remove_passcode.toggled.connect(self._show_passcode_state)
        self.remove_passcode.setVisible(self._stored_passcode)
        self.passcode_edit.textChanged.connect(self._show_passcode_state)
        self.link_note = QLabel()
        self.link_note.setWordWrap(True)
        self.link_note.setAccessibleName(self.tr("Join link"))
        self.link_note.hide()

        zoom = QFormLayout(self.zoom_box)
        zoom.addRow(self._buddy(self.tr("&Licence"), self.licence_combo), self.licence_combo)
        zoom.addRow("", self.licence_status)
        zoom.addRow(self._buddy(self.tr("&Join link"), self.link_edit), self.link_edit)
        zoom.addRow("", self.link_note)
        zoom.addRow(self._buddy(self.tr("Meeting &ID"), self.meeting_edit), self.meeting_edit)
        zoom.addRow(self._buddy(self.tr("&Passcode"), self.passcode_edit), self.passcode_edit)
        zoom.addRow("", self.remove_passcode)
        self._show_passcode_state()

    def _grow(self) -> None:
        """Taller when a message takes more lines, as far as the screen allows."""
        self.scroll_area.updateGeometry()
        layout = self.layout()
        if layout is None:
            return
        layout.invalidate()
        wanted = layout.sizeHint().height()
        if self.isVisible() and wanted > self.height():
            self.resize(self.width(), min(wanted, self.maximumHeight()))

    def licence_choice(self) -> LicenceChoice:
        data = self.licence_combo.currentData()
        if data is None and self.licence_combo.currentIndex() < 0:
            return self._wanted
        return data if data == AUTO or data is None else int(data)

    def _fits_changed(self) -> None:
        self._fit_timer.start()

    def refresh_licences(self) -> None:
        """Ask, in a worker, which licences fit the session as typed now."""
        self._fit_timer.stop()
        self._fit_generation += 1
        generation = self._fit_generation
        services, session_id, draft = self._services, self._session_id, self.current_draft()

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> LicenceOptions:
            return licence_options(services, session_id, draft)

        def done(options: LicenceOptions) -> None:
            if generation == self._fit_generation:
                self._show_options(options)

        def failed(err: BaseException) -> None:
            if generation == self._fit_generation:
                self.licence_status.setText("✖ " + error_text(known(err)))

        if self._options is None:
            self.licence_status.setText(self.tr("Checking the licences…"))
        run_task(work, on_success=done, on_error=failed, pool=self._pool, parent=self)

    def _show_options(self, options: LicenceOptions) -> None:
        self._options = options
        wanted = self._wanted
        combo = self.licence_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No licence"), None)
        if options.best is not None:
            best = self.tr("Best free licence (now: %1)").replace("%1", options.best.label)
        else:
            best = self.tr("Best free licence (none is free)")
        combo.addItem(best, AUTO)
        for lic, problem in options.fits:
            combo.addItem(f"{lic.label} — {self._short_reason(lic, problem)}", lic.id)
        i = combo.findData(wanted)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)
        self._licence_picked()

    def _short_reason(self, lic: Licence, problem: LicenceClashError | None) -> str:
        """The licence's state at the session's time, in a few words for the list."""
        if problem is None:
            return "✔ " + self.tr("free (%1 participants)").replace(
                "%1", str(lic.participant_cap)
            )
        if problem.reason is ClashReason.OVERLAP:
            other = problem.clashing
            if other is None:
                return "✖ " + self.tr("booked at that time")
            return "✖ " + (
                self.tr("booked for “%1” (session %2) at %3")
                .replace("%1", other.title)
                .replace("%2", str(other.session_id))
                .replace("%3", f"{other.start.astimezone():%H:%M}")
            )
        if problem.reason is ClashReason.CAPACITY:
            return "✖ " + self.tr("admits %1 participants, the session expects %2").replace(
                "%1", str(lic.participant_cap)
            ).replace("%2", str(problem.params.get("capacity", "")))
        if problem.reason is ClashReason.BRANCH:
            return "✖ " + self.tr("reserved for another branch")
        return "✖ " + self.tr("deactivated")

    def _licence_picked(self) -> None:
        choice = self.licence_choice()
        self._wanted = choice
        options = self._options
        if options is None:
            return
        text = ""
        if choice == AUTO:
            if options.best is not None:
                text = "✔ " + self.tr("“%1” will be booked when you save.").replace(
                    "%1", options.best.label
                )
            elif options.no_best is not None:
                text = "✖ " + error_text(options.no_best)
        elif choice is not None:
            problem = next((p for lic, p in options.fits if lic.id == choice), None)
            text = "✖ " + error_text(problem) if problem else "✔ " + self.tr(
                "Free at that time: it will be booked when you save."
            )
        else:
            text = self.tr("The session will have no licence.")
        self.licence_status.setText(text)
        self.licence_combo.setAccessibleDescription(text)
        self._grow()

    def _link_changed(self, text: str) -> None:
        """A pasted join link fills the meeting ID and the passcode; the link keeps no
        passcode (it goes to the keyring with the others when the session is saved)."""
        if "://" not in text:
            return
        try:
            link = parse_join_link(text)
        except ValidationError:
            return
        self.meeting_edit.setText(link.meeting_id)
        if link.passcode:
            self.passcode_edit.setText(link.passcode)
            self.remove_passcode.setChecked(False)
        if link.join_url != text:
            self.link_edit.blockSignals(True)
            self.link_edit.setText(link.join_url)
            self.link_edit.blockSignals(False)
        self.link_note.setText(
            "✔ " + (
                self.tr("Meeting ID and passcode taken from the link.")
                if link.passcode
                else self.tr("Meeting ID taken from the link (it has no passcode).")
            )
        )
        self.link_note.show()
        self._grow()

    def _show_passcode_state(self) -> None:
        removing = self.remove_passcode.isChecked()
        self.passcode_edit.setEnabled(not removing)
        if removing:
            self.passcode_edit.clear()
            hint = self.tr("The stored passcode will be removed when you save.")
        elif self._stored_passcode:
            hint = self.tr("•••• kept in the keyring; type a new one to replace it")
        else:
            hint = self.tr("Kept in the keyring only")
        self.passcode_edit.setPlaceholderText(hint)
        self.passcode_edit.setAccessibleDescription(hint)

    def meeting_entry(self) -> MeetingEntry:
        """The meeting as typed; the passcode only if one was typed (else kept or removed)."""
        return MeetingEntry(
            meeting_id=self.meeting_edit.text(),
            join_url=self.link_edit.text(),
            passcode=self.passcode_edit.text() or None,
            remove_passcode=self.remove_passcode.isChecked(),
        )

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
        self._wanted = draft.licence_id
        # A session over or cancelled keeps its licence: part of its history.
        self.licence_combo.setEnabled(draft.status not in _HISTORY)

    _wanted: LicenceChoice = None

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
            licence_id=self._draft_licence(),
            status=SessionStatus(self.status_combo.currentData()),
            notes=self.notes_edit.toPlainText(),
        )

    def _draft_licence(self) -> int | None:
        choice = self.licence_choice()
        return choice if isinstance(choice, int) else None

    def draft(self) -> SessionDraft | None:
        return self._result

    def show_error(self, err: RegieError) -> None:
        self.error_label.setText("✖ " + error_text(err))
        self.error_label.show()
        self._grow()
        field = err.field if isinstance(err, ValidationError) else ""
        if isinstance(err, LicenceClashError):
            field = _CLASH_FIELDS.get(err.reason, "licence")
        if isinstance(err, VaultError):
            field = "passcode"
        target: QWidget | None = {
            "title": self.title_edit,
            "start": self.start_edit,
            "end": self.end_edit,
            "capacity": self.capacity_spin,
            "type": self.type_combo,
            "branch": self.branch_combo,
            "host": self.host_combo,
            "status": self.status_combo,
            "licence": self.licence_combo,
            "meeting_id": self.meeting_edit,
            "join_url": self.link_edit,
            "passcode": self.passcode_edit,
        }.get(field)
        if target is not None:
            self.scroll_area.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Checked here, saved in a worker (the database may be on the network); the form
        stays open, and says why, when the save is refused."""
        meeting = self.meeting_entry()
        try:
            draft = validate_draft(self.current_draft())
            check_meeting(meeting)  # typed values first, before any worker
        except RegieError as err:
            self.show_error(err)
            return
        if not self._save:
            self._done(draft, None)
            return
        services, session_id, choice = self._services, self._session_id, self.licence_choice()

        def save(_t: CancelToken, _p: Callable[[int, int], None]) -> SavedSession:
            return save_session(services, session_id, draft, licence=choice, meeting=meeting)

        def failed(err: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.show_error(known(err))
            self.refresh_licences()  # what is booked may have changed meanwhile

        self.buttons.setEnabled(False)
        run_task(save, on_success=lambda saved: self._done(draft, saved), on_error=failed,
                 pool=self._pool, parent=self)

    def _done(self, draft: SessionDraft, saved: SavedSession | None) -> None:
        self.buttons.setEnabled(True)
        self.passcode_edit.clear()  # the passcode is in the keyring now
        self.saved = saved
        self.saved_id = saved.session_id if saved is not None else None
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
