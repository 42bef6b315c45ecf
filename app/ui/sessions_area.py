"""The Sessions area: filters, the session table, the readiness panel and the actions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.checks import CheckKind, SavedCheck
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import (
    MeetingRecord,
    Session,
    SessionDraft,
    SessionFilter,
    SessionRow,
    SessionStatus,
)
from app.core.snapshot import Snapshot, filter_rows, is_unfiltered
from app.errors import RegieError
from app.ui.errors import known, warn
from app.ui.i18n import error_text
from app.ui.session_details import details_html, empty_html
from app.ui.session_dialog import SessionDialog
from app.ui.sessions_model import SessionTableModel
from app.ui.widgets import action_bar, shortcut_tip
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.services import Services
    from app.ui.events import DeskEvents
    from app.ui.offline import ConnectionMonitor

log = logging.getLogger(__name__)

# Status filter presets: (label, statuses); empty means all.
_STATUS_PRESETS: list[tuple[str, frozenset[SessionStatus]]] = [
    (QT_TRANSLATE_NOOP("SessionsArea", "All statuses"), frozenset()),
    (
        QT_TRANSLATE_NOOP("SessionsArea", "To come (planned, ready)"),
        frozenset({SessionStatus.PLANNED, SessionStatus.READY}),
    ),
    (QT_TRANSLATE_NOOP("SessionsArea", "Running"), frozenset({SessionStatus.RUNNING})),
    (QT_TRANSLATE_NOOP("SessionsArea", "Done"), frozenset({SessionStatus.DONE})),
    (QT_TRANSLATE_NOOP("SessionsArea", "Cancelled"), frozenset({SessionStatus.CANCELLED})),
]


# Rows read first, alone, so that a long list shows at once; the rest follows.
FIRST_PAGE = 200

_Shortcut = QKeySequence | QKeySequence.StandardKey | str


# The columns' widths on a wide window (the title takes what is left), and those never
# cut: date, hours, mode, capacity, status.
_COLUMN_WIDTHS = {0: 100, 1: 100, 3: 130, 4: 100, 5: 85, 6: 50, 7: 115, 8: 140, 9: 80}
_WHOLE_COLUMNS = (0, 1, 5, 6, 9)


class SessionsArea(QWidget):
    """Lists sessions today-first; create, edit, duplicate, cancel from the keyboard.

    Rows are loaded in a worker (a network database may be slow); results from an older
    request are dropped when a newer one was made meanwhile.
    """

    rows_loaded = Signal(int)  # the whole list is in the table: how many rows
    first_rows_shown = Signal(int)  # the table shows its first rows (all, when few)
    session_selected = Signal(object)  # session id or None

    def __init__(
        self,
        services: Services,
        *,
        pool: Pool | None = None,
        today: Callable[[], date] | None = None,
        snapshot: Snapshot | None = None,
        events: DeskEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SessionsArea")
        # Told of every session saved or cancelled here; the list refreshes on it too.
        self.events = events
        self._services = services
        self.services = services
        self._pool = pool
        self._today = today or (lambda: services.clock().date())
        self._generation = 0
        self._pending_select: int | None = None
        self._extra_actions: list[QAction] = []
        # Read-only desk on the last known rows while the network server is unreachable.
        self.snapshot = snapshot
        self.read_only = snapshot is not None
        self.connection: ConnectionMonitor | None = None
        # Called in the load worker with every session, after a load of the whole list.
        self.snapshot_sink: Callable[[list[SessionRow]], None] | None = None

        self.model = SessionTableModel(self._today(), self)
        self._build_filters()
        self._build_table()
        self._build_actions()

        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Session details and readiness"))
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(110)

        # The readiness panel sits under the table so the table keeps the full width.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 150])
        split.setChildrenCollapsible(False)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of sessions shown"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_row)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        self._reload_references()
        self._update_actions()
        if events is not None:
            # The offline copy (`snapshot_sink`) is kept current even while hidden.
            events.follow(self, self.refresh, always=lambda: self.snapshot_sink is not None)

    # ------------------------------------------------------------------ building
    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search titles…"))
        self.search_edit.setAccessibleName(self.tr("Search titles"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(160)
        self.search_edit.textChanged.connect(self.refresh)

        self.branch_filter = QComboBox()
        self.branch_filter.setAccessibleName(self.tr("Filter by branch"))
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(self.tr("Filter by type"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        for text, statuses in _STATUS_PRESETS:
            self.status_filter.addItem(self.tr(text), statuses)

        self.from_check = QCheckBox(self.tr("F&rom"))
        self.from_check.setAccessibleName(self.tr("Filter from a date"))
        self.from_date = QDateEdit()
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("dd/MM/yyyy")
        self.from_date.setAccessibleName(self.tr("First day shown"))
        self.to_check = QCheckBox(self.tr("&Until"))
        self.to_check.setAccessibleName(self.tr("Filter until a date"))
        self.to_date = QDateEdit()
        self.to_date.setCalendarPopup(True)
        self.to_date.setDisplayFormat("dd/MM/yyyy")
        self.to_date.setAccessibleName(self.tr("Last day shown"))
        today = self._today()
        self.from_date.setDate(QDate(today.year, today.month, today.day))
        self.to_date.setDate(QDate(today.year, today.month, today.day).addDays(30))
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)

        for w in (self.branch_filter, self.type_filter, self.status_filter):
            w.currentIndexChanged.connect(self.refresh)
            # No label beside them: on Linux a screen reader names a combo box by its value,
            # so the description says what it filters.
            w.setAccessibleDescription(w.accessibleName())
            # A long branch name must not push the dates off a small screen.
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(10)
        for c in (self.from_check, self.to_check):
            c.toggled.connect(self.refresh)
        for d in (self.from_date, self.to_date):
            d.dateChanged.connect(self.refresh)

        # Two lines, so that the filters fit a 1366×768 screen at 125 % in French.
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 2)
        row.addWidget(self.branch_filter, 1)
        row.addWidget(self.type_filter, 1)
        row.addWidget(self.status_filter, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        self.filter_row = QVBoxLayout()
        self.filter_row.addLayout(row)
        self.filter_row.addLayout(dates)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("SessionsTable")
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._columns_stale = True
        self.table.installEventFilter(self)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        # Licences differ at their end ("… 1", "… 2"): cut the middle, keep both ends; the
        # tooltip has the whole text.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        sel = self.table.selectionModel()
        sel.selectionChanged.connect(lambda *_: self._on_selection())

    def _fit_columns(self) -> None:
        """Every column on screen: the preset widths when they fit, shrunk together on a
        narrow window (1366×768 at 125 %) down to each header's own width, the cells
        elided in the middle with the whole text in their tooltip.

        A hidden table is fitted when it is shown: hidden, Qt measures every row (up to a
        thousand) rather than the visible ones, and another screen saving a check reloads
        the sessions behind it."""
        if not self.table.isVisible():
            self._columns_stale = True
            return
        self._columns_stale = False
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        title = max(140, room // 6)
        need = {c: header.sectionSizeFromContents(c).width() for c in _COLUMN_WIDTHS}
        for c in _WHOLE_COLUMNS:  # short values that make no sense cut: dates, hours…
            need[c] = max(need[c], self.table.sizeHintForColumn(c))
        fixed = sum(need[c] for c in _WHOLE_COLUMNS)
        elastic = {c: max(w, need[c]) for c, w in _COLUMN_WIDTHS.items() if c not in _WHOLE_COLUMNS}
        total = sum(elastic.values())
        scale = min(1.0, max(0.0, room - title - fixed) / total) if total else 1.0
        for col, width in _COLUMN_WIDTHS.items():
            if col in _WHOLE_COLUMNS:
                self.table.setColumnWidth(col, max(width, need[col]) if scale >= 1 else need[col])
            else:
                self.table.setColumnWidth(col, max(need[col], int(elastic[col] * scale)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and (
            event.type() == QEvent.Type.Resize
            or (event.type() == QEvent.Type.Show and self._columns_stale)
        ):
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _build_actions(self) -> None:
        self.toolbar = action_bar(self.tr("Session actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        def act(text: str, shortcut: _Shortcut, slot: Callable[[], Any]) -> QAction:
            a = QAction(text, self)
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.setToolTip(shortcut_tip(text, QKeySequence(shortcut)))
            a.triggered.connect(slot)
            self.addAction(a)
            self.toolbar.addAction(a)
            return a

        self._edit_tips: dict[QAction, str] = {}
        self.new_action = act(
            self.tr("&New session"), QKeySequence.StandardKey.New, self.new_session
        )
        self.edit_action = act(self.tr("&Edit"), "Ctrl+E", self.edit_selected)
        self.duplicate_action = act(self.tr("&Duplicate"), "Ctrl+D", self.duplicate_selected)
        self.cancel_action = act(self.tr("Ca&ncel session"), "Del", self.cancel_selected)
        self.refresh_action = act(
            self.tr("Re&fresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        for a in (self.new_action, self.edit_action, self.duplicate_action, self.cancel_action):
            self._edit_tips[a] = a.toolTip()
        self.toolbar.addSeparator()
        focus_search = QAction(self.tr("Search"), self)
        focus_search.setShortcut(QKeySequence.StandardKey.Find)
        focus_search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_search.triggered.connect(lambda: self.search_edit.setFocus())
        self.addAction(focus_search)

    def add_session_action(self, action: QAction) -> None:
        """Let other areas offer actions on the selected session (check, launch…)."""
        self._extra_actions.append(action)
        self.toolbar.addAction(action)
        self.addAction(action)
        self._update_actions()

    # ------------------------------------------------------------------ data
    def _reload_references(self) -> None:
        if self.read_only:
            self._references_from_snapshot()
            return
        refs = self._services.references
        self._types = refs.session_types()
        self._branches = refs.branches()
        self._staff = refs.staff()
        self._fill_filters(
            [(b.id, b.name) for b in self._branches], [(t.id, t.name) for t in self._types]
        )

    def _references_from_snapshot(self) -> None:
        """Offline the filters offer the branches and types of the last known rows."""
        rows = self.snapshot.rows if self.snapshot else []
        branches = sorted({(r.branch_id, r.branch_name) for r in rows}, key=lambda b: b[1])
        types = sorted({(r.type_id, r.type_name) for r in rows}, key=lambda t: t[1])
        self._fill_filters(branches, types)

    def _fill_filters(
        self, branches: list[tuple[int, str]], types: list[tuple[int, str]]
    ) -> None:
        for combo, items, all_text in (
            (self.branch_filter, branches, self.tr("All branches")),
            (self.type_filter, types, self.tr("All types")),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            i = combo.findData(keep)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    def current_filter(self) -> SessionFilter:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        return SessionFilter(
            branch_id=self.branch_filter.currentData(),
            type_id=self.type_filter.currentData(),
            date_from=day(self.from_date) if self.from_check.isChecked() else None,
            date_to=day(self.to_date) if self.to_check.isChecked() else None,
            statuses=self.status_filter.currentData() or frozenset(),
            text=self.search_edit.text(),
        )

    def refresh(self) -> None:
        """Reload the rows for the current filters (in a worker)."""
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        if self.read_only:
            rows = self.snapshot.rows if self.snapshot else []
            self._apply_rows(generation, filter_rows(rows, flt))
            return
        service = self._services.sessions
        sink = self.snapshot_sink if is_unfiltered(flt) else None

        def keep(rows: list[SessionRow]) -> None:
            if sink is not None:
                try:
                    sink(rows)
                except Exception as err:  # the live list matters more than its copy
                    log.info("snapshot not written: %r", err)

        def first(
            _token: CancelToken, _progress: Callable[[int, int], None]
        ) -> tuple[list[SessionRow], bool]:
            rows = service.list(flt, limit=FIRST_PAGE + 1)
            if len(rows) <= FIRST_PAGE:
                keep(rows)
                return rows, True
            return rows[:FIRST_PAGE], False

        def rest(_token: CancelToken, _progress: Callable[[int, int], None]) -> list[SessionRow]:
            rows = service.list(flt, offset=FIRST_PAGE)
            if sink is not None:
                keep(page + rows)
            return rows

        page: list[SessionRow] = []

        def shown(answer: tuple[list[SessionRow], bool]) -> None:
            rows, complete = answer
            if not self._apply_rows(generation, rows, complete=complete) or complete:
                return
            page.extend(rows)
            run_task(
                rest,
                on_success=lambda more: self._add_rows(generation, more),
                on_error=self._on_load_error,
                pool=self._pool,
                parent=self,
            )

        run_task(
            first, on_success=shown, on_error=self._on_load_error, pool=self._pool, parent=self
        )

    def reload_all(self) -> None:
        """References may have changed too (demo loaded, types edited)."""
        self._reload_references()
        self.refresh()

    def _apply_rows(
        self, generation: int, rows: list[SessionRow], *, complete: bool = True
    ) -> bool:
        """Show `rows` (the whole list, or its first page when not `complete`); False
        when a newer request was made meanwhile."""
        if generation != self._generation:
            return False
        in_place = self._pending_select is None and self.model.today == self._today()
        if in_place and self.model.update_rows(rows, complete=complete):
            # The same sessions (a check saved, a count entered): changed rows repainted,
            # the selection kept; the details follow the selected session's new facts.
            self._refresh_details()
        else:
            self._replace_rows(rows, complete=complete)
        if complete:
            self._show_count()
        self.first_rows_shown.emit(len(rows))
        if complete:
            self.rows_loaded.emit(len(rows))
        return True

    def _replace_rows(self, rows: list[SessionRow], *, complete: bool) -> None:
        """Another list: the model reset, the selection found again or chosen."""
        keep = self._pending_select if self._pending_select is not None else self.selected_id()
        self._pending_select = None
        self.model.set_rows(rows, self._today())
        # The desk opens on the next session (today's first); a session asked for that is
        # not on the first page is selected when the rest arrives.
        if keep is None or not self.select_session(keep):
            if keep is not None and not complete:
                self._pending_select = keep
            elif rows:
                self.select_session(rows[0].id)
        self._on_selection()

    def _add_rows(self, generation: int, rows: list[SessionRow]) -> None:
        """The rest of the list, after its first page."""
        if generation != self._generation:
            return
        if self.model.update_rows(rows, start=FIRST_PAGE):
            selected = self.selected_id()
            at = self.model.row_of(selected) if selected is not None else None
            if at is not None and at >= FIRST_PAGE:  # the first page's refresh read older facts
                self._refresh_details()
        else:
            self.model.replace_tail(FIRST_PAGE, rows)
        self._show_count()
        keep, self._pending_select = self._pending_select, None
        if keep is not None and keep != self.selected_id():
            self.select_session(keep)
            self._on_selection()
        self.rows_loaded.emit(self.model.rowCount())

    def _show_count(self) -> None:
        text = self.tr("%n session(s) shown", "", self.model.rowCount())
        if self.read_only and self.snapshot is not None:
            taken = self.snapshot.taken_at.astimezone()
            text += " — " + self.tr("read-only copy from %1").replace(
                "%1", f"{taken:%d/%m/%Y %H:%M}"
            )
        self.count_label.setText(text)

    def _on_load_error(self, err: BaseException) -> None:
        if self.connection is not None:
            self.connection.report(err)
        if isinstance(err, RegieError):
            self.count_label.setText("✖ " + error_text(err))
            return
        raise err

    # ------------------------------------------------------------------ selection
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row()).id

    def selected_row(self) -> SessionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _refresh_details(self) -> None:
        """The selected session's details read again, shown once read (no blank first)."""
        self._update_actions()
        row = self.selected_row()
        if row is not None and not self.read_only:
            self._load_checks(row)
        elif row is not None:
            self.details.setHtml(details_html(self.read_only, row, None))

    def _on_selection(self) -> None:
        self._update_actions()
        row = self.selected_row()
        if row is None:
            self.details.setHtml(empty_html())
        else:
            self.details.setHtml(details_html(self.read_only, row, None))
            if not self.read_only:
                self._load_checks(row)
        self.session_selected.emit(row.id if row else None)

    def _load_checks(self, row: SessionRow) -> None:
        """The session's latest device checks, read in a worker (a network database may be
        slow), then shown if that session is still the selected one."""
        checks = self._services.checks

        def load(_t: CancelToken, _p: Callable[[int, int], None]) -> dict[CheckKind, SavedCheck]:
            return {c.kind: c for c in checks.latest_for_session(row.id)}

        def show(found: dict[CheckKind, SavedCheck]) -> None:
            if self.selected_id() == row.id:
                self.details.setHtml(details_html(self.read_only, row, found))

        def failed(err: BaseException) -> None:
            problem = known(err)
            if self.connection is not None:
                self.connection.report(problem)
            show({})

        run_task(load, on_success=show, on_error=failed, pool=self._pool, parent=self)

    def _update_actions(self) -> None:
        row = self.selected_row()
        has = row is not None
        editable = not self.read_only
        self.new_action.setEnabled(editable)
        self.edit_action.setEnabled(has and editable)
        self.duplicate_action.setEnabled(has and editable)
        self.cancel_action.setEnabled(
            has
            and editable
            and row is not None
            and row.status not in (SessionStatus.DONE, SessionStatus.CANCELLED)
        )
        why = self.tr("Needs the database server, which cannot be reached now.")
        for a, tip in self._edit_tips.items():
            a.setToolTip(f"{tip} — {why}" if self.read_only else tip)
        for a in self._extra_actions:
            a.setEnabled(has)

    # ------------------------------------------------------------------ offline
    def set_offline(self, snapshot: Snapshot | None) -> None:
        """Show the last known rows read-only (or none) until the server answers."""
        self.read_only = True
        self.snapshot = snapshot
        self._references_from_snapshot()
        self.refresh()

    def set_online(self) -> None:
        """Back to live data from the server."""
        if not self.read_only:
            return
        self.read_only = False
        self.snapshot = None
        self._update_actions()
        try:
            self.reload_all()
        except RegieError as err:
            self._on_load_error(err)

    # ------------------------------------------------------------------ actions
    def _dialog(self, **kwargs: Any) -> SessionDialog:
        return SessionDialog(
            self._services,
            types=self._types,
            branches=self._branches,
            staff=self._staff,
            parent=self,
            pool=self._pool,
            **kwargs,
        )

    def new_session(self) -> None:
        if self.read_only:
            return
        dlg = self._dialog(title=self.tr("New session"))
        self._run_dialog(dlg)

    def edit_selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            self.edit_session(sid)

    def edit_session(self, sid: int) -> None:
        """The form of this session (from here, Aujourd'hui or Préparer)."""
        if self.read_only:
            return
        sessions = self._services.sessions
        launcher = self._services.licences.launcher

        def load(
            _t: CancelToken, _p: Callable[[int, int], None]
        ) -> tuple[Session, list[SessionStatus], MeetingRecord | None]:
            session = sessions.get(sid)
            return session, sessions.allowed_statuses(session.status), launcher.meeting(sid)

        def opened(got: tuple[Session, list[SessionStatus], MeetingRecord | None]) -> None:
            session, statuses, meeting = got
            dlg = self._dialog(
                draft=session, meeting=meeting, title=self.tr("Edit session"),
                allowed_statuses=statuses, session_id=sid,
            )
            self._run_dialog(dlg)

        run_task(load, on_success=opened, on_error=self._action_failed, pool=self._pool,
                 parent=self)

    def duplicate_selected(self) -> None:
        if self.read_only:
            return
        sid = self.selected_id()
        if sid is None:
            return
        sessions = self._services.sessions

        def load(_t: CancelToken, _p: Callable[[int, int], None]) -> SessionDraft:
            return sessions.duplicate(sid)

        def opened(draft: SessionDraft) -> None:
            self._run_dialog(self._dialog(draft=draft, title=self.tr("Duplicate session")))

        run_task(load, on_success=opened, on_error=self._action_failed, pool=self._pool,
                 parent=self)

    def _action_failed(self, err: BaseException) -> None:
        problem = known(err)
        if self.connection is not None and self.connection.report(problem):
            return  # the server is gone: the desk turns read-only and says so
        warn(self, self.tr("Sessions"), problem)

    def _run_dialog(self, dlg: SessionDialog) -> None:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._after_save(dlg.saved_id))
        dlg.open()

    def _after_save(self, session_id: int | None) -> None:
        self._pending_select = session_id
        if self.events is not None:
            self.events.notify()  # this list refreshes with every other area
        else:
            self.refresh()

    def cancel_selected(self) -> None:
        row = self.selected_row()
        if self.read_only or row is None or row.status in (
            SessionStatus.DONE,
            SessionStatus.CANCELLED,
        ):
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel session"),
            self.tr(
                "Cancel “%1”? It stays in the list as cancelled and frees its licence."
            ).replace("%1", row.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda _r: self._do_cancel(row.id) if box.clickedButton() is yes else None
        )
        self.cancel_box = box
        box.open()

    def _do_cancel(self, session_id: int) -> None:
        sessions = self._services.sessions

        def cancel(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            sessions.cancel(session_id)

        def failed(err: BaseException) -> None:
            warn(self, self.tr("Cancel session"), err)

        run_task(cancel, on_success=lambda _none: self._after_save(session_id),
                 on_error=failed, pool=self._pool, parent=self)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
