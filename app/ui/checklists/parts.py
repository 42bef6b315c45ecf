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
    """Who signs the run off, and the button; enabled once every step is resolved.

    Nobody is chosen until a person is picked (or the run names who runs it): a
    preselected name would credit the run to whoever sorts first."""

    signed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Staff member signing off"))
        self.who.addItem(_nobody_yet(), None)
        lbl = QLabel(self.tr("Signed off &by:"))
        lbl.setBuddy(self.who)
        self.button = QPushButton(self.tr("&Sign off"))
        self.button.setAccessibleName(self.tr("Sign off the checklist"))
        self.button.clicked.connect(self._emit)
        self.hint = QLabel()
        self.hint.setAccessibleName(self.tr("Sign-off problem"))
        self.hint.hide()
        self.who.currentIndexChanged.connect(lambda _i: self.hint.hide())
        lay.addWidget(lbl)
        lay.addWidget(self.who, 1)
        lay.addWidget(self.button)
        lay.addWidget(self.hint)

    def set_people(self, people: list[Staff]) -> None:
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(_nobody_yet(), None)
        for person in people:
            if person.active:
                self.who.addItem(person.name, person.id)
        self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.who.blockSignals(False)

    def open_for(self, staff_id: int | None) -> None:
        """A run is opened: nobody is chosen, unless the run names who runs it."""
        self.who.setCurrentIndex(max(0, self.who.findData(staff_id)) if staff_id else 0)
        self.hint.hide()

    def set_ready(self, ready: bool) -> None:
        self.button.setEnabled(ready and self.who.count() > 1)

    @property
    def chosen(self) -> int | None:
        data = self.who.currentData()
        return None if data is None else int(data)

    def _emit(self) -> None:
        staff_id = self.chosen
        if staff_id is None:
            self.hint.setText("▲ " + self.tr("Choose who signs the checklist off."))
            self.hint.show()
            self.who.setFocus()
            return
        self.signed.emit(staff_id)


def _nobody_yet() -> str:
    return QCoreApplication.translate("_SignOffBar", "(choose who signs off)")


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
