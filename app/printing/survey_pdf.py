"""The yearly survey as an A4 PDF (landscape): the tables by type and by branch, each
closed by the network's line, then the definitions used.

Drawn with QPdfWriter and QPainter only (QtGui, no widgets), for the report area and
`regie report --survey --pdf` alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.survey import (
    BRANCH_TITLE,
    COLUMNS,
    DEFINITIONS,
    DEFINITIONS_TITLE,
    TYPE_TITLE,
    SurveyLine,
    YearSurvey,
    hours_text,
)
from app.errors import RegieError
from app.printing.standalone import drawing_in
from app.printing.tables import draw_rows

TITLE = _N("survey", "Yearly survey {year}")


def _t(text: str) -> str:
    return QCoreApplication.translate("survey", text)


def write_survey_pdf(survey: YearSurvey, path: Path) -> None:
    """Needs a QGuiApplication (fonts); `write_survey_pdf_standalone` makes one."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    title = _t(TITLE).format(year=survey.year)
    writer.setTitle(title)
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
        width, height = float(page.width()), float(page.height())
        font = QFont(painter.font())
        font.setPointSizeF(15)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, width, 60), title)
        font.setPointSizeF(8)
        font.setBold(False)
        painter.setFont(font)
        y = 70.0
        for first, lines in ((TYPE_TITLE, survey.by_type), (BRANCH_TITLE, survey.by_branch)):
            needed = painter.fontMetrics().height() * 1.5 * (len(lines) + 2)
            if y + needed > height:
                writer.newPage()
                y = 0.0
            y = _table(painter, survey, _t(first), lines, y, width) + 25
        line_h = painter.fontMetrics().height() * 1.4
        if y + line_h * (len(DEFINITIONS) * 2 + 1) > height:
            writer.newPage()
            y = 0.0
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, y, width, line_h), _t(DEFINITIONS_TITLE))
        painter.setFont(font)
        y += line_h
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        for text in DEFINITIONS:
            box = painter.boundingRect(QRectF(0, y, width, height), flags, "• " + _t(text))
            painter.drawText(box, flags, "• " + _t(text))
            y += box.height() + 4
    finally:
        painter.end()


def write_survey_pdf_standalone(survey: YearSurvey, path: Path, lang: str = "en") -> None:
    """For the command line, in its language."""
    with drawing_in(lang):
        write_survey_pdf(survey, path)


def _table(
    painter: QPainter,
    survey: YearSurvey,
    first: str,
    lines: Sequence[SurveyLine],
    y: float,
    width: float,
) -> float:
    cols = [0.28, *([0.09] * 8)]
    rows = [[first, *(_t(c) for c in COLUMNS)]]
    for x in (*lines, survey.network):
        label = _t(x.label) if x is survey.network else x.label
        rows.append(
            [label, str(x.held), str(x.cancelled), str(x.registered), str(x.participants),
             str(x.unique_registrants), hours_text(x.hours), str(x.remote), str(x.hybrid)]
        )
    return draw_rows(painter, rows, cols, y, width, padding=3)
