"""The list page (*do-confirm*): the whole checklist by pause point, tick what is done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.checklists import (
    PAUSE_LABELS,
    ChecklistRun,
    ChecklistService,
    StepRecord,
    StepState,
)
from app.errors import RegieError
from app.ui.checklists.parts import _SignOffBar, _SkipBar, state_text, step_markdown
from app.ui.checklists.saver import RunSaver
from app.ui.i18n import label


def _show_record(item: QTreeWidgetItem, rec: StepRecord, why: str) -> None:
    """A step's box. One an automatic check ticked is read-only: a stray Space must not
    undo what the check proved (checking again, or a skip with a reason, still can)."""
    item.setCheckState(0, Qt.CheckState.Checked if rec.state is StepState.DONE
                       else Qt.CheckState.Unchecked)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    locked = rec.auto and rec.state is StepState.DONE
    if not locked:
        flags |= Qt.ItemFlag.ItemIsUserCheckable
    item.setFlags(flags)
    tip = why
    if locked:
        tip = QCoreApplication.translate(
            "ChecklistsArea", "Ticked by an automatic check: cannot be unticked by hand."
        ) + "\n" + why
    item.setToolTip(0, f"{item.text(0)}\n{tip}")
    item.setToolTip(1, item.text(1))
    item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, tip)

class ListPage(QWidget):
    """Every step of the open run in a tree (ticked, skipped, noted), with the tutorial of
    the selected one.

    Every change is handed to the saver at once. "Check again", the close button and
    the sign-off bar are the area's to connect. Its texts keep the translation context
    of the area it was part of.
    """

    failed = Signal(object)  # RegieError to show

    def __init__(
        self, service: ChecklistService, saver: RunSaver, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.saver = saver
        self.run: ChecklistRun | None = None  # the open run, when it is a do-confirm one
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(QCoreApplication.translate("ChecklistsArea",
                                                                   "Steps done"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(QCoreApplication.translate("ChecklistsArea",
                                                               "Checklist steps"))
        self.tree.setHeaderLabels([
            QCoreApplication.translate("ChecklistsArea", "Step"),
            QCoreApplication.translate("ChecklistsArea", "State"),
            QCoreApplication.translate("ChecklistsArea", "Note"),
        ])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A step's name wraps rather than being cut; its state shows whole.
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected_tutorial())
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(QCoreApplication.translate("ChecklistsArea", "Tutorial"))
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.browser)
        # The steps' names need the width more than the tutorial, which wraps.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(QCoreApplication.translate(
            "ChecklistsArea", "Note for the selected step (optional)"))
        self.note.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Note for the selected step"))
        self.note.editingFinished.connect(self.save_note)
        self.skip = _SkipBar()
        self.skip.skip.connect(self._skip_selected)
        self.check_again = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "Check a&gain"))
        self.check_again.setAccessibleName(QCoreApplication.translate(
            "ChecklistsArea", "Tick the steps the automatic checks confirm"))
        self.close_button = QPushButton(
            QCoreApplication.translate("ChecklistsArea", "&Close (progress is saved)"))
        self.close_button.setAccessibleName(
            QCoreApplication.translate("ChecklistsArea", "Close the run; it can be resumed"))
        self.sign = _SignOffBar()
        lay.addWidget(self.title)
        lay.addWidget(self.progress)
        lay.addWidget(split, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.skip)
        row = QHBoxLayout()
        row.addWidget(self.check_again)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay.addLayout(row)
        lay.addWidget(self.sign)

    def open(self, run: ChecklistRun) -> None:
        self.run = run
        self.sign.open_for(run.state.staff_id)
        self.fill()

    def clear(self) -> None:
        self.run = None
        self.tree.clear()

    def refresh(self) -> None:
        """Show the run's steps as they stand (in place when the tree is filled)."""
        if self.tree.topLevelItemCount():
            self._sync()
        else:
            self.fill()

    def fill(self) -> None:
        run = self.run
        assert run is not None
        selected = self._selected_step_id()
        self.title.setText(run.checklist.title)
        self.progress.setRange(0, run.total)
        self.progress.setValue(run.resolved_count)
        self.progress.setFormat(QCoreApplication.translate("ChecklistsArea", "%v of %m steps"))
        self.tree.blockSignals(True)
        self.tree.clear()
        current: QTreeWidgetItem | None = None
        for pause, steps in run.groups():
            parent = QTreeWidgetItem([label(PAUSE_LABELS[pause])])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for s in steps:
                rec = run.record(s.id)
                item = QTreeWidgetItem([s.title, state_text(rec), rec.note])
                item.setData(0, Qt.ItemDataRole.UserRole, s.id)
                _show_record(item, rec, s.why)
                parent.addChild(item)
                if s.id == selected or (current is None and selected is None
                                        and s.id == run.current.id):
                    current = item
            parent.setExpanded(True)
        self.tree.blockSignals(False)
        if current is not None:
            self.tree.setCurrentItem(current)
        self.sign.set_ready(run.complete)
        self._show_selected_tutorial()

    def _sync(self) -> None:
        """Update the rows in place (the tree may be emitting the signal that got us here,
        so it must not be rebuilt)."""
        run = self.run
        assert run is not None
        self.progress.setValue(run.resolved_count)
        self.tree.blockSignals(True)
        for s in run.steps:
            rec = run.record(s.id)
            item = self.step_item(s.id)
            item.setText(1, state_text(rec))
            item.setText(2, rec.note)
            _show_record(item, rec, s.why)
        self.tree.blockSignals(False)
        self.sign.set_ready(run.complete)
        sid = self._selected_step_id()
        self.skip.setEnabled(sid is not None and not run.record(sid).resolved)

    def _selected_step_id(self) -> str | None:
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(data) if data else None

    def step_item(self, step_id: str) -> QTreeWidgetItem:
        """The tree row of a step (tests and keyboard users select rows by it)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == step_id:
                    return child
        raise KeyError(step_id)

    def _show_selected_tutorial(self) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None:
            self.browser.clear()
            self.note.clear()
            self.skip.setEnabled(False)
            return
        step = run.step(sid)
        text, base = step_markdown(self.service, step)
        why = QCoreApplication.translate("ChecklistsArea", "**Why:** {why}").format(why=step.why)
        self.browser.document().setBaseUrl(base)
        self.browser.setMarkdown(f"### {step.title}\n\n{why}\n\n{text}")
        self.note.setText(run.record(sid).note)
        self.skip.setEnabled(not run.record(sid).resolved)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        run = self.run
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        if run is None or not sid or column != 0:
            return
        try:
            if item.checkState(0) == Qt.CheckState.Checked:
                run.tick(str(sid))
            else:
                run.untick(str(sid))
            self.saver.save(run)
        except RegieError as err:
            self.failed.emit(err)
        self._sync()

    def _skip_selected(self, reason: str) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None:
            return
        try:
            run.skip(reason, sid)
            self.saver.save(run)
        except RegieError as err:
            self.failed.emit(err)
        self._sync()

    def save_note(self) -> None:
        run = self.run
        sid = self._selected_step_id()
        if run is None or sid is None or run.finished:
            return
        if self.note.text().strip() != run.record(sid).note:
            run.set_note(self.note.text(), sid)
            self.saver.save(run)
            self.step_item(sid).setText(2, run.record(sid).note)
