"""The start page: start a checklist (for a session, or to practise), resume or abandon
an unfinished run, see the checklist files that could not be loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import (
    RUN_MODE_LABELS,
    ChecklistRun,
    ChecklistService,
    RunMode,
    RunSummary,
    pause_due,
)
from app.core.models import (
    MODE_LABELS,
    SessionFilter,
    SessionMode,
    SessionRow,
    SessionStatus,
    Staff,
)
from app.errors import RegieError, ServerUnreachable
from app.services import Services
from app.services.desk_data import DeskState, session_row, session_rows, staff_of
from app.ui.errors import known
from app.ui.i18n import core_text, label
from app.ui.workers import CancelToken, Pool, run_task


@dataclass
class _StartData:
    """What the start page shows, read in a worker (None: could not be read now)."""

    rows: list[SessionRow] | None = None
    people: list[Staff] | None = None
    unfinished: list[RunSummary] = field(default_factory=list)
    lost: RegieError | None = None  # the server was found gone while reading


class StartPage(QWidget):
    """Choose what to run and start it, or pick up an unfinished run.

    It reads sessions and staff where `desk` says (live, or the last known copy) and
    hands the run it starts or resumes to whoever listens (the area opens it). Its
    texts keep the translation context of the area it was part of.
    """

    started = Signal(object)  # a new ChecklistRun, not saved yet
    resumed = Signal(object)  # a ChecklistRun read back from the database
    loaded = Signal()  # the page shows fresh data
    lost = Signal(object)  # ServerUnreachable: the server was found gone while reading
    failed = Signal(object)  # RegieError to show

    def __init__(
        self,
        services: Services,
        checklists: ChecklistService,
        desk: DeskState,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.service = checklists
        self._desk = desk
        self._pool = pool
        self.rows: dict[int, SessionRow] = {}
        self.people: list[Staff] = []
        self._generation = 0  # of refreshes: only the newest one is shown
        self._after_refresh: list[Callable[[], None]] = []

        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(QCoreApplication.translate("ChecklistsArea", "Last result"))
        lay.addWidget(self.status)
        lay.addWidget(self._build_start_box())
        lay.addWidget(self._build_resume_box(), 1)
        lay.addWidget(self._build_problems_box())
        # Until the first reading: nothing to resume, no file problem to show.
        self.problems_box.hide()
        self.resume_button.setEnabled(False)
        self.abandon_button.setEnabled(False)

        self.for_session.toggled.connect(self._target_changed)
        self.session_combo.currentIndexChanged.connect(self._target_changed)
        self.practice_mode.currentIndexChanged.connect(self._target_changed)

    # ------------------------------------------------------------------ widgets
    def _build_start_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("ChecklistsArea", "Start a checklist"))
        form = QFormLayout(box)
        self.for_session = QRadioButton(QCoreApplication.translate("ChecklistsArea",
                                                                   "For a s&ession"))
        self.for_practice = QRadioButton(
            QCoreApplication.translate("ChecklistsArea", "&Practice (training, no session)"))
        self.for_session.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Run for a session"))
        self.for_practice.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Practice run"))
        group = QButtonGroup(self)
        group.addButton(self.for_session)
        group.addButton(self.for_practice)
        self.for_session.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.for_session)
        row.addWidget(self.for_practice)
        row.addStretch(1)
        form.addRow(row)
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Session"))
        form.addRow(_buddy(QCoreApplication.translate("ChecklistsArea", "Sess&ion:"),
                           self.session_combo), self.session_combo)
        self.practice_mode = QComboBox()
        self.practice_mode.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Session mode to practise"))
        for m in SessionMode:
            self.practice_mode.addItem(label(MODE_LABELS[m]), m.value)
        form.addRow(_buddy(QCoreApplication.translate("ChecklistsArea", "Mo&de:"),
                           self.practice_mode), self.practice_mode)
        self.checklist_combo = QComboBox()
        self.checklist_combo.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Checklist"))
        form.addRow(_buddy(QCoreApplication.translate("ChecklistsArea", "Check&list:"),
                           self.checklist_combo), self.checklist_combo)
        self.run_mode = QComboBox()
        self.run_mode.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "How to run it"))
        for rm in RunMode:
            self.run_mode.addItem(label(RUN_MODE_LABELS[rm]), rm.value)
        form.addRow(_buddy(QCoreApplication.translate("ChecklistsArea", "&How:"),
                           self.run_mode), self.run_mode)
        self.runner = QComboBox()
        self.runner.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Who runs the checklist"))
        self.runner.addItem(_choose_at_sign_off(), None)
        form.addRow(_buddy(QCoreApplication.translate("ChecklistsArea", "&Who:"),
                           self.runner), self.runner)
        self.start_button = QPushButton(QCoreApplication.translate("ChecklistsArea", "&Start"))
        self.start_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Start the checklist"))
        self.start_button.clicked.connect(self.start_run)
        form.addRow(self.start_button)
        return box

    def _build_resume_box(self) -> QGroupBox:
        resume = QGroupBox(QCoreApplication.translate("ChecklistsArea", "Unfinished runs"))
        rl = QVBoxLayout(resume)
        self.unfinished = QListWidget()
        self.unfinished.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Unfinished runs"))
        self.unfinished.itemActivated.connect(lambda _i: self.resume_selected())
        rl.addWidget(self.unfinished)
        buttons = QHBoxLayout()
        self.resume_button = QPushButton(QCoreApplication.translate("ChecklistsArea", "&Resume"))
        self.resume_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Resume the selected run"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.abandon_button = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "&Abandon"))
        self.abandon_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Abandon the selected run"))
        self.abandon_button.clicked.connect(self.abandon_selected)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.abandon_button)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        return resume

    def _build_problems_box(self) -> QGroupBox:
        self.problems_box = QGroupBox(
            QCoreApplication.translate("ChecklistsArea", "Files with problems (not loaded)"))
        pl = QVBoxLayout(self.problems_box)
        self.problems = QListWidget()
        self.problems.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Checklist files with problems"))
        pl.addWidget(self.problems)
        self.reload_button = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "Re&load files"))
        self.reload_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Read the checklist files again"))
        self.reload_button.clicked.connect(self.reload_files)
        pl.addWidget(self.reload_button)
        return self.problems_box

    # ------------------------------------------------------------------ reading
    def refresh(self, then: Callable[[], None] | None = None, *, include: int | None = None
                ) -> None:
        """Reload sessions, staff and unfinished runs in a worker (the database may be on
        the network), then fill the page and run `then`. `include` also reads that
        session when it lies outside the usual window (opened from the Sessions area)."""
        if then is not None:
            self._after_refresh.append(then)
        self._generation += 1
        generation = self._generation
        today = self.services.clock().date()
        flt = SessionFilter(
            date_from=today - timedelta(days=1), date_to=today + timedelta(days=30)
        )
        offline, snapshot, services, service = (
            self._desk.offline, self._desk.snapshot, self.services, self.service
        )

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> _StartData:
            data = _StartData()
            try:
                data.rows = session_rows(offline, snapshot, services, flt)
                data.people = staff_of(offline, snapshot, services)
                if include is not None and all(r.id != include for r in data.rows):
                    extra = session_row(offline, snapshot, services, include)
                    if extra is not None:
                        data.rows.append(extra)
            except RegieError as err:
                if not isinstance(err, ServerUnreachable):
                    raise
                data.lost = err
            try:
                data.unfinished = service.unfinished()
            except RegieError as err:
                if not isinstance(err, ServerUnreachable):
                    raise
                data.lost = err
            service.catalog  # noqa: B018 - reads the checklist files here, not on the GUI
            return data

        def failed(err: BaseException) -> None:
            if generation != self._generation:
                return
            self.failed.emit(known(err))

        run_task(
            read,
            on_success=lambda data: self._fill(data, generation),
            on_error=failed,
            pool=self._pool,
            parent=self,
        )

    def _fill(self, data: _StartData, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        if data.lost is not None:
            # The server went away since the last look: the desk is told, and turns this
            # page to the last known data as soon as it knows.
            self.lost.emit(data.lost)
        if data.rows is not None:
            self.rows = {r.id: r for r in data.rows}
        if data.people is not None:
            self.people = data.people
        self._fill_runner()
        self._fill_sessions()
        self._fill_unfinished(data.unfinished)
        self.problems.clear()
        for p in self.service.catalog.problems:
            message = core_text("checklists", p.message, **p.params)
            self.problems.addItem(f"{p.location()}: {message}")
        self.problems_box.setVisible(self.problems.count() > 0)
        self.loaded.emit()
        waiting, self._after_refresh = self._after_refresh, []
        for then in waiting:
            then()

    def _fill_runner(self) -> None:
        runner = self.runner.currentData()
        self.runner.clear()
        self.runner.addItem(_choose_at_sign_off(), None)
        for person in self.people:
            if person.active:
                self.runner.addItem(person.name, person.id)
        self.runner.setCurrentIndex(max(0, self.runner.findData(runner)))

    def _fill_sessions(self) -> None:
        current = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for r in sorted(self.rows.values(), key=lambda r: (r.start, r.id)):
            if r.status in (SessionStatus.CANCELLED, SessionStatus.DONE):
                continue
            start = r.start.astimezone()
            self.session_combo.addItem(
                f"{start:%d/%m %H:%M} · {r.title} · {r.branch_name} ({label(MODE_LABELS[r.mode])})",
                r.id,
            )
        if current is not None and self.session_combo.findData(current) >= 0:
            self.session_combo.setCurrentIndex(self.session_combo.findData(current))
        self.session_combo.blockSignals(False)
        if self.session_combo.count() == 0:
            self.for_practice.setChecked(True)
        self._target_changed()

    def _fill_unfinished(self, unfinished: list[RunSummary]) -> None:
        names = {p.id: p.name for p in self.people}
        self.unfinished.clear()
        for s in unfinished:
            if s.session_id is None:
                where = QCoreApplication.translate("ChecklistsArea", "practice")
            else:
                known = self.rows.get(s.session_id)
                where = s.session_title or (known.title if known else f"#{s.session_id}")
            who = s.staff_name or names.get(s.staff_id or 0) or "—"
            text = QCoreApplication.translate(
                "ChecklistsArea", "{title} — {where} — {who} — {done}/{total}"
            ).format(title=s.checklist_title, where=where, who=who, done=s.resolved,
                     total=s.total)
            if s.local:
                text += " " + QCoreApplication.translate(
                    "ChecklistsArea", "(on this computer, not yet sent)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.unfinished.addItem(item)
        if self.unfinished.count():
            self.unfinished.setCurrentRow(0)
        self.resume_button.setEnabled(self.unfinished.count() > 0)
        self.abandon_button.setEnabled(self.unfinished.count() > 0)

    # ------------------------------------------------------------------ choosing
    def remember(self, row: SessionRow) -> None:
        """A session as another area shows it, kept if the next reading cannot find it."""
        self.rows.setdefault(row.id, row)

    def select_session(self, session_id: int) -> None:
        """Preselect a session, if the page lists it (it may have been removed)."""
        index = self.session_combo.findData(session_id)
        if index < 0:
            return
        self.for_session.setChecked(True)
        self.session_combo.setCurrentIndex(index)
        self._target_changed()

    def session_row(self, session_id: int) -> SessionRow | None:
        """A session read at the last refresh (or from the last copy, offline)."""
        if session_id in self.rows:
            return self.rows[session_id]
        snapshot = self._desk.snapshot
        return snapshot.row(session_id) if self._desk.offline and snapshot else None

    def selected_session(self) -> SessionRow | None:
        if not self.for_session.isChecked():
            return None
        sid = self.session_combo.currentData()
        return None if sid is None else self.session_row(int(sid))

    def _target_changed(self) -> None:
        session = self.selected_session()
        practice = session is None
        self.session_combo.setEnabled(self.for_session.isChecked())
        self.practice_mode.setEnabled(practice)
        cat = self.service.catalog
        if session is not None:
            choices = cat.for_session(session.type_code, session.mode)
            self.run_mode.setCurrentIndex(self.run_mode.findData(RunMode.DO_CONFIRM.value))
        else:
            mode = SessionMode(self.practice_mode.currentData())
            choices = sorted((c for c in cat.checklists.values() if mode in c.modes),
                             key=lambda c: c.title)
            self.run_mode.setCurrentIndex(self.run_mode.findData(RunMode.READ_DO.value))
        self.checklist_combo.clear()
        for c in choices:
            self.checklist_combo.addItem(f"{c.title} (v{c.version})", c.id)
        self.start_button.setEnabled(self.checklist_combo.count() > 0)

    # ------------------------------------------------------------------ actions
    def start_run(self) -> None:
        """A new run of the chosen checklist; for a session, at the pause point due now."""
        self.status.clear()
        checklist_id = self.checklist_combo.currentData()
        if checklist_id is None:
            return
        staff = self.runner.currentData()
        try:
            session = self.selected_session()
            mode = session.mode if session else SessionMode(self.practice_mode.currentData())
            run = self.service.begin(
                str(checklist_id), RunMode(self.run_mode.currentData()), mode,
                session_id=session.id if session else None,
                staff_id=int(staff) if staff is not None else None,
            )
        except RegieError as err:
            self.failed.emit(err)
            return
        if session is not None:
            due = pause_due(session.start, session.end, self.services.clock())
            first = run.first_pending_index(due)
            if first is not None and run.state.mode is RunMode.DO_CONFIRM:
                run.go_to(first)
        self.started.emit(run)

    def resume_selected(self) -> None:
        if self.unfinished.currentRow() < 0:
            return
        run_id = int(self.unfinished.currentItem().data(Qt.ItemDataRole.UserRole))
        service = self.service
        self.resume_button.setEnabled(False)

        def load(_t: CancelToken, _p: Callable[[int, int], None]) -> ChecklistRun:
            return service.resume(run_id)  # reads the run and its automatic checks

        def opened(run: ChecklistRun) -> None:
            self.resume_button.setEnabled(True)
            self.resumed.emit(run)

        def failed(err: BaseException) -> None:
            self.resume_button.setEnabled(True)
            self.failed.emit(known(err))

        run_task(load, on_success=opened, on_error=failed, pool=self._pool, parent=self)

    def abandon_selected(self) -> None:
        if self.unfinished.currentRow() < 0:
            return
        run_id = int(self.unfinished.currentItem().data(Qt.ItemDataRole.UserRole))
        service = self.service

        def abandon(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            service.abandon(service.resume(run_id))

        def failed(err: BaseException) -> None:
            self.failed.emit(known(err))
            self.refresh()

        run_task(abandon, on_success=lambda _none: self.refresh(),
                 on_error=failed, pool=self._pool, parent=self)

    def reload_files(self) -> None:
        self.service.reload()
        self.refresh()


def _buddy(text: str, widget: QWidget) -> QLabel:
    lbl = QLabel(text)
    lbl.setBuddy(widget)
    return lbl


def _choose_at_sign_off() -> str:
    return QCoreApplication.translate("ChecklistsArea", "(choose at sign-off)")
