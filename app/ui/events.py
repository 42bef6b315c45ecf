"""What the areas of one desk tell each other: sessions or their facts changed.

Whoever changes a session, a booking, a saved check, a checklist run, attendance or a
launch calls `notify`; every area that shows sessions refreshes on `sessions_changed`.
A burst of changes (a demo network loaded, a check saved then the run ticked) makes
one `sessions_changed`, once control is back in the event loop.

An area `follow`s a signal rather than connecting to it: while another area fills the
window, it reads nothing and is only marked out of date, and reads once it is shown
again (`shown`). A check saved then costs the window one refresh, of the area on screen,
instead of one per area, each reading the database and rebuilding its view meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget


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

    def follow(
        self,
        area: QWidget,
        refresh: Callable[[], object],
        *,
        signal: SignalInstance | None = None,
        always: Callable[[], bool] | None = None,
    ) -> None:
        """`refresh` `area` on `signal` (`sessions_changed` by default) if it is on
        screen, else once it is `shown`. `always()` true: at once all the same (an area
        that keeps a copy for later, say). Ends with the area."""
        follower = _Follower(area, refresh, always)
        (signal or self.sessions_changed).connect(follower.changed)

    @staticmethod
    def shown(area: QWidget | None) -> None:
        """`area` came on screen: what changed while it was hidden is read now."""
        if area is None:
            return
        from PySide6.QtCore import Qt  # its namespace costs start-up time: not at import

        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for follower in area.findChildren(_Follower, options=direct):
            follower.catch_up()


class _Follower(QObject):
    """One area's refresh on one signal; a child of the area, so that a deleted area's
    follower goes with it (and its connection)."""

    def __init__(
        self, area: QWidget, refresh: Callable[[], object], always: Callable[[], bool] | None
    ) -> None:
        super().__init__(area)
        self.setObjectName("RefreshFollower")
        self._area = area
        self._refresh = refresh
        self._always = always
        self.stale = False

    def changed(self) -> None:
        if behind_another_area(self._area) and not (self._always and self._always()):
            self.stale = True
            return
        self.stale = False
        self._refresh()

    def catch_up(self) -> None:
        if self.stale:
            self.stale = False
            self._refresh()


def behind_another_area(area: QWidget) -> bool:
    """The window is on screen but `area` is not: another area fills it. An area of a
    window not shown yet (being built, or a test's) counts as on screen."""
    return area.window().isVisible() and not area.isVisible()
