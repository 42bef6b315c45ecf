"""The forms of the Matériel area: a device's record, a loan, two devices side by side.

A form saves through the function it is given, in a worker; a refused change (a serial
already recorded, a retired device lent) is said in the form, which stays open with
what was typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.equipment import KIND_LABELS, Comparison, DeviceDraft, DeviceKind, Side
from app.core.models import Branch
from app.core.readiness import KitFact, KitNote
from app.errors import RegieError
from app.ui.i18n import error_text
from app.ui.workers import Pool, run_task


def verdict_word(side: Side) -> str:
    from app.core.checks import VERDICT_LABELS

    if side.verdict is None:
        return ""
    symbol = {"pass": "✔", "warn": "▲", "fail": "✖"}[side.verdict.value]
    return f"{symbol} {QCoreApplication.translate('labels', VERDICT_LABELS[side.verdict])}"


def figure_text(side: Side) -> str:
    if side.value is None:
        return "—"
    if isinstance(side.value, bool):
        return (
            QCoreApplication.translate("Equipment", "Yes")
            if side.value
            else QCoreApplication.translate("Equipment", "No")
        )
    return f"{side.value} {side.unit}".strip()


class _SavingDialog(QDialog):
    """OK runs the save in a worker; a known problem stays in the form."""

    def __init__(self, parent: QWidget | None, pool: Pool | None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.error_label = QLabel()
        self.error_label.setObjectName("FormError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _job(self) -> Callable[[], object]:
        raise NotImplementedError

    def _save(self) -> None:
        job = self._job()
        self.buttons.setEnabled(False)
        run_task(
            lambda _t, _p: job(),
            on_success=lambda _r: self.accept(),
            on_error=self._refused,
            pool=self._pool,
            parent=self,
        )

    def _refused(self, err: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(err, RegieError):
            raise err
        self.error_label.setText("▲ " + error_text(err))
        self.error_label.show()


class DeviceDialog(_SavingDialog):
    """Add or edit a device's record."""

    def __init__(
        self,
        branches: list[Branch],
        save: Callable[[DeviceDraft], object],
        draft: DeviceDraft | None = None,
        *,
        pool: Pool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, pool)
        self._save_fn = save
        self.setWindowTitle(
            QCoreApplication.translate("Equipment", "Device")
            if draft
            else QCoreApplication.translate("Equipment", "Add a device")
        )
        self.kind = QComboBox()
        for kind in DeviceKind:
            self.kind.addItem(QCoreApplication.translate("equipment", KIND_LABELS[kind]), kind)
        self.label = QLineEdit()
        self.make = QLineEdit()
        self.model = QLineEdit()
        self.serial = QLineEdit()
        self.branch = QComboBox()
        self.branch.addItem(QCoreApplication.translate("Equipment", "(no branch)"), None)
        for b in branches:
            self.branch.addItem(b.name, b.id)
        self.room = QLineEdit()
        self.has_purchase = QCheckBox(QCoreApplication.translate("Equipment", "Known"))
        self.purchased = QDateEdit()
        self.purchased.setCalendarPopup(True)
        self.purchased.setEnabled(False)
        self.has_purchase.toggled.connect(self.purchased.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self._match_key: str | None = None
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Equipment", "&Kind:"), self.kind)
        form.addRow(QCoreApplication.translate("Equipment", "&Label:"), self.label)
        form.addRow(QCoreApplication.translate("Equipment", "&Make:"), self.make)
        form.addRow(QCoreApplication.translate("Equipment", "M&odel:"), self.model)
        form.addRow(QCoreApplication.translate("Equipment", "&Serial number:"), self.serial)
        form.addRow(QCoreApplication.translate("Equipment", "&Branch:"), self.branch)
        form.addRow(QCoreApplication.translate("Equipment", "&Room:"), self.room)
        form.addRow(QCoreApplication.translate("Equipment", "&Purchased:"), self.has_purchase)
        form.addRow("", self.purchased)
        form.addRow(QCoreApplication.translate("Equipment", "&Notes:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if draft is not None:
            self.fill(draft)

    def fill(self, d: DeviceDraft) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.label.setText(d.label)
        self.make.setText(d.make)
        self.model.setText(d.model)
        self.serial.setText(d.serial or "")
        self.branch.setCurrentIndex(max(0, self.branch.findData(d.branch_id)))
        self.room.setText(d.room)
        self.has_purchase.setChecked(d.purchased_on is not None)
        if d.purchased_on is not None:
            p = d.purchased_on
            self.purchased.setDate(QDate(p.year, p.month, p.day))
        self.notes.setPlainText(d.notes)
        self._match_key = d.match_key

    def draft(self) -> DeviceDraft:
        purchased: date | None = None
        if self.has_purchase.isChecked():
            q = self.purchased.date()
            purchased = date(q.year(), q.month(), q.day())
        branch = self.branch.currentData()
        return DeviceDraft(
            kind=DeviceKind(self.kind.currentData()),
            label=self.label.text(),
            make=self.make.text(),
            model=self.model.text(),
            serial=self.serial.text() or None,
            branch_id=int(branch) if branch is not None else None,
            room=self.room.text(),
            purchased_on=purchased,
            notes=self.notes.toPlainText(),
            match_key=self._match_key,
        )

    def _job(self) -> Callable[[], object]:
        draft, save = self.draft(), self._save_fn
        return lambda: save(draft)


class LendDialog(_SavingDialog):
    """To whom, until when."""

    def __init__(
        self,
        label: str,
        today: date,
        save: Callable[[str, date], object],
        *,
        pool: Pool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, pool)
        self._save_fn = save
        self.setWindowTitle(
            QCoreApplication.translate("Equipment", "Lend “{label}”").format(label=label)
        )
        self.to = QLineEdit()
        self.until = QDateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.until.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Equipment", "&Lent to:"), self.to)
        form.addRow(QCoreApplication.translate("Equipment", "&Until:"), self.until)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _job(self) -> Callable[[], object]:
        q = self.until.date()
        who, until, save = self.to.text(), date(q.year(), q.month(), q.day()), self._save_fn
        return lambda: save(who, until)


class CompareDialog(QDialog):
    """Two devices' newest figures, criterion by criterion."""

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = comparison
        self.setWindowTitle(QCoreApplication.translate("Equipment", "Compare devices"))
        self.table = QTableWidget(len(c.rows), 3)
        self.table.setObjectName("CompareTable")
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Equipment", "Criterion"), c.a.label, c.b.label]
        )
        for row, (name, a, b) in enumerate(c.rows):
            self.table.setItem(row, 0, QTableWidgetItem(criterion_label(name)))
            for col, side in ((1, a), (2, b)):
                text = f"{figure_text(side)}  {verdict_word(side)}".strip()
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)


def criterion_label(name: str) -> str:
    """A criterion's words, as the check screens name it."""
    from app.services.equipment import criterion_words

    found = criterion_words().get(name)
    return QCoreApplication.translate(*found) if found else name


def notes_text(notes: Sequence[KitNote], sep: str = "; ") -> str:
    """Why a device needs attention, in the interface's words."""
    return sep.join(
        n.text(lambda s: QCoreApplication.translate("equipment", s), criterion_label)
        for n in notes
    )


def kit_line(kit: Sequence[KitFact]) -> str:
    """The equipment kept where a session takes place, a failing device named first with
    its flag (Préparer's summary); empty when the inventory lists none there."""
    if not kit:
        return ""
    failing = [k for k in kit if k.flag]
    fine = [k for k in kit if not k.flag]
    parts = [f"✖ {k.label} ({notes_text(k.notes)})" for k in failing] + [k.label for k in fine]
    text = QCoreApplication.translate("Equipment", "Kit here: {devices}").format(
        devices=", ".join(parts)
    )
    if failing:
        text = (
            "▲ "
            + QCoreApplication.translate("Equipment", "A device here needs attention.")
            + " "
            + text
        )
    return text
