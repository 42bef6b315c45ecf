"""The window and every dialog fit a library PC's screen, in French (the longer
language): 1366×768 at 100 % and 125 % scaling (1093×614 logical pixels), 1280×720.

An area may scroll down (the window puts each in a scroll area) but never sideways:
its narrowest layout must fit the width the window leaves it, so columns and buttons
are never cut at the window's right edge. A dialog must fit whole.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QStyle, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppConfig
from app.core.checks import Criterion, Verdict
from app.ui.camera_check import CameraCheckArea
from app.ui.today.card import SessionCard
from tests.ui.screens import areas, dialogs, french_desk

# (name, physical width, height, scaling)
SCREENS = [
    ("1366×768 à 100 %", 1366, 768, 1.0),
    ("1366×768 à 125 %", 1366, 768, 1.25),
    ("1280×720 à 100 %", 1280, 720, 1.0),
]
# What the system keeps: the window's frame, its title bar and the taskbar.
FRAME = QSize(16, 72)


def available(width: int, height: int, scale: float) -> QSize:
    """The logical pixels a maximised window has on that screen."""
    return QSize(int(width / scale), int(height / scale)) - FRAME


def _needs(w: QWidget) -> QSize:
    return w.minimumSizeHint().expandedTo(w.minimumSize())


def _too_big(need: QSize, room: QSize) -> bool:
    return need.width() > room.width() or need.height() > room.height()


def _overlapping_steps(area: QWidget, screen: str) -> list[str]:
    """The step badges of each session card wrap inside the card, above its last line."""
    out = []
    for card in area.findChildren(SessionCard):
        if not card.isVisibleTo(area):
            continue
        for chip in card.chips.values():
            if not card.rect().contains(chip.geometry()) or chip.geometry().intersects(
                card.where.geometry()
            ):
                out.append(f"{screen}: step {chip.objectName()} of {card.title.text()} overlaps")
    return out


def _hidden_columns(table: QTableView, screen: str) -> list[str]:
    """Every column of the sessions table on screen (no sideways scrolling), the dates,
    hours and statuses whole."""
    header = table.horizontalHeader()
    out = []
    for col in range(header.count()):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        if right > table.viewport().width() + 1:
            out.append(f"{screen}: sessions column {col} ends at {right}, off the table")
        if col in (0, 1, 9) and header.sectionSize(col) < table.sizeHintForColumn(col):
            out.append(f"{screen}: sessions column {col} cuts its values")
    # Licences cut to the column stay distinct ("… 1", "… 2"), whole in their tooltip.
    model, licence = table.model(), 8
    metrics = table.fontMetrics()
    room = header.sectionSize(licence) - 2 * table.style().pixelMetric(
        QStyle.PixelMetric.PM_FocusFrameHMargin) - 4
    shown: dict[str, str] = {}  # whole text → as the column shows it
    for row in range(model.rowCount()):
        index = model.index(row, licence)
        text = str(model.data(index) or "")
        if text:
            shown[text] = metrics.elidedText(text, table.textElideMode(), room)
            if model.data(index, Qt.ItemDataRole.ToolTipRole) != text:
                out.append(f"{screen}: the tooltip of {text!r} is not its whole text")
    if len(set(shown.values())) < len(shown):
        out.append(f"{screen}: licences look alike once cut: {sorted(shown.values())}")
    return out


def _narrow_advice(area: QWidget, screen: str) -> list[str]:
    """The camera's advice has the width of the verdicts beside the criterion's name, not
    a narrow column that cuts it word by word."""
    assert isinstance(area, CameraCheckArea)
    advice = "Blurry picture: wipe the lens with a soft cloth and sit at least 50 cm away."
    area._show_criteria({"sharpness": Criterion("sharpness", 18.1, Verdict.FAIL, advice)})
    QCoreApplication.processEvents()
    row = area.rows["sharpness"]
    box = row.advice.parentWidget()
    room = box.width() if box is not None else 0
    out = []
    if not row.advice.isVisible() or row.advice.width() < room // 2:
        out.append(f"{screen}: camera advice {row.advice.width()} px wide in {room}")
    area._show_criteria({})
    return out


def test_window_areas_and_dialogs_fit_small_screens(qtbot: QtBot, config: AppConfig) -> None:
    wrong: list[str] = []
    with french_desk(qtbot, config) as desk:
        window = desk.window
        for screen, width, height, scale in SCREENS:
            room = available(width, height, scale)
            window.resize(room)
            for key, area in areas(desk):
                QCoreApplication.processEvents()
                if _too_big(_needs(window), room):
                    wrong.append(f"{screen}: window with {key} needs {_needs(window)}")
                if key == "today":
                    wrong += _overlapping_steps(area, screen)
                if key == "camera":
                    wrong += _narrow_advice(area, screen)
                if key == "sessions":
                    wrong += _hidden_columns(desk.sessions_area().table, screen)
                viewport = window.area_scroll.viewport().width()
                if _needs(area).width() > viewport:
                    wrong.append(
                        f"{screen}: area {key} needs {_needs(area).width()} px wide,"
                        f" has {viewport}"
                    )
        room = min((available(w, h, s) for _n, w, h, s in SCREENS), key=QSize.width)
        for name, dialog in dialogs(qtbot, desk):
            if _too_big(_needs(dialog), room):
                wrong.append(f"dialog {name} needs {_needs(dialog)}, screen has {room}")
    assert not wrong, "\n".join(wrong)
