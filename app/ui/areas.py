"""The work areas, in sidebar order, and the actions that carry a session from one area
to another (check its camera, its sound, run its checklist, record its attendance)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app.errors import ServerUnreachable
from app.ui.main_window import Area, MainWindow
from app.ui.workers import Pool

# QMessageBox, QFileDialog and QStyle are imported where used: creating their enums costs
# start-up time before the window can show.

if TYPE_CHECKING:

    from app.core.snapshot import Snapshot
    from app.services import Services
    from app.ui.sessions_area import SessionsArea

NEEDS_SERVER = "NeedsServerPage"  # object name of an area's stand-in while the server is away


# Modules of the work areas, imported in the start-up worker (they pull numpy, OpenCV,
# sounddevice…) so that building the areas on the GUI thread finds them loaded.
AREA_MODULES = (
    "app.ui.sessions_area",
    "app.ui.camera_check",
    "app.ui.audio_check",
    "app.ui.checklists",
    "app.ui.attendance",
    "app.ui.report",
    "app.ui.licences",
    "app.ui.launch",
)


def build_areas(
    services: Services,
    pool: Pool | None = None,
    snapshot: Snapshot | None = None,
) -> list[Area]:
    """Every work area, in sidebar order, wired to each other where they cooperate.
    With a `snapshot`, the server is unreachable: sessions and licences show it read-only,
    checklists run on its staff and sessions and are kept on this computer (the services'
    network link)."""
    from PySide6.QtWidgets import QStyle

    from app.services import build_checklists
    from app.ui.audio_check import AudioCheckArea
    from app.ui.camera_check import CameraCheckArea
    from app.ui.checklists import ChecklistsArea
    from app.ui.licences import LicencesArea
    from app.ui.report import ReportArea
    from app.ui.sessions_area import SessionsArea

    style = QApplication.style()
    icon = style.standardIcon
    pix = QStyle.StandardPixmap
    config = services.config
    sessions = SessionsArea(services, pool=pool, snapshot=snapshot)
    camera = CameraCheckArea(services, config.simulate_camera, pool=pool)
    audio = AudioCheckArea(services, config.simulate_mic, pool=pool)
    licences = LicencesArea(
        services.licences,
        services.references.branches,
        services.clock,
        pool=pool,
        snapshot=snapshot,
    )

    checklists = ChecklistsArea(
        services,
        build_checklists(
            services,
            session_types=[t.code for t in snapshot.session_types] if snapshot else None,
        ),
        pool=pool,
        snapshot=snapshot,
    )
    report = (
        needs_server(lambda: ReportArea(services, pool=pool))
        if snapshot
        else ReportArea(services, pool=pool)
    )
    camera.checkSaved.connect(lambda *_: sessions.refresh())
    audio.saved.connect(lambda *_: sessions.refresh())
    return [
        Area(
            "sessions",
            QCoreApplication.translate("MainWindow", "Sessions"),
            sessions,
            icon(pix.SP_FileDialogDetailedView),
        ),
        Area(
            "camera",
            QCoreApplication.translate("MainWindow", "Camera"),
            camera,
            icon(pix.SP_ComputerIcon),
        ),
        Area(
            "audio",
            QCoreApplication.translate("MainWindow", "Sound"),
            audio,
            icon(pix.SP_MediaVolume),
        ),
        Area(
            "checklists",
            QCoreApplication.translate("MainWindow", "Checklists"),
            checklists,
            icon(pix.SP_DialogApplyButton),
        ),
        Area(
            "licences",
            QCoreApplication.translate("MainWindow", "Licences"),
            licences,
            icon(pix.SP_DriveNetIcon),
        ),
        Area(
            "report",
            QCoreApplication.translate("MainWindow", "Activity report"),
            report,
            icon(pix.SP_FileDialogContentsView),
        ),
    ]


def needs_server(build: Callable[[], QWidget]) -> QWidget:
    """An area built while the network server is unreachable: the area itself when it
    can open without it, otherwise a page saying it needs the server."""
    from PySide6.QtWidgets import QLabel

    try:
        return build()
    except ServerUnreachable:
        pass
    page = QLabel(
        "▲ "
        + QCoreApplication.translate(
            "Desk",
            "This area needs the database server, which cannot be reached. Device checks, "
            "checklists and attendance counts still work. This area opens by itself once the "
            "server answers.",
        )
    )
    page.setObjectName(NEEDS_SERVER)
    page.setWordWrap(True)
    page.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.setAccessibleName(QCoreApplication.translate("Desk", "Needs the database server"))
    return page


def connect_session_actions(window: MainWindow, pool: Pool | None = None) -> None:
    """Actions on the selected session: launch its Zoom meeting, or open another area
    for it. A check screen reached otherwise is for no session (its save asks)."""
    from app.ui.launch import LaunchController, install_launch_action
    from app.ui.sessions_area import SessionsArea

    sessions = window.area("sessions")
    assert isinstance(sessions, SessionsArea)
    launcher = LaunchController(sessions.services.licences.launcher, pool=pool, parent=sessions)
    launcher.launched.connect(lambda _outcome: sessions.refresh())
    install_launch_action(sessions, launcher)
    for key, text, shortcut in (
        ("camera", QCoreApplication.translate("MainWindow", "Check the &camera"), "Ctrl+Shift+C"),
        ("audio", QCoreApplication.translate("MainWindow", "Check the &sound"), "Ctrl+Shift+S"),
        ("checklists", QCoreApplication.translate("MainWindow", "Chec&klist"), "Ctrl+Shift+K"),
    ):
        action = QAction(text, sessions)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        def go(_checked: bool = False, key: str = key) -> None:
            sid = sessions.selected_id()
            target = window.show_area(key)
            opener = getattr(target, "open_for_session", None)
            if sid is not None and callable(opener):
                opener(sid, sessions.selected_row())

        action.triggered.connect(go)
        sessions.add_session_action(action)

    def arrived(key: str) -> None:
        # A check screen reached by the sidebar, the View menu or Ctrl+number is not for
        # a session; an action above opens it for one right after this.
        if key in ("camera", "audio"):
            clear = getattr(window.area(key), "clear_session", None)
            if callable(clear):
                clear()

    window.area_changed.connect(arrived)

    attendance = QAction(QCoreApplication.translate("MainWindow", "&Attendance…"), sessions)
    attendance.setShortcut(QKeySequence("Ctrl+Shift+A"))
    attendance.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    attendance.triggered.connect(lambda: open_attendance(window, sessions))
    sessions.add_session_action(attendance)


def open_attendance(window: MainWindow, sessions: SessionsArea) -> None:
    """The attendance dialog for the selected session; the report follows its changes."""
    from app.ui.attendance import AttendanceDialog

    sid = sessions.selected_id()
    if sid is None:
        return
    dialog = AttendanceDialog(
        sessions.services,
        sid,
        parent=window,
        row=sessions.selected_row(),
        connection=sessions.connection,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    report = window.area("report")
    refresh = getattr(report, "refresh", None)
    if callable(refresh):
        dialog.accepted.connect(refresh)
    dialog.open()


