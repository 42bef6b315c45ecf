"""Today's sessions at a glance, shown the moment the window opens: when, what, where and
on which licence, read by one light query (`app.services.glance`) while the database
layer loads. Each session's readiness follows with the Aujourd'hui cards, in the same
place; this list says so."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services.glance import Glance, GlanceRow

INDENT = "&nbsp;" * 4


def _escape(text: str) -> str:
    """Text shown as typed inside the list's rich text (html's module is 2 ms to load)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def heading(day: date, place: str) -> str:
    """« Aujourd'hui, mardi 24 novembre — Bachut »: the glance's and Aujourd'hui's title."""
    when = QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")
    return QCoreApplication.translate("GlanceView", "Today, {day} — {place}").format(
        day=when, place=place)


def day_title(day: date, today: date) -> str:
    """A day's title in the list of the coming days (today, tomorrow, then the date)."""
    text = QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")
    if day == today:
        return QCoreApplication.translate("GlanceView", "Today — {day}").format(day=text)
    if day == today + timedelta(days=1):
        return QCoreApplication.translate("GlanceView", "Tomorrow — {day}").format(day=text)
    return text[:1].upper() + text[1:]


class GlanceView(QWidget):
    """The heading and one line pair per session, grouped by day; read-only."""

    def __init__(self, glance: Glance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TodayGlance")
        self.glance = glance
        place = glance.branch_name or self.tr("the whole network")
        self.heading = _bold(QLabel(heading(glance.day, place), self), 1.25)
        self.heading.setAccessibleName(self.tr("Today"))
        self.note = QLabel(self.tr(
            "Each session's preparation (checks, checklist, licence) is being read and "
            "shows in a moment."), self)
        self.note.setObjectName("GlanceNote")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Loading"))

        # One label for the whole list: a dozen widgets would cost more than the query.
        days: list[str] = []
        said: list[str] = []  # the same, in plain words, for screen readers
        self.entries: list[tuple[str, str]] = []  # (start–end, title), in order
        by_day: dict[date, list[GlanceRow]] = {}
        for row in glance.rows:
            by_day.setdefault(row.start.astimezone().date(), []).append(row)
        for offset in range(glance.days):
            when = glance.day + timedelta(days=offset)
            title = day_title(when, glance.day)
            lines = [f"<b>{_escape(title)}</b>"]
            said.append(title + ":")
            sessions = by_day.get(when, [])
            if not sessions:
                lines.append(INDENT + _escape(self.tr("No session.")))
                said.append(self.tr("No session."))
            for row in sessions:
                lines.append(self._line(row))
                when_text, name = self.entries[-1]
                said.append(f"{when_text}, {name}, {row.branch_name}.")
            days.append("<br>".join(lines))
        self.list_label = QLabel("<p>" + "</p><p>".join(days) + "</p>")
        self.list_label.setObjectName("GlanceSessions")
        self.list_label.setAccessibleName(self.tr("Today's sessions"))
        self.list_label.setAccessibleDescription(" ".join(said))
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.list_label)
        rows.addStretch(1)
        # No `Qt.…` flag on the way to the first screen: Qt's namespace is 25 ms of enums.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def _line(self, row: GlanceRow) -> str:
        start, end = row.start.astimezone(), row.end.astimezone()
        licence = row.licence_label or self.tr("no licence booked")
        when = f"{start:%H:%M}–{end:%H:%M}"
        self.entries.append((when, row.title))
        return (f"{INDENT}{when}&nbsp;&nbsp;{_escape(row.title)}<br>"
                f"{INDENT}{_escape(row.branch_name)} · {_escape(licence)}")
