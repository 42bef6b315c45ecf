"""Small non-blocking dialogs that ask who did something, or what it was for, before it
is recorded. Nothing is preselected: a guessed answer would credit the wrong person or
file a result under the wrong session, and nobody would notice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Staff
from app.ui.errors import known
from app.ui.i18n import error_text
from app.ui.workers import CancelToken, Pool, ProgressFn, run_task


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
