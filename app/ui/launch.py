"""The “Launch Zoom” flow: open the meeting, hand over the host key, mark the session.

The keyring read and the status write run in a worker; opening the URL and the
clipboard stay on the GUI thread (Qt requires it). The host key is copied with the
hint password managers and clipboard histories honour, and cleared after a delay
(QSettings `launch/clipboard_clear_seconds`, default 60) or when Régie quits, whichever
comes first, unless the person copied something else meanwhile.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QMimeData,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QAction, QClipboard, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.models import Staff
from app.errors import RegieError
from app.services.desk_data import staff_of
from app.ui.choosers import StaffChoiceDialog
from app.ui.i18n import core_text, error_text
from app.ui.workers import CancelToken, Pool, ProgressFn, run_task
from app.zoom.launch import LaunchPlan, Step, ZoomLauncher
from app.zoom.vault import mask_secrets

if TYPE_CHECKING:
    from app.ui.sessions_area import SessionsArea

log = logging.getLogger(__name__)

SETTING_CLEAR_SECONDS = "launch/clipboard_clear_seconds"
DEFAULT_CLEAR_SECONDS = 60
# Asks KDE Klipper and similar clipboard histories not to keep the value.
_SECRET_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a MIME type name


def open_url_masked(url: QUrl) -> bool:
    """QDesktopServices.openUrl, with the passcode masked in any message Qt logs meanwhile
    (Qt quotes the whole URL when no handler is registered)."""
    previous: Any = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        masked = mask_secrets(message)
        if previous is not None:
            previous(mode, context, masked)
        else:
            sys.stderr.write(masked + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        return QDesktopServices.openUrl(url)
    finally:
        qInstallMessageHandler(previous)


def clear_delay_seconds() -> int:
    raw = QSettings().value(SETTING_CLEAR_SECONDS, DEFAULT_CLEAR_SECONDS)
    try:
        value = int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_CLEAR_SECONDS
    return value if 1 <= value <= 3600 else DEFAULT_CLEAR_SECONDS


@dataclass(frozen=True, slots=True)
class LaunchOutcome:
    session_id: int
    opened: str  # "client" or "web"
    masked_url: str
    host_key_copied: bool
    clear_seconds: int
    marked_running: bool
    steps: tuple[Step, ...]
    status_error: str = ""


class LaunchController(QObject):
    """Runs one launch at a time and reports what was done and what to do next."""

    launched = Signal(object)  # LaunchOutcome
    failed = Signal(str)
    clipboard_cleared = Signal()

    def __init__(
        self,
        launcher: ZoomLauncher,
        *,
        pool: Pool | None = None,
        open_url: Callable[[QUrl], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._launcher = launcher
        self._pool = pool
        self._open_url = open_url or open_url_masked
        self._busy = False
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_clipboard)
        app = QCoreApplication.instance()
        if app is not None:  # the key must not outlive Régie in a clipboard history
            app.aboutToQuit.connect(self.clear_clipboard)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def pool(self) -> Pool | None:
        return self._pool

    def launch(self, session_id: int, launched_by: str | None = None) -> None:
        """Open the session's meeting; Zoom shows its host's name, else `launched_by`
        (the staff member launching, whom the window asks for)."""
        if self._busy:
            return
        self._busy = True
        run_task(
            lambda _token, _progress: self._launcher.prepare(
                session_id, launched_by=launched_by
            ),
            on_success=self._on_prepared,
            on_error=self._on_error,
            pool=self._pool,
            parent=self,
        )

    # ------------------------------------------------------------------ steps
    def _on_prepared(self, plan: LaunchPlan) -> None:
        if self._open_url(QUrl(plan.client_url)):
            opened = "client"
            shown = plan.masked_client_url
        elif self._open_url(QUrl(plan.web_url)):
            opened = "web"
            shown = plan.masked_web_url
        else:
            self._busy = False
            self.failed.emit(
                self.tr(
                    "Neither the Zoom application nor a web browser could be opened. "
                    "Install Zoom, or open the meeting from its invitation."
                )
            )
            return
        log.info("launched session %s with %s", plan.session_id, shown)
        copied = False
        seconds = clear_delay_seconds()
        if plan.host_key:
            self._copy_secret(plan.host_key, seconds)
            copied = True

        def mark(_token: CancelToken, _progress: ProgressFn) -> None:
            self._launcher.mark_running(plan.session_id)

        def done(_result: object, error: str = "") -> None:
            self._busy = False
            self.launched.emit(
                LaunchOutcome(
                    plan.session_id,
                    opened,
                    shown,
                    copied,
                    seconds,
                    not error,
                    plan.next_steps,
                    error,
                )
            )

        run_task(
            mark,
            on_success=done,
            on_error=lambda err: done(
                None, error_text(err) if isinstance(err, RegieError) else str(err)
            ),
            pool=self._pool,
            parent=self,
        )

    def _on_error(self, err: BaseException) -> None:
        self._busy = False
        if isinstance(err, RegieError):
            self.failed.emit(error_text(err))
            return
        log.error("launch failed: %s", type(err).__name__)
        self.failed.emit(
            self.tr(
                "The launch failed unexpectedly ({error}). Try again, or call your technician."
            ).format(error=type(err).__name__)
        )

    # ------------------------------------------------------------------ clipboard
    def _copy_secret(self, secret: str, seconds: int) -> None:
        data = QMimeData()
        data.setText(secret)
        data.setData(_SECRET_HINT, b"secret")
        QGuiApplication.clipboard().setMimeData(data, QClipboard.Mode.Clipboard)
        self._copied = secret
        self._timer.start(seconds * 1000)

    @Slot()
    def clear_clipboard(self) -> None:
        """Empty the clipboard if it still holds the host key (not if the user copied since)."""
        self._timer.stop()
        if self._copied is None:
            return
        board = QGuiApplication.clipboard()
        if board.text(QClipboard.Mode.Clipboard) == self._copied:
            board.clear(QClipboard.Mode.Clipboard)
        self._copied = None
        self.clipboard_cleared.emit()

    @property
    def clipboard_pending(self) -> bool:
        return self._copied is not None


def describe(outcome: LaunchOutcome) -> str:
    """What was done, then what to do next, in the interface language."""
    lines = []
    if outcome.opened == "client":
        lines.append(
            QCoreApplication.translate("LaunchController", "Zoom was opened on the meeting.")
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "LaunchController",
                "The Zoom application is not installed here: the meeting was opened in the "
                "web browser.",
            )
        )
    if outcome.host_key_copied:
        lines.append(
            QCoreApplication.translate(
                "LaunchController", "The host key is in the clipboard for {seconds} seconds."
            ).format(seconds=outcome.clear_seconds)
        )
    if outcome.marked_running:
        lines.append(
            QCoreApplication.translate("LaunchController", "The session is marked as running.")
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "LaunchController", "The session could not be marked as running: {error}"
            ).format(error=outcome.status_error)
        )
    lines.extend(core_text("launch", s.text, **s.params) for s in outcome.steps)
    return "\n\n".join(lines)


def ask_who_launches(
    area: SessionsArea,
    then: Callable[[Staff], None],
    pool: Pool | None = None,
    parent: QWidget | None = None,
) -> StaffChoiceDialog:
    """A session without a host: the person launching picks their own name, which Zoom
    shows the participants (the computer's account name would mean nothing to them)."""
    offline, snapshot, services = area.read_only, area.snapshot, area.services
    dialog = StaffChoiceDialog(
        lambda: staff_of(offline, snapshot, services),
        title=QCoreApplication.translate("LaunchController", "Who is launching Zoom?"),
        question=QCoreApplication.translate(
            "LaunchController",
            "This session has no host. Choose your name: Zoom shows it to the participants.",
        ),
        confirm=QCoreApplication.translate("LaunchController", "&Launch Zoom"),
        parent=parent or area,
        pool=pool,
    )
    dialog.setObjectName("WhoLaunchesDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(then)
    dialog.open()
    return dialog


def install_launch_action(
    area: SessionsArea, controller: LaunchController, parent: QWidget | None = None
) -> QAction:
    """Add “Launch Zoom” (Ctrl+L) to the sessions area and show each outcome."""
    action = QAction(QCoreApplication.translate("LaunchController", "&Launch Zoom"), area)
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setToolTip(
        QCoreApplication.translate(
            "LaunchController", "Open the selected session's Zoom meeting (Ctrl+L)"
        )
    )
    action.setObjectName("LaunchZoomAction")

    def trigger() -> None:
        sid = area.selected_id()
        if sid is None:
            return
        row = area.selected_row()
        if row is not None and row.host_name:
            controller.launch(sid)  # Zoom shows the host's name
            return
        ask_who_launches(area, lambda person: controller.launch(sid, person.name),
                         controller.pool, parent)

    def show(text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(
            icon,
            QCoreApplication.translate("LaunchController", "Launch Zoom"),
            text,
            parent=parent or area,
        )
        box.setObjectName("LaunchOutcomeBox")
        box.setAccessibleName(QCoreApplication.translate("LaunchController", "Launch result"))
        box.open()

    action.triggered.connect(trigger)
    controller.launched.connect(
        lambda outcome: show(describe(outcome), QMessageBox.Icon.Information)
    )
    controller.failed.connect(lambda text: show(text, QMessageBox.Icon.Warning))
    area.add_session_action(action)
    return action
