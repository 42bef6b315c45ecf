"""Carrying a session to the screen where its next step is done, from Aujourd'hui,
Préparer or the Sessions area; and the launch that asks first when a session is not
ready, naming what is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionRow
from app.core.readiness import Readiness, StepKey
from app.services import readiness as prep
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.launch import LaunchController
from app.ui.today.model import missing_text
from app.ui.workers import CancelToken, Pool, run_task
from app.zoom.launch import ZoomLauncher

if TYPE_CHECKING:
    from app.services import Services
    from app.ui.events import DeskEvents
    from app.ui.main_window import MainWindow
    from app.ui.sessions_area import SessionsArea


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionActions", text)


class GuardedLaunchController(LaunchController):
    """“Launch Zoom” that first reads the session's readiness: a session not ready is
    launched only once the agent confirms, having read what is still to do."""

    confirming = Signal(object)  # the confirmation box, shown

    def __init__(
        self,
        launcher: ZoomLauncher,
        services: Services,
        *,
        window: QWidget | None = None,
        pool: Pool | None = None,
        open_url: Callable[[QUrl], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(launcher, pool=pool, open_url=open_url, parent=parent)
        self._services = services
        self._window = window
        self._checking = False
        self.confirm_box: QMessageBox | None = None

    def launch(self, session_id: int, launched_by: str | None = None) -> None:
        if self.busy or self._checking:
            return
        self._checking = True
        services = self._services

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> Readiness:
            return prep.readiness(services, session_id)

        def judged(r: Readiness) -> None:
            self._checking = False
            if r.ready:
                self.launch_anyway(session_id, launched_by)
            else:
                self._confirm(r, launched_by)

        def failed(err: BaseException) -> None:
            self._checking = False
            self.failed.emit(error_text(known(err)))

        run_task(read, on_success=judged, on_error=failed, pool=self._pool, parent=self)

    def launch_anyway(self, session_id: int, launched_by: str | None = None) -> None:
        """The launch itself, without asking."""
        super().launch(session_id, launched_by)

    def _confirm(self, r: Readiness, launched_by: str | None = None) -> None:
        text = _t(_N("SessionActions", "“{title}” is not ready. Still to do:")).format(
            title=r.row.title
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("LaunchController", "Launch Zoom"),
            text + "\n\n" + missing_text(r, self._services.clock()) + "\n\n"
            + _t(_N("SessionActions", "Launch Zoom anyway?")),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("LaunchConfirmBox")
        box.setAccessibleName(_t(_N("SessionActions", "Launch a session that is not ready")))
        anyway = box.addButton(
            _t(_N("SessionActions", "&Launch anyway")), QMessageBox.ButtonRole.AcceptRole
        )
        anyway.setAccessibleName(
            _t(_N("SessionActions", "Launch Zoom although the session is not ready"))
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sid = r.row.id
        box.finished.connect(
            lambda _r: self.launch_anyway(sid, launched_by)
            if box.clickedButton() is anyway
            else None
        )
        self.confirm_box = box
        box.open()
        self.confirming.emit(box)


class SessionActions(QObject):
    """Opens the place where a session's step is done, for that session."""

    def __init__(
        self,
        window: MainWindow,
        events: DeskEvents,
        launcher: GuardedLaunchController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.events = events
        self.launcher = launcher

    def open_step(self, row: SessionRow, step: str | StepKey) -> None:
        from app.ui.licences import LicencesArea
        from app.ui.sessions_area import SessionsArea

        key = StepKey(step)
        sessions = self.window.area("sessions")
        assert isinstance(sessions, SessionsArea)
        area = {StepKey.CAMERA: "camera", StepKey.SOUND: "audio",
                StepKey.CHECKLIST: "checklists"}.get(key)
        if area is not None:
            target = self.window.show_area(area)
            opener = getattr(target, "open_for_session", None)
            if callable(opener):
                opener(row.id, row)
            return
        if key is StepKey.LICENCE and row.licence_id is not None:
            licences = self.window.show_area("licences")
            if isinstance(licences, LicencesArea) and not licences.read_only:
                licences.edit_licence(row.licence_label or "")
            return
        if key in (StepKey.LICENCE, StepKey.MEETING):
            sessions.edit_session(row.id)
        elif key is StepKey.LAUNCH:
            self.launcher.launch(row.id)
        elif key is StepKey.ATTENDANCE:
            open_attendance(self.window, sessions, row.id, row, events=self.events)

    def registrations(self, session_id: int) -> None:
        """The session's registrations and waiting list; the areas follow once closed."""
        from app.ui.registrations import open_registrations
        from app.ui.sessions_area import SessionsArea

        sessions = self.window.area("sessions")
        assert isinstance(sessions, SessionsArea)
        dialog = open_registrations(sessions.services, session_id, self.window)
        dialog.finished.connect(self.events.notify)

    def prepare(self, session_id: int) -> None:
        """Préparer for this session, in Aujourd'hui."""
        from app.ui.today import TodayArea

        today = self.window.show_area("today")
        if isinstance(today, TodayArea):
            today.prepare(session_id)


def open_attendance(
    window: MainWindow,
    sessions: SessionsArea,
    session_id: int | None = None,
    row: SessionRow | None = None,
    *,
    events: DeskEvents | None = None,
) -> None:
    """The attendance dialog for `session_id` (else the selected session); once it is
    closed, the areas follow what was saved or imported there."""
    from app.ui.attendance import AttendanceDialog

    if session_id is None:
        session_id, row = sessions.selected_id(), sessions.selected_row()
    if session_id is None:
        return
    dialog = AttendanceDialog(
        sessions.services,
        session_id,
        parent=window,
        row=row,
        connection=sessions.connection,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if events is not None:
        dialog.finished.connect(events.notify)
    else:
        report = window.area("report")
        refresh = getattr(report, "refresh", None)
        if callable(refresh):
            dialog.accepted.connect(refresh)
    dialog.open()
