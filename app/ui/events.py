"""What the areas of one desk tell each other: sessions or their facts changed.

Whoever changes a session, a booking, a saved check, a checklist run, attendance or a
launch calls `notify`; every area that shows sessions refreshes on `sessions_changed`.
A burst of changes (a demo network loaded, a check saved then the run ticked) makes
one `sessions_changed`, once control is back in the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class DeskEvents(QObject):
    """Owned by the desk, handed to its areas."""

    sessions_changed = Signal()
    equipment_changed = Signal()  # a check saved or a device added: the inventory follows

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.sessions_changed)
        self.notified = 0  # calls of `notify` (what a burst was made of)
        self.emitted = 0  # `sessions_changed` actually sent
        self.sessions_changed.connect(self._count)

    def notify(self, *_why: object) -> None:
        """Sessions or their facts changed; the areas hear it once the burst is over.
        Takes any arguments so any signal (a saved check's id…) can be connected here."""
        self.notified += 1
        self._timer.start()

    def _count(self) -> None:
        self.emitted += 1

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
