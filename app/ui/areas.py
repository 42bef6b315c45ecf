"""The work areas, in sidebar order, and the actions that carry a session from one area
to another (prepare it, check its camera, its sound, run its checklist, launch it, record
its attendance). Every change to sessions or their facts is told to the desk's
`DeskEvents`, and every area showing sessions follows it (at once while on screen,
once shown again otherwise)."""

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
from app.ui.widgets import shortcut_tip
from app.ui.workers import Pool

# QMessageBox, QFileDialog and QStyle are imported where used: creating their enums costs
# start-up time before the window can show.

if TYPE_CHECKING:

    from app.core.snapshot import Snapshot
    from app.services import Services
    from app.services.glance import Glance
    from app.ui.checklists import ChecklistsArea
    from app.ui.events import DeskEvents
    from app.ui.inventory_offer import InventoryOffer
    from app.ui.session_actions import SessionActions

NEEDS_SERVER = "NeedsServerPage"  # object name of an area's stand-in while the server is away


# Modules of the areas built at start-up (and of the actions on sessions), imported in
# the start-up worker so that building them on the GUI thread finds them loaded.
START_MODULES = (
    "app.ui.today",
    "app.ui.sessions_area",
    "app.ui.session_actions",
    "app.ui.launch",
    "app.ui.licences",
)

# Modules of every work area; those not in START_MODULES load when their area is built.
AREA_MODULES = (
    "app.ui.today",
    "app.ui.sessions_area",
    "app.ui.camera_check",
    "app.ui.audio_check",
    "app.ui.checklists",
    "app.ui.attendance",
    "app.ui.report",
    "app.ui.licences",
    "app.ui.launch",
    "app.ui.equipment_area",
)


def build_areas(
    services: Services,
    events: DeskEvents,
    pool: Pool | None = None,
    snapshot: Snapshot | None = None,
    *,
    glance: Glance | None = None,
) -> list[Area]:
    """Every work area, in sidebar order, wired to each other where they cooperate, and
    to `events`: what changes sessions tells it, what shows them refreshes on it.
    Aujourd'hui, Sessions and Licences are built now; the others when first shown or
    asked for (their modules, OpenCV, the charts… load then).
    With a `snapshot`, the server is unreachable: sessions and licences show it read-only,
    checklists run on its staff and sessions and are kept on this computer (the services'
    network link). A `glance` (today's sessions read at start-up) shows on Aujourd'hui
    until its cards are read."""
    from PySide6.QtWidgets import QStyle

    from app.ui.sessions_area import SessionsArea
    from app.ui.today import TodayArea

    style = QApplication.style()
    icon = style.standardIcon
    pix = QStyle.StandardPixmap
    config = services.config
    offline = snapshot is not None
    today = TodayArea(services, pool=pool, events=events, offline=offline, glance=glance)
    sessions = SessionsArea(services, pool=pool, snapshot=snapshot, events=events)

    def last_known() -> Snapshot | None:
        """For an area built later: the last known data if the server is away then."""
        link = services.link
        return link.last_known() if link.offline else None

    def camera() -> QWidget:
        from app.ui.camera_check import CameraCheckArea

        area = CameraCheckArea(services, config.simulate_camera, pool=pool, list_on_show=True)
        area.checkSaved.connect(events.notify)
        offer = _inventory_offer(services, pool, events, area)
        area.resultReady.connect(offer.consider)
        area.checkSaved.connect(lambda *_: events.equipment_changed.emit())
        return area

    def audio() -> QWidget:
        from app.ui.audio_check import AudioCheckArea

        area = AudioCheckArea(services, config.simulate_mic, pool=pool, list_on_show=True)
        area.saved.connect(events.notify)
        offer = _inventory_offer(services, pool, events, area)
        area.saved.connect(lambda *_: offer.consider(area.current_result()))
        area.saved.connect(lambda *_: events.equipment_changed.emit())
        return area

    def checklists() -> QWidget:
        from app.services import build_checklists
        from app.ui.checklists import ChecklistsArea

        snapshot = last_known()
        area = ChecklistsArea(
            services,
            build_checklists(
                services,
                session_types=[t.code for t in snapshot.session_types] if snapshot else None,
            ),
            pool=pool,
            snapshot=snapshot,
        )
        # A checklist run is saved step by step in the background: the sessions hear of
        # it when it is signed off or closed, once every save asked so far has landed.
        area.run_finished.connect(events.notify)
        for page in (area.read_do_page, area.list_page):
            page.close_button.clicked.connect(lambda: area.saver.when_idle(events.notify))
        events.follow(area, lambda: _refresh_checklists(area))
        return area

    def licences() -> QWidget:
        from app.ui.licences import LicencesArea

        area = LicencesArea(
            services.licences,
            services.references.branches,
            services.clock,
            pool=pool,
            snapshot=snapshot,
        )
        area.saved.connect(events.notify)  # a host key saved or removed
        events.follow(area, area.refresh)
        return area

    def report() -> QWidget:
        if services.link.offline:
            return needs_server(lambda: report_area(services, events, pool))
        return report_area(services, events, pool)

    def equipment() -> QWidget:
        """The Matériel area; it follows the results the check screens save."""
        from app.ui.equipment_area import EquipmentArea, build_equipment_area

        away = services.link.offline
        area = needs_server(lambda: build_equipment_area(services, pool=pool, offline=away))
        if isinstance(area, EquipmentArea):
            events.follow(area, area.reload, signal=events.equipment_changed)
        return area

    return [
        Area(
            "today",
            QCoreApplication.translate("MainWindow", "Today"),
            today,
            icon(pix.SP_FileDialogInfoView),
        ),
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
            licences(),  # light, and its licences read at start: a session opens one
            icon(pix.SP_DriveNetIcon),
        ),
        Area(
            "report",
            QCoreApplication.translate("MainWindow", "Activity report"),
            report,
            icon(pix.SP_FileDialogContentsView),
        ),
        Area(
            "equipment",
            QCoreApplication.translate("MainWindow", "Equipment"),
            equipment,
            icon(pix.SP_DriveHDIcon),
        ),
    ]


def _inventory_offer(
    services: Services, pool: Pool | None, events: DeskEvents, check: QWidget
) -> InventoryOffer:
    """Under a check screen: which record its result is filed under, or an offer to add
    the device to the inventory (the Matériel area follows)."""
    from app.ui.inventory_offer import InventoryOffer

    offer = InventoryOffer(services, pool=pool, parent=check)
    layout = check.layout()
    if layout is not None:
        layout.addWidget(offer)
    offer.added.connect(events.equipment_changed)
    return offer


def _refresh_checklists(checklists: ChecklistsArea) -> None:
    """The start page lists the sessions and staff; an open run stays as it is."""
    if checklists.run is None:
        checklists.refresh_start_page()


def report_area(services: Services, events: DeskEvents, pool: Pool | None = None) -> QWidget:
    """The report, following the sessions' changes (its module, with Qt Charts, loads
    here: when the area is first shown, never at start-up)."""
    from app.ui.report import ReportArea

    area = ReportArea(services, pool=pool)
    events.follow(area, area.reload)
    return area


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


def connect_session_actions(
    window: MainWindow, events: DeskEvents, pool: Pool | None = None
) -> SessionActions:
    """Actions on the selected session: prepare it, launch its Zoom meeting (asking first
    when it is not ready), or open another area for it; Aujourd'hui's buttons go to the
    same places. A check screen reached otherwise is for no session (its save asks)."""
    from app.ui.launch import install_launch_action
    from app.ui.session_actions import GuardedLaunchController, SessionActions
    from app.ui.sessions_area import SessionsArea
    from app.ui.today import TodayArea

    sessions = window.area("sessions")
    assert isinstance(sessions, SessionsArea)
    services = sessions.services
    launcher = GuardedLaunchController(
        services.licences.launcher, services, window=window, pool=pool, parent=sessions
    )
    launcher.launched.connect(events.notify)
    install_launch_action(sessions, launcher, parent=window)
    actions = SessionActions(window, events, launcher, parent=sessions)
    today = window.area("today")
    if isinstance(today, TodayArea):
        today.open_requested.connect(actions.open_step)
        today.registrations_requested.connect(actions.registrations)
    # An area brought on screen reads what changed while another one was shown.
    window.area_changed.connect(lambda key: events.shown(window.built_area(key)))

    prepare = QAction(QCoreApplication.translate("MainWindow", "&Prepare…"), sessions)
    prepare.setObjectName("PrepareAction")
    prepare.setShortcut(QKeySequence("Ctrl+Shift+P"))
    prepare.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    prepare.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Prepare the selected session step by step (Ctrl+Shift+P)"
        )
    )

    def go_prepare() -> None:
        sid = sessions.selected_id()
        if sid is not None:
            actions.prepare(sid)

    prepare.triggered.connect(go_prepare)
    sessions.add_session_action(prepare)
    for key, text, shortcut in (
        ("camera", QCoreApplication.translate("MainWindow", "Check the &camera"), "Ctrl+Shift+C"),
        ("audio", QCoreApplication.translate("MainWindow", "Check the &sound"), "Ctrl+Shift+S"),
        ("checklists", QCoreApplication.translate("MainWindow", "Chec&klist"), "Ctrl+Shift+K"),
    ):
        action = QAction(text, sessions)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(shortcut_tip(text, action.shortcut()))

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
    attendance.setToolTip(shortcut_tip(attendance.text(), attendance.shortcut()))
    from app.ui.session_actions import open_attendance

    attendance.triggered.connect(lambda: open_attendance(window, sessions, events=events))
    sessions.add_session_action(attendance)

    registrations = QAction(
        QCoreApplication.translate("MainWindow", "&Registrations…"), sessions
    )
    registrations.setObjectName("RegistrationsAction")
    registrations.setShortcut(QKeySequence("Ctrl+Shift+I"))
    registrations.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    registrations.setToolTip(
        QCoreApplication.translate(
            "MainWindow",
            "Registrations and waiting list of the selected session (Ctrl+Shift+I)",
        )
    )

    def go_registrations() -> None:
        sid = sessions.selected_id()
        if sid is not None:
            actions.registrations(sid)

    registrations.triggered.connect(go_registrations)
    sessions.add_session_action(registrations)
    return actions


