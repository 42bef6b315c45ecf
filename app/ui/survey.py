"""The yearly survey export, opened from the report area: a year, then a CSV for Excel or
a PDF, both with the definitions used. The figures are read in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.csvfiles import write_file_bytes
from app.core.survey import YearSurvey, survey_csv_bytes
from app.errors import RegieError
from app.printing.survey_pdf import write_survey_pdf
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.workers import CancelToken, Pool, run_task


class SurveySource(Protocol):
    def survey(self, year: int) -> YearSurvey: ...


def translations() -> dict[str, str]:
    """English titles and definitions → the user's language, for the CSV."""
    from app.core import survey as s

    texts = [*s.COLUMNS, s.TYPE_TITLE, s.BRANCH_TITLE, s.NETWORK_TITLE, s.DEFINITIONS_TITLE,
             *s.DEFINITIONS]
    return {t: QCoreApplication.translate("survey", t) for t in texts}


class SurveyDialog(QDialog):
    """Choose a year and write its survey figures as CSV or PDF."""

    def __init__(
        self,
        source: SurveySource,
        year: int,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
        ask_path: Callable[[str, str, str], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SurveyDialog")
        self.setWindowTitle(self.tr("Yearly survey"))
        self.setAccessibleName(self.windowTitle())
        self._source = source
        self._pool = pool
        self._ask_path = ask_path or self._ask
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setAccessibleName(self.tr("Year"))
        intro = QLabel(
            self.tr(
                "Sessions held and cancelled, participants, unique registrants, hours, "
                "remote and hybrid sessions: by session type, by branch and for the "
                "network, with the definitions used."
            )
        )
        intro.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.status = QLabel()
        self.status.setObjectName("SurveyStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year_spin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)

    def _ask(self, title: str, pattern: str, default: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, default, pattern)
        return Path(name) if name else None

    def export(self, kind: str) -> None:
        year = self.year_spin.value()
        suffix = "." + kind
        pattern = self.tr("CSV for Excel (*.csv)") if kind == "csv" else self.tr("PDF (*.pdf)")
        path = self._ask_path(self.windowTitle(), pattern, f"enquete-{year}{suffix}")
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        source = self._source
        for b in (self.csv_button, self.pdf_button):
            b.setEnabled(False)
        self.status.setText(self.tr("Counting the year…"))

        def read(_t: CancelToken, _p: Callable[[int, int], None]) -> YearSurvey:
            return source.survey(year)

        def write(survey: YearSurvey) -> None:
            self._idle()
            try:
                if kind == "csv":
                    write_file_bytes(path, survey_csv_bytes(survey, translations()))
                else:
                    write_survey_pdf(survey, path)  # QPainter: on the GUI thread
            except RegieError as err:
                self.status.setText("✖ " + error_text(err))
                return
            self.status.setText(self.tr("Saved: {path}").format(path=str(path)))

        def failed(err: BaseException) -> None:
            self._idle()
            self.status.setText("✖ " + error_text(known(err)))

        run_task(read, on_success=write, on_error=failed, pool=self._pool, parent=self)

    def _idle(self) -> None:
        for b in (self.csv_button, self.pdf_button):
            b.setEnabled(True)
