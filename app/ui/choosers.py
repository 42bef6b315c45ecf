"""Small non-blocking dialogs that ask who did something, or what it was for, before it
is recorded. Nothing is preselected: a guessed answer would credit the wrong person or
file a result under the wrong session, and nobody would notice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.checks import CheckResult, as_equipment_test
from app.core.models import Branch, SessionRow, Staff
from app.core.sessions import check_targets
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.workers import CancelToken, Pool, ProgressFn, run_task

if TYPE_CHECKING:
    from app.ui.ports import CheckDesk


class StaffChoiceDialog(QDialog):
    """Which staff member is doing this: picked from the list (read in a worker), never
    guessed. `chosen` carries the `Staff` once the person confirms."""

    chosen = Signal(object)  # Staff

    def __init__(
        self,
        read_people: Callable[[], list[Staff]],
        *,
        title: str,
        question: str,
        confirm: str,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StaffChoiceDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._people: dict[int, Staff] = {}

        text = QLabel(question)
        text.setWordWrap(True)
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Staff members"))
        label = QLabel(self.tr("&Staff member:"))
        label.setBuddy(self.people)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm)
        self.confirm_button.setAccessibleName(confirm.replace("&", ""))
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(False)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.people.itemSelectionChanged.connect(self._update)
        self.people.itemActivated.connect(lambda _item: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, 360)

        def read(_token: CancelToken, _progress: ProgressFn) -> list[Staff]:
            return read_people()

        run_task(read, on_success=self._fill, on_error=self._failed, pool=pool, parent=self)

    def _fill(self, people: list[Staff]) -> None:
        self.people.clear()
        self._people = {p.id: p for p in people if p.active}
        for person in sorted(self._people.values(), key=lambda p: p.name.casefold()):
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
        self.people.setCurrentRow(-1)  # nobody until the person picks a name
        self.people.clearSelection()
        if not self._people:
            self._say(self.tr("No staff member is registered yet: add one in the database "
                              "first."))
        self._update()

    def _failed(self, err: BaseException) -> None:
        self._say(error_text(known(err)))

    def _say(self, text: str) -> None:
        self.message.setText("▲ " + text)
        self.message.show()

    def selected(self) -> Staff | None:
        items = self.people.selectedItems()
        if not items:
            return None
        return self._people.get(int(items[0].data(Qt.ItemDataRole.UserRole)))

    def choose(self, staff_id: int) -> None:
        """Pick a person by id (keyboard users pick in the list; tests call this)."""
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == staff_id:
                self.people.setCurrentItem(item)  # and selects it
                return
        raise KeyError(staff_id)

    def _update(self) -> None:
        self.confirm_button.setEnabled(self.selected() is not None)

    def accept(self) -> None:
        person = self.selected()
        if person is None:
            return
        super().accept()
        self.chosen.emit(person)


SETTING_BRANCH = "desk/branch"  # the branch this computer's agent works at (QSettings)


@dataclass
class _Targets:
    branches: list[Branch]
    rows: list[SessionRow]


class SessionChoiceDialog(QDialog):
    """Which session a device check run without one was for: today's and the coming
    week's sessions of the agent's branch (remembered on this computer), or none, a test
    of the equipment. Nothing is preselected. `chosen` carries the `SessionRow`, or None
    for an equipment test."""

    chosen = Signal(object)  # SessionRow | None

    def __init__(
        self,
        services: CheckDesk,
        *,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SessionChoiceDialog")
        self.setWindowTitle(self.tr("Which session was this check for?"))
        self.setAccessibleName(self.windowTitle())
        self._rows: list[SessionRow] = []

        text = QLabel(self.tr(
            "This check was not started from a session. Choose the session it was for, "
            "or say it was a test of the equipment."))
        text.setWordWrap(True)
        self.branch = QComboBox()
        self.branch.setAccessibleName(self.tr("Branch"))
        self.branch.addItem(self.tr("All branches"), None)
        branch_label = QLabel(self.tr("&Branch:"))
        branch_label.setBuddy(self.branch)
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Sessions"))
        sessions_label = QLabel(self.tr("Sess&ion:"))
        sessions_label.setBuddy(self.sessions)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("Save the &result"))
        self.confirm_button.setAccessibleName(self.tr("Save the result for this choice"))
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(False)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        later = QPushButton(self.tr("Not &now"))
        later.setAccessibleName(self.tr("Do not save the result now"))
        self.buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.sessions.itemSelectionChanged.connect(self._update)
        self.sessions.itemActivated.connect(lambda _item: self.accept())
        self.branch.currentIndexChanged.connect(self._branch_changed)

        form = QFormLayout()
        form.addRow(branch_label, self.branch)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(sessions_label)
        layout.addWidget(self.sessions, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self._fill_sessions()

        clock, references, sessions = services.clock, services.references, services.sessions

        def read(_token: CancelToken, _progress: ProgressFn) -> _Targets:
            return _Targets(references.branches(), sessions.list(check_targets(clock().date())))

        run_task(read, on_success=self._loaded, on_error=self._failed, pool=pool, parent=self)

    def _loaded(self, found: _Targets) -> None:
        self._rows = sorted(found.rows, key=lambda r: (r.start, r.id))
        remembered = QSettings().value(SETTING_BRANCH)
        self.branch.blockSignals(True)
        for b in found.branches:
            self.branch.addItem(b.name, b.id)
        try:
            index = self.branch.findData(int(remembered))
        except (TypeError, ValueError):
            index = -1
        self.branch.setCurrentIndex(max(0, index))
        self.branch.blockSignals(False)
        self._fill_sessions()

    def _failed(self, err: BaseException) -> None:
        self.message.setText("▲ " + self.tr(
            "The sessions cannot be read now ({error}). The result can still be saved as "
            "a test of the equipment.").format(error=error_text(known(err))))
        self.message.show()

    def _branch_changed(self) -> None:
        branch = self.branch.currentData()
        QSettings().setValue(SETTING_BRANCH, "" if branch is None else int(branch))
        self._fill_sessions()

    def _fill_sessions(self) -> None:
        """The equipment test first, then the sessions of the chosen branch by time."""
        self.sessions.clear()
        item = QListWidgetItem(self.tr("No session — equipment test"))
        item.setData(Qt.ItemDataRole.UserRole, 0)
        self.sessions.addItem(item)
        branch = self.branch.currentData()
        for row in self._rows:
            if branch is not None and row.branch_id != branch:
                continue
            start = row.start.astimezone()
            item = QListWidgetItem(f"{start:%d/%m %H:%M} · {row.title} · {row.branch_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.sessions.addItem(item)
        self.sessions.setCurrentRow(-1)
        self.sessions.clearSelection()
        self._update()

    def session_ids(self) -> list[int]:
        """The sessions offered, in order (0: the equipment test)."""
        return [int(self.sessions.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.sessions.count())]

    def choose(self, session_id: int | None) -> None:
        """Pick a session by id, or None for the equipment test."""
        wanted = session_id or 0
        for i in range(self.sessions.count()):
            item = self.sessions.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == wanted:
                self.sessions.setCurrentItem(item)
                return
        raise KeyError(session_id)

    def _selected_id(self) -> int | None:
        items = self.sessions.selectedItems()
        return None if not items else int(items[0].data(Qt.ItemDataRole.UserRole))

    def _update(self) -> None:
        self.confirm_button.setEnabled(self._selected_id() is not None)

    def accept(self) -> None:
        picked = self._selected_id()
        if picked is None:
            return
        row = next((r for r in self._rows if r.id == picked), None) if picked else None
        super().accept()
        self.chosen.emit(row)


class ResultTarget(QObject):
    """Which session a camera or sound check's result is filed under.

    Decided when the check starts: the session the screen is open for, never one opened
    afterwards. A check started without one asks, before its first save, which session
    it was for (or whether it tested the equipment), without blocking the screen; the
    answer holds for the rest of that check. `asked` and `dismissed` let the screen say
    what is going on; `label` shows what was chosen.
    """

    asked = Signal()
    dismissed = Signal()

    def __init__(
        self,
        services: CheckDesk,
        label: QLabel,
        write: Callable[[CheckResult, int | None], None],
        *,
        pool: Pool | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._label = label
        self._write = write
        self._pool = pool
        self._screen = parent
        self.decided = False
        self.session_id: int | None = None
        self.question: SessionChoiceDialog | None = None  # open while asking
        self._waiting: CheckResult | None = None  # the result the question is about

    def begin(self, session_id: int | None) -> None:
        """A check starts: for `session_id`, or to be asked before saving (None)."""
        self._close_question()
        self.decided = session_id is not None
        self.session_id = session_id

    def reset(self) -> None:
        """Nothing decided yet (the screen was cleared for another check)."""
        self.begin(None)

    def deliver(self, result: CheckResult) -> None:
        """Save `result` for the session decided, or ask first."""
        if not self.decided:
            self._ask(result)
        elif self.session_id is None:
            self._write(as_equipment_test(result), None)
        else:
            self._write(result, self.session_id)

    def _close_question(self) -> None:
        if self.question is not None:
            self.question.reject()  # the earlier result is not saved

    def _ask(self, result: CheckResult) -> None:
        self._close_question()
        dialog = SessionChoiceDialog(self._services, parent=self._screen, pool=self._pool)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._chosen)
        dialog.rejected.connect(self._dismissed)
        self.question, self._waiting = dialog, result
        self.asked.emit()
        dialog.open()

    def _chosen(self, row: SessionRow | None) -> None:
        result, self.question, self._waiting = self._waiting, None, None
        self.decided, self.session_id = True, None if row is None else row.id
        if row is None:
            self._label.setText(QCoreApplication.translate(
                "ResultTarget", "This result is a test of the equipment (no session)."))
        else:
            when = row.start.astimezone().strftime("%d/%m/%Y %H:%M")
            self._label.setText(QCoreApplication.translate(
                "ResultTarget", "This result is for the session “{title}”, {when}").format(
                    title=row.title, when=when))
        if result is not None:
            self.deliver(result)

    def _dismissed(self) -> None:
        self.question, self._waiting = None, None
        self.dismissed.emit()
