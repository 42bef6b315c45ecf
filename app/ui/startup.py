"""The page the window shows while the database opens, or why it could not open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.services.glance import Glance
    from app.ui.glance import GlanceView


class StartupPage(QWidget):
    """Busy while opening; on failure, the message with its fix and what to do now."""

    retry_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartupPage")
        self.message = QLabel(self.tr("Opening the database…"))
        self.message.setWordWrap(True)
        # Centred by its style: Qt's namespace (25 ms of enums) loads after the first screen.
        self.message.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.message.setAccessibleName(self.tr("Start-up status"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Opening the database"))
        self.busy.setMaximumWidth(320)
        self.retry = QPushButton(self.tr("&Try again"))
        self.retry.setAccessibleName(self.tr("Try again"))
        self.retry.clicked.connect(self.retry_requested)
        self.quit = QPushButton(self.tr("&Quit"))
        self.quit.setAccessibleName(self.tr("Quit"))
        self.quit.clicked.connect(self.quit_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.quit)
        buttons.addStretch(1)
        self.glance: GlanceView | None = None
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addStretch(1)
        layout.addWidget(self.message)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.show_busy()

    def show_glance(self, glance: Glance) -> None:
        """Today's sessions above the busy line, while the rest opens."""
        from app.ui.glance import GlanceView

        self.glance = GlanceView(glance, self)
        layout = self._layout
        layout.insertWidget(0, self.glance, 1)
        layout.setStretch(1, 0)  # the status line goes under the list, not mid-page
        layout.setStretch(layout.count() - 1, 0)

    def show_busy(self) -> None:
        self.message.setText(self.tr("Opening the database…"))
        self.busy.show()
        self.retry.hide()
        self.quit.hide()

    def show_error(self, text: str) -> None:
        self.message.setText("✖ " + text)
        self.busy.hide()
        self.retry.show()
        self.quit.show()
        self.retry.setFocus()
