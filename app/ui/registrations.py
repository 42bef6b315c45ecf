"""A session's registrations: the list with the waiting list's ranks, adding someone (or a
whole registration list), cancelling — which offers the freed place to the next person,
with the message ready to send — and promoting. The forecast's advice sits on top.

Every read and write runs in a worker; the dialog shows the newest state each time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.attendance import AttendanceFigures
from app.core.csvfiles import read_file_bytes
from app.core.forecast import Accuracy, Advice
from app.core.models import SessionRow
from app.core.waiting_list import (
    STATUS_LABELS,
    Offer,
    PersonDraft,
    Registration,
    RegistrationCounts,
    RegStatus,
)
from app.errors import RegieError
from app.ui.errors import known
from app.ui.i18n import error_text, number
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.services import Services


def advice_text(advice: Advice) -> str:
    """The advice in one translated sentence."""
    template, fields = advice.sentence()
    return QCoreApplication.translate("forecast", template).format(**fields)


def offer_text(offer: Offer) -> str:
    return offer.text(lambda s: QCoreApplication.translate("registrations", s))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the dialog shows, read in one go."""

    row: SessionRow
    entries: list[Registration]
    counts: RegistrationCounts
    advice: Advice
    figures: AttendanceFigures
    accuracy: Accuracy


def read_snapshot(services: Services, session_id: int) -> Snapshot:
    feature = services.registrations
    row = services.sessions.row(session_id)
    return Snapshot(
        row,
        feature.service.entries(session_id),
        feature.service.counts(session_id),
        feature.advice(row),
        services.attendance.figures(session_id),
        feature.accuracy()[1],
    )


COLUMNS = 5


class RegistrationsDialog(QDialog):
    """Registrations and waiting list of one session."""

    def __init__(
        self,
        services: Services,
        session_id: int,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RegistrationsDialog")
        self._services = services
        self._session_id = session_id
        self._pool = pool
        self.snapshot: Snapshot | None = None
        self.offer: Offer | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Registrations"))
        self.setAccessibleName(self.tr("Registrations of the session"))
        self.setMinimumWidth(640)

        self.heading = QLabel(self.tr("Reading the registrations…"))
        self.heading.setWordWrap(True)
        self.advice_label = QLabel()
        self.advice_label.setObjectName("ForecastAdvice")
        self.advice_label.setWordWrap(True)
        self.advice_label.setAccessibleName(self.tr("Forecast advice"))
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName(self.tr("Counts"))

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("E-mail"), self.tr("Phone"), self.tr("Status"),
             self.tr("Rank")]
        )
        self.table.setAccessibleName(self.tr("Registrations"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("E-mail"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(self.tr("Phone"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add the registration"))
        self.add_button.clicked.connect(self.add)
        self.file_button = QPushButton(self.tr("Add from a &list…"))
        self.file_button.setAccessibleName(self.tr("Add everyone in a registration list"))
        self.file_button.clicked.connect(self._choose_file)
        add_box = QGroupBox(self.tr("Register someone"))
        add_form = QFormLayout(add_box)
        add_form.addRow(self.tr("&Name:"), self.name_edit)
        add_form.addRow(self.tr("&E-mail:"), self.email_edit)
        add_form.addRow(self.tr("&Phone:"), self.phone_edit)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.file_button)
        add_row.addWidget(self.add_button)
        add_form.addRow(add_row)

        self.cancel_button = QPushButton(self.tr("Cancel the &registration"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.promote_button = QPushButton(self.tr("&Give a place"))
        self.promote_button.setAccessibleName(self.tr("Give a place to the selected person"))
        self.promote_button.clicked.connect(self.promote_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.promote_button)
        actions.addStretch(1)

        self.offer_box = QGroupBox(self.tr("A place is free: offer it to the next person"))
        self.offer_box.setObjectName("OfferBox")
        self.offer_edit = QPlainTextEdit()
        self.offer_edit.setReadOnly(True)
        self.offer_edit.setAccessibleName(self.tr("Message to send"))
        self.offer_edit.setFixedHeight(120)
        self.copy_button = QPushButton(self.tr("C&opy the message"))
        self.copy_button.clicked.connect(self._copy)
        self.offer_promote = QPushButton(self.tr("Sent: give them the place"))
        self.offer_promote.setObjectName("PromoteOffered")
        self.offer_promote.clicked.connect(self._promote_offered)
        offer_layout = QVBoxLayout(self.offer_box)
        offer_layout.addWidget(self.offer_edit)
        offer_buttons = QHBoxLayout()
        offer_buttons.addStretch(1)
        offer_buttons.addWidget(self.copy_button)
        offer_buttons.addWidget(self.offer_promote)
        offer_layout.addLayout(offer_buttons)
        self.offer_box.hide()

        self.error_label = QLabel()
        self.error_label.setObjectName("Problem")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a31515; font-weight: bold;")
        self.error_label.hide()

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.offer_box)
        layout.addWidget(add_box)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        services, sid = self._services, self._session_id
        self._run(lambda: read_snapshot(services, sid), self._show, clear_error=False)

    def _run(
        self,
        work: Callable[[], object],
        then: Callable[[object], None],
        *,
        clear_error: bool = True,
    ) -> None:
        """`work` in a worker, then `then` with its result (and a fresh reading)."""
        self.busy = True
        self._update_buttons()
        if clear_error:
            self.error_label.hide()

        def task(_t: CancelToken, _p: Callable[[int, int], None]) -> object:
            return work()

        def done(result: object) -> None:
            self.busy = False
            then(result)
            self._update_buttons()

        def failed(err: BaseException) -> None:
            self.busy = False
            self._problem(known(err))
            self._update_buttons()

        run_task(task, on_success=done, on_error=failed, pool=self._pool, parent=self)

    def _show(self, result: object) -> None:
        assert isinstance(result, Snapshot)
        snap = self.snapshot = result
        row = snap.row
        self.setWindowTitle(self.tr("Registrations — {title}").format(title=row.title))
        self.heading.setText(
            self.tr("{title} · {day} · capacity {capacity}").format(
                title=row.title,
                day=row.start.astimezone().strftime("%d/%m/%Y %H:%M"),
                capacity=row.capacity,
            )
        )
        self.advice_label.setText(advice_text(snap.advice))
        c, f = snap.counts, snap.figures
        text = self.tr(
            "{registered} registered of {accept} accepted · {waiting} on the waiting list · "
            "{cancelled} cancelled · {promoted} given a place from the list"
        ).format(accept=snap.advice.accept, **c.as_json())
        if f.attended is not None:
            text += "\n" + self.tr(
                "After the session: {registered} registered, {connected} connected, "
                "{on_site} on site."
            ).format(
                registered="—" if f.registered is None else f.registered,
                connected="—" if f.unique_remote is None else f.unique_remote,
                on_site="—" if f.on_site is None else f.on_site,
            )
        a = snap.accuracy
        if a.followed:
            text += "\n" + self.tr(
                "Was the advice right? Judged on {sessions} sessions held, each from the "
                "sessions before it: more people than places {overflowed} times out of "
                "{followed} (accepted risk {risk} %); no-show rate off by {error} points on "
                "average."
            ).format(
                sessions=a.sessions,
                overflowed=a.overflowed,
                followed=a.followed,
                risk=round(a.risk * 100),
                error=number((a.mean_abs_error or 0.0) * 100, 1),
            )
        self.counts_label.setText(text)
        self.table.setRowCount(len(snap.entries))
        purged = self.tr("(personal data purged)")
        for i, r in enumerate(snap.entries):
            cells = [
                r.name or (purged if r.purged else ""),
                r.email or "",
                r.phone or "",
                QCoreApplication.translate("registrations", STATUS_LABELS[r.status]),
                str(r.rank) if r.rank else "",
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, col, item)

    # ------------------------------------------------------------------ actions
    def selected(self) -> Registration | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.snapshot is None:
            return None
        return self.snapshot.entries[rows[0].row()]

    def select(self, registration_id: int) -> None:
        if self.snapshot is None:
            return
        for i, r in enumerate(self.snapshot.entries):
            if r.id == registration_id:
                self.table.selectRow(i)

    def _update_buttons(self) -> None:
        reg = self.selected()
        idle = not self.busy
        self.add_button.setEnabled(idle)
        self.file_button.setEnabled(idle)
        self.cancel_button.setEnabled(
            idle and reg is not None and reg.status is not RegStatus.CANCELLED
        )
        self.promote_button.setEnabled(
            idle and reg is not None and reg.status is RegStatus.WAITING
        )
        self.offer_promote.setEnabled(idle and self.offer is not None)

    def add(self) -> None:
        person = PersonDraft(self.name_edit.text(), self.email_edit.text(), self.phone_edit.text())
        svc, sid = self._services.registrations.service, self._session_id

        def added(result: object) -> None:
            assert isinstance(result, Registration)
            for edit in (self.name_edit, self.email_edit, self.phone_edit):
                edit.clear()
            self.reload()

        self._run(lambda: svc.add(sid, person), added)

    def add_file(self, path: Path) -> None:
        svc, sid = self._services.registrations.service, self._session_id
        self._run(lambda: svc.add_file(sid, read_file_bytes(path)), lambda _r: self.reload())

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Registration list"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if name:
            self.add_file(Path(name))

    def cancel_selected(self) -> None:
        reg = self.selected()
        if reg is None:
            return
        svc = self._services.registrations.service

        def cancelled(result: object) -> None:
            self._show_offer(getattr(result, "offer", None))
            self.reload()

        self._run(lambda: svc.cancel(reg.id), cancelled)

    def promote_selected(self) -> None:
        reg = self.selected()
        if reg is not None:
            self._promote(reg.id)

    def _promote_offered(self) -> None:
        if self.offer is not None:
            self._promote(self.offer.registration.id)

    def _promote(self, registration_id: int) -> None:
        svc = self._services.registrations.service

        def promoted(_result: object) -> None:
            self._show_offer(None)
            self.reload()

        self._run(lambda: svc.promote(registration_id), promoted)

    def _show_offer(self, offer: Offer | None) -> None:
        self.offer = offer
        if offer is None:
            self.offer_box.hide()
            self.offer_edit.clear()
            return
        who = offer.registration.name or offer.registration.email or ""
        self.offer_box.setTitle(
            self.tr("A place is free: offer it to {name} (first on the waiting list)").format(
                name=who
            )
        )
        self.offer_edit.setPlainText(offer_text(offer))
        self.offer_box.show()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.offer_edit.toPlainText())

    def _problem(self, err: RegieError) -> None:
        self.error_label.setText("✖ " + error_text(err))
        self.error_label.show()


def open_registrations(
    services: Services, session_id: int, parent: QWidget | None = None
) -> RegistrationsDialog:
    dialog = RegistrationsDialog(services, session_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
