"""The guided page (*read-do*): one step at a time, with its tutorial."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import AUTO_CHECKS, PAUSE_LABELS, ChecklistRun, ChecklistService
from app.errors import RegieError
from app.ui.checklists.parts import _SignOffBar, _SkipBar, state_text, step_markdown
from app.ui.checklists.saver import RunSaver
from app.ui.i18n import label


class GuidedPage(QWidget):
    """Shows the current step of the open run, its why and tutorial; done, skip, back.

    Every change is handed to the saver at once. The close button and the sign-off bar
    are the area's to connect. Its texts keep the translation context of the area it
    was part of.
    """

    failed = Signal(object)  # RegieError to show

    def __init__(
        self, service: ChecklistService, saver: RunSaver, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.saver = saver
        self.run: ChecklistRun | None = None  # the open run, when it is a guided one
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(QCoreApplication.translate("ChecklistsArea",
                                                                   "Steps done"))
        self.position = QLabel()
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.step.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.auto = QLabel()
        self.auto.setWordWrap(True)
        self.state = QLabel()
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(QCoreApplication.translate("ChecklistsArea", "Tutorial"))
        self.browser.setOpenExternalLinks(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            QCoreApplication.translate("ChecklistsArea", "Note for this step (optional)"))
        self.note.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Note for this step"))
        self.note.editingFinished.connect(self.save_note)
        self.skip = _SkipBar()
        self.skip.skip.connect(self._skip_current)
        self.back_button = QPushButton(QCoreApplication.translate("ChecklistsArea", "← &Back"))
        self.back_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Previous step"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "&Done, next →"))
        self.next_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Mark done and go to the next step"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.done_next)
        self.close_button = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "&Close (progress is saved)"))
        self.close_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Close the run; it can be resumed"))
        self.sign = _SignOffBar()
        lay.addWidget(self.title)
        lay.addWidget(self.progress)
        lay.addWidget(self.position)
        lay.addWidget(self.step)
        lay.addWidget(self.why)
        lay.addWidget(self.auto)
        lay.addWidget(self.state)
        lay.addWidget(self.browser, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.skip)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.close_button)
        lay.addLayout(nav)
        lay.addWidget(self.sign)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.done_next)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.go_back)

    def open(self, run: ChecklistRun) -> None:
        self.run = run
        self.sign.open_for(run.state.staff_id)
        self.refresh()

    def clear(self) -> None:
        self.run = None

    def refresh(self) -> None:
        """Show the run's current step as it stands."""
        run = self.run
        assert run is not None
        step = run.current
        rec = run.record(step.id)
        self.title.setText(run.checklist.title)
        self.progress.setRange(0, run.total)
        self.progress.setValue(run.resolved_count)
        self.progress.setFormat(QCoreApplication.translate("ChecklistsArea", "%v of %m steps"))
        self.position.setText(
            QCoreApplication.translate("ChecklistsArea", "Step {n} of {total} · {pause}").format(
                n=run.index + 1, total=run.total, pause=label(PAUSE_LABELS[step.pause])))
        self.step.setText(step.title)
        self.why.setText(
            QCoreApplication.translate("ChecklistsArea", "Why: {why}").format(why=step.why))
        if step.check:
            check = label(AUTO_CHECKS[step.check])
            self.auto.setText(QCoreApplication.translate(
                "ChecklistsArea", "Ticks itself when this passes: {check}").format(check=check))
        self.auto.setVisible(step.check is not None)
        self.state.setText(state_text(rec))
        text, base = step_markdown(self.service, step)
        doc = self.browser.document()
        doc.setBaseUrl(base)
        self.browser.setMarkdown(text)
        self.note.setText(rec.note)
        self.back_button.setEnabled(run.index > 0)
        last = run.index + 1 >= run.total
        self.next_button.setText(
            QCoreApplication.translate("ChecklistsArea", "&Done") if last
            else QCoreApplication.translate("ChecklistsArea", "&Done, next →"))
        self.next_button.setEnabled(not (last and rec.resolved))
        self.sign.set_ready(run.complete)
        self.sign.setVisible(run.complete)

    def done_next(self) -> None:
        run = self.run
        if run is None:
            return
        try:
            self.save_note()
            if not run.record(run.current.id).resolved:
                run.tick()
            if run.index + 1 < run.total:
                run.next()
            self.saver.save(run)
        except RegieError as err:
            self.failed.emit(err)
        self.refresh()

    def go_back(self) -> None:
        run = self.run
        if run is None:
            return
        self.save_note()
        if run.back():
            self.saver.save(run)
        self.refresh()

    def _skip_current(self, reason: str) -> None:
        run = self.run
        if run is None:
            return
        try:
            run.skip(reason)
            if run.index + 1 < run.total:
                run.next()
            self.saver.save(run)
        except RegieError as err:
            self.failed.emit(err)
        self.refresh()

    def save_note(self) -> None:
        run = self.run
        if run is None or run.finished:
            return
        rec = run.record(run.current.id)
        if self.note.text().strip() != rec.note:
            run.set_note(self.note.text())
            self.saver.save(run)
