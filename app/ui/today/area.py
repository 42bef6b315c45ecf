"""Aujourd'hui: the agent's branch and its sessions of today and the next days, each with
its readiness and the one thing to do next; and Préparer, the stepper of one session.

The branch is chosen once (remembered on this computer) and can be changed; "Whole
network" is the coordinator's view. Everything is read in a worker; the area refreshes
when the desk says sessions changed, and when it is shown again.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import RegieError
from app.ui.glance import GlanceView, day_title, heading
from app.ui.i18n import error_text
from app.ui.today.card import SessionCard, card_signature
from app.ui.today.model import TodayData, TodayModel
from app.ui.today.prepare import PreparePage
from app.ui.today_settings import (
    MAX_DAYS,
    WHOLE_NETWORK,
    save_branch,
    save_days,
    saved_branch,
    saved_days,
)
from app.ui.widgets import shortcut_tip
from app.ui.workers import Pool

if TYPE_CHECKING:
    from app.services import Services
    from app.services.glance import Glance
    from app.ui.events import DeskEvents
    from app.ui.offline import ConnectionMonitor


class TodayArea(QWidget):
    """The desk's first area: what to prepare now, and Préparer."""

    loaded = Signal()  # the cards show fresh data
    open_requested = Signal(object, str)  # SessionRow, StepKey value: open that step's screen
    registrations_requested = Signal(int)  # session id: open its registrations

    def __init__(
        self,
        services: Services,
        *,
        pool: Pool | None = None,
        events: DeskEvents | None = None,
        offline: bool = False,
        glance: Glance | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TodayArea")
        self.services = services
        self._pool = pool
        self.events = events
        self.offline = offline
        self.connection: ConnectionMonitor | None = None
        self.model = TodayModel(services, pool=pool, parent=self)
        self.model.loaded.connect(self._show)
        self.model.failed.connect(self._failed)
        self.data: TodayData | None = None
        self.cards: list[SessionCard] = []
        self._problem_shown = False

        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("TodayBranch")
        self.branch_combo.setAccessibleName(self.tr("Your branch"))
        self.branch_combo.setMinimumContentsLength(18)
        self.branch_combo.activated.connect(self._branch_chosen)
        branch_label = QLabel(self.tr("&Branch:"))
        branch_label.setBuddy(self.branch_combo)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(saved_days())
        self.days_spin.setAccessibleName(self.tr("Number of days shown, today included"))
        self.days_spin.valueChanged.connect(self._days_changed)
        days_label = QLabel(self.tr("&Days shown:"))
        days_label.setBuddy(self.days_spin)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Read the sessions again"))
        self.refresh_button.clicked.connect(self.refresh)
        controls = QHBoxLayout()
        controls.addWidget(branch_label)
        controls.addWidget(self.branch_combo)
        controls.addWidget(days_label)
        controls.addWidget(self.days_spin)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setAccessibleName(self.tr("Today"))
        self.hint = QLabel()
        self.hint.setObjectName("TodayHint")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Hint"))
        self.hint.hide()
        self.empty = QLabel()
        self.empty.setObjectName("TodayEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Nothing to prepare"))
        self.empty.hide()

        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        self.cards_scroll = QScrollArea()
        self.cards_scroll.setObjectName("TodayCards")
        self.cards_scroll.setWidgetResizable(True)
        self.cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_scroll.setWidget(self.cards_box)
        self.cards_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Cards fit across; up and down, Tab through their buttons scrolls to each, and the
        # scroll bar itself takes the keyboard too (arrows, Page Up/Down).
        self.cards_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.cards_scroll.verticalScrollBar()
        bar.setAccessibleName(self.tr("Scroll through the sessions"))
        bar.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.list_page = QWidget()
        lay = QVBoxLayout(self.list_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(controls)
        lay.addWidget(self.heading)
        lay.addWidget(self.hint)
        lay.addWidget(self.empty)
        lay.addWidget(self.cards_scroll, 1)
        # Today's sessions read at start-up stand in for the cards until they are read.
        self.glance_view: GlanceView | None = None
        if glance is not None and not offline:
            self.glance_view = GlanceView(glance, self.list_page)
            lay.addWidget(self.glance_view, 1)
            self.cards_scroll.hide()

        self.prepare_page = PreparePage(services, pool=pool, parent=self)
        self.prepare_page.back_requested.connect(self.show_list)
        self.prepare_page.open_requested.connect(self._open_from_prepare)
        self.prepare_page.changed.connect(self._changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.prepare_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(
            shortcut_tip(self.refresh_button.text(), self.refresh_button.shortcut())
        )
        self.setTabOrder(self.branch_combo, self.days_spin)
        self.setTabOrder(self.days_spin, self.refresh_button)
        if events is not None:
            events.follow(self, self.refresh)
        if offline:
            self.set_offline()
        else:
            self.refresh()

    # ------------------------------------------------------------------ reading
    def branch_code(self) -> str:
        """The branch chosen in the combo, else the one remembered, else the network."""
        code = self.branch_combo.currentData()
        if code is not None:
            return str(code)
        return saved_branch() or WHOLE_NETWORK

    def refresh(self) -> None:
        """Read the branches and sessions again (in a worker); Préparer too."""
        if self.offline:
            return
        self.model.load(self.branch_code(), self.days_spin.value())
        if self.stack.currentWidget() is self.prepare_page:
            self.prepare_page.refresh()

    def _branch_chosen(self, _index: int) -> None:
        code = self.branch_combo.currentData()
        if code is None:
            return
        save_branch(str(code))
        self.hint.hide()
        self.refresh()

    def _days_changed(self, days: int) -> None:
        save_days(days)
        self.refresh()

    def _changed(self) -> None:
        """Préparer changed a session's facts: every area hears it."""
        if self.events is not None:
            self.events.notify()
        else:
            self.refresh()

    def _failed(self, err: BaseException) -> None:
        self._drop_glance()  # its note promises the cards: the problem says why not
        if not isinstance(err, RegieError):
            raise err
        if self.connection is not None and self.connection.report(err):
            return  # the desk says the server is gone, and turns the area offline
        self.empty.setText("✖ " + error_text(err))
        self.empty.show()
        self._problem_shown = True  # the next reading shows the cards again

    def _fill_branches(self, data: TodayData) -> None:
        combo = self.branch_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Whole network"), WHOLE_NETWORK)
        for b in data.branches:
            combo.addItem(b.name, b.code)
        combo.setCurrentIndex(max(0, combo.findData(data.branch_code)))
        combo.blockSignals(False)

    def _show(self, data: TodayData) -> None:
        same = (
            self.data is not None
            and self.data.sessions == data.sessions
            and self.data.branch_code == data.branch_code
            and self.data.branches == data.branches
            and self.data.day == data.day
            and self.data.days == data.days
            and self.data.advice == data.advice
            and self.data.registrations == data.registrations
            and not self._problem_shown
        )
        previous = None if self._problem_shown else self.data
        self.data = data
        self._problem_shown = False
        self._drop_glance()
        if not same:
            self._fill_branches(data)
            self._fill_heading(data)
            if not (previous is not None and self._renew_cards(previous, data)):
                self._fill_cards(data)
        self.loaded.emit()

    def _drop_glance(self) -> None:
        if self.glance_view is not None:
            self.glance_view.hide()
            self.glance_view.deleteLater()
            self.glance_view = None
            self.cards_scroll.show()

    def _place(self, data: TodayData) -> str:
        branch = data.branch
        return branch.name if branch is not None else self.tr("the whole network")

    def _fill_heading(self, data: TodayData) -> None:
        self.heading.setText(heading(data.day, self._place(data)))
        if not data.branches:
            self.hint.setText(self.tr(
                "The network has no branch yet: load the demo network (File menu) or add "
                "your branches and sessions."))
            self.hint.show()
        elif saved_branch() is None:
            self.hint.setText(self.tr(
                "Choose your branch above (Alt+B): Régie remembers it on this computer. "
                "“Whole network” shows every branch."))
            self.hint.show()
        else:
            self.hint.hide()

    def _fill_cards(self, data: TodayData) -> None:
        focus = self._focused()
        layout = self.cards_layout
        while layout.count() > 1:
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cards = []
        now = data.now or self.services.clock()
        place = self._place(data)
        if not data.sessions:
            if data.days == 1:
                text = self.tr("No session today for {place}: nothing to prepare.")
            else:
                text = self.tr(
                    "No session today or in the next %n day(s) for {place}: nothing to "
                    "prepare.", "", data.days - 1)
            text = text.format(place=place) + " " + self.tr(
                "Show more days, choose another branch, or plan a session in the Sessions "
                "area (Ctrl+2).")
            self.empty.setText(text)
            self.empty.show()
            return
        self.empty.hide()
        by_day: dict[date, list[SessionCard]] = {}
        for r in data.sessions:
            card = SessionCard(
                r,
                now,
                self.cards_box,
                advice=data.advice.get(r.row.id),
                registrations=data.registrations.get(r.row.id),
            )
            card.action_requested.connect(self._act)
            card.registrations_requested.connect(self.registrations_requested)
            card.prepare_requested.connect(self.prepare)
            by_day.setdefault(r.row.start.astimezone().date(), []).append(card)
            self.cards.append(card)
        index = 0
        days = [data.day + timedelta(days=i) for i in range(data.days)]
        for day in days:
            title = QLabel(day_title(day, data.day), self.cards_box)
            title.setObjectName("DayTitle")
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            layout.insertWidget(index, title)
            index += 1
            cards = by_day.get(day, [])
            if not cards:
                none = QLabel(self.tr("No session for {place} this day.").format(place=place),
                              self.cards_box)
                none.setObjectName("DayEmpty")
                layout.insertWidget(index, none)
                index += 1
            for card in cards:
                layout.insertWidget(index, card)
                index += 1
        for i in range(layout.count()):  # shown now, not at the next turn of the loop
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()
        self._order_tabs()
        self._restore_focus(focus)

    def _order_tabs(self) -> None:
        previous: QWidget = self.refresh_button
        for card in self.cards:
            for button in (card.action_button, card.registrations_button, card.prepare_button):
                self.setTabOrder(previous, button)
                previous = button
        self.setTabOrder(previous, self.cards_scroll.verticalScrollBar())

    def _renew_cards(self, previous: TodayData, data: TodayData) -> bool:
        """Rebuild in place only the cards whose content changed (a check saved for one
        session leaves the others as they are: a dozen cards rebuilt on the GUI thread
        stall the screen in use). False when the list itself changed: sessions added,
        removed or moved, another branch or other days."""
        if (
            previous.day != data.day
            or previous.days != data.days
            or previous.branch_code != data.branch_code
            or len(self.cards) != len(data.sessions)
            or any(card.session_id != r.row.id or card.readiness.row.start != r.row.start
                   for card, r in zip(self.cards, data.sessions, strict=True))
        ):
            return False
        focus = self._focused()
        now = data.now or self.services.clock()
        layout = self.cards_layout
        renewed = False
        for i, r in enumerate(data.sessions):
            old = self.cards[i]
            advice = data.advice.get(r.row.id)
            registrations = data.registrations.get(r.row.id)
            if card_signature(r, now, advice, registrations) == old.signature:
                continue
            card = SessionCard(r, now, self.cards_box, advice=advice,
                               registrations=registrations)
            card.action_requested.connect(self._act)
            card.registrations_requested.connect(self.registrations_requested)
            card.prepare_requested.connect(self.prepare)
            layout.replaceWidget(old, card)
            old.hide()
            old.deleteLater()
            card.show()
            self.cards[i] = card
            renewed = True
        if renewed:
            self._order_tabs()
            self._restore_focus(focus)
        return True

    def _focused(self) -> tuple[int, str] | None:
        """Which card button has the focus, to give it back after a refresh."""
        for card in self.cards:
            for name, button in (("action", card.action_button),
                                 ("prepare", card.prepare_button)):
                if button.hasFocus():
                    return card.session_id, name
        return None

    def _restore_focus(self, focus: tuple[int, str] | None) -> None:
        if focus is None:
            return
        card = self.card(focus[0])
        if card is None:
            return
        button = card.action_button if focus[1] == "action" else card.prepare_button
        if button.isVisibleTo(self):
            button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            card.prepare_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def card(self, session_id: int) -> SessionCard | None:
        return next((c for c in self.cards if c.session_id == session_id), None)

    # ------------------------------------------------------------------ actions
    def _act(self, session_id: int, step: str) -> None:
        card = self.card(session_id)
        if card is not None:
            self.open_requested.emit(card.readiness.row, step)

    def _open_from_prepare(self, session_id: int, step: str) -> None:
        r = self.prepare_page.readiness
        if r is not None and r.row.id == session_id:
            self.open_requested.emit(r.row, step)

    def prepare(self, session_id: int) -> None:
        """Préparer for this session (from a card, or the Sessions area)."""
        self.stack.setCurrentWidget(self.prepare_page)
        self.prepare_page.show_session(session_id)
        self.prepare_page.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        back_to = self.prepare_page.session_id
        self.stack.setCurrentWidget(self.list_page)
        card = self.card(back_to) if back_to is not None else None
        if card is not None:
            card.prepare_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.cards_scroll.ensureWidgetVisible(card)

    # ------------------------------------------------------------------ offline
    def set_offline(self) -> None:
        """The server cannot be reached: readiness cannot be read."""
        self.offline = True
        self._drop_glance()
        self.cards_box.setEnabled(False)
        self.empty.setText("▲ " + self.tr(
            "Aujourd'hui needs the database server, which cannot be reached. The Sessions "
            "area shows the last known sessions; device checks, checklists and attendance "
            "counts still work. This list comes back by itself once the server answers."))
        self.empty.show()
        self.refresh_button.setEnabled(False)

    def set_online(self) -> None:
        if not self.offline:
            return
        self.offline = False
        self.cards_box.setEnabled(True)
        self.refresh_button.setEnabled(True)
        self.empty.hide()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (back from a check): read what changed meanwhile."""
        super().showEvent(event)
        if self.data is not None and not self.model.loading:
            self.refresh()
