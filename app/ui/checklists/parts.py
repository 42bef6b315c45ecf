"""What the checklist pages share: a step's tutorial text and its state in words, and
the skip and sign-off bars (their class names are their translation contexts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.core.checklists import ChecklistService, Step, StepRecord, StepState
from app.core.models import Staff


def step_markdown(service: ChecklistService, step: Step) -> tuple[str, QUrl]:
    """The tutorial section of a step (and its picture), with the base URL for images."""
    cat = service.catalog
    tut = cat.tutorials.get(step.tutorial) if step.tutorial else None
    parts: list[str] = []
    base = QUrl()
    if tut is not None:
        base = QUrl.fromLocalFile(str(tut.folder) + "/")
        section = tut.sections.get(step.section) if step.section else None
        parts.append(section.markdown if section is not None else tut.markdown)
    if step.details:
        parts.append(step.details)
    text = "\n\n".join(parts)
    if step.image and step.image not in text:
        # A blank line first, or Markdown keeps the image inside a preceding list.
        text += f"\n\n![{step.title}]({step.image})\n"
    return text, base


class _SignOffBar(QWidget):
    """Who signs the run off, and the button; enabled once every step is resolved."""

    signed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Staff member signing off"))
        lbl = QLabel(self.tr("Signed off &by:"))
        lbl.setBuddy(self.who)
        self.button = QPushButton(self.tr("&Sign off"))
        self.button.setAccessibleName(self.tr("Sign off the checklist"))
        self.button.clicked.connect(self._emit)
        lay.addWidget(lbl)
        lay.addWidget(self.who, 1)
        lay.addWidget(self.button)

    def set_people(self, people: list[Staff]) -> None:
        current = self.who.currentData()
        self.who.clear()
        for person in people:
            if person.active:
                self.who.addItem(person.name, person.id)
        if current is not None and self.who.findData(current) >= 0:
            self.who.setCurrentIndex(self.who.findData(current))

    def set_ready(self, ready: bool, staff_id: int | None) -> None:
        self.button.setEnabled(ready and self.who.count() > 0)
        if staff_id is not None:
            i = self.who.findData(staff_id)
            if i >= 0:
                self.who.setCurrentIndex(i)

    def _emit(self) -> None:
        staff_id = self.who.currentData()
        if staff_id is not None:
            self.signed.emit(int(staff_id))


class _SkipBar(QWidget):
    """Skip with a reason, typed inline (a reason is required)."""

    skip = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is this step skipped?"))
        self.reason.setAccessibleName(self.tr("Reason for skipping"))
        self.button = QPushButton(self.tr("S&kip"))
        self.button.setAccessibleName(self.tr("Skip this step"))
        self.button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.button.setEnabled(bool(t.strip())))
        self.reason.returnPressed.connect(self._emit)
        self.button.clicked.connect(self._emit)
        lay.addWidget(self.reason, 1)
        lay.addWidget(self.button)

    def _emit(self) -> None:
        text = self.reason.text().strip()
        if text:
            self.skip.emit(text)
            self.reason.clear()


def state_text(rec: StepRecord) -> str:
    """Symbol and words: the state never relies on colour alone."""
    if rec.state is StepState.DONE:
        if rec.auto:
            return QCoreApplication.translate("ChecklistsArea", "✔ Done (automatic check)")
        return QCoreApplication.translate("ChecklistsArea", "✔ Done")
    if rec.state is StepState.SKIPPED:
        return QCoreApplication.translate("ChecklistsArea", "⤼ Skipped: {reason}").format(
            reason=rec.skip_reason)
    return QCoreApplication.translate("ChecklistsArea", "○ To do")
