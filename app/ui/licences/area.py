"""The Licences area: the network's Zoom licences, their secrets, buffers and planning.

Secrets typed in the dialog go straight to the keyring (in a worker: a keyring may
prompt or be slow) and the fields are emptied at once; the table only says which
secrets are saved. The vault banner says whether secrets can be saved at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checks import Verdict
from app.core.licences import (
    PLAN_LABELS,
    BookingPolicy,
    LicenceDraft,
    PlanningRow,
    planning,
)
from app.core.models import Licence
from app.core.snapshot import Snapshot
from app.errors import RegieError
from app.ui.i18n import core_text, error_text, label
from app.ui.licences.dialog import LicenceDialog
from app.ui.licences.planning import PlanningPanel
from app.ui.widgets import VerdictBadge, action_bar, shortcut_tip
from app.ui.workers import CancelToken, Pool, run_task
from app.zoom.vault import (
    KIND_LABELS,
    SecretKind,
    VaultHealth,
    VaultState,
)

if TYPE_CHECKING:
    from app.core.clock import Clock
    from app.core.models import Branch
    from app.services import LicenceFeature

_HEALTH_VERDICT = {
    VaultState.USABLE: Verdict.PASS,
    VaultState.LOCKED: Verdict.WARN,
    VaultState.MISSING: Verdict.FAIL,
    VaultState.BROKEN: Verdict.FAIL,
}


class LicencesArea(QWidget):
    """Registers licences, saves their secrets, sets buffers and shows the planning."""

    vault_checked = Signal(object)  # VaultHealth
    saved = Signal(int)  # licence id
    planning_loaded = Signal()

    def __init__(
        self,
        feature: LicenceFeature,
        branches: Callable[[], list[Branch]],
        clock: Clock,
        *,
        pool: Pool | None = None,
        snapshot: Snapshot | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LicencesArea")
        # Read-only planning of the last known bookings while the server is unreachable.
        self.snapshot = snapshot
        self.read_only = snapshot is not None
        self.feature = feature
        self._branches = branches
        self._clock = clock
        self._pool = pool
        self.health: VaultHealth | None = None
        self._licences: list[Licence] = []
        self.dialog: LicenceDialog | None = None
        self._listed = False  # the licences were shown once (the area reads them at first)
        self._when_listed: list[Callable[[], None]] = []
        self.last_error = ""

        # Vault banner: verdict badge (colour + symbol + word) and what to do.
        self.vault_badge = VerdictBadge(announce=True, subject=self.tr("Password store"))
        self.vault_text = QLabel(self.tr("Checking the password store…"))
        self.vault_text.setWordWrap(True)
        self.vault_text.setAccessibleName(self.tr("Password store status"))
        self.vault_button = QPushButton(self.tr("Chec&k again"))
        self.vault_button.setAccessibleName(self.tr("Check the password store again"))
        self.vault_button.clicked.connect(self.check_vault)
        banner = QHBoxLayout()
        banner.addWidget(self.vault_badge)
        banner.addWidget(self.vault_text, 1)
        banner.addWidget(self.vault_button)

        self._build_actions()
        self._build_table()
        self._build_policy()
        self._build_planning()

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.planning_box)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)
        layout.addWidget(self.policy_box)
        self.refresh()
        # The keyring's libraries (some 20 MB) load with its first check: when the area
        # is first shown, not when it is built.
        self._vault_asked = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._vault_asked:
            self._vault_asked = True
            self.check_vault()

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        self.toolbar = action_bar(self.tr("Licence actions"))

        def act(text: str, shortcut: QKeySequence, slot: Any) -> QAction:
            a = QAction(text, self)
            a.setShortcut(shortcut)
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.setToolTip(shortcut_tip(text, shortcut))
            a.triggered.connect(slot)
            self.toolbar.addAction(a)
            self.addAction(a)
            return a

        self.add_action = act(self.tr("&Add licence…"), QKeySequence("Ctrl+N"), self.add_licence)
        self.edit_action = act(self.tr("&Edit…"), QKeySequence("F2"), self.edit_selected)
        self.toggle_action = act(
            self.tr("&Deactivate"), QKeySequence("Ctrl+D"), self.toggle_selected
        )
        self.delete_action = act(
            self.tr("&Remove"), QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected
        )

    def _build_table(self) -> None:
        headers = [
            self.tr("Label"),
            self.tr("E-mail"),
            self.tr("Plan"),
            self.tr("Cap"),
            self.tr("At once"),
            self.tr("Branch"),
            self.tr("State"),
            self.tr("Secrets saved"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("LicencesTable")
        self.table.setAccessibleName(self.tr("Licences"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column as wide as its header and cells (a cut header hides what the column
        # is); the e-mail takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Licence labels differ at their end ("… 1", "… 2"): cut the middle, keep both ends.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

    def _build_policy(self) -> None:
        self.policy_box = QGroupBox(self.tr("Booking buffers (whole network)"))
        self.before_spin = QSpinBox()
        self.after_spin = QSpinBox()
        for spin, name in (
            (self.before_spin, self.tr("Minutes held before each session")),
            (self.after_spin, self.tr("Minutes held after each session")),
        ):
            spin.setRange(0, 240)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(name)
        self.policy_button = QPushButton(self.tr("A&pply buffers"))
        self.policy_button.setAccessibleName(self.tr("Apply the booking buffers"))
        self.policy_button.clicked.connect(self.apply_policy)
        row = QHBoxLayout(self.policy_box)
        before_label = QLabel(self.tr("Be&fore:"))
        before_label.setBuddy(self.before_spin)
        after_label = QLabel(self.tr("Af&ter:"))
        after_label.setBuddy(self.after_spin)
        for w in (before_label, self.before_spin, after_label, self.after_spin):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.policy_button)
        self.policy_result = QLabel()
        self.policy_result.setObjectName("PolicyResult")
        self.policy_result.setAccessibleName(self.tr("Result of the last buffer change"))
        row.addWidget(self.policy_result)

    def _show_policy(self, policy: BookingPolicy) -> None:
        minutes = policy.as_json()
        self.before_spin.setValue(minutes["buffer_before_minutes"])
        self.after_spin.setValue(minutes["buffer_after_minutes"])

    def _build_planning(self) -> None:
        self.planning_box = PlanningPanel(self._clock().date())
        self.planning_box.period_changed.connect(self.load_planning)
        # The planning's controls, as the area's own (the desk and its tests reach them).
        self.day_edit = self.planning_box.day_edit
        self.span_combo = self.planning_box.span_combo
        self.prev_button = self.planning_box.prev_button
        self.next_button = self.planning_box.next_button
        self.chart = self.planning_box.chart
        self.segments = self.planning_box.segments

    # ------------------------------------------------------------------ data
    def set_offline(self, snapshot: Snapshot | None) -> None:
        """The last known licences and bookings, read-only, until the server answers."""
        self.read_only = True
        self.snapshot = snapshot
        self.refresh()

    def set_online(self) -> None:
        if not self.read_only:
            return
        self.read_only = False
        self.snapshot = None
        self.refresh()

    def refresh(self) -> None:
        """The licences, their saved secret kinds and the branches, read in a worker (the
        database may be on the network); from the last copy while it is away."""
        if self.read_only:
            self._show_licences(list(self.snapshot.licences) if self.snapshot else [], {}, {})
            return
        feature, branches = self.feature, self._branches

        def read(
            _t: CancelToken, _p: Callable[[int, int], None]
        ) -> tuple[list[Licence], dict[int, list[SecretKind]], dict[int, str], BookingPolicy]:
            return (
                feature.service.licences(),
                feature.repo.all_secret_kinds(),
                {b.id: b.name for b in branches()},
                feature.service.policy(),
            )

        def show(
            got: tuple[list[Licence], dict[int, list[SecretKind]], dict[int, str], BookingPolicy],
        ) -> None:
            licences, kinds, branches, policy = got
            self._show_policy(policy)
            self._show_licences(licences, kinds, branches)

        def failed(err: BaseException) -> None:
            if not isinstance(err, RegieError):
                raise err
            self.last_error = error_text(err)  # the desk's banner says when it is the server

        run_task(read, on_success=show, on_error=failed, pool=self._pool, parent=self)

    def _show_licences(
        self,
        licences: list[Licence],
        kinds: dict[int, list[SecretKind]],
        branches: dict[int, str],
    ) -> None:
        self._licences = licences
        self.table.setRowCount(len(self._licences))
        for r, lic in enumerate(self._licences):
            saved = kinds.get(lic.id, [])
            values = [
                lic.label,
                lic.email,
                label(PLAN_LABELS[lic.plan]),
                str(lic.participant_cap),
                str(lic.concurrent_limit),
                branches.get(lic.branch_id, "") if lic.branch_id else self.tr("Shared"),
                self.tr("Active") if lic.active else self.tr("Inactive"),
                "—"
                if self.read_only
                else ", ".join(
                    label(KIND_LABELS[k]) for k in sorted(saved, key=list(SecretKind).index)
                )
                or self.tr("None"),
            ]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the whole text of a cell the column may cut
                item.setData(Qt.ItemDataRole.UserRole, lic.id)
                self.table.setItem(r, c, item)
        self._update_actions()
        self.load_planning()
        self._listed = True
        waiting, self._when_listed = self._when_listed, []
        for then in waiting:
            then()

    def check_vault(self) -> None:
        """The keyring probe may wait on an unlock prompt: off the GUI thread."""
        self.vault_button.setEnabled(False)
        run_task(
            lambda _t, _p: self.feature.vault.health(),
            on_success=self._show_health,
            on_error=lambda err: self._show_error(err),
            pool=self._pool,
            parent=self,
        )

    def _show_health(self, health: VaultHealth) -> None:
        self.health = health
        self.vault_button.setEnabled(True)
        self.vault_badge.set_verdict(_HEALTH_VERDICT[health.state])
        text = core_text("vault", health.message)
        if health.fix:
            text += " " + core_text("vault", health.fix)
        self.vault_text.setText(text)
        self.vault_text.setAccessibleDescription(text)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_vault_usable(health.usable)
        self.vault_checked.emit(health)

    def load_planning(self) -> None:
        start, end = self.planning_box.period()
        if self.read_only:
            snap = self.snapshot
            rows = planning(snap.licences, snap.bookings, start, end) if snap else []
            self._show_planning(rows, start, end)
            return
        run_task(
            lambda _t, _p: self.feature.service.planning(start, end),
            on_success=lambda rows: self._show_planning(rows, start, end),
            on_error=self._planning_failed,
            pool=self._pool,
            parent=self,
        )

    def _planning_failed(self, err: BaseException) -> None:
        """Said in the planning itself: it loads by itself, a box would come from nowhere
        (the server may have gone away meanwhile; the desk's banner then says so)."""
        if not isinstance(err, RegieError):
            raise err
        self.last_error = error_text(err)
        self.planning_box.show_problem(self.last_error)

    def _show_planning(self, rows: list[PlanningRow], start: datetime, end: datetime) -> None:
        self.planning_box.show_rows(rows, start, end)
        self.planning_loaded.emit()

    # ------------------------------------------------------------------ actions
    def selected(self) -> Licence | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._licences[rows[0].row()]

    def edit_licence(self, text: str) -> None:
        """Open the licence labelled `text` for editing, once the licences are listed (an
        area just built is still reading them)."""

        def edit() -> None:
            self.select_label(text)
            if self.selected() is not None:
                self.edit_selected()

        if self._listed:
            edit()
        else:
            self._when_listed.append(edit)

    def select_label(self, text: str) -> None:
        for r, lic in enumerate(self._licences):
            if lic.label == text:
                self.table.selectRow(r)

    def _update_actions(self) -> None:
        lic = self.selected()
        editable = not self.read_only
        for a in (self.edit_action, self.toggle_action, self.delete_action):
            a.setEnabled(lic is not None and editable)
        self.add_action.setEnabled(editable)
        self.policy_button.setEnabled(editable)
        why = self.tr("Needs the database server, which cannot be reached now.")
        self.policy_button.setToolTip(why if self.read_only else "")
        for a in (self.add_action, self.edit_action, self.toggle_action, self.delete_action):
            tip = shortcut_tip(a.text(), a.shortcut())
            a.setToolTip(tip + (f" — {why}" if self.read_only else ""))
        self.toggle_action.setText(
            self.tr("Acti&vate") if lic is not None and not lic.active else self.tr("&Deactivate")
        )

    def add_licence(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        lic = self.selected()
        if lic is not None:
            self._open_dialog(lic)

    def _open_dialog(self, lic: Licence | None) -> None:
        if self.read_only:
            return
        saved = self.feature.secrets.kinds(lic.id) if lic else []
        usable = self.health is not None and self.health.usable
        dlg = LicenceDialog(self._branches(), lic, saved, usable, self)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self._save(dlg, lic))
        dlg.open()

    def _save(self, dlg: LicenceDialog, lic: Licence | None) -> None:
        draft = dlg.draft()
        secrets = dlg.take_secrets()
        feature = self.feature

        def work(_t: Any, _p: Any) -> int:
            return feature.save(draft, secrets, lic.id if lic else None)

        def failed(err: BaseException) -> None:
            self.refresh()
            if isinstance(err, RegieError):
                dlg.show_error(error_text(err))
                dlg.open()  # back to the form: nothing typed (but secrets) is lost
                return
            raise err

        def done(licence_id: int) -> None:
            self.refresh()
            self.select_label(draft.label.strip())
            self.saved.emit(licence_id)

        run_task(work, on_success=done, on_error=failed, pool=self._pool, parent=self)

    def toggle_selected(self) -> None:
        lic = self.selected()
        if lic is None:
            return
        draft = LicenceDraft(
            lic.label,
            lic.email,
            lic.plan,
            lic.participant_cap,
            lic.concurrent_limit,
            lic.branch_id,
            not lic.active,
        )
        service = self.feature.service

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            service.update(lic.id, draft)

        run_task(work, on_success=lambda _r: self.refresh(), on_error=self._failed_write,
                 pool=self._pool, parent=self)

    def remove_selected(self) -> None:
        lic = self.selected()
        if lic is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove licence"),
            self.tr("Remove “{label}” and its saved secrets?").format(label=lic.label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove(lic)

    def remove(self, lic: Licence) -> None:
        """Delete the licence, then its keyring entries (refused while it is in use)."""
        feature = self.feature

        def work(_t: Any, _p: Any) -> None:
            feature.remove(lic.id)

        run_task(
            work,
            on_success=lambda _r: self.refresh(),
            on_error=self._show_error,
            pool=self._pool,
            parent=self,
        )

    def apply_policy(self) -> None:
        """Upcoming bookings are held again under the new buffers (in a worker: on a
        network database that is a round of writes), or nothing changes on a clash."""
        policy = BookingPolicy(
            timedelta(minutes=self.before_spin.value()),
            timedelta(minutes=self.after_spin.value()),
        )
        service = self.feature.service
        self.policy_button.setEnabled(False)
        self.policy_result.clear()

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            return service.set_policy(policy)

        def done(changed: int) -> None:
            self.policy_button.setEnabled(not self.read_only)
            self.policy_result.setText(
                self.tr("✔ Saved: %n upcoming booking(s) now held under these buffers.", "",
                        changed)
            )
            self.refresh()

        def failed(err: BaseException) -> None:
            self.policy_button.setEnabled(not self.read_only)
            self._show_error(err)
            self.refresh()  # shows the buffers that still apply

        run_task(work, on_success=done, on_error=failed, pool=self._pool, parent=self)

    def _failed_write(self, err: BaseException) -> None:
        self._show_error(err)
        self.refresh()  # what is really stored

    def _show_error(self, err: BaseException) -> None:
        if not isinstance(err, RegieError):
            raise err
        self.last_error = error_text(err)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Licences"), self.last_error, parent=self
        )
        box.setObjectName("LicencesErrorBox")
        box.open()
