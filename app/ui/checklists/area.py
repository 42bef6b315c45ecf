"""The checklists area: the start page, the open run (guided or as a list) and the
training records, in tabs; live data or the last known copy while the server is away.

The area holds the run that is open: it opens it on the page of its mode, polls its
automatic checks, signs it off and closes it. The pages change the run and hand every
change to the saver at once, so closing the window mid-run loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import ChecklistRun, ChecklistService, RunMode
from app.core.models import SessionRow, Staff
from app.errors import RegieError, ServerUnreachable
from app.services import Services
from app.services.desk_data import staff_of
from app.ui.checklists.guided_page import GuidedPage
from app.ui.checklists.list_page import ListPage
from app.ui.checklists.saver import RunSaver
from app.ui.checklists.start_page import StartPage
from app.ui.checklists.training import TrainingRecordsView
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.workers import CancelToken, Pool, run_task

if TYPE_CHECKING:
    from app.core.snapshot import Snapshot

CHECK_INTERVAL_MS = 5000


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
        self.saver = RunSaver(checklists, pool, self)
        self.saver.failed.connect(self._error)
        # Told when a read meets the server gone (the desk's connection monitor).
        self.server_lost: Callable[[BaseException], object] | None = None
        self._checking = False
        self.run: ChecklistRun | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_checks)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Checklists and training records"))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        self.stack = QStackedWidget()
        self.start_page = StartPage(services, checklists, self, pool=pool)
        self.start_page.started.connect(self._started)
        self.start_page.resumed.connect(self._resumed)
        self.start_page.loaded.connect(self._start_page_loaded)
        self.start_page.lost.connect(self._lost)
        self.start_page.failed.connect(self._error)
        self.read_do_page = GuidedPage(checklists, self.saver)
        self.list_page = ListPage(checklists, self.saver)
        for page in (self.read_do_page, self.list_page):
            page.failed.connect(self._error)
            page.close_button.clicked.connect(self.close_run)
            page.sign.signed.connect(self.sign_off)
        self.list_page.check_again.clicked.connect(self.refresh_checks)
        for widget in (self.start_page, self.read_do_page, self.list_page):
            self.stack.addWidget(widget)
        self._name_controls()
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

    def _name_controls(self) -> None:
        """The pages' controls under the names the area has always given them (the desk,
        its tests and keyboard users reach them here)."""
        start, guided, listed = self.start_page, self.read_do_page, self.list_page
        self.status = start.status
        self.for_session = start.for_session
        self.for_practice = start.for_practice
        self.session_combo = start.session_combo
        self.practice_mode = start.practice_mode
        self.checklist_combo = start.checklist_combo
        self.run_mode = start.run_mode
        self.runner = start.runner
        self.start_button = start.start_button
        self.unfinished = start.unfinished
        self.resume_button = start.resume_button
        self.abandon_button = start.abandon_button
        self.problems_box = start.problems_box
        self.problems = start.problems
        self.reload_button = start.reload_button
        self.rd_title = guided.title
        self.rd_progress = guided.progress
        self.rd_position = guided.position
        self.rd_step = guided.step
        self.rd_why = guided.why
        self.rd_auto = guided.auto
        self.rd_state = guided.state
        self.rd_browser = guided.browser
        self.rd_note = guided.note
        self.rd_skip = guided.skip
        self.rd_back = guided.back_button
        self.rd_next = guided.next_button
        self.rd_close = guided.close_button
        self.rd_sign = guided.sign
        self.dc_title = listed.title
        self.dc_progress = listed.progress
        self.dc_tree = listed.tree
        self.dc_browser = listed.browser
        self.dc_note = listed.note
        self.dc_skip = listed.skip
        self.dc_refresh = listed.check_again
        self.dc_close = listed.close_button
        self.dc_sign = listed.sign

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

    def people(self) -> list[Staff]:
        """Staff, from the server or its last copy."""
        return staff_of(self.offline, self.snapshot, self.services)

    def _lost(self, err: RegieError) -> None:
        # The server went away since the last look: the desk is told, and turns this
        # area to the last known data (set_offline) as soon as it knows.
        if self.server_lost is not None:
            self.server_lost(err)

    # ------------------------------------------------------------------ start page
    def refresh_start_page(
        self, then: Callable[[], None] | None = None, *, include: int | None = None
    ) -> None:
        """Reload the start page in a worker, then run `then` (see StartPage.refresh)."""
        self.start_page.refresh(then, include=include)

    def _start_page_loaded(self) -> None:
        for bar in (self.rd_sign, self.dc_sign):
            bar.set_people(self.start_page.people)
        self.start_page_loaded.emit()

    def open_for_session(self, session_id: int, row: SessionRow | None = None) -> None:
        """Come here from the Sessions area: that session is preselected (`row`: the
        session as that area shows it, kept if the reading cannot find it)."""
        if self.run is not None:
            return  # a run is in progress: leave it on screen
        if row is not None:
            self.start_page.remember(row)

        def select() -> None:
            if self.run is None:  # else a run was opened since
                self.start_page.select_session(session_id)

        self.refresh_start_page(select, include=session_id)

    def start_run(self) -> None:
        """Start the checklist chosen on the start page."""
        self.start_page.start_run()

    def _started(self, run: ChecklistRun) -> None:
        self.saver.save(run)
        self.open_run(run)
        self.refresh_checks()  # automatic checks already passing tick at once

    def _resumed(self, run: ChecklistRun) -> None:
        if self.run is not None:
            return  # another run was opened meanwhile
        self.saver.save(run)
        self.open_run(run)

    # ------------------------------------------------------------------ the open run
    def open_run(self, run: ChecklistRun) -> None:
        self.run = run
        guided = run.state.mode is RunMode.READ_DO
        self.stack.setCurrentWidget(self.read_do_page if guided else self.list_page)
        if guided:
            self.read_do_page.open(run)
        else:
            self.list_page.open(run)
        if run.state.session_id is not None:
            self._timer.start()

    def step_item(self, step_id: str) -> QTreeWidgetItem:
        """The list's row of a step (tests and keyboard users select rows by it)."""
        return self.list_page.step_item(step_id)

    def _refresh_view(self) -> None:
        if self.run is None:
            return
        if self.stack.currentWidget() is self.read_do_page:
            self.read_do_page.refresh()
        else:
            self.list_page.refresh()

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
            problem = known(err)  # a bug goes on to the crash handler
            if isinstance(problem, ServerUnreachable):
                return  # the connection monitor tells the desk; ticking by hand still works
            self._timer.stop()
            self._error(problem)

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
                self.read_do_page.save_note()
            else:
                self.list_page.save_note()
        self.run = None
        self.read_do_page.clear()
        self.list_page.clear()
        self.stack.setCurrentWidget(self.start_page)
        # The list shows the run as saved: once every save asked so far has landed.
        self.saver.when_idle(self.refresh_start_page)

    # ------------------------------------------------------------------ the area
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
