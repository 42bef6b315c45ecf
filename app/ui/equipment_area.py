"""The Matériel area: the network's webcams, microphones and speakers, each with its
record, its flags and its history of checks (a trend per criterion).

Thin: every read and write is a function of `app.services.equipment` run in a worker,
the same the command line (`regie devices …`) calls, so both show the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.equipment import (
    KIND_LABELS,
    STATUS_LABELS,
    Attention,
    Device,
    DeviceDraft,
    DeviceStatus,
    History,
    InventoryImportError,
    attention_notes,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import Branch
from app.errors import ServerUnreachable
from app.ui.equipment_dialogs import (
    CompareDialog,
    DeviceDialog,
    LendDialog,
    criterion_label,
    notes_text,
)
from app.ui.i18n import plural
from app.ui.sparkline import Sparkline
from app.ui.widgets import FlowLayout
from app.ui.workers import Pool, run_task

if TYPE_CHECKING:
    from app.services import Services
    from app.services.equipment import DeviceView

COLUMNS = (
    _N("Equipment", "Label"),
    _N("Equipment", "Kind"),
    _N("Equipment", "Make and model"),
    _N("Equipment", "Serial"),
    _N("Equipment", "Where"),
    _N("Equipment", "Status"),
    _N("Equipment", "Checks"),
)


def import_problems_text(err: InventoryImportError) -> str:
    """A refused inventory file, each bad line in the user's language."""
    lines = [
        QCoreApplication.translate("Equipment", "Line {line}: {problem}").format(
            line=p.line, problem=QCoreApplication.translate("errors", p.message).format(**p.params)
        )
        for p in err.problems
    ]
    head = QCoreApplication.translate(
        "Equipment", "The inventory file was not imported, nothing was changed:"
    )
    fix = QCoreApplication.translate("errors", "Correct these lines, then import the file again.")
    return "\n".join([head, *lines, fix])


def status_text(d: Device) -> str:
    text = QCoreApplication.translate("equipment", STATUS_LABELS[d.status])
    if d.loan is not None:
        text += " " + QCoreApplication.translate("Equipment", "(to {who} until {until})").format(
            who=d.loan.to, until=d.loan.until.strftime("%d/%m/%Y")
        )
    return text


def flag_text(h: History) -> str:
    """« échec 1 sur 3 »: the failed results among the newest ones."""
    if not h.checks:
        return QCoreApplication.translate("Equipment", "Never checked")
    if h.flagged:
        return "✖ " + QCoreApplication.translate("Equipment", "failed {k} of {n}").format(
            k=h.failed_recent, n=h.recent
        )
    return "✔ " + QCoreApplication.translate("Equipment", "no failure in the last {n}").format(
        n=h.recent
    )


def reasons_text(a: Attention, today: date) -> str:
    del today
    return notes_text(attention_notes(a), " · ")


class EquipmentArea(QWidget):
    """The inventory list (all devices, or those that need attention), the selected
    device's history, and the actions on it."""

    changed = Signal()  # the inventory was written

    def __init__(
        self, services: Services, *, pool: Pool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._pool = pool
        self.views: list[DeviceView] = []
        self.branches: list[Branch] = []

        title = QLabel("<h2>" + QCoreApplication.translate("Equipment", "Equipment") + "</h2>")
        self.attention_only = QCheckBox(
            QCoreApplication.translate("Equipment", "Only the devices that &need attention")
        )
        self.attention_only.toggled.connect(self._fill)
        self.summary = QLabel()
        self.summary.setObjectName("EquipmentSummary")

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("DevicesTable")
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Equipment", c) for c in COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(QCoreApplication.translate("Equipment", "Devices"))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit())

        self.buttons: dict[str, QPushButton] = {}
        # The buttons wrap onto a second line on a small screen rather than widen the area.
        bar_box = QWidget()
        bar = FlowLayout(bar_box)
        for key, text, slot in (
            ("add", QCoreApplication.translate("Equipment", "&Add…"), self.add),
            ("edit", QCoreApplication.translate("Equipment", "&Edit…"), self.edit),
            ("lend", QCoreApplication.translate("Equipment", "&Lend…"), self.lend),
            ("return", QCoreApplication.translate("Equipment", "&Returned"), self.give_back),
            ("broken", QCoreApplication.translate("Equipment", "Mark &broken"), self.toggle_broken),
            ("retire", QCoreApplication.translate("Equipment", "Re&tire"), self.retire),
            ("compare", QCoreApplication.translate("Equipment", "&Compare…"), self.compare),
            ("export", QCoreApplication.translate("Equipment", "E&xport CSV…"), self.export_csv),
            ("import", QCoreApplication.translate("Equipment", "&Import CSV…"), self.import_csv),
            (
                "report",
                QCoreApplication.translate("Equipment", "Test re&port (PDF)…"),
                self.test_report,
            ),
        ):
            b = QPushButton(text)
            b.setObjectName(f"Equipment_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b

        self.details = QLabel()
        self.details.setObjectName("DeviceDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trends = QGridLayout()
        trends_box = QWidget()
        trends_box.setLayout(self.trends)
        self.sparklines: dict[str, Sparkline] = {}
        self.checks = QTableWidget(0, 4)
        self.checks.setObjectName("DeviceChecks")
        self.checks.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Equipment", "When"),
                QCoreApplication.translate("Equipment", "Verdict"),
                QCoreApplication.translate("Equipment", "Session"),
                QCoreApplication.translate("Equipment", "By"),
            ]
        )
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks.verticalHeader().hide()
        self.checks.setAccessibleName(
            QCoreApplication.translate("Equipment", "Check results of the device")
        )
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.details)
        rl.addWidget(trends_box)
        rl.addWidget(self.checks, 1)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(bar_box)
        layout.addWidget(self.attention_only)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------ data
    def _run(self, job: Callable[[], object], then: Callable[[object], None]) -> None:
        run_task(lambda _t, _p: job(), on_success=then, pool=self._pool, parent=self)

    def reload(self) -> None:
        from app.services import equipment as eq

        services = self.services

        def load() -> tuple[list[DeviceView], list[Branch]]:
            return eq.overview(services), services.references.branches()

        run_task(lambda _t, _p: load(), on_success=self._loaded, pool=self._pool, parent=self)

    def _loaded(self, data: tuple[list[DeviceView], list[Branch]]) -> None:
        self.views, self.branches = data
        self._fill()

    def shown(self) -> list[DeviceView]:
        if self.attention_only.isChecked():
            return [v for v in self.views if v.attention is not None]
        return self.views

    def _fill(self) -> None:
        keep = self.selected()
        keep_id = keep.device.id if keep else None
        views = self.shown()
        self.table.blockSignals(True)
        self.table.setRowCount(len(views))
        for row, v in enumerate(views):
            d = v.device
            where = " · ".join(p for p in (d.branch_name, d.draft.room) if p)
            cells = [
                d.label,
                QCoreApplication.translate("equipment", KIND_LABELS[d.kind]),
                d.make_model,
                d.draft.serial or "",
                where,
                status_text(d),
                flag_text(v.history),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                if v.attention is not None:
                    item.setToolTip(reasons_text(v.attention, self._today()))
                self.table.setItem(row, col, item)
            if d.id == keep_id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        attention = sum(1 for v in self.views if v.attention is not None)
        count = len(self.views)
        devices = plural(QCoreApplication.translate("Equipment", "%n device(s)"), count)
        flagged = plural(QCoreApplication.translate("Equipment", "%n to look at"), attention)
        self.summary.setText(f"{devices}, {flagged}")
        self._show_selected()

    def _today(self) -> date:
        return self.services.clock().date()

    def selected(self) -> DeviceView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((v for v in self.views if v.device.id == wanted), None)

    def select(self, device_id: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == device_id:
                self.table.selectRow(row)
                return

    def _show_selected(self) -> None:
        v = self.selected()
        self._update_buttons()
        while self.trends.count():
            taken = self.trends.takeAt(0)
            w = taken.widget() if taken is not None else None
            if w is not None:
                w.deleteLater()
        self.sparklines = {}
        if v is None:
            self.details.setText(
                QCoreApplication.translate("Equipment", "Choose a device to see its history.")
            )
            self.checks.setRowCount(0)
            return
        h, d = v.history, v.device
        lines = [f"<b>{d.label}</b> — {status_text(d)}", flag_text(h)]
        if h.last_good is not None:
            lines.append(
                QCoreApplication.translate("Equipment", "Last good check: {when}").format(
                    when=h.last_good.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
                )
            )
        if v.attention is not None:
            lines.append("▲ " + reasons_text(v.attention, self._today()))
        if d.draft.notes:
            lines.append(d.draft.notes)
        self.details.setText("<br>".join(lines))
        for row, (name, points) in enumerate(h.series.items()):
            label = QLabel(criterion_label(name))
            line = Sparkline(points)
            line.setAccessibleName(
                QCoreApplication.translate("Equipment", "Trend of {criterion}").format(
                    criterion=criterion_label(name)
                )
            )
            self.trends.addWidget(label, row, 0)
            self.trends.addWidget(line, row, 1)
            self.sparklines[name] = line
        self.checks.setRowCount(len(h.checks))
        for row, c in enumerate(reversed(h.checks)):
            symbol = {"pass": "✔", "warn": "▲", "fail": "✖"}[c.verdict.value]
            from app.core.checks import VERDICT_LABELS

            word = QCoreApplication.translate("labels", VERDICT_LABELS[c.verdict])
            for col, text in enumerate(
                [
                    c.created_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                    f"{symbol} {word}",
                    str(c.session_id) if c.session_id else "",
                    c.operator,
                ]
            ):
                self.checks.setItem(row, col, QTableWidgetItem(text))

    def _update_buttons(self) -> None:
        v = self.selected()
        status = v.device.status if v else None
        self.buttons["edit"].setEnabled(v is not None)
        self.buttons["lend"].setEnabled(status is DeviceStatus.IN_SERVICE)
        self.buttons["return"].setEnabled(status is DeviceStatus.ON_LOAN)
        self.buttons["broken"].setEnabled(status in (DeviceStatus.IN_SERVICE, DeviceStatus.BROKEN))
        self.buttons["broken"].setText(
            QCoreApplication.translate("Equipment", "Mark &repaired")
            if status is DeviceStatus.BROKEN
            else QCoreApplication.translate("Equipment", "Mark &broken")
        )
        self.buttons["retire"].setEnabled(status in (DeviceStatus.IN_SERVICE, DeviceStatus.BROKEN))
        self.buttons["compare"].setEnabled(v is not None and len(self.views) > 1)
        self.buttons["report"].setEnabled(v is not None)

    def _written(self) -> None:
        self.changed.emit()
        self.reload()

    # ------------------------------------------------------------ actions
    def device_dialog(self, view: DeviceView | None = None) -> DeviceDialog:
        """The form to add a device (`view` None) or edit one; the caller opens it."""
        from app.services import equipment as eq

        services = self.services
        if view is None:
            save: Callable[[DeviceDraft], object] = lambda d: eq.add_device(services, d)  # noqa: E731
        else:
            device_id = view.device.id
            save = lambda d: eq.edit_device(services, device_id, d)  # noqa: E731
        dialog = DeviceDialog(
            self.branches,
            save,
            view.device.draft if view else None,
            pool=self._pool,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._written())
        return dialog

    def add(self) -> None:
        self.device_dialog().open()

    def edit(self) -> None:
        v = self.selected()
        if v is not None:
            self.device_dialog(v).open()

    def lend_dialog(self) -> LendDialog | None:
        from app.services import equipment as eq

        v = self.selected()
        if v is None:
            return None
        services, device_id = self.services, v.device.id
        dialog = LendDialog(
            v.device.label,
            self._today(),
            lambda who, until: eq.lend_device(services, device_id, who, until),
            pool=self._pool,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._written())
        return dialog

    def lend(self) -> None:
        dialog = self.lend_dialog()
        if dialog is not None:
            dialog.open()

    def _status(self, change: Callable[[Services, int], object]) -> None:
        v = self.selected()
        if v is None:
            return
        services, device_id = self.services, v.device.id
        self._run(lambda: change(services, device_id), lambda _r: self._written())

    def give_back(self) -> None:
        from app.services import equipment as eq

        self._status(eq.return_device)

    def retire(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app.services import equipment as eq

        v = self.selected()
        if v is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Equipment", "Retire a device"),
            QCoreApplication.translate(
                "Equipment", "Retire “{label}” for good? Its history is kept."
            ).format(label=v.device.label),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._status(eq.retire_device)

    def toggle_broken(self) -> None:
        from app.services import equipment as eq

        v = self.selected()
        if v is None:
            return
        target = (
            DeviceStatus.IN_SERVICE
            if v.device.status is DeviceStatus.BROKEN
            else DeviceStatus.BROKEN
        )
        self._status(lambda s, i: eq.mark_device(s, i, target))

    def compare_with(self, other_id: int) -> None:
        """Open the side-by-side table of the selected device and `other_id`."""
        from app.services import equipment as eq

        v = self.selected()
        if v is None:
            return
        services, a = self.services, v.device.id

        def show(result: object) -> None:
            from app.core.equipment import Comparison

            assert isinstance(result, Comparison)
            dialog = CompareDialog(result, self)
            dialog.setObjectName("CompareDialog")
            dialog.open()

        self._run(lambda: eq.compare_devices(services, a, other_id), show)

    def compare(self) -> None:
        v = self.selected()
        if v is None:
            return
        others = [o.device for o in self.views if o.device.id != v.device.id]
        names = [f"{d.id} — {d.label}" for d in others]
        choice, ok = QInputDialog.getItem(
            self,
            QCoreApplication.translate("Equipment", "Compare devices"),
            QCoreApplication.translate("Equipment", "Compare with:"),
            names,
            0,
            False,
        )
        if ok and choice in names:
            self.compare_with(others[names.index(choice)].id)

    def export_to(self, path: Path) -> None:
        from app.services import equipment as eq

        services = self.services
        self._run(
            lambda: eq.export_inventory(services, path),
            lambda n: self._exported(n if isinstance(n, int) else 0, path),
        )

    def _exported(self, count: int, path: Path) -> None:
        words = QCoreApplication.translate("Equipment", "%n device(s) written to {path}.")
        self.summary.setText(plural(words, count).format(path=path))

    def export_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Equipment", "Export the inventory"),
            "inventaire.csv",
            QCoreApplication.translate("Equipment", "CSV files (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def import_from(self, path: Path, on_error: Callable[[BaseException], None]) -> None:
        from app.services import equipment as eq

        services = self.services
        run_task(
            lambda _t, _p: eq.import_inventory(services, path),
            on_success=lambda _r: self._written(),
            on_error=on_error,
            pool=self._pool,
            parent=self,
        )

    def import_csv(self) -> None:
        from app.ui.errors import warn

        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Equipment", "Import an inventory"),
            "",
            QCoreApplication.translate("Equipment", "CSV files (*.csv)"),
        )
        if not name:
            return
        title = QCoreApplication.translate("Equipment", "Import an inventory")

        def refused(err: BaseException) -> None:
            if isinstance(err, InventoryImportError):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, title, import_problems_text(err))
            else:
                warn(self, title, err)

        self.import_from(Path(name), refused)

    def write_report(self, path: Path, on_done: Callable[[Path], None] | None = None) -> None:
        """The selected device's test report as a PDF at `path` (in a worker)."""
        from app.printing.device_report_pdf import write_device_report_pdf
        from app.services import equipment as eq

        v = self.selected()
        if v is None:
            return
        services, device_id = self.services, v.device.id
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def write() -> Path:
            device, history = eq.report_of(services, device_id)
            labels = {n: criterion_label(n) for n in history.series}
            write_device_report_pdf(
                device, history, path, printed_at=services.clock(), criterion_label=labels
            )
            return path

        def done(written: object) -> None:
            assert isinstance(written, Path)
            self.summary.setText(
                QCoreApplication.translate("Equipment", "Saved: {path}").format(path=str(written))
            )
            if on_done is not None:
                on_done(written)

        self._run(write, done)

    def test_report(self) -> None:
        v = self.selected()
        if v is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Equipment", "Test report"),
            f"rapport-{v.device.id}.pdf",
            QCoreApplication.translate("Equipment", "PDF files (*.pdf)"),
        )
        if name:
            self.write_report(Path(name))


def build_equipment_area(services: Services, *, pool: Pool | None, offline: bool) -> EquipmentArea:
    """The area; while the network server is away it cannot open (`ServerUnreachable`:
    the desk shows the page saying it needs the server)."""
    if offline:
        raise ServerUnreachable("")
    return EquipmentArea(services, pool=pool)
