"""One session's readiness sheet as an A4 PDF: the session, whether it is ready and what
is missing, each step with its state, detail and time (skipped ones with their reason),
and room for the agent's initials. Printed and pinned by the room's computer.

Drawn with QPdfWriter and QPainter only (QtGui, no widgets), like the activity report.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import MODE_LABELS, STATUS_LABELS
from app.core.readiness import CTX, Readiness, StepState
from app.core.readiness_view import NOT_READY_TEXT, READY_BY_HAND_TEXT, READY_TEXT, describe
from app.errors import RegieError

SHEET = "ReadinessSheet"  # translation context of the sheet's own words

_INK = QColor("#1a1a1a")
_GRID = QColor("#9a9a9a")
# A light tint per state; the symbol and the word carry the meaning in black and white.
_TINT = {
    StepState.DONE: QColor("#e3f4e6"),
    StepState.WARNING: QColor("#fff1d6"),
    StepState.FAILED: QColor("#fde4e4"),
    StepState.TODO: QColor("#f2f2f2"),
    StepState.SKIPPED: QColor("#ebebf7"),
    StepState.NOT_NEEDED: QColor("#ffffff"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(SHEET, text)


def _labels(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def sheet_title(readiness: Readiness) -> str:
    """The document's title (also its PDF metadata title)."""
    return _t(_N("ReadinessSheet", "Readiness sheet — {title}")).format(title=readiness.row.title)


def write_readiness_pdf(readiness: Readiness, path: Path, *, printed_at: datetime) -> None:
    """Write the sheet to `path`. Needs a QGuiApplication (fonts)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(sheet_title(readiness))
    writer.setCreator("Régie")
    painter = QPainter()
    if not painter.begin(writer):
        raise RegieError(
            _N("errors", "The PDF file {path} cannot be written."),
            _N("errors", "Choose another folder, or close the file if a reader has it open."),
            path=str(path),
        )
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        _draw(painter, readiness, printed_at, float(page.width()), float(page.height()))
    finally:
        painter.end()


def _font(painter: QPainter, size: float, *, bold: bool = False) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)


def _text(painter: QPainter, y: float, width: float, text: str, *, lines: int = 1) -> float:
    """Left-aligned wrapped text from `y`; returns the y below it."""
    height = painter.fontMetrics().height() * 1.35 * lines
    box = QRectF(0, y, width, height)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
        Qt.TextFlag.TextWordWrap
    )
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return y + max(used.height(), painter.fontMetrics().height()) + 6


def _draw(
    painter: QPainter, r: Readiness, printed_at: datetime, width: float, height: float
) -> None:
    row = r.row
    start, end = row.start.astimezone(), row.end.astimezone()
    painter.setPen(_INK)
    y = 0.0
    _font(painter, 16, bold=True)
    y = _text(painter, y, width, sheet_title(r), lines=2)
    _font(painter, 10)
    facts = [
        _t(_N("ReadinessSheet", "When: {day}, {start}–{end}")).format(
            day=f"{start:%d/%m/%Y}", start=f"{start:%H:%M}", end=f"{end:%H:%M}"
        ),
        _t(_N("ReadinessSheet", "Branch: {branch} · Mode: {mode} · Type: {type}")).format(
            branch=row.branch_name, mode=_labels(MODE_LABELS[row.mode]), type=row.type_name
        ),
        _t(_N("ReadinessSheet", "Licence: {licence} · Host: {host} · Status: {status}")).format(
            licence=row.licence_label or "—",
            host=row.host_name or "—",
            status=_labels(STATUS_LABELS[row.status]),
        ),
    ]
    for line in facts:
        y = _text(painter, y, width, line)
    y += 8

    _font(painter, 12, bold=True)
    say = QCoreApplication.translate
    if r.override is not None:
        verdict = "● " + say(CTX, READY_BY_HAND_TEXT).format(reason=r.override)
    elif r.ready:
        verdict = "● " + say(CTX, READY_TEXT)
    else:
        verdict = "○ " + say(CTX, NOT_READY_TEXT)
    y = _text(painter, y, width, verdict)
    _font(painter, 10)
    if r.missing and r.override is None:
        names = ", ".join(describe(s, printed_at, say).label for s in r.missing)
        still = _t(_N("ReadinessSheet", "Still to do before the launch: {steps}"))
        y = _text(painter, y, width, still.format(steps=names), lines=2)
    y += 10
    y = _draw_steps(painter, r, printed_at, y, width)

    y += 30
    _font(painter, 10)
    for line in (
        _t(_N("ReadinessSheet", "Prepared by: ____________________   Initials: ______")),
        _t(_N("ReadinessSheet", "Checked again at: ______   Notes: __________________________")),
    ):
        y = _text(painter, y, width, line) + 14
    _font(painter, 8)
    painter.setPen(_GRID)
    painter.drawText(
        QRectF(0, height - painter.fontMetrics().height() * 1.5, width,
               painter.fontMetrics().height() * 1.5),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
        _t(_N("ReadinessSheet", "Printed by Régie on {when}")).format(
            when=f"{printed_at.astimezone():%d/%m/%Y %H:%M}"
        ),
    )


def _draw_steps(
    painter: QPainter, r: Readiness, printed_at: datetime, y: float, width: float
) -> float:
    """The steps as a table: step, state, detail (skipped ones say why)."""
    cols = [0.24, 0.18, 0.58]
    heads = [
        _t(_N("ReadinessSheet", "Step")),
        _t(_N("ReadinessSheet", "State")),
        _t(_N("ReadinessSheet", "Detail")),
    ]
    say = QCoreApplication.translate
    _font(painter, 10, bold=True)
    row_h = painter.fontMetrics().height() * 2.4
    left = 0.0
    for col, text in enumerate(heads):
        w = cols[col] * width
        painter.drawText(
            QRectF(left + 6, y, w - 12, row_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        left += w
    y += row_h
    painter.setPen(QPen(_INK, 2))
    painter.drawLine(0, int(y), int(width), int(y))
    _font(painter, 10)
    for step in r.steps:
        words = describe(step, printed_at, say)
        painter.fillRect(QRectF(0, y + 1, width, row_h - 1), _TINT[step.state])
        painter.setPen(_INK)
        cells = [f"{words.symbol} {words.label}", words.word, words.detail or "—"]
        left = 0.0
        for col, text in enumerate(cells):
            w = cols[col] * width
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(
                Qt.TextFlag.TextWordWrap
            )
            painter.drawText(QRectF(left + 6, y, w - 12, row_h), flags, text)
            left += w
        y += row_h
        painter.setPen(QPen(_GRID, 1))
        painter.drawLine(0, int(y), int(width), int(y))
    painter.setPen(_INK)
    return y
