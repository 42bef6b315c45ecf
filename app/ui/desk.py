"""The desk: owns the main window and its services, opens the database off the GUI
thread, builds the areas when it is ready (Aujourd'hui first, where it opens; most of the
others when first shown), tells them when sessions change (`DeskEvents`), and follows the
network server's comings and goings (offline banner, read-only areas, what waited sent
on return)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.config import AppConfig, data_dir
from app.errors import ServerUnreachable
from app.ui.errors import known, warn
from app.ui.events import DeskEvents
from app.ui.i18n import core_text, error_text, plural
from app.ui.main_window import MainWindow
from app.ui.startup import StartupPage
from app.ui.workers import CancelToken, Pool, run_task

# Qt (the namespace), QMessageBox, QFileDialog and QStyle are imported where used: creating
# their enums (Qt's alone: 25 ms) costs start-up time before today's sessions can show.

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from app.core.outbox import ReplayReport
    from app.core.snapshot import Snapshot
    from app.services import Services
    from app.services.glance import Glance
    from app.ui.offline import ConnectionMonitor
    from app.ui.session_actions import SessionActions
    from app.ui.sessions_area import SessionsArea
    from app.ui.today import TodayArea


class Desk(QObject):
    """Owns the window and its services; opens the database off the GUI thread."""

    ready = Signal()  # areas installed and first rows requested
    data_loaded = Signal()  # the sessions table has its first rows
    today_loaded = Signal()  # Aujourd'hui shows each session with its readiness
    failed = Signal(str)
    demo_loaded = Signal()
    vault_checked = Signal(object)  # the keyring's VaultHealth, checked once at start-up

    def __init__(
        self,
        config: AppConfig,
        *,
        pool: Pool | None = None,
        offer_demo: bool = True,
        ping_interval_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.pool = pool
        self.ping_interval_ms = ping_interval_ms
        self.connection: ConnectionMonitor | None = None
        self.offer_demo_on_start = offer_demo
        self.services: Services | None = None
        self._vault_checked = False
        # Every change to sessions or their facts, told to every area that shows them.
        self.events = DeskEvents(self)
        self.actions: SessionActions | None = None
        self.demo_box: QMessageBox | None = None
        self.network_box: QWidget | None = None
        self.window = MainWindow(late_shortcuts=True)
        self.startup = StartupPage()
        self.window.set_startup_page(self.startup)
        self.glance = self._glance()
        if self.glance is not None:
            self.startup.show_glance(self.glance)
        self.startup.retry_requested.connect(self.open)
        self.startup.quit_requested.connect(self.window.close)
        self.window.demo_requested.connect(lambda: self.offer_demo(ask=True))
        self.window.backup_requested.connect(self.backup_dialog)
        self.window.network_requested.connect(self.network_dialog)

    def _glance(self) -> Glance | None:
        """Today's sessions by one light query, for the window's first screen; None
        when the full reading has to come first (see `app.services.glance`)."""
        from app.services.glance import glance
        from app.ui.today_settings import glance_branch, saved_days

        return glance(self.config, glance_branch(), saved_days())

    def open(self) -> None:
        self.window.add_shortcuts()  # the first screen is up
        self.startup.show_busy()
        config = self.config

        def work(
            _t: CancelToken, _p: Callable[[int, int], None]
        ) -> tuple[Services, Snapshot | None]:
            import importlib

            from app.services import open_services
            from app.services.offline import NetworkLink

            link = NetworkLink(config.db_url, data_dir(), queue_writes=True)
            snapshot = None
            try:
                services = open_services(config, link=link, read_apart=True)
            except ServerUnreachable:
                # A network server out of reach: open read-only on the last known data
                # when there is some; otherwise the start-up page keeps the message.
                snapshot = link.last_known()
                if snapshot is None:
                    raise
                link.offline = True
                services = open_services(config, migrate=False, link=link, read_apart=True)
            from app.ui.areas import START_MODULES

            for name in START_MODULES:
                importlib.import_module(name)
            return services, snapshot

        run_task(
            work, on_success=self._opened, on_error=self._open_failed, pool=self.pool, parent=self
        )

    def _open_failed(self, err: BaseException) -> None:
        problem = known(err)
        sys.stderr.write(f"regie: {problem.text()}\n")
        self.startup.show_error(error_text(problem))
        self.failed.emit(error_text(problem))

    def _opened(self, opened: tuple[Services, Snapshot | None]) -> None:
        from app.ui.areas import build_areas, connect_session_actions
        from app.ui.offline import PING_INTERVAL_MS, ConnectionMonitor

        services, snapshot = opened
        self.services = services
        self.window.set_database(services.db.display_name)
        network = services.db.is_network
        monitor = ConnectionMonitor(
            services.link,
            services.db,
            migrate_on_return=snapshot is not None,
            interval_ms=self.ping_interval_ms or PING_INTERVAL_MS,
            pool=self.pool,
            parent=self,
        )
        self.connection = monitor
        areas = build_areas(services, self.events, self.pool, snapshot, glance=self.glance)
        self.window.set_areas(areas)
        self.actions = connect_session_actions(self.window, self.events, self.pool)
        sessions = self.sessions_area()
        sessions.connection = monitor
        today = self.today_area()
        today.connection = monitor
        if today.data is not None or today.offline:
            self.today_loaded.emit()
        else:
            today.loaded.connect(self._today_loaded)
            today.model.failed.connect(self._today_loaded)
        self.window.area_built.connect(self._area_built)
        if network:
            link, db = services.link, services.db

            def keep(rows: list[Any]) -> None:
                link.keep(db, rows)

            sessions.snapshot_sink = keep
        monitor.queue_changed.connect(self.window.set_queue)
        monitor.went_offline.connect(self._went_offline)
        monitor.came_online.connect(self._came_online)
        if snapshot is not None:
            self._show_offline_banner(snapshot)
        sessions.first_rows_shown.connect(self._first_rows)
        sessions.refresh()
        monitor.start()
        if services.migration.backup is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Desk", "Database updated; backup kept at %1").replace(
                    "%1", str(services.migration.backup)
                ),
                10000,
            )
        # The keyring's check loads its backends (up to a second on some desktops): once
        # the first rows are on screen, not in their way; later if they never come.
        QTimer.singleShot(5000, self._check_vault)
        self.ready.emit()

    def _area_built(self, key: str) -> None:
        """An area built on first need (as the server is then): wired to the connection."""
        from app.ui.checklists import ChecklistsArea

        widget = self.window.built_area(key)
        if isinstance(widget, ChecklistsArea) and self.connection is not None:
            widget.server_lost = self.connection.report

    # ------------------------------------------------------------------ offline
    def _show_offline_banner(self, snapshot: Snapshot | None) -> None:
        text = QCoreApplication.translate(
            "Desk",
            "The database server cannot be reached. Device checks, checklist runs and "
            "attendance counts still work: they are saved on this computer and sent when the "
            "server answers again.",
        )
        if snapshot is not None:
            taken = snapshot.taken_at.astimezone()
            text += " " + QCoreApplication.translate(
                "Desk", "Sessions and licences are shown read-only as of %1."
            ).replace("%1", f"{taken:%d/%m/%Y %H:%M}")
        else:
            text += " " + QCoreApplication.translate(
                "Desk", "Sessions and licences need the server to be shown."
            )
        self.window.show_banner(text, key="offline")

    def _went_offline(self) -> None:
        """The server stopped answering: the areas that need it turn read-only."""
        from app.ui.checklists import ChecklistsArea
        from app.ui.licences import LicencesArea

        services = self.services
        if services is None:
            return
        snapshot = services.link.last_known()
        self._show_offline_banner(snapshot)
        self.sessions_area().set_offline(snapshot)
        self.today_area().set_offline()
        # An area never shown is built as the server is then.
        licences = self.window.built_area("licences")
        if isinstance(licences, LicencesArea):
            licences.set_offline(snapshot)
        checklists = self.window.built_area("checklists")
        if isinstance(checklists, ChecklistsArea):
            checklists.set_offline(snapshot)

    def _came_online(self, report: ReplayReport) -> None:
        """The server answers again: what waited was sent; back to live data."""
        from app.ui.checklists import ChecklistsArea
        from app.ui.licences import LicencesArea

        self.window.clear_banner("offline")
        self.sessions_area().set_online()
        self.today_area().set_online()
        licences = self.window.built_area("licences")
        if isinstance(licences, LicencesArea):
            licences.set_online()
        checklists = self.window.built_area("checklists")
        if isinstance(checklists, ChecklistsArea):
            checklists.set_online()
        # A report never shown is built when it is, as the server is then.
        from app.ui.areas import NEEDS_SERVER

        current = self.window.built_area("report")
        if current is not None and current.objectName() == NEEDS_SERVER:
            from app.ui.areas import report_area  # it could not open without the server

            if self.services is not None:
                self.window.replace_area(
                    "report", report_area(self.services, self.events, self.pool)
                )
        elif current is not None:
            refresh = getattr(current, "refresh", None)
            if callable(refresh):
                refresh()
        sent = len(report.sent) + len(report.already)
        text = plural(
            QCoreApplication.translate(
                "Desk", "The database server answers again; %n write(s) sent."
            ),
            sent,
        )
        refused = len(report.refused)  # lupdate reads a plain name as the count
        if refused:
            text += " " + plural(
                QCoreApplication.translate(
                    "Desk",
                    "%n write(s) refused by the server stay on this computer: "
                    "“regie db status” lists them.",
                ),
                refused,
            )
        self.window.statusBar().showMessage(text, 15000)

    def _check_vault(self) -> None:
        """The keyring's health at start-up (once), off the GUI thread (D-Bus may be
        slow), in a child process for the platform's keyring: its libraries load in this
        one when a screen first uses it."""
        from app.zoom.vault import CTX, KeyringVault, VaultHealth

        services = self.services
        if services is None or self._vault_checked:
            return
        self._vault_checked = True

        vault = services.licences.vault

        def work(_t: CancelToken, _p: Callable[[int, int], None]) -> VaultHealth:
            if isinstance(vault, KeyringVault):
                return vault.health_apart()
            return vault.health()

        def done(health: VaultHealth) -> None:
            self.vault_checked.emit(health)
            if health.usable:
                return
            text = core_text(CTX, health.message) + " " + core_text(CTX, health.fix)
            self.window.show_banner(text, key="vault")

        run_task(work, on_success=done, pool=self.pool, parent=self)

    def _today_loaded(self, *_args: object) -> None:
        today = self.today_area()
        today.loaded.disconnect(self._today_loaded)
        today.model.failed.disconnect(self._today_loaded)
        self.today_loaded.emit()

    def _first_rows(self, count: int) -> None:
        sessions = self.sessions_area()
        sessions.first_rows_shown.disconnect(self._first_rows)
        self.data_loaded.emit()
        self._check_vault()
        offline = self.connection is not None and self.connection.offline
        # A desk that has sessions is no first run: no need to ask the database.
        if self.offer_demo_on_start and not offline and count == 0:
            QTimer.singleShot(0, lambda: self.offer_demo(ask=False))

    def today_area(self) -> TodayArea:
        from app.ui.today import TodayArea

        widget = self.window.area("today")
        assert isinstance(widget, TodayArea)
        return widget

    def sessions_area(self) -> SessionsArea:
        from app.ui.sessions_area import SessionsArea

        widget = self.window.area("sessions")
        assert isinstance(widget, SessionsArea)
        return widget

    def offer_demo(self, *, ask: bool) -> None:
        """On an empty network, propose the demo data (non-blocking dialog)."""
        from PySide6.QtWidgets import QMessageBox

        services = self.services
        if services is None:
            return
        from app.services import network_is_empty

        window = self.window
        if not network_is_empty(services):
            if ask:
                self.demo_box = _message(
                    window,
                    QMessageBox.Icon.Information,
                    QCoreApplication.translate("Desk", "Demo network"),
                    QCoreApplication.translate(
                        "Desk",
                        "This database already holds a network. To try the demo, start Régie "
                        "on an empty database: regie --db demo.sqlite3",
                    ),
                    QMessageBox.StandardButton.Ok,
                )
                self.demo_box.open()
            return
        box = _message(
            window,
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Desk", "Welcome to Régie"),
            QCoreApplication.translate(
                "Desk",
                "The database is empty. Load a demo library network (ten branches, their "
                "staff, four Zoom licences and a term of sessions) to discover Régie?\n\n"
                "You can also start from scratch and add your own sessions.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self.load_demo() if box.clickedButton() is yes else None)
        self.demo_box = box
        box.open()

    def load_demo(self) -> None:
        """Load the demo network in a worker, then refresh the areas."""

        services = self.services
        if services is None:
            return
        from app.services import load_demo_network

        window = self.window
        window.statusBar().showMessage(
            QCoreApplication.translate("Desk", "Loading the demo network…")
        )

        def load(_t: CancelToken, _p: Callable[[int, int], None]) -> object:
            return load_demo_network(services)

        def done(_counts: object) -> None:
            window.statusBar().showMessage(
                QCoreApplication.translate("Desk", "Demo network loaded."), 5000
            )
            self.sessions_area().reload_all()  # its filters list the new branches
            self.events.notify()
            self.demo_loaded.emit()

        def failed(err: BaseException) -> None:
            window.statusBar().clearMessage()
            warn(window, QCoreApplication.translate("Desk", "Demo network"), err)

        run_task(load, on_success=done, on_error=failed, pool=self.pool, parent=self)

    def network_dialog(self) -> None:
        """Choose the network database for the next start (the password to the keyring)."""
        from PySide6.QtCore import Qt

        from app.config import saved_db_url
        from app.ui.network_dialog import NetworkDatabaseDialog

        dialog = NetworkDatabaseDialog(saved_db_url(), pool=self.pool, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.network_box = dialog
        dialog.open()

    def backup_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        services = self.services
        window = self.window
        if services is None:
            return
        if services.db.path is None:
            QMessageBox.information(
                window,
                QCoreApplication.translate("Desk", "Back up the database"),
                QCoreApplication.translate(
                    "Desk", "A network database is backed up on its server by the technician."
                ),
            )
            return
        suggested = str(Path.home() / f"regie-{services.clock():%Y%m%d-%H%M}.sqlite3")
        path, _filter = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("Desk", "Back up the database"),
            suggested,
            "SQLite (*.sqlite3)",
        )
        if not path:
            return
        db = services.db

        def copy(_t: CancelToken, _p: Callable[[int, int], None]) -> Path:
            return db.backup(Path(path))  # a large file: not on the GUI thread

        def done(dest: Path) -> None:
            window.statusBar().showMessage(
                QCoreApplication.translate("Desk", "Backup written to %1").replace("%1", str(dest)),
                8000,
            )

        def failed(err: BaseException) -> None:
            warn(window, QCoreApplication.translate("Desk", "Back up the database"), err)

        run_task(copy, on_success=done, on_error=failed, pool=self.pool, parent=self)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.stop()
        if self.services is not None:
            self.services.close()
            self.services = None


def _message(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, buttons, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
