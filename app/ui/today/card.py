"""One session on Aujourd'hui: when, what, where, how; each step's state (symbol, word,
colour and detail); the one next action as the primary button, and "Prepare…"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.forecast import Advice
from app.core.models import MODE_LABELS
from app.core.readiness import Readiness, StepKey, StepState
from app.core.waiting_list import RegistrationCounts
from app.ui import colours
from app.ui.i18n import label
from app.ui.today.model import StepView, action_text, status_text, step_view
from app.ui.widgets import FlowLayout

CHIP_WIDTH = 148  # seven steps side by side fit a 1366-pixel-wide screen; fewer wrap


def chip(view: StepView, parent: QWidget | None = None) -> QLabel:
    """A step as a small two-line badge: its symbol and name, then its state word and
    detail. The word always shows whole; only the detail is cut, and the tooltip and the
    accessible description carry the whole sentence."""
    chip = QLabel(parent)
    metrics = chip.fontMetrics()
    inner = CHIP_WIDTH - 12
    first = metrics.elidedText(f"{view.symbol} {view.label}", Qt.TextElideMode.ElideRight, inner)
    words = f"{view.word} · {view.detail}" if view.detail else view.word
    second = metrics.elidedText(words, Qt.TextElideMode.ElideRight, inner)
    chip.setText(f"{first}\n{second}")
    chip.setObjectName(f"step-{view.step.key.value}")
    chip.setFixedWidth(CHIP_WIDTH)
    chip.setStyleSheet(
        f"QLabel {{ color: {view.fg}; background: {view.bg}; border: 1px solid {view.fg};"
        " border-radius: 4px; padding: 2px 4px; }"
    )
    chip.setToolTip(view.full)
    chip.setAccessibleName(view.short)
    chip.setAccessibleDescription(view.full)
    return chip


def card_signature(
    readiness: Readiness,
    now: datetime,
    advice: Advice | None,
    registrations: RegistrationCounts | None,
) -> tuple[object, ...]:
    """Everything a card shows, as data: two cards with the same signature look the same,
    so a refresh rebuilds only the cards whose signature changed."""
    return (readiness, [step_view(s, now) for s in readiness.steps], status_text(readiness),
            action_text(readiness), advice, registrations)


class SessionCard(QFrame):
    """A session of the coming days and how far its preparation is."""

    action_requested = Signal(int, str)  # session id, StepKey value
    prepare_requested = Signal(int)
    registrations_requested = Signal(int)

    def __init__(
        self,
        readiness: Readiness,
        now: datetime,
        parent: QWidget | None = None,
        *,
        advice: Advice | None = None,
        registrations: RegistrationCounts | None = None,
    ) -> None:
        super().__init__(parent)
        self.readiness = readiness
        self.signature = card_signature(readiness, now, advice, registrations)
        row = readiness.row
        self.session_id = row.id
        self.setObjectName("SessionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As tall as its steps need at the width it has (they wrap on a narrow window).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        start, end = row.start.astimezone(), row.end.astimezone()

        self.title = QLabel(f"{start:%H:%M}–{end:%H:%M}  {row.title}", self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        licence = row.licence_label or self.tr("no licence booked")
        self.where = QLabel(
            " · ".join((row.branch_name, label(MODE_LABELS[row.mode]), licence)), self
        )
        self.status = QLabel(status_text(readiness), self)
        self.status.setObjectName("ReadyText")
        self.status.setStyleSheet(
            "QLabel { font-weight: bold; color: %s; }"
            % (colours.OK_TEXT if readiness.ready or readiness.next_step is None
               else colours.NOT_READY_TEXT)
        )

        self.views = [
            step_view(s, now)
            for s in readiness.steps
            if s.key is not StepKey.ATTENDANCE or s.state is not StepState.NOT_NEEDED
        ]
        # The steps wrap onto a second line when the window is narrow (1366×768 at 125 %).
        chips = FlowLayout(spacing=4)
        self.chips: dict[StepKey, QLabel] = {}
        for view in self.views:
            c = chip(view, self)
            self.chips[view.step.key] = c
            chips.addWidget(c)

        text = action_text(readiness)
        # Children are made with their parent: a parentless widget made visible would
        # flash as a window of its own.
        self.action_button = QPushButton(text or "", self)
        self.action_button.setObjectName("NextAction")
        self.action_button.setFont(bold)
        self.action_button.setVisible(text is not None)
        self.action_button.setAccessibleName(
            self.tr("{action} — {title}").format(action=text or "", title=row.title)
        )
        self.action_button.clicked.connect(self._act)
        self.prepare_button = QPushButton(self.tr("Prepare…"), self)
        self.prepare_button.setObjectName("PrepareButton")
        self.prepare_button.setAccessibleName(
            self.tr("Prepare “{title}”, step by step").format(title=row.title)
        )
        self.prepare_button.clicked.connect(lambda: self.prepare_requested.emit(self.session_id))

        self.forecast = QLabel(self._forecast_text(advice, registrations), self)
        self.forecast.setObjectName("CardForecast")
        self.forecast.setWordWrap(True)
        self.forecast.setVisible(advice is not None)
        self.forecast.setAccessibleName(self.tr("Registrations and forecast"))
        self.registrations_button = QPushButton(self.tr("Registrations…"), self)
        self.registrations_button.setObjectName("RegistrationsButton")
        self.registrations_button.setAccessibleName(
            self.tr("Registrations of “{title}”").format(title=row.title)
        )
        self.registrations_button.clicked.connect(
            lambda: self.registrations_requested.emit(self.session_id)
        )

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.where, 1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.registrations_button)
        buttons.addWidget(self.prepare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(chips)
        layout.addWidget(self.forecast)
        layout.addLayout(buttons)
        self.setAccessibleName(f"{row.title}, {start:%H:%M}")
        self.setAccessibleDescription(
            "; ".join([self.status.text(), *(v.full for v in self.views)])
        )

    def _forecast_text(
        self, advice: Advice | None, counts: RegistrationCounts | None
    ) -> str:
        if advice is None:
            return ""
        template, fields = advice.sentence()
        text = QCoreApplication.translate("forecast", template).format(**fields)
        if counts is not None and (counts.registered or counts.waiting):
            text = self.tr(
                "{registered} registered of {accept} · {waiting} waiting. {advice}"
            ).format(
                registered=counts.registered,
                accept=advice.accept,
                waiting=counts.waiting,
                advice=text,
            )
        return text

    def _act(self) -> None:
        step = self.readiness.next_step
        if step is not None:
            self.action_requested.emit(self.session_id, step.value)

    def step_text(self, key: StepKey) -> str:
        """What the card says of a step (tests and screen readers read it)."""
        return self.chips[key].accessibleDescription()
