"""The checklists area: start or resume a run, go through it guided (one step at a time,
with the tutorial) or as a list, sign it off; and the training records.

The widgets only call `ChecklistService`; every change is saved at once, so closing the
window mid-run loses nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import (
    AUTO_CHECKS,
    PAUSE_LABELS,
    RUN_MODE_LABELS,
    ChecklistRun,
    ChecklistService,
    RunMode,
    RunSummary,
    Step,
    StepRecord,
    StepState,
    TrainingRecord,
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
from app.desk_data import session_row, session_rows, staff_of
from app.errors import RegieError, ServerUnreachable
from app.services import Services
from app.ui.i18n import core_text, error_text, label
from app.ui.workers import CancelToken, Pool, SerialPool, TaskFn, run_task

if TYPE_CHECKING:
    from app.core.snapshot import Snapshot

CHECK_INTERVAL_MS = 5000


def step_markdown(service: ChecklistService, step: Step) -> tuple[str, QUrl]:
    """The tutorial section of a step (and its picture), with the base URL for images."""
    cat = service.catalog
    tut = cat.tutorials.get(step.tutorial) if step.tutorial else None
    parts: list[str] = []
    base = QUrl()
    if tut is not None:
        base = QUrl.fromLocalFile(str(tut.folder) + "/")
        section = tut.sections.get(step.section) if step.section else None
        parts.append(section.markdown if section is not None else tut.markdown)
    if step.details:
        parts.append(step.details)
    text = "\n\n".join(parts)
    if step.image and step.image not in text:
        # A blank line first, or Markdown keeps the image inside a preceding list.
        text += f"\n\n![{step.title}]({step.image})\n"
    return text, base


@dataclass
class _StartData:
    """What the start page shows, read in a worker (None: could not be read now)."""

    rows: list[SessionRow] | None = None
    people: list[Staff] | None = None
    unfinished: list[RunSummary] = field(default_factory=list)
    lost: RegieError | None = None  # the server was found gone while reading


class RunSaver(QObject):
    """Saves runs off the GUI thread, one at a time and in the order they were made (on a
    `SerialPool`), so a click never waits for the database (a network one may be slow,
    or gone).

    Each save carries a copy of the run's state as it was at the click; the database
    finds the run by its key, so a save made before the first one returned its id
    still lands on the same run.
    """

    failed = Signal(object)  # RegieError of a save

    def __init__(
        self, service: ChecklistService, pool: Pool | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = SerialPool(pool)
        self._pending = 0  # saves (and waits) whose answer has not come back yet

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def save(self, run: ChecklistRun, then: Callable[[], None] | None = None) -> None:
        """Save the run as it is now; `then` once it has landed (not if it failed)."""
        state = copy.deepcopy(run.state)
        repo = self._service.repo

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> int:
            return repo.save(state)

        def landed(run_id: int) -> None:
            if run.state.key == state.key:
                run.state.id = run_id
            if then is not None:
                then()

        self._submit(work, landed)

    def when_idle(self, then: Callable[[], None]) -> None:
        """Run `then` once every save asked so far has landed (or failed)."""
        if self.idle:
            then()
        else:
            self._submit(_no_work, lambda _none: then())

    def _submit(self, work: TaskFn, landed: Callable[[Any], None]) -> None:
        self._pending += 1

        def succeeded(value: object) -> None:
            self._pending -= 1
            landed(value)

        def failed(err: BaseException) -> None:
            self._pending -= 1
            if not isinstance(err, RegieError):
                raise err
            self.failed.emit(err)

        run_task(work, on_success=succeeded, on_error=failed, pool=self._pool, parent=self)


def _no_work(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
    return None


class _SignOffBar(QWidget):
    """Who signs the run off, and the button; enabled once every step is resolved."""

    signed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Staff member signing off"))
        lbl = QLabel(self.tr("Signed off &by:"))
        lbl.setBuddy(self.who)
        self.button = QPushButton(self.tr("&Sign off"))
        self.button.setAccessibleName(self.tr("Sign off the checklist"))
        self.button.clicked.connect(self._emit)
        lay.addWidget(lbl)
        lay.addWidget(self.who, 1)
        lay.addWidget(self.button)

    def set_people(self, people: list[Staff]) -> None:
        current = self.who.currentData()
        self.who.clear()
        for person in people:
            if person.active:
                self.who.addItem(person.name, person.id)
        if current is not None and self.who.findData(current) >= 0:
            self.who.setCurrentIndex(self.who.findData(current))

    def set_ready(self, ready: bool, staff_id: int | None) -> None:
        self.button.setEnabled(ready and self.who.count() > 0)
        if staff_id is not None:
            i = self.who.findData(staff_id)
            if i >= 0:
                self.who.setCurrentIndex(i)

    def _emit(self) -> None:
        staff_id = self.who.currentData()
        if staff_id is not None:
            self.signed.emit(int(staff_id))


class _SkipBar(QWidget):
    """Skip with a reason, typed inline (a reason is required)."""

    skip = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is this step skipped?"))
        self.reason.setAccessibleName(self.tr("Reason for skipping"))
        self.button = QPushButton(self.tr("S&kip"))
        self.button.setAccessibleName(self.tr("Skip this step"))
        self.button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.button.setEnabled(bool(t.strip())))
        self.reason.returnPressed.connect(self._emit)
        self.button.clicked.connect(self._emit)
        lay.addWidget(self.reason, 1)
        lay.addWidget(self.button)

    def _emit(self) -> None:
        text = self.reason.text().strip()
        if text:
            self.skip.emit(text)
            self.reason.clear()


def _state_text(rec: StepRecord) -> str:
    """Symbol and words: the state never relies on colour alone."""
    if rec.state is StepState.DONE:
        if rec.auto:
            return QCoreApplication.translate("ChecklistsArea", "✔ Done (automatic check)")
        return QCoreApplication.translate("ChecklistsArea", "✔ Done")
    if rec.state is StepState.SKIPPED:
        return QCoreApplication.translate("ChecklistsArea", "⤼ Skipped: {reason}").format(
            reason=rec.skip_reason)
    return QCoreApplication.translate("ChecklistsArea", "○ To do")


class ChecklistsArea(QWidget):
    """Sidebar area: checklists runner and training records."""

    run_finished = Signal(int)  # run id, after sign-off
    start_page_loaded = Signal()  # the start page shows fresh data

    def __init__(
        self,
        services: Services,
        checklists: ChecklistService,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
        snapshot: Snapshot | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.service = checklists
        self._pool = pool
        # The network database's last known data while it cannot be reached, else None.
        self.snapshot = snapshot
        self.offline = snapshot is not None
        self._rows: dict[int, SessionRow] = {}
        self._people: list[Staff] = []
        self.saver = RunSaver(checklists, pool, self)
        self.saver.failed.connect(self._error)
        self._generation = 0  # of start-page refreshes: only the newest one is shown
        self._after_refresh: list[Callable[[], None]] = []
        # Told when a read meets the server gone (the desk's connection monitor).
        self.server_lost: Callable[[BaseException], object] | None = None
        self._checking = False
        self.run: ChecklistRun | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_checks)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Checklists and training records"))
        self.stack = QStackedWidget()
        self.start_page = self._build_start_page()
        self.read_do_page = self._build_read_do_page()
        self.list_page = self._build_list_page()
        for page in (self.start_page, self.read_do_page, self.list_page):
            self.stack.addWidget(page)
        self.training = TrainingRecordsView(services, checklists, people=self.people, pool=pool)
        self.tabs.addTab(self.stack, self.tr("&Checklists"))
        self.tabs.addTab(self.training, self.tr("&Training records"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.offline_note = QLabel(self.tr(
            "⚠ Working without the network database: runs started or continued here are "
            "kept on this computer and sent when it answers again. Runs saved on the server "
            "show again then."
        ))
        self.offline_note.setObjectName("OfflineNote")
        self.offline_note.setWordWrap(True)
        self.offline_note.setAccessibleName(self.tr("Working without the server"))
        self.offline_note.setVisible(self.offline)
        lay = QVBoxLayout(self)
        lay.addWidget(self.offline_note)
        lay.addWidget(self.tabs)
        self.refresh_start_page()

    # ------------------------------------------------------------------ online/offline
    def set_offline(self, snapshot: Snapshot | None) -> None:
        """The server stopped answering: read sessions and staff from its last copy;
        runs go on, kept on this computer."""
        self.offline = True
        if snapshot is not None:
            self.snapshot = snapshot
        self.offline_note.show()
        if self.run is None:
            self.refresh_start_page()

    def set_online(self) -> None:
        """The server answers again (what waited has been sent): back to live data."""
        self.offline = False
        self.offline_note.hide()
        if self.run is None:
            self.refresh_start_page()
        if self.tabs.currentWidget() is self.training:
            self.training.refresh()

    def _session_row(self, session_id: int) -> SessionRow | None:
        """A session read at the last refresh (or from the last copy, offline)."""
        if session_id in self._rows:
            return self._rows[session_id]
        return self.snapshot.row(session_id) if self.offline and self.snapshot else None

    def people(self) -> list[Staff]:
        """Staff, from the server or its last copy."""
        return staff_of(self.offline, self.snapshot, self.services)

    # ------------------------------------------------------------------ start page
    def _build_start_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Last result"))
        lay.addWidget(self.status)
        box = QGroupBox(self.tr("Start a checklist"))
        form = QFormLayout(box)
        self.for_session = QRadioButton(self.tr("For a s&ession"))
        self.for_practice = QRadioButton(self.tr("&Practice (training, no session)"))
        self.for_session.setAccessibleName(self.tr("Run for a session"))
        self.for_practice.setAccessibleName(self.tr("Practice run"))
        group = QButtonGroup(page)
        group.addButton(self.for_session)
        group.addButton(self.for_practice)
        self.for_session.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.for_session)
        row.addWidget(self.for_practice)
        row.addStretch(1)
        form.addRow(row)
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(self.tr("Session"))
        form.addRow(self._buddy(self.tr("Sess&ion:"), self.session_combo), self.session_combo)
        self.practice_mode = QComboBox()
        self.practice_mode.setAccessibleName(self.tr("Session mode to practise"))
        for m in SessionMode:
            self.practice_mode.addItem(label(MODE_LABELS[m]), m.value)
        form.addRow(self._buddy(self.tr("Mo&de:"), self.practice_mode), self.practice_mode)
        self.checklist_combo = QComboBox()
        self.checklist_combo.setAccessibleName(self.tr("Checklist"))
        form.addRow(self._buddy(self.tr("Check&list:"), self.checklist_combo),
                    self.checklist_combo)
        self.run_mode = QComboBox()
        self.run_mode.setAccessibleName(self.tr("How to run it"))
        for rm in RunMode:
            self.run_mode.addItem(label(RUN_MODE_LABELS[rm]), rm.value)
        form.addRow(self._buddy(self.tr("&How:"), self.run_mode), self.run_mode)
        self.runner = QComboBox()
        self.runner.setAccessibleName(self.tr("Who runs the checklist"))
        self.runner.addItem(self.tr("(choose at sign-off)"), None)
        form.addRow(self._buddy(self.tr("&Who:"), self.runner), self.runner)
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Start the checklist"))
        self.start_button.clicked.connect(self.start_run)
        form.addRow(self.start_button)
        lay.addWidget(box)

        resume = QGroupBox(self.tr("Unfinished runs"))
        rl = QVBoxLayout(resume)
        self.unfinished = QListWidget()
        self.unfinished.setAccessibleName(self.tr("Unfinished runs"))
        self.unfinished.itemActivated.connect(lambda _i: self.resume_selected())
        rl.addWidget(self.unfinished)
        buttons = QHBoxLayout()
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume the selected run"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.abandon_button = QPushButton(self.tr("&Abandon"))
        self.abandon_button.setAccessibleName(self.tr("Abandon the selected run"))
        self.abandon_button.clicked.connect(self.abandon_selected)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.abandon_button)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        lay.addWidget(resume, 1)

        self.problems_box = QGroupBox(self.tr("Files with problems (not loaded)"))
        pl = QVBoxLayout(self.problems_box)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Checklist files with problems"))
        pl.addWidget(self.problems)
        self.reload_button = QPushButton(self.tr("Re&load files"))
        self.reload_button.setAccessibleName(self.tr("Read the checklist files again"))
        self.reload_button.clicked.connect(self.reload_files)
        pl.addWidget(self.reload_button)
        lay.addWidget(self.problems_box)

        self.for_session.toggled.connect(self._target_changed)
        self.session_combo.currentIndexChanged.connect(self._target_changed)
        self.practice_mode.currentIndexChanged.connect(self._target_changed)
        return page

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        lbl = QLabel(text)
        lbl.setBuddy(widget)
        return lbl

    def refresh_start_page(
        self, then: Callable[[], None] | None = None, *, include: int | None = None
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
            self.offline, self.snapshot, self.services, self.service
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
            if not isinstance(err, RegieError):
                raise err
            self._error(err)

        run_task(
            read,
            on_success=lambda data: self._fill_start_page(data, generation),
            on_error=failed,
            pool=self._pool,
            parent=self,
        )

    def _fill_start_page(self, data: _StartData, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        if data.lost is not None and self.server_lost is not None:
            # The server went away since the last look: the desk is told, and turns this
            # area to the last known data (set_offline) as soon as it knows.
            self.server_lost(data.lost)
        if data.rows is not None:
            self._rows = {r.id: r for r in data.rows}
        if data.people is not None:
            self._people = data.people
        rows = list(self._rows.values())
        names = {p.id: p.name for p in self._people}
        runner = self.runner.currentData()
        self.runner.clear()
        self.runner.addItem(self.tr("(choose at sign-off)"), None)
        for person in self._people:
            if person.active:
                self.runner.addItem(person.name, person.id)
        self.runner.setCurrentIndex(max(0, self.runner.findData(runner)))
        for bar in (self.rd_sign, self.dc_sign):
            bar.set_people(self._people)
        current = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for r in sorted(rows, key=lambda r: (r.start, r.id)):
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

        self.unfinished.clear()
        for s in data.unfinished:
            if s.session_id is None:
                where = self.tr("practice")
            else:
                known = self._rows.get(s.session_id)
                where = s.session_title or (known.title if known else f"#{s.session_id}")
            who = s.staff_name or names.get(s.staff_id or 0) or "—"
            text = self.tr("{title} — {where} — {who} — {done}/{total}").format(
                title=s.checklist_title, where=where, who=who, done=s.resolved, total=s.total)
            if s.local:
                text += " " + self.tr("(on this computer, not yet sent)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.unfinished.addItem(item)
        if self.unfinished.count():
            self.unfinished.setCurrentRow(0)
        self.resume_button.setEnabled(self.unfinished.count() > 0)
        self.abandon_button.setEnabled(self.unfinished.count() > 0)

        self.problems.clear()
        for p in self.service.catalog.problems:
            message = core_text("checklists", p.message, **p.params)
            self.problems.addItem(f"{p.location()}: {message}")
        self.problems_box.setVisible(self.problems.count() > 0)
        self.start_page_loaded.emit()
        waiting, self._after_refresh = self._after_refresh, []
        for then in waiting:
            then()

    def open_for_session(self, session_id: int, row: SessionRow | None = None) -> None:
        """Come here from the Sessions area: that session is preselected (`row`: the
        session as that area shows it, kept if the reading cannot find it)."""
        if self.run is not None:
            return  # a run is in progress: leave it on screen
        if row is not None:
            self._rows.setdefault(row.id, row)

        def select() -> None:
            index = self.session_combo.findData(session_id)
            if index < 0 or self.run is not None:
                return  # unknown here (removed meanwhile), or a run was opened since
            self.for_session.setChecked(True)
            self.session_combo.setCurrentIndex(index)
            self._target_changed()

        self.refresh_start_page(select, include=session_id)

    def _selected_session(self) -> SessionRow | None:
        if not self.for_session.isChecked():
            return None
        sid = self.session_combo.currentData()
        return None if sid is None else self._session_row(int(sid))

    def _target_changed(self) -> None:
        session = self._selected_session()
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

    def start_run(self) -> None:
        self.status.clear()
        checklist_id = self.checklist_combo.currentData()
        if checklist_id is None:
            return
        staff = self.runner.currentData()
        try:
            session = self._selected_session()
            mode = session.mode if session else SessionMode(self.practice_mode.currentData())
            run = self.service.begin(
                str(checklist_id), RunMode(self.run_mode.currentData()), mode,
                session_id=session.id if session else None,
                staff_id=int(staff) if staff is not None else None,
            )
        except RegieError as err:
            self._error(err)
            return
        if session is not None:
            due = pause_due(session.start, session.end, self.services.clock())
            first = run.first_pending_index(due)
            if first is not None and run.state.mode is RunMode.DO_CONFIRM:
                run.go_to(first)
        self.saver.save(run)
        self.open_run(run)
        self.refresh_checks()  # automatic checks already passing tick at once

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
            if self.run is not None:
                return  # another run was opened meanwhile
            self.saver.save(run)
            self.open_run(run)

        def failed(err: BaseException) -> None:
            self.resume_button.setEnabled(True)
            if not isinstance(err, RegieError):
                raise err
            self._error(err)

        run_task(load, on_success=opened, on_error=failed, pool=self._pool, parent=self)

    def abandon_selected(self) -> None:
        if self.unfinished.currentRow() < 0:
            return
        run_id = int(self.unfinished.currentItem().data(Qt.ItemDataRole.UserRole))
        service = self.service

        def abandon(_t: CancelToken, _p: Callable[[int, int], None]) -> None:
            service.abandon(service.resume(run_id))

        def failed(err: BaseException) -> None:
            if not isinstance(err, RegieError):
                raise err
            self._error(err)
            self.refresh_start_page()

        run_task(abandon, on_success=lambda _none: self.refresh_start_page(),
                 on_error=failed, pool=self._pool, parent=self)

    def reload_files(self) -> None:
        self.service.reload()
        self.refresh_start_page()

    # ------------------------------------------------------------------ read-do page
    def _build_read_do_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.rd_title = QLabel()
        self.rd_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.rd_progress = QProgressBar()
        self.rd_progress.setAccessibleName(self.tr("Steps done"))
        self.rd_position = QLabel()
        self.rd_step = QLabel()
        self.rd_step.setWordWrap(True)
        self.rd_step.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.rd_why = QLabel()
        self.rd_why.setWordWrap(True)
        self.rd_auto = QLabel()
        self.rd_auto.setWordWrap(True)
        self.rd_state = QLabel()
        self.rd_browser = QTextBrowser()
        self.rd_browser.setAccessibleName(self.tr("Tutorial"))
        self.rd_browser.setOpenExternalLinks(True)
        self.rd_note = QLineEdit()
        self.rd_note.setPlaceholderText(self.tr("Note for this step (optional)"))
        self.rd_note.setAccessibleName(self.tr("Note for this step"))
        self.rd_note.editingFinished.connect(self._save_note_read_do)
        self.rd_skip = _SkipBar()
        self.rd_skip.skip.connect(self._skip_current)
        self.rd_back = QPushButton(self.tr("← &Back"))
        self.rd_back.setAccessibleName(self.tr("Previous step"))
        self.rd_back.clicked.connect(self.go_back)
        self.rd_next = QPushButton(self.tr("&Done, next →"))
        self.rd_next.setAccessibleName(self.tr("Mark done and go to the next step"))
        self.rd_next.setDefault(True)
        self.rd_next.clicked.connect(self.done_next)
        self.rd_close = QPushButton(self.tr("&Close (progress is saved)"))
        self.rd_close.setAccessibleName(self.tr("Close the run; it can be resumed"))
        self.rd_close.clicked.connect(self.close_run)
        self.rd_sign = _SignOffBar()
        self.rd_sign.signed.connect(self.sign_off)
        lay.addWidget(self.rd_title)
        lay.addWidget(self.rd_progress)
        lay.addWidget(self.rd_position)
        lay.addWidget(self.rd_step)
        lay.addWidget(self.rd_why)
        lay.addWidget(self.rd_auto)
        lay.addWidget(self.rd_state)
        lay.addWidget(self.rd_browser, 1)
        lay.addWidget(self.rd_note)
        lay.addWidget(self.rd_skip)
        nav = QHBoxLayout()
        nav.addWidget(self.rd_back)
        nav.addWidget(self.rd_next)
        nav.addStretch(1)
        nav.addWidget(self.rd_close)
        lay.addLayout(nav)
        lay.addWidget(self.rd_sign)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), page, self.done_next)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), page, self.go_back)
        return page

    def _show_read_do(self) -> None:
        run = self.run
        assert run is not None
        step = run.current
        rec = run.record(step.id)
        self.rd_title.setText(run.checklist.title)
        self.rd_progress.setRange(0, run.total)
        self.rd_progress.setValue(run.resolved_count)
        self.rd_progress.setFormat(self.tr("%v of %m steps"))
        self.rd_position.setText(self.tr("Step {n} of {total} · {pause}").format(
            n=run.index + 1, total=run.total, pause=label(PAUSE_LABELS[step.pause])))
        self.rd_step.setText(step.title)
        self.rd_why.setText(self.tr("Why: {why}").format(why=step.why))
        if step.check:
            check = label(AUTO_CHECKS[step.check])
            self.rd_auto.setText(self.tr("Ticks itself when this passes: {check}").format(
                check=check))
        self.rd_auto.setVisible(step.check is not None)
        self.rd_state.setText(_state_text(rec))
        text, base = step_markdown(self.service, step)
        doc = self.rd_browser.document()
        doc.setBaseUrl(base)
        self.rd_browser.setMarkdown(text)
        self.rd_note.setText(rec.note)
        self.rd_back.setEnabled(run.index > 0)
        last = run.index + 1 >= run.total
        self.rd_next.setText(self.tr("&Done") if last else self.tr("&Done, next →"))
        self.rd_next.setEnabled(not (last and rec.resolved))
        self.rd_sign.set_ready(run.complete, run.state.staff_id)
        self.rd_sign.setVisible(run.complete)

    def done_next(self) -> None:
        run = self.run
        if run is None or self.stack.currentWidget() is not self.read_do_page:
            return
        try:
            self._save_note_read_do()
            if not run.record(run.current.id).resolved:
                run.tick()
            if run.index + 1 < run.total:
                run.next()
            self.saver.save(run)
        except RegieError as err:
            self._error(err)
        self._show_read_do()

    def go_back(self) -> None:
        run = self.run
        if run is None or self.stack.currentWidget() is not self.read_do_page:
            return
        self._save_note_read_do()
        if run.back():
            self.saver.save(run)
        self._show_read_do()

    def _skip_current(self, reason: str) -> None:
        run = self.run
        if run is None:
            return
        try:
            run.skip(reason)
            if run.index + 1 < run.total:
                run.next()
            self.saver.save(run)
        except RegieError as err:
            self._error(err)
        self._refresh_view()

    def _save_note_read_do(self) -> None:
        run = self.run
        if run is None or run.finished:
            return
        rec = run.record(run.current.id)
        if self.rd_note.text().strip() != rec.note:
            run.set_note(self.rd_note.text())
            self.saver.save(run)

    # ------------------------------------------------------------------ do-confirm page
    def _build_list_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.dc_title = QLabel()
        self.dc_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.dc_progress = QProgressBar()
        self.dc_progress.setAccessibleName(self.tr("Steps done"))
        self.dc_tree = QTreeWidget()
        self.dc_tree.setAccessibleName(self.tr("Checklist steps"))
        self.dc_tree.setHeaderLabels([self.tr("Step"), self.tr("State"), self.tr("Note")])
        self.dc_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dc_tree.itemChanged.connect(self._item_changed)
        self.dc_tree.currentItemChanged.connect(lambda *_: self._show_selected_tutorial())
        self.dc_browser = QTextBrowser()
        self.dc_browser.setAccessibleName(self.tr("Tutorial"))
        split = QSplitter()
        split.addWidget(self.dc_tree)
        split.addWidget(self.dc_browser)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.dc_note = QLineEdit()
        self.dc_note.setPlaceholderText(self.tr("Note for the selected step (optional)"))
        self.dc_note.setAccessibleName(self.tr("Note for the selected step"))
        self.dc_note.editingFinished.connect(self._save_note_list)
        self.dc_skip = _SkipBar()
        self.dc_skip.skip.connect(self._skip_selected)
        self.dc_refresh = QPushButton(self.tr("Check a&gain"))
        self.dc_refresh.setAccessibleName(self.tr("Tick the steps the automatic checks confirm"))
        self.dc_refresh.clicked.connect(self.refresh_checks)
        self.dc_close = QPushButton(self.tr("&Close (progress is saved)"))
        self.dc_close.setAccessibleName(self.tr("Close the run; it can be resumed"))
        self.dc_close.clicked.connect(self.close_run)
        self.dc_sign = _SignOffBar()
        self.dc_sign.signed.connect(self.sign_off)
        lay.addWidget(self.dc_title)
        lay.addWidget(self.dc_progress)
        lay.addWidget(split, 1)
        lay.addWidget(self.dc_note)
        lay.addWidget(self.dc_skip)
        row = QHBoxLayout()
        row.addWidget(self.dc_refresh)
        row.addStretch(1)
        row.addWidget(self.dc_close)
        lay.addLayout(row)
        lay.addWidget(self.dc_sign)
        return page

    def _fill_list(self) -> None:
        run = self.run
        assert run is not None
        selected = self._selected_step_id()
        self.dc_title.setText(run.checklist.title)
        self.dc_progress.setRange(0, run.total)
        self.dc_progress.setValue(run.resolved_count)
        self.dc_progress.setFormat(self.tr("%v of %m steps"))
        self.dc_tree.blockSignals(True)
        self.dc_tree.clear()
        current: QTreeWidgetItem | None = None
        for pause, steps in run.groups():
            parent = QTreeWidgetItem([label(PAUSE_LABELS[pause])])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.dc_tree.addTopLevelItem(parent)
            for s in steps:
                rec = run.record(s.id)
                item = QTreeWidgetItem([s.title, _state_text(rec), rec.note])
                item.setData(0, Qt.ItemDataRole.UserRole, s.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if rec.state is StepState.DONE
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(0, s.why)
                parent.addChild(item)
                if s.id == selected or (current is None and selected is None
                                        and s.id == run.current.id):
                    current = item
            parent.setExpanded(True)
        self.dc_tree.blockSignals(False)
        if current is not None:
            self.dc_tree.setCurrentItem(current)
        self.dc_sign.set_ready(run.complete, run.state.staff_id)
        self._show_selected_tutorial()

    def _sync_list(self) -> None:
        """Update the rows in place (the tree may be emitting the signal that got us here,
        so it must not be rebuilt)."""
        run = self.run
        assert run is not None
        self.dc_progress.setValue(run.resolved_count)
        self.dc_tree.blockSignals(True)
        for s in run.steps:
            rec = run.record(s.id)
            item = self.step_item(s.id)
            item.setText(1, _state_text(rec))
            item.setText(2, rec.note)
            item.setCheckState(0, Qt.CheckState.Checked if rec.state is StepState.DONE
                               else Qt.CheckState.Unchecked)
        self.dc_tree.blockSignals(False)
        self.dc_sign.set_ready(run.complete, run.state.staff_id)
        sid = self._selected_step_id()
        self.dc_skip.setEnabled(sid is not None and not run.record(sid).resolved)

    def _selected_step_id(self) -> str | None:
        item = self.dc_tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(data) if data else None

    def step_item(self, step_id: str) -> QTreeWidgetItem:
        """The tree row of a step (tests and keyboard users select rows by it)."""
        for i in range(self.dc_tree.topLevelItemCount()):
            top = self.dc_tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == step_id:
                    return child
        raise KeyError(step_id)

    def _show_selected_tutorial(self) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None:
            self.dc_browser.clear()
            self.dc_note.clear()
            self.dc_skip.setEnabled(False)
            return
        step = run.step(sid)
        text, base = step_markdown(self.service, step)
        why = self.tr("**Why:** {why}").format(why=step.why)
        self.dc_browser.document().setBaseUrl(base)
        self.dc_browser.setMarkdown(f"### {step.title}\n\n{why}\n\n{text}")
        self.dc_note.setText(run.record(sid).note)
        self.dc_skip.setEnabled(not run.record(sid).resolved)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        run = self.run
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        if run is None or not sid or column != 0:
            return
        try:
            if item.checkState(0) == Qt.CheckState.Checked:
                run.tick(str(sid))
            else:
                run.untick(str(sid))
            self.saver.save(run)
        except RegieError as err:
            self._error(err)
        self._sync_list()

    def _skip_selected(self, reason: str) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None:
            return
        try:
            run.skip(reason, sid)
            self.saver.save(run)
        except RegieError as err:
            self._error(err)
        self._sync_list()

    def _save_note_list(self) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None or run.finished:
            return
        if self.dc_note.text().strip() != run.record(sid).note:
            run.set_note(self.dc_note.text(), sid)
            self.saver.save(run)
            self.step_item(sid).setText(2, run.record(sid).note)

    # ------------------------------------------------------------------ shared
    def open_run(self, run: ChecklistRun) -> None:
        self.run = run
        guided = run.state.mode is RunMode.READ_DO
        self.stack.setCurrentWidget(self.read_do_page if guided else self.list_page)
        if guided:
            self._show_read_do()
        else:
            self._fill_list()
        if run.state.session_id is not None:
            self._timer.start()

    def _refresh_view(self) -> None:
        if self.run is None:
            return
        if self.stack.currentWidget() is self.read_do_page:
            self._show_read_do()
        elif self.dc_tree.topLevelItemCount():
            self._sync_list()
        else:
            self._fill_list()

    def refresh_checks(self) -> None:
        """Tick the steps whose automatic check now passes (saved device checks…).

        Polled every few seconds: the checks are read in a worker (the database may be
        on the network), the ticks applied here, on the run's own thread.
        """
        run = self.run
        if run is None or run.finished or self._checking or self.offline:
            return  # offline, the saved checks cannot be read: steps are ticked by hand
        self._checking = True
        service = self.service

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> dict[str, bool | None]:
            return service.check_statuses(run)

        def apply(statuses: dict[str, bool | None]) -> None:
            self._checking = False
            if self.run is not run or run.finished:
                return
            ticked = run.apply_statuses(statuses)
            if ticked:
                self.saver.save(run)
                self._refresh_view()

        def failed(err: BaseException) -> None:
            self._checking = False
            if not isinstance(err, RegieError):
                raise err
            if isinstance(err, ServerUnreachable):
                return  # the connection monitor tells the desk; ticking by hand still works
            self._timer.stop()
            self._error(err)

        run_task(read, on_success=apply, on_error=failed, pool=self._pool, parent=self)

    def sign_off(self, staff_id: int) -> None:
        run = self.run
        if run is None:
            return
        try:
            run.sign_off(staff_id)
        except RegieError as err:
            self._error(err)
            return

        def saved() -> None:
            self.training.refresh()
            self.status.setText(self.tr("✔ “{title}” is signed off and saved.").format(
                title=run.checklist.title))
            if run.state.id is not None:
                self.run_finished.emit(run.state.id)

        self.saver.save(run, saved)
        self.close_run()

    def close_run(self) -> None:
        self._timer.stop()
        if self.run is not None and not self.run.finished:
            if self.stack.currentWidget() is self.read_do_page:
                self._save_note_read_do()
            else:
                self._save_note_list()
        self.run = None
        self.dc_tree.clear()
        self.stack.setCurrentWidget(self.start_page)
        # The list shows the run as saved: once every save asked so far has landed.
        self.saver.when_idle(self.refresh_start_page)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.training:
            self.training.refresh()

    def _error(self, err: RegieError) -> None:
        if isinstance(err, ServerUnreachable):
            text = self.tr(
                "This run is saved on the network database, which cannot be reached now: it "
                "can be resumed when the server answers again. Runs started here meanwhile are "
                "kept on this computer."
            )
        else:
            text = error_text(err)
        QMessageBox.warning(self, self.tr("Checklist"), text)

    def hideEvent(self, event: QHideEvent) -> None:
        """No polling while the area is not shown."""
        self._timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self.run is not None and self.run.state.session_id is not None:
            self._timer.start()
        super().showEvent(event)


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
                r.finished_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                f"{r.minutes:g}", r.signed_off_by or "",
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.empty.setText(self.tr(
            "No training record yet: a guided run appears here once it is signed off."))
        self.empty.setVisible(not records)
