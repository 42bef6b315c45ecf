"""Qt table model of session rows (already filtered and ordered by the service)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import MODE_LABELS, STATUS_LABELS, SessionRow, SessionStatus
from app.ui import colours
from app.ui.i18n import label

Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    ("date", QT_TRANSLATE_NOOP("SessionTableModel", "Date")),
    ("time", QT_TRANSLATE_NOOP("SessionTableModel", "Time")),
    ("title", QT_TRANSLATE_NOOP("SessionTableModel", "Title")),
    ("type", QT_TRANSLATE_NOOP("SessionTableModel", "Type")),
    ("branch", QT_TRANSLATE_NOOP("SessionTableModel", "Branch")),
    ("mode", QT_TRANSLATE_NOOP("SessionTableModel", "Mode")),
    ("capacity", QT_TRANSLATE_NOOP("SessionTableModel", "Capacity")),
    ("host", QT_TRANSLATE_NOOP("SessionTableModel", "Host")),
    ("licence", QT_TRANSLATE_NOOP("SessionTableModel", "Licence")),
    ("status", QT_TRANSLATE_NOOP("SessionTableModel", "Status")),
]

_STATUS_SYMBOL = {
    SessionStatus.PLANNED: "○",
    SessionStatus.READY: "●",
    SessionStatus.RUNNING: "▶",
    SessionStatus.DONE: "✔",
    SessionStatus.CANCELLED: "✖",
}

SessionIdRole = Qt.ItemDataRole.UserRole + 1


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Consecutive indexes as (first, last) pairs: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for i in indexes:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


class SessionTableModel(QAbstractTableModel):
    """Rows are replaced wholesale (`set_rows`), or updated in place when the same
    sessions come back (`update_rows`); cells are formatted lazily on display."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []
        self._today = today  # the desk's local day, from its clock
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [
            QCoreApplication.translate("SessionTableModel", text) for _key, text in COLUMNS
        ]

    def set_rows(self, rows: list[SessionRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if today is not None:
            self._today = today
        self.endResetModel()

    @property
    def today(self) -> date:
        return self._today

    def update_rows(self, rows: list[SessionRow], *, start: int = 0,
                    complete: bool = True) -> bool:
        """Put `rows` at `start` (and, when `complete`, nothing after them) without a
        reset when the same sessions are there in the same order: only the rows whose
        facts changed are repainted, and the view keeps its selection, current row and
        scroll position. False, and nothing done, when the sessions differ: the caller
        then replaces the list (`set_rows`) or its tail."""
        old = self._rows
        end = start + len(rows)
        if start > len(old) or end > len(old) or (complete and end != len(old)):
            return False
        pairs = list(zip(old[start:end], rows, strict=True))
        if any(a.id != b.id for a, b in pairs):
            return False
        changed = [start + i for i, (a, b) in enumerate(pairs) if a != b]
        old[start:end] = rows
        last_column = len(COLUMNS) - 1
        for first, final in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(final, last_column))
        return True

    def replace_tail(self, start: int, rows: list[SessionRow]) -> None:
        """Rows from `start` on become `rows` (the rest of a list read by pages)."""
        if start < len(self._rows):
            self.beginRemoveRows(QModelIndex(), start, len(self._rows) - 1)
            del self._rows[start:]
            self.endRemoveRows()
        self.add_rows(rows)

    def add_rows(self, rows: list[SessionRow]) -> None:
        """Rows that follow the ones shown (the rest of a list read by pages)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == session_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell its column may elide; the notes under the title.
            whole = self._display(r, key)
            return f"{whole}\n{r.notes}" if key == "title" and r.notes else whole
        if role == Qt.ItemDataRole.FontRole and r.start.astimezone().date() == self._today:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and r.status == SessionStatus.CANCELLED:
            return QColor(colours.CANCELLED_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "capacity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SessionIdRole:
            return r.id
        return None

    def _display(self, r: SessionRow, key: str) -> str:
        start = r.start.astimezone()
        end = r.end.astimezone()
        match key:
            case "date":
                if start.date() == self._today:
                    return QCoreApplication.translate("SessionTableModel", "Today")
                return self._locale.toString(
                    QDate(start.year, start.month, start.day), QLocale.FormatType.ShortFormat
                )
            case "time":
                return f"{start:%H:%M}–{end:%H:%M}"
            case "title":
                return r.title
            case "type":
                return r.type_name
            case "branch":
                return r.branch_name
            case "mode":
                return label(MODE_LABELS[r.mode])
            case "capacity":
                return str(r.capacity)
            case "host":
                return r.host_name or "—"
            case "licence":
                return r.licence_label or QCoreApplication.translate("SessionTableModel", "none")
            case "status":
                return f"{_STATUS_SYMBOL[r.status]} {label(STATUS_LABELS[r.status])}"
        return ""
