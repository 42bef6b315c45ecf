"""GUI entry: the QApplication, translations, settings, crash handling and the desk.

The window appears first; the database (import of the storage layer, migration with its
backup, possibly a network connection) opens in a worker (`app.ui.desk.Desk`), and the
work areas (`app.ui.areas`) are built when it is ready. A failure replaces the start-up
page with the message and its fix.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QSettings,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, crash
from app.config import AppConfig, data_dir, resources_dir
from app.ui.desk import Desk
from app.ui.i18n import choose_language, install_translators
from app.ui.pyside_hook import lighten_pyside_import_hook as lighten_pyside_import_hook
from app.ui.workers import GuiThreadCollector, collect_on_gui_thread

# QMessageBox, QFileDialog and QStyle are imported where used: creating their enums costs
# start-up time before the window can show.

if TYPE_CHECKING:

    pass

SETTINGS_VERSION = 1


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Regie")
    app.setApplicationName("regie")
    app.setApplicationDisplayName("Régie")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("regie")  # matches installer/regie.desktop (Wayland, GNOME)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "regie.svg")))
    collect_on_gui_thread(app)
    return app


def migrate_settings() -> None:
    """QSettings carry a version; older layouts are upgraded here, key by key."""
    s = QSettings()
    version = int(s.value("settings/version", 0))  # type: ignore[call-overload]
    if version < SETTINGS_VERSION:
        s.setValue("settings/version", SETTINGS_VERSION)


def run_gui(
    config: AppConfig, *, smoke: bool = False, elapsed: Callable[[], float] | None = None
) -> int:
    """Start the window; with `smoke`, print the seconds to an idle window and quit
    (`elapsed()`: seconds since the process started, by default since this call)."""
    from PySide6.QtWidgets import QMessageBox

    app = make_application()
    translators = install_translators(app, choose_language(config.lang))
    migrate_settings()
    quiet = config.no_err_windows or smoke

    def notify(path: Path | None, _exc: BaseException) -> None:
        if quiet:
            return
        QMessageBox.critical(
            None,
            app.translate("crash", "Régie met an unexpected error"),
            app.translate(
                "crash",
                "Something went wrong inside Régie. Your data is safe.\n\n"
                "A report was written to:\n%1\n\nPlease send it to your AV technician.",
            ).replace("%1", str(path) if path else "-"),
        )

    crash.install(data_dir(), notify)
    desk = Desk(config, offer_demo=not smoke)
    desk.window.show()
    status = 0
    if smoke:
        import time

        started = time.monotonic()
        seconds_since_process_start = elapsed or (lambda: time.monotonic() - started)

        def shown() -> None:
            sys.stdout.write(f"{seconds_since_process_start():.3f}\n")
            sys.stdout.flush()
            if desk.glance is not None:  # today's sessions are on the first screen
                say("today")

        waiting = {"data", "today"}

        def say(what: str) -> None:
            sys.stderr.write(f"regie: {what} on screen at {seconds_since_process_start():.3f} s\n")

        def arrived(what: str) -> None:
            if what == "today":
                say("readiness")
                if desk.glance is None:  # no glance: the cards are the first sight of today
                    say("today")
            else:
                say("data")
            waiting.discard(what)
            if not waiting:
                app.quit()

        def failed(_text: str) -> None:
            nonlocal status
            status = 1
            app.quit()

        # Idle: the window is shown and the event queue has drained once.
        QTimer.singleShot(0, shown)
        desk.data_loaded.connect(lambda: QTimer.singleShot(0, lambda: arrived("data")))
        desk.today_loaded.connect(lambda: QTimer.singleShot(0, lambda: arrived("today")))
        desk.failed.connect(failed)
        QTimer.singleShot(60_000, app.quit)
    # What start-up allocated lives as long as the window: out of every later pass.
    desk.data_loaded.connect(lambda: QTimer.singleShot(0, GuiThreadCollector.freeze))
    QTimer.singleShot(0, desk.open)
    try:
        code = app.exec()
    finally:
        # Let running jobs end before their screens are torn down.
        QThreadPool.globalInstance().waitForDone(10_000)
        desk.close()
        del translators
    return status or code
