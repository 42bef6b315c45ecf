"""The training records: who went through which checklist, guided, and when."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import ChecklistService, TrainingRecord
from app.core.models import MODE_LABELS, Staff
from app.errors import RegieError, ServerUnreachable
from app.services import Services
from app.ui.i18n import error_text, label, number, short_datetime
from app.ui.workers import CancelToken, Pool, run_task


class TrainingRecordsView(QWidget):
    """Signed-off guided runs per staff member: who practised which checklist, when."""

    loaded = Signal()

    COLUMNS = 8

    def __init__(
        self,
        services: Services,
        checklists: ChecklistService,
        parent: QWidget | None = None,
        *,
        people: Callable[[], list[Staff]] | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.service = checklists
        self._people = people or services.references.staff
        self._pool = pool
        self._generation = 0
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Staff member"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Training records"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Staff member"), self.tr("Checklist"), self.tr("Version"), self.tr("Mode"),
            self.tr("Session"), self.tr("Finished"), self.tr("Minutes"), self.tr("Signed off by"),
        ])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr(
            "No training record yet: a guided run appears here once it is signed off."))
        self.empty.setWordWrap(True)
        lbl = QLabel(self.tr("&Staff member:"))
        lbl.setBuddy(self.staff)
        top = QHBoxLayout()
        top.addWidget(lbl)
        top.addWidget(self.staff, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        self.staff.currentIndexChanged.connect(lambda _i: self._fill())
        self.refresh()

    def refresh(self) -> None:
        """Read the staff and the records again (in a worker)."""
        self._load(with_people=True)

    def _fill(self) -> None:
        self._load(with_people=False)

    def _load(self, *, with_people: bool) -> None:
        self._generation += 1
        generation = self._generation
        current = self.staff.currentData()
        staff_id = int(current) if current is not None else None
        people_of, service = self._people, self.service

        def read(
            _t: CancelToken, _p: Callable[[int, int], None]
        ) -> tuple[list[Staff] | None, list[TrainingRecord] | RegieError]:
            people: list[Staff] | None = None
            if with_people:
                try:
                    people = people_of()
                except RegieError:
                    people = []  # the records themselves say why
            try:
                return people, service.training_records(staff_id=staff_id)
            except RegieError as err:
                return people, err

        def show(
            result: tuple[list[Staff] | None, list[TrainingRecord] | RegieError],
        ) -> None:
            if generation != self._generation:
                return
            people, records = result
            if people is not None:
                self.staff.blockSignals(True)
                self.staff.clear()
                self.staff.addItem(self.tr("Everyone"), None)
                for person in people:
                    self.staff.addItem(person.name, person.id)
                self.staff.setCurrentIndex(max(0, self.staff.findData(current)))
                self.staff.blockSignals(False)
            self._show(records)
            self.loaded.emit()

        run_task(read, on_success=show, pool=self._pool, parent=self)

    def _show(self, records: list[TrainingRecord] | RegieError) -> None:
        if isinstance(records, RegieError):
            err = records
            self.table.setRowCount(0)
            if isinstance(err, ServerUnreachable):
                self.empty.setText(self.tr(
                    "Training records are kept on the network database, which cannot be "
                    "reached now: they show again when it answers."))
            else:
                self.empty.setText(error_text(err))
            self.empty.show()
            return
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            session = r.session_title if r.session_id is not None else self.tr("practice")
            values = [
                r.staff_name, r.checklist_title, str(r.checklist_version),
                label(MODE_LABELS[r.session_mode]), session or "",
                short_datetime(r.finished_at), number(r.minutes), r.signed_off_by or "",
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.empty.setText(self.tr(
            "No training record yet: a guided run appears here once it is signed off."))
        self.empty.setVisible(not records)
