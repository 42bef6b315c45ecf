"""The attendance dialog: typed counts, or Zoom's report and the registration list
imported with a preview before anything is saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.attendance import (
    MAX_COUNT,
    AttendanceFigures,
    AttendanceRecord,
    AttendanceService,
    CountSource,
    EarlierImport,
    RegistrationPreview,
    ZoomPreview,
)
from app.core.csvfiles import read_file_bytes
from app.core.models import SessionMode, SessionRow
from app.core.outbox import PendingKind, attendance_payload
from app.errors import RegieError
from app.ui.errors import known
from app.ui.i18n import error_text, number, percent
from app.ui.workers import (
    CancelToken,
    Pool,
    collection_deferred,
    interpreter_shared,
    run_task,
)

if TYPE_CHECKING:
    from app.ui.offline import ConnectionMonitor


class AttendanceServices(Protocol):
    @property
    def attendance(self) -> AttendanceService: ...


Preview = ZoomPreview | RegistrationPreview
_SAVE = QMessageBox.StandardButton.Save
_DISCARD = QMessageBox.StandardButton.Discard
_CANCEL = QMessageBox.StandardButton.Cancel


PreviewRow = tuple[str, str | None, int | None]  # name, e-mail, minutes
# What reading a file gives the window: the preview, the import it would replace, and the
# preview table's rows, all made on the worker.
_Found = tuple[Preview, EarlierImport | None, list[PreviewRow]]


def preview_rows(preview: Preview) -> list[PreviewRow]:
    """The preview table's rows, made where the file was read: the GUI thread only swaps
    the list in."""
    if isinstance(preview, ZoomPreview):
        return [(p.name, p.email, p.minutes) for p in preview.report.attendees]
    return [(p.name, p.email, None) for p in preview.registrations.registrants]


class PeopleModel(QAbstractTableModel):
    """The people an import found: name, e-mail, minutes. A cell's text is made when the
    view asks for it, so 30,000 people fill the preview at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[PreviewRow] = []
        self._titles = [self.tr("Name"), self.tr("E-mail"), self.tr("Minutes")]

    def set_people(self, people: list[PreviewRow]) -> None:
        self.beginResetModel()
        self._people = people
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self._people[index.row()][index.column()]
        if value is None:
            return ""
        return value if isinstance(value, str) else number(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


class AttendanceDialog(QDialog):
    """Counts for one session. Files are read in a worker; the agent sees what was found
    (attendees, merged reconnections, skipped rows) and what it replaces, and confirms
    before it is saved. Typed counts survive an import, and closing with counts not yet
    saved asks first."""

    def __init__(
        self,
        services: AttendanceServices,
        session_id: int,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
        row: SessionRow | None = None,
        connection: ConnectionMonitor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttendanceDialog")
        self._service = services.attendance
        self._session_id = session_id
        self._pool = pool
        self._connection = connection
        self.pending: Preview | None = None
        self.saving = False  # an import is being written by a worker
        self.replaces: EarlierImport | None = None  # what saving `pending` replaces
        self._saved_counts: dict[str, int] = {}  # the spin values last saved or loaded
        # Offline (the server cannot be reached), typed counts are kept on this computer
        # and sent later; `row` is the session as last known.
        self.offline = connection is not None and connection.offline and row is not None
        if self.offline:
            assert row is not None
            self.row = row
        else:
            try:
                self.row = self._service.session(session_id)
            except RegieError as err:
                if row is None or connection is None or not connection.report(err):
                    raise
                self.offline = True
                self.row = row
        self.setWindowTitle(self.tr("Attendance — {title}").format(title=self.row.title))
        self.setAccessibleName(self.tr("Attendance of the session"))

        heading = QLabel(
            self.tr("{title} · {day} · capacity {capacity}").format(
                title=self.row.title,
                day=self.row.start.astimezone().strftime("%d/%m/%Y %H:%M"),
                capacity=self.row.capacity,
            )
        )
        heading.setWordWrap(True)
        heading.setAccessibleName(self.tr("Session"))

        self.registered = self._spin(self.tr("Registered"))
        self.connected = self._spin(self.tr("Connected (remote)"))
        self.on_site = self._spin(self.tr("On site"))
        hybrid = self.row.mode is SessionMode.HYBRID
        self.on_site.setEnabled(hybrid)
        if not hybrid:
            self.on_site.setToolTip(self.tr("Remote session: nobody in the room."))
        form = QFormLayout()
        form.addRow(self.tr("&Registered:"), self.registered)
        form.addRow(self.tr("&Connected (remote):"), self.connected)
        form.addRow(self.tr("On &site:"), self.on_site)

        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.figures_label.setAccessibleName(self.tr("Derived figures"))
        self.figures_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.zoom_button = QPushButton(self.tr("Import &Zoom report…"))
        self.zoom_button.setAccessibleName(self.tr("Import Zoom's participant report"))
        self.zoom_button.clicked.connect(self._choose_zoom)
        self.reg_button = QPushButton(self.tr("Import registration &list…"))
        self.reg_button.setAccessibleName(self.tr("Import the registration list"))
        self.reg_button.clicked.connect(self._choose_registrations)
        imports = QHBoxLayout()
        imports.addWidget(self.zoom_button)
        imports.addWidget(self.reg_button)
        imports.addStretch(1)

        self.preview_box = QGroupBox(self.tr("Preview of the import"))
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        self.preview_summary.setAccessibleName(self.tr("Import summary"))
        self.preview_model = PeopleModel(self)
        self.preview_table = QTableView()
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setAccessibleName(self.tr("People found in the file"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.confirm_button = QPushButton(self.tr("Sa&ve the import"))
        self.confirm_button.setAccessibleName(self.tr("Save the imported people and count"))
        self.confirm_button.clicked.connect(self.confirm_import)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setAccessibleName(self.tr("Discard the import"))
        self.discard_button.clicked.connect(self.discard_import)
        self.save_progress = QProgressBar()
        self.save_progress.setAccessibleName(self.tr("Saving the import"))
        self.save_progress.hide()
        pv_buttons = QHBoxLayout()
        pv_buttons.addWidget(self.save_progress, 1)
        pv_buttons.addStretch(1)
        pv_buttons.addWidget(self.discard_button)
        pv_buttons.addWidget(self.confirm_button)
        pv = QVBoxLayout(self.preview_box)
        pv.addWidget(self.preview_summary)
        pv.addWidget(self.preview_table, 1)
        pv.addLayout(pv_buttons)
        self.preview_box.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(
            self.tr("Save the typed counts")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close")
        )
        self.buttons.accepted.connect(self.save_counts)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.figures_label)
        layout.addLayout(imports)
        layout.addWidget(self.preview_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(600, 540)
        self._spins = {
            "registered": self.registered,
            "connected": self.connected,
            "on_site": self.on_site,
        }
        self._mark_saved()
        if self.offline:
            self._go_offline()
        else:
            self._load()

    def _go_offline(self) -> None:
        """Counts can still be typed; imports need the server (people are matched there)."""
        self.offline = True
        why = self.tr("Needs the database server, which cannot be reached now.")
        for button in (self.zoom_button, self.reg_button):
            button.setEnabled(False)
            button.setToolTip(why)
        self.figures_label.setText(self.tr("Figures are shown when the server answers again."))
        self.message.setText(
            self.tr(
                "The database server cannot be reached: the counts you save are kept on this "
                "computer and sent when it answers again."
            )
        )

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(-1, MAX_COUNT)
        spin.setSpecialValueText(self.tr("not recorded"))
        spin.setValue(-1)
        spin.setAccessibleName(name)
        return spin

    @staticmethod
    def _value(spin: QSpinBox) -> int | None:
        return None if spin.value() < 0 else spin.value()

    def _load(self) -> None:
        record = self._service.record(self._session_id)
        for spin, value in (
            (self.registered, record.registered if record else None),
            (self.connected, record.connected if record else None),
            (self.on_site, record.on_site if record else None),
        ):
            spin.setValue(-1 if value is None else value)
        self._mark_saved()
        self._show_figures(self._service.figures(self._session_id))

    # ------------------------------------------------------------------ unsaved counts
    def _mark_saved(self) -> None:
        self._saved_counts = {name: spin.value() for name, spin in self._spins.items()}

    def typed_counts(self) -> dict[str, int]:
        """Counts typed since the last save or load (not saved yet), by field."""
        return {
            name: spin.value()
            for name, spin in self._spins.items()
            if spin.isEnabled() and spin.value() != self._saved_counts.get(name)
        }

    def reject(self) -> None:
        """Close; with typed counts not yet saved, ask first (save, discard, or stay)."""
        if self.saving:
            self.message.setText(
                self.tr("The import is being saved: close the window once it is done.")
            )
            return
        if not self.typed_counts():
            super().reject()
            return
        box = self._question(
            "UnsavedCountsBox",
            self.tr("The counts you typed are not saved yet."),
            self.tr("Save them before closing?"),
        )
        for button, name in ((_SAVE, "save"), (_DISCARD, "discard"), (_CANCEL, "cancel")):
            box.addButton(button).setObjectName(name)
        box.setDefaultButton(_SAVE)
        box.setEscapeButton(_CANCEL)
        box.buttonClicked.connect(self._unsaved_answered)
        box.open()

    def _question(self, name: str, text: str, more: str) -> QMessageBox:
        """A question in its own non-blocking box, deleted once answered."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        box.setObjectName(name)
        box.setInformativeText(more)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    def _unsaved_answered(self, button: QAbstractButton) -> None:
        if button.objectName() == "save":
            if self.save_counts():
                self.accept()
        elif button.objectName() == "discard":
            super().reject()

    def _show_figures(self, f: AttendanceFigures) -> None:
        def rate(value: float | None) -> str:
            return "—" if value is None else percent(value, 1)

        self.figures_label.setText(
            self.tr(
                "No-show: {no_show} · fill rate: {fill} · peak: {peak} · median time: {median} min"
            ).format(
                no_show=rate(f.no_show_rate),
                fill=rate(f.fill_rate),
                peak="—" if f.peak_concurrent is None else number(f.peak_concurrent),
                median="—" if f.median_minutes is None else number(round(f.median_minutes)),
            )
        )

    # ------------------------------------------------------------------ typed counts
    def save_counts(self) -> bool:
        counts = {
            "registered": self._value(self.registered),
            "connected": self._value(self.connected),
            "on_site": self._value(self.on_site) if self.on_site.isEnabled() else None,
        }
        if not self.offline:
            try:
                self._service.set_counts(self._session_id, **counts)
            except RegieError as err:
                if self._connection is None or not self._connection.report(err):
                    self.message.setText(error_text(err))
                    return False
                self._go_offline()
        if self.offline:
            if not self._queue_counts(counts):
                return False
            self._mark_saved()
            return True
        self.message.setText(self.tr("Counts saved."))
        self._load()
        return True

    def _queue_counts(self, counts: dict[str, int | None]) -> bool:
        assert self._connection is not None
        if all(v is None for v in counts.values()):
            self.message.setText(self.tr("Type at least one count to save."))
            return False
        try:
            waiting = self._connection.queue(
                PendingKind.ATTENDANCE, attendance_payload(self._session_id, **counts)
            )
        except RegieError as err:
            self.message.setText(error_text(err))
            return False
        self.message.setText(
            self.tr(
                "The database server cannot be reached: the counts are kept on this computer "
                "and will be sent when it answers again (%n waiting).",
                "",
                waiting,
            )
        )
        return True

    # ------------------------------------------------------------------ imports
    def _choose_zoom(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Zoom participant report"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if name:
            self.import_zoom_file(Path(name))

    def _choose_registrations(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Registration list"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if name:
            self.import_registration_file(Path(name))

    def import_zoom_file(self, path: Path) -> None:
        service, sid = self._service, self._session_id
        self._start(lambda: service.preview_zoom(sid, read_file_bytes(path), str(path)))

    def import_registration_file(self, path: Path) -> None:
        service, sid = self._service, self._session_id
        self._start(lambda: service.preview_registrations(sid, read_file_bytes(path), str(path)))

    def _start(self, read: Callable[[], Preview]) -> None:
        self.discard_import()
        self._busy(True)
        self.message.setText(self.tr("Reading the file…"))
        service = self._service

        def job(_token: CancelToken, _progress: Callable[[int, int], None]) -> _Found:
            with collection_deferred(), interpreter_shared():
                preview = read()
                people = preview_rows(preview)  # here, not on the GUI thread
            return preview, service.earlier_import(preview), people

        run_task(
            job, on_success=self._previewed, on_error=self._failed, pool=self._pool, parent=self
        )

    def _busy(self, busy: bool) -> None:
        for w in (self.zoom_button, self.reg_button, self.buttons):
            w.setEnabled(not busy)

    def _previewed(self, found: _Found) -> None:
        preview, self.replaces, people = found
        self._busy(False)
        self.pending = preview
        if isinstance(preview, ZoomPreview):
            r = preview.report
            self.preview_summary.setText(
                self.tr(
                    "{attendees} ({rows}, {merged}, {skipped}: host or waiting room only). "
                    "Peak: {peak}."
                ).format(
                    attendees=self.tr("%Ln attendees", "", r.unique_attendees),
                    rows=self.tr("%Ln rows read", "", r.rows_read),
                    merged=self.tr("%Ln reconnections merged", "", r.merged_reconnections),
                    skipped=self.tr("%Ln rows skipped", "", r.skipped_rows),
                    peak="—" if r.peak_concurrent is None else number(r.peak_concurrent),
                )
            )
        else:
            g = preview.registrations
            self.preview_summary.setText(
                self.tr("{registered} ({rows}, {dup}, {skipped}).").format(
                    registered=self.tr("%Ln registered", "", g.count),
                    rows=self.tr("%Ln rows read", "", g.rows_read),
                    dup=self.tr("%Ln duplicates", "", g.duplicates),
                    skipped=self.tr("%Ln cancelled or refused", "", g.skipped_cancelled),
                )
            )
        self.preview_model.set_people(people)
        if self.replaces is not None:
            self.preview_summary.setText(
                self.preview_summary.text() + "\n▲ " + self.replaced_text(self.replaces)
            )
        self.preview_box.show()
        self.message.setText(self.tr("Check the preview, then save the import or discard it."))
        self.confirm_button.setFocus()

    def replaced_text(self, earlier: EarlierImport) -> str:
        """What saving the import replaces, in words: which file, when, how many people."""
        zoom = earlier.source is CountSource.ZOOM
        if earlier.imported_at is None:
            text = (
                self.tr("Saving replaces the Zoom report imported earlier (number of people: "
                        "{people}; their names were removed after the retention period).")
                if zoom else
                self.tr("Saving replaces the registration list imported earlier (number of "
                        "people: {people}; their names were removed after the retention "
                        "period).")
            )
            return text.format(people=earlier.people)
        text = (
            self.tr("Saving replaces the Zoom report imported on {when} (number of people: "
                    "{people}).")
            if zoom else
            self.tr("Saving replaces the registration list imported on {when} (number of "
                    "people: {people}).")
        )
        when = earlier.imported_at.astimezone().strftime("%d/%m/%Y %H:%M")
        return text.format(when=when, people=earlier.people)

    def _failed(self, err: BaseException) -> None:
        self._busy(False)
        problem = known(err)
        self.message.setText(
            self.tr("Nothing was imported. {error}").format(error=error_text(problem))
        )

    def confirm_import(self) -> None:
        """Save the previewed import; one that replaces an earlier import asks first."""
        preview, earlier = self.pending, self.replaces
        if preview is None:
            return
        if earlier is None:
            self._commit(preview)
            return
        box = self._question(
            "ReplaceImportBox",
            self.replaced_text(earlier),
            self.tr("Replace it with the file you are importing?"),
        )
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replace")
        replace.setAccessibleName(self.tr("Replace the earlier import"))
        keep = box.addButton(self.tr("&Keep the earlier one"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        keep.setAccessibleName(self.tr("Keep the earlier import"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(self._replace_answered)
        box.open()

    def _replace_answered(self, button: QAbstractButton) -> None:
        if button.objectName() == "replace" and self.pending is not None:
            self._commit(self.pending)

    def _commit(self, preview: Preview) -> None:
        """Write the import in a worker: one transaction, all or nothing, while the
        dialog shows how far it is and stays responsive."""
        service = self._service

        def job(_token: CancelToken, progress: Callable[[int, int], None]) -> AttendanceRecord:
            with collection_deferred(), interpreter_shared():
                if isinstance(preview, ZoomPreview):
                    return service.commit_zoom(preview, progress)
                return service.commit_registrations(preview, progress)

        self._saving(True)
        self.message.setText(self.tr("Saving the import…"))
        run_task(
            job,
            on_success=lambda _record: self._committed(preview),
            on_error=self._commit_failed,
            on_progress=self._save_progressed,
            pool=self._pool,
            parent=self,
        )

    def _saving(self, saving: bool) -> None:
        self.saving = saving
        self._busy(saving)
        for w in (self.confirm_button, self.discard_button):
            w.setEnabled(not saving)
        self.save_progress.setRange(0, 0)  # busy until the first chunk is written
        self.save_progress.setVisible(saving)

    def _save_progressed(self, done: int, total: int) -> None:
        self.save_progress.setRange(0, total)
        self.save_progress.setValue(done)

    def _commit_failed(self, err: BaseException) -> None:
        """Nothing was written (one transaction); the preview stays, to try again."""
        self._saving(False)
        self.message.setText(self.tr("The import was not saved."))  # kept if `err` is a bug
        self.message.setText(
            self.tr("The import was not saved. {error}").format(error=error_text(known(err)))
        )

    def _committed(self, preview: Preview) -> None:
        self._saving(False)
        typed = self.typed_counts()
        self.discard_import()
        self._load()
        # Counts typed before or during the import stay on screen, still to be saved; the
        # count the file brings is the file's.
        filled = "connected" if isinstance(preview, ZoomPreview) else "registered"
        kept = {name: value for name, value in typed.items() if name != filled}
        for name, value in kept.items():
            self._spins[name].setValue(value)
        text = self.tr("Import saved.")
        if kept:
            text += " " + self.tr("The counts you typed are kept; press Save to record them.")
        self.message.setText(text)

    def discard_import(self) -> None:
        self.pending = None
        self.replaces = None
        self.preview_model.set_people([])
        self.preview_summary.clear()
        self.preview_box.hide()
